import { describe, it, expect, afterEach } from 'vitest';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFolder, SCOPES, signedInClient, tokenPath } from '../../../cli/src/core/auth';
import { commands } from '../../../cli/src/commands';
import { runCli } from '../../../cli/src/main';
import { tempFolder, testRun, type TestRun } from '../cli-fixture';
import { fakeGoogleOAuth, type FakeOAuth, type FakeOAuthOptions } from '../fake-google-oauth';

// `cil login` end to end on loopback: the CLI waits on 127.0.0.1, the test plays the browser with fetch
// (the fake consent page redirects it back, as Google's does), and the fake token endpoint checks the
// PKCE verifier. Then the token file: where it lives, its permissions, refresh and logout.

const CLIENT = { clientId: 'cil-test.apps.googleusercontent.com', clientSecret: 'desktop-secret' };
/** What `cil login` asks for: the scopes of every command. */
const ALL_SCOPES = [...new Set(commands.flatMap((command) => command.scopes))];

const fakes: FakeOAuth[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function setUp(options: Partial<FakeOAuthOptions> = {}) {
  const fake = await fakeGoogleOAuth({ ...CLIENT, ...options });
  fakes.push(fake);
  const run = testRun({ oauthEndpoints: fake.endpoints });
  const clientFile = join(tempFolder(), 'client_secret.json');
  writeFileSync(clientFile, JSON.stringify({ installed: { client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, redirect_uris: ['http://localhost'] } }));
  return { fake, run, clientFile };
}

/** The sign-in address, once `cil login` has printed it. */
async function signInAddress(run: TestRun): Promise<URL> {
  for (let i = 0; i < 200; i++) {
    const found = /(http:\/\/127\.0\.0\.1:\d+\/auth\?\S+)/.exec(run.stderr());
    if (found) return new URL(found[1]!);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`cil login printed no address: ${run.stderr()}`);
}

/** Logs in as a person would: opens the address, the consent page sends the browser back. */
async function logIn(options: Partial<FakeOAuthOptions> = {}) {
  const { fake, run, clientFile } = await setUp(options);
  const exit = runCli(['login', '--client', clientFile], run.ctx);
  const address = await signInAddress(run);
  const page = await fetch(address);
  return { fake, run, address, page: { status: page.status, text: await page.text() }, exit: await exit };
}

describe('cil login', () => {
  it('signs in through the loopback flow with PKCE and keeps the token for the owner alone', async () => {
    const { fake, run, address, page, exit } = await logIn();
    expect(exit).toBe(0);
    expect(page).toEqual({ status: 200, text: expect.stringContaining('Signed in to cil') });

    const q = address.searchParams;
    expect(q.get('client_id')).toBe(CLIENT.clientId);
    expect(q.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('access_type')).toBe('offline');
    expect(q.get('scope')?.split(' ').sort()).toEqual([...ALL_SCOPES].sort());

    const exchange = fake.tokenRequests[0]!;
    expect(exchange).toMatchObject({ grant_type: 'authorization_code', redirect_uri: q.get('redirect_uri') });
    expect(exchange.code_verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);

    const path = tokenPath(run.ctx);
    expect(path).toBe(join(run.ctx.env.XDG_CONFIG_HOME!, 'cil-hub', 'token.json'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(configFolder(run.ctx)).mode & 0o777).toBe(0o700);
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    expect(saved).toMatchObject({ type: 'authorized_user', client_id: CLIENT.clientId, refresh_token: expect.stringMatching(/^refresh-/), scopes: ALL_SCOPES });
    expect(run.stdout()).toContain(`kept in ${path}`);
  });

  it('refuses an answer whose state is not its own, and saves nothing', async () => {
    const { run, page, exit } = await logIn({ answer: 'wrong state' });
    expect(exit).toBe(1);
    expect(page.status).toBe(400);
    expect(run.stderr()).toMatch(/cil: The browser came back with a sign-in answer that was not for this login \(its state did not match\); nothing was saved/);
    expect(existsSync(tokenPath(run.ctx))).toBe(false);
  });

  it('says so when the user declines, and saves nothing', async () => {
    const { run, exit } = await logIn({ answer: 'denied' });
    expect(exit).toBe(1);
    expect(run.stderr()).toContain('Sign-in did not complete: Google answered "access_denied"');
    expect(existsSync(tokenPath(run.ctx))).toBe(false);
  });

  it('saves nothing when the user unticks a permission', async () => {
    const { run, exit } = await logIn({ grant: (asked) => asked.filter((scope) => scope !== SCOPES.driveMetadataReadonly) });
    expect(exit).toBe(1);
    expect(run.stderr()).toContain(`${SCOPES.driveMetadataReadonly} was not allowed`);
    expect(existsSync(tokenPath(run.ctx))).toBe(false);
  });

  it('explains where the OAuth client comes from when there is none', async () => {
    const run = testRun();
    expect(await runCli(['login'], run.ctx)).toBe(1);
    expect(run.stderr()).toMatch(/^cil: No OAuth client to sign in with\. Create one in the Google Cloud console .* Desktop app.*client\.json/);
  });

  it('refuses a Web application client', async () => {
    const run = testRun();
    const file = join(tempFolder(), 'web.json');
    writeFileSync(file, JSON.stringify({ web: { client_id: 'x', client_secret: 'y' } }));
    expect(await runCli(['login', '--client', file], run.ctx)).toBe(1);
    expect(run.stderr()).toContain('is a "Web application" OAuth client; `cil login` needs a "Desktop app" client');
  });
});

describe('the saved sign-in', () => {
  it('refreshes an expired access token and saves the new one, still owner-only', async () => {
    const { fake, run } = await logIn();
    const path = tokenPath(run.ctx);
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...saved, expiry_date: Date.now() - 60_000 }));
    const client = signedInClient(run.ctx, ALL_SCOPES);
    const { token } = await client.getAccessToken();
    expect(fake.tokenRequests.at(-1)).toMatchObject({ grant_type: 'refresh_token', refresh_token: saved.refresh_token });
    expect(token).not.toBe(saved.access_token);
    const refreshed = JSON.parse(readFileSync(path, 'utf8'));
    expect(refreshed).toMatchObject({ access_token: token, refresh_token: saved.refresh_token });
    expect(refreshed.expiry_date).toBeGreaterThan(Date.now());
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it.each([0o640, 0o604, 0o660])('is refused when its mode is %o, before any request', async (mode) => {
    const { run } = await logIn();
    chmodSync(tokenPath(run.ctx), mode);
    const later = testRun({ env: run.ctx.env, home: run.ctx.home });
    expect(await runCli(['backup', '1CiLHubSandbox000009xxxxxxxxxxxx', '--out', 'backup'], later.ctx)).toBe(1);
    expect(later.stderr()).toBe(
      `cil: The sign-in file ${tokenPath(run.ctx)} can be read by other users (mode ${mode.toString(8)}); it was not used. ` +
        `Run \`chmod 600 ${tokenPath(run.ctx)}\` if only you have had access, or \`cil logout\` then \`cil login\` to start afresh.\n`,
    );
  });

  it('says to sign in when there is no sign-in', async () => {
    const run = testRun();
    expect(await runCli(['restore', 'backup', '--to', '1CiLHubSandbox000009xxxxxxxxxxxx'], run.ctx)).toBe(1);
    expect(run.stderr()).toMatch(/^cil: Not signed in\. Run `cil login` first/);
  });

  it('says to sign in again when it lacks a scope a command needs', async () => {
    const { run } = await logIn();
    const path = tokenPath(run.ctx);
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), scopes: [SCOPES.spreadsheets] }), { mode: 0o600 });
    expect(() => signedInClient(run.ctx, [SCOPES.spreadsheets, SCOPES.driveMetadataReadonly])).toThrow(`does not allow ${SCOPES.driveMetadataReadonly}, which this command needs. Run \`cil login\` again.`);
  });

  it('is revoked and deleted by cil logout', async () => {
    const { fake, run } = await logIn();
    const { refresh_token } = JSON.parse(readFileSync(tokenPath(run.ctx), 'utf8'));
    expect(await runCli(['logout'], run.ctx)).toBe(0);
    expect(fake.revoked).toEqual([refresh_token]);
    expect(existsSync(tokenPath(run.ctx))).toBe(false);
    expect(await runCli(['logout'], run.ctx)).toBe(0);
    expect(run.stdout()).toContain('Not signed in');
  });

  it('lives in %APPDATA% on Windows and in ~/.config without XDG_CONFIG_HOME', () => {
    expect(configFolder({ env: { APPDATA: 'C:\\Users\\amna\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\amna' })).toMatch(/AppData.Roaming.cil-hub$/);
    expect(configFolder({ env: {}, platform: 'linux', home: '/home/amna' })).toBe('/home/amna/.config/cil-hub');
    expect(configFolder({ env: { XDG_CONFIG_HOME: 'relative' }, platform: 'linux', home: '/home/amna' })).toBe('/home/amna/.config/cil-hub');
  });
});
