import { defaultPolicy } from '../../../../shared/accountability/policy';
import type { CilRecords, ProposedAction, VolunteerAssessment } from '../../../../shared/accountability/types';
import type { Settings } from '../../../../shared/records/settings';
import type { ReminderChoice } from '../../../../shared/records/volunteer';
import { addDays, weekdayOf, type CalendarDay } from '../../../../shared/time/calendar-day';
import { weekOf } from '../../../../shared/time/period';
import { formalWarningEmail } from './formal-warning';
import { hoursReminderEmail } from './hours-reminder';
import { bullets, dayWords, heading, letter, paragraph, type AccountabilityEmail, type CilContact } from './letter';
import { meetingReminderEmail } from './meeting-reminder';
import { offboardingEmail } from './offboarding';
import { reintegrationEmail } from './reintegration';
import { reportDueEmail } from './report-due';

// Which email a step of the rules engine sends, built from the CIL's records as the daily check read
// them: a reminder to its volunteer (hours, a deliverable due, a meeting), a warning, offboarding or reintegration letter, or a mentor
// check-in to the CfP lead. A step without an email (a "back to active" note), or whose recipient the
// records do not name, sends none and stays 'approved' in the log.

/** What a step's email is built from. */
export interface EmailContext {
  settings: Settings;
  today: CalendarDay;
  records: Pick<CilRecords, 'volunteers' | 'hours' | 'deliverables' | 'meetings'>;
  assessments: readonly Pick<VolunteerAssessment, 'volunteerId' | 'weeklyCommitment'>[];
}

/** The email and what the outbox needs to know to send or defer it. */
export interface StepEmail {
  email: AccountabilityEmail;
  mandatory: boolean;
  /** The volunteer's "Reminders" choice, for optional mail. */
  reminders?: ReminderChoice;
}

export const cilContactOf = (settings: Settings): CilContact => ({ cilName: settings.cilName, leadEmails: settings.leadEmails });

/** The mentor check-in request, to the CfP lead: why the CIL may be falling behind, with the rows. */
function mentorCheckInEmail(cil: CilContact, cfpLeadEmail: string, action: ProposedAction, today: CalendarDay): AccountabilityEmail {
  return letter({
    to: [cfpLeadEmail],
    subject: `Mentor check-in for ${cil.cilName}`,
    cil,
    greeting: 'Hello,',
    blocks: [
      paragraph(`${cil.cilName} may be falling behind, as its records stood on ${dayWords(today)}; a mentor check-in with its leads is due.`),
      heading('What the records show'),
      bullets(action.reasons.map((reason) => reason.summary)),
      paragraph(`Reply to this email to reach the CIL's leads${cil.leadEmails.length === 0 ? '' : ` (${cil.leadEmails.join(', ')})`}.`),
    ],
  });
}

/** The email `action` sends, or null when it sends none. */
export function emailForAction(action: ProposedAction, context: EmailContext): StepEmail | null {
  const { settings, today, records } = context;
  const cil = cilContactOf(settings);
  if (action.type === 'mentor check-in') {
    return settings.cfpLeadEmail === undefined ? null : { email: mentorCheckInEmail(cil, settings.cfpLeadEmail, action, today), mandatory: true };
  }
  const volunteer = records.volunteers.find((candidate) => candidate.id === action.volunteerId);
  if (!volunteer) return null;
  const addressee = { name: volunteer.name, email: volunteer.email };
  const commitment = context.assessments.find((a) => a.volunteerId === volunteer.id)?.weeklyCommitment ?? settings.weeklyCommitmentHours;
  const optional = (email: AccountabilityEmail): StepEmail => ({ email, mandatory: false, ...(volunteer.reminders === undefined ? {} : { reminders: volunteer.reminders }) });
  const reasons = action.reasons.filter((reason) => 'severity' in reason);
  switch (action.type) {
    case 'hours reminder': {
      const weekFirst = addDays(today, 1 - weekdayOf(today));
      const byDay = new Map<CalendarDay, number>();
      for (const entry of records.hours) {
        if (entry.volunteerId === volunteer.id && entry.day >= weekFirst && entry.day <= today) byDay.set(entry.day, (byDay.get(entry.day) ?? 0) + entry.hours);
      }
      const logged = [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, hours]) => ({ day, hours }));
      return optional(hoursReminderEmail({ cil, volunteer: addressee, week: weekOf(today), weekFirst, today, logged, weeklyCommitment: commitment }));
    }
    case 'deadline reminder': {
      const ref = action.evidence.find((candidate) => candidate.tab === 'Deliverables');
      const deliverable = records.deliverables.find((candidate) => candidate.id === ref?.id);
      if (!deliverable) return null;
      const facts = { id: deliverable.id, kind: deliverable.kind, title: deliverable.title, dueOn: deliverable.dueOn };
      return optional(
        reportDueEmail({
          cil,
          volunteer: addressee,
          deliverable: { ...facts, ...(deliverable.period === undefined ? {} : { period: deliverable.period }), ...(deliverable.link === undefined ? {} : { link: deliverable.link }) },
          today,
        }),
      );
    }
    case 'meeting reminder': {
      const ref = action.evidence.find((candidate) => candidate.tab === 'Meetings');
      const meeting = records.meetings.find((candidate) => candidate.id === ref?.id);
      if (!meeting) return null;
      const { kind, title, startsAt, endsAt, meetCode } = meeting;
      return optional(
        meetingReminderEmail({ cil, volunteer: addressee, meeting: { kind, title, startsAt, endsAt, ...(meetCode === undefined ? {} : { meetCode }) }, timeZone: settings.timeZone }),
      );
    }
    case 'warning':
      return {
        email: formalWarningEmail({
          cil,
          volunteer: addressee,
          warningNumber: action.warningNumber ?? 1,
          warningsBeforeOffboarding: settings.warningsBeforeOffboarding,
          respondWithinDays: settings.daysWithoutCommunication,
          reasons,
          today,
        }),
        mandatory: true,
      };
    case 'offboarding': {
      const policy = defaultPolicy(settings);
      return {
        email: offboardingEmail({
          cil,
          volunteer: addressee,
          warnings: settings.warningsBeforeOffboarding,
          reasons,
          handover: action.handover ?? [],
          reintegrationHours: policy.reintegrationHours ?? commitment,
          reintegrationMeetings: policy.reintegrationMeetings,
          today,
        }),
        mandatory: true,
      };
    }
    case 'reintegration':
      if (!action.terms) return null;
      return { email: reintegrationEmail({ cil, volunteer: addressee, terms: action.terms, weeklyCommitment: commitment, timeZone: settings.timeZone }), mandatory: true };
    case 'back to active':
      return null;
  }
}
