import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { ExecutionContext } from '../execution';
import { fail, googleErrors } from '../google-errors';
import { Blob, encodeText, fromScriptBytes, toScriptBytes } from './blob';
import { formatDate } from './date-format';

// developers.google.com/apps-script/reference/utilities/utilities
// Every byte[] handed to the script is signed (Java bytes): SHA-256 of 'abc' starts with -70, not 186.

const DIGESTS = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' } as const;
const MACS = { HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' } as const;
const CHARSETS = ['US_ASCII', 'UTF_8'] as const;

const enumOf = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, k])) as { [P in K]: P };

/** Utilities.sleep: "The maximum allowed value is 300000 (or 5 minutes)." */
const MAX_SLEEP_MS = 300_000;

export function createUtilities(ctx: ExecutionContext) {
  const method = (name: string) => `Utilities.${name}`;

  /** Utilities takes its Charset enum, not a charset name (Blob methods take names). */
  const charsetArg = (charset: unknown, args: unknown[], name: string): string | undefined => {
    if (charset === undefined) return undefined;
    if (typeof charset !== 'string' || !(CHARSETS as readonly string[]).includes(charset)) {
      fail(googleErrors.signatureMismatch(args, method(name)));
    }
    return charset;
  };

  /** A String (encoded in the charset) or a byte[], as the overloads of digest and base64 methods accept. */
  const bytesArg = (value: unknown, charset: unknown, args: unknown[], name: string): Uint8Array => {
    if (typeof value === 'string') return encodeText(value, charsetArg(charset, args, name));
    if (Array.isArray(value) && charset === undefined) return fromScriptBytes(value, 'value');
    return fail(googleErrors.signatureMismatch(args, method(name)));
  };

  const hmac = (algorithm: string, value: unknown, key: unknown, charset: unknown, args: unknown[], name: string) => {
    // The overloads pair String with String and byte[] with byte[].
    if (typeof value !== typeof key || Array.isArray(value) !== Array.isArray(key)) {
      fail(googleErrors.signatureMismatch(args, method(name)));
    }
    const mac = createHmac(algorithm, bytesArg(key, charset, args, name));
    return toScriptBytes(mac.update(bytesArg(value, charset, args, name)).digest());
  };

  const decodeBase64 = (encoded: unknown, charset: unknown, webSafe: boolean, args: unknown[], name: string) => {
    if (typeof encoded !== 'string') fail(googleErrors.signatureMismatch(args, method(name)));
    charsetArg(charset, args, name);
    const alphabet = webSafe ? '[A-Za-z0-9_-]' : '[A-Za-z0-9+/]';
    // Strict: padded input only, no whitespace (Google's own behaviour on unpadded input is not documented).
    const valid = new RegExp(`^(?:${alphabet}{4})*(?:${alphabet}{2}==|${alphabet}{3}=)?$`);
    if (!valid.test(encoded)) fail(googleErrors.base64DecodeFailed());
    return toScriptBytes(new Uint8Array(Buffer.from(encoded, webSafe ? 'base64url' : 'base64')));
  };

  return {
    Charset: enumOf(CHARSETS),
    DigestAlgorithm: enumOf(Object.keys(DIGESTS) as (keyof typeof DIGESTS)[]),
    MacAlgorithm: enumOf(Object.keys(MACS) as (keyof typeof MACS)[]),

    formatDate(...args: unknown[]): string {
      const [date, timeZone, format] = args;
      if (!(date instanceof Date) || typeof timeZone !== 'string' || typeof format !== 'string') {
        return fail(googleErrors.signatureMismatch(args, method('formatDate')));
      }
      return formatDate(date, timeZone, format);
    },

    /** sprintf-style: %s, %d/%i, %f (flags '-', '0', width, precision) and %%. */
    formatString(template: string, ...values: unknown[]): string {
      if (typeof template !== 'string') fail(googleErrors.signatureMismatch([template, ...values], method('formatString')));
      let next = 0;
      return template.replace(/%(-)?(0)?(\d+)?(?:\.(\d+))?([sdif%])/g, (_, left, zero, width, precision, conversion) => {
        if (conversion === '%') return '%';
        if (next >= values.length) fail(googleErrors.invalidArgument('args'));
        const value = values[next++];
        let text: string;
        if (conversion === 's') {
          text = String(value);
          if (precision !== undefined) text = text.slice(0, Number(precision));
        } else {
          if (typeof value !== 'number' || Number.isNaN(value)) fail(googleErrors.invalidArgument('args'));
          text = conversion === 'f' ? value.toFixed(precision === undefined ? 6 : Number(precision)) : String(Math.trunc(value));
        }
        const size = width === undefined ? 0 : Number(width);
        if (left) return text.padEnd(size, ' ');
        if (zero && conversion !== 's') {
          const sign = text.startsWith('-') ? '-' : '';
          return sign + text.slice(sign.length).padStart(size - sign.length, '0');
        }
        return text.padStart(size, ' ');
      });
    },

    computeDigest(...args: unknown[]): number[] {
      const [algorithm, value, charset] = args;
      const hash = DIGESTS[algorithm as keyof typeof DIGESTS];
      if (!hash) return fail(googleErrors.signatureMismatch(args, method('computeDigest')));
      return toScriptBytes(createHash(hash).update(bytesArg(value, charset, args, 'computeDigest')).digest());
    },

    computeHmacSha256Signature(...args: unknown[]): number[] {
      const [value, key, charset] = args;
      return hmac('sha256', value, key, charset, args, 'computeHmacSha256Signature');
    },

    computeHmacSignature(...args: unknown[]): number[] {
      const [algorithm, value, key, charset] = args;
      const hash = MACS[algorithm as keyof typeof MACS];
      if (!hash) return fail(googleErrors.signatureMismatch(args, method('computeHmacSignature')));
      return hmac(hash, value, key, charset, args, 'computeHmacSignature');
    },

    base64Encode(...args: unknown[]): string {
      return Buffer.from(bytesArg(args[0], args[1], args, 'base64Encode')).toString('base64');
    },

    /** Web-safe keeps the '=' padding, as Google's does. */
    base64EncodeWebSafe(...args: unknown[]): string {
      return Buffer.from(bytesArg(args[0], args[1], args, 'base64EncodeWebSafe'))
        .toString('base64')
        .replace(/\+/g, '-')
        .replace(/\//g, '_');
    },

    base64Decode(...args: unknown[]): number[] {
      return decodeBase64(args[0], args[1], false, args, 'base64Decode');
    },

    base64DecodeWebSafe(...args: unknown[]): number[] {
      return decodeBase64(args[0], args[1], true, args, 'base64DecodeWebSafe');
    },

    /** A random version 4 UUID, as Google's. */
    getUuid(): string {
      return randomUUID();
    },

    newBlob(...args: unknown[]): Blob {
      const [data, contentType, name] = args;
      const optionalString = (v: unknown) => v === undefined || v === null || typeof v === 'string';
      if (!optionalString(contentType) || !optionalString(name)) {
        return fail(googleErrors.signatureMismatch(args, method('newBlob')));
      }
      const bytes = bytesArg(data, undefined, args, 'newBlob');
      return new Blob(bytes, (contentType as string | null | undefined) ?? null, (name as string | null | undefined) ?? null);
    },

    /** Moves the simulated clock: a sleeping script uses up its 6 minutes as in Google. */
    sleep(...args: unknown[]): void {
      const [milliseconds] = args;
      if (typeof milliseconds !== 'number' || Number.isNaN(milliseconds)) {
        fail(googleErrors.signatureMismatch(args, method('sleep')));
      }
      if (milliseconds < 0) fail(googleErrors.invalidArgument('milliseconds'));
      if (milliseconds > MAX_SLEEP_MS) fail(googleErrors.sleepTooLong(MAX_SLEEP_MS));
      ctx.advance(Math.trunc(milliseconds));
    },

    /** RFC 4180 fields: quotes around a field, "" for a quote inside one, line breaks inside quotes. */
    parseCsv(...args: unknown[]): string[][] {
      const [csv, delimiter = ','] = args;
      if (typeof csv !== 'string' || typeof delimiter !== 'string') {
        return fail(googleErrors.signatureMismatch(args, method('parseCsv')));
      }
      if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
        return fail(googleErrors.invalidArgument('delimiter'));
      }
      const rows: string[][] = [];
      let row: string[] = [];
      let field = '';
      let quoted = false;
      let i = 0;
      const endRow = () => {
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      };
      while (i < csv.length) {
        const ch = csv[i]!;
        if (quoted) {
          if (ch === '"' && csv[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          if (ch === '"') quoted = false;
          else field += ch;
          i++;
        } else if (ch === '"' && field === '') {
          quoted = true;
          i++;
        } else if (ch === delimiter) {
          row.push(field);
          field = '';
          i++;
        } else if (ch === '\r' || ch === '\n') {
          endRow();
          i += ch === '\r' && csv[i + 1] === '\n' ? 2 : 1;
        } else {
          field += ch;
          i++;
        }
      }
      if (quoted) fail(googleErrors.invalidArgument('csv'));
      // A final line break ends the last row; it does not start an empty one.
      if (field !== '' || row.length > 0) endRow();
      return rows;
    },
  };
}
