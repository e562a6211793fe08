import { noticesTab, type Notice } from '../../../shared/records/notice';
import { dateOfInstant, instantFromDate, type Instant } from '../../../shared/time/instant';
import { clockText } from '../../../shared/time/zone';
import { readMeetings } from '../records/meetings';
import { readVolunteers } from '../records/volunteers';
import { rosterCil, withRosterLock } from '../roster/roster-cil';
import { appendOne, formFields, newRecordId, readForAppend, recordOf, refusal, type FormFields, type SavedRecord } from './form-record';

// "Log an absence notice" on a volunteer's behalf (they told the lead they cannot come): one row of the
// Notices tab for a meeting that has not started yet, given now. The rules engine counts a notice as
// prior notice only when it was given before the meeting started (shared/accountability README, "Prior
// notice"); one logged later would excuse nothing and only show as late in the evidence, so a meeting
// that has started is refused, saying so.

const WHAT = 'log the absence notice';
const KEYS = ['volunteerId', 'meetingId', 'reason'] as const;

/** Volunteers who can still be expected at meetings. */
const ON_ROSTER = ['active', 'warned', 'on leave'];

/** Entry point (the "Log absence notice…" sidebar's Save): appends the notice with one write. */
export function logAbsenceNotice(fields: FormFields, cilId?: string | null): SavedRecord<Notice> {
  const given = formFields(WHAT, fields, KEYS);
  const cil = rosterCil(cilId);
  const timeZone = cil.settings.timeZone;
  return withRosterLock(() => {
    const now = new Date();
    const at = instantFromDate(now);
    const notices = readForAppend(cil, noticesTab);
    const used = new Set(notices.rows.map((row) => row.record.id));
    const notice = recordOf(
      WHAT,
      noticesTab,
      { ...given, id: newRecordId('n', used), kind: 'absence notice', givenAt: at, receivedAt: at, source: 'form' },
      timeZone,
    );
    const problems: string[] = [];
    const volunteer = readVolunteers(cil.spreadsheet, timeZone).rows.find((row) => row.record.id === notice.volunteerId)?.record;
    if (!volunteer) problems.push(`no volunteer with the ID ${notice.volunteerId} is on the roster`);
    else if (!ON_ROSTER.includes(volunteer.status)) problems.push(`${volunteer.name} is ${volunteer.status}, so no meeting expects them`);
    const meeting = readMeetings(cil.spreadsheet, timeZone).find((candidate) => candidate.id === notice.meetingId);
    if (!meeting) problems.push(`no meeting with the ID ${notice.meetingId} is in the Meetings tab`);
    else if (dateOfInstant(meeting.startsAt as Instant).getTime() <= now.getTime()) {
      problems.push(
        `"${meeting.title}" started at ${clockText(dateOfInstant(meeting.startsAt as Instant), timeZone)}; a notice given now would not count as prior notice (the rules count only notices given before a meeting starts)`,
      );
    }
    const same = notices.rows.find((row) => row.record.kind === 'absence notice' && row.record.volunteerId === notice.volunteerId && row.record.meetingId === notice.meetingId);
    if (same) problems.push(`there is already a notice of this absence (row ${same.rowNumber} of Notices)`);
    if (problems.length > 0) throw refusal(WHAT, problems);
    const rowNumber = appendOne(cil, noticesTab, notices, notice);
    const when = clockText(dateOfInstant(meeting!.startsAt as Instant), timeZone);
    return {
      cilId: cil.registered.id,
      record: notice,
      rowNumber,
      message: `Logged ${volunteer!.name}'s notice of absence from "${meeting!.title}" (${when}) in row ${rowNumber} of Notices.`,
    };
  });
}
