import { createHash } from 'node:crypto';
import type { DriveItemState, SharingPermission } from '../workspace';
import { inTrash } from '../services/drive-app';
import { addDriveItem, driveItemUrl, MIME, touchDriveItem } from '../services/drive-items';
import { isValidEmail } from '../services/mail-app';
import { DEFAULT_COLUMNS, DEFAULT_ROWS } from '../services/spreadsheet/spreadsheet';
import { newSheetState } from '../services/spreadsheet/workbook';
import { accessTo, canRead, canWrite } from './access';
import { parseDriveQuery } from './drive-query';
import { fieldMask, type Schema } from './field-mask';
import { answer, jsonBody, type RestAnswer, type RestCall } from './rest-call';
import { driveErrors } from './rest-errors';

// The Drive API v3 methods the `cil` command line uses (developers.google.com/drive/api/reference/
// rest/v3): files.list / get (metadata, or alt=media for stored files) / create (folders, empty Google
// Sheets and Docs, stored files uploaded with uploadType=multipart or media) / update (name,
// description, trashed, addParents / removeParents; new content through /upload) / copy, and
// permissions.create / list, over the same Drive items DriveApp uses.
//
// As Drive does: an item the caller cannot see is "File not found"; files.list includes trashed items
// unless the query says `trashed = false`; an item has at most one parent ("Increasing the number of
// parents is not allowed"); fields come back only when `fields` asks for them (field-mask.ts).

const USER: Schema = { kind: true, displayName: true, emailAddress: true, me: true, permissionId: true };

const FILE: Schema = {
  kind: true,
  id: true,
  name: true,
  mimeType: true,
  description: true,
  starred: true,
  trashed: true,
  explicitlyTrashed: true,
  parents: true,
  spaces: true,
  webViewLink: true,
  createdTime: true,
  modifiedTime: true,
  owners: USER,
  ownedByMe: true,
  shared: true,
  size: true,
  md5Checksum: true,
  capabilities: { canEdit: true, canShare: true, canCopy: true, canDownload: true, canTrash: true, canAddChildren: true },
};

const FILE_LIST: Schema = { kind: true, incompleteSearch: true, nextPageToken: true, files: FILE };

const PERMISSION: Schema = {
  kind: true,
  id: true,
  type: true,
  role: true,
  emailAddress: true,
  displayName: true,
  allowFileDiscovery: true,
  deleted: true,
  pendingOwner: true,
};

const PERMISSION_LIST: Schema = { kind: true, permissions: PERMISSION };

const FILE_DEFAULTS = 'kind,id,name,mimeType';

const isGoogleType = (mimeType: string) => mimeType.startsWith('application/vnd.google-apps.');

