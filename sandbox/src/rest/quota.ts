// The Sheets API's per-minute quotas (developers.google.com/sheets/api/limits): "Sheets API has
// per-minute quotas, and they're refilled every minute"; 300 read and 300 write requests per minute per
// project, and 60 of each per minute per user per project. The sandbox has one user and one project, so
// the per-user limit is the one that binds: 60 reads and 60 writes in each minute by default. Minutes
// are whole minutes of the quota's clock (wall-clock time unless a test gives another), since a client
// backing off waits in real time while the sandbox's simulated clock stands still.

export const DEFAULT_REQUESTS_PER_MINUTE = 60;

export type QuotaKind = 'Read' | 'Write';

export interface SheetsQuotaOptions {
  readsPerMinute?: number;
  writesPerMinute?: number;
  /** Milliseconds since the epoch; defaults to Date.now. */
  clock?: () => number;
}

export class SheetsQuota {
  readonly limits: Record<QuotaKind, number>;
  readonly #clock: () => number;
  readonly #used: Record<QuotaKind, { minute: number; count: number }> = {
    Read: { minute: -1, count: 0 },
    Write: { minute: -1, count: 0 },
  };

  constructor(options: SheetsQuotaOptions = {}) {
    this.limits = {
      Read: options.readsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE,
      Write: options.writesPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE,
    };
    this.#clock = options.clock ?? Date.now;
  }

  /** Counts one request; false (and not counted) when this minute's quota is spent. */
  take(kind: QuotaKind): boolean {
    const minute = Math.floor(this.#clock() / 60_000);
    const used = this.#used[kind];
    if (used.minute !== minute) {
      used.minute = minute;
      used.count = 0;
    }
    if (used.count >= this.limits[kind]) return false;
    used.count++;
    return true;
  }
}
