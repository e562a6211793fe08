import type { GoogleAuth, OAuth2Client } from 'google-auth-library';
// One API each rather than the whole `googleapis` index, which loads every Google API and adds more
// than half a second to each command's start.
import { drive, type drive_v3 } from 'googleapis/build/src/apis/drive';
import { script, type script_v1 } from 'googleapis/build/src/apis/script';
import { sheets, type sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { applicationDefaultCredentials, signedInClient } from './auth';
import { withBackoff } from './backoff';
import type { CliContext } from './context';
import { UsageError } from './errors';

/** The bearer token sent to the sandbox, which accepts any: no Google account is involved there. */
export const SANDBOX_TOKEN = 'cil-sandbox-local-token';

export interface ConnectionFlags {
  sandbox?: string;
  adc?: boolean;
}

/** The Sheets, Drive and Apps Script clients a command uses, and the one way it sends their requests. */
export interface GoogleConnection {
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
  script: script_v1.Script;
  /** Sends a request, waiting and retrying on 429 and 5xx (backoff.ts). */
  send<T>(request: () => Promise<T>): Promise<T>;
  /** Told before each wait for a retry, e.g. to say so above the progress bar. */
  onRetry?: (wait: { attempt: number; ms: number; status: number }) => void;
}

function sandboxUrl(ctx: CliContext, flags: ConnectionFlags): string | undefined {
  const given = flags.sandbox ?? ctx.env.CIL_SANDBOX_URL;
  if (given === undefined || given === '') return undefined;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(`--sandbox needs the sandbox's address, like http://127.0.0.1:8787/ (got "${given}").`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--sandbox needs an http address (got "${given}").`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export function connect(ctx: CliContext, flags: ConnectionFlags, scopes: readonly string[]): GoogleConnection {
  const rootUrl = sandboxUrl(ctx, flags);
  if (rootUrl !== undefined && flags.adc) throw new UsageError('Choose one of --sandbox and --adc.');
  let auth: OAuth2Client | GoogleAuth | undefined;
  if (rootUrl === undefined) auth = flags.adc ? applicationDefaultCredentials(scopes) : signedInClient(ctx, scopes);
  // Retries are backoff.ts's alone: gaxios would otherwise retry GETs on its own, ignoring
  // Retry-After, and count differently for POSTs.
  const options = {
    retry: false,
    ...(auth ? { auth } : { headers: { Authorization: `Bearer ${SANDBOX_TOKEN}` } }),
    ...(rootUrl !== undefined ? { rootUrl } : {}),
  };
  const connection: GoogleConnection = {
    sheets: sheets({ version: 'v4', ...options }),
    drive: drive({ version: 'v3', ...options }),
    script: script({ version: 'v1', ...options }),
    send: (request) => withBackoff(request, { ...ctx.backoff, onRetry: (wait) => connection.onRetry?.(wait) }),
  };
  return connection;
}
