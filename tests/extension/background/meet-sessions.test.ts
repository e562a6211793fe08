// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueuedEntry } from '../../../extension/messages';
import { alarm, enrollDirectly, installWorld, loadWorker, networkDown, SENDERS, untilQuiet, type FakeWorld, type WorkerModules } from './worker';

// Meet session events from the content script, to attendance entries in the queue: one per session,
// short ones dropped, rejoins merged, and sessions whose page could not say goodbye (closed tab,
// crash, browser quit) closed at the last moment they were known to be in the call.

const CODE = 'abc-defg-hij';
const T0 = Date.parse('2026-11-26T14:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const key = (joinMinutes: number) => `${CODE}/${at(joinMinutes)}`;

let world: FakeWorld;
let worker: WorkerModules;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
  world = installWorld();
  networkDown();
  await enrollDirectly(world.fake, { minimumMinutesPresent: 10 });
  await world.fake.storage.local.set({ settings: { minimumSessionMinutes: 5 } });
  worker = await loadWorker();
});
afterEach(async () => {
  await untilQuiet(worker);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Sends one event from the Meet tab `tabId` at minute `minutes` (the worker's clock moves there too). */
async function meet(event: 'join' | 'heartbeat' | 'leave', joinMinutes: number, minutes: number, tabId = 11, title?: string) {
  vi.setSystemTime(T0 + minutes * 60_000);
  const reply = await worker.answers.answer(
    { type: 'meet-session', event, sessionKey: key(joinMinutes), meetCode: CODE, at: at(minutes), ...(title ? { title } : {}) },
    SENDERS.meet(tabId),
  );
  expect(reply.ok).toBe(true);
}

/** A call from `from` to `to` minutes with a heartbeat every minute. */
async function call(from: number, to: number, tabId = 11) {
  await meet('join', from, from, tabId, 'CIL meetup');
  for (let minute = from + 1; minute < to; minute++) await meet('heartbeat', from, minute, tabId);
  await meet('leave', from, to, tabId);
}

/** The sessions alarm at minute `minutes`. */
async function tick(minutes: number) {
  vi.setSystemTime(T0 + minutes * 60_000);
  await worker.lifecycle.onAlarm(alarm('cil-hub-meet-sessions'));
}

async function queue(): Promise<QueuedEntry[]> {
  return worker.queue.listQueue();
}

const attendance = (joined: number, left: number, title?: string) =>
  expect.objectContaining({
    state: 'pending',
    entry: { kind: 'attendance', id: expect.any(String), meetCode: CODE, joinedAt: at(joined), leftAt: at(left), ...(title ? { title } : {}) },
  });

describe('a Meet session', () => {
  it('becomes one attendance entry once the rejoin window after leaving has passed', async () => {
    await call(0, 45);
    expect(await queue()).toEqual([]);
    expect(await world.fake.alarms.get('cil-hub-meet-sessions')).toMatchObject({ periodInMinutes: 1 });
    await tick(49);
    expect(await queue()).toEqual([]);
    await tick(50);
    expect(await queue()).toEqual([attendance(0, 45, 'CIL meetup')]);
    expect(await world.fake.action.getBadgeText({})).toBe('1');
    // Nothing left to watch: the alarm goes.
    expect(await world.fake.alarms.get('cil-hub-meet-sessions')).toBeUndefined();
    await tick(60);
    expect(await queue()).toHaveLength(1);
  });

  it('is dropped when shorter than the minimum', async () => {
    await call(0, 4);
    await tick(20);
    expect(await queue()).toEqual([]);
    expect(await world.fake.alarms.get('cil-hub-meet-sessions')).toBeUndefined();
  });

  it("uses the CIL's minimum from the enrollment when the volunteer set none", async () => {
    await world.fake.storage.local.remove('settings');
    await call(0, 8);
    await call(30, 42);
    await tick(60);
    expect(await queue()).toEqual([attendance(30, 42, 'CIL meetup')]);
  });

  it('merges a rejoin within the window into one session, counting the total towards the minimum', async () => {
    await call(0, 3);
    await call(6, 9, 12);
    await tick(30);
    expect(await queue()).toEqual([attendance(0, 9, 'CIL meetup')]);
  });

  it('keeps a rejoin after the window as a session of its own', async () => {
    await call(0, 20);
    await call(26, 40);
    await tick(60);
    expect(await queue()).toEqual([attendance(0, 20, 'CIL meetup'), attendance(26, 40, 'CIL meetup')]);
  });

  it('ends when its tab closes without a leave: at the close, or at the last heartbeat when that is long past', async () => {
    await meet('join', 0, 0, 21);
    for (let minute = 1; minute <= 30; minute++) await meet('heartbeat', 0, minute, 21);
    vi.setSystemTime(T0 + 30.5 * 60_000);
    await worker.lifecycle.onTabRemoved(21);

    await meet('join', 40, 40, 22);
    await meet('heartbeat', 40, 55, 22);
    vi.setSystemTime(T0 + 64 * 60_000);
    await worker.lifecycle.onTabRemoved(22);
    // Another tab closing changes nothing.
    await worker.lifecycle.onTabRemoved(99);
    await tick(90);
    expect(await queue()).toEqual([
      expect.objectContaining({ entry: expect.objectContaining({ joinedAt: at(0), leftAt: new Date(T0 + 30.5 * 60_000).toISOString() }) }),
      expect.objectContaining({ entry: expect.objectContaining({ joinedAt: at(40), leftAt: at(55) }) }),
    ]);
  });

  it('ends at its last heartbeat when the beats stop (the tab crashed)', async () => {
    await meet('join', 0, 0);
    for (let minute = 1; minute <= 20; minute++) await meet('heartbeat', 0, minute);
    await tick(24);
    expect(await worker.meet.openMeetCodes()).toEqual(new Set([CODE]));
    await tick(26);
    expect(await worker.meet.openMeetCodes()).toEqual(new Set());
    await tick(31);
    expect(await queue()).toEqual([attendance(0, 20)]);
  });

  it('ends at its last event when the browser quit, seen at the next start by a new worker', async () => {
    await meet('join', 0, 0);
    await meet('heartbeat', 0, 12);
    vi.setSystemTime(T0 + 13 * 60_000);
    worker = await loadWorker();
    vi.setSystemTime(T0 + 24 * 60 * 60_000);
    await worker.lifecycle.startUp('browser-start');
    expect(await queue()).toEqual([attendance(0, 12)]);
  });

  it('is recorded from its heartbeats alone, joined at the time its key names', async () => {
    for (let minute = 10; minute <= 25; minute++) await meet('heartbeat', 3, minute);
    await meet('leave', 3, 26);
    await tick(40);
    expect(await queue()).toEqual([attendance(3, 26)]);
  });

  it('closes an open session of the tab when the tab reports a new call without a leave', async () => {
    await meet('join', 0, 0);
    await meet('heartbeat', 0, 15);
    await call(25, 40);
    await tick(50);
    expect(await queue()).toEqual([attendance(0, 15), attendance(25, 40, 'CIL meetup')]);
  });

  it('ignores events repeated after the leave', async () => {
    await call(0, 30);
    await meet('heartbeat', 0, 31);
    await meet('leave', 0, 32);
    await tick(40);
    expect(await queue()).toEqual([attendance(0, 30, 'CIL meetup')]);
  });

  it('ignores events that arrive after the session was settled: one call, one entry', async () => {
    // The tab closed before the page's own leave arrived; the session settled at once.
    await world.fake.storage.local.set({ settings: { minimumSessionMinutes: 5, rejoinMergeMinutes: 0 } });
    await meet('join', 0, 0, 11, 'CIL meetup');
    for (let minute = 1; minute < 30; minute++) await meet('heartbeat', 0, minute);
    vi.setSystemTime(T0 + 30 * 60_000);
    await worker.lifecycle.onTabRemoved(11);
    await meet('leave', 0, 30);
    // A laptop that slept through a lost-session close beats again with the same key.
    await meet('heartbeat', 0, 45);
    await tick(60);
    expect((await queue()).filter((entry) => entry.entry.kind === 'attendance')).toHaveLength(1);
  });

  it('is queued at once, and sent, when the volunteer set no rejoin window', async () => {
    const fetch = networkDown();
    await world.fake.storage.local.set({ settings: { minimumSessionMinutes: 5, rejoinMergeMinutes: 0 } });
    await call(0, 30);
    expect(await queue()).toEqual([attendance(0, 30, 'CIL meetup')]);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
  });

  it('is not kept when nobody is enrolled', async () => {
    await world.fake.storage.local.clear();
    await call(0, 30);
    await tick(60);
    expect(await queue()).toEqual([]);
    expect(await worker.meet.openMeetCodes()).toEqual(new Set());
  });
});
