import type { ExecutionContext } from '../execution';
import { fail, googleErrors } from '../google-errors';
import { OutputContent } from './content-service';

// HtmlService (developers.google.com/apps-script/reference/html): HTML for sidebars, dialogs and web
// app pages. Templates (…/guides/html/templates) are a subset: `<?= name ?>` (escaped) and
// `<?!= name ?>` (raw) with a property assigned to the template, or a dotted path into one. Scriptlets
// with code (`<? for … ?>`, calls, operators) are refused with a clear error rather than guessed at:
// evaluating them would run script code outside the script's own realm. Escaping is HTML escaping
// everywhere, where Google escapes by context (inside a <script> it writes JSON, for instance).

const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const);
const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const);

/** How each page asked to be framed: kept outside the object, where the script cannot read it. */
const framing = new WeakMap<object, { sandboxMode: string; xFrameOptionsMode: string }>();

// developers.google.com/apps-script/reference/html/html-output#addmetatagname,-content
const ALLOWED_META_TAGS = [
  'apple-mobile-web-app-capable',
  'apple-mobile-web-app-status-bar-style',
  'apple-mobile-web-app-title',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
];

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A string, or the text of a Blob (or anything with getBlob()), as createHtmlOutput/createTemplate accept. */
function htmlSource(source: unknown): string {
  if (source === undefined) return '';
  if (typeof source === 'string') return source;
  const blob = typeof (source as { getBlob?: unknown }).getBlob === 'function' ? (source as { getBlob(): unknown }).getBlob() : source;
  if (typeof (blob as { getDataAsString?: unknown } | null)?.getDataAsString === 'function') {
    return String((blob as { getDataAsString(): unknown }).getDataAsString());
  }
  return fail(googleErrors.invalidArgument('html'));
}

export class HtmlOutputMetaTag {
  readonly #name: string;
  readonly #content: string;

  constructor(name: string, content: string) {
    this.#name = name;
    this.#content = content;
  }

  getName(): string {
    return this.#name;
  }

  getContent(): string {
    return this.#content;
  }
}

export class HtmlOutput extends OutputContent {
  #title = '';
  #width: number | null = null;
  #height: number | null = null;
  #faviconUrl: string | null = null;
  #metaTags: HtmlOutputMetaTag[] = [];

  constructor(content: string) {
    super(content);
    framing.set(this, { sandboxMode: SandboxMode.IFRAME, xFrameOptionsMode: XFrameOptionsMode.DEFAULT });
  }

  appendUntrusted(addedContent: string): this {
    return super.append(escapeHtml(String(addedContent)));
  }

  getTitle(): string {
    return this.#title;
  }

  setTitle(title: string): this {
    this.#title = String(title);
    return this;
  }

  /** Null until set: Google does not document a default; the UI picks its own. */
  getWidth(): number | null {
    return this.#width;
  }

  setWidth(width: number): this {
    if (!Number.isInteger(width) || width < 0) fail(googleErrors.invalidArgument('width'));
    this.#width = width;
    return this;
  }

  getHeight(): number | null {
    return this.#height;
  }

  setHeight(height: number): this {
    if (!Number.isInteger(height) || height < 0) fail(googleErrors.invalidArgument('height'));
    this.#height = height;
    return this;
  }

  getFaviconUrl(): string | null {
    return this.#faviconUrl;
  }

  setFaviconUrl(iconUrl: string): this {
    this.#faviconUrl = String(iconUrl);
    return this;
  }

  /** Accepted and kept; Google now always serves IFRAME whatever is set. */
  setSandboxMode(mode: string): this {
    if (!Object.hasOwn(SandboxMode, mode)) fail(googleErrors.invalidArgument('mode'));
    framing.get(this)!.sandboxMode = mode;
    return this;
  }

  setXFrameOptionsMode(mode: string): this {
    if (!Object.hasOwn(XFrameOptionsMode, mode)) fail(googleErrors.invalidArgument('mode'));
    framing.get(this)!.xFrameOptionsMode = mode;
    return this;
  }

  addMetaTag(name: string, content: string): this {
    if (!ALLOWED_META_TAGS.includes(name)) fail(googleErrors.htmlMetaTagNotAllowed(String(name)));
    this.#metaTags.push(new HtmlOutputMetaTag(name, String(content)));
    return this;
  }

  getMetaTags(): HtmlOutputMetaTag[] {
    return [...this.#metaTags];
  }

  asTemplate(): HtmlTemplate {
    return new HtmlTemplate(super.getContent());
  }
}

/** How a page asked to be framed (no getter at Google; the web-app server reads it for X-Frame-Options). */
export function framingOf(output: HtmlOutput): { sandboxMode: string; xFrameOptionsMode: string } {
  return { ...framing.get(output)! };
}

const PROPERTY_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/**
 * A template: the script assigns properties to it (`template.volunteer = …`) and evaluate() fills
 * the scriptlets from them. The template's own enumerable properties are its variables.
 */
export class HtmlTemplate {
  readonly #raw: string;

  constructor(raw: string) {
    this.#raw = raw;
  }

  getRawContent(): string {
    return this.#raw;
  }

  evaluate(): HtmlOutput {
    const variables = this as unknown as Record<string, unknown>;
    let html = '';
    let rest = this.#raw;
    for (let open = rest.indexOf('<?'); open >= 0; open = rest.indexOf('<?')) {
      html += rest.slice(0, open);
      const close = rest.indexOf('?>', open + 2);
      if (close < 0) fail(googleErrors.htmlTemplateUnclosed());
      const scriptlet = rest.slice(open, close + 2);
      const raw = scriptlet.startsWith('<?!=');
      const printing = raw || scriptlet.startsWith('<?=');
      const expression = scriptlet.slice(raw ? 4 : printing ? 3 : 2, -2).trim();
      if (!printing || !PROPERTY_PATH.test(expression)) fail(googleErrors.htmlTemplateUnsupported(scriptlet));
      const [root, ...path] = expression.split('.');
      if (!Object.hasOwn(variables, root!)) fail(googleErrors.htmlTemplateNotDefined(root!));
      let value: unknown = variables[root!];
      for (const key of path) value = value === null || value === undefined ? value : (value as Record<string, unknown>)[key];
      const text = value === null || value === undefined ? '' : String(value);
      html += raw ? text : escapeHtml(text);
      rest = rest.slice(close + 2);
    }
    return new HtmlOutput(html + rest);
  }
}

export function createHtmlService(_ctx: ExecutionContext) {
  return {
    SandboxMode,
    XFrameOptionsMode,

    createHtmlOutput(html?: unknown): HtmlOutput {
      return new HtmlOutput(htmlSource(html));
    },

    createTemplate(html: unknown): HtmlTemplate {
      return new HtmlTemplate(htmlSource(html));
    },

    /** The built bundle has no HTML files, so every name is unknown. */
    createHtmlOutputFromFile(filename: string): HtmlOutput {
      return fail(googleErrors.htmlFileNotFound(String(filename)));
    },

    createTemplateFromFile(filename: string): HtmlTemplate {
      return fail(googleErrors.htmlFileNotFound(String(filename)));
    },
  };
}
