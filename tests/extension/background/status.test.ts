// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { okResponse } from '../../../shared/api/protocol';
import { Status } from '../../../extension/messages';
import { enrollDirectly, installWorld, loadWorker, networkDown, SENDERS, untilQuiet, type FakeWorld, type WorkerModules } from './worker';

// The status a page is answered with, and the summary refresh a page's `status` brings: at most one
// request a minute, shown as "syncing" while it runs, so the page asks again and shows the new summary.

const NOW = Date.parse('2026-11-27T05:00:00.000Z');
const summary = {
  volunteer: { id: 'v-1', name: 'Ayesha Khan', role: 'member', status: 'active' },
  cil: { id: 'cil-lahore', name: 'CIL Lahore', timeZone: 'Asia/Karachi' },
  today: '2026-11-27',
  week: { period: '2026-W48', hours: 2, commitment: 5 },
  month: { period: '2026-11', hours: 10, commitment: 21.4 },
  recentAttendance: [],
  upcomingMeetings: [],
  lastStep: null,
};

let world: FakeWorld;
let worker: WorkerModules;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  world = installWorld();
  worker = await loadWorker();
});
afterEach(async () => {
  await untilQuiet(worker);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function status(): Promise<Status> {
  const reply = await worker.answers.answer({ type: 'status' }, SENDERS.popup);
  if (!reply.ok) throw new Error(reply.message);
  return Status.parse(reply.status);
}

it('says who is not enrolled, idle, without asking anyone', async () => {
  const fetch = networkDown();
  expect(await status()).toEqual({ enrollment: null, queue: [], sync: { state: 'idle' }, summary: null, settings: expect.objectContaining({ weeklyReminderWeekday: 5 }) });
  await untilQuiet(worker);
  expect(fetch).not.toHaveBeenCalled();
});

describe('an enrolled volunteer opening the popup', () => {
  beforeEach(async () => {
    await enrollDirectly(world.fake);
  });

  it('gets the cached summary at once, "syncing" while a new one comes, and the new one when asking again', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(okResponse(summary))));
    vi.stubGlobal('fetch', fetch);
    const first = await status();
    expect(first).toMatchObject({ summary: null, sync: { state: 'syncing' } });
    await untilQuiet(worker);
    expect(await status()).toMatchObject({ summary: { week: { hours: 2 } }, summaryAt: new Date(NOW).toISOString(), sync: { state: 'idle' } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('asks the web app at most once a minute while offline, and says offline', async () => {
    const fetch = networkDown();
    await status();
    await untilQuiet(worker);
    expect(await status()).toMatchObject({ sync: { state: 'offline', lastError: expect.stringContaining('cannot reach') } });
    vi.setSystemTime(NOW + 59_000);
    expect((await status()).sync.state).toBe('offline');
    expect(fetch).toHaveBeenCalledTimes(1);
    vi.setSystemTime(NOW + 61_000);
    expect((await status()).sync.state).toBe('syncing');
    await untilQuiet(worker);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('clears "offline" when the web app answers again, and sends what waited', async () => {
    networkDown();
    await worker.answers.answer({ type: 'log-hours', hours: { day: '2026-11-26', hours: 1, category: 'other' } }, SENDERS.popup);
    await untilQuiet(worker);
    expect((await worker.status.readStatus()).sync.state).toBe('offline');
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      const request = JSON.parse(init.body as string) as { op: string; entries?: { id: string }[] };
      const result = request.op === 'sync' ? { results: request.entries!.map(({ id }) => ({ id, status: 'stored' })) } : summary;
      return new Response(JSON.stringify(okResponse(result)));
    });
    vi.stubGlobal('fetch', fetch);
    vi.setSystemTime(NOW + 120_000);
    await status();
    await untilQuiet(worker);
    const after = await worker.status.readStatus();
    expect(after).toMatchObject({ queue: [], sync: { state: 'idle' }, summary: { week: { hours: 2 } } });
    expect(fetch.mock.calls.map(([, init]) => JSON.parse(init.body as string).op)).toEqual(['summary', 'sync', 'summary']);
  });

  it('says signed out once the token is gone, whatever the last sync said', async () => {
    await world.fake.storage.local.remove('enrollmentToken');
    expect((await status()).sync.state).toBe('signed-out');
  });
});
