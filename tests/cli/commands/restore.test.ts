/// <reference types="google-apps-script" />
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '../../../cli/src/core/manifest';
import { runCli } from '../../../cli/src/main';
import { asLead } from '../../apps-script/as-lead';
import { testRun } from '../cli-fixture';
import { addHostileCells } from '../hostile-cells';
import { cellsOf, requestsSince, servedDemoCil, wipe, type ServedCil } from '../served-cil';

// `cil restore` against the sandbox's Sheets API, over backups `cil backup` made of the demo CIL.

async function backUp(served: ServedCil): Promise<string> {
  const run = testRun();
  expect(await runCli(['backup', served.spreadsheetId, '--out', 'backup', '--sandbox', served.server.rootUrl], run.ctx), run.stderr()).toBe(0);
  return join(run.ctx.cwd, 'backup');
}

async function restore(served: ServedCil, folder: string, ...options: string[]) {
  const run = testRun();
  const before = { ...served.server.requests.byMethod };
  const exit = await runCli(['restore', folder, '--to', served.spreadsheetId, '--sandbox', served.server.rootUrl, ...options], run.ctx);
  return { exit, stdout: run.stdout(), stderr: run.problems(), requests: requestsSince(served, before) };
}

/** A lead's edits after the backup: a changed status, a changed number of hours, a new Hours row, a deleted Notice. */
function editSinceBackup(served: ServedCil) {
  return asLead(
    served.sandbox,
    (spreadsheetId: string) => {
      const book = SpreadsheetApp.openById(spreadsheetId);
      const volunteers = book.getSheetByName('Volunteers')!;
      volunteers.getRange(3, 6).setValue('inactive');
      const hours = book.getSheetByName('Hours')!;
      hours.getRange(5, 4).setValue(7);
      hours.appendRow(['added-since-backup', 'v-2d16f3ad', new Date(), 1, 'outreach', '', 'typed in', 'sheet', new Date()]);
      book.getSheetByName('Notices')!.deleteRow(2);
      return { volunteer: String(volunteers.getRange(3, 1).getValue()), entry: String(hours.getRange(5, 1).getValue()) };
    },
    [served.spreadsheetId],
  );
}

/** A lead's column work in a tab: moves the column named `header` to A, then inserts "Checked by" as column C, filled. */
function moveAndInsert(served: ServedCil, tab: string, header: string) {
  asLead(
    served.sandbox,
    (spreadsheetId: string, name: string, wanted: string) => {
      const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName(name)!;
      const from = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf(wanted) + 1;
      const rows = sheet.getLastRow();
      sheet.insertColumnBefore(1);
      sheet.getRange(1, 1, rows, 1).setValues(sheet.getRange(1, from + 1, rows, 1).getValues());
      sheet.deleteColumn(from + 1);
      sheet.insertColumnBefore(3);
      sheet.getRange(1, 3, rows, 1).setValues([['Checked by'], ...Array.from({ length: rows - 1 }, (_, i) => [`lead ${i + 2}`])]);
    },
    [served.spreadsheetId, tab, header],
  );
}

/** A tab's rows as objects keyed by header name, from the sandbox's cells. */
function byHeader(cells: ReturnType<typeof cellsOf>, name: string): Record<string, unknown>[] {
  const [header = [], ...rows] = cells.find((sheet) => sheet.name === name)!.values;
  return rows.map((row) => Object.fromEntries(header.map((h, c) => [String(h), row[c] ?? ''])));
}

