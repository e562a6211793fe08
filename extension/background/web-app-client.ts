import { API_VERSION, responseSchemas, type ApiOp, type EnrollResult, type SummaryResult, type SyncResult } from '../../shared/api/protocol';
import type { ApiErrorCode } from '../../shared/api/errors';
import { t } from '../i18n';

// The only code that talks to the CIL's web app. A POST of a text/plain JSON body (Apps Script answers
// no CORS preflight), following Google's redirect to the one-time answer address, without cookies (the
// web app runs as the deployer for anyone; the token says who calls). Every way it can go wrong comes
// back as one of a few outcomes the caller acts on, with a message for the volunteer. The token goes in
// the body to the enrollment's own web app address and nowhere else, and is never logged.

/**
 * Chrome stops a service worker whose fetch takes over 30 s to answer; the web app's own lock wait is
 * 10 s, and a cold Apps Script start a few more.
 */
export const WEB_APP_TIMEOUT_MS = 25_000;

interface Results {
  enroll: EnrollResult;
  sync: SyncResult;
  summary: SummaryResult;
}

export type WebAppOutcome<Result> =
  | { kind: 'ok'; result: Result }
  /** The network, or the web app, did not answer: try again when the connection is back. */
  | { kind: 'offline'; message: string }
  /** The token no longer works (revoked, unknown, another CIL's): only a new enrollment code helps. */
  | { kind: 'signed-out'; message: string }
  /** The batch was too large for the web app: send fewer entries at once. */
  | { kind: 'too-large'; message: string }
  /** Anything else (an HTTP error, not CIL Hub's answer, a busy or failing web app): try again later. */
  | { kind: 'failed'; message: string };

export interface WebAppCall {
  webAppUrl: string;
  cilId: string;
  token: string;
}

const SIGNED_OUT: readonly ApiErrorCode[] = ['unknown_token', 'revoked_token', 'missing_token', 'wrong_cil'];
const TOO_LARGE: readonly ApiErrorCode[] = ['body_too_large', 'too_many_entries'];

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The exact body the web app receives for `op`: the envelope, then the op's own fields. */
export function requestBody(op: ApiOp, call: WebAppCall, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ v: API_VERSION, op, cil: call.cilId, token: call.token, ...fields });
}

export async function askWebApp<Op extends ApiOp>(op: Op, call: WebAppCall, body: string): Promise<WebAppOutcome<Results[Op]>> {
  const host = hostOf(call.webAppUrl);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), WEB_APP_TIMEOUT_MS);
  let status: number;
  let text: string;
  try {
    const response = await fetch(call.webAppUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=utf-8' },
      body,
      redirect: 'follow',
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
    status = response.status;
    // Read under the same timeout: a web app may send its headers and stall.
    text = await response.text();
  } catch {
    // A TypeError (no network, refused, DNS, blocked by the browser) or our own abort: either way
    // nothing came back, and the request may or may not have reached the web app.
    const message = controller.signal.aborted
      ? t('workerWebAppTimedOut', [host, String(WEB_APP_TIMEOUT_MS / 1000)])
      : t('workerWebAppUnreachable', host);
    return { kind: 'offline', message };
  } finally {
    clearTimeout(timer);
  }
  if (status < 200 || status > 299) return { kind: 'failed', message: t('workerWebAppHttpError', [host, String(status)]) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Most often Google's sign-in or error page: a deployment not open to "Anyone", or an outage.
    return { kind: 'failed', message: t('workerWebAppNotCilHub', host) };
  }
  const answer = responseSchemas[op].safeParse(json);
  if (!answer.success) return { kind: 'failed', message: t('workerWebAppNotCilHub', host) };
  if (answer.data.ok) return { kind: 'ok', result: answer.data.result as Results[Op] };
  const { code, message } = answer.data.error;
  if (SIGNED_OUT.includes(code)) return { kind: 'signed-out', message };
  if (TOO_LARGE.includes(code)) return { kind: 'too-large', message };
  return { kind: 'failed', message };
}
