import type { ExecutionContext } from '../execution';
import { fail, googleErrors } from '../google-errors';
import type { DriveItemState, SharingAccess, SharingPermission, SpreadsheetState } from '../workspace';
import { Blob, blobFrom, contentTypeForName, encodeText, textPdf } from './blob';
import { formatDate } from './date-format';
import { documentPdf, savedDocument } from './document-app';
import { addDriveItem, driveItemUrl, MIME, touchDriveItem } from './drive-items';
import { isValidEmail } from './mail-app';
import { User } from './session';

// developers.google.com/apps-script/reference/drive — folders and files over `state.drive.items`.
//
// Modelled: getFileById/getFolderById find trashed items too. A folder's listings (Folder.getFiles,
// getFolders, getFilesByName, getFoldersByName, getFilesByType) hand out its children whether they are
// in the trash or not: a trashed item keeps its parent, and Drive's files.list "returns all files by
// default, including trashed files" unless the query says "trashed = false"
// (developers.google.com/drive/api/reference/rest/v3/files/list; the Folder reference,
// developers.google.com/apps-script/reference/drive/folder, says "all files that are children of the
// current folder" and nothing of the trash), which is why scripts check isTrashed() on what a folder
// lists. DriveApp's own searches over My Drive (DriveApp.getFiles, getFilesByName…) leave the trash
// out, as live Apps Script does (brucemcpherson/gas-fakes#44). Iterators are snapshots taken when the
// listing is made, and next() past the end throws; makeCopy gives a
// private copy (no editors, no link sharing) named "Copy of …", and a spreadsheet or document copy
// duplicates its content; a document's export and copy reflect its last SAVED content (see
// document-app.ts). Editors and viewers are each item's own (the sandbox has one person, so access
// inherited from a shared parent folder is not computed). Listing order is creation order.

/** "Throws an exception if content is larger than 10MB." (Folder.createFile) */
const MAX_TEXT_CONTENT = 10 * 1024 * 1024;

const ACCESS: readonly SharingAccess[] = ['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE'];
const PERMISSION: readonly SharingPermission[] = ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'NONE'];

const enumOf = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, k])) as { [P in K]: P };

/** The `MimeType` global (developers.google.com/apps-script/reference/base/mime-type): MIME strings. */
export function createMimeType() {
  return {
    GOOGLE_APPS_SCRIPT: 'application/vnd.google-apps.script',
    GOOGLE_DRAWINGS: 'application/vnd.google-apps.drawing',
    GOOGLE_DOCS: MIME.document,
    GOOGLE_FORMS: 'application/vnd.google-apps.form',
    GOOGLE_SHEETS: MIME.spreadsheet,
    GOOGLE_SITES: 'application/vnd.google-apps.site',
    GOOGLE_SLIDES: 'application/vnd.google-apps.presentation',
    FOLDER: MIME.folder,
    SHORTCUT: 'application/vnd.google-apps.shortcut',
    BMP: 'image/bmp',
    GIF: 'image/gif',
    JPEG: 'image/jpeg',
    PNG: 'image/png',
    SVG: 'image/svg+xml',
    PDF: MIME.pdf,
    CSS: 'text/css',
    CSV: MIME.csv,
    HTML: MIME.html,
    JAVASCRIPT: 'application/javascript',
    PLAIN_TEXT: MIME.plainText,
    RTF: 'application/rtf',
    OPENDOCUMENT_GRAPHICS: 'application/vnd.oasis.opendocument.graphics',
    OPENDOCUMENT_PRESENTATION: 'application/vnd.oasis.opendocument.presentation',
    OPENDOCUMENT_SPREADSHEET: 'application/vnd.oasis.opendocument.spreadsheet',
    OPENDOCUMENT_TEXT: 'application/vnd.oasis.opendocument.text',
    MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    MICROSOFT_EXCEL_LEGACY: 'application/vnd.ms-excel',
    MICROSOFT_POWERPOINT: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    MICROSOFT_POWERPOINT_LEGACY: 'application/vnd.ms-powerpoint',
    MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    MICROSOFT_WORD_LEGACY: 'application/msword',
    ZIP: 'application/zip',
  };
}

