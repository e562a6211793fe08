import { deliverablesTab, type Deliverable } from '../../../shared/records/deliverable';
import { appendRecords, readTab, sheetOf, type TabRead } from '../google/tab-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the CIL owes CfP, in one read (tens of rows a year). */
export function readDeliverables(spreadsheet: Spreadsheet, timeZone: string): TabRead<typeof deliverablesTab> {
  return readTab(sheetOf(spreadsheet, deliverablesTab), deliverablesTab, timeZone);
}

/** Appends deliverables below the tab's last row, in one write. */
export function appendDeliverables(spreadsheet: Spreadsheet, read: TabRead<typeof deliverablesTab>, rows: readonly Deliverable[], timeZone: string): void {
  appendRecords(sheetOf(spreadsheet, deliverablesTab), deliverablesTab, read.header, read.lastRow, rows, timeZone);
}
