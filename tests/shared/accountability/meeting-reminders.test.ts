import { describe, expect, it } from 'vitest';
import { logEventOf } from '../../../shared/accountability/log-rows';
import type { AccountabilityEvent } from '../../../shared/records/accountability';
import type { Attendance } from '../../../shared/records/attendance';
import type { Meeting } from '../../../shared/records/meeting';
import type { Notice } from '../../../shared/records/notice';
import type { Volunteer } from '../../../shared/records/volunteer';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import type { Instant } from '../../../shared/time/instant';
import { actionsOf, evaluate, inTouch, marked, meeting, notice, override, TODAY, volunteer, type World } from './world';

// Reminders before meetings. TODAY is Thursday 19 November 2026; the check runs at 09:00 in Karachi
// (04:00 UTC). A meeting that has not started and starts today or tomorrow (Karachi days) is reminded
// once to each volunteer expected at it.

/** An instant given as Karachi wall-clock time (UTC+5, no summer time). */
const local = (day: CalendarDay, time: string) => new Date(`${day}T${time}:00+05:00`).toISOString() as Instant;
const TOMORROW = addDays(TODAY, 1);
const AFTER_TOMORROW = addDays(TODAY, 2);

/** A meeting starting at `time` (Karachi) on `day`, an hour long. */
function meetingAt(id: string, day: CalendarDay, time: string, change: Partial<Meeting> = {}): Meeting {
  const startsAt = local(day, time);
  return meeting(id, day, { startsAt, endsAt: new Date(Date.parse(startsAt) + 3600_000).toISOString() as Instant, ...change });
}

const reminders = (world: World) => actionsOf(evaluate({ hours: [inTouch()], ...world }), 'meeting reminder');

describe('meeting reminder: the window', () => {
  it.each([
    { name: 'started at 08:00 today (before the check)', day: TODAY, time: '08:00', remind: false },
    { name: 'starts at 09:00 today, the moment of the check', day: TODAY, time: '09:00', remind: false },
    { name: 'starts at 09:01 today', day: TODAY, time: '09:01', remind: true },
    { name: 'starts at 19:00 today', day: TODAY, time: '19:00', remind: true },
    { name: 'starts at 00:00 tomorrow', day: TOMORROW, time: '00:00', remind: true },
    { name: 'starts at 23:59 tomorrow (just inside)', day: TOMORROW, time: '23:59', remind: true },
    { name: 'starts at 00:00 the day after tomorrow (just outside)', day: AFTER_TOMORROW, time: '00:00', remind: false },
    { name: 'starts next week', day: addDays(TODAY, 7), time: '19:00', remind: false },
    { name: 'was yesterday', day: addDays(TODAY, -1), time: '19:00', remind: false },
  ])('$name → reminder: $remind', ({ day, time, remind }) => {
    const m = meetingAt('M-1', day, time);
    const found = reminders({ meetings: [m] });
    expect(found).toHaveLength(remind ? 1 : 0);
    if (remind) {
      expect(found[0]).toMatchObject({
        kind: 'reminder',
        type: 'meeting reminder',
        volunteerId: 'V-1',
        checkKey: `reminder:V-1:meeting:M-1:${day}`,
        logStatus: 'approved',
        mandatory: false,
        reasons: [],
      });
    }
  });

  it('the window is a policy setting: 0 days reminds only of meetings later today', () => {
    const meetings = [meetingAt('M-1', TODAY, '19:00'), meetingAt('M-2', TOMORROW, '19:00')];
    expect(reminders({ meetings, policy: { meetingReminderDays: 0 } }).map((a) => a.checkKey)).toEqual([`reminder:V-1:meeting:M-1:${TODAY}`]);
  });

  it('its evidence is the Meetings row, with the day and the local time it starts', () => {
    const m = meetingAt('M-7', TOMORROW, '19:00', { title: 'November meetup', expectedAttendees: 'Transit Map' });
    const [reminder] = reminders({ meetings: [m], volunteers: [volunteer('V-1', { team: 'transit map' })] });
    expect(reminder?.evidence).toEqual([{ tab: 'Meetings', id: 'M-7', day: TOMORROW, what: 'Expected at: CIL meetup "November meetup"' }]);
    expect(reminder?.evidenceText).toBe(
      `Expected at CIL meetup "November meetup" on ${TOMORROW} [M-7], starting ${TOMORROW} 19:00 (expected: Transit Map).`,
    );
  });

  it('is approved at once in review mode too, as other reminders are', () => {
    expect(reminders({ meetings: [meetingAt('M-1', TOMORROW, '19:00')], settings: { mode: 'review' } })[0]?.logStatus).toBe('approved');
  });
});

