import { z } from '../zod';
import { column } from './columns';
import { defineTab } from './tab';

/** Every step of the inactivity policy, and notes a lead adds. */
export const ACCOUNTABILITY_KINDS = [
  'reminder',
  'warning',
  'mentor check-in',
  'offboarding',
  'appeal',
  'reintegration',
  'note',
] as const;
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];

/**
 * 'proposed' by the daily check, waiting for a lead in review mode; 'approved' to be sent; 'sent' once
 * the email went out (or 'approved' stays final for steps without one); 'dismissed' by a lead.
 */
export const ACCOUNTABILITY_STATUSES = ['proposed', 'approved', 'dismissed', 'sent'] as const;
export type AccountabilityStatus = (typeof ACCOUNTABILITY_STATUSES)[number];

export const accountabilityEventSchema = z.object({
  id: column.id('Event ID'),
  /** Blank for a step about the whole CIL, such as a mentor check-in for a CIL falling behind. */
  volunteerId: column.id('Volunteer ID').optional(),
  kind: column.choice('Kind', ACCOUNTABILITY_KINDS),
  at: column.datetime('At'),
  /** 'daily check' or the email of the lead who acted. */
  by: column.text('By', { max: 200 }),
  /** What the step rests on, in words a lead and the volunteer can check: dates, meetings, hours. */
  evidence: column.text('Evidence'),
  status: column.choice('Status', ACCOUNTABILITY_STATUSES),
  emailSentAt: column.datetime('Email sent at').optional(),
  /**
   * What the step is about, e.g. 'warning:V-12:2026-W48', so the daily check finds the step it
   * already took and running it twice proposes and sends nothing twice.
   */
  checkKey: column.text('Check key', { max: 500 }).optional(),
});
export type AccountabilityEvent = z.output<typeof accountabilityEventSchema>;

export const accountabilityTab = defineTab('Accountability log', accountabilityEventSchema);
