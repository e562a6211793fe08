import { describe, it, expect } from 'vitest';
import { retryAfterMs, withBackoff, type BackoffOptions } from '../../../cli/src/core/backoff';

function failure(status: number, retryAfter?: string) {
  return Object.assign(new Error(`HTTP ${status}`), { response: { status, headers: new Headers(retryAfter === undefined ? {} : { 'retry-after': retryAfter }) } });
}

function options(overrides: Partial<BackoffOptions> = {}) {
  const waits: number[] = [];
  const backoff: BackoffOptions = { attempts: 5, baseMs: 1000, maxMs: 8000, sleep: async (ms) => void waits.push(ms), random: () => 0.5, ...overrides };
  return { backoff, waits };
}

/** A request that fails with each of `failures` in turn, then answers 'ok'. */
function flaky(failures: Error[]) {
  let calls = 0;
  return {
    request: async () => {
      const next = failures[calls++];
      if (next) throw next;
      return 'ok';
    },
    calls: () => calls,
  };
}

describe('backoff', () => {
  it('retries 429 and 5xx with exponential waits plus jitter, capped', async () => {
    const { backoff, waits } = options();
    const server = flaky([failure(429), failure(503), failure(500), failure(429)]);
    await expect(withBackoff(server.request, backoff)).resolves.toBe('ok');
    expect(server.calls()).toBe(5);
    expect(waits).toEqual([1500, 2500, 4500, 8000]);
  });

  it('waits at least as long as Retry-After says', async () => {
    const { backoff, waits } = options();
    const server = flaky([failure(429, '30')]);
    await withBackoff(server.request, backoff);
    expect(waits).toEqual([30_000]);
  });

  it('gives up after the last attempt with the last error', async () => {
    const { backoff, waits } = options({ attempts: 3 });
    const server = flaky([failure(429), failure(429), failure(429), failure(429)]);
    await expect(withBackoff(server.request, backoff)).rejects.toThrow('HTTP 429');
    expect(server.calls()).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it.each([400, 401, 403, 404])('does not retry %i', async (status) => {
    const { backoff, waits } = options();
    const server = flaky([failure(status)]);
    await expect(withBackoff(server.request, backoff)).rejects.toThrow(`HTTP ${status}`);
    expect(server.calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('does not retry an error without an HTTP answer', async () => {
    const { backoff } = options();
    const server = flaky([new Error('socket hang up')]);
    await expect(withBackoff(server.request, backoff)).rejects.toThrow('socket hang up');
    expect(server.calls()).toBe(1);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-27T05:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }), now)).toBe(7000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Fri, 27 Nov 2026 05:00:12 GMT' }), now)).toBe(12_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBe(0);
    expect(retryAfterMs({ 'retry-after': '2' }, now)).toBe(2000);
    expect(retryAfterMs(undefined, now)).toBe(0);
  });
});