describe('meeting reminder: who gets one', () => {
  const m = meetingAt('M-1', TOMORROW, '19:00');
  const forLeads = meetingAt('M-1', TOMORROW, '19:00', { kind: 'monthly CfP call', expectedAttendees: 'leads' });
  const forTeam = meetingAt('M-1', TOMORROW, '19:00', { kind: 'check-in', expectedAttendees: 'Water Tracker' });
  type Case = { name: string; meeting: Meeting; change?: Partial<Volunteer>; notices?: Notice[]; attendance?: Attendance[]; log?: AccountabilityEvent[]; remind: boolean };
  const cases: Case[] = [
    { name: 'an active member, all expected', meeting: m, remind: true },
    { name: 'a warned member', meeting: m, change: { status: 'warned' }, remind: true },
    { name: 'a member at a leads-only CfP call (not expected)', meeting: forLeads, remind: false },
    { name: 'an organizer at a leads-only CfP call', meeting: forLeads, change: { role: 'organizer' }, remind: true },
    { name: 'a member of another team at a team check-in (not expected)', meeting: forTeam, change: { team: 'Transit Map' }, remind: false },
    { name: 'a member of that team, written differently', meeting: forTeam, change: { team: ' water  tracker ' }, remind: true },
    { name: 'notice already given for the meeting', meeting: m, notices: [notice('V-1', local(TODAY, '08:00'), { meetingId: 'M-1' })], remind: false },
    { name: 'notice already given for the days around it', meeting: m, notices: [notice('V-1', local(addDays(TODAY, -3), '10:00'), { fromDay: TOMORROW, toDay: addDays(TODAY, 4) })], remind: false },
    { name: 'a notice given after the check (not seen yet)', meeting: m, notices: [notice('V-1', local(TODAY, '12:00'), { meetingId: 'M-1' })], remind: true },
    { name: 'a communication (not an absence notice)', meeting: m, notices: [notice('V-1', local(TODAY, '08:00'), { kind: 'communication', meetingId: 'M-1' })], remind: true },
    { name: 'a notice for another meeting', meeting: m, notices: [notice('V-1', local(TODAY, '08:00'), { meetingId: 'M-2' })], remind: true },
    { name: 'attendance already recorded by a lead', meeting: m, attendance: [marked(m, 'V-1', 'absent with notice')], remind: false },
    { name: "someone else's attendance recorded", meeting: m, attendance: [marked(m, 'V-2', 'absent with notice')], remind: true },
    { name: 'on leave in the roster', meeting: m, change: { status: 'on leave' }, remind: false },
    { name: 'on leave by a notice covering today', meeting: m, notices: [notice('V-1', local(addDays(TODAY, -5), '10:00'), { fromDay: addDays(TODAY, -2), toDay: TODAY })], remind: false },
    { name: 'a new member in the first two weeks (no miss counts yet)', meeting: m, change: { joinedOn: addDays(TODAY, -5) }, remind: false },
    { name: 'offboarded', meeting: m, change: { status: 'offboarded' }, remind: false },
    { name: 'alumni', meeting: m, change: { status: 'alumni' }, remind: false },
    { name: "under a lead's override", meeting: m, log: [override('V-1', addDays(TODAY, 10))], remind: false },
  ];

  it.each(cases)('$name → reminder: $remind', ({ meeting: theMeeting, change, notices = [], attendance = [], log = [], remind }) => {
    const found = reminders({ meetings: [theMeeting], volunteers: [volunteer('V-1', change)], notices, attendance, log });
    expect(found.map((a) => a.checkKey)).toEqual(remind ? [`reminder:V-1:meeting:M-1:${TOMORROW}`] : []);
  });

  it('an override holds the reminder back rather than dropping it silently', () => {
    const result = evaluate({ meetings: [m], hours: [inTouch()], log: [override('V-1', addDays(TODAY, 10))] });
    expect(result.held).toContainEqual({ checkKey: `reminder:V-1:meeting:M-1:${TOMORROW}`, why: 'override' });
  });

  it('one step per expected volunteer and meeting: volunteers in roster order, meetings in time order', () => {
    const later = meetingAt('M-2', TOMORROW, '19:00', { kind: 'monthly CfP call', expectedAttendees: 'leads' });
    const earlier = meetingAt('M-3', TODAY, '18:00');
    const volunteers = [volunteer('V-1'), volunteer('V-2', { role: 'organizer' }), volunteer('V-3', { status: 'alumni' })];
    const keys = reminders({ meetings: [later, earlier], volunteers, hours: volunteers.map((v) => inTouch(v.id)) }).map((a) => a.checkKey);
    expect(keys).toEqual([
      `reminder:V-1:meeting:M-3:${TODAY}`,
      `reminder:V-2:meeting:M-3:${TODAY}`,
      `reminder:V-2:meeting:M-2:${TOMORROW}`,
    ]);
  });
});

