import { isBlankCell, readCell, unmarkText } from '../../../shared/records/cells';
import { readHeader, type HeaderIndex } from '../../../shared/records/row-codec';
import type { TabDefinition, TabRecord } from '../../../shared/records/tab';
import type { z } from '../../../shared/zod';
import { appendRecords, readColumn, TabProblem, type InvalidRow } from './tab-sheet';

// Reads of a few columns of a long tab. Hours and Attendance grow by thousands of rows a year; the
// web app answers each request from a handful of their columns, so it reads those (one getValues over
// the span between the first and the last of them) rather than every column of every row.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** An entry id as compared for duplicates: ids are UUIDs, which a client may write in either case. */
export function entryIdKey(cell: unknown): string {
  return (typeof cell === 'string' ? unmarkText(cell) : String(cell)).trim().toLowerCase();
}

/** The ids already in an append-only tab, and where the next rows go. */
export interface EntryIds {
  sheet: Sheet;
  header: HeaderIndex;
  lastRow: number;
  /** As entryIdKey gives them. */
  ids: Set<string>;
}

/** The header and id column of an append-only tab: what a duplicate check needs, not the whole tab. */
export function readEntryIds(sheet: Sheet, tab: TabDefinition): EntryIds {
  const { header, cells, lastRow } = readColumn(sheet, tab, 'id');
  const ids = new Set<string>();
  for (const cell of cells) if (!isBlankCell(cell)) ids.add(entryIdKey(cell));
  return { sheet, header, lastRow, ids };
}

/** Appends the records below the tab's last row with one write. */
export function appendEntries<Tab extends TabDefinition>(
  tab: Tab,
  at: EntryIds,
  records: readonly TabRecord<Tab>[],
  timeZone: string,
): void {
  appendRecords(at.sheet, tab, at.header, at.lastRow, records, timeZone);
}

export interface FieldRow<Fields> {
  rowNumber: number;
  fields: Fields;
}

export interface FieldsRead<Fields> {
  rows: FieldRow<Fields>[];
  /** Rows whose requested cells a lead must fix; callers leave them out of what they compute. */
  unreadable: InvalidRow[];
}

/** Only the rows whose `key` cell reads as `equals`, e.g. one volunteer's. */
export interface FieldFilter<Key extends string> {
  key: Key;
  equals: string;
}

/**
 * The `keys` fields of every row (or of the rows `where` picks, decided before anything else in the
 * row is read), each cell read and checked as its column's field (a required one must not be blank).
 * Rows whose requested cells are all blank are skipped. Optional columns missing from the sheet read
 * as blank; a missing required one is a TabProblem.
 */
export function readFields<Tab extends TabDefinition, Key extends string & keyof TabRecord<Tab>>(
  sheet: Sheet,
  tab: Tab,
  keys: readonly Key[],
  timeZone: string,
  where?: FieldFilter<Key>,
): FieldsRead<Pick<TabRecord<Tab>, Key>> {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) {
    throw new TabProblem(`The "${tab.name}" tab has no header row. Run CIL Hub › Set up this CIL to restore it.`);
  }
  const read = readHeader(tab, sheet.getRange(1, 1, 1, lastColumn).getValues()[0]!);
  if (!read.ok) throw new TabProblem(read.message);
  const columns = tab.columns.filter((column) => (keys as readonly string[]).includes(column.key));
  const placed = columns.flatMap((column) => {
    const position = read.index.positions.get(column.key);
    return position === undefined ? [] : [{ column, position }];
  });
  if (lastRow < 2 || placed.length === 0) return { rows: [], unreadable: [] };
  const first = Math.min(...placed.map((p) => p.position));
  const last = Math.max(...placed.map((p) => p.position));
  const values = sheet.getRange(2, first + 1, lastRow - 1, last - first + 1).getValues();
  const shape = tab.schema.shape as Record<string, z.ZodType>;

  const filter = where && placed.find((p) => p.column.key === where.key);
  const rows: FieldRow<Pick<TabRecord<Tab>, Key>>[] = [];
  const unreadable: InvalidRow[] = [];
  values.forEach((cells, index) => {
    const rowNumber = index + 2;
    if (filter) {
      const value = readCell(filter.column, cells[filter.position - first], timeZone);
      if (!value.ok || value.value !== where.equals) return;
    } else if (where) {
      return;
    }
    if (placed.every(({ position }) => isBlankCell(cells[position - first]))) return;
    const fields: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const { column, position } of placed) {
      const cell = cells[position - first];
      if (isBlankCell(cell)) {
        if (column.required) problems.push(`"${column.header}" is blank`);
        continue;
      }
      const value = readCell(column, cell, timeZone);
      const parsed = value.ok ? shape[column.key]!.safeParse(value.value) : null;
      if (parsed?.success) fields[column.key] = parsed.data;
      else problems.push(`"${column.header}" ${value.ok ? (parsed?.error?.issues[0]?.message ?? 'is not valid') : value.problem}`);
    }
    if (problems.length > 0) unreadable.push({ rowNumber, message: `${tab.name}: ${problems.join('; ')}` });
    else rows.push({ rowNumber, fields: fields as Pick<TabRecord<Tab>, Key> });
  });
  return { rows, unreadable };
}
