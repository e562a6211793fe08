import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { z } from '../../../shared/zod';
import { fieldToCell, type Cell } from './cells';
import { CsvError, readCsv } from './csv';
import { CliError } from './errors';
import { READ_OPTIONS } from './spreadsheet-values';

// A backup folder: manifest.json, and one CSV per tab beside it. The manifest says what was backed
// up, when and how (the render options and the CSV's cell notation), and holds each CSV's SHA-256, so
// a restore can refuse a file changed or cut short since, before it writes anything.

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'cil-hub-backup/1';

/** How the CSV fields say what a cell holds (cells.ts): written into every manifest for whoever reads it. */
export const CELL_NOTATION =
  "Each field is a cell: a formula as its =... text; a number as JavaScript writes it (dates and times as Sheets serial numbers, " +
  "days since 1899-12-30, in the spreadsheet's time zone); TRUE or FALSE for a checkbox or boolean; otherwise text, with one leading " +
  "apostrophe added when the text starts with ' or =, is TRUE or FALSE, or would read as a number. An empty field is a blank cell.";

const sha256Shape = z.string().regex(/^[0-9a-f]{64}$/);

const tabSchema = z.object({
  sheetId: z.number().int(),
  title: z.string(),
  index: z.number().int().min(0),
  file: z.string().min(1),
  headers: z.array(z.string()),
  /** The tab's identifying column (a record's id), by which a restore matches rows; null: by row number. */
  idHeader: z.string().nullable(),
  /** Rows in the CSV (header row included) and columns in each. */
  rowCount: z.number().int().min(0),
  columnCount: z.number().int().min(0),
  sha256: sha256Shape,
});

const spreadsheetSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  timeZone: z.string(),
  locale: z.string(),
  tabs: z.array(tabSchema),
});

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  source: z.object({ id: z.string(), name: z.string(), kind: z.enum(['spreadsheet', 'folder']) }),
  render: z.object({
    valueRenderOption: z.literal(READ_OPTIONS.valueRenderOption),
    dateTimeRenderOption: z.literal(READ_OPTIONS.dateTimeRenderOption),
    cellNotation: z.string(),
  }),
  spreadsheets: z.array(spreadsheetSchema),
});

export type Manifest = z.output<typeof manifestSchema>;
export type ManifestSpreadsheet = Manifest['spreadsheets'][number];
export type ManifestTab = ManifestSpreadsheet['tabs'][number];

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A path from the manifest, refused unless it stays inside the backup folder. */
function insideBackup(folder: string, file: string): string {
  const relative = normalize(file);
  if (isAbsolute(relative) || relative === '..' || relative.startsWith(`..${sep}`)) {
    throw new CliError(`The backup's manifest names a file outside the backup folder ("${file}"); nothing was restored.`);
  }
  return join(folder, relative);
}

export function readManifest(folder: string): Manifest {
  const path = join(folder, MANIFEST_FILE);
  if (!existsSync(path)) throw new CliError(`${folder} holds no backup: ${MANIFEST_FILE} is missing.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`The backup's ${MANIFEST_FILE} is not valid JSON (${(error as Error).message}); nothing was restored.`);
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) {
    const issue = manifest.error.issues[0]!;
    throw new CliError(`The backup's ${MANIFEST_FILE} is not a CIL Hub backup manifest (${issue.path.join('.') || 'top level'}: ${issue.message}); nothing was restored.`);
  }
  return manifest.data;
}

export interface CheckedTab {
  tab: ManifestTab;
  rows: Cell[][];
}

/**
 * Every tab of one backed-up spreadsheet, each CSV checked against the manifest: its SHA-256 first,
 * then its shape. The first problem of each file is listed; any problem refuses the whole restore.
 */
export function checkedTabs(folder: string, spreadsheet: ManifestSpreadsheet): CheckedTab[] {
  const problems: string[] = [];
  const tabs: CheckedTab[] = [];
  for (const tab of spreadsheet.tabs) {
    const path = insideBackup(folder, tab.file);
    if (!existsSync(path)) {
      problems.push(`${tab.file} (tab "${tab.title}") is missing`);
      continue;
    }
    const bytes = readFileSync(path);
    if (sha256(bytes) !== tab.sha256) {
      problems.push(`${tab.file} (tab "${tab.title}") was changed or cut short since the backup: its SHA-256 is not the manifest's`);
      continue;
    }
    let fields: string[][];
    try {
      fields = readCsv(bytes.toString('utf8'));
    } catch (error) {
      problems.push(`${tab.file} (tab "${tab.title}") is not valid CSV: ${(error as CsvError).message}`);
      continue;
    }
    const ragged = fields.findIndex((row) => row.length !== tab.columnCount);
    if (fields.length !== tab.rowCount || (ragged >= 0 && tab.rowCount > 0)) {
      problems.push(`${tab.file} (tab "${tab.title}") does not have the manifest's ${tab.rowCount} rows of ${tab.columnCount} columns`);
      continue;
    }
    tabs.push({ tab, rows: fields.map((row) => row.map(fieldToCell)) });
  }
  if (problems.length > 0) {
    throw new CliError(
      `The backup in ${folder} does not check out, so nothing was restored: ${problems.length} ${problems.length === 1 ? 'file has a problem' : 'files have problems'}.`,
      1,
      problems.map((problem) => `  ${problem}`),
    );
  }
  return tabs;
}
