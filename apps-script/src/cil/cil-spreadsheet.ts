import { cilTabs } from '../../../shared/records/cil-tabs';
import { missingColumns, readHeader } from '../../../shared/records/row-codec';
import { headerKey, type ColumnDefinition, type TabDefinition } from '../../../shared/records/tab';
import { dropdownRule, isDropdownOf } from './column-rules';
import { keepToOwner } from '../google/owner-only';
import { inspectDashboard, newDashboardWork, type DashboardWork } from './dashboard-tab';
import { settingsTab } from './settings-tab';
import { highlightOf, highlightWork, setHighlight, type HighlightWork } from './unlinked-highlights';
import type { SetupReport } from './setup-report';

// The tabs of a CIL spreadsheet as setup leaves them: header row from the tab definition, frozen and
// protected; a dropdown on every choice column and a date format on every date column, from row 2 to
// the bottom of the grid; on Attendance and Notices, a highlight of rows to link to a meeting; then the
// Dashboard. Setup first inspects every tab (reads only) and turns what it finds into
// TabWork; only when no tab has a problem does it write. Re-running on a set-up tab finds nothing to do.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** The tables setup makes, in sheet order; the Dashboard (dashboard-tab.ts) follows them. */
export const setupTabs: readonly TabDefinition[] = [...cilTabs, settingsTab];

/** How setup recognises its own protection among any a lead added. */
const HEADER_PROTECTION = 'CIL Hub header row: CIL Hub finds each column by its name here, so only the owner may change it.';

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** What setup will do to one tab. */
export interface TabWork {
  tab: TabDefinition;
  /** null: the tab is missing and will be made. */
  sheet: Sheet | null;
  /** Row 1 as it is, to the sheet's last column (empty for a new or empty sheet). */
  header: unknown[];
  /** The tab's columns the header lacks, to be added after its last column. */
  append: ColumnDefinition[];
  /** Each of the tab's columns → its 0-based position once `append` is done. */
  positions: Map<string, number>;
  /** The grid's rows, when there is work that needs them (0 otherwise; read after making a new sheet). */
  maxRows: number;
  freeze: boolean;
  /** 'add', 'keep', or setup's protection that no longer covers the header and is replaced. */
  protection: 'keep' | 'add' | Protection;
  /** Columns whose dropdown or number format is missing or wrong, set from row 2 down. */
  dropdowns: ColumnDefinition[];
  formats: ColumnDefinition[];
  /** The tab's highlight of rows to link to a meeting, when it has one and lacks it. */
  highlight: HighlightWork | null;
}

export interface SpreadsheetInspection {
  works: TabWork[];
  dashboard: DashboardWork;
  /** The sheets' names in order, the lead's own tabs included: where missing tabs slot in. */
  names: string[];
  /** Every cell of the Settings tab, when it has any: its rows are read whole, not just the header. */
  settingsValues: unknown[][];
  /** What a lead must fix before setup may write: a missing required column, a header twice, a tab named in the wrong case. */
  problems: string[];
}

const hasDropdown = (column: ColumnDefinition) => column.kind === 'choice';
const hasDateFormat = (column: ColumnDefinition) => column.kind === 'date' || column.kind === 'datetime';

/** Positions found in the header, plus those of the columns to be appended after it. */
function positionsAfter(found: ReadonlyMap<string, number>, headerLength: number, append: readonly ColumnDefinition[]): Map<string, number> {
  const positions = new Map(found);
  append.forEach((column, i) => positions.set(column.key, headerLength + i));
  return positions;
}

/** A tab that does not exist yet: everything to do. */
export function newTabWork(tab: TabDefinition): TabWork {
  const positions = positionsAfter(new Map(), 0, tab.columns);
  const highlight = highlightOf(tab);
  return {
    tab,
    sheet: null,
    header: [],
    append: [...tab.columns],
    positions,
    maxRows: 0,
    freeze: true,
    protection: 'add',
    dropdowns: tab.columns.filter(hasDropdown),
    formats: tab.columns.filter(hasDateFormat),
    highlight: highlight ? { highlight, formula: highlight.formula(positions), keep: [] } : null,
  };
}

/** Row 1 to the sheet's last column, or [] for a sheet with nothing in it. */
function headerCells(sheet: Sheet): unknown[] {
  const lastColumn = sheet.getLastColumn();
  return lastColumn === 0 ? [] : sheet.getRange(1, 1, 1, lastColumn).getValues()[0]!;
}

