import { z } from '../zod';
import { base64urlFromText, Base64urlError, textFromBase64url } from '../encoding/base64url';
import { cilIdSchema, tokenSchema } from './protocol';

/**
 * An enrollment code carries everything the extension needs to join a CIL in one string a lead can
 * paste into an email or chat: 'cilhub1.' + base64url(JSON {u: web app URL, c: CIL id, t: token}).
 * The digit is the code format's version, so a later format is recognised as such, not as damage.
 */
export const ENROLLMENT_CODE_PREFIX = 'cilhub1.';

// A deployed web app's address ends in /exec. The /dev address of the script's head answers only its
// editors, so a code carrying it would fail for every volunteer. https for real deployments; plain http
// only on this machine, where the sandbox serves the web app.
const WEB_APP_URL = /^(?:https:\/\/[^\s/?#]+|http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?)(?:\/[^\s?#]*)?\/exec$/i;

export const enrollmentSchema = z.object({
  url: z.string().max(2000).regex(WEB_APP_URL, { error: "must be the web app's deployed address, https://…/exec" }),
  cil: cilIdSchema,
  token: tokenSchema,
});
export type Enrollment = z.output<typeof enrollmentSchema>;

const payloadSchema = z.object({ u: z.string(), c: z.string(), t: z.string() });

export function encodeEnrollmentCode(enrollment: Enrollment): string {
  const { url, cil, token } = enrollmentSchema.parse(enrollment);
  return ENROLLMENT_CODE_PREFIX + base64urlFromText(JSON.stringify({ u: url, c: cil, t: token }));
}

export type EnrollmentCodeRead = { ok: true; enrollment: Enrollment } | { ok: false; message: string };

const DAMAGED = 'This enrollment code is damaged; copy it again in full from your CIL lead\'s message';

/** Reads a pasted code; line breaks and spaces that mail programs add are ignored. */
export function parseEnrollmentCode(text: string): EnrollmentCodeRead {
  const code = text.replace(/\s+/g, '');
  const fail = (message: string): EnrollmentCodeRead => ({ ok: false, message });
  if (code === '') return fail('Paste the enrollment code your CIL lead sent you.');
  const version = /^cilhub(\d+)\./i.exec(code);
  if (!version) return fail('This is not a CIL Hub enrollment code: those start with "cilhub1.".');
  if (Number(version[1]) > 1) {
    return fail('This enrollment code is for a newer CIL Hub. Update the CIL Hub extension and paste it again.');
  }
  if (!code.startsWith(ENROLLMENT_CODE_PREFIX)) return fail(`${DAMAGED}.`);
  let json: string;
  try {
    json = textFromBase64url(code.slice(ENROLLMENT_CODE_PREFIX.length));
  } catch (error) {
    if (error instanceof Base64urlError) return fail(`${DAMAGED} (${error.message}).`);
    throw error;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return fail(`${DAMAGED}.`);
  }
  const fields = payloadSchema.safeParse(payload);
  if (!fields.success) return fail(`${DAMAGED}.`);
  const enrollment = enrollmentSchema.safeParse({ url: fields.data.u, cil: fields.data.c, token: fields.data.t });
  if (!enrollment.success) {
    const issue = enrollment.error.issues[0];
    return fail(`${DAMAGED} (${issue ? `${issue.path.join('.')} ${issue.message}` : 'it is incomplete'}).`);
  }
  return { ok: true, enrollment: enrollment.data };
}
