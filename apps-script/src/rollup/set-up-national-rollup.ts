import { markText } from '../../../shared/records/cells';
import { missingColumns, readHeader } from '../../../shared/records/row-codec';
import type { ColumnDefinition, TabDefinition } from '../../../shared/records/tab';
import { quarterRowsTab } from '../../../shared/rollup';
import { z } from '../../../shared/zod';
import { fileNamed, fileWithId, folderWithId, parentOf } from '../google/drive-folders';
import { requireAdmin } from '../deployment-admin';
import { keepToOwner } from '../google/owner-only';
import { busyForLead, LEAD_ACTION_LOCK_WAIT_MS, withScriptLock } from '../google/script-lock';
import { cfpEmailSchema, readNationalSetting, writeNationalSetting, type NationalSetting } from './national-setting';
import { NATIONAL_TABS } from './national-sheet';

// Setting up the national rollup: makes, or adopts, "CIL Hub — national rollup" in CfP's Drive folder
// with its tabs, and records it and the CfP lead in the deployment's script properties. Everything is
// read and checked before the first write, and running it again on a set-up rollup changes nothing.

type Folder = GoogleAppsScript.Drive.Folder;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const NATIONAL_SPREADSHEET_NAME = 'CIL Hub — national rollup';
/** How setup recognises its own protection among any an admin added. */
const PROTECTION = 'CIL Hub national rollup: CIL Hub rewrites this tab on its daily run, so only the owner may change it.';
// MimeType.GOOGLE_SHEETS; spelled out because tests type-check this module beside the DOM's MimeType.
const GOOGLE_SHEETS = 'application/vnd.google-apps.spreadsheet';
const DATE_FORMAT = 'yyyy-mm-dd';

export interface SetUpNationalRollupOptions {
  /** CfP's Drive folder; default the folder set up before, else the root of My Drive. */
  folderId?: string;
  /** Who the rollup proposes mentor check-ins to. */
  cfpLeadEmail: string;
}

export interface SetUpNationalRollupResult {
  spreadsheetId: string;
  spreadsheetUrl: string;
  folderId: string;
  cfpLeadEmail: string;
  /** What this run made or changed, e.g. 'tab "Trend"', 'CfP lead email'. */
  created: string[];
  /** What was already there and left as it was. */
  kept: string[];
}

const optionsSchema = z.strictObject({
  folderId: z.string().trim().min(1, { error: 'is blank' }).optional(),
  cfpLeadEmail: cfpEmailSchema,
});

