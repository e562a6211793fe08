import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { columnLetter } from '../../../shared/records/row-codec';
import { cellFromRenders, enteredValue, needsPlainValue, type Cell, type EnteredValue } from './cells';
import type { GoogleConnection } from './google-clients';

// Reading every tab of a spreadsheet, and writing rows back, in as few Sheets API requests as the
// API allows: one spreadsheets.get for the tabs, one values.batchGet for the values of every tab
// (whole tabs, however many rows), and values.batchUpdate requests of at most ~2 MB each, the payload
// the Sheets API's usage limits page recommends (developers.google.com/workspace/sheets/api/limits).

export const READ_OPTIONS = { valueRenderOption: 'FORMULA', dateTimeRenderOption: 'SERIAL_NUMBER' } as const;
export const WRITE_OPTIONS = { valueInputOption: 'USER_ENTERED' } as const;
export const MAX_WRITE_BYTES = 2_000_000;

export interface TabInfo {
  sheetId: number;
  title: string;
  index: number;
  gridRows: number;
  gridColumns: number;
}

export interface TabValues extends TabInfo {
  /** From A1; the Sheets API leaves out trailing blank cells and rows. */
  rows: Cell[][];
}

export interface SpreadsheetInfo {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  tabs: TabInfo[];
  /** Every sheet, chart sheets included: where a new tab may go. */
  sheetCount: number;
}

