import type { ReintegrationProgress } from '../../../../shared/accountability/types';
import { hoursWords, plural } from '../../../../shared/accountability/evidence-text';
import { dayOf } from '../../../../shared/time/zone';
import { bullets, dayWords, heading, leadWords, letter, paragraph, steps, type AccountabilityEmail, type Addressee, type CilContact } from './letter';

// Reintegration after an appeal (mandatory): the re-engagement terms and how they were met, and what
// being an active member asks from here on.

export interface ReintegrationFacts {
  cil: CilContact;
  volunteer: Addressee;
  terms: ReintegrationProgress;
  weeklyCommitment: number;
  /** The CIL's time zone, for the day of the appeal. */
  timeZone: string;
}

export function reintegrationEmail(facts: ReintegrationFacts): AccountabilityEmail {
  const { cil, volunteer, terms, weeklyCommitment, timeZone } = facts;
  const appealedOn = dayWords(dayOf(new Date(terms.appealedAt), timeZone));
  return letter({
    to: [volunteer.email, ...cil.leadEmails],
    subject: `Welcome back to ${cil.cilName}, ${volunteer.name}`,
    cil,
    greeting: `Dear ${volunteer.name},`,
    blocks: [
      paragraph(`You appealed your offboarding on ${appealedOn} and committed to these re-engagement terms. You have met them, so you are an active member of ${cil.cilName} again.`),
      heading('The terms, counted since your appeal'),
      bullets([
        `Hours logged: ${hoursWords(terms.hoursSince)} (${hoursWords(terms.hoursNeeded)} needed)`,
        `Meetings attended: ${plural(terms.meetingsSince, 'meeting')} (${terms.meetingsNeeded} needed)`,
      ]),
      heading('From here on'),
      steps([
        `Log about ${hoursWords(weeklyCommitment)} a week in the CIL Hub extension.`,
        'Join the monthly CfP calls and CIL meetups; when you cannot, give notice before the meeting starts.',
        'Keep in touch at least every two weeks, and submit your deliverables by their due dates.',
      ]),
      paragraph(`Earlier warnings no longer count. Questions? Reply to this email: it reaches ${leadWords(cil)}.`),
    ],
  });
}
