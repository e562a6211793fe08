import type { OAuth2ClientOptions } from 'google-auth-library';
import type { BackoffOptions } from './backoff';

// Everything a command touches outside its arguments, passed in rather than read from globals, so
// tests run the commands as functions with their own environment, clock and output.

export interface Output {
  write(text: string): unknown;
  /** True when a person is watching a terminal: the progress bar then redraws one line. */
  isTTY?: boolean;
  /** Terminal width, when known. */
  columns?: number;
}

export interface CliContext {
  env: Readonly<Record<string, string | undefined>>;
  stdout: Output;
  stderr: Output;
  /** Relative paths on the command line are relative to this. */
  cwd: string;
  platform: NodeJS.Platform;
  /** Home folder, for ~/.config when XDG_CONFIG_HOME is unset. */
  home: string;
  now: () => Date;
  backoff: BackoffOptions;
  /** Runs `cil login --open`'s browser; tests and headless machines never get here without --open. */
  openBrowser: (url: string) => void;
  /** Google's OAuth endpoints unless given: tests point them at a fake token server on loopback. */
  oauthEndpoints?: OAuth2ClientOptions['endpoints'];
}
