import type { DriveItemState } from '../../workspace';
import { googleErrors, fail } from '../../google-errors';
import { driveItemUrl, touchDriveItem } from '../drive-items';
import { serialOf, instantOf, isTimeZone, wallClockOfSerial } from './time-zone';
import { sheetHandle } from './handles';
import { checkEditable, Protection, ProtectionType } from './protection';
import type { Range } from './range';
import type { Sheet } from './sheet';
import { TextFinder } from './text-finder';
import { emailOf, User } from './user';
import { newSheetState, type Workbook } from './workbook';

// developers.google.com/apps-script/reference/spreadsheet/spreadsheet. The spreadsheet's name,
// owner and sharing live on its Drive item (same id), so DriveApp and SpreadsheetApp always agree.

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export class Spreadsheet {
  #book: Workbook;

  constructor(book: Workbook) {
    this.#book = book;
  }

  #item(): DriveItemState {
    this.#book.state();
    return this.#book.ctx.state.drive.items[this.#book.id] ?? fail(googleErrors.spreadsheetNotFound(this.#book.id));
  }

  getId(): string {
    return this.#book.state().id;
  }

  getName(): string {
    return this.#item().name;
  }

  rename(newName: unknown): void {
    if (typeof newName !== 'string') fail(googleErrors.signatureMismatch([newName], 'SpreadsheetApp.Spreadsheet.rename'));
    this.#item().name = newName;
    this.#book.state().name = newName;
    touchDriveItem(this.#book.ctx, this.#book.id);
  }

  getUrl(): string {
    return driveItemUrl(this.#item());
  }

  getSpreadsheetTimeZone(): string {
    return this.#book.state().timeZone;
  }

  /**
   * Cells hold wall-clock serial numbers, so a new time zone keeps what each date cell shows and
   * changes the instant getValues returns for it.
   */
  setSpreadsheetTimeZone(timezone: unknown): void {
    if (typeof timezone !== 'string' || !isTimeZone(timezone)) fail(googleErrors.invalidArgument('timezone'));
    const book = this.#book.state();
    if (book.timeZone === timezone) return;
    for (const sheet of book.sheets) {
      for (const row of sheet.values) {
        for (let c = 0; c < row.length; c++) {
          const v = row[c]!;
          if (v instanceof Date) row[c] = instantOf(wallClockOfSerial(serialOf(v, book.timeZone)), timezone);
        }
      }
    }
    book.timeZone = timezone;
  }

  getSpreadsheetLocale(): string {
    return this.#book.state().locale;
  }

  setSpreadsheetLocale(locale: unknown): void {
    if (typeof locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale)) fail(googleErrors.invalidArgument('locale'));
    this.#book.state().locale = locale;
  }

  // ---- sheets ------------------------------------------------------------------------------------

  getSheets(): Sheet[] {
    return this.#book.state().sheets.map((s) => this.#book.sheet(s.sheetId));
  }

  getNumSheets(): number {
    return this.#book.state().sheets.length;
  }

  /** Exact name; null when there is none. */
  getSheetByName(name: unknown): Sheet | null {
    if (typeof name !== 'string') fail(googleErrors.signatureMismatch([name], 'SpreadsheetApp.Spreadsheet.getSheetByName'));
    const sheet = this.#book.state().sheets.find((s) => s.name === name);
    return sheet ? this.#book.sheet(sheet.sheetId) : null;
  }

  getSheetById(id: unknown): Sheet | null {
    if (typeof id !== 'number') fail(googleErrors.signatureMismatch([id], 'SpreadsheetApp.Spreadsheet.getSheetById'));
    const sheet = this.#book.state().sheets.find((s) => s.sheetId === id);
    return sheet ? this.#book.sheet(sheet.sheetId) : null;
  }

  /**
   * insertSheet() · insertSheet(sheetIndex) · insertSheet(sheetName) · insertSheet(sheetName, sheetIndex).
   * sheetIndex is 0-based; the new sheet (1000 × 26) becomes the active sheet.
   */
  insertSheet(...args: unknown[]): Sheet {
    const method = 'SpreadsheetApp.Spreadsheet.insertSheet';
    const book = this.#book.state();
    let name: string | undefined;
    let index: number | undefined;
    if (args.length === 1 && typeof args[0] === 'number') index = args[0];
    else if (args.length === 1 && typeof args[0] === 'string') name = args[0];
    else if (args.length === 2 && typeof args[0] === 'string' && typeof args[1] === 'number') [name, index] = args as [string, number];
    else if (args.length !== 0) fail(googleErrors.signatureMismatch(args, method));
    if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > book.sheets.length)) fail(googleErrors.invalidArgument('sheetIndex'));
    const taken = (n: string) => book.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase());
    if (name === undefined) {
      let n = book.sheets.length + 1;
      while (taken(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    } else if (name.trim() === '') fail(googleErrors.invalidArgument('sheetName'));
    else if (taken(name)) fail(googleErrors.sheetNameTaken(name));
    this.#book.ensureRoomFor(DEFAULT_ROWS * DEFAULT_COLUMNS);
    const sheet = newSheetState(book.nextSheetId++, name, DEFAULT_ROWS, DEFAULT_COLUMNS);
    book.sheets.splice(index ?? book.sheets.length, 0, sheet);
    this.#book.activate(sheet.sheetId);
    touchDriveItem(this.#book.ctx, this.#book.id);
    return this.#book.sheet(sheet.sheetId);
  }

  deleteSheet(sheet: unknown): void {
    const handle = sheetHandle(sheet, 'SpreadsheetApp.Spreadsheet.deleteSheet');
    const book = this.#book.state();
    if (handle.book.id !== this.#book.id) fail(googleErrors.sheetNotFound());
    const doomed = this.#book.sheetState(handle.sheetId);
    if (!book.sheets.some((s) => s.sheetId !== handle.sheetId && !s.hidden)) fail(googleErrors.deleteOnlySheet());
    // Deleting a sheet deletes its protected cells with it.
    checkEditable(this.#book, handle.sheetId, null);
    checkEditable(this.#book, handle.sheetId, { row: 1, column: 1, numRows: doomed.maxRows, numColumns: doomed.maxColumns });
    book.sheets = book.sheets.filter((s) => s.sheetId !== handle.sheetId);
    touchDriveItem(this.#book.ctx, this.#book.id);
  }

  getActiveSheet(): Sheet {
    return this.#book.sheet(this.#book.activeSheetId());
  }

  setActiveSheet(sheet: unknown): Sheet {
    const handle = sheetHandle(sheet, 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    if (handle.book.id !== this.#book.id) fail(googleErrors.sheetNotFound());
    this.#book.sheetState(handle.sheetId);
    this.#book.activate(handle.sheetId);
    return this.#book.sheet(handle.sheetId);
  }

  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: unknown): void {
    const book = this.#book.state();
    if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 1 || pos > book.sheets.length) fail(googleErrors.invalidArgument('pos'));
    const id = this.#book.activeSheetId();
    const sheet = book.sheets.find((s) => s.sheetId === id)!;
    book.sheets = book.sheets.filter((s) => s.sheetId !== id);
    book.sheets.splice(pos - 1, 0, sheet);
  }

  /** 'Sheet!A1:B2', or 'A1:B2' on the active sheet. */
  getRange(a1Notation: unknown): Range {
    return this.#book.a1Range(a1Notation, this.#book.activeSheetId());
  }

  getProtections(type: unknown): Protection[] {
    if (type !== ProtectionType.RANGE && type !== ProtectionType.SHEET) fail(googleErrors.signatureMismatch([type], 'SpreadsheetApp.Spreadsheet.getProtections'));
    return this.#book.state().sheets.flatMap((sheet) =>
      sheet.protections.filter((p) => (p.range === null) === (type === ProtectionType.SHEET)).map((p) => new Protection(this.#book, sheet.sheetId, p.id)),
    );
  }

  createTextFinder(findText: unknown): TextFinder {
    return new TextFinder(this.#book, this.#book.state().sheets.map((s) => ({ sheetId: s.sheetId, grid: null })), findText);
  }

  /** The small notice at the bottom right; recorded in state.ui.shown. */
  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    if (typeof msg !== 'string' || (title !== undefined && typeof title !== 'string') || (timeoutSeconds !== undefined && typeof timeoutSeconds !== 'number')) {
      fail(googleErrors.signatureMismatch([msg, title, timeoutSeconds], 'SpreadsheetApp.Spreadsheet.toast'));
    }
    this.#book.ctx.state.ui.shown.push({ at: this.#book.ctx.now(), kind: 'toast', title: (title as string | undefined) ?? '', content: msg });
  }

  // ---- sharing (the Drive item's) ------------------------------------------------------------------

  getOwner(): User {
    return new User(this.#item().owner);
  }

  /** The people given edit access; the owner is reported by getOwner. */
  getEditors(): User[] {
    return this.#item().editors.map((e) => new User(e));
  }

  addEditor(emailAddress: unknown): this {
    return this.addEditors([emailAddress]);
  }

  addEditors(emailAddresses: unknown): this {
    const method = 'SpreadsheetApp.Spreadsheet.addEditors';
    if (!Array.isArray(emailAddresses)) fail(googleErrors.signatureMismatch([emailAddresses], method));
    const item = this.#item();
    for (const email of emailAddresses.map((e) => emailOf(e, method))) {
      if (email === item.owner || item.editors.includes(email)) continue;
      item.viewers = item.viewers.filter((v) => v !== email);
      item.editors.push(email);
    }
    touchDriveItem(this.#book.ctx, this.#book.id);
    return this;
  }

  removeEditor(emailAddress: unknown): this {
    const email = emailOf(emailAddress, 'SpreadsheetApp.Spreadsheet.removeEditor');
    const item = this.#item();
    item.editors = item.editors.filter((e) => e !== email);
    return this;
  }

  getViewers(): User[] {
    const item = this.#item();
    return [...item.editors, ...item.viewers].map((e) => new User(e));
  }

  addViewer(emailAddress: unknown): this {
    const email = emailOf(emailAddress, 'SpreadsheetApp.Spreadsheet.addViewer');
    const item = this.#item();
    if (email !== item.owner && !item.editors.includes(email) && !item.viewers.includes(email)) item.viewers.push(email);
    return this;
  }
}
