import type { Meeting } from './meeting';
import type { Settings } from './settings';
import { headerKey } from './tab';
import { LEAD_ROLES, type Volunteer } from './volunteer';

/**
 * Hours a week the volunteer has committed to: their own figure in the Volunteers tab, else the CIL's
 * default for their role (the handbook's 5 hours, and 4 that leads report for their own role).
 */
export function weeklyCommitmentOf(
  volunteer: Pick<Volunteer, 'role' | 'weeklyCommitmentHours'>,
  settings: Pick<Settings, 'weeklyCommitmentHours' | 'leadCommitmentHours'>,
): number {
  if (volunteer.weeklyCommitmentHours !== undefined) return volunteer.weeklyCommitmentHours;
  return LEAD_ROLES.includes(volunteer.role) ? settings.leadCommitmentHours : settings.weeklyCommitmentHours;
}

/**
 * Whether the volunteer is expected at the meeting, by its "Expected attendees": 'all', 'leads' (the
 * lead roles) or a team's name as written in the Volunteers tab (ignoring case and spacing).
 */
export function isExpectedAt(
  meeting: Pick<Meeting, 'expectedAttendees'>,
  volunteer: Pick<Volunteer, 'role' | 'team'>,
): boolean {
  const expected = headerKey(meeting.expectedAttendees);
  if (expected === 'all') return true;
  if (expected === 'leads') return LEAD_ROLES.includes(volunteer.role);
  return volunteer.team !== undefined && headerKey(volunteer.team) === expected;
}
