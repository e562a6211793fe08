// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTENDED_WITHOUT_MEET } from '../../../extension/background/calendar-actions';
import { enrollDirectly, installWorld, loadWorker, networkDown, SENDERS, untilQuiet, type FakeWorld, type WorkerModules } from './worker';

// A click on the Calendar control, as the content script sends it, to one queue entry, or a refusal
// that queues nothing.

const NOW = Date.parse('2026-11-26T13:30:00.000Z');
const event = {
  eventId: '3h9q2s7k4m1c6v0p8t5r2n4b6d_20261126T140000Z',
  title: '  Weekly meetup ',
  startsAt: '2026-11-26T14:00:00.000Z',
  endsAt: '2026-11-26T15:00:00.000Z',
  meetCode: 'abc-defg-hij',
};

let world: FakeWorld;
let worker: WorkerModules;
let fetch: ReturnType<typeof networkDown>;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  world = installWorld();
  fetch = networkDown();
  await enrollDirectly(world.fake);
  worker = await loadWorker();
});
afterEach(async () => {
  await untilQuiet(worker);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function click(action: Record<string, unknown>, at = NOW) {
  vi.setSystemTime(at);
  return worker.answers.answer({ type: 'calendar-action', ...action }, SENDERS.calendar);
}

const queued = async () => (await worker.queue.listQueue()).map((item) => item.entry);

describe("Can't attend", () => {
  it('queues a notice of absence for the event, with the reason, before it starts', async () => {
    const reply = await click({ action: 'cant-attend', event, reason: ' University exam ' });
    expect(reply.ok).toBe(true);
    expect(await queued()).toEqual([
      {
        kind: 'notice',
        id: expect.any(String),
        noticeKind: 'absence notice',
        givenAt: new Date(NOW).toISOString(),
        reason: 'University exam',
        calendarEventId: event.eventId,
        meetCode: event.meetCode,
        title: 'Weekly meetup',
        startsAt: event.startsAt,
      },
    ]);
  });

  it('is refused once the event has started, and queues nothing', async () => {
    const reply = await click({ action: 'cant-attend', event }, Date.parse(event.startsAt));
    expect(reply).toEqual({ ok: false, message: expect.stringContaining('already started') });
    expect(await queued()).toEqual([]);
  });
});

describe('Log attendance', () => {
  it('is refused before the event starts', async () => {
    expect(await click({ action: 'log-attendance', event })).toEqual({ ok: false, message: expect.stringContaining('not started yet') });
    expect(await queued()).toEqual([]);
  });

  it("queues the event's time with its Meet code, and sends it only once the event has ended", async () => {
    const reply = await click({ action: 'log-attendance', event }, Date.parse('2026-11-26T14:20:00.000Z'));
    expect(reply.ok).toBe(true);
    expect(await queued()).toEqual([
      { kind: 'attendance', id: expect.any(String), meetCode: event.meetCode, title: 'Weekly meetup', joinedAt: event.startsAt, leftAt: event.endsAt },
    ]);
    await vi.waitFor(() => expect(worker.sync.isSyncing()).toBe(false));
    expect(fetch).not.toHaveBeenCalled();
    vi.setSystemTime(Date.parse(event.endsAt));
    await worker.sync.syncSoon('alarm');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('makes an event without a Meet link a communication notice naming it', async () => {
    const { meetCode: _none, ...inPerson } = event;
    const reply = await click({ action: 'log-attendance', event: inPerson }, Date.parse('2026-11-26T15:10:00.000Z'));
    expect(reply.ok).toBe(true);
    expect(await queued()).toEqual([
      expect.objectContaining({ kind: 'notice', noticeKind: 'communication', reason: ATTENDED_WITHOUT_MEET, calendarEventId: event.eventId, title: 'Weekly meetup', startsAt: event.startsAt }),
    ]);
  });

  it('is refused when the page gave no start time', async () => {
    const { startsAt: _none, ...undated } = event;
    expect(await click({ action: 'log-attendance', event: undated })).toEqual({ ok: false, message: expect.stringContaining('could not read when') });
  });
});

describe('Log hours', () => {
  it("queues the hours on the event's day as meetings, with the title as the note", async () => {
    expect((await click({ action: 'log-hours', event, day: '2026-11-26', hours: 1.5 })).ok).toBe(true);
    expect(await queued()).toEqual([
      { kind: 'hours', id: expect.any(String), day: '2026-11-26', hours: 1.5, category: 'meetings', note: 'Weekly meetup', loggedAt: new Date(NOW).toISOString() },
    ]);
  });

  it.each([0, 25, -1])('refuses %s hours with the rule, and queues nothing', async (hours) => {
    const reply = await click({ action: 'log-hours', event, day: '2026-11-26', hours });
    expect(reply).toEqual({ ok: false, message: expect.stringMatching(/^Not saved: hours must be/) });
    expect(await queued()).toEqual([]);
  });
});

it('refuses every action before enrollment', async () => {
  await world.fake.storage.local.clear();
  for (const action of [{ action: 'cant-attend', event }, { action: 'log-hours', event, day: '2026-11-26', hours: 1 }]) {
    expect(await click(action)).toEqual({ ok: false, message: expect.stringContaining('not enrolled') });
  }
  expect(await queued()).toEqual([]);
});
