// HTML that text can never turn into markup. Emails and sidebars carry names and notes people typed
// (a volunteer called `<script>…` is still just a name), so every value placed in an `html` template
// is escaped; only markup made by `html` itself goes in as it is.

/** Markup built by `html`: the only thing a template inserts without escaping. */
export class Html {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute content (quotes too, so it is safe inside either kind of attribute quote). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

type Insertable = Html | string | number | readonly (Html | string | number)[];

function markupOf(value: Insertable): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(markupOf).join('');
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${name}</p>\`` escapes `name`; nested `html` results (and lists of them) stay markup. */
export function html(strings: TemplateStringsArray, ...values: Insertable[]): Html {
  let markup = strings[0]!;
  values.forEach((value, i) => {
    markup += markupOf(value) + strings[i + 1]!;
  });
  return new Html(markup);
}
