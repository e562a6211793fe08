import { describe, expect, it } from 'vitest';
import { createExecutionContext } from '../../../sandbox/src/execution';
import { createDriveApp } from '../../../sandbox/src/services/drive-app';
import { MIME } from '../../../sandbox/src/services/drive-items';
import { failure, restClients, spreadsheetApp } from './rest-fixture';

// Drive v3 files and permissions through the real googleapis client, over the items DriveApp sees.

/** My Drive with 'CIL Lahore' (a spreadsheet and a Reports folder inside) and a trashed folder. */
async function arranged() {
  const clients = await restClients();
  const DriveApp = createDriveApp(createExecutionContext(clients.state, 'rest-test'));
  const cil = DriveApp.createFolder('CIL Lahore');
  const reports = cil.createFolder('Reports');
  const ss = spreadsheetApp(clients.state).create('CIL Lahore records');
  DriveApp.getFileById(ss.getId()).moveTo(cil);
  const old = DriveApp.createFolder('Old CIL');
  const oldNotes = old.createFile('notes.txt', 'old', 'text/plain');
  old.setTrashed(true);
  return { ...clients, DriveApp, cil: cil.getId(), reports: reports.getId(), spreadsheet: ss.getId(), old: old.getId(), oldNotes: oldNotes.getId() };
}

describe('files.list', () => {
  it("finds by parent, type and name, leaves the trash out only when asked, and answers Drive's default fields", async () => {
    const { drive, cil, reports, spreadsheet, old, oldNotes } = await arranged();
    const inCil = await drive.files.list({ q: `'${cil}' in parents and trashed = false` });
    expect(inCil.data).toEqual({
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: [
        { kind: 'drive#file', id: reports, name: 'Reports', mimeType: MIME.folder },
        { kind: 'drive#file', id: spreadsheet, name: 'CIL Lahore records', mimeType: MIME.spreadsheet },
      ],
    });
    const sheetsOnly = await drive.files.list({ q: `mimeType = '${MIME.spreadsheet}' and name = 'CIL Lahore records'`, fields: 'files(id)' });
    expect(sheetsOnly.data).toEqual({ files: [{ id: spreadsheet }] });
    const everything = await drive.files.list({ fields: 'files(id,trashed)' });
    expect(everything.data.files).toContainEqual({ id: oldNotes, trashed: true });
    const notTrashed = await drive.files.list({ q: 'trashed = false', fields: 'files(id)' });
    expect(notTrashed.data.files!.map((f) => f.id)).not.toContain(oldNotes);
    const either = await drive.files.list({ q: `(name contains 'old' or name = 'Reports') and not mimeType = '${MIME.plainText}'`, fields: 'files(name)' });
    expect(either.data.files).toEqual([{ name: 'Reports' }, { name: 'Old CIL' }]);
    expect(old).toBeTruthy();
  });

  it('pages with pageSize and nextPageToken, in the order asked', async () => {
    const { drive } = await arranged();
    const names: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const { data } = await drive.files.list({ pageSize: 2, pageToken, orderBy: 'name desc', fields: 'nextPageToken,files(name)' });
      names.push(...data.files!.map((f) => f.name!));
      pageToken = data.nextPageToken ?? undefined;
      pages++;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(names).toEqual(['Reports', 'Old CIL', 'notes.txt', 'CIL Lahore records', 'CIL Lahore']);
  });

  it("refuses a query, page size, page token or field it cannot read with Drive's 400 bodies", async () => {
    const { drive } = await arranged();
    expect(await failure(drive.files.list({ q: "name = 'unterminated" }))).toEqual({
      status: 400,
      body: { error: { code: 400, message: 'Invalid Value', errors: [{ domain: 'global', reason: 'invalid', message: 'Invalid Value', location: 'q', locationType: 'parameter' }] } },
    });
    expect((await failure(drive.files.list({ q: "colour = 'red'" }))).status).toBe(400);
    expect((await failure(drive.files.list({ pageSize: 1001 }))).body).toMatchObject({
      error: { message: "Invalid value '1001'. Values must be within the range: [1, 1000]", errors: [{ location: 'pageSize' }] },
    });
    expect((await failure(drive.files.list({ pageToken: 'nonsense' }))).body).toMatchObject({ error: { errors: [{ reason: 'invalid', location: 'pageToken' }] } });
    expect((await failure(drive.files.list({ fields: 'files(id,colour)' }))).body).toMatchObject({
      error: { code: 400, message: 'Invalid field selection colour', errors: [{ reason: 'invalidParameter', location: 'fields' }] },
    });
  });
});

