import type { MeetingKind } from '../../../../shared/records/meeting';
import type { Instant } from '../../../../shared/time/instant';
import { dateOfInstant } from '../../../../shared/time/instant';
import { wallClockOf, zoneNameOf } from '../../../../shared/time/zone';
import { dayWords, letter, optionalReminderFootnote, paragraph, type AccountabilityEmail, type Addressee, type CilContact } from './letter';

// A reminder before a meeting the volunteer is expected at (optional: a volunteer may opt out): when,
// where to join, and how to give prior notice, which is what keeps a missed meeting from counting.

export interface MeetingReminderFacts {
  cil: CilContact;
  volunteer: Addressee;
  meeting: { kind: MeetingKind; title: string; startsAt: Instant; endsAt: Instant; meetCode?: string };
  /** The CIL's time zone, in which the times are written. */
  timeZone: string;
}

/** "Friday 27 November 2026, 18:00 to 19:30 (GMT+5)". */
function whenWords(startsAt: Instant, endsAt: Instant, timeZone: string): string {
  const start = wallClockOf(dateOfInstant(startsAt), timeZone);
  const end = wallClockOf(dateOfInstant(endsAt), timeZone);
  const time = (clock: { hour: number; minute: number }) => `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
  const endWords = end.day === start.day ? time(end) : `${dayWords(end.day)}, ${time(end)}`;
  return `${dayWords(start.day)}, ${time(start)} to ${endWords} (${zoneNameOf(dateOfInstant(startsAt), timeZone, 'short')})`;
}

export function meetingReminderEmail(facts: MeetingReminderFacts): AccountabilityEmail {
  const { cil, volunteer, meeting, timeZone } = facts;
  const when = whenWords(meeting.startsAt, meeting.endsAt, timeZone);
  const where =
    meeting.meetCode === undefined
      ? 'The meeting link is in the calendar invite.'
      : `Join on Google Meet: https://meet.google.com/${meeting.meetCode}`;
  return letter({
    to: [volunteer.email],
    subject: `Reminder: ${meeting.kind} "${meeting.title}", ${dayWords(wallClockOf(dateOfInstant(meeting.startsAt), timeZone).day)}`,
    cil,
    greeting: `Hello ${volunteer.name},`,
    blocks: [
      paragraph(`You are expected at the ${meeting.kind} "${meeting.title}": ${when}.`),
      paragraph(where),
      paragraph(
        "Can't come? Give notice before it starts: choose \"Can't attend\" on the event in Google Calendar (CIL Hub extension), " +
          'or reply to this email. An absence with prior notice does not count against you; missing two calls or meetups in a row without notice does.',
      ),
    ],
    footnote: optionalReminderFootnote(cil),
  });
}
