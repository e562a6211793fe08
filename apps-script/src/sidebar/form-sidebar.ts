import { Html, html } from '../html/escape';
import { FORM_STYLE } from './sidebar-style';

// The page every record form of the menu shares (record a meeting, add a citizen, record a story, log
// an absence notice): its fields, a Save button that sends them to the form's server entry point with
// google.script.run, "Saving…" while it works, then the server's sentence or its refusal. The bundle
// has no HTML files, so the page is built here; every value goes through `html`, and the page's script
// writes answers with textContent only, so nothing a person typed is ever read as markup.

/**
 * The page's script: static text, nothing interpolated. The server function it calls is named in the
 * form's data-save attribute; it sends each named field (trimmed text, a checkbox as true or false,
 * blanks left out) and shows the answer's `message`.
 */
const SCRIPT = `
(function () {
  var form = document.querySelector('form[data-save]');
  var status = document.getElementById('status');
  var button = form.querySelector('button[type=submit]');
  function show(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : 'done';
    button.disabled = false;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name) return;
      if (element.type === 'checkbox') {
        fields[element.name] = element.checked;
        return;
      }
      var value = element.value.trim();
      if (value !== '') fields[element.name] = value;
    });
    button.disabled = true;
    status.className = '';
    status.textContent = 'Saving…';
    google.script.run
      .withFailureHandler(function (error) {
        show(error && error.message ? error.message : String(error), true);
      })
      .withSuccessHandler(function (saved) {
        form.reset();
        show(saved.message, false);
      })
      [form.getAttribute('data-save')](fields);
  });
})();
`;

export function field(label: string, control: Html, hint?: string): Html {
  return html`<label>${label}${hint === undefined ? '' : html` <span class="hint">${hint}</span>`}${control}</label>`;
}

export function options(values: readonly { value: string; text: string }[], selected?: string): Html[] {
  return values.map((option) => html`<option value="${option.value}"${option.value === selected ? html` selected` : ''}>${option.text}</option>`);
}

export interface FormPage {
  /** What the form is for, a paragraph above it. */
  intro: Html;
  /** The server entry point that saves the fields, e.g. 'recordMeeting'. */
  save: string;
  submit: string;
  fields: Html;
}

/** A form page; FORM_STYLE and SCRIPT are constants of our own, so they go in as markup. */
export function formPage(page: FormPage): string {
  return html`<!DOCTYPE html>
<html>
<head><base target="_top"><style>${new Html(FORM_STYLE)}</style></head>
<body>
<p>${page.intro}</p>
<form data-save="${page.save}">
${page.fields}
<button type="submit">${page.submit}</button>
<p id="status" role="status"></p>
</form>
<script>${new Html(SCRIPT)}</script>
</body>
</html>`.markup;
}

/** A page without a form: why there is nothing to fill in yet. */
export function notePage(note: Html): string {
  return html`<!DOCTYPE html>
<html>
<head><base target="_top"><style>${new Html(FORM_STYLE)}</style></head>
<body><p>${note}</p></body>
</html>`.markup;
}