describe('meeting reminder: once per meeting', () => {
  const logRows = (world: World, now: Instant) => reminders(world).map((action, i) => logEventOf(action, { id: `E-${i}`, at: now }));

  it('a second run the same day, later on, proposes nothing', () => {
    const meetings = [meetingAt('M-1', TODAY, '19:00'), meetingAt('M-2', TOMORROW, '23:30')];
    const log = logRows({ meetings }, local(TODAY, '09:00'));
    expect(log).toHaveLength(2);
    expect(reminders({ meetings, log, now: local(TODAY, '21:00') })).toEqual([]);
    // Even without the first run's rows, a later run that day finds no meeting the first did not.
    expect(reminders({ meetings, now: local(TODAY, '23:59') }).map((a) => a.checkKey)).toEqual([`reminder:V-1:meeting:M-2:${TOMORROW}`]);
  });

  it("the next day's run does not remind again of a meeting it reminded of the day before", () => {
    const meetings = [meetingAt('M-1', TOMORROW, '19:00'), meetingAt('M-2', AFTER_TOMORROW, '19:00')];
    const log = logRows({ meetings }, local(TODAY, '09:00'));
    expect(log.map((row) => row.checkKey)).toEqual([`reminder:V-1:meeting:M-1:${TOMORROW}`]);
    const next = reminders({ meetings, log, today: TOMORROW, now: local(TOMORROW, '09:00'), hours: [inTouch('V-1', TOMORROW)] });
    expect(next.map((a) => a.checkKey)).toEqual([`reminder:V-1:meeting:M-2:${AFTER_TOMORROW}`]);
  });

  it('a meeting moved later in its day after the reminder is not reminded again; moved to another day, it is', () => {
    const first = meetingAt('M-1', TOMORROW, '18:00');
    const log = logRows({ meetings: [first] }, local(TODAY, '09:00'));
    const sameDay = meetingAt('M-1', TOMORROW, '20:30');
    expect(reminders({ meetings: [sameDay], log, now: local(TODAY, '15:00') })).toEqual([]);
    const nextDay = meetingAt('M-1', AFTER_TOMORROW, '18:00');
    const moved = reminders({ meetings: [nextDay], log, today: TOMORROW, now: local(TOMORROW, '09:00'), hours: [inTouch('V-1', TOMORROW)] });
    expect(moved.map((a) => a.checkKey)).toEqual([`reminder:V-1:meeting:M-1:${AFTER_TOMORROW}`]);
  });

  it.each(['00:05', '07:00', '13:30', '23:05'])('daily runs at %s remind of every meeting exactly once, before it starts', (time) => {
    // Three weeks of meetings at all hours from the day after the first run; the trigger fires up to 49
    // minutes late some days, and each day runs twice.
    const meetings: Meeting[] = [];
    const first: CalendarDay = '2026-11-02';
    for (let n = 0; n < 21; n++) {
      const day = addDays(first, n);
      meetings.push(meetingAt(`M-${n}-a`, day, ['00:00', '06:30', '09:00', '18:00', '23:59'][n % 5]!));
      if (n % 3 === 0) meetings.push(meetingAt(`M-${n}-b`, day, '12:00'));
    }
    const log: AccountabilityEvent[] = [];
    const remindedAt = new Map<string, number>();
    for (let n = -1; n < 21; n++) {
      const today = addDays(first, n);
      const late = ((n + 1) * 17) % 50;
      const now = new Date(Date.parse(local(today, time)) + late * 60_000).toISOString() as Instant;
      for (let run = 0; run < 2; run++) {
        const found = reminders({ meetings, log, today, now, hours: [inTouch('V-1', today)] });
        if (run === 1) expect(found).toEqual([]);
        for (const action of found) {
          log.push(logEventOf(action, { id: `E-${log.length}`, at: now }));
          const meetingId = action.evidence[0]!.id;
          expect(remindedAt.has(meetingId)).toBe(false);
          remindedAt.set(meetingId, Date.parse(now));
        }
      }
    }
    for (const m of meetings) expect(remindedAt.get(m.id), m.id).toBeLessThan(Date.parse(m.startsAt));
    expect(remindedAt.size).toBe(meetings.length);
  });
});
