/// <reference types="google-apps-script" />
import { attendanceTab, type Attendance } from '../../../shared/records/attendance';
import { deliverablesTab, type Deliverable } from '../../../shared/records/deliverable';
import { hoursTab, type HoursEntry } from '../../../shared/records/hours';
import { meetingsTab, type Meeting } from '../../../shared/records/meeting';
import { volunteersTab, type Volunteer } from '../../../shared/records/volunteer';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import type { Sandbox } from '../../../sandbox/src/runtime/sandbox';
import type { CellValue } from '../../../sandbox/src/workspace';
import { asLead, sheetState } from '../as-lead';
import { newSandbox, runOk } from '../built-bundle';
import { pasteRecords } from '../daily-run-fixture';
import type { SetUpNationalRollupResult } from '../../../apps-script/src/rollup/set-up-national-rollup';

// Three CILs for the national rollup, set up by setUpCil as a lead would, with records pasted into
// their tabs: Lahore and Karachi keep up (calls, meetups, an event in Q3 and reports on time), while
// the third, named to try the escaping, held nothing in Q3, missed October's CfP call and owes a report
// three weeks late. Friday 27 Nov 2026, 10:00 in Karachi; every meeting at 19:00 Karachi (14:00 UTC).

export const NATIONAL_LEAD = 'national.lead@codeforpakistan.example';
export const CIL_CFP_LEAD = 'cil-leads@codeforpakistan.example';
/** A name that would be a formula, and HTML, if anything let it through. */
export const LAGGING_NAME = '=1+1 CIL <Quetta> & "Co"';

export interface TestCil {
  cilId: string;
  spreadsheetId: string;
  name: string;
}

export interface ThreeCils {
  sandbox: Sandbox;
  lahore: TestCil;
  karachi: TestCil;
  lagging: TestCil;
  cils: TestCil[];
  /** CfP's own Drive folder, where the national spreadsheet goes. */
  folderId: string;
}

const at = (day: CalendarDay, time = '14:00') => `${day}T${time}:00.000Z`;

function meetingOn(id: string, kind: Meeting['kind'], day: CalendarDay): Meeting {
  return { id, kind, title: `${kind} ${day}`, startsAt: at(day), endsAt: at(day, '15:00'), expectedAttendees: kind === 'monthly CfP call' ? 'leads' : 'all' } as Meeting;
}

function present(meeting: Meeting, volunteerId: string): Attendance {
  return {
    id: `${meeting.id}-${volunteerId}`,
    meetingId: meeting.id,
    volunteerId,
    status: 'present',
    joinedAt: meeting.startsAt,
    leftAt: meeting.endsAt,
    minutes: 60,
    source: 'extension',
  } as Attendance;
}

const hoursOn = (id: string, volunteerId: string, day: CalendarDay, hours: number): HoursEntry =>
  ({ id, volunteerId, day, hours, category: 'project work', source: 'extension', loggedAt: at(day, '12:00') }) as HoursEntry;

function roster(prefix: string): Volunteer[] {
  return [
    { id: `${prefix}-lead`, name: `Lead ${prefix}`, email: `lead.${prefix}@example.org`, role: 'organizer', status: 'active', joinedOn: '2026-06-15' },
    { id: `${prefix}-member`, name: `Member ${prefix}`, email: `member.${prefix}@example.org`, role: 'member', status: 'active', joinedOn: '2026-06-15' },
  ] as Volunteer[];
}

interface Records {
  volunteers: Volunteer[];
  meetings: Meeting[];
  attendance: Attendance[];
  hours: HoursEntry[];
  deliverables: Deliverable[];
}

