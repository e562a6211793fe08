import { describe, expect, it } from 'vitest';
import { deliverableSchema, DELIVERABLE_KINDS } from '../../../shared/records/deliverable';

const deliverable = {
  id: 'D-1',
  kind: 'monthly progress update',
  title: 'November progress update',
  ownerVolunteerId: 'V-1',
  period: '2026-11',
  dueOn: '2026-12-05',
  submittedOn: '2026-12-04',
  status: 'submitted',
  link: 'https://docs.google.com/document/d/abc',
};

const messages = (change: Record<string, unknown>) =>
  deliverableSchema.safeParse({ ...deliverable, ...change }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('deliverable', () => {
  it('accepts every handbook deliverable kind', () => {
    expect(DELIVERABLE_KINDS).toHaveLength(10);
    for (const kind of DELIVERABLE_KINDS) expect(deliverableSchema.safeParse({ ...deliverable, kind }).success).toBe(true);
  });

  it('stores the period label in canonical form', () => {
    expect(deliverableSchema.parse({ ...deliverable, period: '2026-q4' }).period).toBe('2026-Q4');
    expect(messages({ period: 'November' })?.[0]).toMatch(/^period: "November" is not a period/);
  });

  it('needs a submission date once submitted', () => {
    expect(messages({ submittedOn: undefined })).toEqual(['submittedOn: is needed when "Status" is submitted']);
    expect(deliverableSchema.safeParse({ ...deliverable, submittedOn: undefined, status: 'pending' }).success).toBe(true);
  });

  it('refuses unknown statuses', () => {
    expect(messages({ status: 'late' })).toEqual(['status: must be one of: pending, drafted, submitted, waived']);
  });
});
