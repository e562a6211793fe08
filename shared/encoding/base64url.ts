import { utf8Decode, utf8Encode, Utf8Error } from './utf8';

// base64url (RFC 4648 §5) without padding, by hand: Apps Script has no atob/btoa, and a service
// worker's atob works on Latin-1 strings, not UTF-8 text.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES: Record<string, number> = {};
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charAt(i)] = i;

export class Base64urlError extends Error {
  override name = 'Base64urlError';
}

export function base64urlFromBytes(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET.charAt((chunk >> (18 - 6 * k)) & 0x3f);
  }
  return out;
}

/** Bytes from base64url text (padding '=' tolerated); throws Base64urlError saying what is wrong. */
export function bytesFromBase64url(text: string): number[] {
  const body = text.replace(/=+$/, '');
  if (body.length % 4 === 1) throw new Base64urlError(`${body.length} characters cannot be base64url; some are missing`);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i += 4) {
    const group = body.slice(i, i + 4);
    let chunk = 0;
    for (let k = 0; k < 4; k++) {
      const char = group.charAt(k);
      const value = char === '' ? 0 : VALUES[char];
      if (value === undefined) throw new Base64urlError(`"${char}" at position ${i + k + 1} is not a base64url character`);
      chunk = (chunk << 6) | value;
    }
    const count = Math.floor((group.length * 6) / 8);
    for (let k = 0; k < count; k++) bytes.push((chunk >> (16 - 8 * k)) & 0xff);
  }
  return bytes;
}

export function base64urlFromText(text: string): string {
  return base64urlFromBytes(utf8Encode(text));
}

/** Text from base64url of its UTF-8 bytes; throws Base64urlError on bad characters or bytes. */
export function textFromBase64url(encoded: string): string {
  try {
    return utf8Decode(bytesFromBase64url(encoded));
  } catch (error) {
    if (error instanceof Utf8Error) throw new Base64urlError(`It decodes to bytes that are not text: ${error.message}`);
    throw error;
  }
}
