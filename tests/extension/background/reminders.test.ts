// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { okResponse, type SummaryResult } from '../../../shared/api/protocol';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { hoursOfWeek, isQuiet, meetingsToRemind, weekReminderDue } from '../../../extension/background/reminders';
import { Settings } from '../../../extension/background/settings';
import type { QueuedEntry } from '../../../extension/messages';
import { alarm, enrollDirectly, installWorld, loadWorker, SENDERS, untilQuiet, type FakeWorld, type WorkerModules } from './worker';

// Reminders in the CIL's time zone (Asia/Karachi, UTC+5, no summer time): the weekly hours reminder
// from Friday 18:00, the meeting reminder 30 minutes before, and nothing in the quiet hours 21:00–08:00.

const ZONE = 'Asia/Karachi';
const defaults = Settings.parse({});
/** A moment given as Karachi wall-clock time. */
const pk = (day: string, time: string) => new Date(`${day}T${time}:00.000+05:00`);

const meeting = { id: 'm-meetup', kind: 'CIL meetup', title: 'Weekly meetup', startsAt: '2026-11-27T14:00:00.000Z', endsAt: '2026-11-27T15:00:00.000Z', meetCode: 'abc-defg-hij' } as const;
const summary: SummaryResult = {
  volunteer: { id: 'v-1', name: 'Ayesha Khan', role: 'member', status: 'active' },
  cil: { id: 'cil-lahore', name: 'CIL Lahore', timeZone: ZONE },
  today: '2026-11-27',
  week: { period: '2026-W48', hours: 2, commitment: 5 },
  month: { period: '2026-11', hours: 10, commitment: 21.4 },
  recentAttendance: [],
  upcomingMeetings: [meeting],
  lastStep: null,
};
type GivenNotice = { meetCode?: string; startsAt?: string; title?: string; givenAt: string };
const memory: { meetingsReminded: string[]; noticesGiven: GivenNotice[] } = { meetingsReminded: [], noticesGiven: [] };

describe('quiet hours', () => {
  it.each([
    [20, false],
    [21, true],
    [23, true],
    [0, true],
    [7, true],
    [8, false],
  ])('by default (21:00–08:00) hour %i is quiet: %s', (hour, quiet) => {
    expect(isQuiet(hour, defaults)).toBe(quiet);
  });

  it('may lie within a day, or be off', () => {
    expect([12, 13, 14].map((hour) => isQuiet(hour, { ...defaults, quietHoursStart: 13, quietHoursEnd: 14 }))).toEqual([false, true, false]);
    expect(isQuiet(3, { ...defaults, quietHoursStart: 0, quietHoursEnd: 0 })).toBe(false);
  });
});

describe('the weekly hours reminder', () => {
  it.each([
    ['Thursday evening', pk('2026-11-26', '19:00'), undefined],
    ['Friday 17:59', pk('2026-11-27', '17:59'), undefined],
    ['Friday 18:00', pk('2026-11-27', '18:00'), '2026-W48'],
    ['Friday 21:30, in the quiet hours', pk('2026-11-27', '21:30'), undefined],
    ['Saturday 07:59, still quiet', pk('2026-11-28', '07:59'), undefined],
    ['Saturday 08:00, after the quiet hours', pk('2026-11-28', '08:00'), '2026-W48'],
    ['Sunday 20:00', pk('2026-11-29', '20:00'), '2026-W48'],
    ['Monday 08:00: a new week, not yet its day', pk('2026-11-30', '08:00'), undefined],
  ])('at %s', (_, now, due) => {
    expect(weekReminderDue(now, ZONE, defaults, undefined)).toBe(due);
  });

  it('comes once a week, on the configured day and hour, and not when turned off', () => {
    expect(weekReminderDue(pk('2026-11-28', '10:00'), ZONE, defaults, '2026-W48')).toBeUndefined();
    const wednesday = { ...defaults, weeklyReminderWeekday: 3, weeklyReminderHour: 9 };
    expect(weekReminderDue(pk('2026-11-25', '08:59'), ZONE, wednesday, undefined)).toBeUndefined();
    expect(weekReminderDue(pk('2026-11-25', '09:00'), ZONE, wednesday, undefined)).toBe('2026-W48');
    expect(weekReminderDue(pk('2026-11-27', '18:00'), ZONE, { ...defaults, weeklyReminder: false }, undefined)).toBeUndefined();
  });

  it("counts the summary's hours of that week and the hours still waiting to be sent", () => {
    const queued = (day: CalendarDay, hours: number, state: QueuedEntry['state'] = 'pending'): QueuedEntry => ({
      entry: { kind: 'hours', id: crypto.randomUUID(), day, hours, category: 'other', loggedAt: '2026-11-27T05:00:00.000Z' },
      state,
      queuedAt: '2026-11-27T05:00:00.000Z',
      attempts: 0,
    });
    const queue = [queued('2026-11-27', 1.5), queued('2026-11-22', 4), queued('2026-11-26', 3, 'rejected')];
    expect(hoursOfWeek('2026-W48', summary, queue)).toBe(3.5);
    expect(hoursOfWeek('2026-W49', summary, queue)).toBe(0);
    expect(hoursOfWeek('2026-W48', null, queue)).toBe(1.5);
  });
});

