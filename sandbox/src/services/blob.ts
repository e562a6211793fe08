import { fail, googleErrors } from '../google-errors';
import { MIME } from './drive-items';

// Apps Script's Blob (developers.google.com/apps-script/reference/base/blob): bytes with an optional
// content type and name, shared by Utilities, DriveApp, DocumentApp, MailApp and HtmlOutput.getBlob().
// Bytes cross into the script as Java bytes: signed, -128..127.

/** The script's byte[]: Apps Script hands out Java bytes, so 0xba reads as -70. */
export function toScriptBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/** A byte[] from the script: signed or unsigned integers in -128..255; anything else is refused. */
export function fromScriptBytes(data: readonly unknown[], argument = 'data'): Uint8Array {
  const bytes = new Uint8Array(data.length);
  data.forEach((value, i) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < -128 || value > 255) {
      fail(googleErrors.invalidArgument(argument));
    }
    bytes[i] = value & 0xff;
  });
  return bytes;
}

type Charset = 'UTF-8' | 'US-ASCII' | 'ISO-8859-1';

/** Java charset names and aliases, plus Utilities.Charset's enum names (UTF_8, US_ASCII). */
function charsetNamed(name: string | undefined): Charset {
  if (name === undefined || name === null) return 'UTF-8';
  switch (String(name).toUpperCase().replace(/_/g, '-')) {
    case 'UTF-8':
    case 'UTF8':
      return 'UTF-8';
    case 'US-ASCII':
    case 'ASCII':
      return 'US-ASCII';
    case 'ISO-8859-1':
    case 'LATIN1':
      return 'ISO-8859-1';
    default:
      return fail(googleErrors.unsupportedCharset(String(name)));
  }
}

/** Encodes as Java does: a character the charset cannot hold becomes '?'. */
export function encodeText(text: string, charset?: string): Uint8Array {
  const cs = charsetNamed(charset);
  if (cs === 'UTF-8') return new Uint8Array(Buffer.from(text, 'utf8'));
  const limit = cs === 'US-ASCII' ? 0x7f : 0xff;
  return Uint8Array.from(Array.from(text), (ch) => {
    const code = ch.codePointAt(0) ?? 0x3f;
    return code <= limit ? code : 0x3f;
  });
}

