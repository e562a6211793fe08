import { z } from '../../../shared/zod';
import { SCRIPT_SCOPES } from '../core/auth';
import { GLOBAL_HELP, stringOption, type Command, type OptionValues } from '../core/command';
import type { CliContext } from '../core/context';
import { fileIdOf } from '../core/drive-files';
import { CliError, UsageError } from '../core/errors';
import { connect, type GoogleConnection } from '../core/google-clients';
import { Progress } from '../core/progress';
import { deploymentIdOf, missingDeploymentId, runScriptFunction, SCRIPT_OPTION_HELP } from '../core/script-run';

// `cil rollup`: the national rollup on demand. The CIL Hub Apps Script project's runNationalRollup
// (apps-script/src/rollup/run-national-rollup.ts) runs through the Apps Script API, as the daily run
// runs it: every CIL the deployment serves rolled up into CfP's national spreadsheet, a mentor check-in
// proposed for each CIL newly falling behind. `--set-up` first runs setUpNationalRollup, which makes or
// adopts that spreadsheet. Both are idempotent, so running the command twice changes nothing the second
// time. Requests: one scripts.run, two with --set-up.

const HELP = `Usage: cil rollup --script ID [--set-up --cfp-lead EMAIL [--folder FOLDER]] [--json]

Rolls every CIL the CIL Hub deployment serves up into CfP's national spreadsheet, as the daily run
does: one row per CIL and quarter, the CILs falling behind with their reasons, and a mentor check-in
proposed to the CfP lead (in the CIL's Accountability log, and by email) for each CIL newly falling
behind. Prints the spreadsheet's address, the CILs rolled up, the rows added and updated, the CILs
falling behind and their check-ins, the CILs that could not be read and why, and what became of the
email. Running it again the same day changes nothing and sends nothing. The exit status is 1 when a
CIL could not be read or the email was refused.

Options:
${SCRIPT_OPTION_HELP}
  --set-up           first set up the national rollup (or adopt it and make what is missing):
                     "CIL Hub — national rollup" in FOLDER, and the CfP lead to propose check-ins to
  --cfp-lead EMAIL   with --set-up: the CfP lead (required)
  --folder FOLDER    with --set-up: CfP's Drive folder (id or address); default the one set up
                     before, else My Drive
  --json             print runNationalRollup's result as JSON instead

${GLOBAL_HELP}`;

/** What setUpNationalRollup answers (apps-script/src/rollup/set-up-national-rollup.ts). */
const setUpResult = z.object({
  spreadsheetId: z.string(),
  spreadsheetUrl: z.string(),
  folderId: z.string(),
  cfpLeadEmail: z.string(),
  created: z.array(z.string()),
  kept: z.array(z.string()),
});
type SetUpResult = z.output<typeof setUpResult>;

/** What runNationalRollup answers (apps-script/src/rollup/run-national-rollup.ts NationalRollupResult). */
const rollupResult = z.object({
  spreadsheetId: z.string(),
  spreadsheetUrl: z.string(),
  rolledUp: z.array(z.object({ cilId: z.string(), name: z.string(), today: z.string(), quarters: z.array(z.string()), fallingBehind: z.boolean() })),
  fallingBehind: z.array(
    z.object({
      cilId: z.string(),
      name: z.string(),
      quarter: z.string(),
      reasons: z.array(z.string()),
      checkIn: z.object({ eventId: z.string(), status: z.string(), by: z.string(), proposedNow: z.boolean() }).nullable(),
    }),
  ),
  notRead: z.array(z.object({ cilId: z.string(), name: z.string(), problem: z.string() })),
  rows: z.object({ updated: z.number(), added: z.number() }),
  email: z.object({ to: z.array(z.string()), subject: z.string(), mail: z.string(), problem: z.string().optional() }).nullable(),
});
type RollupResult = z.output<typeof rollupResult>;

/** How runNationalRollup's error begins when the rollup was never set up. */
const NOT_SET_UP = 'The national rollup is not set up';

