import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackoffOptions } from '../../cli/src/core/backoff';
import type { CliContext } from '../../cli/src/core/context';

// A `cil` run as a function: its own folders, environment and clock, and what it printed.

export interface TestRun {
  ctx: CliContext;
  stdout(): string;
  stderr(): string;
  /** stderr without the progress lines (`backup: …`, `restore: …`): what went wrong, if anything. */
  problems(): string;
  /** The milliseconds the CLI waited between retries (on the fake clock, so tests do not wait). */
  waited: number[];
}

export const NOW = new Date('2026-11-27T05:00:00Z');

export function withoutProgress(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/^(backup|restore): /.test(line))
    .join('\n');
}

export function tempFolder(prefix = 'cil-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function testRun(overrides: Partial<CliContext> = {}, onSleep?: (ms: number) => void): TestRun {
  let out = '';
  let err = '';
  const waited: number[] = [];
  const home = tempFolder('cil-home-');
  const backoff: BackoffOptions = {
    attempts: 8,
    baseMs: 1000,
    maxMs: 64_000,
    sleep: async (ms) => {
      waited.push(ms);
      onSleep?.(ms);
    },
    random: () => 0.5,
  };
  const ctx: CliContext = {
    env: { XDG_CONFIG_HOME: join(home, '.config') },
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    cwd: tempFolder('cil-cwd-'),
    platform: 'linux',
    home,
    now: () => NOW,
    backoff,
    openBrowser: () => {
      throw new Error('a test never opens a browser');
    },
    ...overrides,
  };
  return { ctx, stdout: () => out, stderr: () => err, problems: () => withoutProgress(err), waited };
}
