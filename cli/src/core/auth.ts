import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { CodeChallengeMethod, GoogleAuth, OAuth2Client, type Credentials } from 'google-auth-library';
import { oauthScopes } from '../../../apps-script/manifest';
import { z } from '../../../shared/zod';
import type { CliContext } from './context';
import { CliError } from './errors';

// Who the CLI acts as. Three ways:
//   - `cil login`: the admin's own Google account, through the OAuth loopback flow for installed apps
//     (developers.google.com/identity/protocols/oauth2/native-app): a browser page on Google, which
//     redirects to http://127.0.0.1:<port> where the CLI waits; PKCE (S256) and a random `state` keep
//     another program from completing or forging the sign-in. The refresh token is kept in the user's
//     config folder, readable by the owner alone, and refreshed access tokens are saved as they come.
//   - `--adc`: application default credentials (`gcloud auth application-default login`, or a service
//     account on a server), asked for the command's own scopes.
//   - `--sandbox URL` (or CIL_SANDBOX_URL): the local sandbox, which takes any bearer token.

/**
 * The scopes, least privilege for what the commands do to files the CLI did not create (a CIL's
 * spreadsheet is made by Apps Script or by a lead, never by the CLI, so drive.file, which covers only
 * files an app made or was handed through a picker, would see none of them). Backup and restore need:
 *   - spreadsheets: read every tab (backup) and write values and tabs (restore) of any spreadsheet the
 *     account can open. Sheets offers no narrower scope that can write.
 *   - drive.metadata.readonly: tell a folder from a spreadsheet and list a folder's spreadsheets
 *     (backup of a folder). Names and types only: no file contents, no changes, unlike drive.readonly
 *     or drive.
 */
export const SCOPES = {
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  driveMetadataReadonly: 'https://www.googleapis.com/auth/drive.metadata.readonly',
} as const;

/** `cil login`: what backup and restore need, and no more. */
export const EVERYDAY_SCOPES: readonly string[] = Object.values(SCOPES);

/**
 * The CIL Hub Apps Script project's own scopes (its manifest), which provision and rollup need: the
 * Apps Script API runs a function only for a token holding every scope the script uses
 * (developers.google.com/apps-script/api/how-tos/execute#requirements). Drive among them also covers
 * sharing the CIL folders.
 */
export const SCRIPT_SCOPES: readonly string[] = oauthScopes;

/** `cil login --admin`: the everyday scopes and the script's, so one sign-in serves every command. */
export const ADMIN_SCOPES: readonly string[] = [...new Set([...EVERYDAY_SCOPES, ...SCRIPT_SCOPES])];

/** The sign-in that allows `scopes`: `cil login`, or `cil login --admin` beyond backup and restore. */
export function loginFor(scopes: readonly string[]): string {
  return scopes.every((scope) => EVERYDAY_SCOPES.includes(scope)) ? 'cil login' : 'cil login --admin';
}

// ---- where things are kept ---------------------------------------------------------------------

/** %APPDATA%\cil-hub on Windows; $XDG_CONFIG_HOME/cil-hub, or ~/.config/cil-hub, elsewhere. */
export function configFolder(ctx: Pick<CliContext, 'env' | 'platform' | 'home'>): string {
  if (ctx.platform === 'win32') return join(ctx.env.APPDATA ?? join(ctx.home, 'AppData', 'Roaming'), 'cil-hub');
  const xdg = ctx.env.XDG_CONFIG_HOME;
  // The XDG base directory spec ignores a relative XDG_CONFIG_HOME.
  return join(xdg && xdg.startsWith('/') ? xdg : join(ctx.home, '.config'), 'cil-hub');
}

export function tokenPath(ctx: Pick<CliContext, 'env' | 'platform' | 'home'>): string {
  return join(configFolder(ctx), 'token.json');
}

// ---- the OAuth client (the admin's Desktop app client) -----------------------------------------

export interface OAuthClientConfig {
  clientId: string;
  clientSecret: string;
}

const CLIENT_HELP =
  'Create one in the Google Cloud console (APIs & Services › Credentials › Create credentials › OAuth client ID › Desktop app), ' +
  'download its JSON, and pass it with --client FILE, or save it as';

