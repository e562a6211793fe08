import type { HandoverStep, Reason } from '../../../../shared/accountability/types';
import { hoursWords, plural } from '../../../../shared/accountability/evidence-text';
import type { CalendarDay } from '../../../../shared/time/calendar-day';
import { evidenceBlocks } from './evidence';
import { dayWords, heading, leadWords, letter, paragraph, steps, type AccountabilityEmail, type Addressee, type CilContact } from './letter';

// Offboarding after persistent inactivity (mandatory), to the volunteer with the CIL's leads copied in:
// the evidence, the warnings before it, the handover checklist they carry out together, and the way
// back (an appeal, and the re-engagement terms that reintegrate them).

export interface OffboardingFacts {
  cil: CilContact;
  volunteer: Addressee;
  /** Warnings counted before this step. */
  warnings: number;
  reasons: readonly Reason[];
  /** The rules engine's checklist: projects, deliverables, calendar, Drive, token, roster. */
  handover: readonly HandoverStep[];
  /** What an appeal must be followed by to reintegrate: hours logged and meetings attended. */
  reintegrationHours: number;
  reintegrationMeetings: number;
  today: CalendarDay;
}

export function offboardingEmail(facts: OffboardingFacts): AccountabilityEmail {
  const { cil, volunteer, warnings, reasons, handover, reintegrationHours, reintegrationMeetings, today } = facts;
  return letter({
    to: [volunteer.email, ...cil.leadEmails],
    subject: `Offboarding from ${cil.cilName}: ${volunteer.name}`,
    cil,
    greeting: `Dear ${volunteer.name},`,
    blocks: [
      paragraph(
        `After ${plural(warnings, 'formal warning')}, the inactivity below continued, so under the CIL handbook you are offboarded ` +
          `from ${cil.cilName} as of ${dayWords(today)}. Thank you for the work you did with the CIL.`,
      ),
      ...evidenceBlocks(reasons),
      heading('Handover checklist'),
      paragraph('Your ongoing work stays with the CIL. Please help your lead with these steps (the CIL\'s leads are copied on this email):'),
      steps(handover.map((step) => step.text)),
      heading('How to appeal'),
      paragraph(
        `If this is wrong, or you want to come back, reply to this email: it reaches ${leadWords(cil)}. An appeal is a commitment to re-engage. ` +
          `Once, after your appeal, you have logged ${hoursWords(reintegrationHours)} and attended ${plural(reintegrationMeetings, 'meeting')} of the CIL, ` +
          'you are reintegrated as an active member.',
      ),
    ],
  });
}
