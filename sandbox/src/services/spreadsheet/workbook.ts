import type { ExecutionContext } from '../../execution';
import type { GridRange, SheetState, SpreadsheetState } from '../../workspace';
import { googleErrors, fail } from '../../google-errors';
import { parseA1 } from './a1-notation';
import type { Entry } from './cell-values';
import { gridSheet, type GridSheet } from './grid';
import { wallClockOf } from './time-zone';
import { Range } from './range';
import { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';

// The internal handle every Google object of one spreadsheet holds (in a #private field, so the
// script never sees it): the state lookups, the bounds rules and the object constructors. Objects are
// views over ids, so two Sheet objects for one sheet see the same data, and a deleted sheet fails.

/** What one execution remembers about spreadsheets beyond their state: the active sheet of each. */
export class SpreadsheetSession {
  readonly activeSheets = new Map<string, number>();
  constructor(readonly ctx: ExecutionContext) {}

  workbook(id: string): Workbook {
    return new Workbook(this, id);
  }
}

export function newSheetState(sheetId: number, name: string, rows: number, columns: number): SheetState {
  return {
    sheetId,
    name,
    values: [],
    numberFormats: [],
    formulas: {},
    styles: [],
    columnWidths: {},
    maxRows: rows,
    maxColumns: columns,
    frozenRows: 0,
    frozenColumns: 0,
    hidden: false,
    protections: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

export const MAX_COLUMNS = 18_278;

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

export class Workbook {
  constructor(
    readonly session: SpreadsheetSession,
    readonly id: string,
  ) {}

  get ctx(): ExecutionContext {
    return this.session.ctx;
  }

  state(): SpreadsheetState {
    return this.ctx.state.spreadsheets[this.id] ?? fail(googleErrors.spreadsheetNotFound(this.id));
  }

  sheetState(sheetId: number): GridSheet {
    return gridSheet(this.state().sheets.find((s) => s.sheetId === sheetId) ?? fail(googleErrors.sheetNotFound()));
  }

  entry(): Entry {
    const book = this.state();
    return { locale: book.locale, timeZone: book.timeZone, currentYear: wallClockOf(this.ctx.now(), book.timeZone).year };
  }

  spreadsheet(): Spreadsheet {
    return new Spreadsheet(this);
  }

  sheet(sheetId: number): Sheet {
    return new Sheet(this, sheetId);
  }

  range(sheetId: number, grid: GridRange): Range {
    return new Range(this, sheetId, { ...grid });
  }

  activeSheetId(): number {
    const sheets = this.state().sheets;
    const chosen = this.session.activeSheets.get(this.id);
    const active = sheets.find((s) => s.sheetId === chosen) ?? sheets.find((s) => !s.hidden) ?? sheets[0]!;
    return active.sheetId;
  }

  activate(sheetId: number): void {
    this.session.activeSheets.set(this.id, sheetId);
  }

  /** Sheets' limits: 10 million cells per spreadsheet, over every sheet's grid; 18,278 columns (ZZZ) per sheet. */
  ensureRoomFor(extraCells: number, columnsAfter = 0): void {
    if (columnsAfter > MAX_COLUMNS) fail(googleErrors.columnLimit(MAX_COLUMNS));
    const used = this.state().sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
    const limit = this.ctx.quotas.cellsPerSpreadsheet;
    if (used + extraCells > limit) fail(googleErrors.cellLimit(limit));
  }

  /** A range on `sheet` by 1-based coordinates, with Google's checks in Google's order. */
  grid(sheet: GridSheet, row: unknown, column: unknown, numRows: unknown = 1, numColumns: unknown = 1): GridRange {
    if (![row, column, numRows, numColumns].every(isCount)) fail(googleErrors.invalidCoordinates());
    const g = { row, column, numRows, numColumns } as GridRange;
    if (g.row < 1) fail(googleErrors.startingRowTooSmall());
    if (g.column < 1) fail(googleErrors.startingColumnTooSmall());
    if (g.numRows < 1) fail(googleErrors.rowsAtLeastOne());
    if (g.numColumns < 1) fail(googleErrors.columnsAtLeastOne());
    if (g.row + g.numRows - 1 > sheet.maxRows) fail(googleErrors.rowsOutOfBounds());
    if (g.column + g.numColumns - 1 > sheet.maxColumns) fail(googleErrors.columnsOutOfBounds());
    return g;
  }

  /** 'A1:B2' or 'Sheet!A1:B2'; without a sheet name the range is on `defaultSheetId`. */
  a1Range(a1: unknown, defaultSheetId: number): Range {
    if (typeof a1 !== 'string') fail(googleErrors.rangeNotFound(String(a1)));
    const parsed = parseA1(a1);
    if (!parsed) fail(googleErrors.rangeNotFound(a1));
    const named = parsed.sheetName === null ? null : this.state().sheets.find((s) => s.name === parsed.sheetName);
    if (named === undefined) fail(googleErrors.rangeNotFound(a1));
    const sheet = this.sheetState(named?.sheetId ?? defaultSheetId);
    const g = parsed.resolve(sheet.maxRows, sheet.maxColumns);
    return this.range(sheet.sheetId, this.grid(sheet, g.row, g.column, g.numRows, g.numColumns));
  }
}
