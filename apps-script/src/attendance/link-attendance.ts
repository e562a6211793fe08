import { attendanceTab } from '../../../shared/records/attendance';
import { writeCell } from '../../../shared/records/cells';
import { sessionMinutes, sessionStatus } from '../../../shared/records/meeting-matching';
import { rowFromCells } from '../../../shared/records/row-codec';
import { busyForLead, LEAD_ACTION_LOCK_WAIT_MS, withScriptLock } from '../google/script-lock';
import { entryIdKey } from '../google/tab-columns';
import { readColumn, reentered, sheetOf, TabProblem } from '../google/tab-sheet';
import { readMeetings } from '../records/meetings';
import { rosterCil } from '../roster/roster-cil';

// "Link": a lead tells CIL Hub which meeting a Meet session was, when sync matched it to none (a
// meeting added to the Meetings tab later, or with another Meet code or time). The session's row gets
// the Meeting ID, and its status is worked out again with the CIL's minimum minutes, in one write.

export interface LinkedAttendance {
  attendanceId: string;
  meetingId: string;
  /** The Attendance row, as the lead sees it. */
  rowNumber: number;
  status: string;
  /** False when the row was already linked to this meeting (a second click): nothing was written. */
  changed: boolean;
}

function idArgument(value: unknown, what: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw new Error(`linkAttendance takes ${what}. Nothing was changed.`);
}

/**
 * Entry point (the "Link unmatched attendance…" sidebar's Link button): writes `meetingId` into the
 * Attendance row `attendanceId` and recomputes its status, under the script lock. A row linked to
 * another meeting meanwhile is refused, never overwritten. `cilId` as for the roster entry points.
 */
export function linkAttendance(attendanceId: unknown, meetingId: unknown, cilId?: string | null): LinkedAttendance {
  const attendance = idArgument(attendanceId, 'an Attendance ID, such as "5f0c3e2a-…"');
  const meetingKey = idArgument(meetingId, 'a Meeting ID, such as "m-2026-11-26"');
  const cil = rosterCil(cilId);
  const { spreadsheet, settings } = cil;
  const timeZone = settings.timeZone;
  return withScriptLock(
    LEAD_ACTION_LOCK_WAIT_MS,
    () => {
      const meeting = readMeetings(spreadsheet, timeZone).find((candidate) => candidate.id === meetingKey);
      if (!meeting) {
        throw new Error(`No meeting with the ID "${meetingKey}" is in the Meetings tab (rows with a problem to fix are not counted). Nothing was changed.`);
      }
      const sheet = sheetOf(spreadsheet, attendanceTab);
      const { header, cells } = readColumn(sheet, attendanceTab, 'id');
      const index = cells.findIndex((cell) => entryIdKey(cell) === entryIdKey(attendance));
      if (index < 0) throw new Error(`No row of the Attendance tab has the ID "${attendance}"; was it deleted? Nothing was changed.`);
      const rowNumber = index + 2;
      const meetingAt = header.positions.get('meetingId');
      if (meetingAt === undefined) {
        throw new TabProblem('The Attendance tab has no "Meeting ID" column. Run CIL Hub › Set up this CIL… to restore it. Nothing was changed.');
      }

      const range = sheet.getRange(rowNumber, 1, 1, header.width);
      const values = range.getValues()[0]!;
      const read = rowFromCells(attendanceTab, header, values, { timeZone });
      if (!read.ok) throw new Error(`Row ${rowNumber} of the Attendance tab has a problem to fix first: ${read.error.message}. Nothing was changed.`);
      const row = read.record;
      if (row.meetingId === meeting.id) return { attendanceId: row.id, meetingId: meeting.id, rowNumber, status: row.status, changed: false };
      if (row.meetingId !== undefined) {
        throw new Error(`Row ${rowNumber} of the Attendance tab is already linked to meeting "${row.meetingId}"; clear its Meeting ID first to link it elsewhere. Nothing was changed.`);
      }

      const minutes = row.minutes ?? (row.joinedAt !== undefined && row.leftAt !== undefined ? sessionMinutes({ joinedAt: row.joinedAt, leftAt: row.leftAt }) : undefined);
      const status = minutes === undefined ? row.status : sessionStatus(minutes, settings.minimumMinutesPresent);
      attendanceTab.schema.parse({ ...row, meetingId: meeting.id, status });

      // One write over the cells from the Meeting ID to the Status column; any cell between them goes
      // back exactly as it was (a lead's formula included).
      const statusAt = header.positions.get('status')!;
      const first = Math.min(meetingAt, statusAt);
      const last = Math.max(meetingAt, statusAt);
      const span = sheet.getRange(rowNumber, first + 1, 1, last - first + 1);
      const formulas = span.getFormulas()[0]!;
      const written = formulas.map((formula, i) => reentered(values[first + i], formula));
      const column = (key: string) => attendanceTab.columns.find((candidate) => candidate.key === key)!;
      written[meetingAt - first] = writeCell(column('meetingId'), meeting.id, timeZone);
      written[statusAt - first] = writeCell(column('status'), status, timeZone);
      span.setValues([written]);
      return { attendanceId: row.id, meetingId: meeting.id, rowNumber, status, changed: true };
    },
    busyForLead,
  );
}
