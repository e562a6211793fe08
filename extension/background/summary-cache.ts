import { summaryResultSchema, type SummaryResult } from '../../shared/api/protocol';
import { z } from '../../shared/zod';
import { instantFromDate, instantSchema } from '../../shared/time/instant';

// The volunteer's last `summary` from the web app, with when it came, in chrome.storage.local: the popup
// shows it at once, and offline; the reminders read it. Refreshed after a sync that stored something,
// when a page opens, and by the periodic sync when it is hours old (see sync.ts).

export const SUMMARY_KEY = 'summary';

/** A page that opens with a summary older than this asks the web app for a new one. */
export const SUMMARY_FRESH_MS = 60_000;

/**
 * The periodic sync asks for a summary older than this (see lifecycle.ts): the meeting reminders read
 * the cached one, and a volunteer who never opens the popup would otherwise never refresh it.
 */
export const SUMMARY_FOR_REMINDERS_MS = 6 * 60 * 60_000;

const CachedSummary = z.object({ summary: summaryResultSchema, at: instantSchema });
export type CachedSummary = z.output<typeof CachedSummary>;

export async function readCachedSummary(): Promise<CachedSummary | null> {
  const read = CachedSummary.safeParse((await chrome.storage.local.get(SUMMARY_KEY))[SUMMARY_KEY]);
  return read.success ? read.data : null;
}

export async function cacheSummary(summary: SummaryResult, now: Date): Promise<void> {
  await chrome.storage.local.set({ [SUMMARY_KEY]: { summary, at: instantFromDate(now) } });
}

export async function forgetSummary(): Promise<void> {
  await chrome.storage.local.remove(SUMMARY_KEY);
}
