import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from '../../../shared/zod';
import { SCRIPT_SCOPES } from '../core/auth';
import { GLOBAL_HELP, stringOption, type Command } from '../core/command';
import type { CliContext } from '../core/context';
import { readCilList, type CilToProvision } from '../core/cil-list';
import { fileIdOf, fileInfo, MIME } from '../core/drive-files';
import { CliError, describeError, UsageError } from '../core/errors';
import { connect, type GoogleConnection } from '../core/google-clients';
import { Progress } from '../core/progress';
import { deploymentIdOf, missingDeploymentId, RunRefused, runScriptFunction, SCRIPT_OPTION_HELP } from '../core/script-run';

// `cil provision cils.csv`: sets up many CILs at once. The list is checked whole first (cil-list.ts);
// a list with a problem changes nothing. Then, for each CIL, the CIL Hub Apps Script project's own
// setUpCil runs through the Apps Script API (scripts.run), so a CIL is made exactly as the Sheets menu
// makes it (folders, spreadsheet, tabs, protections, Settings) and registered with the deployment that
// runs the daily check; setUpCil adopts a CIL already set up, so running provision again changes
// nothing. Last, the CIL's folder is shared with its leads as writers (Drive permissions.create),
// skipping those who can already edit it (permissions.list). Requests per CIL: one scripts.run, one
// permissions.list, one permissions.create per lead not yet sharing the folder.

const HELP = `Usage: cil provision cils.csv --script ID [--parent FOLDER] [--notify] [--dry-run]

Sets up every CIL listed in cils.csv, as CIL Hub › Set up this CIL… does (Drive folder tree,
spreadsheet with every tab, Settings, registration with the daily check), then shares each CIL's folder
with its leads as editors. CILs already set up are left as they are (anything missing is made), and
leads who can already edit the folder are not shared with again: running it twice changes nothing.

cils.csv has a header row naming its columns, in any order; only Name is required:

  Name,City,Time zone,Lead emails,CfP lead email
  CIL Lahore,Lahore,Asia/Karachi,ayesha@example.pk; bilal@example.pk,cfp@example.pk
  CIL Quetta,Quetta,,hamid@example.pk,

Lead emails are separated by spaces or semicolons; a blank time zone is Asia/Karachi. The whole file
is checked first; a problem on any line (named with its line number) stops provision before anything
is done.

Options:
${SCRIPT_OPTION_HELP}
  --parent FOLDER    the Drive folder (id or address) to make new CIL folders in; default My Drive
  --notify           email each lead Google's sharing notification (default: share silently)
  --dry-run          check the list and say what would be done, reading Drive only

${GLOBAL_HELP}`;

/** What setUpCil answers (apps-script/src/cil/set-up-cil.ts SetUpCilResult), checked: it crossed a network. */
const setUpCilResult = z.object({
  cilId: z.string(),
  spreadsheetId: z.string(),
  spreadsheetUrl: z.string(),
  folderId: z.string(),
  created: z.array(z.string()),
  kept: z.array(z.string()),
  notes: z.array(z.string()),
});
type SetUpCilResult = z.output<typeof setUpCilResult>;

interface ProvisionedCil {
  cil: CilToProvision;
  /** 'set up': newly registered; 'already set up': registered before (anything missing was made). */
  outcome: 'set up' | 'already set up' | 'failed' | 'not attempted';
  result: SetUpCilResult | null;
  shared: string[];
  alreadySharing: string[];
  /** Why setUpCil failed, or why a CIL it set up could not be shared with its leads. */
  problem: string | null;
}