/** setUpNationalRollup names its options as a script caller writes them; the admin typed these flags. */
const FLAG_OF_OPTION: Record<string, string> = { 'option "cfpLeadEmail"': '--cfp-lead', 'option "folderId"': '--folder' };

/** One line, without the name of the error's class (Error, TabProblem…), which tells an admin nothing. */
function scriptMessage(problem: string): string {
  return problem.replace(/\s+/g, ' ').trim().replace(/^(?:[A-Z][A-Za-z]*(?:Error|Problem)|Error|Exception): /, '');
}

function setUpFailure(problem: string): CliError {
  let message = scriptMessage(problem);
  for (const [option, flag] of Object.entries(FLAG_OF_OPTION)) message = message.split(option).join(flag);
  return new CliError(message);
}

function rollupFailure(problem: string): CliError {
  const message = scriptMessage(problem);
  if (message.startsWith(NOT_SET_UP)) {
    return new CliError('The national rollup is not set up: run `cil rollup --set-up --cfp-lead EMAIL` first (with --folder FOLDER for CfP\'s Drive folder). Nothing was changed.');
  }
  // The script names its own entry point where the admin has this command.
  return new CliError(`The national rollup failed: ${message.replace(/setUpNationalRollup(\([^)]*\))?/g, '`cil rollup --set-up --cfp-lead EMAIL`')}`);
}

/** Text from the CILs' sheets, printed to a terminal: no control characters. */
const plain = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function setUpReport(result: SetUpResult): string {
  const lead = `CfP lead ${plain(result.cfpLeadEmail)}`;
  if (result.created.length === 0) return `The national rollup was already set up; nothing changed (${lead}).\n`;
  return `Set up the national rollup (${lead}): made ${result.created.map(plain).join(', ')}.\n`;
}

function checkInSummary(checkIn: RollupResult['fallingBehind'][number]['checkIn']): string {
  if (!checkIn) return 'none recorded (see the warnings in the script\'s execution log)';
  const row = `${plain(checkIn.eventId)}, ${plain(checkIn.status)}, by ${plain(checkIn.by)}`;
  return checkIn.proposedNow ? `proposed now to the CfP lead (${row})` : `already proposed this quarter (${row})`;
}

function emailWords(email: NonNullable<RollupResult['email']>): string {
  const to = email.to.map(plain).join(', ');
  const subject = `"${plain(email.subject)}"`;
  switch (email.mail) {
    case 'sent':
      return `Email to the CfP lead (${to}): sent, ${subject}.`;
    case 'deferred':
      return `Email to the CfP lead (${to}): kept for later, over today's mail quota; CIL Hub sends it with a later run.`;
    case 'refused':
      return `Email to the CfP lead (${to}): refused by Gmail: ${plain(email.problem ?? 'no reason given')}. The check-ins are in the CILs' logs; fix the CfP lead with cil rollup --set-up --cfp-lead EMAIL.`;
    default:
      return `Email to the CfP lead (${to}): ${plain(email.mail)}.`;
  }
}

/** The readable summary, every figure taken from the result. */
function rollupReport(result: RollupResult): string {
  const lines = [`National rollup: ${plain(result.spreadsheetUrl)}`];
  const names = result.rolledUp.map((cil) => plain(cil.name));
  lines.push(`${plural(result.rolledUp.length, 'CIL')} rolled up${names.length > 0 ? `: ${names.join(', ')}` : ''}.`);
  lines.push(`Rows by CIL and quarter: ${result.rows.added} added, ${result.rows.updated} updated.`);
  if (result.fallingBehind.length === 0) lines.push('No CIL is falling behind.');
  else {
    lines.push(`${plural(result.fallingBehind.length, 'CIL')} falling behind:`);
    for (const cil of result.fallingBehind) {
      lines.push(`  ${plain(cil.name)} (${plain(cil.cilId)}, ${plain(cil.quarter)})`);
      for (const reason of cil.reasons) lines.push(`    - ${plain(reason)}`);
      lines.push(`    mentor check-in: ${checkInSummary(cil.checkIn)}`);
    }
  }
  if (result.notRead.length > 0) {
    lines.push(`${plural(result.notRead.length, 'CIL')} not read, so not rolled up (their last rows are kept):`);
    for (const cil of result.notRead) lines.push(`  ${plain(cil.name)} (${plain(cil.cilId)}): ${plain(cil.problem)}`);
  }
  const proposed = result.fallingBehind.filter((cil) => cil.checkIn?.proposedNow).length;
  if (result.email) lines.push(`${plural(proposed, 'new mentor check-in')}. ${emailWords(result.email)}`);
  else lines.push('No new mentor check-ins, so no email to the CfP lead.');
  return `${lines.join('\n')}\n`;
}