describe('the meeting reminder', () => {
  const remind = (now: Date, changes: Partial<typeof memory> & { inCall?: string[]; settings?: Partial<Settings>; summary?: Partial<SummaryResult> } = {}) =>
    meetingsToRemind(
      now,
      ZONE,
      { ...defaults, ...changes.settings },
      { ...summary, ...changes.summary },
      { ...memory, ...changes },
      new Set(changes.inCall ?? []),
    ).map((item) => item.id);

  it('comes within 30 minutes before the start, not earlier, not once started', () => {
    expect(remind(pk('2026-11-27', '18:29'))).toEqual([]);
    expect(remind(pk('2026-11-27', '18:30'))).toEqual(['m-meetup']);
    expect(remind(pk('2026-11-27', '18:59'))).toEqual(['m-meetup']);
    expect(remind(pk('2026-11-27', '19:00'))).toEqual([]);
  });

  it('does not come for a meeting with a notice, with attendance, already reminded, or in the quiet hours', () => {
    const now = pk('2026-11-27', '18:45');
    const given = { givenAt: '2026-11-25T10:00:00.000Z' };
    expect(remind(now, { noticesGiven: [{ ...given, meetCode: meeting.meetCode, startsAt: meeting.startsAt }] })).toEqual([]);
    expect(remind(now, { noticesGiven: [{ ...given, meetCode: meeting.meetCode }] })).toEqual([]);
    expect(remind(now, { noticesGiven: [{ ...given, title: 'weekly MEETUP', startsAt: '2026-11-27T14:10:00.000Z' }] })).toEqual([]);
    // A notice for the same code another week is not this meeting's.
    expect(remind(now, { noticesGiven: [{ ...given, meetCode: meeting.meetCode, startsAt: '2026-11-20T14:00:00.000Z' }] })).toEqual(['m-meetup']);
    expect(remind(now, { inCall: [meeting.meetCode] })).toEqual([]);
    expect(remind(now, { meetingsReminded: ['m-meetup'] })).toEqual([]);
    expect(remind(now, { summary: { recentAttendance: [{ meetingId: 'm-meetup', at: meeting.startsAt, status: 'present' }] } })).toEqual([]);
    expect(remind(now, { settings: { meetingReminderMinutes: 0 } })).toEqual([]);
    expect(remind(now, { settings: { quietHoursStart: 18, quietHoursEnd: 8 } })).toEqual([]);
  });
});

describe('the reminder alarm', () => {
  let world: FakeWorld;
  let worker: WorkerModules;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: pk('2026-11-27', '18:40') });
    world = installWorld();
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(okResponse(summary)))));
    await enrollDirectly(world.fake);
    worker = await loadWorker();
  });
  afterEach(async () => {
    await untilQuiet(worker);
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const notifications = () => world.fake.notifications.getAllCreateOptions() as Record<string, { title: string; message: string; iconUrl: string }>;
  const check = () => worker.lifecycle.onAlarm(alarm('cil-hub-reminders'));

  it('shows the hours and the meeting reminders once each, in the CIL time, and opens the popup on a click', async () => {
    await worker.answers.answer({ type: 'log-hours', hours: { day: '2026-11-27', hours: 1.5, category: 'other' } }, SENDERS.popup);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(okResponse(summary)))));
    await check();
    expect(notifications()).toEqual({
      'cil-hub-week-2026-W48': expect.objectContaining({
        title: 'Your CIL hours this week',
        message: 'You have logged 3.5 of your 5 hours this week. Click to log the rest in CIL Hub.',
        iconUrl: expect.stringMatching(/^data:image\/png;base64,/),
      }),
      'cil-hub-meeting-m-meetup': expect.objectContaining({ title: 'Weekly meetup starts at 19:00' }),
    });

    await world.fake.notifications.clear('cil-hub-week-2026-W48');
    await world.fake.notifications.clear('cil-hub-meeting-m-meetup');
    vi.setSystemTime(pk('2026-11-27', '18:45'));
    await check();
    expect(notifications()).toEqual({});

    await world.fake.notifications.create('cil-hub-week-2026-W48', { type: 'basic', iconUrl: '', title: '', message: '' });
    await world.fake.notifications.onClicked.trigger('cil-hub-week-2026-W48');
    // The service worker's listener is not registered here: call the handler as it would.
    await worker.reminders.openFromNotification('cil-hub-week-2026-W48');
    expect(notifications()).toEqual({});
    expect((await world.fake.tabs.query({})).map((tab) => tab.url)).toContain('chrome-extension://test-extension-id/popup/index.html');
  });

  it('shows no hours reminder when the week is complete, and no meeting reminder after "Can\'t attend"', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(okResponse({ ...summary, week: { ...summary.week, hours: 6 } })))));
    await worker.answers.answer(
      { type: 'calendar-action', action: 'cant-attend', event: { eventId: 'meetup-1', title: 'Weekly meetup', startsAt: meeting.startsAt, meetCode: meeting.meetCode } },
      SENDERS.calendar,
    );
    await check();
    expect(notifications()).toEqual({});
  });

  it('shows nothing without an enrollment', async () => {
    await world.fake.storage.local.clear();
    await check();
    expect(notifications()).toEqual({});
  });
});
