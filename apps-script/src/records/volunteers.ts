import { volunteersTab, type Volunteer } from '../../../shared/records/volunteer';
import { readTab, sheetOf, type TabRead } from '../google/tab-sheet';

/** The roster, in one read. */
export function readVolunteers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): TabRead<typeof volunteersTab> {
  return readTab(sheetOf(spreadsheet, volunteersTab), volunteersTab, timeZone);
}

/** The volunteer holding a token with this hash, revoked or not; the caller decides what a revoked one may do. */
export function volunteerWithTokenHash(roster: TabRead<typeof volunteersTab>, hash: string): Volunteer | null {
  return roster.rows.find((row) => row.record.tokenHash === hash)?.record ?? null;
}
