import { describe, expect, it } from 'vitest';
import type { SpreadsheetState } from '../../../sandbox/src/workspace';
import type { ExecutionContext } from '../../../sandbox/src/execution';
import { createDriveApp, createMimeType } from '../../../sandbox/src/services/drive-app';
import { createDocumentApp } from '../../../sandbox/src/services/document-app';
import { addDriveItem, MIME } from '../../../sandbox/src/services/drive-items';
import { createUtilities } from '../../../sandbox/src/services/utilities';
import { newSheetState } from '../../../sandbox/src/services/spreadsheet/workbook';
import { errorOf, serviceContext } from './service-context';

const setup = () => {
  const ctx = serviceContext();
  return { ctx, DriveApp: createDriveApp(ctx), DocumentApp: createDocumentApp(ctx), Utilities: createUtilities(ctx) };
};

const names = (iterator: { hasNext(): boolean; next(): { getName(): string } }) => {
  const out: string[] = [];
  while (iterator.hasNext()) out.push(iterator.next().getName());
  return out;
};

/** A spreadsheet as SpreadsheetApp would leave it, made directly in the state. */
function addSpreadsheet(ctx: ExecutionContext, name: string, parent: string): string {
  const item = addDriveItem(ctx, { kind: 'file', name, mimeType: MIME.spreadsheet, parents: [parent] });
  const spreadsheet: SpreadsheetState = {
    id: item.id,
    name,
    timeZone: 'Asia/Karachi',
    locale: 'en_US',
    nextSheetId: 1,
    sheets: [
      {
        ...newSheetState(0, 'Hours', 1000, 26),
        values: [
          ['Volunteer', 'Date', 'Hours'],
          ['Ali', new Date('2026-11-20T19:00:00Z'), 5],
        ],
        frozenRows: 1,
      },
    ],
  };
  ctx.state.spreadsheets[item.id] = spreadsheet;
  return item.id;
}

