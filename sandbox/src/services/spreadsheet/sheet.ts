import { googleErrors, fail } from '../../google-errors';
import type { CellValue } from '../../workspace';
import type { Spreadsheet } from './spreadsheet';
import { touchDriveItem } from '../drive-items';
import { parseA1 } from './a1-notation';
import { chartIdOf, chartState, EmbeddedChart, EmbeddedChartBuilder } from './charts';
import { checkCellValue, clearFormats, clearValues, deleteLines, insertLines, lastColumnOf, lastRowOf, writeValues, type Dimension, type GridSheet } from './grid';
import { sheetHandles } from './handles';
import { checkEditable, checkInsertable, linesOf, newProtectionState, Protection, ProtectionType } from './protection';
import type { Range } from './range';
import { ConditionalFormatRule, conditionalFormatState } from './rules';
import { TextFinder } from './text-finder';
import type { Workbook } from './workbook';

// developers.google.com/apps-script/reference/spreadsheet/sheet. The grid has a fixed size
// (maxRows × maxColumns): ranges beyond it are out of bounds, and only insertRows…/insertColumns… and
// appendRow grow it, within the 10,000,000-cell limit of the whole spreadsheet.

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

export class Sheet {
  #book: Workbook;
  #sheetId: number;

  constructor(book: Workbook, sheetId: number) {
    this.#book = book;
    this.#sheetId = sheetId;
    sheetHandles.set(this, { book, sheetId });
  }

