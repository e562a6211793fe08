import { describeCell, isBlankCell, readCell, writeCell, type Cell } from './cells';
import { headerKey, type ColumnDefinition, type TabDefinition, type TabRecord } from './tab';

/** Where each of a tab's columns sits in one particular sheet, found by header name. */
export interface HeaderIndex {
  tab: string;
  /** Number of columns in the sheet's header row, including ones the tab does not know. */
  width: number;
  /** Record field → 0-based column position; absent optional columns have no entry. */
  positions: ReadonlyMap<string, number>;
}

export type HeaderRead =
  | { ok: true; index: HeaderIndex }
  | { ok: false; message: string; missing: string[]; duplicated: string[] };

export interface CodecOptions {
  /** The CIL's time zone, which must also be the spreadsheet's: date cells are read and written in it. */
  timeZone: string;
}

export interface RowIssue {
  /** Record field, or undefined for a problem with the row as a whole. */
  key: string | undefined;
  header: string | undefined;
  /** What is wrong, phrased to follow the header: 'must be a number (found "five")'. */
  problem: string;
}

export interface RowError {
  tab: string;
  issues: RowIssue[];
  /** All issues in one sentence for a lead, e.g. 'Hours: "Hours" must be more than 0 (found -2)'. */
  message: string;
}

export type RowRead<T> = { ok: true; record: T } | { ok: false; error: RowError };

/** The spreadsheet letter of a 0-based column position: 0 → A, 26 → AA. */
export function columnLetter(position: number): string {
  let letters = '';
  for (let n = position + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Finds the tab's columns in a sheet's header row by name (ignoring case and spacing), so a lead may
 * reorder columns or add their own. A missing required column, or one of the tab's headers appearing
 * twice, is refused with a message saying which.
 */
export function readHeader(tab: TabDefinition, headerCells: readonly unknown[]): HeaderRead {
  const found = new Map<string, number[]>();
  headerCells.forEach((cell, position) => {
    const key = headerKey(cell);
    if (key !== '') found.set(key, [...(found.get(key) ?? []), position]);
  });
  const positions = new Map<string, number>();
  const missing: string[] = [];
  const duplicated: string[] = [];
  const problems: string[] = [];
  for (const column of tab.columns) {
    const at = found.get(headerKey(column.header)) ?? [];
    if (at.length > 1) {
      duplicated.push(column.header);
      problems.push(`has "${column.header}" twice (columns ${at.map(columnLetter).join(' and ')}); rename or delete one`);
    } else if (at[0] !== undefined) {
      positions.set(column.key, at[0]);
    } else if (column.required) {
      missing.push(column.header);
      problems.push(`has no "${column.header}" column; add it to the header row`);
    }
  }
  if (problems.length > 0) {
    return { ok: false, message: `The "${tab.name}" tab ${problems.join('; it ')}.`, missing, duplicated };
  }
  return { ok: true, index: { tab: tab.name, width: headerCells.length, positions } };
}

/** The tab's columns a header row lacks (required or not), for an adapter to append when repairing a tab. */
export function missingColumns(tab: TabDefinition, headerCells: readonly unknown[]): ColumnDefinition[] {
  const present = new Set(headerCells.map(headerKey));
  return tab.columns.filter((column) => !present.has(headerKey(column.header)));
}

function rowError(tab: TabDefinition, issues: RowIssue[]): RowError {
  const parts = issues.map((issue) => (issue.header ? `"${issue.header}" ${issue.problem}` : issue.problem));
  return { tab: tab.name, issues, message: `${tab.name}: ${parts.join('; ')}` };
}

function checkIndex(tab: TabDefinition, header: HeaderIndex): void {
  if (header.tab !== tab.name) throw new Error(`Header index of "${header.tab}" used for "${tab.name}"`);
}

/**
 * One sheet row as a typed record, or every problem in it: a blank required cell, a cell of the wrong
 * kind, a value the schema refuses, each named by its header.
 */
export function rowFromCells<Tab extends TabDefinition>(
  tab: Tab,
  header: HeaderIndex,
  cells: readonly unknown[],
  options: CodecOptions,
): RowRead<TabRecord<Tab>> {
  checkIndex(tab, header);
  const input: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  const cellOf = new Map<string, unknown>();
  for (const column of tab.columns) {
    const position = header.positions.get(column.key);
    if (position === undefined) continue;
    const cell = cells[position];
    cellOf.set(column.key, cell);
    if (isBlankCell(cell)) {
      if (column.required) issues.push({ key: column.key, header: column.header, problem: 'is blank' });
      continue;
    }
    const read = readCell(column, cell, options.timeZone);
    if (read.ok) input[column.key] = read.value;
    else {
      const found = read.quoted ? '' : ` (found ${describeCell(cell)})`;
      issues.push({ key: column.key, header: column.header, problem: `${read.problem}${found}` });
    }
  }
  const parsed = tab.schema.safeParse(input);
  if (parsed.success && issues.length === 0) return { ok: true, record: parsed.data as TabRecord<Tab> };
  const reported = new Set(issues.map((issue) => issue.key));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    // One problem per cell: a cell already reported (blank, unreadable, or failing an earlier check)
    // would only repeat itself.
    if (key !== undefined && reported.has(key)) continue;
    reported.add(key);
    const column = tab.columns.find((c) => c.key === key);
    const cell = key === undefined ? undefined : cellOf.get(key);
    const found = isBlankCell(cell) ? '' : ` (found ${describeCell(cell)})`;
    issues.push({ key: column?.key, header: column?.header, problem: `${issue.message}${found}` });
  }
  // In the order of the tab's columns, problems with the row as a whole last.
  const order = (issue: RowIssue) => {
    const at = tab.columns.findIndex((c) => c.key === issue.key);
    return at < 0 ? tab.columns.length : at;
  };
  return { ok: false, error: rowError(tab, issues.sort((a, b) => order(a) - order(b))) };
}

/**
 * The cells of one row in the sheet's own column order. Columns the tab does not know (a lead's own)
 * are '' for a new row, or keep their cells from `keep` when rewriting an existing one. A field whose
 * optional column is absent from the sheet is not written. Throws on a record the schema refuses,
 * which is a bug in the caller, never a lead's doing.
 */
export function cellsFromRecord<Tab extends TabDefinition>(
  tab: Tab,
  header: HeaderIndex,
  record: TabRecord<Tab>,
  options: CodecOptions & { keep?: readonly unknown[] },
): Cell[] {
  checkIndex(tab, header);
  const parsed = tab.schema.safeParse(record);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const column = tab.columns.find((c) => c.key === issue.path[0]);
      return { key: column?.key, header: column?.header, problem: issue.message };
    });
    throw new TypeError(`Cannot write an invalid record. ${rowError(tab, issues).message}`);
  }
  const values = parsed.data as Record<string, unknown>;
  const cells: Cell[] = [];
  for (let position = 0; position < header.width; position++) {
    const kept = options.keep?.[position];
    cells.push(kept === undefined || kept === null ? '' : (kept as Cell));
  }
  for (const column of tab.columns) {
    const position = header.positions.get(column.key);
    if (position !== undefined) cells[position] = writeCell(column, values[column.key], options.timeZone);
  }
  return cells;
}
