import { z } from '../zod';
import { column } from './columns';
import { defineTab } from './tab';

/** What leads owe CfP (CIL handbook), plus 'other' for anything a lead adds by hand. */
export const DELIVERABLE_KINDS = [
  'weekly summary',
  'biweekly update',
  'monthly progress update',
  'discovery research report',
  'project closure report',
  'events & meetups report',
  'quarterly story',
  'mid-year report',
  'annual report',
  'other',
] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];

/**
 * Lateness is not a status: it follows from "Due on" and "Submitted on". 'drafted': CIL Hub wrote the
 * report's draft (the Link) and it is still owed until "Submitted on" is set. 'waived' is excused by a lead.
 */
export const DELIVERABLE_STATUSES = ['pending', 'drafted', 'submitted', 'waived'] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

export const deliverableSchema = z
  .object({
    id: column.id('Deliverable ID'),
    kind: column.choice('Kind', DELIVERABLE_KINDS),
    title: column.text('Title', { max: 500 }),
    ownerVolunteerId: column.id('Owner volunteer ID'),
    /** The period it reports on, e.g. '2026-W48' or '2026-Q4'. */
    period: column.period('Period').optional(),
    dueOn: column.date('Due on'),
    submittedOn: column.date('Submitted on').optional(),
    status: column.choice('Status', DELIVERABLE_STATUSES),
    link: column.url('Link').optional(),
  })
  .refine((deliverable) => deliverable.status !== 'submitted' || deliverable.submittedOn !== undefined, {
    path: ['submittedOn'],
    error: 'is needed when "Status" is submitted',
  });
export type Deliverable = z.output<typeof deliverableSchema>;

export const deliverablesTab = defineTab('Deliverables', deliverableSchema);
