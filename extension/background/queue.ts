import type { EntryResult, SyncEntry } from '../../shared/api/sync-entry';
import { instantFromDate, instantMs } from '../../shared/time/instant';
import { QueuedEntry } from '../messages';
import { showOnBadge } from './badge';
import { ENTRIES, withCilHubDb } from './database';

// The queue of entries on their way to the CIL's web app (IndexedDB, store 'entries', keyed by the
// entry's UUID). An entry leaves it only when the backend answered `stored` or `duplicate` for it, or
// when the volunteer discards it: a sync cut short by a stopped worker or a lost answer leaves it here
// to be sent again, and the backend's `duplicate` answer makes that replay harmless.

/** A new queue item for `entry`, made now. */
export function queuedEntryOf(entry: SyncEntry, now: Date): QueuedEntry {
  return { entry, state: 'pending', queuedAt: instantFromDate(now), attempts: 0 };
}

/** Oldest first, so the backend receives entries in the order the volunteer made them. */
function byAge(a: QueuedEntry, b: QueuedEntry): number {
  return a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.entry.id < b.entry.id ? -1 : 1;
}

/**
 * Every queued entry, oldest first. An item that does not read as a QueuedEntry (written by another
 * version) is left in the database, untouched, but not shown or sent.
 */
export async function listQueue(): Promise<QueuedEntry[]> {
  const stored = await withCilHubDb((db) => db.getAll(ENTRIES));
  const queue: QueuedEntry[] = [];
  for (const item of stored) {
    const read = QueuedEntry.safeParse(item);
    if (read.success) queue.push(read.data);
    else console.warn('CIL Hub: a queued entry is not readable and is kept aside', read.error.issues);
  }
  return queue.sort(byAge);
}

/** Shows the queue on the toolbar badge; after every change and at start-up. */
export async function refreshBadge(): Promise<void> {
  await showOnBadge(await listQueue());
}

/** Queues an entry. Queueing the same entry (same id) again keeps one. */
export async function enqueue(entry: SyncEntry, now: Date): Promise<void> {
  await withCilHubDb(async (db) => {
    const tx = db.transaction(ENTRIES, 'readwrite');
    if ((await tx.store.getKey(entry.id)) === undefined) await tx.store.put(queuedEntryOf(entry, now));
    await tx.done;
  });
  await refreshBadge();
}

/** Whether an entry may be sent at `now`: the backend refuses a Meet or Calendar session that has not ended yet. */
export function isDue(queued: QueuedEntry, now: Date): boolean {
  return queued.entry.kind !== 'attendance' || (instantMs(queued.entry.leftAt) ?? 0) <= now.getTime();
}

/**
 * The backend's answers for a batch that was sent: `stored` and `duplicate` leave the queue,
 * `rejected` stays with its reason. An entry the answer does not mention stays pending, and a result for
 * an id that was not in the batch is ignored.
 */
export async function applyResults(sent: readonly string[], results: readonly EntryResult[]): Promise<void> {
  const answers = new Map(results.map((result) => [result.id, result]));
  await withCilHubDb(async (db) => {
    const tx = db.transaction(ENTRIES, 'readwrite');
    for (const id of sent) {
      const queued = await tx.store.get(id);
      if (!queued) continue;
      const answer = answers.get(id);
      if (answer?.status === 'stored' || answer?.status === 'duplicate') {
        await tx.store.delete(id);
      } else if (answer?.status === 'rejected') {
        await tx.store.put({ ...queued, state: 'rejected', reason: answer.reason ?? '', attempts: queued.attempts + 1 });
      } else {
        await tx.store.put({ ...queued, attempts: queued.attempts + 1 });
      }
    }
    await tx.done;
  });
  await refreshBadge();
}

/** A batch that did not get through: each of its entries keeps waiting, with why. */
export async function recordFailedAttempt(sent: readonly string[], reason: string): Promise<void> {
  await withCilHubDb(async (db) => {
    const tx = db.transaction(ENTRIES, 'readwrite');
    for (const id of sent) {
      const queued = await tx.store.get(id);
      if (queued?.state === 'pending') await tx.store.put({ ...queued, reason, attempts: queued.attempts + 1 });
    }
    await tx.done;
  });
}

/** Marks one entry refused without the backend's word on it (it can never be sent, e.g. too large). */
export async function refuseEntry(id: string, reason: string): Promise<void> {
  await withCilHubDb(async (db) => {
    const tx = db.transaction(ENTRIES, 'readwrite');
    const queued = await tx.store.get(id);
    if (queued) await tx.store.put({ ...queued, state: 'rejected', reason, attempts: queued.attempts + 1 });
    await tx.done;
  });
  await refreshBadge();
}

/** The volunteer asked to send again: refused entries become pending. Returns how many. */
export async function retryRefused(): Promise<number> {
  const count = await withCilHubDb(async (db) => {
    const tx = db.transaction(ENTRIES, 'readwrite');
    let changed = 0;
    for (const queued of await tx.store.getAll()) {
      if (queued.state !== 'rejected') continue;
      await tx.store.put({ ...queued, state: 'pending' });
      changed++;
    }
    await tx.done;
    return changed;
  });
  if (count > 0) await refreshBadge();
  return count;
}

/** The volunteer gave up on an entry. Discarding one that is gone already changes nothing. */
export async function discard(id: string): Promise<void> {
  await withCilHubDb((db) => db.delete(ENTRIES, id));
  await refreshBadge();
}

/** Empties the queue (sign-out, after the volunteer confirmed in the options page). */
export async function clearQueue(): Promise<void> {
  await withCilHubDb((db) => db.clear(ENTRIES));
  await refreshBadge();
}