/** Decodes as Java does: malformed or unmappable bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array, charset?: string): string {
  const cs = charsetNamed(charset);
  if (cs === 'UTF-8') return Buffer.from(bytes).toString('utf8');
  if (cs === 'ISO-8859-1') return Buffer.from(bytes).toString('latin1');
  return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join('');
}

const CONTENT_TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: MIME.pdf,
  txt: MIME.plainText,
  html: MIME.html,
  htm: MIME.html,
  csv: MIME.csv,
  json: MIME.json,
  xml: 'text/xml',
  css: 'text/css',
  js: 'application/javascript',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  zip: 'application/zip',
};

const EXTENSIONS_BY_CONTENT_TYPE: Record<string, string> = {
  [MIME.pdf]: 'pdf',
  [MIME.plainText]: 'txt',
  [MIME.html]: 'html',
  [MIME.csv]: 'csv',
  [MIME.json]: 'json',
};

export function contentTypeForName(name: string | null): string | null {
  const extension = name?.match(/\.([^.]+)$/)?.[1]?.toLowerCase();
  return (extension && CONTENT_TYPES_BY_EXTENSION[extension]) ?? null;
}

/** Blob.getAs: "assumes that the part of the filename that follows the last period is an existing extension". */
function renamedFor(name: string | null, contentType: string): string | null {
  if (name === null) return null;
  const extension = EXTENSIONS_BY_CONTENT_TYPE[contentType] ?? contentType.split('/')[1] ?? 'bin';
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.${extension}`;
}

export class Blob {
  #bytes: Uint8Array;
  #contentType: string | null;
  #name: string | null;

  constructor(bytes: Uint8Array, contentType: string | null = null, name: string | null = null) {
    this.#bytes = bytes.slice();
    this.#contentType = contentType;
    this.#name = name;
  }

  /** Host-side access for the services that store or send a blob (Drive, Mail). */
  static bytesOf(blob: Blob): Uint8Array {
    return blob.#bytes.slice();
  }

  getBytes(): number[] {
    return toScriptBytes(this.#bytes);
  }

  setBytes(data: number[]): Blob {
    if (!Array.isArray(data)) fail(googleErrors.signatureMismatch([data], 'Blob.setBytes'));
    this.#bytes = fromScriptBytes(data);
    return this;
  }

  getDataAsString(charset?: string): string {
    return decodeText(this.#bytes, charset);
  }

  setDataFromString(text: string, charset?: string): Blob {
    if (typeof text !== 'string') fail(googleErrors.signatureMismatch([text], 'Blob.setDataFromString'));
    this.#bytes = encodeText(text, charset);
    return this;
  }

  getContentType(): string | null {
    return this.#contentType;
  }

  setContentType(contentType: string | null): Blob {
    this.#contentType = contentType;
    return this;
  }

  /** "The contentType is null if it cannot be guessed from its extension." */
  setContentTypeFromExtension(): Blob {
    this.#contentType = contentTypeForName(this.#name);
    return this;
  }

  getName(): string | null {
    return this.#name;
  }

  setName(name: string): Blob {
    this.#name = name;
    return this;
  }

  isGoogleType(): boolean {
    return false;
  }

  copyBlob(): Blob {
    return new Blob(this.#bytes, this.#contentType, this.#name);
  }

  /**
   * Text types (plain, CSV, HTML…) convert to PDF (HTML is reduced to its text: the sandbox has no layout engine);
   * converting to the blob's own type is a renamed copy. Every other conversion (images included)
   * is refused, as Google refuses what it cannot convert.
   */
  getAs(contentType: string): Blob {
    const from = this.#contentType ?? 'application/octet-stream';
    const renamed = renamedFor(this.#name, contentType);
    if (contentType === from) return new Blob(this.#bytes, contentType, renamed);
    if (contentType === MIME.pdf && from.startsWith('text/')) {
      const text = decodeText(this.#bytes);
      const lines = (from === MIME.html ? htmlText(text) : text).split(/\r?\n/);
      return new Blob(textPdf([lines.map((line) => ({ text: line, size: 11 }))], renamed ?? ''), MIME.pdf, renamed);
    }
    return fail(googleErrors.conversionNotSupported(from, contentType));
  }
}

/** Anything a service accepts where Google takes a BlobSource: a Blob, or an object with getBlob(). */
export function blobFrom(source: unknown, argument: string): Blob {
  if (source instanceof Blob) return source;
  const getBlob = (source as { getBlob?: unknown } | null)?.getBlob;
  if (typeof getBlob === 'function') {
    const blob: unknown = getBlob.call(source);
    if (blob instanceof Blob) return blob;
  }
  return fail(googleErrors.invalidArgument(argument));
}

function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|h[1-6]|li|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface PdfLine {
  text: string;
  /** Font size in points. */
  size: number;
}

const PAGE = { width: 612, height: 792, margin: 72 } as const;

/**
 * A small but valid PDF 1.4 (Letter pages, Helvetica, WinAnsi text) with the given lines, one array
 * per forced page; long lines wrap and full pages flow onto new ones. Deterministic: no dates or ids,
 * so the same document always exports to the same bytes.
 */
export function textPdf(pages: PdfLine[][], title: string): Uint8Array {
  const laidOut: { text: string; size: number; y: number }[][] = [];
  for (const lines of pages) {
    let page: { text: string; size: number; y: number }[] = [];
    let y = PAGE.height - PAGE.margin;
    for (const line of lines) {
      for (const piece of wrap(line.text, Math.floor((PAGE.width - 2 * PAGE.margin) / (line.size * 0.5)))) {
        const leading = line.size * 1.2;
        if (y - leading < PAGE.margin && page.length > 0) {
          laidOut.push(page);
          page = [];
          y = PAGE.height - PAGE.margin;
        }
        y -= leading;
        page.push({ text: piece, size: line.size, y });
      }
    }
    laidOut.push(page);
  }

  const objects: string[] = [];
  const pageIds = laidOut.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${laidOut.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title (${pdfString(title)}) /Producer (CIL Hub sandbox) >>`;
  laidOut.forEach((lines, i) => {
    const content = lines
      .map((l) => `BT /F1 ${l.size} Tf ${PAGE.margin} ${l.y.toFixed(2)} Td (${pdfString(l.text)}) Tj ET`)
      .join('\n');
    const pageId = pageIds[i]!;
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is one byte: pdfString keeps text within WinAnsi's 256 codes.
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > 0 ? space : width;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(space > 0 ? cut + 1 : cut);
  }
  pieces.push(rest);
  return pieces;
}

/** WinAnsiEncoding's characters beyond Latin-1 (typographic quotes, dashes, bullet, euro…), by code. */
const WIN_ANSI_EXTRAS = new Map<number, number>(
  [
    [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87],
    [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e], [0x2018, 0x91],
    [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98],
    [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b], [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
  ],
);

/** A PDF literal string in WinAnsi, one character per byte: escapes, and '?' for what WinAnsi cannot show. */
function pdfString(text: string): string {
  return Array.from(text, (ch) => {
    const code = ch.codePointAt(0) ?? 0x3f;
    if (ch === '\\' || ch === '(' || ch === ')') return `\\${ch}`;
    if (code < 0x20) return ' ';
    const extra = WIN_ANSI_EXTRAS.get(code);
    if (extra !== undefined) return String.fromCharCode(extra);
    return code <= 0xff && !(code >= 0x7f && code < 0xa0) ? ch : '?';
  }).join('');
}
