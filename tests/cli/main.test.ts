import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { commands } from '../../cli/src/commands';
import { runCli } from '../../cli/src/main';
import { testRun } from './cli-fixture';

// The command line around the commands: finding one, its help, and errors as one line and a status.

describe('cil', () => {
  it('lists every command in its help', async () => {
    const run = testRun();
    expect(await runCli(['--help'], run.ctx)).toBe(0);
    const width = Math.max(...commands.map((command) => command.name.length));
    for (const command of commands) expect(run.stdout()).toContain(`  ${command.name.padEnd(width)}  ${command.summary}\n`);
  });

  it('prints each command help, with the options every command takes', async () => {
    for (const command of commands) {
      const run = testRun();
      expect(await runCli([command.name, '-h'], run.ctx)).toBe(0);
      expect(run.stdout()).toMatch(new RegExp(`^Usage: cil ${command.name}`));
      expect(run.stdout()).toContain('--sandbox URL');
    }
  });

  it('prints its version', async () => {
    const run = testRun();
    expect(await runCli(['--version'], run.ctx)).toBe(0);
    expect(run.stdout()).toBe(`cil ${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
  });

  it.each([
    { argv: [], status: 2, stderr: /^Usage: cil <command>/ },
    { argv: ['bakcup'], status: 2, stderr: /^cil: Unknown command "bakcup"; run `cil --help` for the list\.\n$/ },
    { argv: ['backup', 'x', '--out', 'y', '--outt', 'z'], status: 2, stderr: /^cil: Unknown option '--outt'; see cil backup --help\.\n$/ },
    { argv: ['backup', 'a', 'b', '--out', 'y'], status: 2, stderr: /^cil: cil backup takes one spreadsheet or folder/ },
    { argv: ['restore', 'dir', '--to', '1CiLHubSandbox000009xxxxxxxx', '--sandbox', 'http://127.0.0.1:9/', '--adc'], status: 2, stderr: /^cil: Choose one of --sandbox and --adc\.\n$/ },
    { argv: ['backup', '1CiLHubSandbox000009xxxxxxxx', '--out', 'b', '--sandbox', 'not a url'], status: 2, stderr: /^cil: --sandbox needs the sandbox's address, like http:\/\/127\.0\.0\.1:8787\/ \(got "not a url"\)\.\n$/ },
    { argv: ['login', '--sandbox', 'http://127.0.0.1:9/'], status: 2, stderr: /^cil: cil login signs in to Google; with --sandbox or --adc there is nothing to sign in to\.\n$/ },
  ])('refuses $argv with status $status and one line', async ({ argv, status, stderr }) => {
    const run = testRun();
    expect(await runCli(argv, run.ctx)).toBe(status);
    expect(run.problems()).toMatch(stderr);
  });

  it('says when the server cannot be reached, without a stack trace', async () => {
    const run = testRun({ env: { CIL_SANDBOX_URL: 'http://127.0.0.1:9/' } });
    expect(await runCli(['backup', '1CiLHubSandbox000009xxxxxxxx', '--out', 'b'], run.ctx)).toBe(1);
    expect(run.problems()).toBe('cil: Cannot reach the server (ECONNREFUSED): check the network, or the address given to --sandbox.\n');
  });

  it('clears a progress bar before printing an error on a terminal', async () => {
    const run = testRun({ env: { CIL_SANDBOX_URL: 'http://127.0.0.1:9/' } });
    run.ctx.stderr.isTTY = true;
    await runCli(['backup', '1CiLHubSandbox000009xxxxxxxx', '--out', 'b'], run.ctx);
    expect(run.stderr()).toMatch(/\r\x1b\[2Kcil: Cannot reach the server/);
  });
});
