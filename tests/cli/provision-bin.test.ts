import { expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkspace } from '../../sandbox/src/state-file';
import { cil, serveSandbox } from './bin-fixture';
import { tempFolder } from './cli-fixture';

// `cil provision` as an admin runs it, a process of its own, against `cil-sandbox serve` (bin-fixture.ts);
// what it did is then read from the state file serve saves. Run `npm run build:apps-script` first.

it('provisions the CILs of a list through a served sandbox, which saves them registered', { timeout: 120_000 }, async () => {
  const state = join(tempFolder('cil-provision-'), 'state.json');
  const served = await serveSandbox(state);
  const cwd = tempFolder('cil-cwd-');
  writeFileSync(
    join(cwd, 'cils.csv'),
    'Name,City,Lead emails\nCIL Lahore,Lahore,ayesha@example.pk\nCIL Karachi,Karachi,sana@example.pk;bilal@example.pk\nCIL Quetta,Quetta,\n',
  );

  const first = await cil(['provision', 'cils.csv'], cwd, { CIL_SANDBOX_URL: served.googleApis, CIL_SCRIPT_ID: served.apiExecutable });
  expect(first.status, first.stderr).toBe(0);
  expect(first.stdout).toMatch(/\n3 set up, 0 already set up, 0 failed; 3 leads shared\.\n$/);

  const saved = loadWorkspace(state)!;
  const registered = Object.keys(saved.properties.script).filter((key) => key.startsWith('cil:')).sort();
  expect(registered).toEqual(['cil:cil-karachi', 'cil:cil-lahore', 'cil:cil-quetta']);
  expect(saved.executions.map((e) => [e.functionName, e.trigger])).toEqual([
    ['setUpCil', 'api'],
    ['setUpCil', 'api'],
    ['setUpCil', 'api'],
  ]);

  const again = await cil(['provision', 'cils.csv', '--script', served.apiExecutable, '--sandbox', served.googleApis], cwd, {});
  expect(again).toMatchObject({ status: 0, stdout: expect.stringMatching(/\nNothing changed: all 3 CILs were already set up and shared with their leads\.\n$/) });
});
