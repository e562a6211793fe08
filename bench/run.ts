import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadBundle } from '../sandbox/src/runtime/apps-script-bundle';
import { Sandbox } from '../sandbox/src/runtime/sandbox';
import { callWebApp } from '../sandbox/src/runtime/web-app';
import { emptyWorkspace } from '../sandbox/src/workspace';
import { benchAccountability } from './accountability';
import { benchBackup } from './backup';
import { benchDashboard } from './dashboard';
import { benchExtension } from './extension';
import { benchReports } from './reports';
import { benchRollup } from './rollup';
import { benchSync } from './sync';

// `npm run bench`: figures, not verdicts. Bundle bytes, and what each entry point costs in the
// sandbox: Node time (context + bundle load included, as Apps Script loads the script per execution)
// and Google service calls.

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function folderBytes(folder: string): number {
  return readdirSync(folder).reduce((total, name) => {
    const path = join(folder, name);
    return total + (statSync(path).isDirectory() ? folderBytes(path) : statSync(path).size);
  }, 0);
}

function row(cells: (string | number)[]): string {
  return cells.map((c, i) => String(c).padEnd([34, 12, 14, 12][i] ?? 12)).join('');
}

const code = readFileSync('dist/apps-script/Code.js');
console.log('Bundles');
console.log(`  dist/apps-script/Code.js   ${kib(code.length)} (gzip ${kib(gzipSync(code).length)})`);
console.log(`  dist/extension/            ${kib(folderBytes('dist/extension'))} in all`);
for (const file of readdirSync('dist/extension/assets')) {
  console.log(`    assets/${file.padEnd(30)} ${kib(statSync(join('dist/extension/assets', file)).size)}`);
}

const bundle = loadBundle('dist/apps-script/Code.js');
const sandbox = new Sandbox(emptyWorkspace({ now: new Date('2026-11-27T05:00:00Z') }), bundle);
const runs = 50;
const measure = (label: string, once: () => { meter: { serviceCalls: number; cellsRead: number; cellsWritten: number } }) => {
  once();
  const started = performance.now();
  let last = once();
  for (let i = 1; i < runs; i++) last = once();
  const millis = (performance.now() - started) / runs;
  console.log(row([`  ${label}`, `${millis.toFixed(2)} ms`, last.meter.serviceCalls, `${last.meter.cellsRead}/${last.meter.cellsWritten}`]));
};

console.log(`\nEntry points in the sandbox (mean of ${runs} executions)`);
console.log(row(['  entry point', 'Node time', 'service calls', 'cells r/w']));
measure('about()', () => sandbox.run('about'));
measure('GET /exec (doGet)', () => callWebApp(sandbox, { method: 'GET' }).execution);

benchSync(bundle);

await benchExtension();

benchAccountability(bundle);

benchDashboard(bundle);

benchReports(bundle);

benchRollup(bundle);

await benchBackup(bundle);
