import type { ExecutionContext } from '../execution';
import type { DriveItemState } from '../workspace';

// Drive is the one index of every file: a spreadsheet or document is a Drive item whose id is also the
// key of its content in `state.spreadsheets` / `state.documents`, so SpreadsheetApp, DocumentApp and
// DriveApp always agree on names, parents, sharing and trash.

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  document: 'application/vnd.google-apps.document',
  pdf: 'application/pdf',
  plainText: 'text/plain',
  html: 'text/html',
  csv: 'text/csv',
  json: 'application/json',
} as const;

/** Google's file ids are 44 characters of [A-Za-z0-9_-]; ours look alike and stay deterministic. */
export function newDriveId(ctx: ExecutionContext): string {
  return ctx.newId('1CiLHubSandbox').padEnd(44, 'x');
}

/** A Drive item as it is first stored: its owner's alone (no editors, viewers or link sharing), created `now`. */
export function newDriveItemState(
  fields: Pick<DriveItemState, 'id' | 'kind' | 'name' | 'mimeType' | 'parents' | 'owner'> & Partial<Pick<DriveItemState, 'content'>>,
  now: Date,
): DriveItemState {
  return {
    id: fields.id,
    kind: fields.kind,
    name: fields.name,
    mimeType: fields.mimeType,
    parents: fields.parents,
    owner: fields.owner,
    editors: [],
    viewers: [],
    sharing: { access: 'PRIVATE', permission: 'NONE' },
    description: '',
    created: now,
    updated: now,
    trashed: false,
    ...(fields.content === undefined ? {} : { content: fields.content }),
  };
}

export function addDriveItem(
  ctx: ExecutionContext,
  fields: Pick<DriveItemState, 'kind' | 'name' | 'mimeType'> & Partial<Pick<DriveItemState, 'id' | 'parents' | 'content'>>,
): DriveItemState {
  const item = newDriveItemState(
    {
      ...fields,
      id: fields.id ?? newDriveId(ctx),
      parents: fields.parents ?? [ctx.state.drive.rootFolderId],
      owner: ctx.state.user.email,
    },
    ctx.now(),
  );
  ctx.state.drive.items[item.id] = item;
  return item;
}

export function touchDriveItem(ctx: ExecutionContext, id: string): void {
  const item = ctx.state.drive.items[id];
  if (item) item.updated = ctx.now();
}

/** The web address a person would open: Google's URL shapes, so links in reports and emails look real. */
export function driveItemUrl(item: DriveItemState): string {
  switch (item.mimeType) {
    case MIME.folder:
      return `https://drive.google.com/drive/folders/${item.id}`;
    case MIME.spreadsheet:
      return `https://docs.google.com/spreadsheets/d/${item.id}/edit`;
    case MIME.document:
      return `https://docs.google.com/document/d/${item.id}/edit`;
    default:
      return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
  }
}
