// HTML built only through this tag: every interpolated value is escaped unless it is itself the
// result of `html`, so text from a sheet, a document or an email can never become markup.

const RAW = Symbol('html');

export interface Html {
  readonly [RAW]: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && RAW in value) return (value as Html)[RAW];
  if (value instanceof Date) return escapeHtml(value.toISOString());
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return { [RAW]: out };
}

export const toText = (fragment: Html): string => fragment[RAW];
