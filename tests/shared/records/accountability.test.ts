import { describe, expect, it } from 'vitest';
import { accountabilityEventSchema, accountabilityTab, ACCOUNTABILITY_KINDS } from '../../../shared/records/accountability';

const event = {
  id: 'E-1',
  volunteerId: 'V-7',
  kind: 'warning',
  at: '2026-11-27T02:00:00.000Z',
  by: 'daily check',
  evidence: 'Missed the CIL meetup on 2026-11-06 and the monthly CfP call on 2026-11-20 without notice.',
  status: 'proposed',
  checkKey: 'warning:V-7:2026-11-20',
};

const messages = (change: Record<string, unknown>) =>
  accountabilityEventSchema
    .safeParse({ ...event, ...change })
    .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('accountability event', () => {
  it('accepts a proposed warning and a CIL-wide mentor check-in', () => {
    expect(accountabilityEventSchema.parse(event)).toEqual(event);
    expect(accountabilityEventSchema.safeParse({ ...event, volunteerId: undefined, kind: 'mentor check-in' }).success).toBe(true);
  });

  it('covers every step of the policy', () => {
    expect(ACCOUNTABILITY_KINDS).toEqual(['reminder', 'warning', 'mentor check-in', 'offboarding', 'appeal', 'reintegration', 'note']);
  });

  it('requires evidence and a known status', () => {
    expect(messages({ evidence: '' })).toEqual(['evidence: is blank']);
    expect(messages({ status: 'done' })).toEqual(['status: must be one of: proposed, approved, dismissed, sent']);
  });

  it('is the Accountability log tab', () => {
    expect(accountabilityTab.name).toBe('Accountability log');
  });
});
