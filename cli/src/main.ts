import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { commands } from './commands';
import { defaultBackoff } from './core/backoff';
import { GLOBAL_HELP, globalOptions, type Command } from './core/command';
import type { CliContext } from './core/context';
import { CliError, describeError, UsageError } from './core/errors';

// `cil`: CfP's admin command line. Finds the command, parses its options with node:util's parseArgs,
// runs it, and turns whatever it throws into one line on stderr and an exit status (2 for a command
// line that does not parse, 1 for anything else); --debug (or CIL_DEBUG=1) adds the stack trace.

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function usage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `Usage: cil <command> [options]

CIL Hub's command line for Code for Pakistan's admins.

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run \`cil <command> --help\` for a command's options.

${GLOBAL_HELP}
  --version       print cil's version`;
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
  // No browser opener: the address is printed anyway.
  child.on('error', () => undefined);
  child.unref();
}

/** The context of a real run: this process's environment, terminal and clock. */
export function processContext(): CliContext {
  return {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    platform: process.platform,
    home: homedir(),
    now: () => new Date(),
    backoff: defaultBackoff,
    openBrowser,
  };
}

function commandNamed(argv: readonly string[]): { command: Command | undefined; name: string | undefined } {
  // Only the global options are known before the command is: anything else is the command's to parse.
  const { positionals } = parseArgs({ args: [...argv], options: globalOptions, allowPositionals: true, strict: false });
  const name = positionals[0];
  return { name, command: commands.find((command) => command.name === name) };
}

async function dispatch(argv: readonly string[], ctx: CliContext): Promise<number> {
  if (argv.length === 0) {
    ctx.stderr.write(`${usage()}\n`);
    return 2;
  }
  const { command, name } = commandNamed(argv);
  if (command === undefined) {
    if (argv.includes('--version')) {
      ctx.stdout.write(`cil ${version}\n`);
      return 0;
    }
    if (name === undefined && (argv.includes('--help') || argv.includes('-h'))) {
      ctx.stdout.write(`${usage()}\n`);
      return 0;
    }
    throw new UsageError(name === undefined ? 'No command given; run `cil --help` for the list.' : `Unknown command "${name}"; run \`cil --help\` for the list.`);
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...globalOptions, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('. ')[0]!.replace(/\.$/, '')}; see cil ${command.name} --help.`);
  }
  const { values, positionals } = parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  if (values.help === true) {
    ctx.stdout.write(`${command.help}\n`);
    return 0;
  }
  return command.run({ positionals: positionals.slice(1), values, ctx, commands });
}

export async function runCli(argv: readonly string[], ctx: CliContext = processContext()): Promise<number> {
  try {
    return await dispatch(argv, ctx);
  } catch (error) {
    // A progress bar may be drawn on the line: the error replaces it.
    if (ctx.stderr.isTTY) ctx.stderr.write('\r\x1b[2K');
    ctx.stderr.write(`cil: ${describeError(error)}\n`);
    if (error instanceof CliError) for (const line of error.details) ctx.stderr.write(`${line}\n`);
    if (argv.includes('--debug') || ctx.env.CIL_DEBUG === '1') ctx.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
