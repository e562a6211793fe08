// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../../shared/api/errors';
import { errorResponse, MAX_BODY_BYTES, MAX_ENTRIES, okResponse } from '../../../shared/api/protocol';
import type { SyncEntry } from '../../../shared/api/sync-entry';
import { utf8Length } from '../../../shared/encoding/utf8';
import { takeBatch } from '../../../extension/background/batches';
import { retryDelayMs, LONGEST_RETRY_MS } from '../../../extension/background/sync-state';
import { askWebApp, requestBody, WEB_APP_TIMEOUT_MS, type WebAppCall } from '../../../extension/background/web-app-client';
import { installWorld, WEB_APP_URL } from './worker';

// The web app client's view of every way a request can end, the batches it cuts the queue into, and
// the backoff between failed attempts.

const call: WebAppCall = { webAppUrl: WEB_APP_URL, cilId: 'cil-lahore', token: 'member-token-0123456789abcdef0123' };

beforeEach(() => {
  installWorld();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function answering(response: () => Response | Promise<Response>) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => response());
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const summaryBody = requestBody('summary', call);

describe('askWebApp', () => {
  it('POSTs the body as text/plain to the web app, following redirects, without cookies', async () => {
    const fetch = answering(() => json(okResponse({ results: [] })));
    expect(await askWebApp('sync', call, requestBody('sync', call, { entries: [] }))).toEqual({ kind: 'ok', result: { results: [] } });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(WEB_APP_URL);
    expect(init).toMatchObject({ method: 'POST', redirect: 'follow', credentials: 'omit', headers: { 'content-type': 'text/plain;charset=utf-8' } });
    expect(JSON.parse(init.body as string)).toEqual({ v: 1, op: 'sync', cil: 'cil-lahore', token: call.token, entries: [] });
  });

  it.each([
    ['revoked_token', 'signed-out'],
    ['unknown_token', 'signed-out'],
    ['wrong_cil', 'signed-out'],
    ['body_too_large', 'too-large'],
    ['too_many_entries', 'too-large'],
    ['lock_timeout', 'failed'],
    ['internal', 'failed'],
    ['invalid_request', 'failed'],
  ] as const)('reads the error %s as %s, with the web app message', async (code, kind) => {
    answering(() => json(errorResponse(apiError(code))));
    expect(await askWebApp('summary', call, summaryBody)).toEqual({ kind, message: apiError(code).message });
  });

  it('calls a refused connection offline', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await askWebApp('summary', call, summaryBody)).toEqual({ kind: 'offline', message: expect.stringContaining('cannot reach your CIL') });
  });

  it(`gives up on a web app silent for ${WEB_APP_TIMEOUT_MS / 1000} s, as offline`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('fetch', vi.fn((_url: string, init: RequestInit) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))));
    const answer = askWebApp('summary', call, summaryBody);
    await vi.advanceTimersByTimeAsync(WEB_APP_TIMEOUT_MS - 1);
    let settled = false;
    void answer.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await answer).toEqual({ kind: 'offline', message: expect.stringContaining('did not answer within 25 seconds') });
  });

  it.each([
    ['an HTTP error', () => new Response('<html>Server Error</html>', { status: 500 }), /error \(HTTP 500\)/],
    ["Google's sign-in page", () => new Response('<!DOCTYPE html><html>Sign in</html>', { status: 200 }), /something other than CIL Hub data/],
    ['JSON of another shape', () => json({ ok: true, hello: 'world' }), /something other than CIL Hub data/],
    ['an answer to another question', () => json(okResponse({ results: 'stored' })), /something other than CIL Hub data/],
  ])('calls %s a failure to retry later', async (_, response, message) => {
    answering(response);
    expect(await askWebApp('sync', call, summaryBody)).toEqual({ kind: 'failed', message: expect.stringMatching(message) });
  });
});

const hoursEntry = (i: number, note = 'x'): SyncEntry => ({
  kind: 'hours',
  id: `5f0c3e2a-7b1d-4c8e-9a6f-${i.toString(16).padStart(12, '0')}`,
  day: '2026-11-26',
  hours: 1,
  category: 'project work',
  note,
  loggedAt: '2026-11-26T10:00:00.000Z',
});

describe('takeBatch', () => {
  it(`takes at most ${MAX_ENTRIES} entries, oldest first`, () => {
    const entries = Array.from({ length: MAX_ENTRIES + 20 }, (_, i) => hoursEntry(i));
    const batch = takeBatch(entries, call, MAX_ENTRIES);
    expect(batch.ids).toEqual(entries.slice(0, MAX_ENTRIES).map((entry) => entry.id));
    expect(JSON.parse(batch.body).entries).toHaveLength(MAX_ENTRIES);
  });

  it(`keeps the body within ${MAX_BODY_BYTES} bytes of UTF-8, counting exactly`, () => {
    // Notes of 1,900 characters, 3 bytes each in UTF-8: about 45 entries fill the body.
    const entries = Array.from({ length: 100 }, (_, i) => hoursEntry(i, 'ہ'.repeat(1900)));
    const batch = takeBatch(entries, call, MAX_ENTRIES);
    const taken = batch.ids.length;
    expect(taken).toBeGreaterThan(30);
    expect(taken).toBeLessThan(100);
    expect(utf8Length(batch.body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    // One entry more would not have fitted.
    expect(utf8Length(requestBody('sync', call, { entries: entries.slice(0, taken + 1) }))).toBeGreaterThan(MAX_BODY_BYTES);
  });

  it('sends an entry too large on its own alone, for the web app to refuse', () => {
    const huge = hoursEntry(1, 'x'.repeat(MAX_BODY_BYTES));
    expect(takeBatch([huge, hoursEntry(2)], call, MAX_ENTRIES).ids).toEqual([huge.id]);
  });
});

describe('retryDelayMs', () => {
  it('grows with each failure up to its ceiling, between half the ceiling and the ceiling', () => {
    const lows = Array.from({ length: 10 }, (_, i) => retryDelayMs(i + 1, 0));
    const highs = Array.from({ length: 10 }, (_, i) => retryDelayMs(i + 1, 0.999_999));
    expect(lows).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000, 900_000, 900_000]);
    expect(highs.map((ms) => Math.round(ms / 1000))).toEqual([60, 120, 240, 480, 960, 1800, 1800, 1800, 1800, 1800]);
    expect(Math.max(...highs)).toBeLessThanOrEqual(LONGEST_RETRY_MS);
    // Never sooner than chrome.alarms can wake the worker.
    expect(Math.min(...lows)).toBeGreaterThanOrEqual(30_000);
  });
});
