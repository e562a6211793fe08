import type { GridRange } from '../../workspace';
import type { Range } from './range';
import { googleErrors, fail } from '../../google-errors';
import { displayOf } from './cell-values';
import { formatAt, formulaKey, lastColumnOf, lastRowOf, trimValues, writeValues, type GridSheet } from './grid';
import { rangeHandle } from './handles';
import type { Workbook } from './workbook';

// developers.google.com/apps-script/reference/spreadsheet/text-finder: searches what cells display
// (or their formula text with matchFormulaText), row by row, sheet by sheet; case-insensitive and
// substring by default. It is one service call however many cells it looks at, which is why CIL Hub
// uses it to find a row by id without reading a whole tab.

export interface SearchScope {
  sheetId: number;
  /** null: the sheet's whole data range. */
  grid: GridRange | null;
}

interface Cell {
  scope: number;
  row: number;
  column: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class TextFinder {
  #book: Workbook;
  #scopes: SearchScope[];
  #text: string;
  #matchCase = false;
  #entireCell = false;
  #regularExpression = false;
  #formulaText = false;
  #current: Cell | null = null;

  constructor(book: Workbook, scopes: SearchScope[], text: unknown) {
    if (typeof text !== 'string') fail(googleErrors.signatureMismatch([text], 'SpreadsheetApp.Sheet.createTextFinder'));
    if (text === '') fail(googleErrors.invalidArgument('findText'));
    this.#book = book;
    this.#scopes = scopes;
    this.#text = text;
  }

  matchCase(matchCase: unknown): this {
    this.#matchCase = this.#flag(matchCase, 'matchCase');
    return this;
  }

  matchEntireCell(entireCell: unknown): this {
    this.#entireCell = this.#flag(entireCell, 'matchEntireCell');
    return this;
  }

  useRegularExpression(useRegEx: unknown): this {
    this.#regularExpression = this.#flag(useRegEx, 'useRegularExpression');
    return this;
  }

  matchFormulaText(matchFormulaText: unknown): this {
    this.#formulaText = this.#flag(matchFormulaText, 'matchFormulaText');
    return this;
  }

  ignoreDiacritics(ignore: unknown): this {
    this.#flag(ignore, 'ignoreDiacritics');
    // Only case and whole-cell options change what CIL Hub finds; diacritics are matched exactly.
    return this;
  }

  #flag(value: unknown, name: string): boolean {
    if (typeof value !== 'boolean') fail(googleErrors.signatureMismatch([value], `SpreadsheetApp.TextFinder.${name}`));
    return value;
  }

  startFrom(range: unknown): this {
    const handle = rangeHandle(range, 'SpreadsheetApp.TextFinder.startFrom');
    const scope = this.#scopes.findIndex((s) => s.sheetId === handle.sheetId);
    this.#current = scope < 0 ? null : { scope, row: handle.grid.row, column: handle.grid.column };
    return this;
  }

  #pattern(global: boolean): RegExp {
    let source = this.#regularExpression ? this.#text : escapeRegExp(this.#text);
    if (this.#entireCell) source = `^(?:${source})$`;
    try {
      return new RegExp(source, `${global ? 'g' : ''}${this.#matchCase ? '' : 'i'}`);
    } catch {
      return fail(googleErrors.invalidArgument('findText'));
    }
  }

  #textOf(sheet: GridSheet, row: number, column: number, timeZone: string): string {
    if (this.#formulaText) {
      const formula = sheet.formulas[formulaKey(row, column)];
      if (formula !== undefined) return formula;
    }
    const value = sheet.values[row - 1]?.[column - 1] ?? '';
    return typeof value === 'string' ? value : displayOf(value, formatAt(sheet, row, column), timeZone);
  }

  /** Every matching cell, in search order. */
  #matches(): Cell[] {
    const pattern = this.#pattern(false);
    const timeZone = this.#book.state().timeZone;
    const found: Cell[] = [];
    this.#scopes.forEach((scope, index) => {
      const sheet = this.#book.sheetState(scope.sheetId);
      const g = scope.grid ?? { row: 1, column: 1, numRows: lastRowOf(sheet), numColumns: lastColumnOf(sheet) };
      const rowEnd = Math.min(g.row + g.numRows - 1, lastRowOf(sheet));
      const colEnd = Math.min(g.column + g.numColumns - 1, lastColumnOf(sheet));
      for (let row = g.row; row <= rowEnd; row++) {
        for (let column = g.column; column <= colEnd; column++) {
          const text = this.#textOf(sheet, row, column, timeZone);
          if (text !== '' && pattern.test(text)) found.push({ scope: index, row, column });
        }
      }
    });
    return found;
  }

  #rangeOf(cell: Cell): Range {
    return this.#book.range(this.#scopes[cell.scope]!.sheetId, { row: cell.row, column: cell.column, numRows: 1, numColumns: 1 });
  }

  findAll(): Range[] {
    return this.#matches().map((c) => this.#rangeOf(c));
  }

  findNext(): Range | null {
    const matches = this.#matches();
    const at = this.#current;
    const next = at === null ? matches[0] : matches.find((c) => c.scope > at.scope || (c.scope === at.scope && (c.row > at.row || (c.row === at.row && c.column > at.column))));
    if (!next) return null;
    this.#current = next;
    return this.#rangeOf(next);
  }

  findPrevious(): Range | null {
    const matches = this.#matches().reverse();
    const at = this.#current;
    const previous = at === null ? matches[0] : matches.find((c) => c.scope < at.scope || (c.scope === at.scope && (c.row < at.row || (c.row === at.row && c.column < at.column))));
    if (!previous) return null;
    this.#current = previous;
    return this.#rangeOf(previous);
  }

  getCurrentMatch(): Range | null {
    return this.#current === null ? null : this.#rangeOf(this.#current);
  }

  /** Returns the number of occurrences replaced (not of cells). */
  replaceAllWith(replaceText: unknown): number {
    if (typeof replaceText !== 'string') fail(googleErrors.signatureMismatch([replaceText], 'SpreadsheetApp.TextFinder.replaceAllWith'));
    return this.#replace(this.#matches(), replaceText);
  }

  replaceWith(replaceText: unknown): number {
    if (typeof replaceText !== 'string') fail(googleErrors.signatureMismatch([replaceText], 'SpreadsheetApp.TextFinder.replaceWith'));
    return this.#current === null ? 0 : this.#replace([this.#current], replaceText);
  }

  #replace(cells: Cell[], replaceText: string): number {
    const pattern = this.#pattern(true);
    const entry = this.#book.entry();
    let occurrences = 0;
    for (const cell of cells) {
      const sheet = this.#book.sheetState(this.#scopes[cell.scope]!.sheetId);
      const before = this.#textOf(sheet, cell.row, cell.column, entry.timeZone);
      occurrences += before.match(pattern)?.length ?? 0;
      // Regular expressions may refer to groups ($1); plain text is replaced literally.
      const after = this.#regularExpression ? before.replace(pattern, replaceText) : before.replace(pattern, () => replaceText);
      const key = formulaKey(cell.row, cell.column);
      const value = sheet.values[cell.row - 1]?.[cell.column - 1];
      if (sheet.formulas[key] !== undefined || typeof value !== 'string') {
        // A formula or a number/date/boolean is re-entered, as if typed.
        writeValues(sheet, { row: cell.row, column: cell.column, numRows: 1, numColumns: 1 }, [[after]], entry, true);
      } else {
        sheet.values[cell.row - 1]![cell.column - 1] = after;
        trimValues(sheet);
      }
    }
    this.#book.ctx.meter.cellsWritten += cells.length;
    return occurrences;
  }
}
