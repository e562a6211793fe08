import { attendanceTab, type Attendance } from '../../../shared/records/attendance';
import { sheetOf } from '../google/tab-sheet';
import { appendEntries, readEntryIds, readFields, type EntryIds, type FieldsRead } from '../google/tab-columns';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Attendance tab's ids, for the duplicate check of a sync. */
export function readAttendanceIds(spreadsheet: Spreadsheet): EntryIds {
  return readEntryIds(sheetOf(spreadsheet, attendanceTab), attendanceTab);
}

/** Appends attendance rows in one write. */
export function appendAttendance(at: EntryIds, rows: readonly Attendance[], timeZone: string): void {
  appendEntries(attendanceTab, at, rows, timeZone);
}

export type AttendanceOutline = Pick<Attendance, 'meetingId' | 'volunteerId' | 'status' | 'joinedAt' | 'minutes' | 'meetCode'>;

/** A volunteer's rows: meeting, status, join time, minutes and Meet code, their record of meetings. */
export function readAttendanceOf(spreadsheet: Spreadsheet, volunteerId: string, timeZone: string): FieldsRead<AttendanceOutline> {
  return readFields(
    sheetOf(spreadsheet, attendanceTab),
    attendanceTab,
    ['meetingId', 'volunteerId', 'status', 'joinedAt', 'minutes', 'meetCode'],
    timeZone,
    { key: 'volunteerId', equals: volunteerId },
  );
}

export type UnlinkedSession = Pick<Attendance, 'id' | 'volunteerId' | 'joinedAt' | 'leftAt' | 'minutes' | 'meetCode'>;

/** Rows with no Meeting ID: Meet sessions that matched no meeting, for a lead to link. Reads only the columns shown. */
export function readUnlinkedAttendance(spreadsheet: Spreadsheet, timeZone: string): FieldsRead<UnlinkedSession> {
  const read = readFields(sheetOf(spreadsheet, attendanceTab), attendanceTab, ['id', 'meetingId', 'volunteerId', 'joinedAt', 'leftAt', 'minutes', 'meetCode'], timeZone);
  return {
    rows: read.rows.filter((row) => row.fields.meetingId === undefined),
    unreadable: read.unreadable,
  };
}
