import { performance } from 'node:perf_hooks';
import type { AppsScriptBundle } from '../sandbox/src/runtime/apps-script-bundle';
import { Sandbox, type ExecutionResult } from '../sandbox/src/runtime/sandbox';
import { emptyWorkspace } from '../sandbox/src/workspace';

// Report generation (issue 7) for the demo CIL, Friday 27 Nov 2026: the first draft of every report
// kind, then the monthly progress update regenerated (the untouched draft updated in place) and after
// a lead's edit (a new version). Sheets are read once per tab whatever their length; the Docs calls
// grow with the template (its paragraphs, tables and the rows they repeat).

const NOW = new Date('2026-11-27T05:00:00Z');
const RUNS = 20;

const REQUESTS: Record<string, unknown>[] = [
  { kind: 'weekly summary' },
  { kind: 'biweekly update' },
  { kind: 'monthly progress update' },
  { kind: 'discovery research report', project: 'active' },
  { kind: 'project closure report', project: 'completed' },
  { kind: 'events & meetups report', period: '2026-Q4' },
  { kind: 'quarterly story', period: '2026-Q4' },
  { kind: 'mid-year report', period: '2026-H2' },
  { kind: 'annual report', period: '2026' },
];

const column = (cells: (string | number)[]) => cells.map((c, i) => String(c).padEnd([44, 12, 15, 14][i] ?? 14)).join('');

function ok(result: ExecutionResult, what: string): ExecutionResult {
  if (result.error !== null) throw new Error(`${what} failed: ${result.error}`);
  const value = result.value as { ok: boolean; message?: string };
  if (value && value.ok === false) throw new Error(`${what} refused: ${value.message}`);
  return result;
}

function demo(bundle: AppsScriptBundle): { sandbox: Sandbox; projects: Record<string, string> } {
  const sandbox = new Sandbox(emptyWorkspace({ now: NOW, scriptTimeZone: 'Asia/Karachi' }), bundle);
  const { spreadsheetId } = ok(sandbox.run('setUpDemoCil', []), 'setUpDemoCil').value as { spreadsheetId: string };
  const [header = [], ...rows] = sandbox.state.spreadsheets[spreadsheetId]!.sheets.find((s) => s.name === 'Projects')!.values;
  const projects = Object.fromEntries(rows.map((cells) => [String(cells[header.indexOf('Status')]), String(cells[header.indexOf('Project ID')])]));
  return { sandbox, projects };
}

const figures = (label: string, result: ExecutionResult, millis: number) =>
  column([`  ${label}`, `${millis.toFixed(1)} ms`, result.meter.serviceCalls, `${result.meter.cellsRead}/${result.meter.cellsWritten}`]);

export function benchReports(bundle: AppsScriptBundle): void {
  console.log('\nReports: generateReport for the demo CIL (Node time includes loading the bundle)');
  console.log(column(['  report (first draft)', 'Node time', 'service calls', 'cells r/w']));
  const { sandbox, projects } = demo(bundle);
  for (const { project, ...request } of REQUESTS) {
    const started = performance.now();
    const result = ok(sandbox.run('generateReport', [{ ...request, ...(project === undefined ? {} : { projectId: projects[String(project)] }) }]), String(request.kind));
    console.log(figures(String(request.kind), result, performance.now() - started));
  }

  const monthly = { kind: 'monthly progress update', period: '2026-10' };
  let last = ok(sandbox.run('generateReport', [monthly]), 'regenerate');
  const started = performance.now();
  for (let i = 0; i < RUNS; i++) last = ok(sandbox.run('generateReport', [monthly]), 'regenerate');
  console.log(figures(`monthly, updated in place (mean of ${RUNS})`, last, (performance.now() - started) / RUNS));

  // A lead's edit an hour later, as Docs saves it: the text changes and Drive stamps the time.
  sandbox.advance(3_600_000);
  const docId = /\/d\/([^/]+)/.exec((last.value as { docUrl: string }).docUrl)![1]!;
  sandbox.state.documents[docId]!.body.unshift({ type: 'paragraph', text: 'A lead was here.', heading: 'NORMAL', attributes: {} });
  sandbox.state.drive.items[docId]!.updated = new Date(sandbox.state.clock.getTime());
  const editedStart = performance.now();
  const version = ok(sandbox.run('generateReport', [{ ...monthly, pdf: true, emailCfpLead: true }]), 'new version');
  console.log(figures('monthly, new version + PDF + email', version, performance.now() - editedStart));
  const byService = Object.entries(version.meter.callsByMethod).reduce<Record<string, number>>((totals, [method, calls]) => {
    const service = method.split('.')[0]!;
    totals[service] = (totals[service] ?? 0) + calls;
    return totals;
  }, {});
  console.log(`    by class: ${Object.entries(byService).sort((a, b) => b[1] - a[1]).map(([service, calls]) => `${service} ${calls}`).join(', ')}`);
}