describe('files.get, create, update and copy', () => {
  it("gives metadata by fields, and the content of a stored file with alt=media but not of a Google file", async () => {
    const { drive, cil, spreadsheet } = await arranged();
    const meta = await drive.files.get({ fileId: spreadsheet, fields: 'id,name,parents,owners(emailAddress,me),trashed,modifiedTime' });
    expect(meta.data).toEqual({
      id: spreadsheet,
      name: 'CIL Lahore records',
      parents: [cil],
      owners: [{ emailAddress: 'lead@cil-demo.example', me: true }],
      trashed: false,
      modifiedTime: '2026-11-27T05:00:00.000Z',
    });
    expect(await failure(drive.files.get({ fileId: spreadsheet, alt: 'media' }))).toEqual({
      status: 403,
      body: {
        error: {
          code: 403,
          message: 'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
          errors: [
            { domain: 'global', reason: 'fileNotDownloadable', message: 'Only files with binary content can be downloaded. Use Export with Docs Editors files.', location: 'alt', locationType: 'parameter' },
          ],
        },
      },
    });
    expect(await failure(drive.files.get({ fileId: 'no-such-file' }))).toEqual({
      status: 404,
      body: {
        error: {
          code: 404,
          message: 'File not found: no-such-file.',
          errors: [{ domain: 'global', reason: 'notFound', message: 'File not found: no-such-file.', location: 'fileId', locationType: 'parameter' }],
        },
      },
    });
  });

  it('creates folders, empty Sheets and Docs, and uploads CSV and JSON content in one multipart request', async () => {
    const { drive, state, reports, server } = await arranged();
    // googleapis builds the upload address from the per-request rootUrl only, not the client's.
    const upload = { rootUrl: server.rootUrl };
    const folder = await drive.files.create({ requestBody: { name: 'Backups', mimeType: MIME.folder, parents: [reports] }, fields: 'id,name,mimeType,parents' });
    expect(folder.data).toMatchObject({ name: 'Backups', mimeType: MIME.folder, parents: [reports] });
    const backups = folder.data.id!;
    const sheet = await drive.files.create({ requestBody: { name: 'Rollup', mimeType: MIME.spreadsheet, parents: [backups] } });
    expect(spreadsheetApp(state).openById(sheet.data.id!).getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    const doc = await drive.files.create({ requestBody: { name: 'Template', mimeType: MIME.document } });
    expect(state.documents[doc.data.id!]).toMatchObject({ name: 'Template' });
    const csv = 'id,name\r\nv-1,"Khan, Ayesha"\r\n';
    const uploaded = await drive.files.create({
      requestBody: { name: 'Hours.csv', parents: [backups] },
      media: { mimeType: 'text/csv', body: csv },
      fields: 'id,name,mimeType,size,md5Checksum',
    }, upload);
    expect(uploaded.data).toMatchObject({ name: 'Hours.csv', mimeType: 'text/csv', size: String(Buffer.byteLength(csv)) });
    const content = await drive.files.get({ fileId: uploaded.data.id!, alt: 'media' }, { responseType: 'text' });
    expect(content.data).toBe(csv);
    const manifest = await drive.files.create({ requestBody: { name: 'manifest.json', mimeType: 'application/json', parents: [backups] }, media: { mimeType: 'application/json', body: '{"tabs":3}' } }, upload);
    const DriveApp = createDriveApp(createExecutionContext(state, 'rest-test'));
    expect(DriveApp.getFileById(manifest.data.id!).getBlob().getDataAsString()).toBe('{"tabs":3}');
  });

  it('replaces a stored file\'s content through /upload, takes uploadType=media, and refuses an upload without uploadType', async () => {
    const { drive, server, state } = await arranged();
    const upload = { rootUrl: server.rootUrl };
    const created = await drive.files.create({ media: { mimeType: 'text/csv', body: 'a,b\r\n' } }, upload);
    expect(state.drive.items[created.data.id!]).toMatchObject({ name: 'Untitled', mimeType: 'text/csv' });
    await drive.files.update({ fileId: created.data.id!, requestBody: { name: 'Hours.csv' }, media: { mimeType: 'text/csv', body: 'a,b\r\n1,2\r\n' } }, upload);
    expect((await drive.files.get({ fileId: created.data.id!, alt: 'media' }, { responseType: 'text' })).data).toBe('a,b\r\n1,2\r\n');
    const bare = await fetch(`${server.rootUrl}upload/drive/v3/files`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'text/plain' }, body: 'x' });
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({ error: { message: 'Upload requests must include an uploadType URL parameter and a URL path beginning with /upload/' } });
  });

  it('renames, moves with addParents/removeParents and trashes, as DriveApp then sees it', async () => {
    const { drive, state, cil, reports, spreadsheet } = await arranged();
    const { data } = await drive.files.update({ fileId: spreadsheet, addParents: reports, removeParents: cil, requestBody: { name: 'Records 2026' }, fields: 'name,parents' });
    expect(data).toEqual({ name: 'Records 2026', parents: [reports] });
    expect(spreadsheetApp(state).openById(spreadsheet).getName()).toBe('Records 2026');
    await drive.files.update({ fileId: reports, requestBody: { trashed: true } });
    const DriveApp = createDriveApp(createExecutionContext(state, 'rest-test'));
    expect(DriveApp.getFileById(spreadsheet).isTrashed()).toBe(true);
    expect((await drive.files.get({ fileId: spreadsheet, fields: 'trashed,explicitlyTrashed' })).data).toEqual({ trashed: true, explicitlyTrashed: false });
  });

  it("refuses a second parent, fields it may not write and a folder into itself, with Drive's bodies", async () => {
    const { drive, cil, reports, spreadsheet } = await arranged();
    expect((await failure(drive.files.update({ fileId: spreadsheet, addParents: reports }))).body).toEqual({
      error: {
        code: 403,
        message: 'Increasing the number of parents is not allowed.',
        errors: [{ domain: 'global', reason: 'cannotAddParent', message: 'Increasing the number of parents is not allowed.' }],
      },
    });
    expect((await failure(drive.files.update({ fileId: spreadsheet, requestBody: { parents: [reports] } }))).body).toMatchObject({
      error: { code: 403, message: 'The resource body includes fields which are not directly writable.', errors: [{ reason: 'fieldNotWritable' }] },
    });
    expect((await failure(drive.files.update({ fileId: cil, addParents: reports, removeParents: 'root' }))).status).toBe(400);
    expect((await failure(drive.files.create({ requestBody: { name: 'x', parents: [spreadsheet] } }))).body).toMatchObject({ error: { errors: [{ reason: 'parentNotAFolder' }] } });
  });

  it("copies a spreadsheet with its cells, named 'Copy of …' beside the original, and refuses to copy a folder", async () => {
    const { drive, state, cil, spreadsheet, reports } = await arranged();
    spreadsheetApp(state).openById(spreadsheet).getSheets()[0]!.getRange('A1').setValue('kept');
    const copy = await drive.files.copy({ fileId: spreadsheet, fields: 'id,name,parents' });
    expect(copy.data).toMatchObject({ name: 'Copy of CIL Lahore records', parents: [cil] });
    expect(spreadsheetApp(state).openById(copy.data.id!).getSheets()[0]!.getRange('A1').getValue()).toBe('kept');
    expect((await failure(drive.files.copy({ fileId: reports }))).body).toMatchObject({ error: { code: 403, errors: [{ reason: 'cannotCopyFile' }] } });
  });

  it('hides what the caller cannot see, and refuses changes from a reader', async () => {
    const { drive, state, cil, spreadsheet } = await arranged();
    const DriveApp = createDriveApp(createExecutionContext(state, 'rest-test'));
    DriveApp.getFolderById(cil).addViewer('mentor@example.com');
    state.user.email = 'mentor@example.com';
    // Shared through its folder, as Drive shares a folder's contents.
    expect((await drive.files.get({ fileId: spreadsheet })).data.id).toBe(spreadsheet);
    expect((await failure(drive.files.update({ fileId: spreadsheet, requestBody: { name: 'mine' } }))).body).toEqual({
      error: {
        code: 403,
        message: `The user does not have sufficient permissions for file ${spreadsheet}.`,
        errors: [{ domain: 'global', reason: 'insufficientFilePermissions', message: `The user does not have sufficient permissions for file ${spreadsheet}.` }],
      },
    });
    state.user.email = 'stranger@example.com';
    expect((await failure(drive.files.get({ fileId: spreadsheet }))).status).toBe(404);
    expect((await drive.files.list({ fields: 'files(id)' })).data.files).toEqual([]);
  });
});