const clientFileSchema = z.object({
  installed: z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) }).optional(),
  web: z.unknown().optional(),
});

function clientFromFile(path: string): OAuthClientConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`Cannot read the OAuth client file ${path}: ${(error as Error).message}.`);
  }
  const file = clientFileSchema.safeParse(parsed);
  if (file.success && file.data.installed) return { clientId: file.data.installed.client_id, clientSecret: file.data.installed.client_secret };
  if (file.success && file.data.web !== undefined) {
    throw new CliError(`${path} is a "Web application" OAuth client; \`cil login\` needs a "Desktop app" client, whose sign-in returns to this computer.`);
  }
  throw new CliError(`${path} is not an OAuth client file as Google's console downloads it (no "installed" client id and secret).`);
}

/**
 * The Desktop OAuth client to sign in with, from the first of: --client FILE, CIL_OAUTH_CLIENT_FILE,
 * CIL_OAUTH_CLIENT_ID with CIL_OAUTH_CLIENT_SECRET, or client.json in the config folder.
 */
export function oauthClientConfig(ctx: CliContext, file: string | undefined): OAuthClientConfig {
  const named = file ?? ctx.env.CIL_OAUTH_CLIENT_FILE;
  if (named) return clientFromFile(resolve(ctx.cwd, named));
  const { CIL_OAUTH_CLIENT_ID: clientId, CIL_OAUTH_CLIENT_SECRET: clientSecret } = ctx.env;
  if (clientId && clientSecret) return { clientId, clientSecret };
  const saved = join(configFolder(ctx), 'client.json');
  if (existsSync(saved)) return clientFromFile(saved);
  throw new CliError(`No OAuth client to sign in with. ${CLIENT_HELP} ${saved} (or set CIL_OAUTH_CLIENT_ID and CIL_OAUTH_CLIENT_SECRET).`);
}

// ---- the token file ----------------------------------------------------------------------------

/** Google's "authorized_user" credentials file, as gcloud writes it, plus the access token and scopes. */
const tokenFileSchema = z.object({
  type: z.literal('authorized_user'),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  refresh_token: z.string().min(1),
  access_token: z.string().optional(),
  expiry_date: z.number().optional(),
  scopes: z.array(z.string()),
});
export type TokenFile = z.output<typeof tokenFileSchema>;

const OWNER_ONLY_FILE = 0o600;
const OWNER_ONLY_FOLDER = 0o700;

/**
 * The saved sign-in, or null when there is none. A file that other users could read is refused: its
 * refresh token lets whoever holds it act as the admin on every CIL's records until it is revoked (and
 * one they could write may hold someone else's). `forRevoking` reads it all the same, for logout: a
 * token that may have leaked is the one most worth revoking.
 */
