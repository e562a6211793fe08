import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SETTINGS_TAB_NAME } from '../../../shared/records/settings';
import { volunteersTab } from '../../../shared/records/volunteer';
import { headerKey } from '../../../shared/records/tab';
import { SCOPES } from '../core/auth';
import { cellToField, isFormula, type Cell } from '../core/cells';
import { GLOBAL_HELP, stringOption, type Command } from '../core/command';
import type { CliContext } from '../core/context';
import { writeCsv } from '../core/csv';
import { fileIdOf, fileInfo, MIME, spreadsheetsIn, type DriveFile } from '../core/drive-files';
import { CliError, UsageError } from '../core/errors';
import { connect, type GoogleConnection } from '../core/google-clients';
import { BACKUP_FORMAT, CELL_NOTATION, MANIFEST_FILE, sha256, type Manifest, type ManifestSpreadsheet } from '../core/manifest';
import { Progress } from '../core/progress';
import { identityColumn, identityHeaderOf } from '../core/row-identity';
import { READ_OPTIONS, readTabs, spreadsheetInfo, type SpreadsheetInfo, type TabValues } from '../core/spreadsheet-values';

// `cil backup`: every tab of a spreadsheet, or of every CIL spreadsheet in a folder and the folders
// below it, to one CSV per tab plus manifest.json. Per spreadsheet: one spreadsheets.get and one
// values.batchGet for all its tabs, whatever their size (a second batchGet only for tabs holding text
// that starts with = or ', see cells.ts).

// A backup holds volunteers' names, addresses and phone numbers: readable by its maker alone.
const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

const HELP = `Usage: cil backup <spreadsheet-or-folder> --out DIR

Copies every tab of a CIL spreadsheet to CSV files in DIR, with a manifest.json listing each tab's
id, headers, row and column counts and SHA-256. Given a Drive folder, backs up every CIL spreadsheet
in it and in the folders below it (spreadsheets without CIL Hub's Volunteers and Settings tabs are
skipped and named). The spreadsheet or folder may be given by id or by its address.

CSV cells keep what \`cil restore\` needs to put every cell back exactly: formulas as formulas, numbers
unrounded, dates as Sheets serial numbers (manifest.json explains the notation).

Options:
  -o, --out DIR   a new or empty folder for the backup (required)

${GLOBAL_HELP}`;

export interface BackupResult {
  folder: string;
  manifest: Manifest;
  skipped: DriveFile[];
}

function slug(text: string): string {
  const slugged = text.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();
  return slugged.slice(0, 60) || 'untitled';
}

/** A CIL spreadsheet has CIL Hub's roster and settings tabs; a folder may hold other spreadsheets too. */
function isCilSpreadsheet(info: SpreadsheetInfo): boolean {
  const titles = new Set(info.tabs.map((tab) => headerKey(tab.title)));
  return titles.has(headerKey(volunteersTab.name)) && titles.has(headerKey(SETTINGS_TAB_NAME));
}

function headerText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (isFormula(cell)) return cell.formula;
  return String(cell);
}

/** The CSV text of a tab, padded to a rectangle as RFC 4180 asks, and its manifest entry. */
function tabFile(tab: TabValues, file: string): { csv: string; entry: ManifestSpreadsheet['tabs'][number] } {
  const width = tab.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const fields = tab.rows.map((row) => {
    const line: string[] = new Array<string>(width);
    for (let c = 0; c < width; c++) line[c] = c < row.length ? cellToField(row[c]!) : '';
    return line;
  });
  const csv = writeCsv(fields);
  const header = tab.rows[0] ?? [];
  return {
    csv,
    entry: {
      sheetId: tab.sheetId,
      title: tab.title,
      index: tab.index,
      file,
      headers: Array.from({ length: width }, (_unused, c) => headerText(header[c])),
      idHeader: identityColumn(tab.title, header) === null ? null : identityHeaderOf(tab.title)!,
      rowCount: tab.rows.length,
      columnCount: width,
      sha256: sha256(csv),
    },
  };
}

function checkOutFolder(folder: string): void {
  if (!existsSync(folder)) return;
  if (!statSync(folder).isDirectory()) throw new CliError(`--out ${folder} is a file; give a new or empty folder.`);
  if (readdirSync(folder).length > 0) throw new CliError(`--out ${folder} is not empty; give a new or empty folder, so no earlier backup is mixed with this one.`);
}