function parseOptions(options: unknown): z.output<typeof optionsSchema> {
  const parsed = optionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const given = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  const problems = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `there is no option ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    const key = issue.path[0];
    if (key === undefined) return 'the options must be an object such as { cfpLeadEmail: "lead@codeforpakistan.org" }';
    if (given[key as string] === undefined) return `option "${String(key)}" is missing`;
    return `option "${String(key)}" ${issue.code === 'invalid_type' ? `must be a ${issue.expected}` : issue.message}`;
  });
  throw new Error(`Cannot set up the national rollup: ${problems.join('; ')}. Nothing was changed.`);
}

/** What setup does to one tab. */
interface TabWork {
  tab: TabDefinition;
  /** null: the tab is missing and is made. */
  sheet: Sheet | null;
  /** Row 1 as it is (empty for a new or empty tab). */
  header: unknown[];
  /** Columns the header lacks, added after its last column. */
  append: ColumnDefinition[];
  protect: boolean;
}

function hasOurProtection(sheet: Sheet): boolean {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).some((protection) => protection.getDescription() === PROTECTION);
}

/** Reads each tab and decides what to do, or names what an admin must fix first. Writes nothing. */
function inspectTabs(spreadsheet: Spreadsheet | null): { works: TabWork[]; problems: string[] } {
  const works: TabWork[] = [];
  const problems: string[] = [];
  for (const tab of NATIONAL_TABS) {
    const sheet = spreadsheet?.getSheetByName(tab.name) ?? null;
    if (!sheet) {
      works.push({ tab, sheet: null, header: [], append: [...tab.columns], protect: true });
      continue;
    }
    // The views are rewritten whole by each run; only the rows tab keeps its header and an admin's columns.
    let header: unknown[] = [];
    let append: ColumnDefinition[] = [];
    if (tab === quarterRowsTab) {
      const lastColumn = sheet.getLastColumn();
      header = lastColumn === 0 ? [] : sheet.getRange(1, 1, 1, lastColumn).getValues()[0]!;
      const read = readHeader(tab, header);
      if (!read.ok && read.duplicated.length > 0) problems.push(`${read.message} Nothing was changed.`);
      append = missingColumns(tab, header);
    }
    works.push({ tab, sheet, header, append, protect: !hasOurProtection(sheet) });
  }
  return { works, problems };
}

function writeTab(spreadsheet: Spreadsheet, work: TabWork, spare: Sheet | null, report: Pick<SetUpNationalRollupResult, 'created' | 'kept'>): void {
  let sheet = work.sheet;
  if (sheet === null) {
    sheet = spare ? spare.setName(work.tab.name) : spreadsheet.insertSheet(work.tab.name);
    report.created.push(`tab "${work.tab.name}"`);
  } else report.kept.push(`tab "${work.tab.name}"`);
  if (work.append.length > 0) {
    const from = work.header.length + 1;
    const width = from - 1 + work.append.length;
    if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet.getRange(1, from, 1, work.append.length).setValues([work.append.map((column) => markText(column.header))]).setFontWeight('bold');
    if (work.sheet !== null) report.created.push(`${work.append.length === 1 ? 'column' : 'columns'} ${work.append.map((c) => `"${c.header}"`).join(', ')} in "${work.tab.name}"`);
    // The rows tab's dates read as days; the views are written whole by each run.
    if (work.sheet === null && work.tab === quarterRowsTab) {
      const asOf = quarterRowsTab.columns.findIndex((column) => column.key === 'asOf') + 1;
      sheet.getRange(2, asOf, sheet.getMaxRows() - 1, 1).setNumberFormat(DATE_FORMAT);
    }
  }
  if (work.sheet === null) sheet.setFrozenRows(1);
  if (work.protect) {
    keepToOwner(sheet.protect().setDescription(PROTECTION));
    if (work.sheet !== null) report.created.push(`protection of "${work.tab.name}"`);
  }
}

/** The national spreadsheet: the one set up before if it is still in `folder`, else the one of that name there. */
function spreadsheetIn(folder: Folder, existing: NationalSetting | null): Spreadsheet | null {
  const recorded = existing ? fileWithId(existing.spreadsheetId) : null;
  if (recorded && parentOf(recorded)?.getId() === folder.getId()) return SpreadsheetApp.openById(recorded.getId());
  const named = fileNamed(folder, NATIONAL_SPREADSHEET_NAME, GOOGLE_SHEETS);
  return named ? SpreadsheetApp.openById(named.getId()) : null;
}

function existingSetting(): NationalSetting | null {
  try {
    return readNationalSetting();
  } catch {
    // An unreadable setting is what this entry point mends: it is written anew below.
    return null;
  }
}

/**
 * Entry point: sets up (or adopts and repairs) the national rollup in CfP's Drive folder for the CfP
 * lead named; see SetUpNationalRollupOptions. Plain JSON in and out (the `cil` command line calls it).
 */
export function setUpNationalRollup(options: SetUpNationalRollupOptions): SetUpNationalRollupResult {
  const parsed = parseOptions(options);
  requireAdmin('set up the national rollup');
  return withScriptLock(
    LEAD_ACTION_LOCK_WAIT_MS,
    () => {
      const existing = existingSetting();
      let folder: Folder | null;
      if (parsed.folderId !== undefined) {
        folder = folderWithId(parsed.folderId);
        if (!folder) throw new Error('Cannot set up the national rollup: option "folderId" names no folder in your Drive (or one in the trash). Nothing was changed.');
      } else folder = (existing ? folderWithId(existing.folderId) : null) ?? DriveApp.getRootFolder();
      let spreadsheet = spreadsheetIn(folder, existing);
      const { works, problems } = inspectTabs(spreadsheet);
      if (problems.length > 0) throw new Error(`Cannot set up the national rollup: ${problems.join(' ')}`);

      const report: Pick<SetUpNationalRollupResult, 'created' | 'kept'> = { created: [], kept: [] };
      let spare: Sheet | null = null;
      if (spreadsheet) report.kept.push(`spreadsheet "${spreadsheet.getName()}"`);
      else {
        spreadsheet = SpreadsheetApp.create(NATIONAL_SPREADSHEET_NAME);
        // SpreadsheetApp makes it in the root of My Drive.
        DriveApp.getFileById(spreadsheet.getId()).moveTo(folder);
        spreadsheet.setSpreadsheetTimeZone(Session.getScriptTimeZone());
        spare = spreadsheet.getSheets()[0]!;
        report.created.push(`spreadsheet "${NATIONAL_SPREADSHEET_NAME}"`);
      }
      for (const work of works) {
        writeTab(spreadsheet, work, spare, report);
        if (work.sheet === null) spare = null;
      }

      const setting: NationalSetting = {
        spreadsheetId: spreadsheet.getId(),
        folderId: folder.getId(),
        cfpLeadEmail: parsed.cfpLeadEmail,
        // An adopted spreadsheet keeps the time zone its admin chose: its dates are written in it.
        timeZone: existing?.spreadsheetId === spreadsheet.getId() ? existing.timeZone : spreadsheet.getSpreadsheetTimeZone(),
        setUpAt: existing?.spreadsheetId === spreadsheet.getId() ? existing.setUpAt : new Date().toISOString(),
      };
      const unchanged = existing !== null && (Object.keys(setting) as (keyof NationalSetting)[]).every((key) => existing[key] === setting[key]);
      if (unchanged) report.kept.push('setting');
      else {
        writeNationalSetting(setting);
        report.created.push('setting');
      }
      return {
        spreadsheetId: setting.spreadsheetId,
        spreadsheetUrl: spreadsheet.getUrl(),
        folderId: setting.folderId,
        cfpLeadEmail: setting.cfpLeadEmail,
        created: report.created,
        kept: report.kept,
      };
    },
    busyForLead,
  );
}
