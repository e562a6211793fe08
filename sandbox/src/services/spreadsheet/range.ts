import type { CellValue, GridRange } from '../../workspace';
import type { Sheet } from './sheet';
import { googleErrors, fail } from '../../google-errors';
import { touchDriveItem } from '../drive-items';
import { a1Of } from './a1-notation';
import { displayOf } from './cell-values';
import {
  checkCellValue,
  clearFormats,
  clearValues,
  contains,
  formatAt,
  formulaKey,
  intersects,
  readValues,
  type GridSheet,
  setFormatAt,
  subtract,
  within,
  writeValues,
} from './grid';
import { rangeHandles, type RangeHandle } from './handles';
import { checkEditable, newProtectionState, Protection } from './protection';
import { DataValidation, DataValidationBuilder, validationState } from './rules';
import { TextFinder } from './text-finder';

// developers.google.com/apps-script/reference/spreadsheet/range. A Range is a rectangle of one sheet,
// 1-based. Reads hand out fresh arrays (and fresh Dates); writes behave like typing (cell-values.ts).
// Every read and write is metered in cells, as the benchmarks count them.

const STYLE_DEFAULTS: Record<string, string | number | boolean | null> = {
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrap: true,
};

const HORIZONTAL = ['left', 'center', 'normal', 'right', 'general', 'general-left', 'general-right'];
const VERTICAL = ['top', 'middle', 'bottom'];

export class Range {
  #h: RangeHandle;

  constructor(book: RangeHandle['book'], sheetId: number, grid: GridRange) {
    this.#h = { book, sheetId, grid };
    rangeHandles.set(this, this.#h);
  }

  get #g(): GridRange {
    return this.#h.grid;
  }

