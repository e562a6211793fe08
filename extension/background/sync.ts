import { MAX_ENTRIES } from '../../shared/api/protocol';
import { instantMs } from '../../shared/time/instant';
import { t } from '../i18n';
import { takeBatch } from './batches';
import { markSignedOut, readCredentials } from './enrollment-store';
import { applyResults, isDue, listQueue, recordFailedAttempt, refuseEntry } from './queue';
import { cacheSummary, readCachedSummary, SUMMARY_FRESH_MS } from './summary-cache';
import { clearRetryAlarm, setRetryAlarm } from './sync-alarm';
import { afterFailure, afterSuccess, readSyncRecord, writeSyncRecord, type SyncRecord } from './sync-state';
import { askWebApp, requestBody } from './web-app-client';

// Sending the queue to the CIL's web app, and fetching the volunteer's summary back.
//
// One sync at a time. Chrome runs one instance of an extension's service worker at a time, so the
// promise of the sync in flight is all the lock needed: it lives exactly as long as the instance does,
// and a worker stopped mid-sync takes its "lock" with it instead of leaving one behind that the next
// instance would have to time out. What a stopped sync leaves is safe by construction: entries leave
// the queue only after the backend's answer for them, and a replay of entries it stored is answered
// `duplicate`, never a second row.

/** What asked for a sync. The periodic alarm waits out a backoff; everything else tries at once. */
export type SyncTrigger = 'enqueue' | 'alarm' | 'retry' | 'start' | 'online' | 'now';

let sending: Promise<void> | undefined;
let sendAgain = false;
let refreshing: Promise<void> | undefined;

/** True while this worker instance is talking to the web app: pages show "syncing" and ask again. */
export function isSyncing(): boolean {
  return sending !== undefined || refreshing !== undefined;
}

/**
 * Sends what is queued and due, now or right after the sync in flight (an entry queued during a sync
 * is not in its batches). Never rejects: a failure is recorded in the sync state for the volunteer.
 */
export function syncSoon(trigger: SyncTrigger): Promise<void> {
  if (sending) {
    sendAgain = true;
    return sending;
  }
  sending = (async () => {
    let current = trigger;
    let gotThrough: boolean;
    do {
      sendAgain = false;
      gotThrough = await syncOnce(current);
      current = 'enqueue';
      // After a failure the retry alarm takes over: trying again at once would only fail again.
    } while (sendAgain && gotThrough);
  })()
    .catch((error: unknown) => console.error('CIL Hub: sync failed', error))
    .finally(() => {
      sending = undefined;
    });
  return sending;
}

/** One pass over the queue; false when it stopped on a failure (or has no token to send with). */
async function syncOnce(trigger: SyncTrigger): Promise<boolean> {
  const record = await readSyncRecord();
  const waitUntil = record.nextAttemptAt === undefined ? undefined : instantMs(record.nextAttemptAt);
  if (trigger === 'alarm' && waitUntil !== undefined && Date.now() < waitUntil) return false;
  const credentials = await readCredentials();
  if (!credentials) return false;

  let maxEntries = MAX_ENTRIES;
  const answered = new Set<string>();
  let attempted = false;
  let gotAnswer = false;
  // A batch that got through ends the run of failures: a later one in this sync backs off from the start.
  let base = record;
  for (;;) {
    const now = new Date();
    const due = (await listQueue()).filter((queued) => queued.state === 'pending' && isDue(queued, now) && !answered.has(queued.entry.id));
    if (due.length === 0) break;
    const batch = takeBatch(
      due.map((queued) => queued.entry),
      credentials.call,
      maxEntries,
    );
    attempted = true;
    const outcome = await askWebApp('sync', credentials.call, batch.body);
    switch (outcome.kind) {
      case 'ok':
        await applyResults(batch.ids, outcome.result.results);
        // An entry the answer left out stays pending for the next sync, not for another pass of this one.
        for (const id of batch.ids) answered.add(id);
        gotAnswer = true;
        base = afterSuccess(new Date());
        break;
      case 'too-large':
        if (batch.ids.length > 1) {
          maxEntries = Math.ceil(batch.ids.length / 2);
        } else {
          await refuseEntry(batch.ids[0]!, t('workerEntryTooLarge'));
          answered.add(batch.ids[0]!);
        }
        break;
      case 'signed-out':
        await markSignedOut(outcome.message);
        return false;
      case 'offline':
      case 'failed': {
        await recordFailedAttempt(batch.ids, outcome.message);
        const failed = afterFailure(base, outcome.kind === 'offline' ? 'offline' : 'waiting', outcome.message, new Date(), Math.random());
        await writeSyncRecord(failed);
        await setRetryAlarm(instantMs(failed.nextAttemptAt!)!);
        return false;
      }
    }
  }
  // Nothing to send says nothing about the network: an "offline" stays until the web app answers.
  if (attempted) {
    await writeSyncRecord(afterSuccess(new Date()));
    await clearRetryAlarm();
  } else if (record.state === 'waiting') {
    // The entries that failed were discarded (or are not due yet): nothing waits for a retry.
    await settle(record);
  }
  if (gotAnswer) await refreshSummary();
  return true;
}

