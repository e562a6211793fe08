import { citizensTab } from '../../../shared/records/citizen';
import { readTab, sheetOf, type TabRead } from '../google/tab-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The active-citizens database, in one read. */
export function readCitizens(spreadsheet: Spreadsheet, timeZone: string): TabRead<typeof citizensTab> {
  return readTab(sheetOf(spreadsheet, citizensTab), citizensTab, timeZone);
}
