import type { GoogleConnection } from './google-clients';
import { UsageError } from './errors';

// Finding spreadsheets in Drive: what an id names, and the spreadsheets in a folder and the folders
// below it (a CfP folder holds one folder per CIL, each holding its spreadsheet). Metadata only, as
// the drive.metadata.readonly scope allows.

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
} as const;

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
}

const ID = /^[A-Za-z0-9_-]{10,}$/;

/** The file id in a Google Sheets or Drive address, or the id itself. */
export function fileIdOf(given: string): string {
  const trimmed = given.trim();
  const inAddress = /\/(?:d|folders)\/([A-Za-z0-9_-]+)/.exec(trimmed) ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(trimmed);
  const id = inAddress ? inAddress[1]! : trimmed;
  if (!ID.test(id)) {
    throw new UsageError(`"${given}" is not a spreadsheet or folder id, nor a Google Sheets or Drive address.`);
  }
  return id;
}

export async function fileInfo(connection: GoogleConnection, fileId: string): Promise<DriveFile> {
  const { data } = await connection.send(() =>
    connection.drive.files.get({ fileId, fields: 'id,name,mimeType', supportsAllDrives: true }),
  );
  return { id: data.id ?? fileId, name: data.name ?? '', mimeType: data.mimeType ?? '' };
}

/** Drive's largest page of a listing. */
const PAGE_SIZE = 1000;

/** Files directly in a folder that are spreadsheets or folders, every page of the listing. */
async function children(connection: GoogleConnection, folderId: string, pageSize: number): Promise<DriveFile[]> {
  const found: DriveFile[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await connection.send(() =>
      connection.drive.files.list({
        q: `'${folderId}' in parents and trashed = false and (mimeType = '${MIME.folder}' or mimeType = '${MIME.spreadsheet}')`,
        fields: 'nextPageToken,files(id,name,mimeType)',
        pageSize,
        orderBy: 'name',
        supportsAllDrives: true,
        includeItemsFromAllDrives: true,
        ...(pageToken ? { pageToken } : {}),
      }),
    );
    for (const file of data.files ?? []) found.push({ id: file.id ?? '', name: file.name ?? '', mimeType: file.mimeType ?? '' });
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);
  return found;
}

/** The spreadsheets in a folder and every folder below it, each once, folder by folder. */
export async function spreadsheetsIn(connection: GoogleConnection, folderId: string, pageSize = PAGE_SIZE): Promise<DriveFile[]> {
  const spreadsheets = new Map<string, DriveFile>();
  const seenFolders = new Set([folderId]);
  const queue = [folderId];
  while (queue.length > 0) {
    for (const file of await children(connection, queue.shift()!, pageSize)) {
      if (file.mimeType === MIME.spreadsheet) spreadsheets.set(file.id, file);
      else if (!seenFolders.has(file.id)) {
        seenFolders.add(file.id);
        queue.push(file.id);
      }
    }
  }
  return [...spreadsheets.values()];
}