export function readTokenFile(ctx: CliContext, { forRevoking = false } = {}): TokenFile | null {
  const path = tokenPath(ctx);
  if (!existsSync(path)) return null;
  // Windows keeps %APPDATA% per user through ACLs; POSIX mode bits mean nothing there.
  if (ctx.platform !== 'win32' && !forRevoking) {
    const stats = statSync(path);
    if (typeof process.getuid === 'function' && stats.uid !== process.getuid()) {
      throw new CliError(`The sign-in file ${path} belongs to another user; it was not used. Run \`cil logout\`, then \`cil login\`.`);
    }
    if ((stats.mode & 0o077) !== 0) {
      const mode = (stats.mode & 0o777).toString(8);
      throw new CliError(
        `The sign-in file ${path} can be read by other users (mode ${mode}); it was not used. Run \`chmod 600 ${path}\` if only you have had access, or \`cil logout\` then \`cil login\` to start afresh.`,
      );
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    parsed = null;
  }
  const token = tokenFileSchema.safeParse(parsed);
  if (!token.success) throw new CliError(`The sign-in file ${path} is damaged. Run \`cil logout\`, then \`cil login\`.`);
  return token.data;
}

/** Written to a temporary file made owner-only from the start, then renamed over the old one. */
export function writeTokenFile(ctx: CliContext, token: TokenFile): string {
  const path = tokenPath(ctx);
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true, mode: OWNER_ONLY_FOLDER });
  if (ctx.platform !== 'win32') chmodSync(folder, OWNER_ONLY_FOLDER);
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(token, null, 2)}\n`, { mode: OWNER_ONLY_FILE, flag: 'wx' });
  renameSync(temporary, path);
  return path;
}

export function deleteTokenFile(ctx: CliContext): boolean {
  const path = tokenPath(ctx);
  if (!existsSync(path)) return false;
  rmSync(path);
  return true;
}

// ---- signing in --------------------------------------------------------------------------------

export interface LoginOptions {
  scopes: readonly string[];
  /** The command line that asks for these scopes, for "run it again". */
  rerun: string;
  client: OAuthClientConfig;
  /** Open the sign-in page in the default browser as well as printing its address. */
  open: boolean;
  /** How long to wait for the browser to come back. */
  timeoutMs: number;
}

function page(response: ServerResponse, status: number, message: string): void {
  const text = message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`<!doctype html><meta charset="utf-8"><title>cil login</title><p>${text}</p>`);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function grantedScopes(tokens: Credentials, asked: readonly string[]): string[] {
  // Google lists the granted scopes in the token response; a user may untick some on the consent
  // screen (granular consent), so what was asked for is not what was granted.
  return typeof tokens.scope === 'string' ? tokens.scope.split(/\s+/).filter((s) => s !== '') : [...asked];
}

/**
 * The loopback flow: prints the sign-in address on stderr, waits on 127.0.0.1 for the browser to
 * come back with a code, checks `state`, exchanges the code with the PKCE verifier, and saves the
 * refresh token. Nothing is saved unless every scope asked for was granted.
 */
export async function login(ctx: CliContext, options: LoginOptions): Promise<{ path: string; scopes: string[] }> {
  const state = randomBytes(32).toString('base64url');
  let settle!: { resolve: (code: string) => void; reject: (error: Error) => void };
  const codeArrives = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  // A refusal may come before the flow awaits the code; it is handled there, not reported as unhandled.
  codeArrives.catch(() => undefined);
  /** The browser's request that brought the code, answered once the code is exchanged. */
  const browser: { respond?: (status: number, message: string) => void } = {};

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/' || browser.respond) {
      page(response, 404, 'Not found.');
      return;
    }
    const returned = url.searchParams.get('state');
    if (returned === null || !sameSecret(returned, state)) {
      page(response, 400, `This sign-in answer is not for the cil login waiting here. Nothing was saved; run ${options.rerun} again.`);
      settle.reject(new CliError(`The browser came back with a sign-in answer that was not for this login (its state did not match); nothing was saved. Run \`${options.rerun}\` again.`));
      return;
    }
    const denied = url.searchParams.get('error');
    const code = url.searchParams.get('code');
    if (denied !== null || code === null) {
      page(response, 400, `Sign-in did not complete (${denied ?? 'no code'}). Nothing was saved.`);
      settle.reject(new CliError(`Sign-in did not complete: Google answered "${denied ?? 'no authorization code'}". Nothing was saved.`));
      return;
    }
    browser.respond = (status, message) => page(response, status, message);
    settle.resolve(code);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const timer = setTimeout(
    () => settle.reject(new CliError(`No answer from the browser within ${Math.round(options.timeoutMs / 60_000)} minutes; nothing was saved. Run \`${options.rerun}\` again.`)),
    options.timeoutMs,
  );
  try {
    const client = new OAuth2Client({
      clientId: options.client.clientId,
      clientSecret: options.client.clientSecret,
      redirectUri,
      ...(ctx.oauthEndpoints ? { endpoints: ctx.oauthEndpoints } : {}),
    });
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const address = client.generateAuthUrl({
      access_type: 'offline',
      // Asks for consent every time, so Google returns a refresh token even to an account that
      // signed in before.
      prompt: 'consent',
      scope: [...options.scopes],
      state,
      code_challenge_method: CodeChallengeMethod.S256,
      code_challenge: codeChallenge!,
    });
    ctx.stderr.write(`Sign in with Google: open this address in a browser on this computer:\n\n  ${address}\n\nWaiting for the browser to come back to ${redirectUri} …\n`);
    if (options.open) ctx.openBrowser(address);
    const code = await codeArrives;
    let tokens: Credentials;
    try {
      ({ tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri }));
    } catch (error) {
      browser.respond?.(502, 'Google did not accept the sign-in. Nothing was saved; see the terminal.');
      throw new CliError(`Google did not accept the sign-in code (${(error as Error).message}); nothing was saved. Run \`${options.rerun}\` again.`);
    }
    const scopes = grantedScopes(tokens, options.scopes);
    const missing = options.scopes.filter((scope) => !scopes.includes(scope));
    if (missing.length > 0 || !tokens.refresh_token) {
      browser.respond?.(403, 'Some permissions were not granted. Nothing was saved; see the terminal.');
      throw new CliError(
        missing.length > 0
          ? `Sign-in granted too little: ${missing.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not allowed, and the commands need ${missing.length === 1 ? 'it' : 'them'}. Nothing was saved; run \`${options.rerun}\` again and tick every box.`
          : `Google returned no refresh token; nothing was saved. Run \`${options.rerun}\` again.`,
      );
    }
    const path = writeTokenFile(ctx, {
      type: 'authorized_user',
      client_id: options.client.clientId,
      client_secret: options.client.clientSecret,
      refresh_token: tokens.refresh_token,
      ...(tokens.access_token ? { access_token: tokens.access_token } : {}),
      ...(typeof tokens.expiry_date === 'number' ? { expiry_date: tokens.expiry_date } : {}),
      scopes,
    });
    browser.respond?.(200, 'Signed in to cil. You can close this tab.');
    return { path, scopes };
  } finally {
    clearTimeout(timer);
    server.closeAllConnections();
    server.close();
  }
}

