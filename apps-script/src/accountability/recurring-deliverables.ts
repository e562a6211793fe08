import type { Deliverable, DeliverableKind } from '../../../shared/records/deliverable';
import type { Settings } from '../../../shared/records/settings';
import { LEAD_ROLES, type Volunteer } from '../../../shared/records/volunteer';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import { periodOf, periodRange, type PeriodKind } from '../../../shared/time/period';

// The reports a CIL owes CfP every period (CIL handbook): a biweekly update, a monthly progress update,
// and each quarter a story write-up and an events & meetups report. Each period's row gets an id made
// of its kind and period, so the weekly run can be run any number of times and adds each one once.

interface Recurring {
  kind: DeliverableKind;
  period: PeriodKind;
  title: string;
  /** Days after the period's last day that it is due: time to write about a period once it is over. */
  dueDaysAfter: number;
}

export const RECURRING_DELIVERABLES: readonly Recurring[] = [
  { kind: 'biweekly update', period: 'biweek', title: 'Biweekly update', dueDaysAfter: 1 },
  { kind: 'monthly progress update', period: 'month', title: 'Monthly progress update', dueDaysAfter: 5 },
  { kind: 'quarterly story', period: 'quarter', title: 'Quarterly story', dueDaysAfter: 7 },
  { kind: 'events & meetups report', period: 'quarter', title: 'Events & meetups report', dueDaysAfter: 7 },
];

/** 'biweekly update' in '2026-B24' → 'd-biweekly-update-2026-B24'. */
export function recurringDeliverableId(kind: DeliverableKind, period: string): string {
  return `d-${kind.replace(/[^a-z0-9]+/g, '-')}-${period}`;
}

/**
 * Who owes the CIL's reports: the organizer on the roster (active or warned), else the first lead whose
 * email is in the Settings' "Lead emails", else the first volunteer in a lead role; null when none.
 */
export function reportOwnerOf(volunteers: readonly Volunteer[], settings: Settings): Volunteer | null {
  const taking = volunteers.filter((volunteer) => volunteer.status === 'active' || volunteer.status === 'warned');
  return (
    taking.find((volunteer) => volunteer.role === 'organizer') ??
    taking.find((volunteer) => settings.leadEmails.includes(volunteer.email)) ??
    taking.find((volunteer) => LEAD_ROLES.includes(volunteer.role)) ??
    null
  );
}

/**
 * The recurring deliverables of the periods containing `today` that the tab does not hold yet: by id,
 * or a row of the same kind and period a lead typed in.
 */
export function recurringDeliverablesDue(today: CalendarDay, owner: Volunteer, existing: readonly Deliverable[]): Deliverable[] {
  const ids = new Set(existing.map((deliverable) => deliverable.id));
  const typed = new Set(existing.map((deliverable) => `${deliverable.kind}|${deliverable.period ?? ''}`));
  return RECURRING_DELIVERABLES.flatMap(({ kind, period: periodKind, title, dueDaysAfter }) => {
    const period = periodOf(periodKind, today);
    const id = recurringDeliverableId(kind, period);
    if (ids.has(id) || typed.has(`${kind}|${period}`)) return [];
    return [{ id, kind, title: `${title} ${period}`, ownerVolunteerId: owner.id, period, dueOn: addDays(periodRange(period).last, dueDaysAfter), status: 'pending' as const }];
  });
}
