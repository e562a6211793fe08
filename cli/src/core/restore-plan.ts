import { columnLetter } from '../../../shared/records/row-codec';
import { headerKey } from '../../../shared/records/tab';
import { isBlank, isBlankRow, isFormula, sameCell, type Cell } from './cells';
import { identityColumn } from './row-identity';
import type { RowWrite } from './spreadsheet-values';

// What restoring one tab would do, worked out from the backup and what the tab holds now, before
// anything is written. A lead may move, insert and rename columns (DESIGN.md; the row codec finds them
// by header name), so the backup's columns are mapped to the tab's by header name: every comparison and
// every write goes through that map, and the tab's header row is kept as it is.
//   - a backup column whose header the tab no longer has (renamed or deleted) makes the restore refuse,
//     naming it, unless the admin says to restore without it (--drop-missing-columns);
//   - a column the tab has and the backup lacks (a lead's new one) is neither compared nor written;
//   - rows are matched by the tab's identifying column, found by name in each, where it has one (a
//     record's id: the same record may sit on another row now), otherwise by row number;
//   - a backup row the tab no longer has is put back: on its own row when that row is empty now in
//     the backup's columns, otherwise below everything else, so no other row is ever written over;
//   - a row whose backup columns hold the same as in the backup is left as it is;
//   - a row that differs changed since: its backup columns are written over only when the admin says
//     so (--overwrite-changed); otherwise the whole restore refuses;
//   - rows the backup does not have (added since) are left as they are, never removed.

export interface ChangedRow {
  /** The row in the tab now (1-based). */
  row: number;
  /** The row's id, or null where rows are matched by number. */
  id: string | null;
  /** The cells that differ: header, then the backup's cell and the tab's. */
  cells: { header: string; backup: Cell; now: Cell }[];
}

/** A run of the tab's columns written, 0-based from A: the columns between are a lead's own, left alone. */
export interface ColumnRun {
  first: number;
  width: number;
}

export interface TabPlan {
  title: string;
  /** The tab is missing and is made. */
  create: boolean;
  /** The backup's header row is written where the tab had none; a tab's own header row is kept. */
  header: 'restored' | 'unchanged';
  /** The backup's headers the tab no longer has: the restore refuses unless told to leave them out. */
  missingColumns: string[];
  /** Data rows put back. */
  restored: number;
  /** Changed data rows written over with the backup's (only with overwrite). */
  overwritten: number;
  unchanged: number;
  /** Data rows the tab has now that the backup lacks. */
  notInBackup: number;
  /** Rows that changed since the backup; written over only with overwrite. */
  changed: ChangedRow[];
  /** The tab's columns from A up to the last one written. */
  width: number;
  /** The columns every write covers; the cells of a write outside them are not sent. */
  columns: ColumnRun[];
  /** The lowest row written, for growing the grid (0 when nothing is written). */
  lastRow: number;
  /** Rows in the tab's own column order. */
  writes: RowWrite[];
}

function keyOf(row: readonly Cell[], column: number | null): string | null {
  if (column === null) return null;
  const cell = row[column];
  if (typeof cell === 'string') return cell.trim() === '' ? null : cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return null;
}

function headerName(headerRow: readonly Cell[], column: number): string {
  const cell = headerRow[column];
  return typeof cell === 'string' && cell.trim() !== '' ? cell : `column ${columnLetter(column)}`;
}

const named = (cell: Cell | undefined) => typeof cell === 'string' && cell.trim() !== '';

/** Where each backup column goes in the tab now. */
interface ColumnMap {
  /** For each column of the tab, the backup's column written there, or null (a lead's own). */
  from: (number | null)[];
  missing: string[];
}

/**
 * The backup's columns mapped to the tab's by header name (as the row codec reads them: case and
 * spacing aside), a name found twice matched occurrence by occurrence. A backup column without a
 * header (data right of the header row, a lead's note tab) stays where it was, when that column of the
 * tab has no header either. A tab without a header row takes the backup's columns as they were.
 */
function columnMap(backupHeader: readonly Cell[], backupWidth: number, nowHeader: readonly Cell[]): ColumnMap {
  if (isBlankRow(nowHeader)) return { from: Array.from({ length: backupWidth }, (_, c) => c), missing: [] };
  const nowAt = new Map<string, number[]>();
  nowHeader.forEach((cell, c) => {
    if (named(cell)) nowAt.set(headerKey(cell), [...(nowAt.get(headerKey(cell)) ?? []), c]);
  });
  const seen = new Map<string, number>();
  const from: (number | null)[] = nowHeader.map(() => null);
  const missing: string[] = [];
  for (let b = 0; b < backupWidth; b++) {
    const cell = backupHeader[b];
    let at: number | undefined;
    if (named(cell)) {
      const key = headerKey(cell);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      at = nowAt.get(key)?.[occurrence];
    } else if (!named(nowHeader[b])) at = b;
    if (at === undefined) {
      missing.push(named(cell) ? String(cell) : `column ${columnLetter(b)} (no header)`);
      continue;
    }
    while (from.length <= at) from.push(null);
    from[at] = b;
  }
  return { from, missing };
}