/** A tab's name in A1 notation: always quoted, quotes doubled (sheets/api/guides/concepts#cell). */
export function quotedTitle(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/**
 * A1 notation for a whole tab: its whole grid, from A1 to the last row and column, rather than the
 * name alone, which a tab named like a cell ('A1', 'R1C1') would make ambiguous.
 */
export function wholeTab(tab: TabInfo): string {
  return `${quotedTitle(tab.title)}!A1:${columnLetter(Math.max(tab.gridColumns, 1) - 1)}${Math.max(tab.gridRows, 1)}`;
}

/** The tabs of a spreadsheet that hold cells (chart sheets hold none). */
export async function spreadsheetInfo(connection: GoogleConnection, spreadsheetId: string): Promise<SpreadsheetInfo> {
  const { data } = await connection.send(() =>
    connection.sheets.spreadsheets.get({
      spreadsheetId,
      fields: 'spreadsheetId,properties(title,timeZone,locale),sheets(properties(sheetId,title,index,sheetType,gridProperties(rowCount,columnCount)))',
    }),
  );
  const tabs = (data.sheets ?? [])
    .map((sheet) => sheet.properties ?? {})
    .filter((p) => (p.sheetType ?? 'GRID') === 'GRID')
    .map((p) => ({
      sheetId: p.sheetId ?? 0,
      title: p.title ?? '',
      index: p.index ?? 0,
      gridRows: p.gridProperties?.rowCount ?? 0,
      gridColumns: p.gridProperties?.columnCount ?? 0,
    }))
    .sort((a, b) => a.index - b.index);
  return {
    id: data.spreadsheetId ?? spreadsheetId,
    name: data.properties?.title ?? '',
    timeZone: data.properties?.timeZone ?? '',
    locale: data.properties?.locale ?? '',
    tabs,
    sheetCount: data.sheets?.length ?? 0,
  };
}

async function batchGet(
  connection: GoogleConnection,
  spreadsheetId: string,
  tabs: readonly TabInfo[],
  valueRenderOption: 'FORMULA' | 'UNFORMATTED_VALUE',
): Promise<unknown[][][]> {
  const { data } = await connection.send(() =>
    connection.sheets.spreadsheets.values.batchGet({
      spreadsheetId,
      ranges: tabs.map(wholeTab),
      valueRenderOption,
      dateTimeRenderOption: READ_OPTIONS.dateTimeRenderOption,
      majorDimension: 'ROWS',
      // Google indents its JSON unless asked not to: half the bytes of a large tab are spaces.
      prettyPrint: false,
    }),
  );
  const ranges = data.valueRanges ?? [];
  if (ranges.length !== tabs.length) {
    throw new Error(`The Sheets API answered ${ranges.length} ranges for ${tabs.length} tabs of spreadsheet ${spreadsheetId}.`);
  }
  return ranges.map((range) => (range.values ?? []) as unknown[][]);
}

/**
 * The cells of the given tabs: one values.batchGet with FORMULA, and a second with UNFORMATTED_VALUE
 * only for tabs holding a value that starts with = or ' (cells.ts, needsPlainValue).
 */
export async function readTabs(connection: GoogleConnection, spreadsheetId: string, tabs: readonly TabInfo[]): Promise<TabValues[]> {
  if (tabs.length === 0) return [];
  const formulas = await batchGet(connection, spreadsheetId, tabs, 'FORMULA');
  const unclear = tabs.map((_tab, i) => formulas[i]!.some((row) => row.some(needsPlainValue)));
  const unclearTabs = tabs.filter((_tab, i) => unclear[i]);
  const plain = unclearTabs.length > 0 ? await batchGet(connection, spreadsheetId, unclearTabs, 'UNFORMATTED_VALUE') : [];
  let next = 0;
  return tabs.map((tab, i) => {
    const plainRows = unclear[i] ? plain[next++]! : null;
    const rows = formulas[i]!.map((row, r) => row.map((value, c) => cellFromRenders(value, plainRows?.[r]?.[c])));
    return { ...tab, rows };
  });
}

// ---- writing -----------------------------------------------------------------------------------

export interface RowWrite {
  /** 1-based sheet row. */
  row: number;
  cells: readonly Cell[];
}

export interface TabWrite {
  title: string;
  /** The first column written (0-based, A when left out): the rows' cells start there. */
  firstColumn?: number;
  /** Columns written in every row, from the first; shorter rows are padded with blanks. */
  width: number;
  rows: readonly RowWrite[];
}

function block(title: string, firstColumn: number, width: number, first: number, rows: EnteredValue[][]): sheets_v4.Schema$ValueRange {
  const range = `${quotedTitle(title)}!${columnLetter(firstColumn)}${first}:${columnLetter(firstColumn + width - 1)}${first + rows.length - 1}`;
  return { range, majorDimension: 'ROWS', values: rows };
}

/**
 * The values.batchUpdate request bodies for `writes`: runs of consecutive rows become one range each,
 * and ranges are gathered into requests of at most `maxBytes` of JSON, splitting a run between rows
 * where one request cannot hold it.
 */
export function writeRequests(writes: readonly TabWrite[], maxBytes = MAX_WRITE_BYTES): sheets_v4.Schema$ValueRange[][] {
  const requests: sheets_v4.Schema$ValueRange[][] = [];
  let current: sheets_v4.Schema$ValueRange[] = [];
  let bytes = 0;
  for (const tab of writes) {
    if (tab.width < 1) continue;
    const sorted = [...tab.rows].sort((a, b) => a.row - b.row);
    let run: EnteredValue[][] = [];
    let first = 0;
    const closeRun = () => {
      if (run.length > 0) current.push(block(tab.title, tab.firstColumn ?? 0, tab.width, first, run));
      run = [];
    };
    for (const write of sorted) {
      const values: EnteredValue[] = [];
      for (let c = 0; c < tab.width; c++) values.push(enteredValue(write.cells[c] ?? ''));
      const size = JSON.stringify(values).length + 1;
      if (bytes + size > maxBytes && bytes > 0) {
        closeRun();
        requests.push(current);
        current = [];
        bytes = 0;
      }
      if (run.length > 0 && write.row !== first + run.length) closeRun();
      if (run.length === 0) first = write.row;
      run.push(values);
      bytes += size;
    }
    closeRun();
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

export async function writeValues(
  connection: GoogleConnection,
  spreadsheetId: string,
  requests: readonly sheets_v4.Schema$ValueRange[][],
  onWritten: (done: number) => void,
): Promise<void> {
  for (const [i, data] of requests.entries()) {
    await connection.send(() =>
      connection.sheets.spreadsheets.values.batchUpdate({
        spreadsheetId,
        requestBody: { valueInputOption: WRITE_OPTIONS.valueInputOption, data, includeValuesInResponse: false },
      }),
    );
    onWritten(i + 1);
  }
}

export interface GridNeed {
  title: string;
  /** Where a missing tab goes, as in the backup. */
  index: number;
  rows: number;
  columns: number;
  /** The tab as it is now, or null when the spreadsheet lacks it. */
  existing: TabInfo | null;
}

/**
 * The spreadsheets.batchUpdate requests that make room for a restore: each missing tab added, and
 * each tab too small for the rows and columns to write grown to fit, so no write lands past a grid's
 * edge ("exceeds grid limits").
 */
export function gridRequests(needs: readonly GridNeed[]): sheets_v4.Schema$Request[] {
  const requests: sheets_v4.Schema$Request[] = [];
  for (const need of needs) {
    if (need.existing === null) {
      requests.push({
        addSheet: { properties: { title: need.title, index: need.index, gridProperties: { rowCount: Math.max(need.rows, 1), columnCount: Math.max(need.columns, 1) } } },
      });
      continue;
    }
    const { sheetId, gridRows, gridColumns } = need.existing;
    const gridProperties: sheets_v4.Schema$GridProperties = {};
    if (need.rows > gridRows) gridProperties.rowCount = need.rows;
    if (need.columns > gridColumns) gridProperties.columnCount = need.columns;
    const fields = Object.keys(gridProperties).map((key) => `gridProperties.${key}`);
    if (fields.length > 0) requests.push({ updateSheetProperties: { properties: { sheetId, gridProperties }, fields: fields.join(',') } });
  }
  return requests;
}

export async function updateGrid(connection: GoogleConnection, spreadsheetId: string, requests: sheets_v4.Schema$Request[]): Promise<void> {
  if (requests.length === 0) return;
  await connection.send(() => connection.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }));
}
