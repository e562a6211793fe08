import { parseEnrollmentCode } from '../../../shared/api/enrollment-code';

// The link in the enrollment email: the CIL's web app with `?enroll=<code>`. Opened in Chrome, its
// answer is a small JSON page on Google's script.googleusercontent.com, where CIL Hub's content script
// (extension/content/enrollment-link.ts) reads the code and opens the extension's options page with it
// filled in. Without the extension the page's message says what to do. Nothing is checked or stored
// here: the code is only echoed, and the extension checks it with `enroll` when the volunteer says so.

/** The field the extension's content script reads (extension/content/enrollment-link-page.ts). */
export const ENROLLMENT_CODE_FIELD = 'cilHubEnrollmentCode';

/** The web app address that brings `code` to the extension; a code's web app address ends in /exec, with no query. */
export function enrollmentLink(webAppUrl: string, code: string): string {
  return `${webAppUrl}?enroll=${encodeURIComponent(code)}`;
}

export type EnrollmentLinkAnswer = { [ENROLLMENT_CODE_FIELD]?: string; message: string };

/** The web app's answer to its enrollment link: the code again, or why it cannot be used. */
export function enrollmentLinkAnswer(code: string): EnrollmentLinkAnswer {
  const read = parseEnrollmentCode(code);
  if (!read.ok) return { message: `${read.message} This link cannot enroll CIL Hub; paste the code from the email instead.` };
  return {
    // As the lead sent it, without the spaces or line breaks a mail program may have added.
    [ENROLLMENT_CODE_FIELD]: code.replace(/\s+/g, ''),
    message:
      'This is your CIL Hub enrollment code. If the CIL Hub extension is installed in this Chrome, it opens its options page ' +
      'with the code filled in: check it and press Enroll. If not, install CIL Hub, then open the options page and paste the ' +
      'code from your enrollment email into "Enrollment code".',
  };
}