/** Reads every tab and decides what to do. Writes nothing. */
export function inspectSpreadsheet(spreadsheet: Spreadsheet): SpreadsheetInspection {
  const sheets = spreadsheet.getSheets();
  const names = sheets.map((sheet) => sheet.getName());
  const works: TabWork[] = [];
  const problems: string[] = [];
  let settingsValues: unknown[][] = [];
  let dashboard = newDashboardWork();
  for (const tab of setupTabs) {
    const at = names.indexOf(tab.name);
    if (at < 0) {
      // Sheets refuses a second tab whose name differs only in case, and readers look tabs up exactly.
      const near = names.find((name) => headerKey(name) === headerKey(tab.name));
      if (near === undefined) works.push(newTabWork(tab));
      else problems.push(`The tab "${near}" must be named exactly "${tab.name}"; rename it.`);
      continue;
    }
    const sheet = sheets[at]!;
    let header: unknown[];
    if (tab === settingsTab) {
      settingsValues = sheet.getLastColumn() === 0 ? [] : sheet.getDataRange().getValues();
      header = settingsValues[0] ?? [];
    } else {
      header = headerCells(sheet);
    }
    const inspected = inspectTab(sheet, tab, header);
    if (inspected.ok) works.push(inspected.work);
    else problems.push(inspected.problem);
  }
  const inspectedDashboard = inspectDashboard(sheets, names);
  if (inspectedDashboard.ok) dashboard = inspectedDashboard.work;
  else problems.push(inspectedDashboard.problem);
  return { works, dashboard, names, settingsValues, problems };
}

/** A spreadsheet setup makes: every tab to make. */
export function newSpreadsheetInspection(): SpreadsheetInspection {
  return { works: setupTabs.map(newTabWork), dashboard: newDashboardWork(), names: [], settingsValues: [], problems: [] };
}

type TabInspection = { ok: true; work: TabWork } | { ok: false; problem: string };

function inspectTab(sheet: Sheet, tab: TabDefinition, header: unknown[]): TabInspection {
  let append: ColumnDefinition[] = [...tab.columns];
  let found: ReadonlyMap<string, number> = new Map();
  if (header.length > 0) {
    const read = readHeader(tab, header);
    if (!read.ok) return { ok: false, problem: read.message };
    found = read.index.positions;
    // A lead may have deleted an optional column; it comes back at the end, where it disturbs nothing.
    append = missingColumns(tab, header);
  }
  const positions = positionsAfter(found, header.length, append);
  const work: TabWork = {
    tab,
    sheet,
    header,
    append,
    positions,
    maxRows: 0,
    freeze: sheet.getFrozenRows() < 1,
    protection: protectionWork(sheet, tab, positions, append.length > 0),
    dropdowns: append.filter(hasDropdown),
    formats: append.filter(hasDateFormat),
    highlight: null,
  };
  // Sheets keeps at least one row below frozen ones, so only a tab without its frozen header can lack
  // row 2; and the grid's size matters only to a tab with work to do, so a set-up tab is not asked for it.
  if (work.freeze) {
    work.maxRows = sheet.getMaxRows();
    if (work.maxRows < 2) return { ok: false, problem: `The "${tab.name}" tab has no rows below its header; insert some.` };
  }
  checkColumnRules(sheet, work);
  const highlight = highlightOf(tab);
  if (work.maxRows === 0 && (work.dropdowns.length > 0 || work.formats.length > 0 || highlight)) work.maxRows = sheet.getMaxRows();
  if (highlight) work.highlight = highlightWork(sheet, highlight, positions, work.maxRows);
  return { ok: true, work };
}

function protectionWork(sheet: Sheet, tab: TabDefinition, positions: Map<string, number>, appending: boolean): TabWork['protection'] {
  const ours = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .find((protection) => protection.getDescription() === HEADER_PROTECTION);
  if (!ours) return 'add';
  // Appended headers lie past the protected cells; a column a lead moved may lie outside them too.
  // A protection's range cannot be stretched, so it is replaced.
  if (appending) return ours;
  const columns = tab.columns.map((column) => positions.get(column.key)! + 1);
  const range = ours.getRange();
  return range.getColumn() <= Math.min(...columns) && range.getLastColumn() >= Math.max(...columns) ? 'keep' : ours;
}

/** A lead may pick another date format (d mmm yyyy); one that shows no date, or the wrong precision, is put back. */
function showsAs(format: string, column: ColumnDefinition): boolean {
  const showsDate = /[dy]/i.test(format);
  const showsTime = /h/i.test(format);
  return showsDate && showsTime === (column.kind === 'datetime');
}

/**
 * Which existing columns lack their dropdown or date format, judged by row 2: three reads per tab and
 * one per choice column, whatever the number of rows.
 */
