import type { GridRange } from '../../workspace';
import type { Range } from './range';
import { intersects, subtract, type Dimension, type GridProtection, type GridSheet } from './grid';
import { googleErrors, fail } from '../../google-errors';
import { rangeHandle } from './handles';
import { emailOf, User } from './user';
import type { Workbook } from './workbook';

// developers.google.com/apps-script/reference/spreadsheet/protection. A new protection lists the
// spreadsheet's editors (so it protects nothing until editors are removed); "neither the owner of the
// spreadsheet nor the current user can be removed". A person who edits through a group is not listed
// themselves: removing that group throws ("if the user's edit permission comes from a group, the script
// throws an exception upon removing the group"), unless they were added as an editor first.
//
// A script runs as a person (whoever clicked, or whoever made the trigger), and Sheets holds that person
// to the protections as it would in the editor: a change to protected cells or objects by someone who
// is not among a protection's editors fails with Sheets' "You are trying to edit a protected cell or
// object…", unless the protection only warns (a warning shows in the editor; a script goes ahead). The
// spreadsheet's owner may always edit. Where Google does not say whether a change counts (frozen rows,
// column widths, hiding a protected sheet), the sandbox counts it, strict rather than lenient.

export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' } as const);

export function newProtectionState(book: Workbook, range: GridRange | null): GridProtection {
  const item = book.ctx.state.drive.items[book.id];
  const owner = item?.owner ?? book.ctx.state.user.email;
  return {
    id: book.ctx.newId('protection'),
    range: range ? { ...range } : null,
    description: '',
    editors: [owner, ...(item?.editors ?? []).filter((e) => e !== owner)],
    warningOnly: false,
    domainEdit: false,
    unprotectedRanges: [],
  };
}

function ownerOf(book: Workbook): string {
  return book.ctx.state.drive.items[book.id]?.owner ?? book.ctx.state.user.email;
}

function inGroup(book: Workbook, email: string, group: string): boolean {
  return book.ctx.state.groups?.[group]?.includes(email) ?? false;
}

/** Whether the person running the script may change what `protection` covers (Protection.canEdit). */
function mayEdit(book: Workbook, protection: GridProtection): boolean {
  const email = book.ctx.state.user.email;
  return (
    email === ownerOf(book) ||
    protection.warningOnly ||
    protection.editors.some((editor) => editor === email || inGroup(book, email, editor)) ||
    protection.domainEdit
  );
}

/** Whether a sheet protection covers any of `area`: all of it but its unprotected ranges. */
function sheetProtectionCovers(protection: GridProtection, area: GridRange): boolean {
  let left = [area];
  for (const hole of protection.unprotectedRanges) left = left.flatMap((part) => subtract(part, hole));
  return left.length > 0;
}

/**
 * Refuses a change by someone who may not make it: to the cells of `area`, or (null) to the sheet
 * itself (its name, frozen rows, column widths, charts, conditional formats, visibility), which only a
 * protection of the whole sheet covers.
 */
export function checkEditable(book: Workbook, sheetId: number, area: GridRange | null): void {
  const sheet = book.sheetState(sheetId);
  for (const protection of sheet.protections) {
    if (mayEdit(book, protection)) continue;
    const covered =
      protection.range === null ? area === null || sheetProtectionCovers(protection, area) : area !== null && intersects(protection.range, area);
    if (covered) fail(googleErrors.protectedCell());
  }
}

/** Whole rows or columns of a sheet, as a range. */
export function linesOf(sheet: GridSheet, dimension: Dimension, at: number, count: number): GridRange {
  return dimension === 'rows'
    ? { row: at, column: 1, numRows: count, numColumns: sheet.maxColumns }
    : { row: 1, column: at, numRows: sheet.maxRows, numColumns: count };
}

/**
 * Refuses inserting lines before line `at` where they would land inside protected cells: anywhere on a
 * protected sheet, or between the first and last line of a protected range (above or below one, the
 * range only moves).
 */
export function checkInsertable(book: Workbook, sheetId: number, dimension: Dimension, at: number): void {
  const sheet = book.sheetState(sheetId);
  for (const protection of sheet.protections) {
    if (mayEdit(book, protection)) continue;
    const range = protection.range;
    if (range === null) fail(googleErrors.protectedCell());
    const [start, size] = dimension === 'rows' ? [range.row, range.numRows] : [range.column, range.numColumns];
    if (at > start && at < start + size) fail(googleErrors.protectedCell());
  }
}

export class Protection {
  #book: Workbook;
  #sheetId: number;
  #id: string;

