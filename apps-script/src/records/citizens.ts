import { citizensTab } from '../../../shared/records/citizen';
import { readTab, sheetOf, type TabRead } from '../google/tab-sheet';

/** The local active-citizens database, in one read. */
export function readCitizens(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): TabRead<typeof citizensTab> {
  return readTab(sheetOf(spreadsheet, citizensTab), citizensTab, timeZone);
}