function checkColumnRules(sheet: Sheet, work: TabWork): void {
  const existing = work.tab.columns.filter((column) => !work.append.includes(column));
  const choices = existing.filter(hasDropdown);
  const dated = existing.filter(hasDateFormat);
  if (choices.length === 0 && dated.length === 0) return;
  const row2 = sheet.getRange(2, 1, 1, work.header.length);
  if (choices.length > 0) {
    const rules = row2.getDataValidations()[0]!;
    for (const column of choices) if (!isDropdownOf(rules[work.positions.get(column.key)!] ?? null, column)) work.dropdowns.push(column);
  }
  if (dated.length > 0) {
    const formats = row2.getNumberFormats()[0]!;
    for (const column of dated) if (!showsAs(formats[work.positions.get(column.key)!]!, column)) work.formats.push(column);
  }
}

/** Only the spreadsheet's owner may edit the header: a warning is not enough, a renamed header breaks every reader. */
function protectHeader(sheet: Sheet, width: number): void {
  keepToOwner(sheet.getRange(1, 1, 1, width).protect().setDescription(HEADER_PROTECTION));
}

function setDropdown(sheet: Sheet, column: ColumnDefinition, position: number, maxRows: number): void {
  sheet.getRange(2, position + 1, maxRows - 1, 1).setDataValidation(dropdownRule(column));
}

function setDateFormat(sheet: Sheet, column: ColumnDefinition, position: number, maxRows: number): void {
  sheet.getRange(2, position + 1, maxRows - 1, 1).setNumberFormat(column.kind === 'datetime' ? DATE_TIME_FORMAT : DATE_FORMAT);
}

/**
 * Does one tab's work. A new tab is inserted at `index`, or takes over `spare` (the 'Sheet1' of a
 * spreadsheet just made, which setup renames rather than leaving behind).
 */
export function writeTab(spreadsheet: Spreadsheet, work: TabWork, index: number, spare: Sheet | null, report: SetupReport): Sheet {
  const { tab } = work;
  const sheet = work.sheet ?? (spare ? spare.setName(tab.name) : spreadsheet.insertSheet(tab.name, index));
  const maxRows = work.sheet ? work.maxRows : sheet.getMaxRows();
  const width = work.header.length + work.append.length;
  const repairs: string[] = [];
  if (work.append.length > 0) {
    const maxColumns = sheet.getMaxColumns();
    if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
    sheet
      .getRange(1, work.header.length + 1, 1, work.append.length)
      .setValues([work.append.map((column) => column.header)])
      .setFontWeight('bold');
    repairs.push(...work.append.map((column) => `column "${column.header}"`));
  }
  if (work.freeze) {
    sheet.setFrozenRows(1);
    repairs.push('frozen header row');
  }
  if (work.protection !== 'keep') {
    if (work.protection !== 'add') work.protection.remove();
    protectHeader(sheet, width);
    repairs.push('header protection');
  }
  for (const column of work.dropdowns) {
    setDropdown(sheet, column, work.positions.get(column.key)!, maxRows);
    repairs.push(`dropdown on "${column.header}"`);
  }
  for (const column of work.formats) {
    setDateFormat(sheet, column, work.positions.get(column.key)!, maxRows);
    repairs.push(`date format on "${column.header}"`);
  }
  if (work.highlight) {
    setHighlight(sheet, work.highlight, width, maxRows);
    repairs.push(work.highlight.highlight.name);
  }
  if (work.sheet === null) report.created.push(`tab "${tab.name}"`);
  else {
    report.kept.push(`tab "${tab.name}"`);
    report.created.push(...repairs.map((repair) => `${repair} in "${tab.name}"`));
  }
  return sheet;
}

/**
 * Writes every tab in setup order. A missing tab goes right after the nearest tab before it in that
 * order, so the lead's own tabs stay where the lead put them.
 */
export function writeTabs(
  spreadsheet: Spreadsheet,
  works: readonly TabWork[],
  names: string[],
  spare: Sheet | null,
  report: SetupReport,
): Map<TabDefinition, Sheet> {
  const written = new Map<TabDefinition, Sheet>();
  let unusedSpare = spare;
  works.forEach((work, i) => {
    let index = 0;
    for (let j = i - 1; j >= 0 && index === 0; j--) index = names.indexOf(works[j]!.tab.name) + 1;
    written.set(work.tab, writeTab(spreadsheet, work, index, work.sheet ? null : unusedSpare, report));
    if (work.sheet === null) {
      names.splice(index, 0, work.tab.name);
      unusedSpare = null;
    }
  });
  return written;
}
