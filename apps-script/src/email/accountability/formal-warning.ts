import type { Reason } from '../../../../shared/accountability/types';
import { plural } from '../../../../shared/accountability/evidence-text';
import type { CalendarDay } from '../../../../shared/time/calendar-day';
import { evidenceBlocks } from './evidence';
import { dayWords, heading, leadWords, letter, paragraph, steps, type AccountabilityEmail, type Addressee, type CilContact } from './letter';

// A formal warning (mandatory: no opt-out), as CfP's CIL handbook sets it out: which warning it is,
// the evidence, how to respond (reply, give notice, become active again, appeal) and what comes next.

export interface FormalWarningFacts {
  cil: CilContact;
  volunteer: Addressee;
  /** 1 for the first warning. */
  warningNumber: number;
  /** Settings' "Warnings before offboarding". */
  warningsBeforeOffboarding: number;
  /** Days the volunteer has to answer before the next step (Settings' "Days without communication"). */
  respondWithinDays: number;
  reasons: readonly Reason[];
  today: CalendarDay;
}

export function formalWarningEmail(facts: FormalWarningFacts): AccountabilityEmail {
  const { cil, volunteer, warningNumber, warningsBeforeOffboarding, respondWithinDays, reasons, today } = facts;
  const lead = leadWords(cil);
  const last = warningNumber >= warningsBeforeOffboarding;
  const next = last
    ? 'This is your last warning: if the inactivity continues, the next step is offboarding from the CIL, with a handover of your ongoing work.'
    : `If the inactivity continues, the next step is warning ${warningNumber + 1}; after ${plural(warningsBeforeOffboarding, 'warning')}, continued inactivity leads to offboarding.`;
  return letter({
    to: [volunteer.email],
    subject: `Formal warning ${warningNumber} of ${warningsBeforeOffboarding}: inactivity in ${cil.cilName}`,
    cil,
    greeting: `Dear ${volunteer.name},`,
    blocks: [
      paragraph(
        `This is formal warning ${warningNumber} of ${warningsBeforeOffboarding} under the CIL handbook's inactivity policy, ` +
          `issued on ${dayWords(today)}. It is based on the records below.`,
      ),
      ...evidenceBlocks(reasons),
      heading('How to respond'),
      steps([
        `Reply to this email within ${plural(respondWithinDays, 'day')}: it reaches ${lead}. Tell them what happened, or what you plan to do.`,
        'If a record here is wrong (you were there, or you gave notice), reply and say which one: your lead checks it with you and withdraws the warning if it does not hold.',
        "Before a meeting you can't attend, give notice: \"Can't attend\" on the Calendar event in CIL Hub, or a message to your lead.",
        'Become active again: log your hours, join the next call or meetup, or submit what is overdue. Activity after this warning answers it.',
        `You may appeal this warning: reply with "Appeal" and your reasons, and ${lead} reviews it.`,
      ]),
      paragraph(next),
    ],
  });
}
