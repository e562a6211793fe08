// What the enrollment email's link shows: the web app's answer to `…/exec?enroll=<code>`, a JSON page
// `{ "cilHubEnrollmentCode": "cilhub1.…", "message": "…" }` that Google serves on
// script.googleusercontent.com/macros/echo. Any Apps Script web app can serve a page there, so this
// reads nothing but that one field, and only in the shape of a code. No zod: a content script must
// stay small.

/** The field of the web app's answer that carries the code (apps-script/src/web-app/enrollment-link.ts). */
export const ENROLLMENT_CODE_FIELD = 'cilHubEnrollmentCode';

// Version digits, a dot, base64url; the same bound as the service worker's EnrollmentLinkRequest.
const CODE_SHAPE = /^cilhub\d+\.[A-Za-z0-9_-]+$/;
const LONGEST_CODE = 4096;

/** The enrollment code in the text of such a page, or undefined for any other page. */
export function enrollmentCodeInPage(text: string): string | undefined {
  if (text.length > 2 * LONGEST_CODE) return undefined;
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof answer !== 'object' || answer === null) return undefined;
  const code = (answer as Record<string, unknown>)[ENROLLMENT_CODE_FIELD];
  return typeof code === 'string' && code.length <= LONGEST_CODE && CODE_SHAPE.test(code) ? code : undefined;
}

/**
 * The text of the page as the server sent it. Chrome shows a JSON answer as a `<pre>` of its text
 * (with its "pretty print" view beside it, when that is on); the body's text is the fallback.
 */
export function pageText(document: Document): string {
  return (document.querySelector('body > pre') ?? document.body)?.textContent ?? '';
}
