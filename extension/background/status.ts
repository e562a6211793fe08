import { Status, type SyncState } from '../messages';
import { readCredentials, readEnrollment } from './enrollment-store';
import { listQueue } from './queue';
import { readSettings } from './settings';
import { readCachedSummary } from './summary-cache';
import { isSyncing } from './sync';
import { readSyncRecord } from './sync-state';

/** What the popup and the options page show: enrollment, queue, how sending goes, the last summary, the settings. */
export async function readStatus(): Promise<Status> {
  // Read first: a request that ends while the rest is read still makes the page ask again, and see its result.
  const busy = isSyncing();
  const [enrollment, credentials, queue, record, cached, settings] = await Promise.all([
    readEnrollment(),
    readCredentials(),
    listQueue(),
    readSyncRecord(),
    readCachedSummary(),
    readSettings(),
  ]);
  const { lastSyncAt, lastError, nextAttemptAt } = record;
  let state: SyncState['state'] = record.state;
  // An enrollment without its token can send nothing, whatever the last sync said.
  if (enrollment !== null && credentials === null) state = 'signed-out';
  else if (busy) state = 'syncing';
  const sync: SyncState = {
    state,
    ...(lastSyncAt ? { lastSyncAt } : {}),
    ...(lastError ? { lastError } : {}),
    ...(nextAttemptAt && (state === 'offline' || state === 'waiting') ? { nextAttemptAt } : {}),
  };
  return Status.parse({
    enrollment,
    queue,
    sync,
    summary: cached?.summary ?? null,
    ...(cached ? { summaryAt: cached.at } : {}),
    settings,
  });
}