  #state(): GridSheet {
    return this.#book.sheetState(this.#sheetId);
  }

  #changed(): void {
    touchDriveItem(this.#book.ctx, this.#book.id);
  }

  /** The sheet itself (name, panes, widths, visibility, charts, conditional formats), checked against its protection. */
  #editingSheet(): GridSheet {
    checkEditable(this.#book, this.#sheetId, null);
    return this.#state();
  }

  getName(): string {
    return this.#state().name;
  }

  /** Sheet names are unique regardless of case ('hours' clashes with 'Hours'). */
  setName(name: unknown): this {
    if (typeof name !== 'string') fail(googleErrors.signatureMismatch([name], 'SpreadsheetApp.Sheet.setName'));
    if (name.trim() === '') fail(googleErrors.invalidArgument('name'));
    const clash = this.#book.state().sheets.find((s) => s.sheetId !== this.#sheetId && s.name.toLowerCase() === name.toLowerCase());
    if (clash) fail(googleErrors.sheetNameTaken(name));
    this.#editingSheet().name = name;
    this.#changed();
    return this;
  }

  getSheetId(): number {
    return this.#sheetId;
  }

  /** 1-based position among the spreadsheet's sheets. */
  getIndex(): number {
    this.#state();
    return this.#book.state().sheets.findIndex((s) => s.sheetId === this.#sheetId) + 1;
  }

  getParent(): Spreadsheet {
    return this.#book.spreadsheet();
  }

  getType(): string {
    return 'GRID';
  }

  activate(): this {
    this.#state();
    this.#book.activate(this.#sheetId);
    return this;
  }

  // ---- ranges ----------------------------------------------------------------------------------

  /** getRange(a1Notation) · getRange(row, column) · getRange(row, column, numRows) · getRange(row, column, numRows, numColumns) */
  getRange(...args: unknown[]): Range {
    const sheet = this.#state();
    const [first] = args;
    if (typeof first === 'string') {
      if (args.length !== 1) fail(googleErrors.signatureMismatch(args, 'SpreadsheetApp.Sheet.getRange'));
      const parsed = parseA1(first);
      if (parsed && parsed.sheetName !== null && parsed.sheetName !== sheet.name) fail(googleErrors.rangeNotFound(first));
      return this.#book.a1Range(first, this.#sheetId);
    }
    if (args.length < 2 || args.length > 4 || !args.every((a) => typeof a === 'number')) fail(googleErrors.signatureMismatch(args, 'SpreadsheetApp.Sheet.getRange'));
    const [row, column, numRows, numColumns] = args as number[];
    return this.#book.range(this.#sheetId, this.#book.grid(sheet, row, column, numRows ?? 1, numColumns ?? 1));
  }

  /** A1 to the last row and column with content; A1 alone on an empty sheet. */
  getDataRange(): Range {
    const sheet = this.#state();
    return this.#book.range(this.#sheetId, { row: 1, column: 1, numRows: Math.max(1, lastRowOf(sheet)), numColumns: Math.max(1, lastColumnOf(sheet)) });
  }

  /** A -1 count means "to the last row (column) with content". */
  getSheetValues(startRow: unknown, startColumn: unknown, numRows: unknown, numColumns: unknown): CellValue[][] {
    const sheet = this.#state();
    const rows = numRows === -1 && isCount(startRow) ? lastRowOf(sheet) - startRow + 1 : numRows;
    const columns = numColumns === -1 && isCount(startColumn) ? lastColumnOf(sheet) - startColumn + 1 : numColumns;
    return this.#book.range(this.#sheetId, this.#book.grid(sheet, startRow, startColumn, rows, columns)).getValues();
  }

  getLastRow(): number {
    return lastRowOf(this.#state());
  }

  getLastColumn(): number {
    return lastColumnOf(this.#state());
  }

  getMaxRows(): number {
    return this.#state().maxRows;
  }

  getMaxColumns(): number {
    return this.#state().maxColumns;
  }

  // ---- rows and columns ------------------------------------------------------------------------

  /**
   * Writes after the last row with content, typed like setValues; adds a row to the grid when the
   * sheet is full (developers.google.com/apps-script/reference/spreadsheet/sheet#appendrowrowcontents).
   */
  appendRow(rowContents: unknown): this {
    if (!Array.isArray(rowContents)) fail(googleErrors.signatureMismatch([rowContents], 'SpreadsheetApp.Sheet.appendRow'));
    const sheet = this.#state();
    if (rowContents.length === 0) fail(googleErrors.columnsAtLeastOne());
    if (rowContents.length > sheet.maxColumns) fail(googleErrors.columnsOutOfBounds());
    for (const v of rowContents) checkCellValue(v);
    const row = lastRowOf(sheet) + 1;
    const written = { row, column: 1, numRows: 1, numColumns: rowContents.length };
    if (row <= sheet.maxRows) checkEditable(this.#book, this.#sheetId, written);
    else checkInsertable(this.#book, this.#sheetId, 'rows', row);
    if (row > sheet.maxRows) {
      this.#book.ensureRoomFor(sheet.maxColumns);
      insertLines(sheet, 'rows', sheet.maxRows + 1, 1);
    }
    writeValues(sheet, written, [rowContents], this.#book.entry());
    this.#book.ctx.meter.cellsWritten += rowContents.length;
    this.#changed();
    return this;
  }

  #insert(dimension: Dimension, at: number, count: unknown, method: string): this {
    if (!isCount(count)) fail(googleErrors.signatureMismatch([at, count], method));
    if (count < 1) fail(googleErrors.invalidArgument('howMany'));
    const sheet = this.#state();
    const max = dimension === 'rows' ? sheet.maxRows : sheet.maxColumns;
    if (at < 1 || at > max + 1) fail(dimension === 'rows' ? googleErrors.rowsOutOfBounds() : googleErrors.columnsOutOfBounds());
    checkInsertable(this.#book, this.#sheetId, dimension, at);
    if (dimension === 'rows') this.#book.ensureRoomFor(count * sheet.maxColumns);
    else this.#book.ensureRoomFor(count * sheet.maxRows, sheet.maxColumns + count);
    insertLines(sheet, dimension, at, count);
    this.#changed();
    return this;
  }

  #position(value: unknown, method: string, ...rest: unknown[]): number {
    if (!isCount(value)) fail(googleErrors.signatureMismatch([value, ...rest], method));
    return value;
  }

  #within(dimension: Dimension, position: number): number {
    const sheet = this.#state();
    const max = dimension === 'rows' ? sheet.maxRows : sheet.maxColumns;
    if (position < 1 || position > max) fail(dimension === 'rows' ? googleErrors.rowsOutOfBounds() : googleErrors.columnsOutOfBounds());
    return position;
  }

  insertRowsAfter(afterPosition: unknown, howMany: unknown): this {
    const after = this.#within('rows', this.#position(afterPosition, 'SpreadsheetApp.Sheet.insertRowsAfter', howMany));
    return this.#insert('rows', after + 1, howMany, 'SpreadsheetApp.Sheet.insertRowsAfter');
  }

  insertRowAfter(afterPosition: unknown): this {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowsBefore(beforePosition: unknown, howMany: unknown): this {
    const before = this.#within('rows', this.#position(beforePosition, 'SpreadsheetApp.Sheet.insertRowsBefore', howMany));
    return this.#insert('rows', before, howMany, 'SpreadsheetApp.Sheet.insertRowsBefore');
  }

  insertRowBefore(beforePosition: unknown): this {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertColumnsAfter(afterPosition: unknown, howMany: unknown): this {
    const after = this.#within('columns', this.#position(afterPosition, 'SpreadsheetApp.Sheet.insertColumnsAfter', howMany));
    return this.#insert('columns', after + 1, howMany, 'SpreadsheetApp.Sheet.insertColumnsAfter');
  }

  insertColumnAfter(afterPosition: unknown): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumnsBefore(beforePosition: unknown, howMany: unknown): this {
    const before = this.#within('columns', this.#position(beforePosition, 'SpreadsheetApp.Sheet.insertColumnsBefore', howMany));
    return this.#insert('columns', before, howMany, 'SpreadsheetApp.Sheet.insertColumnsBefore');
  }

  insertColumnBefore(beforePosition: unknown): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  #delete(dimension: Dimension, position: unknown, howMany: unknown, method: string): this {
    const at = this.#position(position, method, howMany);
    const count = this.#position(howMany, method, position);
    const sheet = this.#state();
    const [max, frozen] = dimension === 'rows' ? [sheet.maxRows, sheet.frozenRows] : [sheet.maxColumns, sheet.frozenColumns];
    const outOfBounds = dimension === 'rows' ? googleErrors.rowsOutOfBounds() : googleErrors.columnsOutOfBounds();
    if (count < 1) fail(googleErrors.invalidArgument('howMany'));
    if (at < 1 || at + count - 1 > max) fail(outOfBounds);
    const frozenDeleted = Math.max(0, Math.min(frozen, at + count - 1) - at + 1);
    if (max - count - (frozen - frozenDeleted) <= 0) {
      fail(dimension === 'rows' ? googleErrors.deleteAllNonFrozenRows() : googleErrors.deleteAllNonFrozenColumns());
    }
    checkEditable(this.#book, this.#sheetId, linesOf(sheet, dimension, at, count));
    deleteLines(sheet, dimension, at, count);
    this.#changed();
    return this;
  }

  deleteRow(rowPosition: unknown): this {
    return this.#delete('rows', rowPosition, 1, 'SpreadsheetApp.Sheet.deleteRow');
  }

  deleteRows(rowPosition: unknown, howMany: unknown): this {
    return this.#delete('rows', rowPosition, howMany, 'SpreadsheetApp.Sheet.deleteRows');
  }

  deleteColumn(columnPosition: unknown): this {
    return this.#delete('columns', columnPosition, 1, 'SpreadsheetApp.Sheet.deleteColumn');
  }

  deleteColumns(columnPosition: unknown, howMany: unknown): this {
    return this.#delete('columns', columnPosition, howMany, 'SpreadsheetApp.Sheet.deleteColumns');
  }

  // ---- clearing --------------------------------------------------------------------------------

  #whole(sheet: GridSheet) {
    return { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
  }

  /** Contents and formats; { contentsOnly: true } or { formatOnly: true } narrow it. */
  clear(options?: unknown): this {
    const o = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
    const sheet = this.#state();
    checkEditable(this.#book, this.#sheetId, this.#whole(sheet));
    const only = o.contentsOnly === true || o.formatOnly === true;
    if (!only || o.contentsOnly === true) clearValues(sheet, this.#whole(sheet));
    if (!only || o.formatOnly === true) clearFormats(sheet, this.#whole(sheet));
    this.#changed();
    return this;
  }

  clearContents(): this {
    return this.clear({ contentsOnly: true });
  }

  clearFormats(): this {
    return this.clear({ formatOnly: true });
  }

  // ---- frozen panes, visibility, sizes ---------------------------------------------------------

  setFrozenRows(rows: unknown): void {
    const n = this.#position(rows, 'SpreadsheetApp.Sheet.setFrozenRows');
    const sheet = this.#editingSheet();
    if (n < 0) fail(googleErrors.invalidArgument('rows'));
    if (n >= sheet.maxRows) fail(googleErrors.freezeAllRows());
    sheet.frozenRows = n;
  }

  getFrozenRows(): number {
    return this.#state().frozenRows;
  }

  setFrozenColumns(columns: unknown): void {
    const n = this.#position(columns, 'SpreadsheetApp.Sheet.setFrozenColumns');
    const sheet = this.#editingSheet();
    if (n < 0) fail(googleErrors.invalidArgument('columns'));
    if (n >= sheet.maxColumns) fail(googleErrors.freezeAllColumns());
    sheet.frozenColumns = n;
  }

  getFrozenColumns(): number {
    return this.#state().frozenColumns;
  }

  hideSheet(): this {
    const sheets = this.#book.state().sheets;
    this.#state();
    if (!sheets.some((s) => s.sheetId !== this.#sheetId && !s.hidden)) fail(googleErrors.hideAllSheets());
    this.#editingSheet().hidden = true;
    return this;
  }

  showSheet(): this {
    this.#editingSheet().hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.#state().hidden;
  }

  setColumnWidth(columnPosition: unknown, width: unknown): this {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown): this {
    const method = 'SpreadsheetApp.Sheet.setColumnWidths';
    if (![startColumn, numColumns, width].every(isCount)) fail(googleErrors.signatureMismatch([startColumn, numColumns, width], method));
    const [start, count, pixels] = [startColumn, numColumns, width] as number[];
    const sheet = this.#editingSheet();
    this.#book.grid(sheet, 1, start, 1, count);
    if (pixels! < 0) fail(googleErrors.invalidArgument('width'));
    for (let c = start!; c < start! + count!; c++) sheet.columnWidths[c] = pixels!;
    return this;
  }

  getColumnWidth(columnPosition: unknown): number {
    const c = this.#within('columns', this.#position(columnPosition, 'SpreadsheetApp.Sheet.getColumnWidth'));
    return this.#state().columnWidths[c] ?? 100;
  }

  /** Fitting columns to their text needs a renderer; the call is checked and otherwise changes nothing. */
  autoResizeColumns(startColumn: unknown, numColumns: unknown): this {
    if (!isCount(startColumn) || !isCount(numColumns)) fail(googleErrors.signatureMismatch([startColumn, numColumns], 'SpreadsheetApp.Sheet.autoResizeColumns'));
    this.#book.grid(this.#editingSheet(), 1, startColumn, 1, numColumns);
    return this;
  }

  autoResizeColumn(columnPosition: unknown): this {
    return this.autoResizeColumns(columnPosition, 1);
  }

  // ---- protection --------------------------------------------------------------------------------

  /** The sheet's protection: the existing one if the sheet is already protected. */
  protect(): Protection {
    const sheet = this.#state();
    let state = sheet.protections.find((p) => p.range === null);
    if (!state) {
      state = newProtectionState(this.#book, null);
      sheet.protections.push(state);
    }
    return new Protection(this.#book, this.#sheetId, state.id);
  }

  getProtections(type: unknown): Protection[] {
    if (type !== ProtectionType.RANGE && type !== ProtectionType.SHEET) fail(googleErrors.signatureMismatch([type], 'SpreadsheetApp.Sheet.getProtections'));
    return this.#state()
      .protections.filter((p) => (p.range === null) === (type === ProtectionType.SHEET))
      .map((p) => new Protection(this.#book, this.#sheetId, p.id));
  }

  // ---- conditional formats and charts ------------------------------------------------------------

  setConditionalFormatRules(rules: unknown): void {
    const method = 'SpreadsheetApp.Sheet.setConditionalFormatRules';
    if (!Array.isArray(rules)) fail(googleErrors.signatureMismatch([rules], method));
    const states = rules.map((rule) => conditionalFormatState(rule, this.#sheetId, method));
    this.#editingSheet().conditionalFormats = states;
  }

  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this.#state().conditionalFormats.map((state) => ConditionalFormatRule.fromState(state, this.#book, this.#sheetId));
  }

  clearConditionalFormatRules(): void {
    this.#editingSheet().conditionalFormats = [];
  }

  newChart(): EmbeddedChartBuilder {
    this.#state();
    return new EmbeddedChartBuilder(this.#book, this.#sheetId);
  }

  insertChart(chart: unknown): void {
    const method = 'SpreadsheetApp.Sheet.insertChart';
    chartIdOf(chart, method);
    const used = this.#book.state().sheets.flatMap((s) => s.charts.map((c) => c.id));
    const id = Math.max(0, ...used) + 1;
    this.#editingSheet().charts.push(chartState(chart, this.#book, this.#sheetId, id, method));
  }

  getCharts(): EmbeddedChart[] {
    return this.#state().charts.map((state) => EmbeddedChart.fromState(this.#book, this.#sheetId, state));
  }

  updateChart(chart: unknown): void {
    const method = 'SpreadsheetApp.Sheet.updateChart';
    const id = chartIdOf(chart, method);
    const sheet = this.#editingSheet();
    const index = sheet.charts.findIndex((c) => c.id === id);
    if (id === null || index < 0) fail(googleErrors.chartNotFound());
    sheet.charts[index] = chartState(chart, this.#book, this.#sheetId, id, method);
  }

  removeChart(chart: unknown): void {
    const id = chartIdOf(chart, 'SpreadsheetApp.Sheet.removeChart');
    const sheet = this.#editingSheet();
    if (id === null || !sheet.charts.some((c) => c.id === id)) fail(googleErrors.chartNotFound());
    sheet.charts = sheet.charts.filter((c) => c.id !== id);
  }

  createTextFinder(findText: unknown): TextFinder {
    this.#state();
    return new TextFinder(this.#book, [{ sheetId: this.#sheetId, grid: null }], findText);
  }
}