/** Back to idle without a sync having happened: the last sync's time stays. */
async function settle(record: SyncRecord): Promise<void> {
  await writeSyncRecord({ state: 'idle', failures: 0, ...(record.lastSyncAt ? { lastSyncAt: record.lastSyncAt } : {}) });
  await clearRetryAlarm();
}

/**
 * Asks the web app for the volunteer's summary and caches it; one request at a time. An answer is also
 * news that the web app is reachable again, so an "offline" queue is sent at once.
 */
export function refreshSummary(): Promise<void> {
  refreshing ??= fetchSummary()
    .catch((error: unknown) => console.error('CIL Hub: summary failed', error))
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

/** When a page last had the worker ask for a summary (chrome.storage.session: this browser session only). */
const SUMMARY_ASKED_KEY = 'summaryAskedAt';

/**
 * A page opened: a summary older than SUMMARY_FRESH_MS is asked for again, not awaited (the reply says
 * "syncing" and the page asks again). At most one attempt per SUMMARY_FRESH_MS, answered or not, so a
 * page re-asking while offline does not keep the worker asking.
 */
export async function refreshSummaryIfStale(now: Date): Promise<void> {
  if (!(await readCredentials())) return;
  const [cached, asked] = await Promise.all([readCachedSummary(), chrome.storage.session.get(SUMMARY_ASKED_KEY)]);
  const askedAt = asked[SUMMARY_ASKED_KEY];
  const last = Math.max(cached ? (instantMs(cached.at) ?? 0) : 0, typeof askedAt === 'number' ? askedAt : 0);
  if (now.getTime() - last < SUMMARY_FRESH_MS) return;
  await chrome.storage.session.set({ [SUMMARY_ASKED_KEY]: now.getTime() });
  void refreshSummary();
}

/** Asks for the summary, and waits for it, when the cached one is older than `maxAgeMs` (or missing). */
export async function refreshSummaryIfOlderThan(maxAgeMs: number, now: Date): Promise<void> {
  if (!(await readCredentials())) return;
  const cached = await readCachedSummary();
  if (cached && now.getTime() - (instantMs(cached.at) ?? 0) < maxAgeMs) return;
  await refreshSummary();
}

async function fetchSummary(): Promise<void> {
  const credentials = await readCredentials();
  if (!credentials) return;
  const outcome = await askWebApp('summary', credentials.call, requestBody('summary', credentials.call));
  const record = await readSyncRecord();
  switch (outcome.kind) {
    case 'ok':
      await cacheSummary(outcome.result, new Date());
      if (record.state === 'offline') {
        await settle(record);
        void syncSoon('online');
      }
      return;
    case 'signed-out':
      await markSignedOut(outcome.message);
      return;
    case 'offline':
      // Only news when nothing else was wrong: a backoff in progress keeps its own state and message.
      if (record.state === 'idle') await writeSyncRecord({ ...record, state: 'offline', lastError: outcome.message });
      return;
    case 'too-large':
    case 'failed':
      // The cached summary stays, with its time; the next refresh tries again.
      return;
  }
}
