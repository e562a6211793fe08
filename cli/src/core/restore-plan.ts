import { columnLetter } from '../../../shared/records/row-codec';
import { isBlank, isBlankRow, isFormula, sameCell, sameRow, type Cell } from './cells';
import { identityColumn } from './row-identity';
import type { RowWrite } from './spreadsheet-values';

// What restoring one tab would do, worked out from the backup and what the tab holds now, before
// anything is written. Rows are matched by the tab's identifying column where it has one (a record's
// id: the same record may sit on another row now), otherwise by row number.
//   - a backup row the tab no longer has is put back: on its own row when that row is empty now,
//     otherwise below everything else, so no other row is ever written over;
//   - a row that is the same as in the backup is left as it is;
//   - a row that differs from the backup changed since: it is written over only when the admin says
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

export interface TabPlan {
  title: string;
  /** The tab is missing and is made. */
  create: boolean;
  /** The header row is written (the tab had none, or it changed and is written over). */
  header: 'restored' | 'unchanged' | 'overwritten' | 'changed';
  /** Data rows put back. */
  restored: number;
  /** Changed data rows written over with the backup's (only with overwrite). */
  overwritten: number;
  unchanged: number;
  /** Data rows the tab has now that the backup lacks. */
  notInBackup: number;
  /** Rows that changed since the backup, header included; written over only with overwrite. */
  changed: ChangedRow[];
  /** Columns of every write, from A: the backup's width. */
  width: number;
  /** The lowest row written, for growing the grid (0 when nothing is written). */
  lastRow: number;
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

function differences(headerRow: readonly Cell[], backup: readonly Cell[], now: readonly Cell[]): ChangedRow['cells'] {
  const cells: ChangedRow['cells'] = [];
  const width = Math.max(backup.length, now.length);
  for (let c = 0; c < width; c++) {
    const was = backup[c] ?? '';
    const is = now[c] ?? '';
    if (!sameCell(was, is)) cells.push({ header: headerName(headerRow, c), backup: was, now: is });
  }
  return cells;
}

export function planTab(title: string, backup: readonly (readonly Cell[])[], current: readonly (readonly Cell[])[] | null, overwrite: boolean): TabPlan {
  const headerRow = backup[0] ?? [];
  const width = backup.reduce((max, row) => Math.max(max, row.length), 0);
  const plan: TabPlan = {
    title,
    create: current === null,
    header: 'unchanged',
    restored: 0,
    overwritten: 0,
    unchanged: 0,
    notInBackup: 0,
    changed: [],
    width,
    lastRow: 0,
    writes: [],
  };
  const now = current ?? [];
  const write = (row: number, cells: readonly Cell[]) => {
    plan.writes.push({ row, cells });
    plan.lastRow = Math.max(plan.lastRow, row);
  };
  if (backup.length === 0) {
    plan.notInBackup = now.slice(1).filter((row) => !isBlankRow(row)).length;
    return plan;
  }

  const nowHeader = now[0] ?? [];
  if (isBlankRow(nowHeader)) {
    plan.header = 'restored';
    write(1, headerRow);
  } else if (!sameRow(headerRow, nowHeader)) {
    plan.changed.push({ row: 1, id: null, cells: differences(headerRow, headerRow, nowHeader) });
    plan.header = overwrite ? 'overwritten' : 'changed';
    if (overwrite) write(1, headerRow);
  }

  const idColumn = identityColumn(title, headerRow);
  // Where each id sits now, in row order; an id found twice is matched occurrence by occurrence.
  const rowsById = new Map<string, number[]>();
  for (let r = 1; r < now.length; r++) {
    const key = keyOf(now[r]!, idColumn);
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
    const key = keyOf(row, idColumn);
    let match: number | undefined;
    if (key !== null) {
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      match = rowsById.get(key)?.[occurrence];
    } else {
      const there = now[r];
      if (there && !isBlankRow(there) && keyOf(there, idColumn) === null) match = r;
    }
    if (match !== undefined) {
      matched.add(match);
      const there = now[match]!;
      if (sameRow(row, there)) plan.unchanged++;
      else {
        plan.changed.push({ row: match + 1, id: key, cells: differences(headerRow, row, there) });
        if (overwrite) {
          plan.overwritten++;
          write(match + 1, row);
        }
      }
    } else if (isBlankRow(now[r] ?? [])) {
      lastOwnPlace = r + 1;
      plan.restored++;
      write(r + 1, row);
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
    write(below, row);
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
