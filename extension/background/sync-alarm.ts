/** Name of the alarm that wakes the service worker to send queued entries to the CIL's web app. */
export const SYNC_ALARM = 'cil-hub-sync';

/** Minutes between sync attempts: often enough that a lead sees the week's hours the same day. */
export const SYNC_PERIOD_MINUTES = 15;

/** The one-off alarm of the next attempt after a failure (the backoff's `nextAttemptAt`). */
export const RETRY_ALARM = 'cil-hub-retry';

/**
 * Makes sure the periodic sync alarm exists. Chrome keeps alarms across restarts only on a best-effort
 * basis, so this runs at install and at every browser start; an existing alarm is left alone, since
 * re-creating it would push its next run back each time.
 */
export async function ensureSyncAlarm(): Promise<void> {
  if (await chrome.alarms.get(SYNC_ALARM)) return;
  await chrome.alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: SYNC_PERIOD_MINUTES });
}

/** Wakes the worker for the next attempt at `when` (ms since the epoch); replaces an earlier one. */
export async function setRetryAlarm(when: number): Promise<void> {
  await chrome.alarms.create(RETRY_ALARM, { when });
}

export async function clearRetryAlarm(): Promise<void> {
  await chrome.alarms.clear(RETRY_ALARM);
}
