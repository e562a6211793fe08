import { describe, expect, it } from 'vitest';
import { evaluateCil } from '../../../shared/accountability/evaluate';
import { logEventOf } from '../../../shared/accountability/log-rows';
import type { ProposedAction } from '../../../shared/accountability/types';
import { accountabilityEventSchema, type AccountabilityEvent } from '../../../shared/records/accountability';
import type { Attendance } from '../../../shared/records/attendance';
import type { HoursEntry } from '../../../shared/records/hours';
import type { Meeting } from '../../../shared/records/meeting';
import type { Notice } from '../../../shared/records/notice';
import type { Volunteer } from '../../../shared/records/volunteer';
import { addDays, daysBetween, weekdayOf, type CalendarDay } from '../../../shared/time/calendar-day';
import type { Instant } from '../../../shared/time/instant';
import { at, deliverable, hours, input, logged, meeting, morning, notice, session, volunteer } from './world';

// A quarter of a small CIL, October to December 2026, with every record written in advance: the
// engine sees only what exists by its `now`, so each day of the quarter can be replayed.
const FIRST: CalendarDay = '2026-10-01';
const LAST: CalendarDay = '2026-12-31';
const days = (from: CalendarDay, to: CalendarDay) => Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));

function quarter() {
  const meetings: Meeting[] = [];
  const attendance: Attendance[] = [];
  const notices: Notice[] = [];
  const logged_: HoursEntry[] = [];
  const volunteers: Volunteer[] = [
    volunteer('V-STEADY', { role: 'organizer' }),
    volunteer('V-DRIFT'),
    volunteer('V-NOTICE'),
    volunteer('V-APPEAL', { status: 'offboarded' }),
    volunteer('V-LATE'),
  ];
  for (const day of days('2026-09-01', LAST)) {
    if (weekdayOf(day) === 2) {
      const m = meeting(`MU-${day}`, day, { meetCode: 'abc-defg-hij' });
      meetings.push(m);
      attendance.push(session(m, 'V-STEADY'));
      if (day <= '2026-10-20') attendance.push(session(m, 'V-DRIFT'));
      notices.push(notice('V-NOTICE', at(addDays(day, -1)), { meetingId: m.id }));
      if (day >= '2026-10-13') attendance.push(session(m, 'V-APPEAL'));
      attendance.push(session(m, 'V-LATE'));
    }
    if (weekdayOf(day) === 3 && Number(day.slice(8)) <= 7) {
      const call = meeting(`CALL-${day}`, day, { kind: 'monthly CfP call', expectedAttendees: 'leads' });
      meetings.push(call);
      attendance.push(session(call, 'V-STEADY'));
    }
    if (weekdayOf(day) === 1) {
      logged_.push(hours('V-STEADY', day, 5), hours('V-NOTICE', day, 5), hours('V-LATE', day, 5));
      if (day <= '2026-10-19') logged_.push(hours('V-DRIFT', day, 5));
      if (day >= '2026-10-12') logged_.push(hours('V-APPEAL', day, 5));
    }
  }
  meetings.push(meeting('EV-1', '2026-11-21', { kind: 'event', title: 'Civic hackathon' }));
  const deliverables = [
    deliverable('V-STEADY', '2026-10-16', { kind: 'biweekly update', status: 'submitted', submittedOn: '2026-10-15' }),
    deliverable('V-STEADY', '2026-11-13', { kind: 'biweekly update', status: 'submitted', submittedOn: '2026-11-12' }),
    deliverable('V-LATE', '2026-11-13', { kind: 'biweekly update', status: 'submitted', submittedOn: '2026-11-16' }),
    deliverable('V-NOTICE', '2026-12-04', { kind: 'quarterly story' }),
  ];
  const log: AccountabilityEvent[] = [
    logged({ kind: 'offboarding', volunteerId: 'V-APPEAL', at: morning('2026-08-20'), status: 'sent', checkKey: 'offboarding:V-APPEAL:2026-08-01' }),
    logged({ kind: 'appeal', volunteerId: 'V-APPEAL', at: at('2026-10-10', '06:00'), status: 'approved', by: 'lead@example.org' }),
  ];
  return { volunteers, meetings, attendance, notices, hours: logged_, deliverables, log };
}

