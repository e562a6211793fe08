import type { CellValue, GridRange, SpreadsheetState } from '../workspace';
import { a1Of, columnLetters, parseA1, quotedSheetName } from '../services/spreadsheet/a1-notation';
import { displayOf, isDateFormat, PLAIN_TEXT, type Entry } from '../services/spreadsheet/cell-values';
import {
  formatAt,
  formulaKey,
  gridSheet,
  intersects,
  MAX_CELL_CHARACTERS,
  readValues,
  subtract,
  writeValues,
  type GridSheet,
} from '../services/spreadsheet/grid';
import { instantOf, serialOf, wallClockOfSerial } from '../services/spreadsheet/time-zone';
import { sheetsErrors } from './rest-errors';

// The cells of spreadsheets.values.*, over the same sheet state SpreadsheetApp reads and writes
// (developers.google.com/sheets/api/guides/concepts, …/reference/rest/v4/spreadsheets.values).
//
// Ranges are A1 notation: 'Tab'!A1:B2, 'Tab'!A:C, 'Tab'!A2:C (open below), 'Tab' (the whole tab), or
// A1:B2 without a tab (the first visible tab). Reads stop at the grid's edge. Writes from a single
// cell ('Tab'!A2) or into an open range or a whole tab run as far as the values go, growing the grid;
// values past a closed range's end are refused.
//
// Reads omit trailing empty rows and trailing empty cells of each row, as Google does ("empty trailing
// rows and columns will not be included"). Render options:
//   FORMATTED_VALUE   every cell as the text it shows (Range.getDisplayValues);
//   UNFORMATTED_VALUE numbers, booleans and text as stored; date-times as serial numbers of days since
//                     1899-12-30 on the spreadsheet's wall clock (SERIAL_NUMBER) or as shown
//                     (FORMATTED_STRING);
//   FORMULA           like UNFORMATTED_VALUE, but a formula cell gives its formula.
// The sandbox does not evaluate formulas, so a formula cell's value is '' here as in getValues.
//
// Writes: RAW stores what is sent as it is (a string is text, even '=…' or '42'); USER_ENTERED
// parses strings as if typed (cell-values.ts: numbers, dates, booleans, '=' formulas; a leading
// apostrophe keeps text). A JSON null leaves its cell alone; '' empties it. In both modes a number
// written into a date-formatted cell is a date-time serial, which Apps Script reads back as a Date.

export type ValueRenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
export type DateTimeRenderOption = 'SERIAL_NUMBER' | 'FORMATTED_STRING';
export type ValueInputOption = 'RAW' | 'USER_ENTERED';
export type Dimension = 'ROWS' | 'COLUMNS';
export type RestCell = string | number | boolean;

/** A range as a request names it: its tab, its top-left cell, and its last row and column if it has them. */
export interface RangeRef {
  sheet: GridSheet;
  row: number;
  column: number;
  /** null: open, running to the grid's edge for reads, without limit for writes. */
  lastRow: number | null;
  lastColumn: number | null;
  /** A single cell ('Tab!A2'): writes start there and run as far as the values go. */
  anchor: boolean;
}

export const rangeLabel = (sheet: GridSheet, g: GridRange) => `${quotedSheetName(sheet.name)}!${a1Of(g)}`;

/** The sheet name always quoted, as Google's grid-limit message shows it. */
const quotedLabel = (sheet: GridSheet, g: GridRange) => `'${sheet.name.replace(/'/g, "''")}'!${a1Of(g)}`;

export function resolveRange(book: SpreadsheetState, text: string): RangeRef {
  const bare = text.trim();
  const wholeSheet = bare.includes('!') ? undefined : book.sheets.find((s) => s.name === bare || quotedSheetName(s.name) === bare);
  if (wholeSheet) return { sheet: gridSheet(wholeSheet), row: 1, column: 1, lastRow: null, lastColumn: null, anchor: false };
  const parsed = parseA1(bare);
  if (!parsed) throw sheetsErrors.unableToParseRange(text);
  const found = parsed.sheetName === null ? (book.sheets.find((s) => !s.hidden) ?? book.sheets[0]) : book.sheets.find((s) => s.name === parsed.sheetName);
  if (!found) throw sheetsErrors.unableToParseRange(text);
  const g = parsed.resolve(Infinity, Infinity);
  return {
    sheet: gridSheet(found),
    row: g.row,
    column: g.column,
    lastRow: Number.isFinite(g.numRows) ? g.row + g.numRows - 1 : null,
    lastColumn: Number.isFinite(g.numColumns) ? g.column + g.numColumns - 1 : null,
    anchor: !bare.slice(bare.lastIndexOf('!') + 1).includes(':'),
  };
}

