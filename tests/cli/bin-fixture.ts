import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveProcess } from '../sandbox/serve-process';
import { tempFolder } from './cli-fixture';

// `cil` as an admin runs it, a process of its own, against `cil-sandbox serve` (another process)
// serving the built bundle's scripts.run beside the Sheets and Drive APIs; serve saves the workspace to
// its state file after each change. Run `npm run build:apps-script` first.

const cilBin = fileURLToPath(new URL('../../cli/bin/cil.js', import.meta.url));
const bundle = fileURLToPath(new URL('../../dist/apps-script/Code.js', import.meta.url));

/** `cil-sandbox serve` on a free port over the state file (made empty if it does not exist); stopped after the test. */
export const serveSandbox = (state: string) => serveProcess(state, bundle);

/** Runs `cil args…` in `cwd` with a fresh home folder and only PATH and `env` in its environment. */
export function cil(args: string[], cwd: string, env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
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
