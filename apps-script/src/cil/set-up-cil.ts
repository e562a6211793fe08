import { z } from '../../../shared/zod';
import { settingColumns, settingsSchema, SETTINGS_TAB_NAME, type Settings } from '../../../shared/records/settings';
import { headerKey } from '../../../shared/records/tab';
import { dayOf } from '../../../shared/time/zone';
import { newCilId, registerCil, registeredCils, type RegisteredCil } from '../cil-registry';
import { TabProblem } from '../google/tab-sheet';
import { fileNamed, fileWithId, folderNamed, folderWithId, parentOf } from '../google/drive-folders';
import { setUpCilFolders } from './cil-folders';
import { inspectSpreadsheet, newSpreadsheetInspection, writeTabs, type SpreadsheetInspection } from './cil-spreadsheet';
import { writeDashboard } from './dashboard-tab';
import { cilNameIn, planSettings, settingsTab, writeSettings, type GivenSettings } from './settings-tab';
import type { SetupReport } from './setup-report';
import { busyForLead, LEAD_ACTION_LOCK_WAIT_MS, withScriptLock } from '../google/script-lock';
import { claimAdmin, deploymentAdmin, isAdmin, leadsCil, requireAdmin } from '../deployment-admin';
import { openCil, type OpenCil } from './open-cil';
import { messageOf } from '../error-message';

// "Set up a CIL": makes, or adopts where they exist, the CIL's Drive folder tree and its spreadsheet,
// and registers the CIL with this deployment. Everything is read and checked first; only then is
// anything written, so a problem a lead must fix leaves Drive and the spreadsheet as they were.
// Running it again on a set-up CIL writes nothing.

type Folder = GoogleAppsScript.Drive.Folder;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SetUpCilOptions {
  name: string;
  city?: string;
  /** Default Asia/Karachi; the Settings tab's, when it has one, wins. */
  timeZone?: string;
  leadEmails?: string[];
  cfpLeadEmail?: string;
  /** The Drive folder to make the CIL folder in (default the root of My Drive); a registered CIL stays where it is. */
  parentFolderId?: string;
}

export interface SetUpCilResult {
  cilId: string;
  spreadsheetId: string;
  spreadsheetUrl: string;
  folderId: string;
  /** What this run made or repaired, e.g. 'tab "Hours"', 'column "Notes" in "Volunteers"'. */
  created: string[];
  /** What was already there and left as it was. */
  kept: string[];
  /** What the lead should know or still do, e.g. which settings are still blank. */
  notes: string[];
}

const email = settingsSchema.shape.cfpLeadEmail.unwrap();

// The settings' own field schemas, so an option is accepted exactly when its setting would be.
const setUpCilOptionsSchema = z.strictObject({
  name: settingsSchema.shape.cilName,
  city: settingsSchema.shape.city,
  timeZone: settingsSchema.shape.timeZone.unwrap().optional(),
  leadEmails: z.array(email).optional(),
  cfpLeadEmail: email.optional(),
  parentFolderId: z.string().trim().min(1, { error: 'is blank' }).optional(),
});
type ParsedOptions = z.output<typeof setUpCilOptionsSchema>;

function optionsProblem(options: unknown, error: z.ZodError): Error {
  const given = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  const problems = error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `there is no option ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    const [key, item] = issue.path;
    if (key === undefined) return 'the options must be an object such as { name: "CIL Lahore" }';
    const option = typeof item === 'number' ? `"${String(key)}" (item ${item + 1})` : `"${String(key)}"`;
    if (issue.code !== 'invalid_type') return `option ${option} ${issue.message}`;
    if (given[key as string] === undefined) return `option ${option} is missing`;
    return `option ${option} must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  });
  return new Error(`Cannot set up the CIL: ${problems.join('; ')}. Nothing was created.`);
}

function parseOptions(options: unknown): ParsedOptions {
  const parsed = setUpCilOptionsSchema.safeParse(options);
  if (!parsed.success) throw optionsProblem(options, parsed.error);
  return parsed.data;
}

function givenSettings(options: ParsedOptions): GivenSettings {
  const { name, city, timeZone, leadEmails, cfpLeadEmail } = options;
  return { cilName: name, city, timeZone, leadEmails, cfpLeadEmail };
}

