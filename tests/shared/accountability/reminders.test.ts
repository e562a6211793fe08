import { describe, expect, it } from 'vitest';
import type { HoursEntry } from '../../../shared/records/hours';
import type { Volunteer } from '../../../shared/records/volunteer';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import { actionsOf, assessmentOf, at, deliverable, evaluate, hours, notice, volunteer } from './world';

// Week 2026-W47 runs Monday 16 to Sunday 22 November.
const MONDAY: CalendarDay = '2026-11-16';
const day = (offset: number) => addDays(MONDAY, offset);

describe('reminder: hours behind the weekly commitment', () => {
  type Case = { name: string; today: CalendarDay; logged: HoursEntry[]; change?: Partial<Volunteer>; remind: boolean };
  const cases: Case[] = [
    { name: 'Thursday, 1 of 5 hours (too early in the week)', today: day(3), logged: [hours('V-1', day(0))], remind: false },
    { name: 'Friday, 1 of 5 hours', today: day(4), logged: [hours('V-1', day(0))], remind: true },
    { name: 'Sunday, 4.5 of 5 hours', today: day(6), logged: [hours('V-1', day(0), 2.5), hours('V-1', day(2), 2)], remind: true },
    { name: 'Friday, 5 of 5 hours', today: day(4), logged: [hours('V-1', day(0), 3), hours('V-1', day(3), 2)], remind: false },
    { name: 'Friday, hours of last week do not count', today: day(4), logged: [hours('V-1', day(-1), 5, { loggedAt: at(day(1)) })], remind: true },
    { name: 'Friday, a lead with 4 of 4 hours', today: day(4), logged: [hours('V-1', day(1), 4)], change: { role: 'storyteller' }, remind: false },
    { name: 'Friday, own commitment of 2 hours, 2 logged', today: day(4), logged: [hours('V-1', day(1), 2)], change: { weeklyCommitmentHours: 2 }, remind: false },
    { name: 'Friday, no commitment (0 hours)', today: day(4), logged: [hours('V-1', day(1))], change: { weeklyCommitmentHours: 0 }, remind: false },
    { name: 'Friday, a new member in the first two weeks', today: day(4), logged: [hours('V-1', day(1))], change: { joinedOn: day(-3) }, remind: false },
    { name: 'Friday, offboarded', today: day(4), logged: [hours('V-1', day(1))], change: { status: 'offboarded' }, remind: false },
    { name: 'Friday, alumni', today: day(4), logged: [hours('V-1', day(1))], change: { status: 'alumni' }, remind: false },
  ];

  it.each(cases)('$name → reminder: $remind', ({ today, logged, change, remind }) => {
    const result = evaluate({ today, volunteers: [volunteer('V-1', change)], hours: logged });
    const reminders = actionsOf(result, 'hours reminder');
    expect(reminders).toHaveLength(remind ? 1 : 0);
    if (remind) {
      expect(reminders[0]).toMatchObject({ kind: 'reminder', checkKey: 'reminder:V-1:hours:2026-W47', logStatus: 'approved', mandatory: false });
      expect(reminders[0]?.evidence.map((ref) => ref.id)).toEqual(
        logged.filter((entry) => entry.day >= MONDAY).map((entry) => entry.id),
      );
    }
  });

  it('states the hours and the week', () => {
    const entry = hours('V-1', day(1), 1.5);
    const [reminder] = actionsOf(evaluate({ today: day(4), hours: [entry] }), 'hours reminder');
    expect(reminder?.evidenceText).toBe(`Logged 1.5 hours of 5 hours for 2026-W47 (2026-11-16 to 2026-11-20): 1.5 hours on 2026-11-17 [${entry.id}].`);
    expect(assessmentOf(evaluate({ today: day(4), hours: [entry] })).hoursThisWeek).toBe(1.5);
  });

  it('the weekday to start reminding is a policy setting', () => {
    expect(actionsOf(evaluate({ today: day(2), hours: [hours('V-1', day(0))], policy: { hoursReminderFromWeekday: 3 } }), 'hours reminder')).toHaveLength(1);
  });

  it('a leave that touches the week holds the reminder back', () => {
    const leave = notice('V-1', at(day(-10)), { fromDay: day(-3), toDay: day(1) });
    expect(actionsOf(evaluate({ today: day(4), hours: [hours('V-1', day(3))], notices: [leave] }), 'hours reminder')).toHaveLength(0);
  });
});

describe('reminder: a deliverable due soon', () => {
  it.each([
    { due: -1, remind: false },
    { due: 0, remind: true },
    { due: 1, remind: true },
    { due: 3, remind: true },
    { due: 4, remind: false },
  ])('due in $due days → reminder: $remind', ({ due, remind }) => {
    const today = day(2);
    const item = deliverable('V-1', addDays(today, due), { kind: 'monthly progress update', title: 'November update' });
    const result = evaluate({ today, deliverables: [item], hours: [hours('V-1', day(1))] });
    const reminders = actionsOf(result, 'deadline reminder');
    expect(reminders).toHaveLength(remind ? 1 : 0);
    if (remind) {
      expect(reminders[0]).toMatchObject({ kind: 'reminder', volunteerId: 'V-1', checkKey: `reminder:V-1:deadline:${item.id}:${item.dueOn}` });
      expect(reminders[0]?.evidenceText).toBe(
        `Due ${due === 0 ? 'today' : `in ${due} day${due === 1 ? '' : 's'}`}: monthly progress update "November update" [${item.id}] due ${item.dueOn}.`,
      );
    }
  });

  it.each([
    { name: 'submitted', change: { status: 'submitted' as const, submittedOn: day(1) } },
    { name: 'waived', change: { status: 'waived' as const } },
  ])('none once $name', ({ change }) => {
    const item = deliverable('V-1', day(3), change);
    expect(actionsOf(evaluate({ today: day(2), deliverables: [item], hours: [hours('V-1', day(1))] }), 'deadline reminder')).toEqual([]);
  });

  it('a re-dated deliverable gets a new reminder', () => {
    const item = deliverable('V-1', day(3));
    const first = actionsOf(evaluate({ today: day(2), deliverables: [item], hours: [hours('V-1', day(1))] }), 'deadline reminder')[0];
    const moved = actionsOf(evaluate({ today: day(5), deliverables: [{ ...item, dueOn: day(7) }], hours: [hours('V-1', day(1))] }), 'deadline reminder')[0];
    expect(first?.checkKey).not.toBe(moved?.checkKey);
  });
});