/** Revokes the saved refresh token at Google; false when Google could not be reached or refused. */
export async function revoke(ctx: CliContext, token: TokenFile): Promise<boolean> {
  const client = new OAuth2Client({
    clientId: token.client_id,
    clientSecret: token.client_secret,
    ...(ctx.oauthEndpoints ? { endpoints: ctx.oauthEndpoints } : {}),
  });
  try {
    await client.revokeToken(token.refresh_token);
    return true;
  } catch {
    return false;
  }
}

// ---- credentials for a command -----------------------------------------------------------------

/**
 * The saved sign-in as a client that refreshes its access token when it runs out and saves the new
 * one, or a clear error when there is no sign-in or it lacks a scope the command needs: checked against
 * the scopes Google said it granted, before any request.
 */
export function signedInClient(ctx: CliContext, scopes: readonly string[]): OAuth2Client {
  const login = loginFor(scopes);
  const token = readTokenFile(ctx);
  if (!token) {
    throw new CliError(`Not signed in. Run \`${login}\` first (or pass --adc to use application default credentials, or --sandbox URL for the sandbox).`);
  }
  const missing = scopes.filter((scope) => !token.scopes.includes(scope));
  if (missing.length > 0) {
    throw new CliError(`The saved sign-in does not allow ${missing.join(', ')}, which this command needs. Run \`${login}\` to sign in with ${missing.length === 1 ? 'it' : 'them'}.`);
  }
  const client = new OAuth2Client({
    clientId: token.client_id,
    clientSecret: token.client_secret,
    ...(ctx.oauthEndpoints ? { endpoints: ctx.oauthEndpoints } : {}),
  });
  client.setCredentials({ refresh_token: token.refresh_token, access_token: token.access_token ?? null, expiry_date: token.expiry_date ?? null });
  let saved = token;
  client.on('tokens', (fresh: Credentials) => {
    saved = {
      ...saved,
      ...(fresh.refresh_token ? { refresh_token: fresh.refresh_token } : {}),
      ...(fresh.access_token ? { access_token: fresh.access_token } : {}),
      ...(typeof fresh.expiry_date === 'number' ? { expiry_date: fresh.expiry_date } : {}),
      // Google names the granted scopes with each refresh; a permission the user took back since is gone.
      ...(typeof fresh.scope === 'string' ? { scopes: grantedScopes(fresh, saved.scopes) } : {}),
    };
    writeTokenFile(ctx, saved);
  });
  return client;
}

/** Application default credentials, asked for the command's own scopes. */
export function applicationDefaultCredentials(scopes: readonly string[]): GoogleAuth {
  return new GoogleAuth({ scopes: [...scopes] });
}
