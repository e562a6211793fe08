import { z } from '../../shared/zod';
import { instantFromDate } from '../../shared/time/instant';
import { SyncState } from '../messages';

// How the last sync went, kept in chrome.storage.local so that a worker started later (or a browser
// started tomorrow) still backs off, still says "offline", still knows the token was revoked. The
// failure count drives the backoff; pages see only the SyncState part. "syncing" is never stored: it
// is true only while this worker instance is sending (see sync.ts), and a stored one would outlive a
// worker stopped mid-sync.

export const SYNC_STATE_KEY = 'sync';

const SyncRecord = SyncState.extend({
  state: z.enum(['idle', 'offline', 'waiting', 'signed-out']),
  /** Failed attempts in a row; 0 after a sync that got through. */
  failures: z.number().int().nonnegative(),
});
export type SyncRecord = z.output<typeof SyncRecord>;

const FRESH: SyncRecord = { state: 'idle', failures: 0 };

export async function readSyncRecord(): Promise<SyncRecord> {
  const read = SyncRecord.safeParse((await chrome.storage.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY]);
  return read.success ? read.data : FRESH;
}

export async function writeSyncRecord(record: SyncRecord): Promise<void> {
  await chrome.storage.local.set({ [SYNC_STATE_KEY]: SyncRecord.parse(record) });
}

export async function forgetSyncRecord(): Promise<void> {
  await chrome.storage.local.remove(SYNC_STATE_KEY);
}

/** The first retry comes after 30–60 s: chrome.alarms fires no sooner than 30 s in a packed extension. */
export const FIRST_RETRY_MS = 60_000;
/** Retries never wait longer than 15–30 min: the periodic sync runs every 15 min anyway. */
export const LONGEST_RETRY_MS = 30 * 60_000;

/**
 * How long to wait after the `failures`-th failure in a row: the ceiling doubles each time up to
 * LONGEST_RETRY_MS, and the wait is drawn between half the ceiling and the ceiling ("equal jitter"), so
 * it grows with every failure yet many volunteers whose web app was busy at once do not all come back
 * at the same second. `random` is in [0, 1).
 */
export function retryDelayMs(failures: number, random: number): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** The record after one more failure at `now`, with the time of the next attempt. */
export function afterFailure(
  previous: SyncRecord,
  state: 'offline' | 'waiting',
  message: string,
  now: Date,
  random: number,
): SyncRecord {
  const failures = previous.failures + 1;
  const nextAttemptAt = instantFromDate(new Date(now.getTime() + retryDelayMs(failures, random)));
  return { ...previous, state, lastError: message, failures, nextAttemptAt };
}

/** The record after a sync that got through at `now`. */
export function afterSuccess(now: Date): SyncRecord {
  return { state: 'idle', failures: 0, lastSyncAt: instantFromDate(now) };
}
