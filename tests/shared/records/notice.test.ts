import { describe, expect, it } from 'vitest';
import { noticeSchema } from '../../../shared/records/notice';

const notice = {
  id: 'N-1',
  volunteerId: 'V-1',
  kind: 'absence notice',
  givenAt: '2026-11-25T08:00:00.000Z',
  meetingId: 'M-1',
  reason: 'Exams',
  source: 'extension',
};

const messages = (change: Record<string, unknown>) =>
  noticeSchema.safeParse({ ...notice, ...change }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('notice', () => {
  it('accepts a notice for a meeting and one for a day range', () => {
    expect(noticeSchema.parse(notice)).toEqual(notice);
    expect(noticeSchema.safeParse({ ...notice, meetingId: undefined, fromDay: '2026-12-01', toDay: '2026-12-14' }).success).toBe(true);
    expect(noticeSchema.safeParse({ ...notice, kind: 'communication', meetingId: undefined }).success).toBe(true);
  });

  it('refuses a range that ends before it starts, or has no start', () => {
    expect(messages({ fromDay: '2026-12-14', toDay: '2026-12-01' })).toEqual(['toDay: must not be before "From"']);
    expect(messages({ toDay: '2026-12-01' })).toEqual(['fromDay: is needed when "To" is filled in']);
  });

  it('refuses unknown kinds', () => {
    expect(messages({ kind: 'excuse' })).toEqual(['kind: must be one of: absence notice, communication']);
  });
});
