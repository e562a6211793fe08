import { resolve } from 'node:path';
import { SCOPES } from '../core/auth';
import { GLOBAL_HELP, stringOption, type Command } from '../core/command';
import type { CliContext } from '../core/context';
import { fileIdOf } from '../core/drive-files';
import { CliError, UsageError } from '../core/errors';
import { connect, type GoogleConnection } from '../core/google-clients';
import { checkedTabs, readManifest, type Manifest, type ManifestSpreadsheet } from '../core/manifest';
import { Progress } from '../core/progress';
import { describeCell, planTab, type ChangedRow, type TabPlan } from '../core/restore-plan';
import {
  gridRequests,
  readTabs,
  spreadsheetInfo,
  updateGrid,
  writeRequests,
  writeValues,
  type GridNeed,
} from '../core/spreadsheet-values';

// `cil restore`: puts a backup back into a spreadsheet. Nothing is sent to Google before the backup
// checks out (manifest, SHA-256, shape of every CSV); then one spreadsheets.get and one
// values.batchGet read the spreadsheet as it is now, the plan (restore-plan.ts) is made for every
// tab, and only then is anything written: missing tabs and grid room with one spreadsheets.batchUpdate,
// the rows with values.batchUpdate (one request, or one per ~2 MB).

const HELP = `Usage: cil restore DIR --to <spreadsheet> [--from <spreadsheet>] [--overwrite-changed] [--dry-run]

Puts the backup in DIR (made by cil backup) back into a spreadsheet, given by id or address.
The backup's files are checked against its manifest first; a changed or cut-short file stops the
restore before anything is written.

Columns are matched by header name, so columns a lead moved or inserted since the backup are fine:
each value goes back under its own header, a lead's new columns keep their values, and the header
row is kept as it is. A backup column whose header the tab no longer has (renamed or deleted) makes
the restore refuse, naming it, unless --drop-missing-columns is given.

Rows are matched by their record id (Volunteer ID, Entry ID, …; Setting in the Settings tab), or by
row number in tabs without one. A row the spreadsheet no longer has is put back; a row the same as in
the backup is left as it is; rows added since the backup are kept. A row that changed since the backup
makes the restore refuse, listing those rows, unless --overwrite-changed is given. A missing tab is
made again (then run CIL Hub › Set up this CIL… to give it its formats, dropdowns and protection).

Options:
  --to ID                 the spreadsheet to restore into (required)
  --from ID|NAME          which spreadsheet of a folder backup to restore
  --overwrite-changed     put back the backup's version of rows that changed since
  --drop-missing-columns  restore without the backup's columns the tab no longer has
  --dry-run               print what would be written, and write nothing

${GLOBAL_HELP}`;

const LISTED = 50;

export interface RestoreResult {
  spreadsheet: { id: string; name: string };
  plans: TabPlan[];
  dryRun: boolean;
}

function chooseSpreadsheet(manifest: Manifest, from: string | undefined): ManifestSpreadsheet {
  const choices = manifest.spreadsheets;
  if (from === undefined) {
    if (choices.length === 1) return choices[0]!;
    throw new UsageError(`This backup holds ${choices.length} spreadsheets; choose one with --from: ${choices.map((s) => `"${s.name}" (${s.id})`).join(', ')}.`);
  }
  const found = choices.filter((s) => s.id === from || s.name === from);
  if (found.length === 1) return found[0]!;
  throw new UsageError(
    found.length === 0
      ? `The backup holds no spreadsheet with the id or name "${from}"; it holds ${choices.map((s) => `"${s.name}" (${s.id})`).join(', ')}.`
      : `Several spreadsheets of the backup are named "${from}"; give its id instead: ${found.map((s) => s.id).join(', ')}.`,
  );
}