/** Drive's id for a person's permission, the same on every file: here a number made from the address. */
export function permissionIdOf(email: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 16)}`).toString();
  return digits.padStart(20, '0');
}

function userJson(call: RestCall, email: string) {
  return { kind: 'drive#user', displayName: email.split('@')[0], emailAddress: email, me: email === call.state.user.email, permissionId: permissionIdOf(email) };
}

function fileJson(call: RestCall, item: DriveItemState) {
  const bytes = item.content === undefined ? null : Buffer.from(item.content, 'base64');
  const access = accessTo(call.state, item);
  const writer = access === 'owner' || access === 'writer';
  const stored = item.kind === 'file' && !isGoogleType(item.mimeType);
  return {
    kind: 'drive#file',
    id: item.id,
    name: item.name,
    mimeType: item.mimeType,
    ...(item.description ? { description: item.description } : {}),
    starred: false,
    trashed: inTrash(call.ctx, item),
    explicitlyTrashed: item.trashed,
    ...(item.parents.length > 0 ? { parents: [...item.parents] } : {}),
    spaces: ['drive'],
    webViewLink: driveItemUrl(item),
    createdTime: item.created.toISOString(),
    modifiedTime: item.updated.toISOString(),
    owners: [userJson(call, item.owner)],
    ownedByMe: item.owner === call.state.user.email,
    shared: item.editors.length > 0 || item.viewers.length > 0 || item.sharing.access !== 'PRIVATE',
    ...(stored ? { size: String(bytes?.length ?? 0), md5Checksum: createHash('md5').update(bytes ?? Buffer.alloc(0)).digest('hex') } : {}),
    capabilities: {
      canEdit: writer,
      canShare: writer,
      canCopy: item.kind === 'file',
      canDownload: stored,
      canTrash: writer && item.id !== call.state.drive.rootFolderId,
      canAddChildren: writer && item.kind === 'folder',
    },
  };
}

// ---- finding items ---------------------------------------------------------------------------------

/** The item, if the caller can see it; 'root' names My Drive's root as in Google. */
function visible(call: RestCall, id: string): DriveItemState {
  const item = call.state.drive.items[id === 'root' ? call.state.drive.rootFolderId : id];
  if (!item || !canRead(call.state, item)) throw driveErrors.fileNotFound(id);
  return item;
}

function writable(call: RestCall, id: string): DriveItemState {
  const item = visible(call, id);
  if (!canWrite(call.state, item)) throw driveErrors.insufficientFilePermissions(id);
  return item;
}

function parentFolder(call: RestCall, id: string): DriveItemState {
  const parent = call.state.drive.items[id === 'root' ? call.state.drive.rootFolderId : id];
  if (!parent || !canRead(call.state, parent)) throw driveErrors.fileNotFound(id);
  if (parent.kind !== 'folder') throw driveErrors.parentNotAFolder();
  if (!canWrite(call.state, parent)) throw driveErrors.insufficientParentPermissions();
  return parent;
}

const requestBody = (raw: Buffer) => jsonBody(raw, driveErrors);

const mask = (call: RestCall, schema: Schema, defaults: string) => fieldMask(call.query.get('fields'), schema, defaults);

// ---- files.list ------------------------------------------------------------------------------------------

const ORDER_KEYS: Record<string, (item: DriveItemState) => string | number> = {
  name: (item) => item.name.toLowerCase(),
  name_natural: (item) => item.name.toLowerCase(),
  createdTime: (item) => item.created.getTime(),
  modifiedTime: (item) => item.updated.getTime(),
  folder: (item) => (item.kind === 'folder' ? 0 : 1),
};

function ordering(orderBy: string | null): ((a: DriveItemState, b: DriveItemState) => number) | null {
  if (orderBy === null || orderBy.trim() === '') return null;
  const keys = orderBy.split(',').map((part) => {
    const [field, direction, extra] = part.trim().split(/\s+/);
    const key = ORDER_KEYS[field ?? ''];
    if (!key || extra !== undefined || (direction !== undefined && direction !== 'desc')) throw driveErrors.invalidValue('orderBy');
    return { key, sign: direction === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const { key, sign } of keys) {
      const x = key(a);
      const y = key(b);
      if (x !== y) return (x < y ? -1 : 1) * sign;
    }
    return 0;
  };
}

const pageTokenOf = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString('base64url');

function offsetOf(token: string | null): number {
  if (token === null || token === '') return 0;
  try {
    const offset = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown }).offset;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // An unreadable token is refused below.
  }
  throw driveErrors.invalidValue('pageToken');
}

export function listFiles(call: RestCall): RestAnswer {
  const q = call.query;
  const fields = mask(call, FILE_LIST, `kind,incompleteSearch,nextPageToken,files(${FILE_DEFAULTS})`);
  const pageSizeText = q.get('pageSize');
  const pageSize = pageSizeText === null ? 100 : Number(pageSizeText);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw driveErrors.outOfRange('pageSize', pageSizeText ?? '', 1, 1000);
  const query = parseDriveQuery(q.get('q') ?? '');
  const order = ordering(q.get('orderBy'));
  const offset = offsetOf(q.get('pageToken'));
  const found = Object.values(call.state.drive.items).filter(
    (item) => item.id !== call.state.drive.rootFolderId && canRead(call.state, item) && query({ item, trashed: inTrash(call.ctx, item) }),
  );
  if (order) found.sort(order);
  const page = found.slice(offset, offset + pageSize);
  const more = offset + pageSize < found.length;
  return answer(
    fields.apply({
      kind: 'drive#fileList',
      incompleteSearch: false,
      ...(more ? { nextPageToken: pageTokenOf(offset + pageSize) } : {}),
      files: page.map((item) => fileJson(call, item)),
    }),
    false,
  );
}

// ---- files.get ---------------------------------------------------------------------------------------------

export function getFile(call: RestCall, id: string): RestAnswer {
  const item = visible(call, id);
  if (call.query.get('alt') === 'media') {
    if (item.kind === 'folder' || isGoogleType(item.mimeType)) throw driveErrors.fileNotDownloadable();
    return { status: 200, media: { contentType: item.mimeType, data: Buffer.from(item.content ?? '', 'base64') } };
  }
  return answer(mask(call, FILE, FILE_DEFAULTS).apply(fileJson(call, item)), false);
}

// ---- uploads -----------------------------------------------------------------------------------------------

interface Upload {
  metadata: Record<string, unknown>;
  media: { contentType: string; data: Buffer } | null;
}

/** A multipart/related body: the JSON metadata part, then the content part (developers.google.com/drive/api/guides/manage-uploads#multipart). */
function multipart(call: RestCall): Upload {
  const boundary = /boundary="?([^";]+)"?/i.exec(call.contentType)?.[1];
  if (!call.contentType.toLowerCase().startsWith('multipart/related') || !boundary) throw driveErrors.notMultipart();
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: string; body: Buffer }[] = [];
  let at = call.raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (call.raw.subarray(start, start + 2).toString() === '--') break;
    const next = call.raw.indexOf(delimiter, start);
    if (next < 0) throw driveErrors.multipartUnclosed();
    const part = call.raw.subarray(start, next);
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) throw driveErrors.multipartPartWithoutHeaders();
    // A part's body ends before the line break that precedes the next boundary.
    const end = part.subarray(part.length - 2).toString() === '\r\n' ? part.length - 2 : part.length;
    parts.push({ headers: part.subarray(0, split).toString('utf8'), body: part.subarray(split + 4, end) });
    at = next;
  }
  if (parts.length !== 2) throw driveErrors.multipartParts(parts.length);
  const contentType = /content-type:\s*([^\r\n]+)/i.exec(parts[1]!.headers)?.[1]?.trim() ?? 'application/octet-stream';
  return { metadata: requestBody(parts[0]!.body), media: { contentType, data: parts[1]!.body } };
}

function upload(call: RestCall, isUploadPath: boolean): Upload {
  if (!isUploadPath) return { metadata: requestBody(call.raw), media: null };
  const uploadType = call.query.get('uploadType');
  if (uploadType === null) throw driveErrors.uploadTypeRequired();
  if (uploadType === 'multipart') return multipart(call);
  if (uploadType === 'media') return { metadata: {}, media: { contentType: call.contentType || 'application/octet-stream', data: call.raw } };
  throw driveErrors.uploadTypeUnsupported(uploadType);
}

function checkWritableFields(metadata: Record<string, unknown>, allowed: readonly string[]): void {
  if (Object.keys(metadata).some((key) => !allowed.includes(key))) throw driveErrors.fieldNotWritable();
}

// ---- files.create / update / copy -------------------------------------------------------------------------

/** The one parent a new item may have; My Drive's root when none is named. */
function parentsOf(call: RestCall, parents: unknown): string[] {
  if (parents === undefined) return [call.state.drive.rootFolderId];
  if (!Array.isArray(parents) || parents.some((p) => typeof p !== 'string')) throw driveErrors.invalidValue('parents');
  if (parents.length > 1) throw driveErrors.cannotAddParent();
  if (parents.length === 0) return [call.state.drive.rootFolderId];
  return [parentFolder(call, parents[0] as string).id];
}

export function createFile(call: RestCall, isUploadPath: boolean): RestAnswer {
  const fields = mask(call, FILE, FILE_DEFAULTS);
  const { metadata, media } = upload(call, isUploadPath);
  checkWritableFields(metadata, ['name', 'mimeType', 'parents', 'description']);
  const name = metadata.name ?? 'Untitled';
  if (typeof name !== 'string') throw driveErrors.invalidValue('name');
  const mimeType = metadata.mimeType ?? media?.contentType ?? 'application/octet-stream';
  if (typeof mimeType !== 'string') throw driveErrors.invalidValue('mimeType');
  const parents = parentsOf(call, metadata.parents);
  if (media && (isGoogleType(mimeType) || mimeType === MIME.folder)) throw driveErrors.conversionUnsupported(mimeType);
  if (isGoogleType(mimeType) && ![MIME.folder, MIME.spreadsheet, MIME.document].includes(mimeType as never)) throw driveErrors.googleTypeUnsupported(mimeType);
  const item = addDriveItem(call.ctx, {
    kind: mimeType === MIME.folder ? 'folder' : 'file',
    name,
    mimeType,
    parents,
    ...(isGoogleType(mimeType) ? {} : { content: (media?.data ?? Buffer.alloc(0)).toString('base64') }),
  });
  if (typeof metadata.description === 'string') item.description = metadata.description;
  if (mimeType === MIME.spreadsheet) {
    call.state.spreadsheets[item.id] = {
      id: item.id,
      name,
      timeZone: call.state.scriptTimeZone,
      locale: 'en_US',
      sheets: [newSheetState(0, 'Sheet1', DEFAULT_ROWS, DEFAULT_COLUMNS)],
      nextSheetId: 1,
    };
  }
  // A new Doc's body holds one empty paragraph, as DocumentApp.create makes it.
  if (mimeType === MIME.document) call.state.documents[item.id] = { id: item.id, name, body: [{ type: 'paragraph', text: '', heading: 'NORMAL', attributes: {} }] };
  return answer(fields.apply(fileJson(call, item)), true);
}

function renameContent(call: RestCall, id: string, name: string): void {
  const content: { name: string } | undefined = call.state.spreadsheets[id] ?? call.state.documents[id];
  if (content) content.name = name;
}

/** A comma-separated list of ids, with 'root' read as My Drive's root. */
function ids(call: RestCall, text: string | null): string[] {
  if (text === null) return [];
  const named = text.split(',').map((id) => id.trim()).filter((id) => id !== '');
  return named.map((id) => (id === 'root' ? call.state.drive.rootFolderId : id));
}

export function updateFile(call: RestCall, id: string, isUploadPath: boolean): RestAnswer {
  const fields = mask(call, FILE, FILE_DEFAULTS);
  const item = writable(call, id);
  if (item.id === call.state.drive.rootFolderId) throw driveErrors.rootNotModifiable();
  const { metadata, media } = upload(call, isUploadPath);
  checkWritableFields(metadata, ['name', 'description', 'trashed', 'mimeType']);
  if (metadata.name !== undefined && (typeof metadata.name !== 'string' || metadata.name === '')) throw driveErrors.invalidValue('name');
  if (metadata.trashed !== undefined && typeof metadata.trashed !== 'boolean') throw driveErrors.invalidValue('trashed');
  if (metadata.mimeType !== undefined && metadata.mimeType !== item.mimeType && (isGoogleType(item.mimeType) || isGoogleType(String(metadata.mimeType)))) {
    throw driveErrors.fieldNotWritable();
  }
  if (media && isGoogleType(item.mimeType)) throw driveErrors.conversionUnsupported(item.mimeType);
  const removed = new Set(ids(call, call.query.get('removeParents')));
  const added = ids(call, call.query.get('addParents')).map((parent) => parentFolder(call, parent).id);
  const parents = [...item.parents.filter((p) => !removed.has(p)), ...added.filter((p) => !item.parents.includes(p) || removed.has(p))];
  const unique = [...new Set(parents)];
  if (unique.length > 1) throw driveErrors.cannotAddParent();
  for (const parent of added) {
    for (let at: string | undefined = parent; at; at = call.state.drive.items[at]?.parents[0]) if (at === item.id) throw driveErrors.parentCycle();
  }
  item.parents = unique;
  if (typeof metadata.name === 'string') {
    item.name = metadata.name;
    renameContent(call, item.id, metadata.name);
  }
  if (typeof metadata.description === 'string') item.description = metadata.description;
  if (typeof metadata.trashed === 'boolean') item.trashed = metadata.trashed;
  if (typeof metadata.mimeType === 'string') item.mimeType = metadata.mimeType;
  if (media) item.content = media.data.toString('base64');
  touchDriveItem(call.ctx, item.id);
  return answer(fields.apply(fileJson(call, item)), true);
}

export function copyFile(call: RestCall, id: string): RestAnswer {
  const fields = mask(call, FILE, FILE_DEFAULTS);
  const original = visible(call, id);
  if (original.kind === 'folder') throw driveErrors.cannotCopyFile();
  const metadata = requestBody(call.raw);
  checkWritableFields(metadata, ['name', 'parents', 'description']);
  if (metadata.name !== undefined && typeof metadata.name !== 'string') throw driveErrors.invalidValue('name');
  // Without parents, the copy goes where the original is, if the caller may add files there.
  const parents =
    metadata.parents !== undefined
      ? parentsOf(call, metadata.parents)
      : original.parents.filter((p) => {
          const parent = call.state.drive.items[p];
          return parent !== undefined && canWrite(call.state, parent);
        }).slice(0, 1);
  const name = (metadata.name as string | undefined) ?? `Copy of ${original.name}`;
  const copy = addDriveItem(call.ctx, {
    kind: 'file',
    name,
    mimeType: original.mimeType,
    parents: parents.length > 0 ? parents : [call.state.drive.rootFolderId],
    ...(original.content === undefined ? {} : { content: original.content }),
  });
  copy.description = typeof metadata.description === 'string' ? metadata.description : original.description;
  const spreadsheet = call.state.spreadsheets[original.id];
  if (spreadsheet) call.state.spreadsheets[copy.id] = { ...structuredClone(spreadsheet), id: copy.id, name };
  const document = call.state.documents[original.id];
  if (document) call.state.documents[copy.id] = { ...structuredClone(document), id: copy.id, name };
  return answer(fields.apply(fileJson(call, copy)), true);
}

// ---- permissions -------------------------------------------------------------------------------------------

type Role = 'owner' | 'writer' | 'commenter' | 'reader';

const LINK_PERMISSION: Record<Exclude<Role, 'owner'>, SharingPermission> = { writer: 'EDIT', commenter: 'COMMENT', reader: 'VIEW' };

function personPermission(call: RestCall, email: string, role: Role) {
  const type = call.state.groups?.[email] !== undefined ? 'group' : 'user';
  return {
    kind: 'drive#permission',
    id: permissionIdOf(email),
    type,
    role,
    emailAddress: email,
    displayName: email.split('@')[0],
    deleted: false,
    pendingOwner: false,
  };
}

function linkPermission(item: DriveItemState) {
  const { access, permission } = item.sharing;
  if (access !== 'ANYONE' && access !== 'ANYONE_WITH_LINK') return null;
  const role = permission === 'EDIT' ? 'writer' : permission === 'COMMENT' ? 'commenter' : 'reader';
  return { kind: 'drive#permission', id: access === 'ANYONE' ? 'anyone' : 'anyoneWithLink', type: 'anyone', role, allowFileDiscovery: access === 'ANYONE' };
}

/**
 * permissions.create. A person given a role keeps only that one (a reader made writer stops being a
 * reader); the owner's role changes only by transferring ownership. Drive's notification email is not
 * modelled: `sendNotificationEmail` is accepted and nothing lands in the outbox, which holds MailApp's mail.
 */
export function createPermission(call: RestCall, id: string): RestAnswer {
  const fields = mask(call, PERMISSION, 'kind,id,type,role');
  const item = visible(call, id);
  const body = requestBody(call.raw);
  const { role, type } = body;
  if (role === undefined) throw driveErrors.fieldRequired('permission.role');
  if (type === undefined) throw driveErrors.fieldRequired('permission.type');
  if (!['owner', 'writer', 'commenter', 'reader'].includes(String(role))) throw driveErrors.invalidValue('permission.role');
  if (!['user', 'group', 'domain', 'anyone'].includes(String(type))) throw driveErrors.invalidValue('permission.type');
  if (type === 'domain') throw driveErrors.sharingTypeUnsupported('domain');
  const me = call.state.user.email;
  if (!canWrite(call.state, item)) throw driveErrors.insufficientFilePermissions(id);
  if (type === 'anyone') {
    if (role === 'owner') throw driveErrors.invalidValue('permission.role');
    item.sharing = { access: body.allowFileDiscovery === true ? 'ANYONE' : 'ANYONE_WITH_LINK', permission: LINK_PERMISSION[role as Exclude<Role, 'owner'>] };
    touchDriveItem(call.ctx, item.id);
    return answer(fields.apply(linkPermission(item)), true);
  }
  const email = body.emailAddress;
  if (email === undefined) throw driveErrors.fieldRequired('permission.emailAddress');
  if (typeof email !== 'string' || !isValidEmail(email)) throw driveErrors.invalidValue('permission.emailAddress');
  if (role === 'owner') {
    if (call.query.get('transferOwnership') !== 'true') throw driveErrors.transferOwnershipRequired();
    if (item.owner !== me) throw driveErrors.insufficientFilePermissions(id);
    item.editors = [...item.editors.filter((e) => e !== email), item.owner];
    item.viewers = item.viewers.filter((v) => v !== email);
    item.owner = email;
  } else if (email !== item.owner) {
    item.editors = item.editors.filter((e) => e !== email);
    item.viewers = item.viewers.filter((v) => v !== email);
    (role === 'writer' ? item.editors : item.viewers).push(email);
  }
  touchDriveItem(call.ctx, item.id);
  return answer(fields.apply(personPermission(call, email, email === item.owner ? 'owner' : (role as Role))), true);
}

/** The item's own permissions: its owner, editors, viewers and link sharing. */
export function listPermissions(call: RestCall, id: string): RestAnswer {
  const fields = mask(call, PERMISSION_LIST, 'kind,permissions(kind,id,type,role)');
  const item = visible(call, id);
  const link = linkPermission(item);
  const permissions = [
    personPermission(call, item.owner, 'owner'),
    ...item.editors.map((email) => personPermission(call, email, 'writer')),
    ...item.viewers.map((email) => personPermission(call, email, 'reader')),
    ...(link ? [link] : []),
  ];
  return answer(fields.apply({ kind: 'drive#permissionList', permissions }), false);
}