async function setUp(connection: GoogleConnection, deploymentId: string, options: { cfpLeadEmail: string; folderId?: string }): Promise<SetUpResult> {
  const run = await runScriptFunction(connection, deploymentId, 'setUpNationalRollup', [options], setUpResult);
  if (!run.ok) throw setUpFailure(run.problem);
  return run.result;
}

async function rollUp(connection: GoogleConnection, deploymentId: string): Promise<{ result: RollupResult; raw: unknown }> {
  const run = await runScriptFunction(connection, deploymentId, 'runNationalRollup', [], rollupResult);
  if (!run.ok) throw rollupFailure(run.problem);
  return { result: run.result, raw: run.raw };
}

function setUpOptions(values: OptionValues): { cfpLeadEmail: string; folderId?: string } | null {
  const cfpLead = stringOption(values, 'cfp-lead');
  const folder = stringOption(values, 'folder');
  if (values['set-up'] !== true) {
    if (cfpLead !== undefined || folder !== undefined) throw new UsageError('--cfp-lead and --folder go with --set-up; see cil rollup --help.');
    return null;
  }
  if (cfpLead === undefined) throw new UsageError('cil rollup --set-up needs --cfp-lead EMAIL, the CfP lead to propose mentor check-ins to.');
  return { cfpLeadEmail: cfpLead, ...(folder !== undefined ? { folderId: fileIdOf(folder) } : {}) };
}

async function run(ctx: CliContext, values: OptionValues): Promise<number> {
  const deploymentId = deploymentIdOf(values, ctx);
  if (deploymentId === undefined) throw missingDeploymentId('rollup');
  const options = setUpOptions(values);
  const json = values.json === true;
  const connection = connect(ctx, { sandbox: stringOption(values, 'sandbox'), adc: values.adc === true }, rollup.scopes);
  const progress = new Progress(ctx.stderr, 'rollup', options ? 2 : 1);
  connection.onRetry = (wait) => progress.note(`Google answered ${wait.status}; waiting ${(wait.ms / 1000).toFixed(1)} s before trying again.`);
  if (options) {
    progress.update(0, 'setting up the national rollup');
    const report = setUpReport(await setUp(connection, deploymentId, options));
    // With --json, stdout is the rollup's result alone.
    (json ? ctx.stderr : ctx.stdout).write(report);
  }
  progress.update(options ? 1 : 0, 'rolling every CIL up');
  const { result, raw } = await rollUp(connection, deploymentId);
  progress.finish('done');
  ctx.stdout.write(json ? `${JSON.stringify(raw, null, 2)}\n` : rollupReport(result));
  return result.notRead.length > 0 || result.email?.mail === 'refused' ? 1 : 0;
}

export const rollup: Command = {
  name: 'rollup',
  summary: "roll every CIL up into CfP's national spreadsheet, proposing mentor check-ins",
  help: HELP,
  options: { script: { type: 'string' }, 'set-up': { type: 'boolean' }, 'cfp-lead': { type: 'string' }, folder: { type: 'string' }, json: { type: 'boolean' } },
  // The Apps Script API runs runNationalRollup only for a token holding every scope the script uses.
  scopes: SCRIPT_SCOPES,
  async run({ positionals, values, ctx }) {
    if (positionals.length > 0) throw new UsageError('cil rollup takes no arguments; see cil rollup --help.');
    return run(ctx, values);
  },
};
