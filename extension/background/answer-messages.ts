import { t } from '../i18n';
import { BackgroundRequest, type Reply } from '../messages';
import { calendarEntry } from './calendar-actions';
import { enroll, readEnrollment } from './enrollment-store';
import { checkedEntry } from './entry-check';
import { recordMeetEvent } from './meet-sessions';
import { openEnrollmentLink } from './open-enrollment-link';
import { discard, enqueue, retryRefused } from './queue';
import { rememberNotice } from './reminders';
import { saveSettings } from './settings';
import { signOut } from './sign-out';
import { readStatus } from './status';
import { forgetSummary } from './summary-cache';
import { refreshSummary, refreshSummaryIfStale, syncSoon } from './sync';

// The service worker's `runtime.onMessage` listener. Every message is checked with the shared schemas
// and against who sent it: the popup and options page (the extension's own pages) may ask anything of
// theirs; a content script only what its site does. A page that is not ours to trust (a Meet or
// Calendar tab) must not enroll, sign out, discard, log hours or change settings. Every answer is a `Reply`.

type Request = BackgroundRequest;

const PAGE_REQUESTS: ReadonlySet<Request['type']> = new Set(['status', 'enroll', 'sign-out', 'log-hours', 'sync-now', 'discard', 'save-settings']);

function originOf(url: string | undefined): string | undefined {
  try {
    return url === undefined ? undefined : new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Whether `sender` may send `request`. */
export function mayAsk(request: Request, sender: chrome.runtime.MessageSender): boolean {
  if (sender.id !== chrome.runtime.id) return false;
  // The options page may be open in a tab, so "ours" is told by the page's address, not by the tab.
  if (PAGE_REQUESTS.has(request.type)) return sender.url?.startsWith(chrome.runtime.getURL('')) ?? false;
  const fromTab = sender.tab?.id !== undefined;
  switch (request.type) {
    case 'meet-session':
      return fromTab && originOf(sender.url) === 'https://meet.google.com';
    case 'calendar-action':
      return fromTab && originOf(sender.url) === 'https://calendar.google.com';
    default:
      // enrollment-link: openEnrollmentLink checks its sender itself.
      return true;
  }
}

const refuse = (message: string): Reply => ({ ok: false, message });
const answered = async (): Promise<Reply> => ({ ok: true, status: await readStatus() });

async function handle(request: Request, sender: chrome.runtime.MessageSender, now: Date): Promise<Reply> {
  switch (request.type) {
    case 'status':
      await refreshSummaryIfStale(now);
      return answered();
    case 'enroll': {
      const outcome = await enroll(request.code, now);
      if (!outcome.ok) return refuse(outcome.message);
      // The last summary may be another volunteer's; entries already queued go out with the new token.
      await forgetSummary();
      void refreshSummary();
      void syncSoon('now');
      return answered();
    }
    case 'sign-out':
      await signOut();
      return answered();
    case 'sync-now':
      await retryRefused();
      void syncSoon('now');
      return answered();
    case 'discard':
      await discard(request.id);
      return answered();
    case 'save-settings':
      await saveSettings(request.settings);
      return answered();
    case 'log-hours': {
      if (!(await readEnrollment())) return refuse(t('workerNotEnrolled'));
      const made = checkedEntry({ kind: 'hours', id: crypto.randomUUID(), ...request.hours, loggedAt: now.toISOString() });
      if (!made.ok) return refuse(made.message);
      await enqueue(made.entry, now);
      void syncSoon('enqueue');
      return answered();
    }
    case 'meet-session':
      // Nothing is recorded for nobody: sessions before enrollment are not kept.
      if ((await readEnrollment()) && (await recordMeetEvent(request, sender.tab?.id, now)) > 0) void syncSoon('enqueue');
      return answered();
    case 'calendar-action': {
      if (!(await readEnrollment())) return refuse(t('workerNotEnrolled'));
      const made = calendarEntry(request, now, crypto.randomUUID());
      if (!made.ok) return refuse(made.message);
      await enqueue(made.entry, now);
      if (made.entry.kind === 'notice') await rememberNotice(made.entry, now);
      void syncSoon('enqueue');
      return answered();
    }
    case 'enrollment-link':
      return (await openEnrollmentLink(request.code, sender)) ? answered() : refuse(t('workerEnrollmentLinkRefused'));
  }
}

/** The answer to one message: what it asked for, or why not. Never throws. */
export async function answer(message: unknown, sender: chrome.runtime.MessageSender): Promise<Reply> {
  const read = BackgroundRequest.safeParse(message);
  // The issues name fields and rules, never values: an enrollment code (with its token) is not echoed.
  if (!read.success) return refuse(t('workerBadRequest', read.error.issues.map((issue) => issue.message).join('; ').slice(0, 300)));
  if (!mayAsk(read.data, sender)) return refuse(t('workerWrongSender'));
  try {
    return await handle(read.data, sender, new Date());
  } catch (error) {
    console.error(`CIL Hub: "${read.data.type}" failed`, error);
    return refuse(t('workerFailed', error instanceof Error ? error.message : String(error)));
  }
}

/** The listener: answers every message asynchronously (`true` keeps the channel open for the reply). */
export function answerMessage(message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (reply: Reply) => void): true {
  void answer(message, sender).then((reply) => {
    try {
      sendResponse(reply);
    } catch {
      // The sender went away (popup closed, tab navigated): nobody is waiting for this answer.
    }
  });
  return true;
}