const isGoogleType = (mimeType: string) => mimeType.startsWith('application/vnd.google-apps.');

/** Trashed itself, or inside a trashed folder (Drive trashes a folder's contents with it). */
export function inTrash(ctx: ExecutionContext, item: DriveItemState, seen = new Set<string>()): boolean {
  if (item.trashed) return true;
  if (item.parents.length === 0 || seen.has(item.id)) return false;
  seen.add(item.id);
  return item.parents.every((id) => {
    const parent = ctx.state.drive.items[id];
    return parent !== undefined && inTrash(ctx, parent, seen);
  });
}

function itemOf(ctx: ExecutionContext, id: string, kind: DriveItemState['kind']): DriveItemState {
  const item = ctx.state.drive.items[id];
  return item && item.kind === kind ? item : fail(googleErrors.driveItemNotFound());
}

function emailOf(user: unknown, method: string): string {
  const email = user instanceof User ? user.getEmail() : user;
  if (typeof email !== 'string') return fail(googleErrors.signatureMismatch([user], method));
  return isValidEmail(email) ? email : fail(googleErrors.invalidEmail(email));
}

function checkName(name: unknown, method: string): string {
  if (typeof name !== 'string') return fail(googleErrors.signatureMismatch([name], method));
  return name !== '' ? name : fail(googleErrors.invalidArgument('name'));
}

const itemsWithIds = (ctx: ExecutionContext, ids: string[]) => ids.map((id) => ctx.state.drive.items[id]!);

/** What Drive hands out from a listing; a snapshot, so later changes do not disturb an iteration. */
abstract class DriveIterator<T> {
  #ctx: ExecutionContext;
  #ids: string[];
  #open: (ctx: ExecutionContext, id: string) => T;
  #next = 0;

  constructor(ctx: ExecutionContext, items: DriveItemState[], open: (ctx: ExecutionContext, id: string) => T) {
    this.#ctx = ctx;
    this.#ids = items.map((item) => item.id);
    this.#open = open;
  }

  hasNext(): boolean {
    return this.#next < this.#ids.length;
  }

  next(): T {
    if (!this.hasNext()) fail(googleErrors.iteratorEnd());
    return this.#open(this.#ctx, this.#ids[this.#next++]!);
  }
}

class FileIterator extends DriveIterator<File> {
  constructor(ctx: ExecutionContext, items: DriveItemState[]) {
    super(ctx, items, (c, id) => new File(c, id));
  }
}

class FolderIterator extends DriveIterator<Folder> {
  constructor(ctx: ExecutionContext, items: DriveItemState[]) {
    super(ctx, items, (c, id) => new Folder(c, id));
  }
}

type Where = (item: DriveItemState) => boolean;

/** Whether a listing leaves out what is in the trash (DriveApp's searches), lists only that, or includes it (a folder's listings). */
type Trash = 'left out' | 'only' | 'included';

/** Lists the items of a kind, in creation order. */
function listing(ctx: ExecutionContext, kind: DriveItemState['kind'], where: Where, trash: Trash) {
  return Object.values(ctx.state.drive.items).filter(
    (item) =>
      item.kind === kind &&
      item.id !== ctx.state.drive.rootFolderId &&
      (trash === 'included' || inTrash(ctx, item) === (trash === 'only')) &&
      where(item),
  );
}

const listFiles = (ctx: ExecutionContext, where: Where, trash: Trash = 'left out') => new FileIterator(ctx, listing(ctx, 'file', where, trash));
const listFolders = (ctx: ExecutionContext, where: Where, trash: Trash = 'left out') => new FolderIterator(ctx, listing(ctx, 'folder', where, trash));

/** What Folder and File share: name, dates, description, sharing, editors and viewers, trash, parents, moving. */
abstract class DriveItem {
  #ctx: ExecutionContext;
  #id: string;
  #kind: DriveItemState['kind'];

  constructor(ctx: ExecutionContext, id: string, kind: DriveItemState['kind']) {
    this.#ctx = ctx;
    this.#id = id;
    this.#kind = kind;
  }

