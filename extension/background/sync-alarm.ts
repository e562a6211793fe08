/** Name of the alarm that wakes the service worker to send queued entries to the CIL's web app. */
export const SYNC_ALARM = 'cil-hub-sync';

/** Minutes between sync attempts: often enough that a lead sees the week's hours the same day. */
export const SYNC_PERIOD_MINUTES = 15;

/**
 * Makes sure the periodic sync alarm exists. Chrome keeps alarms across restarts only on a best-effort
 * basis, so this runs at install and at every browser start; an existing alarm is left alone, since
 * re-creating it would push its next run back each time.
 */
export async function ensureSyncAlarm(): Promise<void> {
  if (await chrome.alarms.get(SYNC_ALARM)) return;
  await chrome.alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: SYNC_PERIOD_MINUTES });
}