/** A CIL keeping up: a CfP call a month with its lead, a meetup a month with everyone, an event in Q3, reports in. */
function keepingUp(prefix: string): Records {
  const volunteers = roster(prefix);
  const [lead, member] = volunteers.map((v) => v.id) as [string, string];
  const calls = (['2026-07-14', '2026-08-11', '2026-09-15', '2026-10-13', '2026-11-10'] as CalendarDay[]).map((day, i) => meetingOn(`${prefix}-call-${i}`, 'monthly CfP call', day));
  const meetups = (['2026-07-21', '2026-08-18', '2026-09-22', '2026-10-20', '2026-11-17'] as CalendarDay[]).map((day, i) => meetingOn(`${prefix}-meetup-${i}`, 'CIL meetup', day));
  const event = meetingOn(`${prefix}-event`, 'event', '2026-08-29');
  const planned = meetingOn(`${prefix}-event-2`, 'event', '2026-12-12');
  return {
    volunteers,
    meetings: [...calls, ...meetups, event, planned],
    attendance: [...calls.map((call) => present(call, lead)), ...[...meetups, event].flatMap((meeting) => [present(meeting, lead), present(meeting, member)])],
    hours: [hoursOn(`${prefix}-h1`, lead, '2026-09-01', 6), hoursOn(`${prefix}-h2`, member, '2026-09-02', 4.5), hoursOn(`${prefix}-h3`, lead, '2026-11-20', 5), hoursOn(`${prefix}-h4`, member, '2026-11-25', 5)],
    deliverables: [
      { id: `${prefix}-d1`, kind: 'monthly progress update', title: 'Progress, September', ownerVolunteerId: lead, dueOn: '2026-09-30', submittedOn: '2026-09-28', status: 'submitted' },
      { id: `${prefix}-d2`, kind: 'monthly progress update', title: 'Progress, October', ownerVolunteerId: lead, dueOn: '2026-11-10', submittedOn: '2026-11-12', status: 'submitted' },
    ] as Deliverable[],
  };
}

/** A CIL falling behind: nothing held in Q3, no CfP call in October, a report owed since 2 November. */
function fallingBehind(prefix: string): Records {
  const volunteers = roster(prefix);
  const meetup = meetingOn(`${prefix}-meetup`, 'CIL meetup', '2026-11-17');
  return {
    volunteers,
    meetings: [meetup],
    attendance: [present(meetup, `${prefix}-member`)],
    hours: [hoursOn(`${prefix}-h1`, `${prefix}-member`, '2026-11-20', 2)],
    deliverables: [{ id: `${prefix}-d1`, kind: 'events & meetups report', title: 'Events, October', ownerVolunteerId: `${prefix}-lead`, dueOn: '2026-11-02', status: 'pending' }] as Deliverable[],
  };
}

function setUp(sandbox: Sandbox, name: string, prefix: string, records: Records): TestCil {
  const { cilId, spreadsheetId } = runOk<{ cilId: string; spreadsheetId: string }>(sandbox, 'setUpCil', [
    { name, city: 'Pakistan', cfpLeadEmail: CIL_CFP_LEAD, leadEmails: [`lead.${prefix}@example.org`] },
  ]);
  pasteRecords(sandbox, spreadsheetId, volunteersTab, records.volunteers);
  pasteRecords(sandbox, spreadsheetId, meetingsTab, records.meetings);
  pasteRecords(sandbox, spreadsheetId, attendanceTab, records.attendance);
  pasteRecords(sandbox, spreadsheetId, hoursTab, records.hours);
  pasteRecords(sandbox, spreadsheetId, deliverablesTab, records.deliverables);
  return { cilId, spreadsheetId, name };
}

export function setUpThreeCils(): ThreeCils {
  const sandbox = newSandbox();
  const lahore = setUp(sandbox, 'CIL Lahore', 'lhr', keepingUp('lhr'));
  const karachi = setUp(sandbox, 'CIL Karachi', 'khi', keepingUp('khi'));
  const lagging = setUp(sandbox, LAGGING_NAME, 'uet', fallingBehind('uet'));
  const folderId = asLead(sandbox, () => DriveApp.createFolder('Code for Pakistan').getId(), []);
  return { sandbox, lahore, karachi, lagging, cils: [lahore, karachi, lagging], folderId };
}

export type NationalSetUp = SetUpNationalRollupResult;

export function setUpNational(cils: ThreeCils): NationalSetUp {
  return runOk<NationalSetUp>(cils.sandbox, 'setUpNationalRollup', [{ folderId: cils.folderId, cfpLeadEmail: NATIONAL_LEAD }]);
}

/** A national tab's rows as objects keyed by its header row, read from the workspace (not through the script). */
export function tabRows(sandbox: Sandbox, spreadsheetId: string, tab: string): Record<string, CellValue>[] {
  const [header = [], ...rows] = sheetState(sandbox, spreadsheetId, tab).values;
  return rows.filter((row) => row.some((cell) => cell !== '')).map((row) => Object.fromEntries(header.map((name, i) => [String(name), row[i] ?? ''])));
}

/** The lead deletes a column of a tab, as a lead would in the sheet. */
export function deleteColumn(sandbox: Sandbox, spreadsheetId: string, tab: string, header: string): void {
  asLead(
    sandbox,
    (id: string, name: string, wanted: string) => {
      const sheet = SpreadsheetApp.openById(id).getSheetByName(name)!;
      const row = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
      sheet.deleteColumn(row.indexOf(wanted) + 1);
    },
    [spreadsheetId, tab, header],
  );
}