describe('cil restore', { timeout: 30_000 }, () => {
  it('puts back every cell of a wiped CIL, hostile text and formulas included, in one write', async () => {
    const served = await servedDemoCil();
    addHostileCells(served);
    const original = cellsOf(served);
    const backup = await backUp(served);
    await wipe(served);
    expect(cellsOf(served)).not.toEqual(original);

    const { exit, stdout, stderr, requests } = await restore(served, backup);
    expect(exit, stderr).toBe(0);
    expect(cellsOf(served)).toEqual(original);
    expect(requests).toEqual({
      'sheets.spreadsheets.get': 1,
      'sheets.spreadsheets.values.batchGet': 1,
      'sheets.spreadsheets.values.batchUpdate': 1,
    });
    expect(stdout).toContain('  Volunteers: 12 restored, 0 overwritten, 0 left as they are (0 unchanged, 0 not in the backup); header row restored\n');
    expect(stdout).toContain("  Lead's notes: 3 restored, 0 overwritten, 0 left as they are (0 unchanged, 0 not in the backup); header row restored\n");
  });

  it('writes nothing when the spreadsheet is as the backup left it', async () => {
    const served = await servedDemoCil();
    const backup = await backUp(served);
    const { exit, stdout, requests } = await restore(served, backup);
    expect(exit).toBe(0);
    expect(requests).toEqual({ 'sheets.spreadsheets.get': 1, 'sheets.spreadsheets.values.batchGet': 1 });
    expect(stdout).toContain('  Hours: 0 restored, 0 overwritten, 204 left as they are (204 unchanged, 0 not in the backup)\n');
  });

  it('refuses to overwrite rows changed since the backup, lists them and writes nothing; --overwrite-changed puts them back', async () => {
    const served = await servedDemoCil();
    const backup = await backUp(served);
    const original = cellsOf(served);
    const { volunteer, entry } = editSinceBackup(served);
    const edited = cellsOf(served);

    const refused = await restore(served, backup);
    expect(refused.exit).toBe(1);
    expect(refused.stderr.split('\n')).toEqual([
      expect.stringMatching(/^cil: Restore refused: 2 rows of "CIL Demo — CIL Hub" changed since the backup of .*, so nothing was written\. Run again with --overwrite-changed/),
      `  Volunteers row 3 (${volunteer}): Status "active" in the backup, "inactive" now`,
      `  Hours row 5 (${entry}): Hours 2 in the backup, 7 now`,
      '',
    ]);
    expect(refused.requests).toEqual({ 'sheets.spreadsheets.get': 1, 'sheets.spreadsheets.values.batchGet': 1 });
    expect(cellsOf(served)).toEqual(edited);

    const dryRun = await restore(served, backup, '--overwrite-changed', '--dry-run');
    expect(dryRun.exit).toBe(0);
    expect(dryRun.stdout).toContain('Dry run: nothing was written.');
    expect(dryRun.stdout).toContain('  Notices: 1 to restore, 0 to overwrite, 8 left as they are (8 unchanged, 0 not in the backup)\n');
    expect(dryRun.requests).toEqual({ 'sheets.spreadsheets.get': 1, 'sheets.spreadsheets.values.batchGet': 1 });
    expect(cellsOf(served)).toEqual(edited);

    const overwritten = await restore(served, backup, '--overwrite-changed');
    expect(overwritten.exit).toBe(0);
    expect(overwritten.stdout).toContain('  Volunteers: 0 restored, 1 overwritten, 11 left as they are (11 unchanged, 0 not in the backup)\n');
    expect(overwritten.stdout).toContain('  Hours: 0 restored, 1 overwritten, 204 left as they are (203 unchanged, 1 not in the backup)\n');
    expect(overwritten.stdout).toContain(`Rows overwritten with the backup:\n  Volunteers row 3 (${volunteer}): Status "active" in the backup, "inactive" now\n`);
    expect(overwritten.requests['sheets.spreadsheets.values.batchUpdate']).toBe(1);
    const restored = cellsOf(served);
    const tab = (cells: typeof original, name: string) => cells.find((sheet) => sheet.name === name)!.values;
    expect(tab(restored, 'Volunteers')).toEqual(tab(original, 'Volunteers'));
    // The row added since the backup is kept, below the backup's rows.
    expect(tab(restored, 'Hours').slice(0, -1)).toEqual(tab(original, 'Hours'));
    expect(tab(restored, 'Hours').at(-1)![0]).toBe('added-since-backup');
    // The deleted notice comes back below the rows that moved up into its place.
    expect(new Set(tab(restored, 'Notices').map((row) => row[0]))).toEqual(new Set(tab(original, 'Notices').map((row) => row[0])));
  });

  it('puts wiped rows back under their own headers after a lead moved a column and inserted one', async () => {
    const served = await servedDemoCil();
    addHostileCells(served);
    const backup = await backUp(served);
    const original = byHeader(cellsOf(served), 'Hours');
    moveAndInsert(served, 'Hours', 'Hours');
    asLead(served.sandbox, (id: string) => {
      const sheet = SpreadsheetApp.openById(id).getSheetByName('Hours')!;
      // The lead's column keeps its header; the records' columns are wiped.
      sheet.getRange(2, 1, sheet.getLastRow() - 1, 2).clearContent();
      sheet.getRange(2, 4, sheet.getLastRow() - 1, sheet.getLastColumn() - 3).clearContent();
    }, [served.spreadsheetId]);

    const { exit, stdout, stderr, requests } = await restore(served, backup);
    expect(exit, stderr).toBe(0);
    expect(stdout).toContain(`  Hours: ${original.length} restored, 0 overwritten`);
    expect(requests['sheets.spreadsheets.values.batchUpdate']).toBe(1);
    const restored = cellsOf(served);
    expect(restored.find((sheet) => sheet.name === 'Hours')!.values[0]!.slice(0, 4)).toEqual(['Hours', 'Entry ID', 'Checked by', 'Volunteer ID']);
    const rows = byHeader(restored, 'Hours');
    // Every backup value under its own header, and the lead's column as the lead left it.
    expect(rows.map(({ 'Checked by': checkedBy, ...rest }) => rest)).toEqual(original);
    expect(rows.map((row) => row['Checked by'])).toEqual(original.map((_, i) => `lead ${i + 2}`));
  });

  it('with a moved column, --overwrite-changed writes back only the changed cell, under its header, and no row twice', async () => {
    const served = await servedDemoCil();
    const backup = await backUp(served);
    const { entry } = editSinceBackup(served);
    moveAndInsert(served, 'Hours', 'Hours');
    const edited = cellsOf(served);

    const refused = await restore(served, backup);
    expect(refused.exit).toBe(1);
    expect(refused.stderr).toContain(`  Hours row 5 (${entry}): Hours 2 in the backup, 7 now\n`);

    const overwritten = await restore(served, backup, '--overwrite-changed');
    expect(overwritten.exit, overwritten.stderr).toBe(0);
    expect(overwritten.stdout).toContain('  Hours: 0 restored, 1 overwritten, 204 left as they are (203 unchanged, 1 not in the backup)\n');
    const hours = (cells: typeof edited) => cells.find((sheet) => sheet.name === 'Hours')!;
    const expected = structuredClone(hours(edited).values);
    expect(expected[4]![0]).toBe(7);
    expected[4]![0] = 2;
    expect(hours(cellsOf(served)).values).toEqual(expected);
    expect(hours(cellsOf(served)).formulas).toEqual(hours(edited).formulas);
  });

  it('refuses a backup column the tab no longer has, naming it, even with --overwrite-changed; --drop-missing-columns restores without it', async () => {
    const served = await servedDemoCil();
    const backup = await backUp(served);
    asLead(served.sandbox, (id: string) => {
      const sheet = SpreadsheetApp.openById(id).getSheetByName('Hours')!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
      sheet.getRange(1, header.indexOf('Category') + 1).setValue('Kind of work');
      sheet.deleteRow(3);
    }, [served.spreadsheetId]);
    const renamed = cellsOf(served);

    for (const options of [[], ['--overwrite-changed']]) {
      const refused = await restore(served, backup, ...options);
      expect(refused.exit).toBe(1);
      expect(refused.stderr).toMatch(/^cil: Restore refused: the backup has columns that "CIL Demo — CIL Hub" no longer has \(renamed or deleted since the backup of .*\), so nothing was written\. .*--drop-missing-columns/);
      expect(refused.stderr).toContain('\n  Hours: "Category"\n');
      expect(refused.requests).toEqual({ 'sheets.spreadsheets.get': 1, 'sheets.spreadsheets.values.batchGet': 1 });
      expect(cellsOf(served)).toEqual(renamed);
    }

    const dropped = await restore(served, backup, '--drop-missing-columns');
    expect(dropped.exit, dropped.stderr).toBe(0);
    expect(dropped.stdout).toContain('  Hours: 1 restored, 0 overwritten, 203 left as they are (203 unchanged, 0 not in the backup); without "Category"\n');
    const rows = byHeader(cellsOf(served), 'Hours');
    expect(rows).toHaveLength(204);
    // The row put back has no "Kind of work": the backup's Category was left out.
    expect(rows.at(-1)!['Kind of work']).toBe('');
  });

  it('refuses a backup whose CSV was changed or cut short, before sending any request', async () => {
    const served = await servedDemoCil();
    const backup = await backUp(served);
    const manifest = readManifest(backup);
    const [volunteers, hours] = manifest.spreadsheets[0]!.tabs;
    const volunteersCsv = join(backup, volunteers!.file);
    writeFileSync(volunteersCsv, readFileSync(volunteersCsv, 'utf8').replace('active', 'alumni'));
    const hoursCsv = join(backup, hours!.file);
    writeFileSync(hoursCsv, readFileSync(hoursCsv).subarray(0, 1000));
    await wipe(served);
    const wiped = cellsOf(served);
    const before = served.server.requests.total;

    const { exit, stderr } = await restore(served, backup);
    expect(exit).toBe(1);
    expect(stderr).toBe(
      `cil: The backup in ${backup} does not check out, so nothing was restored: 2 files have problems.\n` +
        `  ${volunteers!.file} (tab "Volunteers") was changed or cut short since the backup: its SHA-256 is not the manifest's\n` +
        `  ${hours!.file} (tab "Hours") was changed or cut short since the backup: its SHA-256 is not the manifest's\n`,
    );
    expect(served.server.requests.total).toBe(before);
    expect(cellsOf(served)).toEqual(wiped);
  });

  it('refuses a manifest that points outside the backup folder', async () => {
    const served = await servedDemoCil();
    const backup = await backUp(served);
    const manifestPath = join(backup, 'manifest.json');
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace(/"file": "[^"]*01-volunteers\.csv"/, '"file": "../../etc/passwd"'));
    const { exit, stderr } = await restore(served, backup);
    expect(exit).toBe(1);
    expect(stderr).toBe('cil: The backup\'s manifest names a file outside the backup folder ("../../etc/passwd"); nothing was restored.\n');
  });

  it('makes a deleted tab again, with its rows', async () => {
    const served = await servedDemoCil();
    addHostileCells(served);
    const original = cellsOf(served);
    const backup = await backUp(served);
    asLead(served.sandbox, (id: string) => SpreadsheetApp.openById(id).deleteSheet(SpreadsheetApp.openById(id).getSheetByName("Lead's notes")!), [served.spreadsheetId]);

    const { exit, stdout, requests } = await restore(served, backup);
    expect(exit).toBe(0);
    expect(requests['sheets.spreadsheets.batchUpdate']).toBe(1);
    expect(stdout).toContain("  Lead's notes (tab made): 3 restored");
    expect(stdout).toContain('run CIL Hub › Set up this CIL… in the spreadsheet');
    expect(cellsOf(served)).toEqual(original);
  });

  it('backs off when the Sheets API quota runs out, and loses no row', async () => {
    let clock = Date.parse('2026-11-27T05:00:00Z');
    const served = await servedDemoCil({ readsPerMinute: 1, writesPerMinute: 1, clock: () => clock });
    addHostileCells(served);
    const original = cellsOf(served);
    const backupRun = testRun({}, (ms) => (clock += ms));
    expect(await runCli(['backup', served.spreadsheetId, '--out', 'backup', '--sandbox', served.server.rootUrl], backupRun.ctx)).toBe(0);
    expect(backupRun.stderr()).toContain('backup: Google answered 429; waiting 1.5 s before trying again.\n');
    expect(backupRun.problems()).toBe('');
    // The wipe is the test's, not the CLI's: it waits for a fresh minute of quota rather than backing off.
    clock += 60_000;
    await wipe(served);

    const restoreRun = testRun({}, (ms) => (clock += ms));
    expect(await runCli(['restore', join(backupRun.ctx.cwd, 'backup'), '--to', served.spreadsheetId, '--sandbox', served.server.rootUrl], restoreRun.ctx)).toBe(0);
    expect(served.server.requests.throttled).toBeGreaterThanOrEqual(3);
    expect(backupRun.waited.length + restoreRun.waited.length).toBe(served.server.requests.throttled);
    expect(cellsOf(served)).toEqual(original);
  });

  it('asks which spreadsheet to restore from a backup of several, and for the target', async () => {
    const served = await servedDemoCil();
    const backup = await backUp(served);
    const run = testRun();
    expect(await runCli(['restore', backup, '--sandbox', served.server.rootUrl], run.ctx)).toBe(2);
    expect(run.problems()).toBe('cil: cil restore needs --to, the spreadsheet to restore into.\n');
    const wrong = await restore(served, backup, '--from', 'Another CIL');
    expect(wrong.exit).toBe(2);
    expect(wrong.stderr).toMatch(/^cil: The backup holds no spreadsheet with the id or name "Another CIL"; it holds "CIL Demo — CIL Hub" \(/);
  });
});
