import { describe, expect, it } from 'vitest';
import { attendanceSchema } from '../../../shared/records/attendance';

const row = {
  id: 'A-1',
  meetingId: 'M-1',
  volunteerId: 'V-1',
  status: 'present',
  joinedAt: '2026-11-27T14:02:00.000Z',
  leftAt: '2026-11-27T14:58:00.000Z',
  minutes: 56,
  meetCode: 'abc-defg-hij',
  source: 'extension',
};

const messages = (change: Record<string, unknown>) =>
  attendanceSchema.safeParse({ ...row, ...change }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('attendance', () => {
  it('accepts a Meet session and an unmatched one', () => {
    expect(attendanceSchema.parse(row)).toEqual(row);
    expect(attendanceSchema.safeParse({ ...row, meetingId: undefined }).success).toBe(true);
  });

  it('accepts an absence recorded by the daily check, with no times', () => {
    const absence = { id: 'A-2', meetingId: 'M-1', volunteerId: 'V-2', status: 'absent', source: 'daily check' };
    expect(attendanceSchema.parse(absence)).toEqual(absence);
  });

  it('refuses unknown statuses and a leave before the join', () => {
    expect(messages({ status: 'late' })).toEqual(['status: must be one of: present, absent with notice, absent']);
    expect(messages({ leftAt: '2026-11-27T14:00:00.000Z' })).toEqual(['leftAt: must not be before "Joined at"']);
    expect(messages({ minutes: -5 })).toEqual(['minutes: must be at least 0']);
  });
});
