import type { GridRange } from '../../workspace';

// A1 notation as Sheets reads it (developers.google.com/sheets/api/guides/concepts#cell): columns are
// letters (A … Z, AA …), rows 1-based; 'A:B' and '2:5' are open-ended and run to the grid's edge;
// a sheet name with spaces or punctuation is quoted, with '' for a quote inside the name.

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Of(range: GridRange): string {
  const start = `${columnLetters(range.column)}${range.row}`;
  if (range.numRows === 1 && range.numColumns === 1) return start;
  return `${start}:${columnLetters(range.column + range.numColumns - 1)}${range.row + range.numRows - 1}`;
}

/** A sheet name as it must be written before '!' in A1 notation. */
export function quotedSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface ParsedA1 {
  sheetName: string | null;
  /** The range once the grid's size is known: open ends run to maxRows / maxColumns. */
  resolve(maxRows: number, maxColumns: number): GridRange;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Null when the text is not A1 notation (the caller reports Google's "Range not found"). */
export function parseA1(text: string): ParsedA1 | null {
  let sheetName: string | null = null;
  let rest = text.trim();
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    const rawName = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    if (rawName.startsWith("'")) {
      if (!rawName.endsWith("'") || rawName.length < 2) return null;
      sheetName = rawName.slice(1, -1).replace(/''/g, "'");
    } else {
      sheetName = rawName;
    }
    if (sheetName === '') return null;
  }
  const parts = rest.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const corners = parts.map((p) => CELL.exec(p));
  if (corners.some((m) => !m || (m[1] === undefined && m[2] === undefined))) return null;
  const [a, b] = corners as RegExpExecArray[];
  const startCol = a![1] === undefined ? null : columnNumber(a![1]);
  const startRow = a![2] === undefined ? null : Number(a![2]);
  if (startRow === 0) return null;
  if (!b) {
    // A single reference must be a cell: 'A' or '3' alone are not ranges.
    if (startCol === null || startRow === null) return null;
    return { sheetName, resolve: () => ({ row: startRow, column: startCol, numRows: 1, numColumns: 1 }) };
  }
  const endCol = b[1] === undefined ? null : columnNumber(b[1]);
  const endRow = b[2] === undefined ? null : Number(b[2]);
  if (endRow === 0) return null;
  // 'A:B' (whole columns) and '1:3' (whole rows) need both ends open the same way; 'A2:B' is open below.
  if ((startCol === null) !== (endCol === null)) return null;
  if (startRow === null && endRow !== null) return null;
  return {
    sheetName,
    resolve(maxRows, maxColumns) {
      const r1 = startRow ?? 1;
      const r2 = endRow ?? maxRows;
      const c1 = startCol ?? 1;
      const c2 = endCol ?? maxColumns;
      const row = Math.min(r1, r2);
      const column = Math.min(c1, c2);
      return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
    },
  };
}
