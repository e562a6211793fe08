import { meetingsTab, type Meeting } from '../../../shared/records/meeting';
import { readTab, sheetOf, warnInvalidRows } from '../google/tab-sheet';

/**
 * The meetings, in one read of the whole tab (a few a week: small). A row that does not read as a
 * meeting is left out, and logged: a session for it stays unlinked until a lead fixes the row and links it.
 */
export function readMeetings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): Meeting[] {
  const read = readTab(sheetOf(spreadsheet, meetingsTab), meetingsTab, timeZone);
  warnInvalidRows(meetingsTab.name, read.invalid, 'no session or notice is matched to them and no volunteer sees them');
  return read.rows.map((row) => row.record);
}