function changedLine(title: string, changed: ChangedRow): string {
  const what = changed.cells
    .slice(0, 3)
    .map((cell) => `${cell.header} ${describeCell(cell.backup)} in the backup, ${describeCell(cell.now)} now`)
    .join('; ');
  const more = changed.cells.length > 3 ? `; and ${changed.cells.length - 3} more cells` : '';
  const which = `row ${changed.row}${changed.id === null ? '' : ` (${changed.id})`}`;
  return `  ${title} ${which}: ${what}${more}`;
}

function listChanged(plans: readonly TabPlan[]): string[] {
  const lines = plans.flatMap((plan) => plan.changed.map((changed) => changedLine(plan.title, changed)));
  return lines.length > LISTED ? [...lines.slice(0, LISTED), `  … and ${lines.length - LISTED} more rows`] : lines;
}

const count = (n: number) => n.toLocaleString('en-US');

function tabLine(plan: TabPlan, dryRun: boolean): string {
  const left = plan.unchanged + plan.notInBackup;
  const parts = [
    `${count(plan.restored)} ${dryRun ? 'to restore' : 'restored'}`,
    `${count(plan.overwritten)} ${dryRun ? 'to overwrite' : 'overwritten'}`,
    `${count(left)} left as they are (${count(plan.unchanged)} unchanged, ${count(plan.notInBackup)} not in the backup)`,
  ];
  const header = plan.header === 'restored' ? `; header row ${dryRun ? 'to be restored' : 'restored'}` : '';
  const dropped = plan.missingColumns.length > 0 ? `; without ${plan.missingColumns.map((name) => JSON.stringify(name)).join(', ')}` : '';
  const created = plan.create ? (dryRun ? ' (tab to be made)' : ' (tab made)') : '';
  return `  ${plan.title}${created}: ${parts.join(', ')}${header}${dropped}`;
}

export async function restoreBackup(
  ctx: CliContext,
  connection: GoogleConnection,
  options: { folder: string; to: string; from?: string; overwrite: boolean; dropMissingColumns?: boolean; dryRun: boolean },
): Promise<RestoreResult> {
  const folder = resolve(ctx.cwd, options.folder);
  const targetId = fileIdOf(options.to);
  const progress = new Progress(ctx.stderr, 'restore', 1);
  connection.onRetry = (wait) => progress.note(`Google answered ${wait.status}; waiting ${(wait.ms / 1000).toFixed(1)} s before trying again.`);
  progress.update(0, 'checking the backup');
  const manifest = readManifest(folder);
  const backedUp = chooseSpreadsheet(manifest, options.from);
  const tabs = checkedTabs(folder, backedUp);

  progress.update(0, 'reading the spreadsheet');
  const info = await spreadsheetInfo(connection, targetId);
  // Sheets tells tab names apart regardless of case, so a backup's "Hours" is the spreadsheet's "hours".
  const existing = new Map(info.tabs.map((tab) => [tab.title.toLowerCase(), tab]));
  const targets = tabs.map(({ tab }) => existing.get(tab.title.toLowerCase()) ?? null);
  const current = await readTabs(connection, targetId, targets.filter((tab) => tab !== null));
  const rowsNow = new Map(current.map((tab) => [tab.sheetId, tab.rows]));
  const plans = tabs.map(({ tab, rows }, i) => {
    const here = targets[i];
    return planTab(here?.title ?? tab.title, rows, here ? rowsNow.get(here.sheetId)! : null, options.overwrite, options.dropMissingColumns === true);
  });

  const missing = plans.filter((plan) => plan.missingColumns.length > 0);
  if (missing.length > 0 && options.dropMissingColumns !== true) {
    throw new CliError(
      `Restore refused: the backup has columns that "${info.name}" no longer has (renamed or deleted since the backup of ${manifest.createdAt}), so nothing was written. ` +
        'Give the column its old header back, or run again with --drop-missing-columns to restore without it.',
      1,
      missing.map((plan) => `  ${plan.title}: ${plan.missingColumns.map((name) => JSON.stringify(name)).join(', ')}`),
    );
  }

  const changed = plans.reduce((sum, plan) => sum + plan.changed.length, 0);
  if (changed > 0 && !options.overwrite) {
    throw new CliError(
      `Restore refused: ${changed} ${changed === 1 ? 'row' : 'rows'} of "${info.name}" changed since the backup of ${manifest.createdAt}, so nothing was written. ` +
        "Run again with --overwrite-changed to put the backup's version of these rows back (rows added since the backup are kept either way).",
      1,
      listChanged(plans),
    );
  }

  let sheetCount = info.sheetCount;
  const needs: GridNeed[] = [];
  for (const [i, plan] of plans.entries()) {
    if (plan.writes.length === 0) continue;
    const here = targets[i] ?? null;
    needs.push({ title: plan.title, index: here ? here.index : Math.min(tabs[i]!.tab.index, sheetCount++), rows: plan.lastRow, columns: plan.width, existing: here });
  }
  const grid = gridRequests(needs);
  // Each run of the backup's columns is written on its own, so a lead's columns between them are not touched.
  const requests = writeRequests(
    plans.flatMap((plan) =>
      plan.columns.map((run) => ({
        title: plan.title,
        firstColumn: run.first,
        width: run.width,
        rows: plan.writes.map((write) => ({ row: write.row, cells: write.cells.slice(run.first, run.first + run.width) })),
      })),
    ),
  );
  if (!options.dryRun) {
    progress.setTotal(requests.length);
    progress.update(0, grid.length > 0 ? 'making room' : 'writing');
    await updateGrid(connection, targetId, grid);
    await writeValues(connection, targetId, requests, (done) => progress.update(done, `writing (${done} of ${requests.length} requests)`));
  }
  progress.finish(options.dryRun ? 'dry run: nothing written' : 'done');
  return { spreadsheet: { id: info.id, name: info.name }, plans, dryRun: options.dryRun };
}

