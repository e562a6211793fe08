import { describe, expect, it } from 'vitest';
import { LEAD_ROLES, volunteerSchema, volunteersTab, VOLUNTEER_ROLES, VOLUNTEER_STATUSES, wantsReminders } from '../../../shared/records/volunteer';
import { headerRow } from '../../../shared/records/tab';

const volunteer = {
  id: 'V-1',
  name: 'Ayesha Khan',
  email: 'ayesha@example.org',
  role: 'delivery lead',
  team: 'Transit',
  status: 'active',
  joinedOn: '2026-02-01',
  weeklyCommitmentHours: 5,
  mentorEmail: 'mentor@codeforpakistan.org',
  tokenHash: 'a'.repeat(64),
  tokenIssuedAt: '2026-02-01T10:00:00.000Z',
  notes: 'Joined at the February meetup',
};

function problem(change: Record<string, unknown>) {
  const result = volunteerSchema.safeParse({ ...volunteer, ...change });
  return result.success ? undefined : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('volunteer', () => {
  it('accepts a full record and a minimal one', () => {
    expect(volunteerSchema.parse(volunteer)).toEqual(volunteer);
    const { team, weeklyCommitmentHours, mentorEmail, tokenHash, tokenIssuedAt, notes, ...minimal } = volunteer;
    expect(volunteerSchema.parse(minimal)).toEqual(minimal);
  });

  it('refuses bad fields', () => {
    expect(problem({ role: 'boss' })).toEqual([`role: must be one of: ${VOLUNTEER_ROLES.join(', ')}`]);
    expect(problem({ status: 'inactive' })).toEqual([`status: must be one of: ${VOLUNTEER_STATUSES.join(', ')}`]);
    expect(problem({ email: 'ayesha' })).toEqual(['email: must be an email address like name@example.org']);
    expect(problem({ joinedOn: '01/02/2026' })).toEqual(['joinedOn: must be a real date written YYYY-MM-DD']);
    expect(problem({ weeklyCommitmentHours: -1 })).toEqual(['weeklyCommitmentHours: must be at least 0']);
    expect(problem({ tokenHash: 'secret-token' })?.[0]).toMatch(/^tokenHash: must be a SHA-256 hash/);
    expect(problem({ name: '' })).toEqual(['name: is blank']);
    expect(problem({ id: undefined })?.[0]).toMatch(/^id: /);
  });

  it('has six roles, five of them leads', () => {
    expect(LEAD_ROLES).toEqual(['organizer', 'manager', 'delivery lead', 'community organizer', 'storyteller']);
  });

  it('has a Volunteers tab', () => {
    expect(volunteersTab.name).toBe('Volunteers');
    expect(headerRow(volunteersTab)).toContain('Weekly commitment (h)');
    expect(headerRow(volunteersTab)[0]).toBe('Volunteer ID');
  });

  it('takes optional reminders unless "Reminders" says off; the column is optional, dropdown on/off', () => {
    expect(wantsReminders(volunteerSchema.parse(volunteer))).toBe(true);
    expect(wantsReminders(volunteerSchema.parse({ ...volunteer, reminders: 'on' }))).toBe(true);
    expect(wantsReminders(volunteerSchema.parse({ ...volunteer, reminders: 'off' }))).toBe(false);
    expect(problem({ reminders: 'never' })).toEqual(['reminders: must be one of: on, off']);
    const column = volunteersTab.columns.find((c) => c.header === 'Reminders');
    expect(column).toMatchObject({ kind: 'choice', options: ['on', 'off'], required: false });
  });
});