/** The runs of columns that hold a backup column. */
function runsOf(from: readonly (number | null)[]): ColumnRun[] {
  const runs: ColumnRun[] = [];
  from.forEach((b, c) => {
    if (b === null) return;
    const last = runs[runs.length - 1];
    if (last && last.first + last.width === c) last.width++;
    else runs.push({ first: c, width: 1 });
  });
  return runs;
}

export function planTab(
  title: string,
  backup: readonly (readonly Cell[])[],
  current: readonly (readonly Cell[])[] | null,
  overwrite: boolean,
  dropMissingColumns = false,
): TabPlan {
  const backupHeader = backup[0] ?? [];
  const backupWidth = backup.reduce((max, row) => Math.max(max, row.length), 0);
  const now = current ?? [];
  const nowHeader = now[0] ?? [];
  const map = columnMap(backupHeader, backupWidth, nowHeader);
  const columns = runsOf(map.from);
  const plan: TabPlan = {
    title,
    create: current === null,
    header: 'unchanged',
    missingColumns: map.missing,
    restored: 0,
    overwritten: 0,
    unchanged: 0,
    notInBackup: 0,
    changed: [],
    width: columns.reduce((max, run) => Math.max(max, run.first + run.width), 0),
    columns,
    lastRow: 0,
    writes: [],
  };
  const write = (row: number, cells: readonly Cell[]) => {
    plan.writes.push({ row, cells });
    plan.lastRow = Math.max(plan.lastRow, row);
  };
  /** A backup row in the tab's column order. */
  const laidOut = (row: readonly Cell[]) => map.from.map((b) => (b === null ? '' : (row[b] ?? '')));
  /** A row of the tab with nothing in the backup's columns: a backup row may go there (a lead's own cells stay). */
  const emptyHere = (row: readonly Cell[] | undefined) => row === undefined || map.from.every((b, c) => b === null || isBlank(row[c]));
  /** The backup's columns of a row that differ from the same-named columns now. */
  const differences = (row: readonly Cell[], there: readonly Cell[]): ChangedRow['cells'] =>
    map.from.flatMap((b, c) => (b === null || sameCell(row[b] ?? '', there[c] ?? '') ? [] : [{ header: headerName(backupHeader, b), backup: row[b] ?? '', now: there[c] ?? '' }]));

  if (backup.length === 0) {
    plan.notInBackup = now.slice(1).filter((row) => !isBlankRow(row)).length;
    return plan;
  }
  if (isBlankRow(nowHeader)) {
    plan.header = 'restored';
    write(1, backupHeader);
  }
  if (map.missing.length > 0 && !dropMissingColumns) return plan;

  const backupId = identityColumn(title, backupHeader);
  const nowId = isBlankRow(nowHeader) ? backupId : identityColumn(title, nowHeader);
  // With the id column left out (--drop-missing-columns), rows can only be matched by number.
  const [idInBackup, idNow] = backupId === null || nowId === null ? [null, null] : [backupId, nowId];
  // Where each id sits now, in row order; an id found twice is matched occurrence by occurrence.
  const rowsById = new Map<string, number[]>();
  for (let r = 1; r < now.length; r++) {
    const key = keyOf(now[r]!, idNow);
    if (key !== null) rowsById.set(key, [...(rowsById.get(key) ?? []), r]);
  }
  const seen = new Map<string, number>();
  const matched = new Set<number>();
  /** The last row a backup row goes back to on its own place. */
  let lastOwnPlace = 0;
  const homeless: (readonly Cell[])[] = [];

  for (let r = 1; r < backup.length; r++) {
    const row = backup[r]!;
    if (isBlankRow(row)) continue;
    const key = keyOf(row, idInBackup);
    let match: number | undefined;
    if (key !== null) {
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      match = rowsById.get(key)?.[occurrence];
    } else {
      const there = now[r];
      if (!emptyHere(there) && keyOf(there!, idNow) === null) match = r;
    }
    if (match !== undefined) {
      matched.add(match);
      const cells = differences(row, now[match]!);
      if (cells.length === 0) plan.unchanged++;
      else {
        plan.changed.push({ row: match + 1, id: key, cells });
        if (overwrite) {
          plan.overwritten++;
          write(match + 1, laidOut(row));
        }
      }
    } else if (emptyHere(now[r])) {
      if (r < now.length) matched.add(r);
      lastOwnPlace = r + 1;
      plan.restored++;
      write(r + 1, laidOut(row));
    } else {
      homeless.push(row);
    }
  }
  for (let r = 1; r < now.length; r++) if (!matched.has(r) && !isBlankRow(now[r]!)) plan.notInBackup++;

  // Rows whose own place is filled go below everything the tab holds or will hold.
  let below = Math.max(now.length, lastOwnPlace);
  for (const row of homeless) {
    below++;
    plan.restored++;
    write(below, laidOut(row));
  }
  return plan;
}

/** How a cell reads in a message: text quoted and cut short, a formula as its text. */
export function describeCell(cell: Cell): string {
  if (isBlank(cell)) return 'blank';
  if (isFormula(cell)) return cell.formula;
  if (typeof cell === 'string') return JSON.stringify(cell.length > 40 ? `${cell.slice(0, 37)}...` : cell);
  return String(cell);
}
