// Retries of Google API requests that failed for want of quota (429) or on Google's side (5xx), as the
// Sheets API's usage limits page asks (developers.google.com/workspace/sheets/api/limits#exponential):
// wait min(2^n seconds + random jitter, a maximum) between attempts; a Retry-After header, when the
// server sends one, is a floor on the wait. Other errors (a bad request, a missing spreadsheet, no
// permission) are the caller's to report at once.

export interface BackoffOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The first wait before jitter, in ms; doubled on every retry. */
  baseMs: number;
  /** No single wait is longer, Retry-After aside. */
  maxMs: number;
  sleep: (ms: number) => Promise<void>;
  /** 0 ≤ random() < 1, for the jitter. */
  random: () => number;
  /** Told before each wait, e.g. to say on the progress line that Google asked us to slow down. */
  onRetry?: (wait: { attempt: number; ms: number; status: number }) => void;
}

export const defaultBackoff: BackoffOptions = {
  attempts: 8,
  baseMs: 1000,
  maxMs: 64_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

interface HttpFailure {
  status: number;
  headers: { get(name: string): string | null } | Record<string, unknown> | undefined;
}

function failureOf(error: unknown): HttpFailure | null {
  const response = (error as { response?: { status?: unknown; headers?: unknown } } | null)?.response;
  return typeof response?.status === 'number' ? { status: response.status, headers: response.headers as HttpFailure['headers'] } : null;
}

export function isRetryable(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Retry-After in ms (delta-seconds or an HTTP date, RFC 9110 §10.2.3), or 0 when absent or unreadable. */
export function retryAfterMs(headers: HttpFailure['headers'], now = Date.now()): number {
  if (!headers) return 0;
  const raw = typeof headers.get === 'function' ? (headers as { get(name: string): string | null }).get('retry-after') : (headers as Record<string, unknown>)['retry-after'];
  if (typeof raw !== 'string' || raw.trim() === '') return 0;
  const text = raw.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? 0 : Math.max(0, at - now);
}

export async function withBackoff<T>(request: () => Promise<T>, options: BackoffOptions = defaultBackoff): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const failure = failureOf(error);
      if (!failure || !isRetryable(failure.status) || attempt >= options.attempts) throw error;
      const exponential = Math.min(options.baseMs * 2 ** (attempt - 1) + options.random() * options.baseMs, options.maxMs);
      const ms = Math.max(exponential, retryAfterMs(failure.headers));
      options.onRetry?.({ attempt, ms, status: failure.status });
      await options.sleep(ms);
    }
  }
}
