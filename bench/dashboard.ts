import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { dashboardOf, type DashboardRecords } from '../shared/dashboard';
import { attendanceTab } from '../shared/records/attendance';
import { deliverablesTab } from '../shared/records/deliverable';
import { hoursTab } from '../shared/records/hours';
import { meetingsTab } from '../shared/records/meeting';
import { noticesTab } from '../shared/records/notice';
import { settingsSchema } from '../shared/records/settings';
import { volunteersTab } from '../shared/records/volunteer';
import { addDays } from '../shared/time/calendar-day';
import { instantFromDate } from '../shared/time/instant';
import { loadBundle, type AppsScriptBundle } from '../sandbox/src/runtime/apps-script-bundle';
import { Sandbox, type ExecutionResult } from '../sandbox/src/runtime/sandbox';
import { emptyWorkspace } from '../sandbox/src/workspace';
import { historyFor, NOW, rosterOf, TIME_ZONE, TODAY, TWO_YEARS } from './accountability';
import { pasteRecords } from './paste-records';

// The dashboard (issue 8): dashboardOf over a large CIL in Node, and refreshDashboard through the built
// bundle for the demo CIL and for 200 volunteers with two years of history. A refresh should read each
// tab once and write the Dashboard in a fixed number of calls, whatever the rows.

const count = (n: number) => n.toLocaleString('en-US');
const column = (widths: number[]) => (cells: (string | number)[]) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 14)).join('');

function ok(result: ExecutionResult, what: string): ExecutionResult {
  if (result.error !== null) throw new Error(`${what} failed: ${result.error}`);
  return result;
}

function largeHistory(volunteerCount: number) {
  const volunteers = rosterOf(volunteerCount, '', addDays(TODAY, -TWO_YEARS * 7 - 1));
  return { volunteers, ...historyFor(volunteers.map((volunteer) => volunteer.id), TWO_YEARS, '') };
}

function benchPure(): void {
  const history = largeHistory(200);
  const records: DashboardRecords = { ...history, projects: [], stories: [], citizens: [], log: [] };
  const settings = settingsSchema.parse({ cilName: 'CIL Bench', timeZone: TIME_ZONE });
  const input = { records, today: TODAY, now: instantFromDate(NOW), settings };
  const runs = 5;
  dashboardOf(input);
  const started = performance.now();
  for (let run = 0; run < runs; run++) dashboardOf(input);
  const millis = (performance.now() - started) / runs;
  const rows = history.meetings.length + history.attendance.length + history.notices.length + history.hours.length + history.deliverables.length;
  console.log(`\nDashboard figures (dashboardOf in Node, rules engine included, mean of ${runs} runs after one warm-up)`);
  console.log(`  200 volunteers, two years: ${count(rows)} rows → ${millis.toFixed(0)} ms`);
}

function demoWorkspace(bundle: AppsScriptBundle): { sandbox: Sandbox; cilId: string } {
  const sandbox = new Sandbox(emptyWorkspace({ now: NOW, scriptTimeZone: TIME_ZONE }), bundle);
  const { cilId } = ok(sandbox.run('setUpDemoCil', []), 'setUpDemoCil').value as { cilId: string };
  return { sandbox, cilId };
}

function largeWorkspace(bundle: AppsScriptBundle): { sandbox: Sandbox; cilId: string } {
  const sandbox = new Sandbox(emptyWorkspace({ now: NOW, scriptTimeZone: TIME_ZONE }), bundle);
  const { cilId, spreadsheetId } = ok(sandbox.run('setUpCil', [{ name: 'CIL Bench', city: 'Lahore', timeZone: TIME_ZONE }]), 'setUpCil').value as { cilId: string; spreadsheetId: string };
  const history = largeHistory(200);
  pasteRecords(sandbox, spreadsheetId, volunteersTab, history.volunteers, TIME_ZONE);
  pasteRecords(sandbox, spreadsheetId, meetingsTab, history.meetings, TIME_ZONE);
  pasteRecords(sandbox, spreadsheetId, attendanceTab, history.attendance, TIME_ZONE);
  pasteRecords(sandbox, spreadsheetId, noticesTab, history.notices, TIME_ZONE);
  pasteRecords(sandbox, spreadsheetId, hoursTab, history.hours, TIME_ZONE);
  pasteRecords(sandbox, spreadsheetId, deliverablesTab, history.deliverables, TIME_ZONE);
  return { sandbox, cilId };
}

export function benchDashboard(bundle: AppsScriptBundle): void {
  benchPure();
  console.log('\nrefreshDashboard (through the built bundle in the sandbox; first refresh, then a second that updates the charts in place)');
  const row = column([30, 12, 15, 13, 15, 11]);
  console.log(row(['  workspace', 'refresh', 'service calls', 'cells read', 'cells written', 'Node time']));
  for (const [label, make] of [
    ['demo CIL, 8 weeks', demoWorkspace],
    ['200 volunteers × 2 years', largeWorkspace],
  ] as const) {
    const { sandbox, cilId } = make(bundle);
    for (const which of ['first', 'second']) {
      const started = performance.now();
      const result = ok(sandbox.run('refreshDashboard', [cilId]), 'refreshDashboard');
      const millis = performance.now() - started;
      const reads = result.meter.callsByMethod['Range.getValues'] ?? 0;
      console.log(row([`  ${label}`, which, `${result.meter.serviceCalls} (${reads} reads)`, count(result.meter.cellsRead), count(result.meter.cellsWritten), `${millis.toFixed(0)} ms`]));
    }
  }
}

// `npx tsx bench/dashboard.ts` runs this part alone (after `npm run build:apps-script`).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) benchDashboard(loadBundle('dist/apps-script/Code.js'));
