import { afterEach, describe, expect, it, vi } from 'vitest';
import { ask } from '../../../extension/ui/ask';
import { formatAge } from '../../../extension/ui/format';
import { enrolled, fakeWorker, NOW } from './fake-worker';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const NO_ANSWER = "CIL Hub's background part did not answer. Close this window and open it again.";

describe('ask', () => {
  it('returns the worker\'s reply, checked', async () => {
    fakeWorker(() => ({ ok: true, status: enrolled }));
    expect(await ask({ type: 'status' })).toEqual({ ok: true, status: enrolled });
  });

  it('passes a failed reply on as it is', async () => {
    fakeWorker(() => ({ ok: false, message: 'Your enrollment code has been revoked.' }));
    expect(await ask({ type: 'sync-now' })).toEqual({ ok: false, message: 'Your enrollment code has been revoked.' });
  });

  it.each([
    ['an old status shape', { enrolled: true, queued: 1 }],
    ['a reply with extra fields', { ok: false, message: 'x', token: 'secret' }],
    ['a status with a broken queue', { ok: true, status: { ...enrolled, queue: [{ entry: {}, state: 'pending' }] } }],
    ['nothing', undefined],
  ])('turns %s into a message for the volunteer, and logs why', async (_, answer) => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    fakeWorker(() => answer);
    expect(await ask({ type: 'status' })).toEqual({ ok: false, message: NO_ANSWER });
    expect(consoleError).toHaveBeenCalledOnce();
  });

  it('turns a worker that is not there into the same message', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const worker = fakeWorker(() => undefined);
    worker.fakeBrowser.runtime.onMessage.removeAllListeners();
    expect(await ask({ type: 'sign-out' })).toEqual({ ok: false, message: NO_ANSWER });
    expect(consoleError.mock.calls[0]?.[0]).toBe('CIL Hub: the service worker did not answer "sign-out"');
  });
});

describe('formatAge', () => {
  it.each([
    ['2026-11-27T06:59:30.000Z', 'this minute'],
    ['2026-11-27T06:55:00.000Z', '5 minutes ago'],
    ['2026-11-27T05:00:00.000Z', '2 hours ago'],
    ['2026-11-26T06:00:00.000Z', 'yesterday'],
    ['2026-11-20T07:00:00.000Z', '7 days ago'],
    // A clock set back after the fetch reads as now, not as the future.
    ['2026-11-27T08:00:00.000Z', 'this minute'],
  ])('says %s was %s', (instant, words) => {
    fakeWorker(() => undefined);
    expect(formatAge(instant, NOW)).toBe(words);
  });
});
