import type { CalendarDay } from '../../../../shared/time/calendar-day';
import { hoursWords } from '../../../../shared/accountability/evidence-text';
import { bullets, dayWords, letter, optionalReminderFootnote, paragraph, type AccountabilityEmail, type Addressee, type CilContact } from './letter';

// The weekly hours reminder (optional: a volunteer may opt out): what they logged this ISO week against
// their commitment, day by day, and how to add what is missing.

export interface HoursReminderFacts {
  cil: CilContact;
  volunteer: Addressee;
  /** The ISO week, '2026-W48'. */
  week: string;
  /** Monday of the week, and today. */
  weekFirst: CalendarDay;
  today: CalendarDay;
  /** Hours logged per day this week, in day order. */
  logged: readonly { day: CalendarDay; hours: number }[];
  weeklyCommitment: number;
}

export function hoursReminderEmail(facts: HoursReminderFacts): AccountabilityEmail {
  const { cil, volunteer, week, weekFirst, today, logged, weeklyCommitment } = facts;
  const total = logged.reduce((sum, entry) => sum + entry.hours, 0);
  const missing = Math.max(0, weeklyCommitment - total);
  return letter({
    to: [volunteer.email],
    subject: `${cil.cilName}: ${hoursWords(total)} of ${hoursWords(weeklyCommitment)} logged this week`,
    cil,
    greeting: `Hello ${volunteer.name},`,
    blocks: [
      paragraph(
        `From ${dayWords(weekFirst)} to ${dayWords(today)} (week ${week}) you have logged ${hoursWords(total)}; ` +
          `your commitment is ${hoursWords(weeklyCommitment)} a week, so ${hoursWords(missing)} are still to come.`,
      ),
      ...(logged.length === 0 ? [paragraph('No hours are logged for this week yet.')] : [bullets(logged.map((entry) => `${dayWords(entry.day)}: ${hoursWords(entry.hours)}`))]),
      paragraph('If you worked hours that are not here, log them in the CIL Hub extension (popup › Log hours). If you are away this week, tell your lead: a notice of absence keeps your record straight.'),
    ],
    footnote: optionalReminderFootnote(cil),
  });
}
