import { describe, expect, it } from 'vitest';
import type { AccountabilityEvent } from '../../../shared/records/accountability';
import type { Attendance } from '../../../shared/records/attendance';
import type { HoursEntry } from '../../../shared/records/hours';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import { actionsOf, assessmentOf, at, evaluate, hours, logged, meeting, morning, sentWarning, session, TODAY, volunteer } from './world';

const daysAgo = (n: number): CalendarDay => addDays(TODAY, -n);

const offboarding = logged({ kind: 'offboarding', volunteerId: 'V-1', at: morning(daysAgo(30)), status: 'sent', checkKey: 'offboarding:V-1:x' });
const appeal = logged({ kind: 'appeal', volunteerId: 'V-1', at: at(daysAgo(10), '06:00'), status: 'approved', evidence: 'Will log 5 hours and come to meetups.' });
const meetup = meeting('M-1', daysAgo(5));
const offboarded = volunteer('V-1', { status: 'offboarded' });

type Case = {
  name: string;
  log: AccountabilityEvent[];
  hours?: HoursEntry[];
  attendance?: Attendance[];
  progress?: { hoursSince: number; meetingsSince: number; met: boolean };
  reintegrate: boolean;
};

const cases: Case[] = [
  { name: 'offboarded, no appeal', log: [offboarding], hours: [hours('V-1', daysAgo(3), 5)], attendance: [session(meetup, 'V-1')], reintegrate: false },
  { name: 'appealed, nothing done yet', log: [offboarding, appeal], progress: { hoursSince: 0, meetingsSince: 0, met: false }, reintegrate: false },
  {
    name: 'appealed, hours logged but no meeting',
    log: [offboarding, appeal],
    hours: [hours('V-1', daysAgo(3), 5)],
    progress: { hoursSince: 5, meetingsSince: 0, met: false },
    reintegrate: false,
  },
  {
    name: 'appealed, attended but 4 of 5 hours',
    log: [offboarding, appeal],
    hours: [hours('V-1', daysAgo(3), 4)],
    attendance: [session(meetup, 'V-1')],
    progress: { hoursSince: 4, meetingsSince: 1, met: false },
    reintegrate: false,
  },
  {
    name: 'appealed, 5 hours and a meetup: terms met',
    log: [offboarding, appeal],
    hours: [hours('V-1', daysAgo(3), 2), hours('V-1', daysAgo(2), 3)],
    attendance: [session(meetup, 'V-1')],
    progress: { hoursSince: 5, meetingsSince: 1, met: true },
    reintegrate: true,
  },
  {
    name: 'hours for days before the appeal do not count',
    log: [offboarding, appeal],
    hours: [hours('V-1', daysAgo(12), 5, { loggedAt: at(daysAgo(2)) })],
    attendance: [session(meetup, 'V-1')],
    progress: { hoursSince: 0, meetingsSince: 1, met: false },
    reintegrate: false,
  },
  {
    name: 'an appeal made before the offboarding does not count',
    log: [{ ...appeal, at: morning(daysAgo(40)) }, offboarding],
    hours: [hours('V-1', daysAgo(3), 5)],
    attendance: [session(meetup, 'V-1')],
    reintegrate: false,
  },
  {
    name: 'a dismissed appeal',
    log: [offboarding, { ...appeal, status: 'dismissed' }],
    hours: [hours('V-1', daysAgo(3), 5)],
    attendance: [session(meetup, 'V-1')],
    reintegrate: false,
  },
  {
    name: 'an appeal still waiting for a lead counts (the terms are the volunteer’s to meet)',
    log: [offboarding, { ...appeal, status: 'proposed' }],
    hours: [hours('V-1', daysAgo(3), 5)],
    attendance: [session(meetup, 'V-1')],
    progress: { hoursSince: 5, meetingsSince: 1, met: true },
    reintegrate: true,
  },
  {
    name: 'offboarded by hand (no offboarding row), then appealed',
    log: [appeal],
    hours: [hours('V-1', daysAgo(3), 5)],
    attendance: [session(meetup, 'V-1')],
    progress: { hoursSince: 5, meetingsSince: 1, met: true },
    reintegrate: true,
  },
];

describe('appeal and reintegration on re-engagement terms', () => {
  it.each(cases)('$name → reintegration: $reintegrate', ({ log, hours: logged, attendance, progress, reintegrate }) => {
    const result = evaluate({ volunteers: [offboarded], meetings: [meetup], log, hours: logged, attendance });
    const assessment = assessmentOf(result);
    expect(assessment.standing).toBe('inactive');
    expect(assessment.reasons[0]?.code).toBe('offboarded');
    if (progress) expect(assessment.reintegration).toMatchObject({ ...progress, hoursNeeded: 5, meetingsNeeded: 1, appealEventId: log.at(-1)?.id });
    else expect(assessment.reintegration).toBeUndefined();
    const actions = actionsOf(result, undefined, 'V-1');
    expect(actions.map((a) => a.type)).toEqual(reintegrate ? ['reintegration'] : []);
    if (reintegrate) {
      expect(actions[0]).toMatchObject({
        kind: 'reintegration',
        checkKey: `reintegration:V-1:${assessment.reintegration?.appealEventId}`,
        setsRosterStatus: 'active',
        logStatus: 'proposed',
      });
      expect(actions[0]?.evidenceText).toMatch(/^Re-engagement terms met since the appeal \[E-\d+\] on 2026-11-09: 5 hours logged \(5 hours needed\), 1 meeting attended \(1 needed\)\.$/);
    }
  });

  it('terms follow the policy and the volunteer’s own commitment', () => {
    const world = { volunteers: [{ ...offboarded, weeklyCommitmentHours: 3 }], meetings: [meetup], log: [offboarding, appeal], hours: [hours('V-1', daysAgo(3), 3)], attendance: [session(meetup, 'V-1')] };
    expect(actionsOf(evaluate(world), 'reintegration')).toHaveLength(1);
    expect(actionsOf(evaluate({ ...world, policy: { reintegrationHours: 10 } }), 'reintegration')).toHaveLength(0);
    expect(actionsOf(evaluate({ ...world, policy: { reintegrationMeetings: 2 } }), 'reintegration')).toHaveLength(0);
  });

  it('after reintegration the slate is clean: earlier warnings and evidence no longer count', () => {
    const reintegration = logged({ kind: 'reintegration', volunteerId: 'V-1', at: morning(daysAgo(3)), status: 'sent' });
    const log = [sentWarning('V-1', daysAgo(60)), sentWarning('V-1', daysAgo(45)), offboarding, appeal, reintegration];
    const result = evaluate({ volunteers: [volunteer('V-1')], meetings: [meetup], log, hours: [hours('V-1', daysAgo(40))] });
    const assessment = assessmentOf(result);
    expect(assessment.warnings.counted).toBe(0);
    expect(assessment.settledBefore).toBe(reintegration.at);
    expect(assessment.standing).toBe('active');
    expect(actionsOf(result, undefined, 'V-1')).toEqual([]);
    // Silent again for 15 days after the reintegration: a first warning, not offboarding.
    const later = evaluate({ volunteers: [volunteer('V-1')], meetings: [meetup], log, hours: [hours('V-1', daysAgo(40))], today: addDays(TODAY, 13) });
    expect(actionsOf(later, undefined, 'V-1').map((a) => [a.type, a.warningNumber])).toEqual([['warning', 1]]);
  });
});