function spreadsheetNameOf(cilName: string): string {
  return `${cilName} — CIL Hub`;
}

/** Where a CIL is, as far as it exists: what setup adopts, and where it makes the rest. */
interface CilPlace {
  /** The CIL folder, or the folder to make it in. */
  folder: { existing: Folder } | { makeIn: Folder };
  spreadsheet: Spreadsheet | null;
  /** The spreadsheet is not in the CIL folder yet and is moved there. */
  moveSpreadsheet: boolean;
  /** Why a spreadsheet outside the CIL folder stays where it is: it is someone else's. */
  notMovedBecause?: string;
  registered: RegisteredCil | null;
}

// MimeType.GOOGLE_SHEETS; spelled out because tests type-check this module beside the DOM's MimeType.
const GOOGLE_SHEETS = 'application/vnd.google-apps.spreadsheet';

function spreadsheetIn(folder: Folder, cilName: string): Spreadsheet | null {
  const file = fileNamed(folder, spreadsheetNameOf(cilName), GOOGLE_SHEETS);
  return file ? SpreadsheetApp.openById(file.getId()) : null;
}

/** A registered CIL by its registry entry; otherwise the folder named after the CIL in the parent folder. */
function placeOfCil(options: ParsedOptions, registered: RegisteredCil | null): CilPlace {
  const parent = options.parentFolderId === undefined ? DriveApp.getRootFolder() : folderWithId(options.parentFolderId);
  if (!parent) throw new Error('Cannot set up the CIL: option "parentFolderId" names no folder in your Drive (or one in the trash). Nothing was created.');
  const file = registered ? fileWithId(registered.spreadsheetId) : null;
  const spreadsheet = file ? SpreadsheetApp.openById(file.getId()) : null;
  const registeredFolder = registered ? folderWithId(registered.folderId) : null;
  if (registeredFolder) {
    return { folder: { existing: registeredFolder }, spreadsheet: spreadsheet ?? spreadsheetIn(registeredFolder, options.name), moveSpreadsheet: false, registered };
  }
  // A registered spreadsheet whose folder is gone moves into the folder found or made here.
  const folder = folderNamed(parent, options.name);
  if (!folder) return { folder: { makeIn: parent }, spreadsheet, moveSpreadsheet: spreadsheet !== null, registered };
  return { folder: { existing: folder }, spreadsheet: spreadsheet ?? spreadsheetIn(folder, options.name), moveSpreadsheet: spreadsheet !== null, registered };
}

/**
 * The spreadsheet a lead has open: its folder is the CIL folder, unless it sits loose in My Drive (or
 * in no folder the lead can see, as a file shared with them does).
 */
function placeOfSpreadsheet(spreadsheet: Spreadsheet, cilName: string): CilPlace {
  const file = DriveApp.getFileById(spreadsheet.getId());
  const parent = parentOf(file);
  const root = DriveApp.getRootFolder();
  if (parent && parent.getId() !== root.getId()) {
    return { folder: { existing: parent }, spreadsheet, moveSpreadsheet: false, registered: null };
  }
  const folder = folderNamed(root, cilName);
  const place: CilPlace = { folder: folder ? { existing: folder } : { makeIn: root }, spreadsheet, moveSpreadsheet: true, registered: null };
  // The CIL's folders do not belong loose in My Drive, so the spreadsheet moves into a CIL folder; but
  // only its owner may move it. (A file in a shared drive has no owner.)
  const owner = file.getOwner() as GoogleAppsScript.Drive.User | null;
  const ownerEmail = owner ? owner.getEmail() : '';
  if (ownerEmail !== Session.getEffectiveUser().getEmail()) {
    place.moveSpreadsheet = false;
    place.notMovedBecause = ownerEmail === '' ? 'it is in a shared drive' : `it belongs to ${ownerEmail}, and only its owner can move it`;
  }
  return place;
}

/** English with day-first dates, the way a CIL in Pakistan writes them. */
const CIL_SPREADSHEET_LOCALE = 'en_GB';

const sameName = (a: string, b: string) => headerKey(a) === headerKey(b);

/** Settings a CIL needs that nobody has filled in yet: said after setup, so the lead knows what is left. */
const NEEDED_SETTINGS = ['city', 'leadEmails', 'cfpLeadEmail'] as const;