export function restoreReport(result: RestoreResult): string {
  const { plans, dryRun } = result;
  const lines = [
    dryRun
      ? `Dry run: nothing was written. Restoring into "${result.spreadsheet.name}" (${result.spreadsheet.id}) would write:`
      : `Restored into "${result.spreadsheet.name}" (${result.spreadsheet.id}):`,
    ...plans.map((plan) => tabLine(plan, dryRun)),
  ];
  const overwritten = plans.filter((plan) => plan.overwritten > 0);
  if (overwritten.length > 0) lines.push(dryRun ? 'Rows to be overwritten with the backup:' : 'Rows overwritten with the backup:', ...listChanged(overwritten));
  if (plans.some((plan) => plan.create)) {
    lines.push('Tabs made by the restore hold values only: run CIL Hub › Set up this CIL… in the spreadsheet to give them their formats, dropdowns and protection.');
  }
  return `${lines.join('\n')}\n`;
}

export const restore: Command = {
  name: 'restore',
  summary: 'put a backup back into a spreadsheet, refusing to overwrite rows changed since',
  help: HELP,
  options: {
    to: { type: 'string' },
    from: { type: 'string' },
    'overwrite-changed': { type: 'boolean' },
    'drop-missing-columns': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  scopes: [SCOPES.spreadsheets],
  async run({ positionals, values, ctx }) {
    if (positionals.length !== 1) throw new UsageError('cil restore takes one backup folder; see cil restore --help.');
    const to = stringOption(values, 'to');
    if (to === undefined || to === '') throw new UsageError('cil restore needs --to, the spreadsheet to restore into.');
    const connection = connect(ctx, { sandbox: stringOption(values, 'sandbox'), adc: values.adc === true }, restore.scopes);
    const from = stringOption(values, 'from');
    const result = await restoreBackup(ctx, connection, {
      folder: positionals[0]!,
      to,
      ...(from !== undefined ? { from } : {}),
      overwrite: values['overwrite-changed'] === true,
      dropMissingColumns: values['drop-missing-columns'] === true,
      dryRun: values['dry-run'] === true,
    });
    ctx.stdout.write(restoreReport(result));
    return 0;
  },
};
