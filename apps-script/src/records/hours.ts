import { hoursTab, type HoursEntry } from '../../../shared/records/hours';
import { sheetOf } from '../google/tab-sheet';
import { appendEntries, readEntryIds, readFields, type EntryIds, type FieldsRead } from '../google/tab-columns';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Hours tab's entry ids, for the duplicate check of a sync. */
export function readHoursIds(spreadsheet: Spreadsheet): EntryIds {
  return readEntryIds(sheetOf(spreadsheet, hoursTab), hoursTab);
}

/** Appends hours entries in one write. */
export function appendHours(at: EntryIds, entries: readonly HoursEntry[], timeZone: string): void {
  appendEntries(hoursTab, at, entries, timeZone);
}

/** How many hours a volunteer logged on which day, row by row: what totals per week and month need. */
export function readHoursOf(
  spreadsheet: Spreadsheet,
  volunteerId: string,
  timeZone: string,
): FieldsRead<Pick<HoursEntry, 'volunteerId' | 'day' | 'hours'>> {
  return readFields(sheetOf(spreadsheet, hoursTab), hoursTab, ['volunteerId', 'day', 'hours'], timeZone, { key: 'volunteerId', equals: volunteerId });
}
