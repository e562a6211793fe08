import { isCalendarDay, type CalendarDay } from '../time/calendar-day';

/**
 * Check keys: what each step of the policy is about, written to the accountability log's "Check key"
 * column. The daily check proposes a step only when no row of the log has its key, whatever that row's
 * status (proposed, approved, dismissed or sent), so running it twice proposes nothing twice and a
 * step a lead dismissed stays dismissed. Each key names the volunteer and the evidence or period the
 * step rests on, never the day the check ran:
 *
 *   reminder:V-12:hours:2026-W48                 behind on the week's hours (once a week)
 *   reminder:V-12:deadline:D-5:2026-12-01        a deliverable due soon (again only if re-dated)
 *   reminder:V-12:meeting:M-7:2026-11-25         a meeting they are expected at (again only if moved to another day)
 *   warning:V-12:1:2026-11-21                    n-th warning for inactivity that began that day
 *   offboarding:V-12:2026-11-21                  offboarding for inactivity that began that day
 *   reintegration:V-12:E-40                      reintegration on the appeal in log row E-40
 *   note:V-12:back-to-active:E-31                active again after the warning in log row E-31
 *   mentor-check-in:cil:no-event:2026-Q4         the CIL falling behind, per reason and period
 *   mentor-check-in:cil:national:2026-Q4         the national rollup's check-in (shared/rollup), per quarter
 *
 * A lead's manual override is a log row too (kind 'note', status anything but dismissed) whose key is
 * `override:2026-12-31` (or `override:V-12:2026-12-31`): no steps for its volunteer (for everyone
 * when the row names no volunteer) until that day, and what happened up to it is settled.
 */

export const hoursReminderKey = (volunteerId: string, week: string) => `reminder:${volunteerId}:hours:${week}`;

export const deadlineReminderKey = (volunteerId: string, deliverableId: string, dueOn: CalendarDay) =>
  `reminder:${volunteerId}:deadline:${deliverableId}:${dueOn}`;

export const meetingReminderKey = (volunteerId: string, meetingId: string, startDay: CalendarDay) =>
  `reminder:${volunteerId}:meeting:${meetingId}:${startDay}`;

export const warningKey = (volunteerId: string, number: number, inactiveSince: CalendarDay) =>
  `warning:${volunteerId}:${number}:${inactiveSince}`;

export const offboardingKey = (volunteerId: string, inactiveSince: CalendarDay) => `offboarding:${volunteerId}:${inactiveSince}`;

export const reintegrationKey = (volunteerId: string, appealEventId: string) => `reintegration:${volunteerId}:${appealEventId}`;

export const backToActiveKey = (volunteerId: string, warningEventId: string) => `note:${volunteerId}:back-to-active:${warningEventId}`;

export const MENTOR_CHECK_IN_REASONS = ['no-event', 'cfp-call', 'reports-overdue', 'inactive-share'] as const;
export type MentorCheckInReason = (typeof MENTOR_CHECK_IN_REASONS)[number];

export const mentorCheckInKey = (reason: MentorCheckInReason, period: string) => `mentor-check-in:cil:${reason}:${period}`;

/**
 * The national rollup's mentor check-in of a CIL for a quarter (shared/rollup). One mentor check-in per
 * CIL and quarter whoever proposes it: the rollup proposes none in a quarter whose log has one, and
 * while the log holds this key for today's quarter the engine proposes none either.
 */
export const nationalMentorCheckInKey = (quarter: string) => `mentor-check-in:cil:national:${quarter}`;

/** The key a lead writes for a manual override: the volunteer's, or blank for the whole CIL. */
export const overrideKey = (until: CalendarDay, volunteerId?: string) =>
  volunteerId === undefined ? `override:${until}` : `override:${volunteerId}:${until}`;

const OVERRIDE_SHAPE = /^\s*override\s*(?::\s*(.*?)\s*)?:\s*(\d{4}-\d{2}-\d{2})\s*$/i;

/**
 * The last day of a manual override from a check key, as a lead types it: `override:2026-12-31`,
 * `Override: 2026-12-31` or `override:V-12:2026-12-31`; undefined for any other key. The volunteer
 * the override is for is the row's Volunteer ID, not the key's middle part.
 */
export function overrideUntil(checkKey: string | undefined): CalendarDay | undefined {
  if (checkKey === undefined) return undefined;
  const match = OVERRIDE_SHAPE.exec(checkKey);
  const day = match?.[2];
  return isCalendarDay(day) ? day : undefined;
}

/** Check keys compare as a lead would see them in a cell: ignoring surrounding spaces. */
export const normalCheckKey = (checkKey: string) => checkKey.trim();
