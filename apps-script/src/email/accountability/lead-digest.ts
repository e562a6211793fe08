import type { CilAssessment, ProposedAction, VolunteerAssessment } from '../../../../shared/accountability/types';
import { plural } from '../../../../shared/accountability/evidence-text';
import type { DeliverableKind, DeliverableStatus } from '../../../../shared/records/deliverable';
import type { CalendarDay } from '../../../../shared/time/calendar-day';
import { bullets, dayWords, heading, letter, paragraph, type AccountabilityEmail, type CilContact } from './letter';

// The weekly digest of the CIL's health to its leads: standings, who is at risk or inactive and why,
// whether the CIL is falling behind, the deliverables due this week, and the proposed steps waiting
// for a lead's decision.

/** A deliverable as the digest lists it. */
export interface DigestDeliverable {
  id: string;
  kind: DeliverableKind;
  title: string;
  /** The owner's name (their volunteer ID when the roster does not have them). */
  owner: string;
  dueOn: CalendarDay;
  status: DeliverableStatus;
  submittedOn?: CalendarDay;
  link?: string;
}

export interface LeadDigestFacts {
  cil: CilContact;
  /** The ISO week it covers, '2026-W48'. */
  week: string;
  today: CalendarDay;
  counts: CilAssessment['counts'];
  cilReasons: CilAssessment['reasons'];
  /** Every assessment; the digest lists those at risk or inactive. */
  volunteers: readonly Pick<VolunteerAssessment, 'volunteerId' | 'name' | 'standing' | 'reasons'>[];
  /** Deliverables due in the week, in due order. */
  dueThisWeek: readonly DigestDeliverable[];
  /** Steps proposed and not yet approved or dismissed. */
  waiting: readonly (Pick<ProposedAction, 'type' | 'checkKey' | 'volunteerId' | 'evidenceText'> & { volunteerName?: string })[];
  /** The CIL spreadsheet, where a lead approves or dismisses. */
  spreadsheetUrl?: string;
}

/** "pending", "submitted on Friday 15 January 2027", "waived"; then the link, when there is one. */
function deliverableLine(d: DigestDeliverable): string {
  const status = d.status === 'submitted' && d.submittedOn !== undefined ? `submitted on ${dayWords(d.submittedOn)}` : d.status;
  return `${d.kind} "${d.title}" (${d.id}), ${d.owner}, due ${dayWords(d.dueOn)}: ${status}${d.link === undefined ? '' : `, ${d.link}`}`;
}

export function leadDigestEmail(facts: LeadDigestFacts): AccountabilityEmail {
  const { cil, week, today, counts, cilReasons, volunteers, dueThisWeek, waiting, spreadsheetUrl } = facts;
  const flagged = volunteers.filter((v) => v.standing !== 'active');
  const standings = [
    `${plural(counts.tracked, 'tracked member')}: ${counts.active} active, ${counts.atRisk} at risk, ${counts.inactive} inactive`,
    `${plural(counts.onLeave, 'volunteer')} on leave, ${plural(counts.newMembers, 'new member')} in their first weeks`,
    `${plural(counts.volunteers, 'volunteer')} on the roster in all`,
  ];
  return letter({
    to: cil.leadEmails,
    subject: `${cil.cilName} weekly health, ${week}: ${counts.atRisk} at risk, ${counts.inactive} inactive, ${waiting.length} waiting for you`,
    cil,
    greeting: 'Hello,',
    blocks: [
      paragraph(`How ${cil.cilName} stands on ${dayWords(today)} (week ${week}).`),
      heading('Standings'),
      bullets(standings),
      heading('At risk or inactive'),
      flagged.length === 0
        ? paragraph('Nobody: every tracked member is active.')
        : bullets(flagged.map((v) => `${v.name} (${v.volunteerId}), ${v.standing}: ${v.reasons.map((r) => r.summary).join(' ')}`)),
      heading('The CIL'),
      cilReasons.length === 0
        ? paragraph('The CIL is on track: no reason for a mentor check-in.')
        : bullets(cilReasons.map((reason) => `${reason.period}: ${reason.summary}`)),
      heading('Due this week'),
      dueThisWeek.length === 0 ? paragraph('No deliverable is due this week.') : bullets(dueThisWeek.map(deliverableLine)),
      heading('Waiting for your decision'),
      waiting.length === 0
        ? paragraph('No proposed step is waiting.')
        : bullets(waiting.map((step) => `${step.type}${step.volunteerName === undefined ? '' : ` for ${step.volunteerName}`}: ${step.evidenceText}`)),
      ...(waiting.length === 0
        ? []
        : [paragraph(
              `Approve or dismiss each with CIL Hub › Review pending actions… in the CIL spreadsheet${spreadsheetUrl === undefined ? '' : ` (${spreadsheetUrl})`}, which sends its email and updates the roster; nothing is sent until you do. Changing the Status cell by hand does neither.`,
            )]),
    ],
  });
}
