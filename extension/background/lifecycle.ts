import { closeLostSessions, closeSessionsOfTab, MEET_SESSIONS_ALARM } from './meet-sessions';
import { refreshBadge } from './queue';
import { checkReminders, ensureReminderAlarm, REMINDER_ALARM } from './reminders';
import { ensureSyncAlarm, RETRY_ALARM, SYNC_ALARM } from './sync-alarm';
import { SUMMARY_FOR_REMINDERS_MS } from './summary-cache';
import { refreshSummaryIfOlderThan, syncSoon } from './sync';

// What the service worker does on browser and alarm events; service-worker.ts only wires them. Each
// catches its own failure: a listener that throws would only print "Uncaught (in promise)".

function logged(what: string, work: Promise<unknown>): Promise<void> {
  return work.then(
    () => undefined,
    (error: unknown) => console.error(`CIL Hub: ${what} failed`, error),
  );
}

/**
 * Install, update or browser start: alarms back in place, the badge shown, the queue sent. At a
 * browser start every Meet tab of the last run is gone, so sessions still open closed at their last
 * event; after an install or update the tabs remain, but their content scripts are cut off, and their
 * sessions close when their heartbeats are missed.
 */
export async function startUp(reason: 'installed' | 'browser-start'): Promise<void> {
  // The enrollment token lives in storage.local, which content scripts may read by default: they run
  // in pages that are not ours, and need no storage, so only extension pages may. On its own: should
  // it fail, the alarms, the lost sessions and the queue must still be seen to.
  await logged('restricting storage to extension pages', chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }));
  await logged(
    'start-up',
    (async () => {
      await Promise.all([ensureSyncAlarm(), ensureReminderAlarm()]);
      await closeLostSessions(new Date(), reason === 'browser-start');
      await refreshBadge();
      await syncSoon('start');
    })(),
  );
}

export function onAlarm(alarm: chrome.alarms.Alarm): Promise<void> {
  switch (alarm.name) {
    case SYNC_ALARM:
      // The summary too, when it is old: meeting reminders read it, and a volunteer who never opens
      // the popup would otherwise be reminded of last week's meetings only.
      return logged('periodic sync', syncSoon('alarm').then(() => refreshSummaryIfOlderThan(SUMMARY_FOR_REMINDERS_MS, new Date())));
    case RETRY_ALARM:
      return logged('retry', syncSoon('retry'));
    case MEET_SESSIONS_ALARM:
      return logged(
        'Meet sessions check',
        closeLostSessions(new Date(), false).then((queued) => (queued > 0 ? syncSoon('enqueue') : undefined)),
      );
    case REMINDER_ALARM:
      return logged('reminders', checkReminders(new Date()));
    default:
      return Promise.resolve();
  }
}

/** A tab closed: a Meet session in it ends, even if its page had no time to say so. */
export function onTabRemoved(tabId: number): Promise<void> {
  return logged(
    'closing a Meet tab',
    closeSessionsOfTab(tabId, new Date()).then((queued) => (queued > 0 ? syncSoon('enqueue') : undefined)),
  );
}