  /** The item's state; kept out of the script's reach by being a private method. */
  #state(): DriveItemState {
    return itemOf(this.#ctx, this.#id, this.#kind);
  }

  #change(change: (item: DriveItemState) => void): this {
    change(this.#state());
    touchDriveItem(this.#ctx, this.#id);
    return this;
  }

  #notRoot(): void {
    if (this.#id === this.#ctx.state.drive.rootFolderId) fail(googleErrors.driveRootImmutable());
  }

  getId(): string {
    return this.#state().id;
  }

  getName(): string {
    return this.#state().name;
  }

  setName(name: string): this {
    const checked = checkName(name, `${this.#className()}.setName`);
    this.#notRoot();
    const content: { name: string } | undefined = this.#ctx.state.spreadsheets[this.#id] ?? this.#ctx.state.documents[this.#id];
    if (content) content.name = checked; // Sheets and Docs keep a copy of the name; they must agree with Drive
    return this.#change((item) => {
      item.name = checked;
    });
  }

  getUrl(): string {
    return driveItemUrl(this.#state());
  }

  getDescription(): string | null {
    return this.#state().description || null;
  }

  setDescription(description: string): this {
    if (typeof description !== 'string') fail(googleErrors.signatureMismatch([description], `${this.#className()}.setDescription`));
    return this.#change((item) => {
      item.description = description;
    });
  }

  getDateCreated(): Date {
    return new Date(this.#state().created.getTime());
  }

  getLastUpdated(): Date {
    return new Date(this.#state().updated.getTime());
  }

  getOwner(): User {
    return new User(this.#state().owner);
  }

  getEditors(): User[] {
    return this.#state().editors.map((email) => new User(email));
  }

  /** Viewers and commenters, as Google's getViewers() reports them. */
  getViewers(): User[] {
    return this.#state().viewers.map((email) => new User(email));
  }

  addEditor(emailAddress: string | User): this {
    return this.addEditors([emailOf(emailAddress, `${this.#className()}.addEditor`)]);
  }

  /** An editor who was a viewer becomes an editor; the owner is left as owner. */
  addEditors(emailAddresses: string[]): this {
    const emails = this.#emails(emailAddresses, 'addEditors');
    return this.#change((item) => {
      for (const email of emails) {
        if (email === item.owner || item.editors.includes(email)) continue;
        item.viewers = item.viewers.filter((v) => v !== email);
        item.editors.push(email);
      }
    });
  }

  addViewer(emailAddress: string | User): this {
    return this.addViewers([emailOf(emailAddress, `${this.#className()}.addViewer`)]);
  }

  /** "If the user was already on the list of editors, this method has no effect." */
  addViewers(emailAddresses: string[]): this {
    const emails = this.#emails(emailAddresses, 'addViewers');
    return this.#change((item) => {
      for (const email of emails) {
        if (email === item.owner || item.editors.includes(email) || item.viewers.includes(email)) continue;
        item.viewers.push(email);
      }
    });
  }

  /** Removes edit access; the person keeps viewing only through link sharing, as in Google. */
  removeEditor(emailAddress: string | User): this {
    const email = emailOf(emailAddress, `${this.#className()}.removeEditor`);
    return this.#change((item) => {
      item.editors = item.editors.filter((e) => e !== email);
    });
  }

  removeViewer(emailAddress: string | User): this {
    const email = emailOf(emailAddress, `${this.#className()}.removeViewer`);
    return this.#change((item) => {
      item.viewers = item.viewers.filter((v) => v !== email);
    });
  }

  revokePermissions(user: string | User): this {
    const email = emailOf(user, `${this.#className()}.revokePermissions`);
    return this.#change((item) => {
      item.editors = item.editors.filter((e) => e !== email);
      item.viewers = item.viewers.filter((v) => v !== email);
    });
  }

  /** The permission a person has: their own, or else what link sharing gives everyone. */
  getAccess(user: string | User): string {
    const email = emailOf(user, `${this.#className()}.getAccess`);
    const item = this.#state();
    if (email === item.owner) return 'OWNER';
    if (item.editors.includes(email)) return 'EDIT';
    if (item.viewers.includes(email)) return 'VIEW';
    return item.sharing.access === 'ANYONE' || item.sharing.access === 'ANYONE_WITH_LINK' ? item.sharing.permission : 'NONE';
  }

  getSharingAccess(): string {
    return this.#state().sharing.access;
  }

  getSharingPermission(): string {
    return this.#state().sharing.permission;
  }

  /**
   * Link sharing. Nobody becomes owner through a link, and DOMAIN access needs a Workspace domain;
   * PRIVATE means no link access at all, so its permission is NONE whatever was asked.
   */
  setSharing(accessType: string, permissionType: string): this {
    const method = `${this.#className()}.setSharing`;
    if (!ACCESS.includes(accessType as SharingAccess) || !PERMISSION.includes(permissionType as SharingPermission)) {
      fail(googleErrors.signatureMismatch([accessType, permissionType], method));
    }
    if (permissionType === 'OWNER') fail(googleErrors.invalidArgument('permissionType'));
    if (accessType.startsWith('DOMAIN') && this.#ctx.state.user.accountType === 'consumer') {
      fail(googleErrors.invalidArgument('accessType'));
    }
    return this.#change((item) => {
      item.sharing = {
        access: accessType as SharingAccess,
        permission: accessType === 'PRIVATE' ? 'NONE' : (permissionType as SharingPermission),
      };
    });
  }

  isTrashed(): boolean {
    return inTrash(this.#ctx, this.#state());
  }

  setTrashed(trashed: boolean): this {
    if (typeof trashed !== 'boolean') fail(googleErrors.signatureMismatch([trashed], `${this.#className()}.setTrashed`));
    this.#notRoot();
    return this.#change((item) => {
      item.trashed = trashed;
    });
  }

  getParents(): FolderIterator {
    return new FolderIterator(this.#ctx, itemsWithIds(this.#ctx, this.#state().parents));
  }

  /** Moves out of every current parent into the destination; a folder cannot go inside itself. */
  moveTo(destination: Folder): this {
    if (!(destination instanceof Folder)) fail(googleErrors.signatureMismatch([destination], `${this.#className()}.moveTo`));
    this.#notRoot();
    const target = destination.getId();
    for (let at: string | undefined = target; at; at = this.#ctx.state.drive.items[at]?.parents[0]) {
      if (at === this.#id) fail(googleErrors.driveFolderIntoItself());
    }
    return this.#change((item) => {
      item.parents = [target];
    });
  }

  #className(): string {
    return this.#kind === 'folder' ? 'Folder' : 'File';
  }

  /** The addresses of an array argument (emails or Users), each checked. */
  #emails(emailAddresses: unknown, methodName: string): string[] {
    const method = `${this.#className()}.${methodName}`;
    if (!Array.isArray(emailAddresses)) fail(googleErrors.signatureMismatch([emailAddresses], method));
    return emailAddresses.map((e) => emailOf(e, method));
  }
}