function blankSettingsNote(settings: Settings): string | null {
  const blank = NEEDED_SETTINGS.filter((key) => {
    const value = settings[key];
    return value === undefined || (Array.isArray(value) && value.length === 0);
  }).map((key) => settingColumns.find((setting) => setting.key === key)!.header);
  if (blank.length === 0) return null;
  return `Still blank: ${blank.join(', ')}. Fill ${blank.length === 1 ? 'it' : 'them'} in the Value column of the "${SETTINGS_TAB_NAME}" tab.`;
}

function setUpCilAt(place: CilPlace, options: ParsedOptions, registry: readonly RegisteredCil[]): SetUpCilResult {
  const report: SetupReport = { created: [], kept: [], notes: [] };

  // Read and check everything before the first write.
  const inspection: SpreadsheetInspection = place.spreadsheet ? inspectSpreadsheet(place.spreadsheet) : newSpreadsheetInspection();
  const problems = [...inspection.problems];
  const settingsWork = inspection.works.find((work) => work.tab === settingsTab);
  const planned = settingsWork ? planSettings(settingsWork, inspection.settingsValues, givenSettings(options)) : null;
  if (planned && !planned.ok) problems.push(planned.problem);
  // Without a settings plan the Settings tab itself has a problem, already in the list.
  if (!planned?.ok || problems.length > 0) throw new TabProblem(`${problems.join(' ')} Nothing was changed.`);
  const settingsPlan = planned.work;
  const { settings } = settingsPlan;

  let folder: Folder;
  let folderName: string;
  if ('existing' in place.folder) {
    folder = place.folder.existing;
    folderName = folder.getName();
    report.kept.push(`folder "${folderName}"`);
  } else {
    folderName = options.name;
    folder = place.folder.makeIn.createFolder(folderName);
    report.created.push(`folder "${folderName}"`);
  }
  setUpCilFolders(folder, folderName, dayOf(new Date(), settings.timeZone).slice(0, 4), report);

  let spreadsheet = place.spreadsheet;
  let spare: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  if (spreadsheet) {
    report.kept.push(`spreadsheet "${spreadsheet.getName()}"`);
    if (place.moveSpreadsheet) {
      DriveApp.getFileById(spreadsheet.getId()).moveTo(folder);
      report.created.push(`spreadsheet moved into folder "${folderName}"`);
    } else if (place.notMovedBecause !== undefined) {
      report.notes.push(`The spreadsheet stays where it is, outside folder "${folderName}": ${place.notMovedBecause}.`);
    }
  } else {
    const name = spreadsheetNameOf(options.name);
    spreadsheet = SpreadsheetApp.create(name);
    // SpreadsheetApp makes it in the root of My Drive.
    DriveApp.getFileById(spreadsheet.getId()).moveTo(folder);
    // Pakistan writes dates day first: a lead typing 02/11/2026 means 2 November. An adopted
    // spreadsheet keeps the locale its lead chose.
    spreadsheet.setSpreadsheetLocale(CIL_SPREADSHEET_LOCALE);
    spare = spreadsheet.getSheets()[0]!;
    report.created.push(`spreadsheet "${name}"`);
  }
  // Date cells are read and written in the CIL's zone, which must be the spreadsheet's too.
  if (spreadsheet.getSpreadsheetTimeZone() !== settings.timeZone) {
    spreadsheet.setSpreadsheetTimeZone(settings.timeZone);
    if (place.spreadsheet) report.created.push(`spreadsheet time zone ${settings.timeZone}`);
  }

  const written = writeTabs(spreadsheet, inspection.works, inspection.names, spare, report);
  writeSettings(written.get(settingsTab)!, settingsPlan, report);
  // Last of CIL Hub's tabs: right after Settings, before any tab of the lead's own that follows it.
  writeDashboard(spreadsheet, inspection.dashboard, inspection.names.indexOf(SETTINGS_TAB_NAME) + 1, settings.cilName, report);
  const blank = blankSettingsNote(settings);
  if (blank) report.notes.push(blank);

  const cil = register(registry, place.registered, spreadsheet.getId(), folder.getId(), settings.cilName, report);
  return {
    cilId: cil.id,
    spreadsheetId: spreadsheet.getId(),
    spreadsheetUrl: spreadsheet.getUrl(),
    folderId: folder.getId(),
    created: report.created,
    kept: report.kept,
    notes: report.notes,
  };
}

