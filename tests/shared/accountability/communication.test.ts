import { describe, expect, it } from 'vitest';
import type { Standing } from '../../../shared/accountability/types';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import type { EvaluateInput } from '../../../shared/accountability/types';
import { actionsOf, assessmentOf, at, deliverable, evaluate, hours, logged, marked, meeting, notice, session, TODAY, volunteer } from './world';

const daysAgo = (n: number): CalendarDay => addDays(TODAY, -n);

describe('rule: no communication for more than "Days without communication" (14)', () => {
  it.each([
    { silent: 0, standing: 'active' },
    { silent: 7, standing: 'active' },
    { silent: 8, standing: 'at risk' },
    { silent: 13, standing: 'at risk' },
    { silent: 14, standing: 'at risk' },
    { silent: 15, standing: 'inactive' },
    { silent: 40, standing: 'inactive' },
  ] satisfies { silent: number; standing: Standing }[])('last contact $silent days before today → $standing', ({ silent, standing }) => {
    // Logged at 08:00 in Karachi, before the check runs at 09:00.
    const result = evaluate({ hours: [hours('V-1', daysAgo(silent), 1, { loggedAt: at(daysAgo(silent), '03:00') })] });
    const assessment = assessmentOf(result);
    expect(assessment.daysWithoutCommunication).toBe(silent);
    expect(assessment.standing).toBe(standing);
    expect(actionsOf(result, 'warning')).toHaveLength(standing === 'inactive' ? 1 : 0);
  });

  it('follows the setting', () => {
    const last = hours('V-1', daysAgo(8));
    expect(assessmentOf(evaluate({ hours: [last], settings: { daysWithoutCommunication: 7 } })).standing).toBe('inactive');
    expect(assessmentOf(evaluate({ hours: [last], settings: { daysWithoutCommunication: 8 } })).standing).toBe('at risk');
  });

  it('states the last contact and dates inactivity from the 15th silent day', () => {
    const last = hours('V-1', daysAgo(20), 2);
    const reason = assessmentOf(evaluate({ hours: [last] })).reasons[0];
    expect(reason).toEqual({
      code: 'no communication',
      severity: 'inactive',
      since: daysAgo(5),
      summary: `No communication for 20 days, more than the 14 allowed; last contact on ${daysAgo(20)}: Logged 2 hours for ${daysAgo(20)} [${last.id}].`,
      evidence: [{ tab: 'Hours', id: last.id, day: daysAgo(20), what: `Logged 2 hours for ${daysAgo(20)}` }],
    });
  });

  type Source = { name: string; counts: boolean; world: Partial<EvaluateInput> };
  const sources: Source[] = [
    { name: 'hours, by when they were logged', counts: true, world: { hours: [hours('V-1', daysAgo(30), 1, { loggedAt: at(daysAgo(2), '10:00') })] } },
    { name: 'a Meet session', counts: true, world: { meetings: [meeting('M-9', daysAgo(2), { kind: 'hack night' })], attendance: [session(meeting('M-9', daysAgo(2)), 'V-1', 2)] } },
    { name: 'attendance marked present by a lead', counts: true, world: { meetings: [meeting('M-9', daysAgo(2), { kind: 'hack night' })], attendance: [marked(meeting('M-9', daysAgo(2)), 'V-1', 'present')] } },
    { name: 'an attendance row "absent" with no session', counts: false, world: { meetings: [meeting('M-9', daysAgo(2), { kind: 'hack night' })], attendance: [marked(meeting('M-9', daysAgo(2)), 'V-1', 'absent')] } },
    { name: 'a communication notice', counts: true, world: { notices: [notice('V-1', at(daysAgo(2)), { kind: 'communication' })] } },
    { name: 'an absence notice', counts: true, world: { notices: [notice('V-1', at(daysAgo(2)), { meetingId: 'M-x' })] } },
    { name: 'an appeal in the log', counts: true, world: { log: [logged({ kind: 'appeal', volunteerId: 'V-1', at: at(daysAgo(2)), status: 'proposed' })] } },
    { name: 'a note written by the volunteer', counts: true, world: { log: [logged({ kind: 'note', volunteerId: 'V-1', at: at(daysAgo(2)), by: 'v-1@example.org' })] } },
    { name: 'a note a lead wrote about them', counts: false, world: { log: [logged({ kind: 'note', volunteerId: 'V-1', at: at(daysAgo(2)), by: 'lead@example.org' })] } },
    { name: 'a deliverable submitted', counts: true, world: { deliverables: [deliverable('V-1', daysAgo(1), { status: 'submitted', submittedOn: daysAgo(2) })] } },
    { name: 'a future-dated row not yet seen', counts: false, world: { notices: [notice('V-1', at(addDays(TODAY, 1)), { kind: 'communication' })] } },
    { name: 'hours logged by someone else', counts: false, world: { hours: [hours('V-2', daysAgo(2))] } },
  ];

  it.each(sources)('$name counts as contact: $counts', ({ world, counts }) => {
    const result = evaluate({ volunteers: [volunteer('V-1')], hours: [hours('V-1', daysAgo(20))], ...world, ...(world.hours ? { hours: [hours('V-1', daysAgo(20)), ...world.hours] } : {}) });
    const assessment = assessmentOf(result);
    expect(assessment.daysWithoutCommunication).toBe(counts ? 2 : 20);
    expect(assessment.standing).toBe(counts ? 'active' : 'inactive');
  });

  it('counts a new member’s silence from the day they joined', () => {
    const joined = volunteer('V-1', { joinedOn: daysAgo(16) });
    const assessment = assessmentOf(evaluate({ volunteers: [joined] }));
    expect(assessment.daysWithoutCommunication).toBe(16);
    expect(assessment.reasons[0]?.summary).toBe(`No communication for 16 days, more than the 14 allowed; no contact since joining on ${daysAgo(16)}.`);
  });
});
