import type { CilAssessment } from '../../../../shared/accountability/types';
import { plural } from '../../../../shared/accountability/evidence-text';
import type { DeliverableKind } from '../../../../shared/records/deliverable';
import type { MeetingKind } from '../../../../shared/records/meeting';
import type { CalendarDay } from '../../../../shared/time/calendar-day';
import { bullets, dayWords, heading, letter, paragraph, type AccountabilityEmail, type CilContact } from './letter';

// The monthly digest to the CfP lead: one CIL's month in figures (members, meetings, reports on time,
// policy steps taken) and why it may need a mentor check-in.

export interface CfpMonthlyDigestFacts {
  cil: CilContact;
  cfpLeadEmail: string;
  /** The month it covers, '2026-11'. */
  month: string;
  today: CalendarDay;
  counts: CilAssessment['counts'];
  cilReasons: CilAssessment['reasons'];
  /** Meetings held in the month, per kind. */
  meetings: Partial<Record<MeetingKind, number>>;
  /** Deliverables due in the month. */
  deliverables: {
    onTime: number;
    late: number;
    outstanding: readonly { id: string; kind: DeliverableKind; title: string; dueOn: CalendarDay; owner: string }[];
  };
  /** Policy steps taken in the month. */
  steps: { warnings: number; offboardings: number; reintegrations: number; mentorCheckIns: number };
}

export function cfpMonthlyDigestEmail(facts: CfpMonthlyDigestFacts): AccountabilityEmail {
  const { cil, cfpLeadEmail, month, today, counts, cilReasons, meetings, deliverables, steps: taken } = facts;
  const meetingLines = Object.entries(meetings).map(([kind, count]) => `${kind}: ${count}`);
  return letter({
    to: [cfpLeadEmail],
    subject: `${cil.cilName} monthly digest, ${month}${cilReasons.length > 0 ? ': falling behind' : ''}`,
    cil,
    greeting: 'Hello,',
    blocks: [
      paragraph(`${cil.cilName}'s month ${month}, as its records stood on ${dayWords(today)}.`),
      heading('Members'),
      bullets([
        `${plural(counts.volunteers, 'volunteer')} on the roster, ${counts.tracked} tracked`,
        `${counts.active} active, ${counts.atRisk} at risk, ${counts.inactive} inactive, ${counts.onLeave} on leave, ${counts.newMembers} new`,
      ]),
      heading('Meetings held'),
      meetingLines.length === 0 ? paragraph('No meeting was held this month.') : bullets(meetingLines),
      heading('Reports and deliverables due this month'),
      bullets([
        `${deliverables.onTime} submitted on time, ${deliverables.late} submitted late, ${deliverables.outstanding.length} not submitted`,
        ...deliverables.outstanding.map((d) => `Not submitted: ${d.kind} "${d.title}" (${d.id}), due ${d.dueOn}, owner ${d.owner}`),
      ]),
      heading('Accountability steps'),
      bullets([
        `${plural(taken.warnings, 'formal warning')}, ${plural(taken.offboardings, 'offboarding')}, ${plural(taken.reintegrations, 'reintegration')}, ${plural(taken.mentorCheckIns, 'mentor check-in')}`,
      ]),
      heading('Mentor check-in'),
      cilReasons.length === 0
        ? paragraph('Not needed: the CIL is on track.')
        : bullets(cilReasons.map((reason) => `${reason.period}: ${reason.summary}`)),
    ],
  });
}
