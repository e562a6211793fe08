import type { Deliverable } from '../records/deliverable';
import type { CalendarDay } from '../time/calendar-day';
import type { MeetingFacts } from './meeting-outcomes';
import type { CilReason, EvidenceRef, Reason } from './types';

/** How much of a list the Evidence column spells out before "and n more". */
const LISTED = 8;
/** The Evidence cell stays readable (and far below a cell's 50,000 characters). */
const EVIDENCE_MAX = 4000;

export function listed(items: readonly string[]): string {
  if (items.length <= LISTED) return items.join('; ');
  return `${items.slice(0, LISTED).join('; ')}; and ${items.length - LISTED} more`;
}

export const meetingWords = (facts: MeetingFacts) =>
  `${facts.meeting.kind} "${facts.meeting.title}" on ${facts.startDay} [${facts.meeting.id}]`;

export const deliverableWords = (deliverable: Deliverable) =>
  `${deliverable.kind} "${deliverable.title}" [${deliverable.id}] due ${deliverable.dueOn}`;

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const hoursWords = (hours: number) => {
  const rounded = Math.round(hours * 100) / 100;
  return `${rounded} ${rounded === 1 ? 'hour' : 'hours'}`;
};

export function refWords(ref: EvidenceRef): string {
  return `${ref.what} [${ref.id}]`;
}

export const dayRange = (first: CalendarDay, last: CalendarDay) => (first === last ? first : `${first} to ${last}`);

/** The Evidence column for a step: a heading, then each reason's sentence. */
export function evidenceText(heading: string, reasons: readonly (Reason | CilReason)[], extra: readonly string[] = []): string {
  const text = [heading, ...reasons.map((reason) => reason.summary), ...extra].join(' ');
  return text.length <= EVIDENCE_MAX ? text : `${text.slice(0, EVIDENCE_MAX - 1)}…`;
}
