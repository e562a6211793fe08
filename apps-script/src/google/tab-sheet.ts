import { readHeader, rowFromCells, cellsFromRecord, type HeaderIndex } from '../../../shared/records/row-codec';
import { isBlankRow, markText } from '../../../shared/records/cells';
import type { TabDefinition, TabRecord } from '../../../shared/records/tab';

// One tab of a CIL spreadsheet as records. Google service calls are slow, so each operation reads a
// tab with one getValues and writes it with one setValues, whatever the number of rows
// (developers.google.com/apps-script/guides/support/best-practices).

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A problem a lead can fix in the sheet: a missing tab or column. Nothing was written. */
export class TabProblem extends Error {
  override name = 'TabProblem';
}

export interface RecordRow<Record> {
  /** The 1-based sheet row, as a lead sees it. */
  rowNumber: number;
  record: Record;
}

export interface InvalidRow {
  rowNumber: number;
  /** What is wrong, naming the columns, e.g. 'Hours: "Hours" must be more than 0 (found -2)'. */
  message: string;
}

export interface TabRead<Tab extends TabDefinition> {
  header: HeaderIndex;
  rows: RecordRow<TabRecord<Tab>>[];
  invalid: InvalidRow[];
  /** The last row holding anything, header included (0 on an empty sheet). */
  lastRow: number;
}

/** Rows named in one log line; the rest are counted. */
const ROWS_NAMED = 20;

/**
 * Logs rows an operation left out because they do not read, each with its row number and problem. The
 * web app has nobody to show them to: the execution log is where a lead or admin sees its trouble.
 * `effect` says what leaving them out meant, e.g. 'they were left out of the summary'.
 */
export function warnInvalidRows(tabName: string, rows: readonly InvalidRow[], effect: string): void {
  if (rows.length === 0) return;
  const named = rows.slice(0, ROWS_NAMED).map((row) => `row ${row.rowNumber} (${row.message})`);
  const more = rows.length > ROWS_NAMED ? `, and ${rows.length - ROWS_NAMED} more` : '';
  const count = rows.length === 1 ? '1 row' : `${rows.length} rows`;
  console.warn(`CIL Hub: ${count} of the "${tabName}" tab could not be read, so ${effect}. Fix in the sheet: ${named.join('; ')}${more}.`);
}

/** A tab's records as read; rows that do not read are named in the execution log with what that means (`effect`). */
export function readableRecords<Tab extends TabDefinition>(tab: Tab, read: TabRead<Tab>, effect: string): TabRecord<Tab>[] {
  warnInvalidRows(tab.name, read.invalid, effect);
  return read.rows.map((row) => row.record);
}

/** A tab's records in one read (see readableRecords). */
export function readRecords<Tab extends TabDefinition>(spreadsheet: Spreadsheet, tab: Tab, timeZone: string, effect: string): TabRecord<Tab>[] {
  return readableRecords(tab, readTab(sheetOf(spreadsheet, tab), tab, timeZone), effect);
}

export function sheetOf(spreadsheet: Spreadsheet, tab: TabDefinition): Sheet {
  const sheet = spreadsheet.getSheetByName(tab.name);
  if (!sheet) throw new TabProblem(`The "${tab.name}" tab is missing. Run CIL Hub › Set up this CIL to restore it.`);
  return sheet;
}

function headerOf(tab: TabDefinition, cells: readonly unknown[]): HeaderIndex {
  const read = readHeader(tab, cells);
  if (!read.ok) throw new TabProblem(read.message);
  return read.index;
}

/** Every row of a tab as a record, in one read; invalid rows are reported by row number, never dropped. */
export function readTab<Tab extends TabDefinition>(sheet: Sheet, tab: Tab, timeZone: string): TabRead<Tab> {
  const values = sheet.getDataRange().getValues();
  const header = headerOf(tab, values[0] ?? []);
  const rows: RecordRow<TabRecord<Tab>>[] = [];
  const invalid: InvalidRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i]!;
    if (isBlankRow(cells)) continue;
    const read = rowFromCells(tab, header, cells, { timeZone });
    if (read.ok) rows.push({ rowNumber: i + 1, record: read.record });
    else invalid.push({ rowNumber: i + 1, message: read.error.message });
  }
  return { header, rows, invalid, lastRow: lastFilledRow(values) };
}

function lastFilledRow(values: readonly (readonly unknown[])[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (!isBlankRow(values[i]!)) return i + 1;
  return 0;
}

export interface ColumnRead {
  header: HeaderIndex;
  /** The column's cells from row 2 to the last row, as the sheet holds them. */
  cells: unknown[];
  lastRow: number;
}

/**
 * The header and one column of a tab (two reads of header width and row count), for checks that
 * need only ids: far fewer cells than the whole tab.
 */
export function readColumn(sheet: Sheet, tab: TabDefinition, key: string): ColumnRead {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) throw new TabProblem(`The "${tab.name}" tab has no header row. Run CIL Hub › Set up this CIL to restore it.`);
  const header = headerOf(tab, sheet.getRange(1, 1, 1, lastColumn).getValues()[0]!);
  const position = header.positions.get(key);
  if (position === undefined) throw new TabProblem(`The "${tab.name}" tab has no column for ${key}.`);
  const cells = lastRow < 2 ? [] : sheet.getRange(2, position + 1, lastRow - 1, 1).getValues().map((row) => row[0]);
  return { header, cells, lastRow };
}

/**
 * A cell as setValues must be given it to come back unchanged: its formula if it has one, text with the
 * apostrophe that keeps Sheets from reading '=…', '0012' or '3/4' as something else, anything else as it is.
 */
export function reentered(value: unknown, formula: string): unknown {
  if (formula !== '') return formula;
  return typeof value === 'string' ? markText(value) : value;
}

/** Appends records below `lastRow` with one write, growing the grid first when it is too small. */
export function appendRecords<Tab extends TabDefinition>(
  sheet: Sheet,
  tab: Tab,
  header: HeaderIndex,
  lastRow: number,
  records: readonly TabRecord<Tab>[],
  timeZone: string,
): void {
  if (records.length === 0) return;
  const cells = records.map((record) => cellsFromRecord(tab, header, record, { timeZone }));
  const maxRows = sheet.getMaxRows();
  const needed = lastRow + records.length;
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  sheet.getRange(lastRow + 1, 1, cells.length, header.width).setValues(cells);
}
