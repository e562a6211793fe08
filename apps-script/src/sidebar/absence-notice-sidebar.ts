import type { Meeting } from '../../../shared/records/meeting';
import type { Volunteer } from '../../../shared/records/volunteer';
import { dateOfInstant, type Instant } from '../../../shared/time/instant';
import { clockText } from '../../../shared/time/zone';
import { html } from '../html/escape';
import { readMeetings } from '../records/meetings';
import { readVolunteers } from '../records/volunteers';
import { field, formPage, notePage, options } from './form-sidebar';
import { showCilSidebar } from './cil-sidebar';

// The "Log absence notice…" sidebar: the form of logAbsenceNotice, offering the volunteers on the
// roster and the meetings that have not started yet (only those can still take prior notice).

/** Upcoming meetings offered, soonest first. */
const MEETINGS_OFFERED = 40;

const ON_ROSTER: readonly Volunteer['status'][] = ['active', 'warned', 'on leave'];

function absenceNoticePage(cilName: string, timeZone: string, volunteers: readonly Volunteer[], upcoming: readonly Meeting[]): string {
  if (upcoming.length === 0) {
    return notePage(html`No meeting of <strong>${cilName}</strong> is coming up in the Meetings tab, and a notice counts only before its meeting starts. Record the meeting first (CIL Hub › Record meeting or event…).`);
  }
  const people = options(volunteers.map((volunteer) => ({ value: volunteer.id, text: `${volunteer.name} (${volunteer.email})` })));
  const meetings = options(
    upcoming.map((meeting) => ({ value: meeting.id, text: `${meeting.title} · ${meeting.kind} · ${clockText(dateOfInstant(meeting.startsAt as Instant), timeZone)}` })),
  );
  return formPage({
    intro: html`Log that a volunteer of <strong>${cilName}</strong> told you they cannot come to a meeting. It is recorded as given now, which counts as prior notice because the meeting has not started.`,
    save: 'logAbsenceNotice',
    submit: 'Log notice',
    fields: html`${field('Volunteer', html`<select name="volunteerId" required>${people}</select>`)}
${field('Meeting', html`<select name="meetingId" required>${meetings}</select>`)}
${field('Reason', html`<textarea name="reason" rows="3" maxlength="2000"></textarea>`, 'as they gave it')}`,
  });
}

/** Entry point (menu "Log absence notice…"). */
export function openAbsenceNoticeSidebar(): void {
  showCilSidebar('Log absence notice', (cil) => {
    const timeZone = cil.settings.timeZone;
    const now = Date.now();
    const volunteers = readVolunteers(cil.spreadsheet, timeZone)
      .rows.map((row) => row.record)
      .filter((volunteer) => ON_ROSTER.includes(volunteer.status))
      .sort((a, b) => a.name.localeCompare(b.name));
    const upcoming = readMeetings(cil.spreadsheet, timeZone)
      .filter((meeting) => dateOfInstant(meeting.startsAt as Instant).getTime() > now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .slice(0, MEETINGS_OFFERED);
    return absenceNoticePage(cil.settings.cilName, timeZone, volunteers, upcoming);
  });
}
