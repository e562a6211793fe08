import type { GridRange } from '../../workspace';
import type { Range } from './range';
import type { GridProtection } from './grid';
import { googleErrors, fail } from '../../google-errors';
import { rangeHandle } from './handles';
import { emailOf, User } from './user';
import type { Workbook } from './workbook';

// developers.google.com/apps-script/reference/spreadsheet/protection. A new protection lists the
// spreadsheet's editors (so it protects nothing until editors are removed); "neither the owner of the
// spreadsheet nor the current user can be removed". A person who edits through a group is not listed
// themselves: removing that group throws ("if the user's edit permission comes from a group, the script
// throws an exception upon removing the group"), unless they were added as an editor first. The script
// runs as its user, so protections never block its own writes.

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
    return this.#book.ctx.state.drive.items[this.#book.id]?.owner ?? this.#book.ctx.state.user.email;
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
    this.#state().description = description;
    return this;
  }

  isWarningOnly(): boolean {
    return this.#state().warningOnly;
  }

  /** A warning-only protection has no editor list: Google drops it (and restores it when turned off). */
  setWarningOnly(warningOnly: unknown): this {
    if (typeof warningOnly !== 'boolean') fail(googleErrors.signatureMismatch([warningOnly], 'SpreadsheetApp.Protection.setWarningOnly'));
    this.#state().warningOnly = warningOnly;
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
    const state = this.#state();
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
    const state = this.#state();
    if (me !== this.#owner() && !state.editors.includes(me)) {
      const through = [...removed].find((email) => state.editors.includes(email) && this.#inGroup(me, email));
      if (through !== undefined) fail(googleErrors.removingOwnGroup(through));
    }
    state.editors = state.editors.filter((e) => !removed.has(e));
    return this;
  }

  #inGroup(email: string, group: string): boolean {
    return this.#book.ctx.state.groups?.[group]?.includes(email) ?? false;
  }

  canDomainEdit(): boolean {
    return this.#state().domainEdit;
  }

  setDomainEdit(editable: unknown): this {
    if (typeof editable !== 'boolean') fail(googleErrors.signatureMismatch([editable], 'SpreadsheetApp.Protection.setDomainEdit'));
    this.#state().domainEdit = editable;
    return this;
  }

  canEdit(): boolean {
    const state = this.#state();
    const user = this.#book.ctx.state.user;
    return (
      user.email === this.#owner() ||
      state.warningOnly ||
      state.editors.some((editor) => editor === user.email || this.#inGroup(user.email, editor)) ||
      state.domainEdit
    );
  }

  setUnprotectedRanges(ranges: unknown): this {
    const method = 'SpreadsheetApp.Protection.setUnprotectedRanges';
    if (!Array.isArray(ranges)) fail(googleErrors.signatureMismatch([ranges], method));
    const state = this.#state();
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
    this.#state();
    sheet.protections = sheet.protections.filter((p) => p.id !== this.#id);
  }
}
