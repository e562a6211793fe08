import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { backUp } from '../cli/src/commands/backup';
import { restoreBackup } from '../cli/src/commands/restore';
import { defaultBackoff } from '../cli/src/core/backoff';
import type { CliContext } from '../cli/src/core/context';
import { connect } from '../cli/src/core/google-clients';
import { HOURS_CATEGORIES, hoursTab, type HoursEntry } from '../shared/records/hours';
import { addDays, type CalendarDay } from '../shared/time/calendar-day';
import type { Instant } from '../shared/time/instant';
import { loadBundle, type AppsScriptBundle } from '../sandbox/src/runtime/apps-script-bundle';
import { Sandbox } from '../sandbox/src/runtime/sandbox';
import { serveGoogleApis } from '../sandbox/src/rest/google-apis-server';
import { emptyWorkspace } from '../sandbox/src/workspace';
import { pasteRecords } from './paste-records';

// `cil backup` and `cil restore` (issue 9) of a CIL with 50,000 Hours rows, through the sandbox's
// Sheets and Drive REST APIs on loopback under Google's default per-minute quota: Node time (the
// sandbox server included) and REST requests. A backup reads all of a spreadsheet's values in one
// request however many rows; a restore of the wiped Hours tab writes in requests of at most ~2 MB.

const HOURS_ROWS = 50_000;
const TIME_ZONE = 'Asia/Karachi';
const NOW = new Date('2026-11-27T05:00:00Z');

function hoursEntries(volunteerIds: readonly string[]): HoursEntry[] {
  const first: CalendarDay = '2024-01-01';
  return Array.from({ length: HOURS_ROWS }, (_, i) => {
    const day = addDays(first, Math.floor(i / 50));
    return {
      id: `bench-${String(i).padStart(6, '0')}`,
      volunteerId: volunteerIds[i % volunteerIds.length]!,
      day,
      hours: 0.25 * (1 + (i % 16)),
      category: HOURS_CATEGORIES[i % HOURS_CATEGORIES.length]!,
      ...(i % 3 === 0 ? { note: `Worked on item ${i}, "carefully"` } : {}),
      source: 'extension',
      loggedAt: `${day}T12:00:00.000Z` as Instant,
    };
  });
}

function quietContext(cwd: string): CliContext {
  const silent = { write: () => true };
  return {
    env: {},
    stdout: silent,
    stderr: silent,
    cwd,
    platform: process.platform,
    home: cwd,
    now: () => NOW,
    backoff: defaultBackoff,
    openBrowser: () => undefined,
  };
}

export async function benchBackup(bundle: AppsScriptBundle): Promise<void> {
  const sandbox = new Sandbox(emptyWorkspace({ now: NOW, scriptTimeZone: TIME_ZONE }), bundle);
  const demo = sandbox.run('setUpDemoCil');
  if (demo.error !== null) throw new Error(`setUpDemoCil failed: ${demo.error}`);
  const { spreadsheetId } = demo.value as { spreadsheetId: string };
  const book = sandbox.state.spreadsheets[spreadsheetId]!;
  const hours = book.sheets.find((sheet) => sheet.name === hoursTab.name)!;
  const volunteerIds = book.sheets.find((sheet) => sheet.name === 'Volunteers')!.values.slice(1).map((row) => String(row[0]));
  hours.values = hours.values.slice(0, 1);
  pasteRecords(sandbox, spreadsheetId, hoursTab, hoursEntries(volunteerIds), TIME_ZONE);

  const server = await serveGoogleApis(sandbox.state);
  const folder = mkdtempSync(join(tmpdir(), 'cil-bench-'));
  try {
    const ctx = quietContext(folder);
    const connection = connect(ctx, { sandbox: server.rootUrl }, []);
    const measure = async (label: string, run: () => Promise<unknown>) => {
      const before = { total: server.requests.total, byMethod: { ...server.requests.byMethod } };
      const started = performance.now();
      await run();
      const millis = performance.now() - started;
      const methods = Object.entries(server.requests.byMethod)
        .map(([method, count]) => [method.replace(/^(sheets|drive)\.(spreadsheets\.)?/, ''), count - (before.byMethod[method] ?? 0)] as const)
        .filter(([, count]) => count > 0)
        .map(([method, count]) => `${count} ${method}`);
      console.log(`  ${label.padEnd(40)}${`${(millis / 1000).toFixed(2)} s`.padEnd(12)}${server.requests.total - before.total} requests (${methods.join(', ')})`);
    };

    console.log(`\ncil backup and restore through the sandbox's REST APIs (a CIL with ${HOURS_ROWS.toLocaleString('en-US')} Hours rows)`);
    await measure('backup (every tab)', () => backUp(ctx, connection, spreadsheetId, 'backup'));
    hours.values = hours.values.slice(0, 1);
    await measure(`restore (${HOURS_ROWS.toLocaleString('en-US')} Hours rows wiped)`, () =>
      restoreBackup(ctx, connection, { folder: 'backup', to: spreadsheetId, overwrite: false, dryRun: false }),
    );
    if (hours.values.length !== HOURS_ROWS + 1) throw new Error(`The restore left ${hours.values.length - 1} Hours rows, not ${HOURS_ROWS}.`);
    await measure('restore (nothing to put back)', () => restoreBackup(ctx, connection, { folder: 'backup', to: spreadsheetId, overwrite: false, dryRun: false }));
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchBackup(loadBundle('dist/apps-script/Code.js'));
