import { parseEnrollmentCode } from '../../shared/api/enrollment-code';
import { tokenSchema } from '../../shared/api/protocol';
import { instantFromDate } from '../../shared/time/instant';
import { t } from '../i18n';
import { loopbackPermissionFor } from '../loopback-permission';
import { Enrollment } from '../messages';
import { listQueue } from './queue';
import { clearRetryAlarm } from './sync-alarm';
import { readSyncRecord, writeSyncRecord } from './sync-state';
import { askWebApp, requestBody, type WebAppCall } from './web-app-client';

// Who this browser is enrolled as (chrome.storage.local). The enrollment (CIL, volunteer, web app
// address) is what pages are shown; the token is kept under its own key, never put in a status, a
// message or a log, and sent only in the body of requests to the enrollment's own web app address.

export const ENROLLMENT_KEY = 'enrollment';
export const TOKEN_KEY = 'enrollmentToken';

export async function readEnrollment(): Promise<Enrollment | null> {
  const read = Enrollment.safeParse((await chrome.storage.local.get(ENROLLMENT_KEY))[ENROLLMENT_KEY]);
  return read.success ? read.data : null;
}

/** What a request to the web app needs, or null when not enrolled or signed out (no token). */
export async function readCredentials(): Promise<{ enrollment: Enrollment; call: WebAppCall } | null> {
  const stored = await chrome.storage.local.get([ENROLLMENT_KEY, TOKEN_KEY]);
  const enrollment = Enrollment.safeParse(stored[ENROLLMENT_KEY]);
  const token = tokenSchema.safeParse(stored[TOKEN_KEY]);
  if (!enrollment.success || !token.success) return null;
  const { webAppUrl, cilId } = enrollment.data;
  return { enrollment: enrollment.data, call: { webAppUrl, cilId, token: token.data } };
}

/**
 * The host permission the web app's address needs, as a match pattern: the manifest grants the Apps
 * Script hosts; loopback (the sandbox) is optional, asked for by the options page on the volunteer's
 * click before sending `enroll`, with the same pattern (loopback-permission.ts).
 */
export function permissionFor(url: URL): string {
  return loopbackPermissionFor(url.href) ?? `${url.protocol}//${url.hostname}/*`;
}

export type EnrollOutcome = { ok: true; enrollment: Enrollment } | { ok: false; message: string };

/**
 * Checks a pasted code with the web app's `enroll` and, when it holds, keeps the enrollment and the
 * token. Whatever fails, nothing stored changes. Entries still queued for another volunteer (a new
 * code for someone else while the last one's entries wait) refuse the change: they must not be sent in
 * the new volunteer's name, and are only discarded by signing out, which the options page confirms.
 */
export async function enroll(code: string, now: Date): Promise<EnrollOutcome> {
  const parsed = parseEnrollmentCode(code);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const { url, cil, token } = parsed.enrollment;
  const address = new URL(url);
  if (!(await chrome.permissions.contains({ origins: [permissionFor(address)] }))) {
    const message = loopbackPermissionFor(url) !== null
      ? t('workerLoopbackNotAllowed', address.host)
      : t('workerWebAppHostNotAllowed', address.host);
    return { ok: false, message };
  }
  const call: WebAppCall = { webAppUrl: url, cilId: cil, token };
  const answer = await askWebApp('enroll', call, requestBody('enroll', call));
  if (answer.kind !== 'ok') return { ok: false, message: answer.message };

  const enrollment = Enrollment.parse({ webAppUrl: url, cilId: cil, ...answer.result, enrolledAt: instantFromDate(now) });
  const previous = await readEnrollment();
  const sameVolunteer =
    previous !== null &&
    previous.webAppUrl === enrollment.webAppUrl &&
    previous.cilId === enrollment.cilId &&
    previous.volunteer.id === enrollment.volunteer.id;
  if (previous !== null && !sameVolunteer) {
    const waiting = (await listQueue()).length;
    if (waiting > 0) return { ok: false, message: t('workerOtherVolunteerQueued', [String(waiting), previous.volunteer.name]) };
  }
  await chrome.storage.local.set({ [ENROLLMENT_KEY]: enrollment, [TOKEN_KEY]: token });
  // A fresh start for sending: no backoff or "signed out" left from the last token.
  await writeSyncRecord({ state: 'idle', failures: 0 });
  await clearRetryAlarm();
  return { ok: true, enrollment };
}

/**
 * The web app refused the token (revoked at offboarding, re-issued, or another CIL's): the token is
 * forgotten, the enrollment kept so pages can say whose it was, and syncing stops with the web app's
 * message until a new code is entered. Queued entries stay: a new code for the same volunteer sends them.
 */
export async function markSignedOut(message: string): Promise<void> {
  await chrome.storage.local.remove(TOKEN_KEY);
  const record = await readSyncRecord();
  await writeSyncRecord({ state: 'signed-out', failures: 0, lastError: message, ...(record.lastSyncAt ? { lastSyncAt: record.lastSyncAt } : {}) });
  await clearRetryAlarm();
}

export async function forgetEnrollment(): Promise<void> {
  await chrome.storage.local.remove([ENROLLMENT_KEY, TOKEN_KEY]);
}