function readList(ctx: CliContext, file: string): CilToProvision[] {
  const path = resolve(ctx.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${path}: ${(error as Error).message}.`);
  }
  const list = readCilList(text);
  if (!list.ok) {
    const count = list.problems.length;
    throw new CliError(`${file} has ${count} ${count === 1 ? 'problem' : 'problems'}; nothing was done. Fix ${count === 1 ? 'it' : 'them'} and run again:`, 1, list.problems.map((p) => `  ${p}`));
  }
  return list.cils;
}

/** The folder new CIL folders go in, checked before anything is done: every CIL would fail on a wrong one. */
async function parentFolder(connection: GoogleConnection, given: string | undefined): Promise<string | undefined> {
  if (given === undefined) return undefined;
  const folder = await fileInfo(connection, fileIdOf(given));
  if (folder.mimeType !== MIME.folder) throw new CliError(`--parent "${folder.name}" (${folder.id}) is not a folder (it is ${folder.mimeType}); nothing was done.`);
  return folder.id;
}

// ---- running setUpCil through the Apps Script API -------------------------------------------------

function runSetUpCil(connection: GoogleConnection, deploymentId: string, cil: CilToProvision, parentFolderId: string | undefined) {
  const options = {
    name: cil.name,
    ...(cil.city !== undefined ? { city: cil.city } : {}),
    ...(cil.timeZone !== undefined ? { timeZone: cil.timeZone } : {}),
    ...(cil.leadEmails.length > 0 ? { leadEmails: cil.leadEmails } : {}),
    ...(cil.cfpLeadEmail !== undefined ? { cfpLeadEmail: cil.cfpLeadEmail } : {}),
    ...(parentFolderId !== undefined ? { parentFolderId } : {}),
  };
  // setUpCil is idempotent, so a retried run that did finish before Google failed to answer does nothing twice.
  return runScriptFunction(connection, deploymentId, 'setUpCil', [options], setUpCilResult);
}

// ---- sharing with the leads ----------------------------------------------------------------------

/** Roles that let a person edit the folder (organizer and fileOrganizer exist in shared drives). */
const EDITING_ROLES = new Set(['owner', 'organizer', 'fileOrganizer', 'writer']);

/**
 * The addresses that can edit the folder through a permission of their own, lower-case. Without a
 * pageSize Drive lists every permission of a file in My Drive at once (permissions.list reference);
 * in a shared drive, the first 100, past which a lead might be shared with again, which changes nothing.
 */
async function editorsOf(connection: GoogleConnection, folderId: string): Promise<Set<string>> {
  const { data } = await connection.send(() =>
    connection.drive.permissions.list({ fileId: folderId, fields: 'permissions(type,role,emailAddress)', supportsAllDrives: true }),
  );
  const editors = new Set<string>();
  for (const permission of data.permissions ?? []) {
    if (permission.type === 'user' && permission.emailAddress && EDITING_ROLES.has(permission.role ?? '')) editors.add(permission.emailAddress.toLowerCase());
  }
  return editors;
}

/** Shares the CIL's folder with each lead who cannot edit it yet, noting each in `entry` as it goes. */
async function shareWithLeads(connection: GoogleConnection, entry: ProvisionedCil, folderId: string, notify: boolean): Promise<void> {
  const leads = entry.cil.leadEmails;
  if (leads.length === 0) return;
  const editors = await editorsOf(connection, folderId);
  for (const lead of leads) {
    if (editors.has(lead)) {
      entry.alreadySharing.push(lead);
      continue;
    }
    // A lead who could only view the folder becomes an editor: Drive updates their permission.
    await connection.send(() =>
      connection.drive.permissions.create({
        fileId: folderId,
        sendNotificationEmail: notify,
        supportsAllDrives: true,
        fields: 'id',
        requestBody: { type: 'user', role: 'writer', emailAddress: lead },
      }),
    );
    entry.shared.push(lead);
  }
}

// ---- the run ---------------------------------------------------------------------------------------

async function provisionCils(
  ctx: CliContext,
  connection: GoogleConnection,
  cils: readonly CilToProvision[],
  options: { scriptId: string; parent: string | undefined; notify: boolean },
) {
  const parentFolderId = await parentFolder(connection, options.parent);
  const progress = new Progress(ctx.stderr, 'provision', cils.length);
  connection.onRetry = (wait) => progress.note(`Google answered ${wait.status}; waiting ${(wait.ms / 1000).toFixed(1)} s before trying again.`);
  const done: ProvisionedCil[] = cils.map((cil) => ({ cil, outcome: 'not attempted', result: null, shared: [], alreadySharing: [], problem: null }));
  let refused: RunRefused | null = null;
  for (const [n, entry] of done.entries()) {
    progress.update(n, `${entry.cil.name}: setting up`);
    let run: Awaited<ReturnType<typeof runSetUpCil>>;
    try {
      run = await runSetUpCil(connection, options.scriptId, entry.cil, parentFolderId);
    } catch (error) {
      if (!(error instanceof RunRefused)) throw error;
      refused = error;
      break;
    }
    if (!run.ok) {
      entry.outcome = 'failed';
      entry.problem = run.problem;
      continue;
    }
    entry.result = run.result;
    entry.outcome = run.result.kept.some((item) => item.startsWith('registration ')) ? 'already set up' : 'set up';
    progress.update(n + 0.5, `${entry.cil.name}: sharing with its leads`);
    try {
      await shareWithLeads(connection, entry, run.result.folderId, options.notify);
    } catch (error) {
      entry.problem = `its folder could not be shared with its leads: ${describeError(error)}`;
    }
  }
  progress.finish(refused ? 'stopped' : 'done');
  return { provisioned: done, refused };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function provisionReport(provisioned: readonly ProvisionedCil[]): string {
  const lines: string[] = [];
  for (const { cil, outcome, result, shared, alreadySharing, problem } of provisioned) {
    if (!result) {
      lines.push(`${cil.name} (line ${cil.line}): ${outcome === 'failed' ? `failed: ${problem}` : outcome}`);
      continue;
    }
    const made = result.created;
    const state =
      outcome === 'set up' ? 'set up' : made.length === 0 ? 'already set up, nothing changed' : `already set up; made what was missing: ${made.join(', ')}`;
    lines.push(`${cil.name}: ${state} (${result.cilId}, ${result.spreadsheetUrl})`);
    if (shared.length > 0) lines.push(`  shared with ${shared.join(', ')}`);
    if (alreadySharing.length > 0) lines.push(`  already shared with ${alreadySharing.join(', ')}`);
    if (cil.leadEmails.length === 0) lines.push('  no leads listed: nobody to share with');
    if (problem) lines.push(`  failed: ${problem}`);
    for (const note of result.notes) lines.push(`  note: ${note}`);
  }
  const count = (outcome: ProvisionedCil['outcome']) => provisioned.filter((entry) => entry.outcome === outcome).length;
  const failed = provisioned.filter((entry) => entry.problem !== null).length;
  const sharedCount = provisioned.reduce((sum, entry) => sum + entry.shared.length, 0);
  const unchanged = provisioned.every((entry) => entry.outcome === 'already set up' && entry.result!.created.length === 0 && entry.shared.length === 0 && !entry.problem);
  if (unchanged) lines.push(`Nothing changed: all ${plural(provisioned.length, 'CIL')} were already set up and shared with their leads.`);
  else {
    const parts = [`${count('set up')} set up`, `${count('already set up')} already set up`, `${failed} failed`];
    if (count('not attempted') > 0) parts.push(`${count('not attempted')} not attempted`);
    lines.push(`${parts.join(', ')}; ${plural(sharedCount, 'lead')} shared.`);
  }
  return `${lines.join('\n')}\n`;
}

// ---- the dry run ---------------------------------------------------------------------------------

/** The folder named `name` in `parentId`, where setUpCil looks for an unregistered CIL. */
async function folderNamed(connection: GoogleConnection, parentId: string, name: string): Promise<string | null> {
  const quoted = name.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  const { data } = await connection.send(() =>
    connection.drive.files.list({
      q: `'${parentId}' in parents and name = '${quoted}' and mimeType = '${MIME.folder}' and trashed = false`,
      fields: 'files(id)',
      pageSize: 1,
      supportsAllDrives: true,
      includeItemsFromAllDrives: true,
    }),
  );
  return data.files?.[0]?.id ?? null;
}

async function dryRun(ctx: CliContext, connection: GoogleConnection, cils: readonly CilToProvision[], parent: string | undefined): Promise<string> {
  const parentId = (await parentFolder(connection, parent)) ?? 'root';
  const progress = new Progress(ctx.stderr, 'provision', cils.length);
  const lines = [`Dry run: nothing was changed. ${plural(cils.length, 'CIL')} listed, every line valid.`];
  for (const [n, cil] of cils.entries()) {
    progress.update(n, `${cil.name}: looking in Drive`);
    const folderId = await folderNamed(connection, parentId, cil.name);
    if (folderId === null) {
      lines.push(`${cil.name}: would be set up in a new folder "${cil.name}", unless the deployment has it registered elsewhere`);
      if (cil.leadEmails.length > 0) lines.push(`  would share with ${cil.leadEmails.join(', ')}`);
      continue;
    }
    lines.push(`${cil.name}: folder "${cil.name}" is there (${folderId}): setUpCil would adopt it and make only what is missing`);
    const editors = await editorsOf(connection, folderId);
    const missing = cil.leadEmails.filter((lead) => !editors.has(lead));
    const sharing = cil.leadEmails.filter((lead) => editors.has(lead));
    if (missing.length > 0) lines.push(`  would share with ${missing.join(', ')}`);
    if (sharing.length > 0) lines.push(`  already shared with ${sharing.join(', ')}`);
  }
  progress.finish('dry run: nothing changed');
  return `${lines.join('\n')}\n`;
}

// ---- the command ---------------------------------------------------------------------------------

export const provision: Command = {
  name: 'provision',
  summary: 'set up many CILs from a CSV list and share their folders with their leads',
  help: HELP,
  options: { script: { type: 'string' }, parent: { type: 'string' }, notify: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  // The Apps Script API runs setUpCil only for a token that holds every scope the script uses, so these
  // are the script's own (its manifest); drive among them covers listing and adding the folders'
  // permissions.
  scopes: SCRIPT_SCOPES,
  async run({ positionals, values, ctx }) {
    if (positionals.length !== 1) throw new UsageError('cil provision takes one CSV file listing the CILs; see cil provision --help.');
    const dryRunOnly = values['dry-run'] === true;
    const scriptId = deploymentIdOf(values, ctx);
    if (scriptId === undefined && !dryRunOnly) throw missingDeploymentId('provision');
    const cils = readList(ctx, positionals[0]!);
    const connection = connect(ctx, { sandbox: stringOption(values, 'sandbox'), adc: values.adc === true }, provision.scopes);
    const parent = stringOption(values, 'parent');
    if (dryRunOnly) {
      ctx.stdout.write(await dryRun(ctx, connection, cils, parent));
      return 0;
    }
    const { provisioned, refused } = await provisionCils(ctx, connection, cils, { scriptId: scriptId!, parent, notify: values.notify === true });
    ctx.stdout.write(provisionReport(provisioned));
    if (refused) throw refused;
    return provisioned.some((entry) => entry.problem !== null) ? 1 : 0;
  },
};
