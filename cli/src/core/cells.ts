// What a backup keeps of a cell, and how it travels: from the Sheets API's values, into a CSV field,
// and back into the spreadsheet.
//
// A cell is blank, text, a number (dates and times are numbers to the Sheets API: serial days since
// 1899-12-30, shown as dates by the cell's number format), a boolean, or a formula. Restore writes with
// valueInputOption USER_ENTERED so that formulas stay formulas, and puts a leading apostrophe before
// every text, so that no text is ever evaluated as a formula or read as a number or a date (Sheets
// keeps the rest as text and does not store the apostrophe; developers.google.com/sheets/api/
// reference/rest/v4/ValueInputOption). Numbers and booleans travel as JSON numbers and booleans, which
// USER_ENTERED stores as they are.

export interface Formula {
  formula: string;
}

/** '' is a blank cell: Sheets does not tell an empty text from an empty cell. */
export type Cell = string | number | boolean | Formula;

export function isFormula(cell: Cell): cell is Formula {
  return typeof cell === 'object';
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || cell === '';
}

export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  if (isFormula(a!) || isFormula(b!)) return isFormula(a!) && isFormula(b!) && a.formula === b.formula;
  return a === b;
}

/** Two rows hold the same cells, trailing blanks aside (the Sheets API leaves them out). */
export function sameRow(a: readonly Cell[], b: readonly Cell[]): boolean {
  const width = Math.max(a.length, b.length);
  for (let i = 0; i < width; i++) if (!sameCell(a[i], b[i])) return false;
  return true;
}

export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every((cell) => isBlank(cell));
}

// ---- CSV fields --------------------------------------------------------------------------------
//
// A backup's CSV stays readable: a text is written as it is, a number as JavaScript writes it (the
// shortest text that reads back as the same number, so nothing is rounded), a boolean as TRUE or FALSE
// and a formula as its '=…' text. Only a text that would read back as something else is marked with a
// leading apostrophe, as a person marks it in Sheets: a text starting with ' or =, TRUE or FALSE, or
// the text of a number. The marking is this file's own, read by fieldToCell alone: no guess about what
// Sheets would make of a text is involved.

function isNumberText(text: string): boolean {
  if (text === '') return false;
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text;
}

function mustMark(text: string): boolean {
  return text.startsWith("'") || text.startsWith('=') || text === 'TRUE' || text === 'FALSE' || isNumberText(text);
}

export function cellToField(cell: Cell): string {
  if (isFormula(cell)) return cell.formula;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return mustMark(cell) ? `'${cell}` : cell;
}

export function fieldToCell(field: string): Cell {
  if (field.startsWith("'")) return field.slice(1);
  if (field.startsWith('=')) return { formula: field };
  if (field === 'TRUE') return true;
  if (field === 'FALSE') return false;
  if (isNumberText(field)) return Number(field);
  return field;
}

// ---- the Sheets API ----------------------------------------------------------------------------

/** A value as values.batchUpdate takes it with valueInputOption USER_ENTERED. */
export type EnteredValue = string | number | boolean;

export function enteredValue(cell: Cell): EnteredValue {
  if (isFormula(cell)) return cell.formula;
  if (typeof cell === 'string') return cell === '' ? '' : `'${cell}`;
  return cell;
}

/**
 * Whether a value read with valueRenderOption FORMULA is unclear without the cell's plain value: the
 * Sheets API documents FORMULA as "the reply will include the formulas" and says nothing of a text
 * that itself starts with '=' (a lead's note, or hostile text a volunteer typed, stored as text
 * through a leading apostrophe) nor whether that apostrophe comes back. So such values are read once
 * more with UNFORMATTED_VALUE, which gives a text cell's own text and a formula's result, never its
 * source (see cellFromRenders).
 */
export function needsPlainValue(formulaRender: unknown): boolean {
  return typeof formulaRender === 'string' && (formulaRender.startsWith('=') || formulaRender.startsWith("'"));
}

function plainCell(value: unknown): Cell {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return '';
}

/**
 * The cell behind a FORMULA render, given its UNFORMATTED_VALUE render when needsPlainValue asked for
 * it. '=…' is a formula unless the plain value is that same text, which no formula in practice
 * evaluates to; a text cell's own text is its plain value, whatever the FORMULA render made of it.
 */
export function cellFromRenders(formulaRender: unknown, plainRender?: unknown): Cell {
  if (!needsPlainValue(formulaRender)) return plainCell(formulaRender);
  const text = formulaRender as string;
  if (text.startsWith('=') && plainRender !== text) return { formula: text };
  return plainCell(plainRender);
}
