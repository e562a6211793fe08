import { LEAD_ROLES } from '../../../shared/records/volunteer';
import { meetingsTab, type Meeting } from '../../../shared/records/meeting';
import { headerKey } from '../../../shared/records/tab';
import { dateOfInstant, instantMs, type Instant } from '../../../shared/time/instant';
import { clockText } from '../../../shared/time/zone';
import { readVolunteers } from '../records/volunteers';
import { rosterCil, withRosterLock } from '../roster/roster-cil';
import { appendOne, formFields, newRecordId, readForAppend, recordOf, refusal, type FormFields, type SavedRecord } from './form-record';
import { parseTypedClock } from './typed-clock';

// "Record a meeting or event" (the sidebar's form, or a script): one row of the Meetings tab, with the
// participant count and takeaways a lead notes afterwards. Start and end are on the CIL's clock. Who is
// expected ('all', 'leads' or a team) decides whose absence the daily check counts, so a team nobody is
// in is refused rather than silently expecting no one.

const WHAT = 'record the meeting';
const KEYS = ['kind', 'title', 'startsAt', 'endsAt', 'meetCode', 'calendarEventId', 'expectedAttendees', 'participantCount', 'takeaways'] as const;

/** Start and end as instants, each problem named by its column. */
function instantsOf(fields: FormFields, timeZone: string): { values: FormFields; problems: string[] } {
  const values: FormFields = { ...fields };
  const problems: string[] = [];
  for (const [key, header] of [['startsAt', 'Starts at'], ['endsAt', 'Ends at']] as const) {
    const given = fields[key];
    if (given === undefined || given === null || String(given).trim() === '') continue;
    const read = parseTypedClock(String(given), timeZone);
    if (read.ok) values[key] = read.instant;
    else problems.push(`"${header}" ${read.problem}`);
  }
  // Said here, in the lead's own times, rather than by the schema in UTC.
  const { startsAt, endsAt } = values;
  if (problems.length === 0 && typeof startsAt === 'string' && typeof endsAt === 'string' && instantMs(endsAt)! <= instantMs(startsAt)!) {
    problems.push(`"Ends at" (${String(fields.endsAt).trim()}) must be after "Starts at" (${String(fields.startsAt).trim()})`);
  }
  return { values, problems };
}

/** Entry point (the "Record meeting or event…" sidebar's Save): appends the meeting with one write. */
export function recordMeeting(fields: FormFields, cilId?: string | null): SavedRecord<Meeting> {
  const given = formFields(WHAT, fields, KEYS);
  const cil = rosterCil(cilId);
  const timeZone = cil.settings.timeZone;
  const { values, problems } = instantsOf(given, timeZone);
  if (problems.length > 0) throw refusal(WHAT, problems);
  return withRosterLock(() => {
    const meetings = readForAppend(cil, meetingsTab);
    const used = new Set(meetings.rows.map((row) => row.record.id));
    const meeting = recordOf(WHAT, meetingsTab, { ...values, id: newRecordId('m', used) }, timeZone);
    const expected = headerKey(meeting.expectedAttendees);
    if (expected !== 'all' && expected !== 'leads') {
      const teams = new Set(readVolunteers(cil.spreadsheet, timeZone).rows.flatMap((row) => (row.record.team === undefined ? [] : [headerKey(row.record.team)])));
      if (!teams.has(expected)) {
        throw refusal(WHAT, [`"Expected attendees" must be all, leads (${LEAD_ROLES.join(', ')}) or a team of the Volunteers tab; no volunteer is in the team "${meeting.expectedAttendees}"`]);
      }
    }
    const same = meetings.rows.find((row) => row.record.startsAt === meeting.startsAt && headerKey(row.record.title) === headerKey(meeting.title));
    if (same) throw refusal(WHAT, [`"${same.record.title}" at that time is already in the Meetings tab (row ${same.rowNumber})`]);
    const rowNumber = appendOne(cil, meetingsTab, meetings, meeting);
    const when = clockText(dateOfInstant(meeting.startsAt as Instant), timeZone);
    return { cilId: cil.registered.id, record: meeting, rowNumber, message: `Recorded the ${meeting.kind} "${meeting.title}" on ${when} in row ${rowNumber} of Meetings.` };
  });
}
