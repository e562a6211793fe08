import { summaryResultSchema, type SummaryResult } from '../../shared/api/protocol';
import { z } from '../../shared/zod';
import { instantFromDate, instantSchema } from '../../shared/time/instant';

// The volunteer's last `summary` from the web app, with when it came, in chrome.storage.local: the popup
// shows it at once, and offline. Refreshed after a sync that stored something and when a page opens
// (see sync.ts).

export const SUMMARY_KEY = 'summary';

/** A page that opens with a summary older than this asks the web app for a new one. */
export const SUMMARY_FRESH_MS = 60_000;

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
