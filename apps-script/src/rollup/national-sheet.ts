import { markText, type Cell } from '../../../shared/records/cells';
import { cellsFromRecord, readHeader, type HeaderIndex } from '../../../shared/records/row-codec';
import { headerRow, type TabDefinition, type TabRecord } from '../../../shared/records/tab';
import { fallingBehindTab, quarterRowsTab, trendTab, TREND_SERIES, type MergedQuarterRows } from '../../../shared/rollup';
import { TabProblem } from '../google/tab-sheet';
import type { NationalSetting } from './national-setting';

// CfP's national spreadsheet as each rollup writes it, one read and one setValues per tab: "By CIL and
// quarter" merged row by row (shared/rollup/quarter-rows.ts), "Falling behind" and "Trend" rewritten
// whole as views, and the trend chart found by its title and updated in place rather than added again
// (developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder).

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const NATIONAL_TABS: readonly TabDefinition[] = [quarterRowsTab, fallingBehindTab, trendTab];
export const TREND_CHART_TITLE = 'All CILs, quarter over quarter';

const SET_UP_AGAIN = 'Run setUpNationalRollup again to restore it.';

export interface NationalBook {
  spreadsheet: Spreadsheet;
  quarterRows: Sheet;
  fallingBehind: Sheet;
  trend: Sheet;
}

/** The national spreadsheet and its tabs, or a clear error before anything is written. */
export function openNationalBook(setting: NationalSetting): NationalBook {
  let spreadsheet: Spreadsheet;
  try {
    spreadsheet = SpreadsheetApp.openById(setting.spreadsheetId);
  } catch {
    throw new Error(`The national rollup's spreadsheet (${setting.spreadsheetId}) cannot be opened: it was deleted, or is no longer shared with you. ${SET_UP_AGAIN}`);
  }
  const sheetOf = (tab: TabDefinition) => {
    const sheet = spreadsheet.getSheetByName(tab.name);
    if (!sheet) throw new TabProblem(`The national rollup's "${tab.name}" tab is missing. ${SET_UP_AGAIN}`);
    return sheet;
  };
  return { spreadsheet, quarterRows: sheetOf(quarterRowsTab), fallingBehind: sheetOf(fallingBehindTab), trend: sheetOf(trendTab) };
}

export interface QuarterRowsRead {
  values: unknown[][];
  header: HeaderIndex;
}

/** "By CIL and quarter" in one read, its columns found by their headers. */
export function readQuarterRows(sheet: Sheet): QuarterRowsRead {
  const values = sheet.getDataRange().getValues();
  const header = readHeader(quarterRowsTab, values[0] ?? []);
  if (!header.ok) throw new TabProblem(`${header.message} ${SET_UP_AGAIN}`);
  return { values, header: header.index };
}

function growTo(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Writes the merged rows below the header with one setValues. */
export function writeQuarterRows(sheet: Sheet, header: HeaderIndex, merged: MergedQuarterRows): void {
  if (merged.cells.length === 0) return;
  growTo(sheet, 1 + merged.cells.length, header.width);
  sheet.getRange(2, 1, merged.cells.length, header.width).setValues(merged.cells);
}

/** Rewrites a view tab (header and rows, blanking rows a longer list left) with one setValues. */
export function writeView<Tab extends TabDefinition>(sheet: Sheet, tab: Tab, records: readonly TabRecord<Tab>[], timeZone: string): void {
  const names = headerRow(tab);
  const read = readHeader(tab, names);
  if (!read.ok) throw new Error(read.message);
  const width = names.length;
  const height = Math.max(sheet.getLastRow(), 1 + records.length);
  const grid: Cell[][] = [names.map(markText), ...records.map((record) => cellsFromRecord(tab, read.index, record, { timeZone }))];
  while (grid.length < height) grid.push(Array.from({ length: width }, () => ''));
  growTo(sheet, height, width);
  sheet.getRange(1, 1, height, width).setValues(grid);
}

/** The trend chart over the Trend tab's quarters and its first series, beside the table. */
export function placeTrendChart(sheet: Sheet, quarters: number): void {
  if (quarters === 0) return;
  const existing = sheet.getCharts().find((chart) => chart.getOptions().get('title') === TREND_CHART_TITLE);
  const builder = existing ? existing.modify().clearRanges() : sheet.newChart();
  const chart = builder
    .asLineChart()
    .addRange(sheet.getRange(1, 1, 1 + quarters, 1 + TREND_SERIES))
    .setNumHeaders(1)
    .setPosition(1, trendTab.columns.length + 2, 0, 0)
    .setOption('title', TREND_CHART_TITLE)
    .setOption('legend.position', 'bottom')
    .build();
  if (existing) sheet.updateChart(chart);
  else sheet.insertChart(chart);
}
