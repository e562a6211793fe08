import { noticesTab, type Notice } from '../../../shared/records/notice';
import { sheetOf } from '../google/tab-sheet';
import { appendEntries, readEntryIds, type EntryIds } from '../google/tab-columns';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Notices tab's ids, for the duplicate check of a sync. */
export function readNoticeIds(spreadsheet: Spreadsheet): EntryIds {
  return readEntryIds(sheetOf(spreadsheet, noticesTab), noticesTab);
}

/** Appends notices in one write. */
export function appendNotices(at: EntryIds, notices: readonly Notice[], timeZone: string): void {
  appendEntries(noticesTab, at, notices, timeZone);
}