export async function backUp(
  ctx: CliContext,
  connection: GoogleConnection,
  given: string,
  outFolder: string,
): Promise<BackupResult> {
  const folder = resolve(ctx.cwd, outFolder);
  checkOutFolder(folder);
  const sourceId = fileIdOf(given);
  const progress = new Progress(ctx.stderr, 'backup', 1);
  connection.onRetry = (wait) => progress.note(`Google answered ${wait.status}; waiting ${(wait.ms / 1000).toFixed(1)} s before trying again.`);
  progress.update(0, 'finding what to back up');
  const source = await fileInfo(connection, sourceId);
  let candidates: DriveFile[];
  if (source.mimeType === MIME.spreadsheet) candidates = [source];
  else if (source.mimeType === MIME.folder) candidates = await spreadsheetsIn(connection, source.id);
  else throw new CliError(`"${source.name}" (${source.id}) is neither a spreadsheet nor a folder (it is ${source.mimeType}).`);
  progress.setTotal(candidates.length);

  const made: string[] = [];
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    createdAt: ctx.now().toISOString(),
    source: { id: source.id, name: source.name, kind: source.mimeType === MIME.folder ? 'folder' : 'spreadsheet' },
    render: { ...READ_OPTIONS, cellNotation: CELL_NOTATION },
    spreadsheets: [],
  };
  const skipped: DriveFile[] = [];
  const madeFolder = !existsSync(folder);
  const temporaryManifest = join(folder, `.${MANIFEST_FILE}.tmp`);
  try {
    mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER });
    for (const [n, file] of candidates.entries()) {
      progress.update(n, `${file.name}: reading`);
      const info = await spreadsheetInfo(connection, file.id);
      if (source.mimeType === MIME.folder && !isCilSpreadsheet(info)) {
        skipped.push(file);
        continue;
      }
      const tabs = await readTabs(connection, file.id, info.tabs);
      const subfolder = `${slug(info.name)}--${info.id}`;
      mkdirSync(join(folder, subfolder), { mode: PRIVATE_FOLDER });
      made.push(join(folder, subfolder));
      const entry: ManifestSpreadsheet = { id: info.id, name: info.name, timeZone: info.timeZone, locale: info.locale, tabs: [] };
      for (const [t, tab] of tabs.entries()) {
        progress.update(n + (t + 1) / (tabs.length + 1), `${info.name}: ${tab.title} (${tab.rows.length.toLocaleString('en-US')} rows)`);
        const csvFile = `${subfolder}/${String(t + 1).padStart(2, '0')}-${slug(tab.title)}.csv`;
        const { csv, entry: tabEntry } = tabFile(tab, csvFile);
        writeFileSync(join(folder, csvFile), csv, { mode: PRIVATE_FILE });
        entry.tabs.push(tabEntry);
      }
      manifest.spreadsheets.push(entry);
    }
    if (manifest.spreadsheets.length === 0) {
      throw new CliError(`"${source.name}" holds no CIL spreadsheet (none has CIL Hub's Volunteers and Settings tabs); nothing was backed up.`);
    }
    // The manifest last, renamed into place: a backup without one is incomplete, and restore says so.
    writeFileSync(temporaryManifest, `${JSON.stringify(manifest, null, 2)}\n`, { mode: PRIVATE_FILE });
    renameSync(temporaryManifest, join(folder, MANIFEST_FILE));
  } catch (error) {
    // Nothing half-done is left behind: the folder was new or empty before.
    for (const path of [...made, temporaryManifest]) rmSync(path, { recursive: true, force: true });
    if (madeFolder) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  progress.finish(`${manifest.spreadsheets.length} ${manifest.spreadsheets.length === 1 ? 'spreadsheet' : 'spreadsheets'} saved`);
  return { folder, manifest, skipped };
}

export const backup: Command = {
  name: 'backup',
  summary: 'copy every tab of a CIL spreadsheet (or of every one in a folder) to CSV files',
  help: HELP,
  options: { out: { type: 'string', short: 'o' } },
  scopes: [SCOPES.spreadsheets, SCOPES.driveMetadataReadonly],
  async run({ positionals, values, ctx }) {
    if (positionals.length !== 1) throw new UsageError('cil backup takes one spreadsheet or folder (id or address); see cil backup --help.');
    const out = stringOption(values, 'out');
    if (out === undefined || out === '') throw new UsageError('cil backup needs --out DIR, a new or empty folder for the backup.');
    const connection = connect(ctx, { sandbox: stringOption(values, 'sandbox'), adc: values.adc === true }, backup.scopes);
    const result = await backUp(ctx, connection, positionals[0]!, out);
    const lines = result.manifest.spreadsheets.map((spreadsheet) => {
      const rows = spreadsheet.tabs.reduce((sum, tab) => sum + Math.max(0, tab.rowCount - 1), 0);
      return `  ${spreadsheet.name} (${spreadsheet.id}): ${spreadsheet.tabs.length} tabs, ${rows.toLocaleString('en-US')} rows below the headers`;
    });
    ctx.stdout.write(`Backed up to ${result.folder}:\n${lines.join('\n')}\n`);
    for (const file of result.skipped) ctx.stdout.write(`  skipped ${file.name} (${file.id}): not a CIL spreadsheet\n`);
    return 0;
  },
};