/** Registers the CIL, keeping its id (and first registration time) when it is registered already. */
function register(
  registry: readonly RegisteredCil[],
  byName: RegisteredCil | null,
  spreadsheetId: string,
  folderId: string,
  name: string,
  report: SetupReport,
): RegisteredCil {
  const existing = registry.find((cil) => cil.spreadsheetId === spreadsheetId) ?? byName;
  const cil: RegisteredCil = {
    id: existing?.id ?? newCilId(name, spreadsheetId),
    name,
    spreadsheetId,
    folderId,
    registeredAt: existing?.registeredAt ?? new Date().toISOString(),
  };
  const unchanged = existing && existing.name === name && existing.spreadsheetId === spreadsheetId && existing.folderId === folderId;
  if (unchanged) report.kept.push(`registration "${cil.id}"`);
  else {
    registerCil(cil);
    report.created.push(`registration "${cil.id}"`);
  }
  return cil;
}

function ledOrNull(registered: RegisteredCil): OpenCil | null {
  try {
    return openCil(registered.id);
  } catch {
    return null;
  }
}

/**
 * The first person to set up a CIL here becomes the deployment's admin. After that only the admin
 * registers a new CIL (each CIL's mail goes out from the admin's schedule); a lead of a registered
 * CIL may run setup on it again, to repair its tabs, since they may edit its spreadsheet anyway.
 */
function maySetUp(registered: RegisteredCil | null): void {
  if (deploymentAdmin() === null || isAdmin()) return;
  const cil = registered ? ledOrNull(registered) : null;
  if (cil && leadsCil(cil)) return;
  requireAdmin(registered ? `set up ${registered.name} again (you are not among its lead emails)` : 'register a new CIL');
}

/** Entry point: sets up (or adopts and repairs) the CIL named in `options`; see SetUpCilOptions. */
export function setUpCil(options: SetUpCilOptions): SetUpCilResult {
  const parsed = parseOptions(options);
  return withScriptLock(LEAD_ACTION_LOCK_WAIT_MS, () => {
    const registry = registeredCils();
    const registered = registry.find((cil) => sameName(cil.name, parsed.name)) ?? null;
    maySetUp(registered);
    const result = setUpCilAt(placeOfCil(parsed, registered), parsed, registry);
    claimAdmin();
    return result;
  }, busyForLead);
}

/**
 * Menu item "Set up this CIL…": adopts the spreadsheet the lead has open. Asks for the CIL's name when
 * its Settings tab has none, and shows what was done, or what the lead must fix first.
 */
export function setUpThisCil(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  try {
    const settingsSheet = spreadsheet.getSheetByName(SETTINGS_TAB_NAME);
    let name = settingsSheet && settingsSheet.getLastColumn() > 0 ? cilNameIn(settingsSheet.getDataRange().getValues()) : null;
    if (name === null) {
      const answer = ui.prompt('Set up this CIL', 'What is this CIL called? For example: CIL Lahore', ui.ButtonSet.OK_CANCEL);
      if (answer.getSelectedButton() !== ui.Button.OK) return;
      name = answer.getResponseText();
    }
    // The lead running setup leads the CIL, unless Settings already names its leads.
    const me = Session.getActiveUser().getEmail();
    const options = parseOptions(me === '' ? { name } : { name, leadEmails: [me] });
    const result = withScriptLock(
      LEAD_ACTION_LOCK_WAIT_MS,
      () => {
        const registry = registeredCils();
        maySetUp(registry.find((cil) => cil.spreadsheetId === spreadsheet.getId()) ?? null);
        const result = setUpCilAt(placeOfSpreadsheet(spreadsheet, options.name), options, registry);
        claimAdmin();
        return result;
      },
      busyForLead,
    );
    const made = result.created.length > 0 ? `Made: ${result.created.join(', ')}.` : 'Everything was already in place; nothing was changed.';
    ui.alert('Set up this CIL', [`${options.name} is set up.`, made, ...result.notes].join(' '), ui.ButtonSet.OK);
  } catch (error) {
    ui.alert('Set up this CIL', messageOf(error), ui.ButtonSet.OK);
  }
}