  constructor(book: Workbook, sheetId: number, id: string) {
    this.#book = book;
    this.#sheetId = sheetId;
    this.#id = id;
  }

  #state(): GridProtection {
    return this.#book.sheetState(this.#sheetId).protections.find((p) => p.id === this.#id) ?? fail(googleErrors.protectionRemoved());
  }

  #owner(): string {
    return ownerOf(this.#book);
  }

  /** The protection as someone who may change it: only its editors (and the owner) may. */
  #editable(): GridProtection {
    const state = this.#state();
    if (!mayEdit(this.#book, state)) fail(googleErrors.protectedCell());
    return state;
  }

  getProtectionType(): string {
    return this.#state().range === null ? ProtectionType.SHEET : ProtectionType.RANGE;
  }

  getRange(): Range {
    const state = this.#state();
    const sheet = this.#book.sheetState(this.#sheetId);
    return this.#book.range(this.#sheetId, state.range ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns });
  }

  getDescription(): string {
    return this.#state().description;
  }

  setDescription(description: unknown): this {
    if (typeof description !== 'string') fail(googleErrors.signatureMismatch([description], 'SpreadsheetApp.Protection.setDescription'));
    this.#editable().description = description;
    return this;
  }

  isWarningOnly(): boolean {
    return this.#state().warningOnly;
  }

  /** A warning-only protection has no editor list: Google drops it (and restores it when turned off). */
  setWarningOnly(warningOnly: unknown): this {
    if (typeof warningOnly !== 'boolean') fail(googleErrors.signatureMismatch([warningOnly], 'SpreadsheetApp.Protection.setWarningOnly'));
    this.#editable().warningOnly = warningOnly;
    return this;
  }

  getEditors(): User[] {
    return this.#state().editors.map((e) => new User(e));
  }

  addEditor(emailOrUser: unknown): this {
    return this.addEditors([emailOrUser]);
  }

  addEditors(emails: unknown): this {
    const method = 'SpreadsheetApp.Protection.addEditors';
    if (!Array.isArray(emails)) fail(googleErrors.signatureMismatch([emails], method));
    const state = this.#editable();
    for (const email of emails.map((e) => emailOf(e, method))) if (!state.editors.includes(email)) state.editors.push(email);
    return this;
  }

  removeEditor(emailOrUser: unknown): this {
    return this.removeEditors([emailOrUser]);
  }

  removeEditors(emails: unknown): this {
    const method = 'SpreadsheetApp.Protection.removeEditors';
    if (!Array.isArray(emails)) fail(googleErrors.signatureMismatch([emails], method));
    const removed = new Set(emails.map((e) => emailOf(e, method)));
    const me = this.#book.ctx.state.user.email;
    removed.delete(this.#owner());
    removed.delete(me);
    const state = this.#editable();
    if (me !== this.#owner() && !state.editors.includes(me)) {
      const through = [...removed].find((email) => state.editors.includes(email) && inGroup(this.#book, me, email));
      if (through !== undefined) fail(googleErrors.removingOwnGroup(through));
    }
    state.editors = state.editors.filter((e) => !removed.has(e));
    return this;
  }

  canDomainEdit(): boolean {
    return this.#state().domainEdit;
  }

  setDomainEdit(editable: unknown): this {
    if (typeof editable !== 'boolean') fail(googleErrors.signatureMismatch([editable], 'SpreadsheetApp.Protection.setDomainEdit'));
    this.#editable().domainEdit = editable;
    return this;
  }

  canEdit(): boolean {
    return mayEdit(this.#book, this.#state());
  }

  setUnprotectedRanges(ranges: unknown): this {
    const method = 'SpreadsheetApp.Protection.setUnprotectedRanges';
    if (!Array.isArray(ranges)) fail(googleErrors.signatureMismatch([ranges], method));
    const state = this.#editable();
    const handles = ranges.map((r) => rangeHandle(r, method));
    // Only a sheet protection has holes; Google ignores them on a range protection.
    if (state.range !== null) return this;
    if (handles.some((h) => h.sheetId !== this.#sheetId || h.book.id !== this.#book.id)) fail(googleErrors.rangeOnOtherSheet());
    state.unprotectedRanges = handles.map((h) => ({ ...h.grid }));
    return this;
  }

  getUnprotectedRanges(): Range[] {
    return this.#state().unprotectedRanges.map((g) => this.#book.range(this.#sheetId, g));
  }

  remove(): void {
    const sheet = this.#book.sheetState(this.#sheetId);
    this.#editable();
    sheet.protections = sheet.protections.filter((p) => p.id !== this.#id);
  }
}