class Folder extends DriveItem {
  #ctx: ExecutionContext;
  #id: string;

  constructor(ctx: ExecutionContext, id: string) {
    super(ctx, id, 'folder');
    this.#ctx = ctx;
    this.#id = id;
  }

  createFolder(name: string): Folder {
    const item = addDriveItem(this.#ctx, {
      kind: 'folder',
      name: checkName(name, 'Folder.createFolder'),
      mimeType: MIME.folder,
      parents: [this.getId()],
    });
    return new Folder(this.#ctx, item.id);
  }

  /** createFile(blob) · createFile(name, content) · createFile(name, content, mimeType). */
  createFile(...args: unknown[]): File {
    const [first, content, mimeType] = args;
    let name: string;
    let type: string;
    let bytes: Uint8Array;
    if (typeof first === 'string') {
      if (typeof content !== 'string' || (mimeType !== undefined && typeof mimeType !== 'string')) {
        return fail(googleErrors.signatureMismatch(args, 'Folder.createFile'));
      }
      name = checkName(first, 'Folder.createFile');
      type = (mimeType as string | undefined) ?? MIME.plainText;
      bytes = encodeText(content);
      if (bytes.length > MAX_TEXT_CONTENT) fail(googleErrors.driveContentTooLarge());
    } else {
      if (args.length !== 1) return fail(googleErrors.signatureMismatch(args, 'Folder.createFile'));
      const blob = blobFrom(first, 'blob');
      name = blob.getName() || 'Untitled';
      type = blob.getContentType() ?? contentTypeForName(name) ?? 'application/octet-stream';
      bytes = Blob.bytesOf(blob);
    }
    // Google-type files (Docs, Sheets…) come from their own services, not from bytes.
    if (isGoogleType(type)) fail(googleErrors.invalidArgument('mimeType'));
    const item = addDriveItem(this.#ctx, {
      kind: 'file',
      name,
      mimeType: type,
      parents: [this.getId()],
      content: Buffer.from(bytes).toString('base64'),
    });
    return new File(this.#ctx, item.id);
  }

