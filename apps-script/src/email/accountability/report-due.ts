import type { DeliverableKind } from '../../../../shared/records/deliverable';
import { daysBetween, type CalendarDay } from '../../../../shared/time/calendar-day';
import { plural } from '../../../../shared/accountability/evidence-text';
import { dayWords, letter, optionalReminderFootnote, paragraph, type AccountabilityEmail, type Addressee, type CilContact } from './letter';

// A deliverable due soon (biweekly update, monthly progress update, reports), to its owner (optional:
// a volunteer may opt out): what, for which period, when, and what happens once the day passes.

export interface ReportDueFacts {
  cil: CilContact;
  volunteer: Addressee;
  deliverable: { id: string; kind: DeliverableKind; title: string; dueOn: CalendarDay; period?: string; link?: string };
  today: CalendarDay;
}

export function reportDueEmail(facts: ReportDueFacts): AccountabilityEmail {
  const { cil, volunteer, deliverable, today } = facts;
  const days = daysBetween(today, deliverable.dueOn);
  const when = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${plural(days, 'day')}`;
  const period = deliverable.period === undefined ? '' : ` for ${deliverable.period}`;
  return letter({
    to: [volunteer.email],
    subject: `Due ${when}: ${deliverable.kind} "${deliverable.title}"`,
    cil,
    greeting: `Hello ${volunteer.name},`,
    blocks: [
      paragraph(`Your ${deliverable.kind} "${deliverable.title}"${period} is due ${when}, on ${dayWords(deliverable.dueOn)} (Deliverables row ${deliverable.id}).`),
      ...(deliverable.link === undefined ? [] : [paragraph(`Where it lives: ${deliverable.link}`)]),
      paragraph(
        'When it is done, mark it submitted in the Deliverables tab (or tell your lead). If you cannot make the date, reply before it passes: ' +
          'a deadline missed without a word counts as inactivity under the CIL handbook.',
      ),
    ],
    footnote: optionalReminderFootnote(cil),
  });
}