describe('permissions.create and list', () => {
  it('shares with a writer and a reader and lists the owner first, as DriveApp sees the editors and viewers', async () => {
    const { drive, state, cil } = await arranged();
    const writer = await drive.permissions.create({ fileId: cil, sendNotificationEmail: false, requestBody: { role: 'writer', type: 'user', emailAddress: 'colead@cil-demo.example' } });
    expect(writer.data).toEqual({ kind: 'drive#permission', id: expect.stringMatching(/^\d{20}$/), type: 'user', role: 'writer' });
    await drive.permissions.create({ fileId: cil, requestBody: { role: 'reader', type: 'user', emailAddress: 'mentor@example.com' } });
    const DriveApp = createDriveApp(createExecutionContext(state, 'rest-test'));
    const folder = DriveApp.getFolderById(cil);
    expect(folder.getEditors().map((u) => u.getEmail())).toEqual(['colead@cil-demo.example']);
    expect(folder.getViewers().map((u) => u.getEmail())).toEqual(['mentor@example.com']);
    const { data } = await drive.permissions.list({ fileId: cil, fields: 'permissions(id,type,role,emailAddress)' });
    expect(data.permissions).toEqual([
      { id: expect.any(String), type: 'user', role: 'owner', emailAddress: 'lead@cil-demo.example' },
      { id: writer.data.id, type: 'user', role: 'writer', emailAddress: 'colead@cil-demo.example' },
      { id: expect.any(String), type: 'user', role: 'reader', emailAddress: 'mentor@example.com' },
    ]);
    const link = await drive.permissions.create({ fileId: cil, requestBody: { role: 'reader', type: 'anyone' }, fields: 'id,type,role,allowFileDiscovery' });
    expect(link.data).toEqual({ id: 'anyoneWithLink', type: 'anyone', role: 'reader', allowFileDiscovery: false });
    expect(folder.getSharingAccess()).toBe('ANYONE_WITH_LINK');
    // The new writer reaches what the folder holds.
    state.user.email = 'colead@cil-demo.example';
    await drive.files.create({ requestBody: { name: 'From the co-lead', mimeType: MIME.folder, parents: [cil] } });
  });

  it("refuses an owner role without transferOwnership, and a missing role, with Drive's bodies", async () => {
    const { drive, cil } = await arranged();
    expect((await failure(drive.permissions.create({ fileId: cil, requestBody: { role: 'owner', type: 'user', emailAddress: 'colead@cil-demo.example' } }))).body).toEqual({
      error: {
        code: 403,
        message: "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
        errors: [
          {
            domain: 'global',
            reason: 'forbidden',
            message: "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
            location: 'transferOwnership',
            locationType: 'parameter',
          },
        ],
      },
    });
    expect((await failure(drive.permissions.create({ fileId: cil, requestBody: { type: 'user', emailAddress: 'x@example.com' } }))).body).toMatchObject({
      error: { code: 400, message: 'The permission.role field is required.', errors: [{ reason: 'required' }] },
    });
    expect((await failure(drive.permissions.create({ fileId: cil, requestBody: { role: 'writer', type: 'user', emailAddress: 'not an address' } }))).status).toBe(400);
  });
});
