import { describe, expect, it } from 'vitest';
import { nationalMentorCheckInKey } from '../../../shared/accountability';
import { checkInEvent } from '../../../shared/rollup';
import { actionsOf, evaluate, hours, logged, morning } from './world';

// One mentor check-in per CIL and quarter, whoever proposes it: the rollup's row, and the rules engine
// holding back its own while that row is in the log.

describe('the rollup’s check-in row', () => {
  const row = {
    id: 'a-1',
    at: morning('2026-11-19'),
    cilName: 'CIL Lahore',
    quarter: '2026-Q4',
    cfpLeadEmail: 'cfp@example.org',
    reasons: ['No monthly CfP call in 2026-10.', 'Behind on 5 of 8 KPIs in 2026-Q3.'],
  };

  it.each([
    { status: 'sent' as const, emailSentAt: morning('2026-11-19') },
    { status: 'approved' as const, emailSentAt: undefined },
  ])('is a mentor check-in about the whole CIL, keyed by the quarter ($status)', ({ status, emailSentAt }) => {
    const event = checkInEvent({ ...row, status, ...(emailSentAt ? { emailSentAt } : {}) });
    expect(event).toEqual({
      id: 'a-1',
      kind: 'mentor check-in',
      at: row.at,
      by: 'national rollup',
      evidence:
        'Mentor check-in proposed to the CfP lead (cfp@example.org) by the national rollup: CIL Lahore is falling behind in 2026-Q4. ' +
        'No monthly CfP call in 2026-10. Behind on 5 of 8 KPIs in 2026-Q3.',
      status,
      checkKey: 'mentor-check-in:cil:national:2026-Q4',
      ...(emailSentAt ? { emailSentAt } : {}),
    });
    expect(event).not.toHaveProperty('volunteerId');
  });
});

describe('the rules engine and the rollup’s check-in', () => {
  // 10 December: no event in Q4 and no CfP call in November, so the engine wants two check-ins.
  const world = { today: '2026-12-10' as const, hours: [hours('V-1', '2026-12-09')] };
  const national = (quarter: string, change = {}) => logged({ id: 'E-n', kind: 'mentor check-in', at: morning('2026-11-02'), by: 'national rollup', checkKey: nationalMentorCheckInKey(quarter), ...change });

  it.each([
    { name: 'no rollup check-in: the engine proposes its own', log: [], proposed: ['mentor-check-in:cil:no-event:2026-Q4', 'mentor-check-in:cil:cfp-call:2026-11'] },
    { name: 'the rollup’s check-in this quarter stands for them', log: [national('2026-Q4')], proposed: [] },
    { name: 'approved, its email waiting for quota', log: [national('2026-Q4', { status: 'approved' })], proposed: [] },
    // Only one that went to the CfP lead (approved or sent) stands for them: a dismissed row (a lead
    // edited the rollup's row) is no check-in, and the rollup proposes another the next run.
    {
      name: 'a dismissed one does not',
      log: [national('2026-Q4', { status: 'dismissed' })],
      proposed: ['mentor-check-in:cil:no-event:2026-Q4', 'mentor-check-in:cil:cfp-call:2026-11'],
    },
    {
      name: 'a sent one after a dismissed one does',
      log: [national('2026-Q4', { id: 'E-x', status: 'dismissed', at: morning('2026-10-02') }), national('2026-Q4', { status: 'sent' })],
      proposed: [],
    },
    { name: 'last quarter’s does not', log: [national('2026-Q3', { at: morning('2026-08-02') })], proposed: ['mentor-check-in:cil:no-event:2026-Q4', 'mentor-check-in:cil:cfp-call:2026-11'] },
  ])('$name', ({ log, proposed }) => {
    const result = evaluate({ ...world, log });
    expect(actionsOf(result, 'mentor check-in').map((action) => action.checkKey)).toEqual(proposed);
    expect(result.cil.fallingBehind).toBe(true);
    if (proposed.length === 0) expect(result.alreadyLogged.filter((step) => step.eventId === 'E-n').map((step) => step.checkKey)).toHaveLength(2);
  });

  it('holds back only mentor check-ins', () => {
    const result = evaluate({ today: '2026-12-11', hours: [hours('V-1', '2026-12-11')], log: [national('2026-Q4')] });
    expect(actionsOf(result, 'hours reminder').map((action) => action.checkKey)).toEqual(['reminder:V-1:hours:2026-W50']);
  });
});