/** The part of the range inside the grid, for reading and clearing. */
export function gridPart(ref: RangeRef): GridRange {
  const { sheet } = ref;
  const lastRow = Math.min(ref.lastRow ?? sheet.maxRows, sheet.maxRows);
  const lastColumn = Math.min(ref.lastColumn ?? sheet.maxColumns, sheet.maxColumns);
  if (ref.row > sheet.maxRows || ref.column > sheet.maxColumns) {
    const asked = { row: ref.row, column: ref.column, numRows: (ref.lastRow ?? ref.row) - ref.row + 1, numColumns: (ref.lastColumn ?? ref.column) - ref.column + 1 };
    throw sheetsErrors.exceedsGridLimits(quotedLabel(sheet, asked), sheet.maxRows, sheet.maxColumns);
  }
  return { row: ref.row, column: ref.column, numRows: lastRow - ref.row + 1, numColumns: lastColumn - ref.column + 1 };
}

// ---- reading -------------------------------------------------------------------------------------

export interface Rendering {
  value: ValueRenderOption;
  dateTime: DateTimeRenderOption;
}

function renderCell(value: CellValue, format: string, formula: string | undefined, rendering: Rendering, timeZone: string): RestCell {
  if (rendering.value === 'FORMATTED_VALUE') return displayOf(value, format, timeZone);
  if (rendering.value === 'FORMULA' && formula !== undefined) return formula;
  if (value instanceof Date) return rendering.dateTime === 'SERIAL_NUMBER' ? serialOf(value, timeZone) : displayOf(value, format, timeZone);
  if (typeof value === 'number' && rendering.dateTime === 'FORMATTED_STRING' && isDateFormat(format)) return displayOf(value, format, timeZone);
  return value;
}

function trimmed(lines: RestCell[][]): RestCell[][] {
  for (const line of lines) while (line.length > 0 && line[line.length - 1] === '') line.pop();
  while (lines.length > 0 && lines[lines.length - 1]!.length === 0) lines.pop();
  return lines;
}

/** The cells of `g` as a values response holds them: rendered, in the major dimension, trailing blanks omitted. */
export function readCells(book: SpreadsheetState, sheet: GridSheet, g: GridRange, rendering: Rendering, major: Dimension): RestCell[][] {
  const withFormulas = rendering.value === 'FORMULA';
  const rows = readValues(sheet, g).map((line, i) =>
    line.map((value, j) => {
      const row = g.row + i;
      const column = g.column + j;
      const formula = withFormulas ? sheet.formulas[formulaKey(row, column)] : undefined;
      return renderCell(value, formatAt(sheet, row, column), formula, rendering, book.timeZone);
    }),
  );
  if (major === 'ROWS') return trimmed(rows);
  return trimmed(Array.from({ length: g.numColumns }, (_, j) => rows.map((line) => line[j]!)));
}

// ---- writing -------------------------------------------------------------------------------------

export type IncomingCell = RestCell | null;

/**
 * The request's values as rows of cells, checked as Google checks them (each a string, number,
 * boolean or null; strings at most 50,000 characters). COLUMNS data is turned into rows.
 */