describe('DriveApp folders and files', () => {
  it('builds a folder tree and lists it, with Google URL shapes', () => {
    const { ctx, DriveApp } = setup();
    const cil = DriveApp.createFolder('CIL Karachi');
    const reports = cil.createFolder('Reports');
    cil.createFolder('Archive');
    const notes = cil.createFile('notes.txt', 'hello');
    expect(DriveApp.getRootFolder().getId()).toBe(ctx.state.drive.rootFolderId);
    expect(names(DriveApp.getRootFolder().getFolders())).toEqual(['CIL Karachi']);
    expect(names(cil.getFolders())).toEqual(['Reports', 'Archive']);
    expect(names(cil.getFiles())).toEqual(['notes.txt']);
    expect(names(cil.getFoldersByName('Reports'))).toEqual(['Reports']);
    expect(names(DriveApp.getFoldersByName('Reports'))).toEqual(['Reports']);
    expect(names(reports.getParents())).toEqual(['CIL Karachi']);
    expect(names(DriveApp.getRootFolder().getParents())).toEqual([]);
    expect(cil.getUrl()).toBe(`https://drive.google.com/drive/folders/${cil.getId()}`);
    expect(notes.getUrl()).toBe(`https://drive.google.com/file/d/${notes.getId()}/view?usp=drivesdk`);
    expect(notes.getMimeType()).toBe('text/plain');
    expect(notes.getSize()).toBe(5);
    expect(notes.getBlob().getDataAsString()).toBe('hello');
    expect(DriveApp.getFolderById(reports.getId()).getName()).toBe('Reports');
    expect(notes.getDateCreated()).toEqual(new Date('2026-11-27T05:00:00Z'));
  });

  it('throws past the end of an iterator', () => {
    const { DriveApp } = setup();
    const files = DriveApp.getRootFolder().getFiles();
    expect(files.hasNext()).toBe(false);
    expect(errorOf(() => files.next())).toBe('Cannot retrieve the next object: iterator has reached the end.');
  });

  it('does not find an unknown id, nor a file by folder id or a folder by file id', () => {
    const { DriveApp } = setup();
    const folder = DriveApp.createFolder('CIL');
    const file = folder.createFile('a.txt', 'a');
    const notFound = 'No item with the given ID could be found, or you do not have permission to access it.';
    expect(errorOf(() => DriveApp.getFileById('nope'))).toBe(notFound);
    expect(errorOf(() => DriveApp.getFileById(folder.getId()))).toBe(notFound);
    expect(errorOf(() => DriveApp.getFolderById(file.getId()))).toBe(notFound);
  });

  // developers.google.com/apps-script/reference/drive/folder: a folder's listings are "all files that
  // are children of the current folder"; a trashed item keeps its parent, and Drive's files.list returns
  // trashed files unless asked for "trashed = false" (developers.google.com/drive/api/reference/rest/v3/files/list).
  it("lists a folder's trashed children with the rest, and DriveApp's searches leave the trash out; ids find trashed items", () => {
    const { DriveApp } = setup();
    const cil = DriveApp.createFolder('CIL');
    const old = cil.createFolder('Old');
    const kept = cil.createFile('kept.txt', '1');
    const trashed = cil.createFile('trashed.txt', '2');
    const inside = old.createFile('inside.txt', '3');
    const lookAlike = cil.createFile('kept.txt', '4');
    trashed.setTrashed(true);
    lookAlike.setTrashed(true);
    expect(names(cil.getFiles())).toEqual(['kept.txt', 'trashed.txt', 'kept.txt']);
    const byName = cil.getFilesByName('kept.txt');
    const listed = [byName.next(), byName.next()];
    expect(listed.map((file) => [file.getId(), file.isTrashed()])).toEqual([
      [kept.getId(), false],
      [lookAlike.getId(), true],
    ]);
    expect(names(cil.getFilesByType('text/plain'))).toEqual(['kept.txt', 'trashed.txt', 'kept.txt']);
    expect(DriveApp.getFileById(trashed.getId()).isTrashed()).toBe(true);
    expect(names(DriveApp.getFilesByName('trashed.txt'))).toEqual([]);

    old.setTrashed(true);
    expect(inside.isTrashed()).toBe(true);
    expect(names(cil.getFolders())).toEqual(['Old']);
    expect(names(cil.getFoldersByName('Old'))).toEqual(['Old']);
    expect(names(old.getFiles())).toEqual(['inside.txt']);
    expect(names(DriveApp.getFilesByName('inside.txt'))).toEqual([]);
    expect(names(DriveApp.getFoldersByName('Old'))).toEqual([]);
    expect(names(DriveApp.getTrashedFiles())).toEqual(['trashed.txt', 'inside.txt', 'kept.txt']);
    old.setTrashed(false);
    expect(inside.isTrashed()).toBe(false);
    expect(names(DriveApp.getFiles())).toEqual(['kept.txt', 'inside.txt']);
    expect(errorOf(() => DriveApp.getRootFolder().setTrashed(true))).toBe(
      'The root folder of My Drive cannot be moved, renamed or trashed.',
    );
  });

  it('moves files and folders, but never a folder into itself', () => {
    const { DriveApp } = setup();
    const a = DriveApp.createFolder('A');
    const b = a.createFolder('B');
    const file = DriveApp.createFile('f.txt', 'x');
    file.moveTo(b);
    expect(names(file.getParents())).toEqual(['B']);
    expect(names(DriveApp.getRootFolder().getFiles())).toEqual([]);
    expect(errorOf(() => a.moveTo(b))).toBe('A folder cannot be moved into itself or into one of its own subfolders.');
    b.moveTo(DriveApp.getRootFolder());
    expect(names(DriveApp.getRootFolder().getFolders())).toEqual(['A', 'B']);
  });

  it('creates files from blobs, sets text content, and refuses Google types as bytes', () => {
    const { DriveApp, Utilities } = setup();
    const file = DriveApp.createFile(Utilities.newBlob('a,b\n', null, 'export.csv'));
    expect(file.getMimeType()).toBe('text/csv'); // guessed from the extension
    file.setContent('c,d\n');
    expect(file.getBlob().getDataAsString()).toBe('c,d\n');
    expect(file.getAs('application/pdf').getName()).toBe('export.pdf');
    expect(errorOf(() => DriveApp.createFile('x', 'y', MIME.spreadsheet))).toBe('Invalid argument: mimeType');
    expect(errorOf(() => DriveApp.createFile('big.txt', 'x'.repeat(10 * 1024 * 1024 + 1)))).toBe(
      'File content is larger than the maximum of 10 MB.',
    );
  });
});

describe('DriveApp sharing', () => {
  it('adds editors and viewers, validates addresses, and promotes a viewer to editor', () => {
    const { DriveApp } = setup();
    const folder = DriveApp.createFolder('CIL');
    folder.addViewer('ali@cil.example').addEditors(['sara@cil.example', 'ali@cil.example']);
    folder.addViewer('sara@cil.example'); // already an editor: no effect
    folder.addEditor('lead@cil-demo.example'); // the owner stays owner
    expect(folder.getEditors().map((u) => u.getEmail())).toEqual(['sara@cil.example', 'ali@cil.example']);
    expect(folder.getViewers()).toEqual([]);
    expect(folder.getOwner().getEmail()).toBe('lead@cil-demo.example');
    expect(folder.getAccess('sara@cil.example')).toBe('EDIT');
    expect(folder.getAccess('lead@cil-demo.example')).toBe('OWNER');
    expect(folder.getAccess('nobody@cil.example')).toBe('NONE');

    folder.removeEditor('ali@cil.example').addViewer(folder.getEditors()[0]!);
    expect(folder.getEditors().map((u) => u.getEmail())).toEqual(['sara@cil.example']);
    folder.revokePermissions('sara@cil.example');
    expect(folder.getEditors()).toEqual([]);
    expect(errorOf(() => folder.addEditor('not an email'))).toBe('Invalid email: not an email');
  });

  it('sets link sharing with the Access and Permission enums', () => {
    const { DriveApp } = setup();
    const file = DriveApp.createFile('report.txt', 'x');
    expect([file.getSharingAccess(), file.getSharingPermission()]).toEqual(['PRIVATE', 'NONE']);
    file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    expect([file.getSharingAccess(), file.getSharingPermission()]).toEqual(['ANYONE_WITH_LINK', 'VIEW']);
    expect(file.getAccess('anyone@else.example')).toBe('VIEW');
    expect(errorOf(() => file.setSharing(DriveApp.Access.ANYONE, DriveApp.Permission.OWNER))).toBe(
      'Invalid argument: permissionType',
    );
    // A consumer account has no domain to share with.
    expect(errorOf(() => file.setSharing(DriveApp.Access.DOMAIN, DriveApp.Permission.EDIT))).toBe('Invalid argument: accessType');
    expect(errorOf(() => file.setSharing('PUBLIC', 'VIEW'))).toBe(
      "The parameters (String,String) don't match the method signature for File.setSharing.",
    );
  });
});

