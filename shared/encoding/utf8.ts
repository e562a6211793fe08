// UTF-8 by hand: Apps Script's V8 has no TextEncoder/TextDecoder, and shared code must run there.

/** The UTF-8 bytes of `text`; a lone surrogate (not valid Unicode) becomes U+FFFD, as TextEncoder does. */
export function utf8Encode(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    // Iterating a string yields whole code points; a lone surrogate comes through on its own.
    let code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) {
      bytes.push(code);
    } else if (code < 0x800) {
      bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    } else {
      bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    }
  }
  return bytes;
}

/** Bytes `text` takes in UTF-8, without building them (request bodies are measured before parsing). */
export function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) length += 1;
    else if (unit < 0x800) length += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length += 4;
        i++;
      } else {
        length += 3;
      }
    } else length += 3;
  }
  return length;
}

export class Utf8Error extends Error {
  override name = 'Utf8Error';
}

/** Text from UTF-8 bytes; throws Utf8Error on bytes that are not well-formed UTF-8. */
export function utf8Decode(bytes: readonly number[]): string {
  const codes: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    let need: number;
    let code: number;
    let min: number;
    if (lead < 0x80) [need, code, min] = [0, lead, 0];
    else if (lead >= 0xc2 && lead <= 0xdf) [need, code, min] = [1, lead & 0x1f, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [need, code, min] = [2, lead & 0x0f, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [need, code, min] = [3, lead & 0x07, 0x10000];
    else throw new Utf8Error(`Byte ${i} (0x${lead.toString(16)}) cannot start a UTF-8 character`);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) throw new Utf8Error(`UTF-8 character at byte ${i} is cut short`);
      code = (code << 6) | (next & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) {
      throw new Utf8Error(`UTF-8 character at byte ${i} is not valid`);
    }
    codes.push(code);
    i += need + 1;
  }
  let text = '';
  // In slices: String.fromCodePoint takes its arguments on the stack.
  for (let start = 0; start < codes.length; start += 4096) {
    text += String.fromCodePoint(...codes.slice(start, start + 4096));
  }
  return text;
}
