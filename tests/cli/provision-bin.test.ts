import { afterEach, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWorkspace } from '../../sandbox/src/state-file';
import { tempFolder } from './cli-fixture';

// `cil provision` as an admin runs it, a process of its own, against `cil-sandbox serve` (another
// process) serving the built bundle's scripts.run beside the Drive API; what it did is then read from
// the state file serve saves. Run `npm run build:apps-script` first.

const cilBin = fileURLToPath(new URL('../../cli/bin/cil.js', import.meta.url));
const sandboxBin = fileURLToPath(new URL('../../sandbox/bin/cil-sandbox.js', import.meta.url));
const bundle = fileURLToPath(new URL('../../dist/apps-script/Code.js', import.meta.url));

const running: ChildProcess[] = [];
afterEach(() => running.splice(0).forEach((server) => server.kill()));

async function serveSandbox(state: string): Promise<{ googleApis: string; apiExecutable: string }> {
  const server = spawn(process.execPath, [sandboxBin, 'serve', '--port', '0', '--state', state, '--bundle', bundle], { stdio: ['ignore', 'pipe', 'inherit'] });
  running.push(server);
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      try {
        resolve(JSON.parse(out));
      } catch {
        // not all of the JSON yet
      }
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

function cil(args: string[], cwd: string, env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const home = tempFolder('cil-home-');
    execFile(
      process.execPath,
      [cilBin, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ...env }, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

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
