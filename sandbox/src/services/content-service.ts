import type { ExecutionContext } from '../execution';
import { fail, googleErrors } from '../google-errors';

// ContentService (developers.google.com/apps-script/reference/content): what a web app's doGet/doPost
// returns as plain content. getMimeType() answers the enum value (e.g. 'JSON'), as Apps Script does;
// the runtime maps it to a Content-Type with `contentTypeOf`.

/** ContentService.MimeType, by enum name, with the Content-Type each one is served as. */
export const CONTENT_TYPES = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
} as const;

export type ContentMimeType = keyof typeof CONTENT_TYPES;

const MimeType = Object.freeze(
  Object.fromEntries(Object.keys(CONTENT_TYPES).map((name) => [name, name])) as { readonly [K in ContentMimeType]: K },
);

/** The Content-Type header for a MimeType enum value. */
export const contentTypeOf = (mimeType: ContentMimeType): string => CONTENT_TYPES[mimeType];

/** What TextOutput and HtmlOutput share: content the script sets, appends to and clears. */
export abstract class OutputContent {
  #content: string;

  constructor(content: string) {
    this.#content = content;
  }

  getContent(): string {
    return this.#content;
  }

  setContent(content: string): this {
    this.#content = String(content);
    return this;
  }

  append(addedContent: string): this {
    this.#content += String(addedContent);
    return this;
  }

  clear(): this {
    this.#content = '';
    return this;
  }
}

export class TextOutput extends OutputContent {
  #mimeType: ContentMimeType = 'TEXT';
  #fileName: string | null = null;

  getMimeType(): ContentMimeType {
    return this.#mimeType;
  }

  setMimeType(mimeType: ContentMimeType): this {
    if (!Object.hasOwn(CONTENT_TYPES, mimeType)) fail(googleErrors.invalidArgument('mimeType'));
    this.#mimeType = mimeType;
    return this;
  }

  /** The download file name, or null when the content is shown rather than downloaded. */
  getFileName(): string | null {
    return this.#fileName;
  }

  downloadAsFile(filename: string): this {
    if (typeof filename !== 'string' || filename === '') fail(googleErrors.invalidArgument('filename'));
    this.#fileName = filename;
    return this;
  }
}

export function createContentService(_ctx: ExecutionContext) {
  return {
    MimeType,

    createTextOutput(content: string = ''): TextOutput {
      return new TextOutput(String(content));
    },
  };
}