  #sheet(): GridSheet {
    return this.#h.book.sheetState(this.#h.sheetId);
  }

  #cells(): number {
    return this.#g.numRows * this.#g.numColumns;
  }

  #read(cells: number): void {
    this.#h.book.ctx.meter.cellsRead += cells;
  }

  /** Protected cells refuse a change by someone who may not edit them (see protection.ts). */
  #editing(): GridSheet {
    checkEditable(this.#h.book, this.#h.sheetId, this.#g);
    return this.#sheet();
  }

  #written(cells: number): void {
    this.#h.book.ctx.meter.cellsWritten += cells;
    touchDriveItem(this.#h.book.ctx, this.#h.book.id);
  }

  /** Google's shape checks for a 2-D argument: rows first, then each row's length. */
  #checkShape(data: unknown, method: string): readonly (readonly unknown[])[] {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) fail(googleErrors.signatureMismatch([data], method));
    const rows = data as unknown[][];
    if (rows.length !== this.#g.numRows) fail(googleErrors.rowsMismatch(rows.length, this.#g.numRows));
    for (const row of rows) if (row.length !== this.#g.numColumns) fail(googleErrors.columnsMismatch(row.length, this.#g.numColumns));
    return rows;
  }

  // ---- where ---------------------------------------------------------------------------------

  getRow(): number {
    return this.#g.row;
  }

  getColumn(): number {
    return this.#g.column;
  }

  getNumRows(): number {
    return this.#g.numRows;
  }

  getNumColumns(): number {
    return this.#g.numColumns;
  }

  getHeight(): number {
    return this.#g.numRows;
  }

  getWidth(): number {
    return this.#g.numColumns;
  }

  /** The range's own last row and column (not the data's). */
  getLastRow(): number {
    return this.#g.row + this.#g.numRows - 1;
  }

  getLastColumn(): number {
    return this.#g.column + this.#g.numColumns - 1;
  }

  getA1Notation(): string {
    return a1Of(this.#g);
  }

  getGridId(): number {
    return this.#h.sheetId;
  }

  getSheet(): Sheet {
    this.#sheet();
    return this.#h.book.sheet(this.#h.sheetId);
  }

  offset(rowOffset: unknown, columnOffset: unknown, numRows?: unknown, numColumns?: unknown): Range {
    if (typeof rowOffset !== 'number' || typeof columnOffset !== 'number') fail(googleErrors.invalidCoordinates());
    const g = this.#h.book.grid(this.#sheet(), this.#g.row + rowOffset, this.#g.column + columnOffset, numRows ?? this.#g.numRows, numColumns ?? this.#g.numColumns);
    return new Range(this.#h.book, this.#h.sheetId, g);
  }

  /** row and column relative to the range, 1-based. */
  getCell(row: unknown, column: unknown): Range {
    if (typeof row !== 'number' || typeof column !== 'number' || !Number.isInteger(row) || !Number.isInteger(column)) fail(googleErrors.invalidCoordinates());
    if (row < 1 || column < 1 || row > this.#g.numRows || column > this.#g.numColumns) fail(googleErrors.cellReferenceOutOfRange());
    return new Range(this.#h.book, this.#h.sheetId, { row: this.#g.row + row - 1, column: this.#g.column + column - 1, numRows: 1, numColumns: 1 });
  }

  activate(): this {
    this.#sheet();
    this.#h.book.activate(this.#h.sheetId);
    return this;
  }

  // ---- values --------------------------------------------------------------------------------

  getValue(): CellValue {
    this.#read(1);
    return readValues(this.#sheet(), { ...this.#g, numRows: 1, numColumns: 1 })[0]![0]!;
  }

  getValues(): CellValue[][] {
    this.#read(this.#cells());
    return readValues(this.#sheet(), this.#g);
  }

  getDisplayValue(): string {
    return this.#displayValues({ ...this.#g, numRows: 1, numColumns: 1 })[0]![0]!;
  }

  getDisplayValues(): string[][] {
    return this.#displayValues(this.#g);
  }

  #displayValues(g: GridRange): string[][] {
    this.#read(g.numRows * g.numColumns);
    const sheet = this.#sheet();
    const timeZone = this.#h.book.state().timeZone;
    return readValues(sheet, g).map((row, i) => row.map((value, j) => displayOf(value, formatAt(sheet, g.row + i, g.column + j), timeZone)));
  }

  isBlank(): boolean {
    const sheet = this.#sheet();
    for (const key in sheet.formulas) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      if (contains(this.#g, r, c)) return false;
    }
    return readValues(sheet, this.#g).every((row) => row.every((v) => v === ''));
  }

  /** Sets every cell of the range to `value`. */
  setValue(value: unknown): this {
    checkCellValue(value);
    const row = new Array<unknown>(this.#g.numColumns).fill(value);
    const data = Array.from({ length: this.#g.numRows }, () => row);
    writeValues(this.#editing(), this.#g, data, this.#h.book.entry());
    this.#written(this.#cells());
    return this;
  }

  setValues(values: unknown): this {
    const data = this.#checkShape(values, 'SpreadsheetApp.Range.setValues');
    for (const row of data) for (const v of row) checkCellValue(v);
    writeValues(this.#editing(), this.#g, data, this.#h.book.entry());
    this.#written(this.#cells());
    return this;
  }

  // ---- formulas ------------------------------------------------------------------------------

  getFormula(): string {
    this.#read(1);
    return this.#sheet().formulas[formulaKey(this.#g.row, this.#g.column)] ?? '';
  }

  getFormulas(): string[][] {
    this.#read(this.#cells());
    const formulas = this.#sheet().formulas;
    return Array.from({ length: this.#g.numRows }, (_, i) =>
      Array.from({ length: this.#g.numColumns }, (_, j) => formulas[formulaKey(this.#g.row + i, this.#g.column + j)] ?? ''),
    );
  }

  setFormula(formula: unknown): this {
    if (typeof formula !== 'string') fail(googleErrors.signatureMismatch([formula], 'SpreadsheetApp.Range.setFormula'));
    checkCellValue(formula);
    const data = Array.from({ length: this.#g.numRows }, () => new Array<string>(this.#g.numColumns).fill(formula));
    writeValues(this.#editing(), this.#g, data, this.#h.book.entry(), true);
    this.#written(this.#cells());
    return this;
  }

  setFormulas(formulas: unknown): this {
    const data = this.#checkShape(formulas, 'SpreadsheetApp.Range.setFormulas');
    for (const row of data) for (const f of row) {
      if (typeof f !== 'string') fail(googleErrors.signatureMismatch([formulas], 'SpreadsheetApp.Range.setFormulas'));
      checkCellValue(f);
    }
    writeValues(this.#editing(), this.#g, data, this.#h.book.entry(), true);
    this.#written(this.#cells());
    return this;
  }

  // ---- number formats ------------------------------------------------------------------------

  getNumberFormat(): string {
    return formatAt(this.#sheet(), this.#g.row, this.#g.column);
  }

  getNumberFormats(): string[][] {
    const sheet = this.#sheet();
    return Array.from({ length: this.#g.numRows }, (_, i) =>
      Array.from({ length: this.#g.numColumns }, (_, j) => formatAt(sheet, this.#g.row + i, this.#g.column + j)),
    );
  }

  /** '@' is plain text: later writes keep strings as typed (values already there are not converted). */
  setNumberFormat(numberFormat: unknown): this {
    if (typeof numberFormat !== 'string') fail(googleErrors.signatureMismatch([numberFormat], 'SpreadsheetApp.Range.setNumberFormat'));
    const sheet = this.#editing();
    for (let r = this.#g.row; r < this.#g.row + this.#g.numRows; r++) {
      for (let c = this.#g.column; c < this.#g.column + this.#g.numColumns; c++) setFormatAt(sheet, r, c, numberFormat);
    }
    return this;
  }

  setNumberFormats(numberFormats: unknown): this {
    const data = this.#checkShape(numberFormats, 'SpreadsheetApp.Range.setNumberFormats');
    if (!data.every((row) => row.every((f) => typeof f === 'string'))) fail(googleErrors.signatureMismatch([numberFormats], 'SpreadsheetApp.Range.setNumberFormats'));
    const sheet = this.#editing();
    data.forEach((row, i) => row.forEach((f, j) => setFormatAt(sheet, this.#g.row + i, this.#g.column + j, f as string)));
    return this;
  }

  // ---- clearing ------------------------------------------------------------------------------

  /** Contents and formats (developers.google.com/apps-script/reference/spreadsheet/range#clear); options narrow it. */
  clear(options?: unknown): this {
    const o = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
    const only = o.contentsOnly === true || o.formatOnly === true || o.validationsOnly === true || o.commentsOnly === true;
    const sheet = this.#editing();
    if (!only || o.contentsOnly === true) clearValues(sheet, this.#g);
    if (!only || o.formatOnly === true) clearFormats(sheet, this.#g);
    if (o.validationsOnly === true) this.#removeValidations(sheet);
    return this;
  }

  clearContent(): this {
    clearValues(this.#editing(), this.#g);
    return this;
  }

  clearFormat(): this {
    clearFormats(this.#editing(), this.#g);
    return this;
  }

  // ---- data validation -----------------------------------------------------------------------

  #removeValidations(sheet: GridSheet): void {
    sheet.validations = sheet.validations.flatMap((v) => subtract(v.range, this.#g).map((range) => ({ ...v, range })));
  }

  /** Each cell has at most one rule: a new rule replaces the old ones where they overlap; null removes. */
  setDataValidation(rule: unknown): this {
    const sheet = this.#editing();
    const state = rule === null ? null : validationState(rule, this.#g, 'SpreadsheetApp.Range.setDataValidation');
    this.#removeValidations(sheet);
    if (state) sheet.validations.push(state);
    return this;
  }

  setDataValidations(rules: unknown): this {
    const data = this.#checkShape(rules, 'SpreadsheetApp.Range.setDataValidations');
    const states = data.flatMap((row, i) =>
      row.flatMap((rule, j) =>
        rule === null
          ? []
          : [validationState(rule, { row: this.#g.row + i, column: this.#g.column + j, numRows: 1, numColumns: 1 }, 'SpreadsheetApp.Range.setDataValidations')],
      ),
    );
    const sheet = this.#editing();
    this.#removeValidations(sheet);
    sheet.validations.push(...states);
    return this;
  }

  clearDataValidations(): this {
    this.#removeValidations(this.#editing());
    return this;
  }

  #validationAt(sheet: GridSheet, row: number, column: number): DataValidation | null {
    const state = sheet.validations.find((v) => contains(v.range, row, column));
    if (!state) return null;
    const { range: _range, ...spec } = state;
    return new DataValidation(spec, this.#h.book);
  }

  getDataValidation(): DataValidation | null {
    return this.#validationAt(this.#sheet(), this.#g.row, this.#g.column);
  }

  getDataValidations(): (DataValidation | null)[][] {
    const sheet = this.#sheet();
    return Array.from({ length: this.#g.numRows }, (_, i) =>
      Array.from({ length: this.#g.numColumns }, (_, j) => this.#validationAt(sheet, this.#g.row + i, this.#g.column + j)),
    );
  }

  /** Checkbox validation on every cell, and every cell set to false (unchecked). */
  insertCheckboxes(): this {
    this.setDataValidation(new DataValidationBuilder().requireCheckbox().build());
    return this.setValue(false);
  }

  // ---- cell formatting (recorded, not rendered) ------------------------------------------------

  #style(property: string, value: string | number | boolean | null): this {
    const sheet = this.#editing();
    sheet.styles = sheet.styles.filter((s) => !(s.property === property && within(s.range, this.#g)));
    sheet.styles.push({ range: { ...this.#g }, property, value });
    return this;
  }

  #styleAt(property: string): string | number | boolean | null {
    const sheet = this.#sheet();
    for (let i = sheet.styles.length - 1; i >= 0; i--) {
      const s = sheet.styles[i]!;
      if (s.property === property && contains(s.range, this.#g.row, this.#g.column)) return s.value ?? STYLE_DEFAULTS[property]!;
    }
    return STYLE_DEFAULTS[property]!;
  }

  #text(value: unknown, method: string, allowed?: string[]): string | null {
    if (value !== null && typeof value !== 'string') fail(googleErrors.signatureMismatch([value], `SpreadsheetApp.Range.${method}`));
    if (allowed && value !== null && !allowed.includes(value.toLowerCase())) fail(googleErrors.invalidArgument(method.replace(/^set/, '').toLowerCase()));
    return value;
  }

  setBackground(color: unknown): this {
    return this.#style('background', this.#text(color, 'setBackground'));
  }

  getBackground(): string {
    return String(this.#styleAt('background'));
  }

  /**
   * One call for a grid of styles shaped like the range, as setBackgrounds and setFontWeights take them
   * (reference/spreadsheet/range#setbackgroundscolor, #setfontweightsfontweights): null resets a cell to
   * the default. Stored as runs of equal values along each row, so a whole tab's colours stay small.
   */
  #styles(property: string, grid: unknown, method: string, allowed?: string[]): this {
    const data = this.#checkShape(grid, `SpreadsheetApp.Range.${method}`);
    const values = data.map((row) => row.map((value) => this.#text(value, method, allowed)));
    const sheet = this.#editing();
    sheet.styles = sheet.styles.filter((s) => !(s.property === property && within(s.range, this.#g)));
    // A reset only needs recording where an older, wider style of the property still reaches.
    const overlapped = sheet.styles.some((s) => s.property === property && intersects(s.range, this.#g));
    values.forEach((row, i) => {
      let start = 0;
      for (let j = 1; j <= row.length; j++) {
        if (j < row.length && row[j] === row[start]) continue;
        const value = row[start]!;
        if (value !== null || overlapped) {
          sheet.styles.push({ range: { row: this.#g.row + i, column: this.#g.column + start, numRows: 1, numColumns: j - start }, property, value });
        }
        start = j;
      }
    });
    return this;
  }

  #stylesAt(property: string): string[][] {
    return Array.from({ length: this.#g.numRows }, (_, i) =>
      Array.from({ length: this.#g.numColumns }, (_, j) => String(this.getCell(i + 1, j + 1).#styleAt(property))),
    );
  }

  setBackgrounds(color: unknown): this {
    return this.#styles('background', color, 'setBackgrounds');
  }

  getBackgrounds(): string[][] {
    return this.#stylesAt('background');
  }

  setFontColor(color: unknown): this {
    return this.#style('fontColor', this.#text(color, 'setFontColor'));
  }

  getFontColor(): string {
    return String(this.#styleAt('fontColor'));
  }

  setFontWeight(fontWeight: unknown): this {
    return this.#style('fontWeight', this.#text(fontWeight, 'setFontWeight', ['bold', 'normal']));
  }

  getFontWeight(): string {
    return String(this.#styleAt('fontWeight'));
  }

  setFontWeights(fontWeights: unknown): this {
    return this.#styles('fontWeight', fontWeights, 'setFontWeights', ['bold', 'normal']);
  }

  getFontWeights(): string[][] {
    return this.#stylesAt('fontWeight');
  }

  setFontStyle(fontStyle: unknown): this {
    return this.#style('fontStyle', this.#text(fontStyle, 'setFontStyle', ['italic', 'normal']));
  }

  setFontSize(size: unknown): this {
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) fail(googleErrors.signatureMismatch([size], 'SpreadsheetApp.Range.setFontSize'));
    return this.#style('fontSize', size);
  }

  setFontFamily(fontFamily: unknown): this {
    return this.#style('fontFamily', this.#text(fontFamily, 'setFontFamily'));
  }

  setHorizontalAlignment(alignment: unknown): this {
    return this.#style('horizontalAlignment', this.#text(alignment, 'setHorizontalAlignment', HORIZONTAL));
  }

  getHorizontalAlignment(): string {
    return String(this.#styleAt('horizontalAlignment'));
  }

  setVerticalAlignment(alignment: unknown): this {
    return this.#style('verticalAlignment', this.#text(alignment, 'setVerticalAlignment', VERTICAL));
  }

  setWrap(isWrapEnabled: unknown): this {
    if (typeof isWrapEnabled !== 'boolean') fail(googleErrors.signatureMismatch([isWrapEnabled], 'SpreadsheetApp.Range.setWrap'));
    return this.#style('wrap', isWrapEnabled);
  }

  getWrap(): boolean {
    return this.#styleAt('wrap') === true;
  }

  // ---- protection and search -----------------------------------------------------------------

  /** A new range protection each call (unlike Sheet.protect, which returns the existing one). */
  protect(): Protection {
    const sheet = this.#sheet();
    const state = newProtectionState(this.#h.book, this.#g);
    sheet.protections.push(state);
    return new Protection(this.#h.book, this.#h.sheetId, state.id);
  }

  createTextFinder(findText: unknown): TextFinder {
    this.#sheet();
    return new TextFinder(this.#h.book, [{ sheetId: this.#h.sheetId, grid: { ...this.#g } }], findText);
  }
}
