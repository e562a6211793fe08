import type { CellValue, GridRange, ProtectionState, SheetState } from '../../workspace';
import { googleErrors, fail } from '../../google-errors';
import { DATE_TIME_DEFAULT, enteredValue, GENERAL, isGeneral, PLAIN_TEXT, type Entry } from './cell-values';

// The cell layers of one sheet as plain data: `values` (dense from A1 to the data extent, no trailing
// blank rows or columns, rows padded to one width), `numberFormats`, and `formulas`. Everything here
// is O(cells touched) so a 50,000-row tab reads and appends fast.

export const MAX_CELL_CHARACTERS = 50_000;

export type GridProtection = ProtectionState & Required<Pick<ProtectionState, 'domainEdit' | 'unprotectedRanges'>>;

/** A sheet with every optional layer present (see gridSheet). */
export type GridSheet = Omit<SheetState, 'protections'> &
  Required<Pick<SheetState, 'formulas' | 'styles' | 'columnWidths'>> & { protections: GridProtection[] };

const normalised = new WeakSet<SheetState>();

/**
 * Fills in the layers a sheet may lack when it was written before they existed or by hand, and (once
 * per sheet object) restores the `values` invariant: rows of one width, no trailing blanks.
 */
export function gridSheet(sheet: SheetState): GridSheet {
  if (!normalised.has(sheet)) {
    const width = sheet.values.reduce((max, row) => Math.max(max, row.length), 0);
    for (const row of sheet.values) while (row.length < width) row.push('');
    trimValues(sheet as GridSheet);
    normalised.add(sheet);
  }
  sheet.formulas ??= {};
  sheet.styles ??= [];
  sheet.columnWidths ??= {};
  for (const p of sheet.protections) {
    p.domainEdit ??= false;
    p.unprotectedRanges ??= [];
  }
  return sheet as GridSheet;
}

export const formulaKey = (row: number, column: number) => `${row},${column}`;

function hasFormulas(sheet: GridSheet): boolean {
  for (const _ in sheet.formulas) return true;
  return false;
}

/** The last row / column holding a value or a formula; 0 when the sheet is empty. */
export function lastRowOf(sheet: GridSheet): number {
  let last = sheet.values.length;
  for (const key in sheet.formulas) last = Math.max(last, Number(key.slice(0, key.indexOf(','))));
  return last;
}

export function lastColumnOf(sheet: GridSheet): number {
  let last = sheet.values[0]?.length ?? 0;
  for (const key in sheet.formulas) last = Math.max(last, Number(key.slice(key.indexOf(',') + 1)));
  return last;
}

export function readValues(sheet: GridSheet, g: GridRange): CellValue[][] {
  const out: CellValue[][] = new Array(g.numRows);
  const c0 = g.column - 1;
  const c1 = c0 + g.numColumns;
  for (let i = 0; i < g.numRows; i++) {
    const source = sheet.values[g.row - 1 + i];
    if (!source) {
      out[i] = new Array<CellValue>(g.numColumns).fill('');
      continue;
    }
    const row = source.slice(c0, c1);
    for (let j = 0; j < row.length; j++) {
      const v = row[j]!;
      // Each read hands out its own Date: changing it must not change the cell.
      if (typeof v === 'object') row[j] = new Date(v.getTime());
    }
    while (row.length < g.numColumns) row.push('');
    out[i] = row;
  }
  return out;
}

export function formatAt(sheet: GridSheet, row: number, column: number): string {
  const f = sheet.numberFormats[row - 1]?.[column - 1];
  return f === undefined || f === '' ? GENERAL : f;
}

export function setFormatAt(sheet: GridSheet, row: number, column: number, format: string): void {
  const formats = sheet.numberFormats;
  while (formats.length < row) formats.push([]);
  const line = formats[row - 1]!;
  while (line.length < column - 1) line.push('');
  line[column - 1] = isGeneral(format) ? '' : format;
}

