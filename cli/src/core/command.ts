import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context';

// One `cil` command: its own module in cli/src/commands/, listed once in commands/index.ts. main.ts
// parses its options with the global ones, prints its help, and turns what it throws into one line.

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandInput {
  positionals: string[];
  values: OptionValues;
  ctx: CliContext;
  /** Every command, for `cil login` to say which its sign-in allows. */
  commands: readonly Command[];
}

export interface Command {
  name: string;
  /** One line for `cil --help`. */
  summary: string;
  /** `cil <name> --help`: the synopsis and what each option does. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** The OAuth scopes the command's requests need: within auth.ts EVERYDAY_SCOPES (`cil login`) or ADMIN_SCOPES (`cil login --admin`). */
  scopes: readonly string[];
  /** Resolves to the exit status. */
  run(input: CommandInput): Promise<number>;
}

/** Options every command takes; the first two choose whose Google the requests go to. */
export const globalOptions = {
  sandbox: { type: 'string' },
  adc: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const GLOBAL_HELP = `Options for every command:
  --sandbox URL   talk to the CIL Hub sandbox's Google APIs at URL instead of Google
                  (also CIL_SANDBOX_URL); no sign-in needed
  --adc           use application default credentials instead of \`cil login\`
  --debug         print the stack trace of an error
  -h, --help      this help`;

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
