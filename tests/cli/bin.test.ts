import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempFolder } from './cli-fixture';
import { addHostileCells } from './hostile-cells';
import { cellsOf, servedDemoCil, wipe } from './served-cil';

// `cil` as an admin runs it: a separate process started through its bin, talking to the sandbox's
// Google APIs over loopback (asynchronously: this process serves them while the CLI runs).

const bin = fileURLToPath(new URL('../../cli/bin/cil.js', import.meta.url));

function cil(args: string[], env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const home = tempFolder('cil-home-');
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ...env }, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the cil command', () => {
  it('backs up and restores the demo CIL as a process of its own, every cell coming back', { timeout: 120_000 }, async () => {
    const served = await servedDemoCil();
    addHostileCells(served);
    const original = cellsOf(served);
    const folder = join(tempFolder(), 'backup');

    const backup = await cil(['backup', served.spreadsheetId, '--out', folder, '--sandbox', served.server.rootUrl]);
    expect(backup.stderr).not.toContain('cil:');
    expect(backup).toMatchObject({ status: 0, stdout: expect.stringContaining(`Backed up to ${folder}:`) });
    await wipe(served);

    const restore = await cil(['restore', folder, '--to', served.spreadsheetId], { CIL_SANDBOX_URL: served.server.rootUrl });
    expect(restore).toMatchObject({ status: 0, stdout: expect.stringContaining('  Hours: 204 restored, 0 overwritten') });
    expect(cellsOf(served)).toEqual(original);
  });

  it('prints its help, and errors as one line with a status, the stack only with --debug', { timeout: 60_000 }, async () => {
    const help = await cil(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: cil <command> \[options\]\n[\s\S]*  backup +copy every tab/);
    const restoreHelp = await cil(['restore', '--help']);
    expect(restoreHelp).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Usage: cil restore DIR --to <spreadsheet>/) });

    const missing = await cil(['restore', 'backup']);
    expect(missing).toEqual({ status: 2, stdout: '', stderr: 'cil: cil restore needs --to, the spreadsheet to restore into.\n' });
    const unreadable = await cil(['restore', tempFolder(), '--to', '1CiLHubSandbox000009xxxxxxxxxxxx', '--sandbox', 'http://127.0.0.1:9/']);
    expect(unreadable.status).toBe(1);
    expect(unreadable.stderr.split('\n').filter((line) => line.startsWith('cil:'))).toEqual([expect.stringMatching(/^cil: .* holds no backup: manifest\.json is missing\.$/)]);
    expect(unreadable.stderr).not.toMatch(/\n\s+at /);
    const debug = await cil(['restore', tempFolder(), '--to', '1CiLHubSandbox000009xxxxxxxxxxxx', '--sandbox', 'http://127.0.0.1:9/', '--debug']);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
