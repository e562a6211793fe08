import { isBlankRow, markText, unmarkText, type Cell } from '../records/cells';
import { cellsFromRecord, rowFromCells, type HeaderIndex } from '../records/row-codec';
import { quarterRowsTab, type QuarterRow } from './national-tabs';

// "By CIL and quarter" keeps one row per CIL and quarter: each run rewrites the rows it has figures
// for where they stand (found by CIL ID and Quarter, wherever an admin sorted them) and adds the
// others at the bottom, so no row is ever there twice and quarters no longer worked out (older ones,
// a CIL that could not be read today) keep their last figures.

export const quarterRowKey = (cilId: string, quarter: string) => `${cilId}|${quarter}`;

export interface MergedQuarterRows {
  /** Rows 2 and on, as one setValues takes them: text re-marked so it stays text. */
  cells: Cell[][];
  updated: number;
  added: number;
  /** One record per CIL and quarter in the tab once written (for the trend), in tab order. */
  records: QuarterRow[];
  /** Rows that do not read as a CIL's quarter, kept as they are: 1-based row number and what is wrong. */
  invalid: { rowNumber: number; message: string }[];
}

const keyCell = (cell: unknown) => (typeof cell === 'string' ? unmarkText(cell).trim() : String(cell ?? '').trim());
/** A cell as setValues must be given it to read back the same: text marked, anything else as it is. */
const asWas = (cell: unknown): Cell => (typeof cell === 'string' ? markText(cell) : ((cell ?? '') as Cell));

/**
 * The tab's rows with `fresh` merged in. `values` is the tab as one getValues read it, header first;
 * `header` is that header as the row codec found it.
 */
export function mergeQuarterRows(values: readonly (readonly unknown[])[], header: HeaderIndex, fresh: readonly QuarterRow[], timeZone: string): MergedQuarterRows {
  const idAt = header.positions.get('cilId')!;
  const quarterAt = header.positions.get('quarter')!;
  const byKey = new Map(fresh.map((row) => [quarterRowKey(row.cilId, row.quarter), row]));
  const written = new Set<string>();
  const merged: MergedQuarterRows = { cells: [], updated: 0, added: 0, records: [], invalid: [] };
  const keep = (key: string, record: QuarterRow) => {
    if (written.has(key)) return;
    written.add(key);
    merged.records.push(record);
  };
  values.slice(1).forEach((row, i) => {
    const was = Array.from({ length: header.width }, (_, column) => asWas(row[column]));
    if (isBlankRow(row)) {
      merged.cells.push(was);
      return;
    }
    const key = quarterRowKey(keyCell(row[idAt]), keyCell(row[quarterAt]));
    const record = byKey.get(key);
    if (record) {
      merged.cells.push(cellsFromRecord(quarterRowsTab, header, record, { timeZone, keep: was }));
      merged.updated++;
      keep(key, record);
      return;
    }
    merged.cells.push(was);
    const read = rowFromCells(quarterRowsTab, header, row, { timeZone });
    if (read.ok) keep(key, read.record);
    else merged.invalid.push({ rowNumber: i + 2, message: read.error.message });
  });
  for (const [key, record] of byKey) {
    if (written.has(key)) continue;
    merged.cells.push(cellsFromRecord(quarterRowsTab, header, record, { timeZone }));
    merged.added++;
    keep(key, record);
  }
  return merged;
}