function growTo(sheet: GridSheet, rows: number, columns: number): void {
  const v = sheet.values;
  const width = v[0]?.length ?? 0;
  if (columns > width) for (const row of v) while (row.length < columns) row.push('');
  const newWidth = Math.max(width, columns);
  while (v.length < rows) v.push(new Array<CellValue>(newWidth).fill(''));
}

/** Restores the `values` invariant: no trailing blank rows, no trailing blank columns. */
export function trimValues(sheet: GridSheet): void {
  const v = sheet.values;
  while (v.length > 0 && v[v.length - 1]!.every((x) => x === '')) v.pop();
  if (v.length === 0) return;
  const width = v[0]!.length;
  let keep = width;
  while (keep > 0 && v.every((row) => row[keep - 1] === '')) keep--;
  if (keep < width) for (const row of v) row.length = keep;
}

/** Google refuses the whole write when one cell is unusable; check before changing anything. */
export function checkCellValue(value: unknown): void {
  if (value === null || value === undefined) return;
  switch (typeof value) {
    case 'string':
      if (value.length > MAX_CELL_CHARACTERS) fail(googleErrors.cellTooLong());
      return;
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) fail(googleErrors.invalidCellValue(String(value)));
      return;
    default:
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) fail(googleErrors.invalidCellValue('Invalid Date'));
        return;
      }
      fail(googleErrors.invalidCellValue(Array.isArray(value) ? 'array' : typeof value));
  }
}

/**
 * Writes `data` (already checked, shaped like `g`) as if typed: see cell-values.ts for what a string
 * becomes. Numbers, booleans and Dates are stored as they are; null and undefined clear the cell.
 */
export function writeValues(
  sheet: GridSheet,
  g: GridRange,
  data: readonly (readonly unknown[])[],
  entry: Entry,
  /** setFormula(s): '=…' is a formula even in a plain-text cell. */
  formulasForced = false,
): void {
  const lastRow = g.row + g.numRows - 1;
  const lastColumn = g.column + g.numColumns - 1;
  growTo(sheet, lastRow, lastColumn);
  const formulasPresent = hasFormulas(sheet);
  const formats = sheet.numberFormats;
  for (let i = 0; i < g.numRows; i++) {
    const r = g.row + i;
    const target = sheet.values[r - 1]!;
    const source = data[i]!;
    const formatLine = formats[r - 1];
    for (let j = 0; j < g.numColumns; j++) {
      const c = g.column + j;
      const raw = source[j];
      let value: CellValue;
      let formula: string | null = null;
      const format = formatLine?.[c - 1];
      if (raw === null || raw === undefined) value = '';
      else if (typeof raw === 'string') {
        const plainText = format === PLAIN_TEXT && !(formulasForced && raw.startsWith('='));
        const entered = enteredValue(raw, plainText, entry);
        value = entered.value;
        formula = entered.formula;
        if (entered.autoFormat !== null && isGeneral(format)) setFormatAt(sheet, r, c, entered.autoFormat);
      } else if (raw instanceof Date) {
        value = new Date(raw.getTime());
        if (isGeneral(format)) setFormatAt(sheet, r, c, DATE_TIME_DEFAULT);
      } else value = raw as number | boolean;
      target[c - 1] = value;
      if (formula !== null) sheet.formulas[formulaKey(r, c)] = formula;
      else if (formulasPresent) delete sheet.formulas[formulaKey(r, c)];
    }
  }
  trimValues(sheet);
}

/** Empties the cells of `g` (values and formulas), leaving formats. */
export function clearValues(sheet: GridSheet, g: GridRange): void {
  const v = sheet.values;
  const rowEnd = Math.min(g.row + g.numRows - 1, v.length);
  for (let r = g.row; r <= rowEnd; r++) {
    const line = v[r - 1]!;
    const colEnd = Math.min(g.column + g.numColumns - 1, line.length);
    for (let c = g.column; c <= colEnd; c++) line[c - 1] = '';
  }
  for (const key in sheet.formulas) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    if (contains(g, r, c)) delete sheet.formulas[key];
  }
  trimValues(sheet);
}