export function incomingRows(values: unknown, major: Dimension, at: string): IncomingCell[][] {
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values)) throw sheetsErrors.notAList(at, JSON.stringify(values));
  const lines = values.map((line, i) => {
    if (!Array.isArray(line)) throw sheetsErrors.notAList(`${at}[${i}]`, JSON.stringify(line));
    return line.map((cell, j): IncomingCell => {
      if (cell === null || typeof cell === 'boolean' || typeof cell === 'number') return cell;
      if (typeof cell === 'string') {
        if (cell.length > MAX_CELL_CHARACTERS) throw sheetsErrors.cellTooLong(`${at}[${i}][${j}]`);
        return cell;
      }
      throw sheetsErrors.invalidCell(`${at}[${i}][${j}]`, JSON.stringify(cell));
    });
  });
  if (major === 'ROWS') return lines;
  const height = lines.reduce((max, line) => Math.max(max, line.length), 0);
  return Array.from({ length: height }, (_, r) => {
    const row = lines.map((line) => line[r] ?? null);
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
}

/** Where `rows` land when written from the range's top-left; null when there is nothing to write. */
export function landing(ref: RangeRef, rows: IncomingCell[][]): GridRange | null {
  const width = rows.reduce((max, line) => Math.max(max, line.length), 0);
  if (rows.length === 0 || width === 0) return null;
  const g = { row: ref.row, column: ref.column, numRows: rows.length, numColumns: width };
  const asked = { row: ref.row, column: ref.column, numRows: (ref.lastRow ?? ref.row) - ref.row + 1, numColumns: (ref.lastColumn ?? ref.column) - ref.column + 1 };
  if (ref.anchor) return g;
  if (ref.lastRow !== null && g.row + g.numRows - 1 > ref.lastRow) {
    throw sheetsErrors.writingOutsideRange(rangeLabel(ref.sheet, asked), 'row', g.row + g.numRows - 1);
  }
  if (ref.lastColumn !== null && g.column + g.numColumns - 1 > ref.lastColumn) {
    throw sheetsErrors.writingOutsideRange(rangeLabel(ref.sheet, asked), 'column', columnLetters(g.column + g.numColumns - 1));
  }
  return g;
}

/** A rectangle of cells to write: consecutive rows whose non-null cells span the same columns. */
interface Block {
  grid: GridRange;
  cells: RestCell[][];
}

/** The rectangles a write touches, skipping null cells; most writes are one rectangle. */
export function blocksOf(start: { row: number; column: number }, rows: IncomingCell[][]): Block[] {
  const blocks: Block[] = [];
  let open: Block[] = [];
  rows.forEach((line, i) => {
    const segments: { from: number; cells: RestCell[] }[] = [];
    line.forEach((cell, j) => {
      if (cell === null) return;
      const last = segments[segments.length - 1];
      if (last && last.from + last.cells.length === j) last.cells.push(cell);
      else segments.push({ from: j, cells: [cell] });
    });
    const row = start.row + i;
    const continued =
      open.length === segments.length &&
      open.every((block, k) => block.grid.column === start.column + segments[k]!.from && block.grid.numColumns === segments[k]!.cells.length && block.grid.row + block.grid.numRows === row);
    if (continued) {
      open.forEach((block, k) => {
        block.grid.numRows++;
        block.cells.push(segments[k]!.cells);
      });
    } else {
      open = segments.map((s) => ({ grid: { row, column: start.column + s.from, numRows: 1, numColumns: s.cells.length }, cells: [s.cells] }));
      blocks.push(...open);
    }
  });
  return blocks;
}

/** Whether writing `g` would change a cell of a protection the caller may not edit. */
export function touchesProtected(sheet: GridSheet, g: GridRange, mayEdit: (protectionId: string) => boolean): boolean {
  return sheet.protections.some((p) => {
    if (mayEdit(p.id)) return false;
    const area = p.range ?? { row: 1, column: 1, numRows: Infinity, numColumns: Infinity };
    if (!intersects(g, area)) return false;
    let left: GridRange[] = [overlap(g, area)];
    for (const hole of p.unprotectedRanges) left = left.flatMap((part) => subtract(part, hole));
    return left.length > 0;
  });
}

function overlap(a: GridRange, b: GridRange): GridRange {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const lastRow = Math.min(a.row + a.numRows, b.row + b.numRows);
  const lastColumn = Math.min(a.column + a.numColumns, b.column + b.numColumns);
  return { row, column, numRows: lastRow - row, numColumns: lastColumn - column };
}

/** Writes one block (already checked) as RAW or USER_ENTERED; the grid must already be large enough. */
export function writeBlock(sheet: GridSheet, block: Block, input: ValueInputOption, entry: Entry): void {
  const data = block.cells.map((line, i) =>
    line.map((cell, j) => {
      const format = formatAt(sheet, block.grid.row + i, block.grid.column + j);
      if (typeof cell === 'number' && isDateFormat(format)) return instantOf(wallClockOfSerial(cell), entry.timeZone);
      // RAW text is stored as typed behind an apostrophe, the way Sheets keeps any entry as text; a
      // plain-text cell already keeps what is typed.
      if (typeof cell === 'string' && input === 'RAW' && cell !== '' && format !== PLAIN_TEXT) return `'${cell}`;
      return cell;
    }),
  );
  writeValues(sheet, block.grid, data, entry);
}
