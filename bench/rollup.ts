import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadBundle, type AppsScriptBundle } from '../sandbox/src/runtime/apps-script-bundle';
import type { ExecutionResult } from '../sandbox/src/runtime/sandbox';
import { estimatedSeconds, manyCils } from './accountability';

// The national rollup (issue 9): runNationalRollup through the built bundle for 50 CILs, each with 8
// volunteers and half a year of history (so three quarters a CIL). It reads every tab of every CIL once
// and writes each national tab once, so its calls grow with the CILs, not with their rows.

const CILS = 50;
const count = (n: number) => n.toLocaleString('en-US');
const column = (widths: number[]) => (cells: (string | number)[]) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 14)).join('');

function ok(result: ExecutionResult, what: string): ExecutionResult {
  if (result.error !== null) throw new Error(`${what} failed: ${result.error}`);
  return result;
}

interface Rolled {
  rows: { updated: number; added: number };
  fallingBehind: { checkIn: { proposedNow: boolean } | null }[];
  notRead: unknown[];
}

export function benchRollup(bundle: AppsScriptBundle): void {
  const filling = performance.now();
  const { sandbox, rows } = manyCils(bundle, CILS, 8, 26);
  ok(sandbox.run('setUpNationalRollup', [{ cfpLeadEmail: 'national.lead@codeforpakistan.example' }]), 'setUpNationalRollup');
  const fillSeconds = (performance.now() - filling) / 1000;

  console.log(`\nNational rollup (runNationalRollup through the built bundle in the sandbox; ${CILS} CILs × 8 volunteers, 26 weeks, ${count(rows)} rows)`);
  const row = column([10, 22, 19, 8, 13, 15, 11, 14]);
  console.log(row(['  run', 'service calls', 'reads (getValues)', 'writes', 'cells read', 'cells written', 'Node time', 'est. Google']));
  for (const which of ['first', 'second']) {
    const started = performance.now();
    const result = ok(sandbox.run('runNationalRollup', []), 'runNationalRollup');
    const millis = performance.now() - started;
    const value = result.value as Rolled;
    if (value.notRead.length > 0) throw new Error(`The rollup could not read ${value.notRead.length} CILs.`);
    const { serviceCalls, cellsRead, cellsWritten, callsByMethod } = result.meter;
    console.log(
      row([
        `  ${which}`,
        `${serviceCalls} (${(serviceCalls / CILS).toFixed(1)}/CIL)`,
        callsByMethod['Range.getValues'] ?? 0,
        callsByMethod['Range.setValues'] ?? 0,
        count(cellsRead),
        count(cellsWritten),
        `${millis.toFixed(0)} ms`,
        estimatedSeconds(callsByMethod),
      ]),
    );
    // The bench's history has each CIL's lead miss October's CfP call, so on the first run every CIL is
    // newly falling behind: its log is read again under the lock and its check-in row appended.
    if (which === 'first') console.log(`    rows added ${value.rows.added}; CILs newly falling behind ${value.fallingBehind.filter((cil) => cil.checkIn?.proposedNow).length} (a check-in row each: one more log read and one append)`);
    else console.log(`    rows updated in place ${value.rows.updated}, none added: ${value.rows.added === 0}`);
  }
  console.log(`  (workspace set up and filled in ${fillSeconds.toFixed(1)} s.) "est. Google" is the same assumption as the daily`);
  console.log('  run\'s above, not a measurement. The daily run starts the rollup itself only while it has used less than');
  console.log('  half its 270 s budget; otherwise a follow-up runs it a minute later with six minutes of its own.');
}

// `npx tsx bench/rollup.ts` runs this part alone (after `npm run build:apps-script`).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) benchRollup(loadBundle('dist/apps-script/Code.js'));