export function clearFormats(sheet: GridSheet, g: GridRange): void {
  const rowEnd = Math.min(g.row + g.numRows - 1, sheet.numberFormats.length);
  for (let r = g.row; r <= rowEnd; r++) {
    const line = sheet.numberFormats[r - 1]!;
    const colEnd = Math.min(g.column + g.numColumns - 1, line.length);
    for (let c = g.column; c <= colEnd; c++) line[c - 1] = '';
  }
  sheet.styles = sheet.styles.filter((s) => !within(s.range, g));
}

export function contains(g: GridRange, row: number, column: number): boolean {
  return row >= g.row && row < g.row + g.numRows && column >= g.column && column < g.column + g.numColumns;
}

/** Whether `inner` lies wholly inside `outer`. */
export function within(inner: GridRange, outer: GridRange): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

export function intersects(a: GridRange, b: GridRange): boolean {
  return (
    a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.column < b.column + b.numColumns && b.column < a.column + a.numColumns
  );
}

/** `a` minus `b`, as up to four rectangles (above, below, left, right of the overlap). */
export function subtract(a: GridRange, b: GridRange): GridRange[] {
  if (!intersects(a, b)) return [a];
  const out: GridRange[] = [];
  const aEndRow = a.row + a.numRows;
  const aEndCol = a.column + a.numColumns;
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(aEndRow, b.row + b.numRows);
  if (a.row < top) out.push({ row: a.row, column: a.column, numRows: top - a.row, numColumns: a.numColumns });
  if (bottom < aEndRow) out.push({ row: bottom, column: a.column, numRows: aEndRow - bottom, numColumns: a.numColumns });
  const left = Math.max(a.column, b.column);
  const right = Math.min(aEndCol, b.column + b.numColumns);
  if (a.column < left) out.push({ row: top, column: a.column, numRows: bottom - top, numColumns: left - a.column });
  if (right < aEndCol) out.push({ row: top, column: right, numRows: bottom - top, numColumns: aEndCol - right });
  return out;
}

// ---- inserting and deleting rows and columns ------------------------------------------------------

export type Dimension = 'rows' | 'columns';

/** Moves or stretches `g` for `count` lines inserted before line `at`; a range spanning `at` grows. */
function shiftForInsert(g: GridRange, dimension: Dimension, at: number, count: number): void {
  const [start, size] = dimension === 'rows' ? (['row', 'numRows'] as const) : (['column', 'numColumns'] as const);
  if (g[start] >= at) g[start] += count;
  else if (g[start] + g[size] > at) g[size] += count;
}

/** Moves or shrinks `g` for lines at..at+count-1 deleted; false when nothing of it is left. */
function shiftForDelete(g: GridRange, dimension: Dimension, at: number, count: number): boolean {
  const [start, size] = dimension === 'rows' ? (['row', 'numRows'] as const) : (['column', 'numColumns'] as const);
  const end = g[start] + g[size] - 1;
  const deletedEnd = at + count - 1;
  if (deletedEnd < g[start]) {
    g[start] -= count;
    return true;
  }
  if (at > end) return true;
  const overlap = Math.min(end, deletedEnd) - Math.max(g[start], at) + 1;
  g[size] -= overlap;
  g[start] = Math.min(g[start], at);
  return g[size] > 0;
}

function eachRange(sheet: GridSheet, visit: (g: GridRange) => boolean): void {
  sheet.protections = sheet.protections.filter((p) => {
    p.unprotectedRanges = p.unprotectedRanges.filter(visit);
    return p.range === null || visit(p.range);
  });
  sheet.validations = sheet.validations.filter((v) => visit(v.range));
  sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => {
    f.ranges = f.ranges.filter(visit);
    return f.ranges.length > 0;
  });
  sheet.styles = sheet.styles.filter((s) => visit(s.range));
  // Only the chart data on this sheet moves; data on other sheets is not followed.
  for (const chart of sheet.charts) chart.ranges = chart.ranges.filter((g) => g.sheetId !== sheet.sheetId || visit(g));
}