  #holds(item: DriveItemState): boolean {
    return item.parents.includes(this.#id);
  }

  // A folder's children, trashed ones too (see the header).
  getFiles(): FileIterator {
    return listFiles(this.#ctx, (item) => this.#holds(item), 'included');
  }

  getFolders(): FolderIterator {
    return listFolders(this.#ctx, (item) => this.#holds(item), 'included');
  }

  getFilesByName(name: string): FileIterator {
    return listFiles(this.#ctx, (item) => this.#holds(item) && item.name === name, 'included');
  }

  getFoldersByName(name: string): FolderIterator {
    return listFolders(this.#ctx, (item) => this.#holds(item) && item.name === name, 'included');
  }

  getFilesByType(mimeType: string): FileIterator {
    return listFiles(this.#ctx, (item) => this.#holds(item) && item.mimeType === mimeType, 'included');
  }
}

class File extends DriveItem {
  #ctx: ExecutionContext;
  #id: string;

  constructor(ctx: ExecutionContext, id: string) {
    super(ctx, id, 'file');
    this.#ctx = ctx;
    this.#id = id;
  }

  #state(): DriveItemState {
    return itemOf(this.#ctx, this.#id, 'file');
  }

  getMimeType(): string {
    return this.#state().mimeType;
  }

  /** Bytes of stored content; Google's own Docs and Sheets take no storage and report 0. */
  getSize(): number {
    const content = this.#state().content;
    return content === undefined ? 0 : Buffer.from(content, 'base64').length;
  }

  /** A Google Doc or Sheet comes out as PDF, as Google's getBlob() gives it; other files as stored. */
  getBlob(): Blob {
    const item = this.#state();
    if (isGoogleType(item.mimeType)) return this.getAs(MIME.pdf);
    return new Blob(new Uint8Array(Buffer.from(item.content ?? '', 'base64')), item.mimeType, item.name);
  }

  /** "For most blobs, 'application/pdf' is the only valid option." */
  getAs(contentType: string): Blob {
    const item = this.#state();
    if (item.mimeType === MIME.document && contentType === MIME.pdf) {
      return documentPdf(savedDocument(this.#ctx, item.id) ?? fail(googleErrors.driveItemNotFound()), item.name);
    }
    if (item.mimeType === MIME.spreadsheet && contentType === MIME.pdf) {
      return spreadsheetPdf(this.#ctx.state.spreadsheets[item.id] ?? fail(googleErrors.driveItemNotFound()), item.name);
    }
    if (isGoogleType(item.mimeType)) return fail(googleErrors.conversionNotSupported(item.mimeType, String(contentType)));
    return this.getBlob().getAs(contentType);
  }

  /** Replaces a stored file's content with text; Google-type files have no content to set. */
  setContent(content: string): File {
    if (typeof content !== 'string') fail(googleErrors.signatureMismatch([content], 'File.setContent'));
    const item = this.#state();
    if (isGoogleType(item.mimeType)) fail(googleErrors.driveNotABlobFile(item.mimeType));
    const bytes = encodeText(content);
    if (bytes.length > MAX_TEXT_CONTENT) fail(googleErrors.driveContentTooLarge());
    item.content = Buffer.from(bytes).toString('base64');
    touchDriveItem(this.#ctx, item.id);
    return this;
  }

  /**
   * makeCopy() · makeCopy(name) · makeCopy(destination) · makeCopy(name, destination). The copy is the
   * script user's, private, in the original's folders unless a destination is given.
   */
  makeCopy(...args: unknown[]): File {
    const [first, second] = args;
    const name = typeof first === 'string' ? checkName(first, 'File.makeCopy') : undefined;
    const destination = first instanceof Folder ? first : second;
    if (
      args.length > 2 ||
      (first !== undefined && name === undefined && !(first instanceof Folder)) ||
      (second !== undefined && !(second instanceof Folder)) ||
      (first instanceof Folder && args.length > 1)
    ) {
      return fail(googleErrors.signatureMismatch(args, 'File.makeCopy'));
    }
    const original = this.#state();
    const copy = addDriveItem(this.#ctx, {
      kind: 'file',
      name: name ?? `Copy of ${original.name}`,
      mimeType: original.mimeType,
      parents: destination instanceof Folder ? [destination.getId()] : [...original.parents],
      ...(original.content === undefined ? {} : { content: original.content }),
    });
    copy.description = original.description;
    const spreadsheet = this.#ctx.state.spreadsheets[original.id];
    if (spreadsheet) this.#ctx.state.spreadsheets[copy.id] = { ...structuredClone(spreadsheet), id: copy.id, name: copy.name };
    const document = savedDocument(this.#ctx, original.id);
    if (original.mimeType === MIME.document && document) {
      this.#ctx.state.documents[copy.id] = { ...structuredClone(document), id: copy.id, name: copy.name };
    }
    return new File(this.#ctx, copy.id);
  }
}

/** Each visible sheet's name, then its rows with cells separated by ' | '. */
function spreadsheetPdf(spreadsheet: SpreadsheetState, name: string): Blob {
  const show = (value: unknown) =>
    value instanceof Date ? formatDate(value, spreadsheet.timeZone, 'yyyy-MM-dd HH:mm:ss') : String(value);
  const pages = spreadsheet.sheets
    .filter((sheet) => !sheet.hidden)
    .map((sheet) => [{ text: sheet.name, size: 14 }, ...sheet.values.map((row) => ({ text: row.map(show).join(' | '), size: 10 }))]);
  return new Blob(textPdf(pages.length > 0 ? pages : [[]], name), MIME.pdf, `${name}.pdf`);
}

export function createDriveApp(ctx: ExecutionContext) {
  const root = () => new Folder(ctx, ctx.state.drive.rootFolderId);

  return {
    Access: enumOf(ACCESS),
    Permission: enumOf(PERMISSION),

    getRootFolder: () => root(),

    /** Finds trashed items too; an unknown id, or a file's id, is not found. */
    getFolderById(id: string): Folder {
      if (typeof id !== 'string') fail(googleErrors.signatureMismatch([id], 'DriveApp.getFolderById'));
      return new Folder(ctx, itemOf(ctx, id, 'folder').id);
    },

    getFileById(id: string): File {
      if (typeof id !== 'string') fail(googleErrors.signatureMismatch([id], 'DriveApp.getFileById'));
      return new File(ctx, itemOf(ctx, id, 'file').id);
    },

    createFolder: (name: string) => root().createFolder(name),
    createFile: (...args: unknown[]) => root().createFile(...args),

    /** Everything in My Drive that is not in the trash. */
    getFiles: () => listFiles(ctx, () => true),
    getFolders: () => listFolders(ctx, () => true),
    getFilesByName: (name: string) => listFiles(ctx, (item) => item.name === name),
    getFoldersByName: (name: string) => listFolders(ctx, (item) => item.name === name),
    getFilesByType: (mimeType: string) => listFiles(ctx, (item) => item.mimeType === mimeType),
    getTrashedFiles: () => listFiles(ctx, () => true, 'only'),
    getTrashedFolders: () => listFolders(ctx, () => true, 'only'),
  };
}
