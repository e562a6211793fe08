import { describe, expect, it } from 'vitest';
import { isExpectedAt, weeklyCommitmentOf } from '../../../shared/records/expectations';

const settings = { weeklyCommitmentHours: 5, leadCommitmentHours: 4 };

describe('weeklyCommitmentOf', () => {
  it('is the volunteer’s own figure, else the default for their role', () => {
    expect(weeklyCommitmentOf({ role: 'member', weeklyCommitmentHours: 6 }, settings)).toBe(6);
    expect(weeklyCommitmentOf({ role: 'storyteller', weeklyCommitmentHours: 0 }, settings)).toBe(0);
    expect(weeklyCommitmentOf({ role: 'member', weeklyCommitmentHours: undefined }, settings)).toBe(5);
    expect(weeklyCommitmentOf({ role: 'organizer', weeklyCommitmentHours: undefined }, settings)).toBe(4);
    expect(weeklyCommitmentOf({ role: 'delivery lead', weeklyCommitmentHours: undefined }, { weeklyCommitmentHours: 5, leadCommitmentHours: 3 })).toBe(3);
  });
});

describe('isExpectedAt', () => {
  const member = { role: 'member' as const, team: 'Civic Data' };
  const lead = { role: 'manager' as const, team: undefined };
  it('reads all, leads and team names', () => {
    expect(isExpectedAt({ expectedAttendees: 'all' }, member)).toBe(true);
    expect(isExpectedAt({ expectedAttendees: ' All ' }, lead)).toBe(true);
    expect(isExpectedAt({ expectedAttendees: 'leads' }, member)).toBe(false);
    expect(isExpectedAt({ expectedAttendees: 'Leads' }, lead)).toBe(true);
    expect(isExpectedAt({ expectedAttendees: 'civic  data' }, member)).toBe(true);
    expect(isExpectedAt({ expectedAttendees: 'Civic Data' }, lead)).toBe(false);
    expect(isExpectedAt({ expectedAttendees: 'Outreach' }, member)).toBe(false);
  });
});