function rekeyFormulas(sheet: GridSheet, move: (row: number, column: number) => [number, number] | null): void {
  const next: Record<string, string> = {};
  for (const [key, formula] of Object.entries(sheet.formulas)) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    const moved = move(r, c);
    if (moved) next[formulaKey(moved[0], moved[1])] = formula;
  }
  sheet.formulas = next;
}

export function insertLines(sheet: GridSheet, dimension: Dimension, at: number, count: number): void {
  if (dimension === 'rows') {
    if (at <= sheet.values.length) {
      const width = sheet.values[0]?.length ?? 0;
      sheet.values.splice(at - 1, 0, ...Array.from({ length: count }, () => new Array<CellValue>(width).fill('')));
    }
    if (at <= sheet.numberFormats.length) sheet.numberFormats.splice(at - 1, 0, ...Array.from({ length: count }, () => []));
    rekeyFormulas(sheet, (r, c) => [r >= at ? r + count : r, c]);
    sheet.maxRows += count;
    if (at <= sheet.frozenRows) sheet.frozenRows += count;
  } else {
    for (const row of sheet.values) if (at <= row.length) row.splice(at - 1, 0, ...new Array<CellValue>(count).fill(''));
    for (const row of sheet.numberFormats) if (at <= row.length) row.splice(at - 1, 0, ...new Array<string>(count).fill(''));
    rekeyFormulas(sheet, (r, c) => [r, c >= at ? c + count : c]);
    const widths: Record<string, number> = {};
    for (const [c, w] of Object.entries(sheet.columnWidths)) widths[Number(c) >= at ? Number(c) + count : c] = w;
    sheet.columnWidths = widths;
    sheet.maxColumns += count;
    if (at <= sheet.frozenColumns) sheet.frozenColumns += count;
  }
  eachRange(sheet, (g) => {
    shiftForInsert(g, dimension, at, count);
    return true;
  });
  for (const chart of sheet.charts) {
    const key = dimension === 'rows' ? 'row' : 'column';
    if (chart.position[key] >= at) chart.position[key] += count;
  }
}

export function deleteLines(sheet: GridSheet, dimension: Dimension, at: number, count: number): void {
  const end = at + count - 1;
  if (dimension === 'rows') {
    sheet.values.splice(at - 1, count);
    sheet.numberFormats.splice(at - 1, count);
    rekeyFormulas(sheet, (r, c) => (r < at ? [r, c] : r > end ? [r - count, c] : null));
    sheet.maxRows -= count;
    sheet.frozenRows -= Math.max(0, Math.min(sheet.frozenRows, end) - at + 1);
  } else {
    for (const row of sheet.values) row.splice(at - 1, count);
    for (const row of sheet.numberFormats) row.splice(at - 1, count);
    rekeyFormulas(sheet, (r, c) => (c < at ? [r, c] : c > end ? [r, c - count] : null));
    const widths: Record<string, number> = {};
    for (const [c, w] of Object.entries(sheet.columnWidths)) {
      const n = Number(c);
      if (n < at) widths[c] = w;
      else if (n > end) widths[n - count] = w;
    }
    sheet.columnWidths = widths;
    sheet.maxColumns -= count;
    sheet.frozenColumns -= Math.max(0, Math.min(sheet.frozenColumns, end) - at + 1);
  }
  eachRange(sheet, (g) => shiftForDelete(g, dimension, at, count));
  for (const chart of sheet.charts) {
    const key = dimension === 'rows' ? 'row' : 'column';
    if (chart.position[key] > end) chart.position[key] -= count;
    else if (chart.position[key] >= at) chart.position[key] = at;
  }
  trimValues(sheet);
}