describe('DriveApp copies and exports', () => {
  it('copies a spreadsheet with its content, deep: the copy is private and independent', () => {
    const { ctx, DriveApp } = setup();
    const cil = DriveApp.createFolder('CIL');
    const archive = DriveApp.createFolder('Archive');
    const id = addSpreadsheet(ctx, 'CIL Records', cil.getId());
    const original = DriveApp.getFileById(id);
    original.addEditor('sara@cil.example').setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.EDIT);

    const copy = original.makeCopy();
    expect(copy.getName()).toBe('Copy of CIL Records');
    expect(names(copy.getParents())).toEqual(['CIL']);
    expect(copy.getEditors()).toEqual([]);
    expect(copy.getSharingAccess()).toBe('PRIVATE');
    const copied = ctx.state.spreadsheets[copy.getId()]!;
    expect(copied.id).toBe(copy.getId());
    expect(copied.name).toBe('Copy of CIL Records');
    const date = copied.sheets[0]!.values[1]![1] as Date;
    expect(date).toBeInstanceOf(Date);
    expect(date).toEqual(new Date('2026-11-20T19:00:00Z'));
    copied.sheets[0]!.values[1]![2] = 99;
    date.setTime(0);
    const source = ctx.state.spreadsheets[id]!.sheets[0]!.values[1]!;
    expect(source[2]).toBe(5);
    expect((source[1] as Date).toISOString()).toBe('2026-11-20T19:00:00.000Z');

    const named = original.makeCopy('Q4 snapshot', archive);
    expect(names(named.getParents())).toEqual(['Archive']);
    expect(ctx.state.spreadsheets[named.getId()]!.name).toBe('Q4 snapshot');
    expect(copy.getMimeType()).toBe(createMimeType().GOOGLE_SHEETS);
  });

  it('renaming a spreadsheet or document in Drive renames its content too', () => {
    const { ctx, DriveApp } = setup();
    const id = addSpreadsheet(ctx, 'Old name', ctx.state.drive.rootFolderId);
    DriveApp.getFileById(id).setName('New name');
    expect(ctx.state.spreadsheets[id]!.name).toBe('New name');
  });

  it("copies and exports a document as last saved: the script's unsaved edits are not in it", () => {
    const { ctx, DriveApp, DocumentApp } = setup();
    const template = DocumentApp.create('Template');
    template.getBody().appendParagraph('Hello {{name}}');
    template.saveAndClose();

    const doc = DocumentApp.openById(template.getId());
    doc.getBody().replaceText('\\{\\{name\\}\\}', 'Ali');
    const file = DriveApp.getFileById(doc.getId());
    expect(file.getAs('application/pdf').getDataAsString('ISO-8859-1')).toContain('(Hello {{name}}) Tj');
    const early = file.makeCopy('early');
    expect(ctx.state.documents[early.getId()]!.body.map((n) => ('text' in n ? n.text : ''))).toEqual(['', 'Hello {{name}}']);

    doc.saveAndClose();
    const pdf = file.getBlob();
    expect(pdf.getName()).toBe('Template.pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getDataAsString('ISO-8859-1')).toContain('(Hello Ali) Tj');
    expect(file.getSize()).toBe(0);
    expect(errorOf(() => file.getAs('text/plain'))).toBe(
      'Converting from application/vnd.google-apps.document to text/plain is not supported.',
    );
    expect(errorOf(() => file.setContent('x'))).toBe(
      'The content of a file of type application/vnd.google-apps.document cannot be set.',
    );
  });

  it('exports a spreadsheet as a PDF of its visible sheets', () => {
    const { ctx, DriveApp } = setup();
    const id = addSpreadsheet(ctx, 'CIL Records', ctx.state.drive.rootFolderId);
    const text = DriveApp.getFileById(id).getBlob().getDataAsString('ISO-8859-1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('(Ali | 2026-11-21 00:00:00 | 5) Tj');
  });
});
