import { meetingsTab, type Meeting } from '../../../shared/records/meeting';
import { readTab, sheetOf } from '../google/tab-sheet';

/**
 * The meetings, in one read of the whole tab (a few a week: small). A row that does not read as a
 * meeting is left out: a session for it stays unlinked until a lead fixes the row and links it.
 */
export function readMeetings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): Meeting[] {
  return readTab(sheetOf(spreadsheet, meetingsTab), meetingsTab, timeZone).rows.map((row) => row.record);
}
