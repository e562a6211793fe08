import { z } from '../zod';
import { column } from './columns';
import { defineTab } from './tab';

/** The CIL team's roles (CfP's CIL handbook); every lead role also reports its own hours. */
export const VOLUNTEER_ROLES = [
  'organizer',
  'manager',
  'delivery lead',
  'community organizer',
  'storyteller',
  'member',
] as const;
export type VolunteerRole = (typeof VOLUNTEER_ROLES)[number];

export const LEAD_ROLES: readonly VolunteerRole[] = VOLUNTEER_ROLES.filter((role) => role !== 'member');

/**
 * Where a volunteer stands under the inactivity policy: 'warned' after a formal warning, 'offboarded'
 * after persistent inactivity (an appeal can bring them back to 'active'), 'on leave' is excused from
 * the checks, 'alumni' left in good standing.
 */
export const VOLUNTEER_STATUSES = ['active', 'on leave', 'warned', 'offboarded', 'alumni'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/** Whether a volunteer gets the optional reminders (hours, meetings, deliverables due); blank means 'on'. */
export const REMINDER_CHOICES = ['on', 'off'] as const;
export type ReminderChoice = (typeof REMINDER_CHOICES)[number];

/** SHA-256 of the enrollment token, lower-case hex: the token itself is never stored. */
const TOKEN_HASH_SHAPE = /^[0-9a-f]{64}$/;

export const volunteerSchema = z.object({
  id: column.id('Volunteer ID'),
  name: column.text('Name', { max: 200 }),
  email: column.email('Email'),
  role: column.choice('Role', VOLUNTEER_ROLES),
  team: column.text('Team', { max: 200 }).optional(),
  status: column.choice('Status', VOLUNTEER_STATUSES),
  joinedOn: column.date('Joined on'),
  /** Blank: the CIL's default from Settings (lead roles have their own). */
  weeklyCommitmentHours: column.number('Weekly commitment (h)', { min: 0, max: 80 }).optional(),
  mentorEmail: column.email('Mentor email').optional(),
  tokenHash: column
    .text('Token hash')
    .regex(TOKEN_HASH_SHAPE, { error: 'must be a SHA-256 hash (64 hex digits); issue a new enrollment code instead of editing it' })
    .optional(),
  tokenIssuedAt: column.datetime('Token issued at').optional(),
  /** Set when a lead revokes the token (lost device, offboarding); requests with it are refused. */
  tokenRevokedAt: column.datetime('Token revoked at').optional(),
  notes: column.text('Notes').optional(),
  /**
   * 'off' stops the optional reminders; warnings, offboarding and reintegration are always sent.
   * Optional, so a roster made before this column keeps working (setup appends the column).
   */
  reminders: column.choice('Reminders', REMINDER_CHOICES).optional(),
});
export type Volunteer = z.output<typeof volunteerSchema>;

/** Whether the volunteer wants optional reminders: yes unless their "Reminders" cell says off. */
export const wantsReminders = (volunteer: Pick<Volunteer, 'reminders'>) => volunteer.reminders !== 'off';

export const volunteersTab = defineTab('Volunteers', volunteerSchema);
