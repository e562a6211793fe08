import { expect, it } from 'vitest';
import { join } from 'node:path';
import { loadWorkspace, saveWorkspace } from '../../sandbox/src/state-file';
import { LAGGING_NAME, NATIONAL_LEAD, setUpThreeCils } from '../apps-script/rollup/rollup-fixture';
import { cil, serveSandbox } from './bin-fixture';
import { tempFolder } from './cli-fixture';

// `cil rollup` as an admin runs it, a process of its own, against `cil-sandbox serve` (bin-fixture.ts)
// over a state file holding three CILs, one of them falling behind (rollup-fixture.ts); what it did is
// then read from the state file serve saves. Run `npm run build:apps-script` first.

/** stderr without the progress lines. */
const problems = (stderr: string) => stderr.replace(/^rollup: .*\n/gm, '');

it('rolls the CILs of a served sandbox up, once set up, and reports no new check-ins the second time', { timeout: 120_000 }, async () => {
  const cils = setUpThreeCils();
  const state = join(tempFolder('cil-rollup-'), 'state.json');
  saveWorkspace(state, cils.sandbox.state);
  const served = await serveSandbox(state);
  const cwd = tempFolder('cil-cwd-');
  const env = { CIL_SANDBOX_URL: served.googleApis, CIL_SCRIPT_ID: served.apiExecutable };

  const notSetUp = await cil(['rollup'], cwd, env);
  expect(notSetUp.status).toBe(1);
  expect(problems(notSetUp.stderr)).toMatch(/^cil: The national rollup is not set up: run `cil rollup --set-up --cfp-lead EMAIL` first[^\n]*\n$/);
  expect(notSetUp.stdout).toBe('');

  const first = await cil(['rollup', '--set-up', '--cfp-lead', NATIONAL_LEAD, '--folder', cils.folderId], cwd, env);
  expect(first.status, first.stderr).toBe(0);
  expect(first.stdout).toContain(`\n1 CIL falling behind:\n  ${LAGGING_NAME} (${cils.lagging.cilId}, 2026-Q4)\n    - No monthly CfP call in 2026-10.\n`);
  expect(first.stdout).toContain('\nRows by CIL and quarter: 9 added, 0 updated.\n');
  expect(first.stdout).toMatch(/\n1 new mentor check-in\. Email to the CfP lead \(national\.lead@codeforpakistan\.example\): sent, "[^"\n]+"\.\n$/);

  const saved = loadWorkspace(state)!;
  const { spreadsheetId } = JSON.parse(saved.properties.script['rollup:national']!) as { spreadsheetId: string };
  expect(saved.drive.items[spreadsheetId]).toMatchObject({ name: 'CIL Hub — national rollup', parents: [cils.folderId] });
  const rows = saved.spreadsheets[spreadsheetId]!.sheets.find((sheet) => sheet.name === 'By CIL and quarter')!.values.slice(1).filter((row) => row.some((cell) => cell !== ''));
  expect(rows.map((row) => row[0]).sort()).toEqual([cils.karachi, cils.lahore, cils.lagging].flatMap((c) => [c.cilId, c.cilId, c.cilId]).sort());
  expect(saved.executions.filter((e) => e.trigger === 'api').map((e) => [e.functionName, e.status])).toEqual([
    ['runNationalRollup', 'failed'],
    ['setUpNationalRollup', 'completed'],
    ['runNationalRollup', 'completed'],
  ]);
  expect(saved.mail.outbox.map((mail) => mail.to)).toEqual([[NATIONAL_LEAD]]);

  const second = await cil(['rollup'], cwd, env);
  expect(second).toMatchObject({ status: 0, stderr: 'rollup: rolling every CIL up\nrollup: done\n' });
  expect(second.stdout).toContain('\nRows by CIL and quarter: 0 added, 9 updated.\n');
  expect(second.stdout).toMatch(/\nNo new mentor check-ins, so no email to the CfP lead\.\n$/);
  expect(loadWorkspace(state)!.mail.outbox).toHaveLength(1);
});
