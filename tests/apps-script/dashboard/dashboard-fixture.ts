/// <reference types="google-apps-script" />
import { cellsFromRecord, readHeader } from '../../../shared/records/row-codec';
import type { TabDefinition, TabRecord } from '../../../shared/records/tab';
import type { CellValue } from '../../../sandbox/src/workspace';
import { asLead, sheetState } from '../as-lead';
import { TIME_ZONE, type Demo } from '../daily-run-fixture';

// The Dashboard tab as a lead reads it: blocks found by their titles in column A, rows read as the
// sheet holds them. And rows a lead types into a record tab, through the sandbox's SpreadsheetApp.

export const DASHBOARD = 'Dashboard';

export const dashboardSheet = (demo: Demo) => sheetState(demo.sandbox, demo.spreadsheetId, DASHBOARD);

/** The 1-based row whose first cell starts with `title`. */
export function rowOf(demo: Demo, title: string): number {
  const at = dashboardSheet(demo).values.findIndex((row) => typeof row[0] === 'string' && row[0].startsWith(title));
  if (at < 0) throw new Error(`The Dashboard has no block "${title}"`);
  return at + 1;
}

/** A block's rows under its title, header row first, up to the next blank row; trailing blank cells dropped. */
export function block(demo: Demo, title: string): CellValue[][] {
  const values = dashboardSheet(demo).values;
  const rows: CellValue[][] = [];
  for (let i = rowOf(demo, title); i < values.length && values[i]!.some((cell) => cell !== ''); i++) {
    const row = [...values[i]!];
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    rows.push(row);
  }
  return rows;
}

/** A block's rows as objects keyed by its header row. */
export function table(demo: Demo, title: string): Record<string, CellValue>[] {
  const [header = [], ...rows] = block(demo, title);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [String(name), row[i] ?? ''])));
}

/** Appends records to a tab below its last row, as a lead's paste would, in the CIL's time zone. */
export function typeRows<Tab extends TabDefinition>(demo: Demo, tab: Tab, records: readonly TabRecord<Tab>[]): void {
  const header = readHeader(tab, sheetState(demo.sandbox, demo.spreadsheetId, tab.name).values[0] ?? []);
  if (!header.ok) throw new Error(header.message);
  const rows = records.map((record) => cellsFromRecord(tab, header.index, record, { timeZone: TIME_ZONE }));
  asLead(
    demo.sandbox,
    (id: string, name: string, cells: unknown[][]) => {
      const sheet = SpreadsheetApp.openById(id).getSheetByName(name)!;
      const needed = sheet.getLastRow() + cells.length;
      if (needed > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
      sheet.getRange(sheet.getLastRow() + 1, 1, cells.length, cells[0]!.length).setValues(cells);
    },
    [demo.spreadsheetId, tab.name, rows],
  );
}