let eventCounter = 0;
const rowsFor = (actions: readonly ProposedAction[], now: Instant) =>
  actions.map((action) => logEventOf(action, { id: `EV-${++eventCounter}`, at: now }));

describe('idempotence: the daily check proposes nothing twice', () => {
  it('evaluate, add the proposed actions to the log, evaluate again: nothing new', () => {
    const world = quarter();
    const today: CalendarDay = '2026-12-10';
    const first = evaluateCil(input({ ...world, today }));
    expect(first.actions.length).toBeGreaterThan(3);
    const rows = rowsFor(first.actions, morning(today));
    for (const row of rows) expect(accountabilityEventSchema.safeParse(row).success).toBe(true);
    const second = evaluateCil(input({ ...world, today, log: [...world.log, ...rows] }));
    expect(second.actions).toEqual([]);
    expect(second.alreadyLogged.map((l) => l.checkKey).sort()).toEqual(first.actions.map((a) => a.checkKey).sort());
  });

  it.each(['proposed', 'approved', 'dismissed', 'sent'] as const)('a step logged as %s is not proposed again', (status) => {
    const world = quarter();
    const today: CalendarDay = '2026-12-10';
    const first = evaluateCil(input({ ...world, today }));
    const rows = rowsFor(first.actions, morning(today)).map((row) => ({ ...row, status }));
    const again = evaluateCil(input({ ...world, today, log: [...world.log, ...rows] }));
    expect(again.actions).toEqual([]);
    // …nor on the following days, for the same evidence.
    const later = evaluateCil(input({ ...world, today: addDays(today, 1), log: [...world.log, ...rows] }));
    expect(later.actions.map((a) => a.checkKey).filter((key) => rows.some((row) => row.checkKey === key))).toEqual([]);
  });

  it('a check key typed with spaces around it still matches', () => {
    const world = quarter();
    const today: CalendarDay = '2026-12-10';
    const first = evaluateCil(input({ ...world, today }));
    const rows = rowsFor(first.actions, morning(today)).map((row) => ({ ...row, checkKey: ` ${row.checkKey} ` }));
    expect(evaluateCil(input({ ...world, today, log: [...world.log, ...rows] })).actions).toEqual([]);
  });

  it('a quarter of daily checks, each run twice, with a lead approving every step: each step once, in order', () => {
    const world = quarter();
    const log = [...world.log];
    let volunteers = world.volunteers;
    for (const today of days(FIRST, LAST)) {
      const now = morning(today);
      const run = () => evaluateCil({ ...input({ ...world, volunteers, log, today }), now });
      const proposed = run().actions;
      log.push(...rowsFor(proposed, now));
      expect(run().actions).toEqual([]);
      // The lead approves everything at noon, the email goes out, the roster follows.
      const noon = at(today, '07:00');
      for (const [i, row] of log.entries()) {
        if (row.status === 'proposed' && row.kind !== 'appeal') log[i] = { ...row, status: 'sent', emailSentAt: noon };
      }
      for (const action of proposed) {
        if (action.setsRosterStatus && action.volunteerId) {
          volunteers = volunteers.map((v) => (v.id === action.volunteerId ? { ...v, status: action.setsRosterStatus ?? v.status } : v));
        }
      }
      expect(run().actions).toEqual([]);
    }

    const keys = log.flatMap((row) => (row.checkKey ? [row.checkKey] : []));
    expect(new Set(keys).size).toBe(keys.length);
    const steps = (volunteerId: string) =>
      log.filter((row) => row.volunteerId === volunteerId && row.by === 'daily check' && row.kind !== 'reminder').map((row) => `${row.at.slice(0, 10)} ${row.kind}`);
    // Last seen at the meetup of 20 October; misses 27 October and 3 November, silent from then on.
    expect(steps('V-DRIFT')).toEqual(['2026-11-04 warning', '2026-11-18 warning', '2026-12-02 offboarding']);
    expect(steps('V-STEADY')).toEqual([]);
    // Gives notice for every meetup and logs hours, but never writes the story due 4 December:
    // logging hours does not settle a deliverable still owed.
    expect(steps('V-NOTICE')).toEqual(['2026-12-05 warning', '2026-12-19 warning']);
    // Appealed on 10 October, logged 5 hours on the 12th and attended the meetup on the 13th.
    expect(steps('V-APPEAL')).toEqual(['2026-10-14 reintegration']);
    // The update due 13 November came in on the 16th: warned on the 14th, active again on the 16th.
    expect(steps('V-LATE')).toEqual(['2026-11-14 warning', '2026-11-16 note']);
    expect(volunteers.map((v) => [v.id, v.status])).toEqual([
      ['V-STEADY', 'active'],
      ['V-DRIFT', 'offboarded'],
      ['V-NOTICE', 'warned'],
      ['V-APPEAL', 'active'],
      ['V-LATE', 'active'],
    ]);
    const reminders = log.filter((row) => row.kind === 'reminder').map((row) => row.checkKey ?? '');
    // Five hours every Monday: never behind; reminded once before each update was due.
    expect(reminders.filter((key) => key.startsWith('reminder:V-STEADY:hours:'))).toEqual([]);
    expect(reminders.filter((key) => key.startsWith('reminder:V-STEADY:deadline:'))).toHaveLength(2);
    // Last logged hours on Monday 19 October: a reminder every Friday from the week after until the
    // offboarding (Wednesday 2 December).
    expect(reminders.filter((key) => key.startsWith('reminder:V-DRIFT:hours:'))).toEqual([
      'reminder:V-DRIFT:hours:2026-W44',
      'reminder:V-DRIFT:hours:2026-W45',
      'reminder:V-DRIFT:hours:2026-W46',
      'reminder:V-DRIFT:hours:2026-W47',
      'reminder:V-DRIFT:hours:2026-W48',
    ]);
    expect(reminders.filter((key) => key.startsWith('reminder:V-NOTICE:deadline:'))).toHaveLength(1);
    const checkIns = log.filter((row) => row.kind === 'mentor check-in').map((row) => `${row.at.slice(0, 10)} ${row.checkKey}`);
    expect(checkIns).toEqual(['2026-12-12 mentor-check-in:cil:reports-overdue:2026-12']);
  });
});

describe('determinism', () => {
  it('the same input gives deep-equal output, as plain data, without touching the input', () => {
    const world = quarter();
    const frozen = deepFreeze(input({ ...world, today: '2026-12-10' }));
    const a = evaluateCil(frozen);
    const b = evaluateCil(frozen);
    expect(b).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('the order of the rows does not change standings or steps', () => {
    const world = quarter();
    const forwards = evaluateCil(input({ ...world, today: '2026-12-10' }));
    const backwards = evaluateCil(
      input({
        today: '2026-12-10',
        volunteers: world.volunteers,
        meetings: [...world.meetings].reverse(),
        attendance: [...world.attendance].reverse(),
        notices: [...world.notices].reverse(),
        hours: [...world.hours].reverse(),
        deliverables: [...world.deliverables].reverse(),
        log: [...world.log].reverse(),
      }),
    );
    expect(backwards.volunteers.map((v) => [v.volunteerId, v.standing, v.reasons.map((r) => r.code)])).toEqual(
      forwards.volunteers.map((v) => [v.volunteerId, v.standing, v.reasons.map((r) => r.code)]),
    );
    expect(backwards.actions.map((a) => a.checkKey)).toEqual(forwards.actions.map((a) => a.checkKey));
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

