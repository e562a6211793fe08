import { describe, it, expect, afterEach, vi } from 'vitest';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoogleAuth } from 'google-auth-library';
import { oauthScopes } from '../../../apps-script/manifest';
import { ADMIN_SCOPES, configFolder, EVERYDAY_SCOPES, SCOPES, signedInClient, tokenPath } from '../../../cli/src/core/auth';
import { commands } from '../../../cli/src/commands';
import { runCli } from '../../../cli/src/main';
import { tempFolder, testRun, type TestRun } from '../cli-fixture';
import { fakeGoogleOAuth, type FakeOAuth, type FakeOAuthOptions } from '../fake-google-oauth';

// `cil login` end to end on loopback: the CLI waits on 127.0.0.1, the test plays the browser with fetch
// (the fake consent page redirects it back, as Google's does), and the fake token endpoint checks the
// PKCE verifier. Then the token file: where it lives, its permissions, refresh and logout.

const CLIENT = { clientId: 'cil-test.apps.googleusercontent.com', clientSecret: 'desktop-secret' };
const commandNamed = (name: string) => commands.find((command) => command.name === name)!;

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
async function logIn(options: Partial<FakeOAuthOptions> = {}, flags: string[] = []) {
  const { fake, run, clientFile } = await setUp(options);
  const exit = runCli(['login', '--client', clientFile, ...flags], run.ctx);
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
    // What backup and restore need, and nothing of the Apps Script project's.
    expect(q.get('scope')?.split(' ')).toEqual([SCOPES.spreadsheets, SCOPES.driveMetadataReadonly]);

    const exchange = fake.tokenRequests[0]!;
    expect(exchange).toMatchObject({ grant_type: 'authorization_code', redirect_uri: q.get('redirect_uri') });
    expect(exchange.code_verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);

    const path = tokenPath(run.ctx);
    expect(path).toBe(join(run.ctx.env.XDG_CONFIG_HOME!, 'cil-hub', 'token.json'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(configFolder(run.ctx)).mode & 0o777).toBe(0o700);
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    expect(saved).toMatchObject({ type: 'authorized_user', client_id: CLIENT.clientId, refresh_token: expect.stringMatching(/^refresh-/), scopes: EVERYDAY_SCOPES });
    expect(run.stdout()).toBe(
      `Signed in. The sign-in is kept in ${path} (readable by you alone); it allows cil backup and cil restore. For cil provision and cil rollup, run \`cil login --admin\`.\n`,
    );
  });

  it('asks with --admin for the Apps Script project\'s scopes as well, which provision and rollup need', async () => {
    const { run, address, exit } = await logIn({}, ['--admin']);
    expect(exit).toBe(0);
    const asked = address.searchParams.get('scope')!.split(' ');
    expect(asked).toEqual(ADMIN_SCOPES);
    expect([...asked].sort()).toEqual([...new Set([...EVERYDAY_SCOPES, ...oauthScopes])].sort());
    expect(JSON.parse(readFileSync(tokenPath(run.ctx), 'utf8')).scopes).toEqual(ADMIN_SCOPES);
    expect(run.stdout()).toMatch(/; it allows cil backup, cil restore, cil provision and cil rollup\.\n$/);
    expect(() => signedInClient(run.ctx, commandNamed('rollup').scopes)).not.toThrow();
  });

  it('asks each command\'s scopes of one of the two sign-ins: backup and restore of the everyday one', () => {
    for (const name of ['backup', 'restore']) for (const scope of commandNamed(name).scopes) expect(EVERYDAY_SCOPES, `${name}: ${scope}`).toContain(scope);
    for (const command of commands) for (const scope of command.scopes) expect(ADMIN_SCOPES, `${command.name}: ${scope}`).toContain(scope);
    expect(commandNamed('provision').scopes).toEqual(oauthScopes);
    expect(commandNamed('rollup').scopes).toEqual(oauthScopes);
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
    const client = signedInClient(run.ctx, EVERYDAY_SCOPES);
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

  it('says to sign in when there is no sign-in, with --admin for a command that needs it', async () => {
    const run = testRun();
    expect(await runCli(['restore', 'backup', '--to', '1CiLHubSandbox000009xxxxxxxxxxxx'], run.ctx)).toBe(1);
    expect(run.stderr()).toMatch(/^cil: Not signed in\. Run `cil login` first/);
    const admin = testRun();
    expect(await runCli(['rollup', '--script', 'AKfycbDeployment'], admin.ctx)).toBe(1);
    expect(admin.stderr()).toMatch(/^cil: Not signed in\. Run `cil login --admin` first/);
  });

  it('says to sign in again when it lacks a scope a command needs', async () => {
    const { run } = await logIn();
    const path = tokenPath(run.ctx);
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), scopes: [SCOPES.spreadsheets] }), { mode: 0o600 });
    expect(() => signedInClient(run.ctx, [SCOPES.spreadsheets, SCOPES.driveMetadataReadonly])).toThrow(`does not allow ${SCOPES.driveMetadataReadonly}, which this command needs. Run \`cil login\` to sign in with it.`);
  });

  it('fails at once, before any request, when an everyday sign-in runs a command that needs --admin', async () => {
    const { fake, run } = await logIn();
    const path = tokenPath(run.ctx);
    // An expired access token: any request would first refresh it at the token endpoint.
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), expiry_date: Date.now() - 60_000 }), { mode: 0o600 });
    const requestsBefore = fake.tokenRequests.length;
    for (const args of [['rollup', '--script', 'AKfycbDeployment'], ['provision', 'cils.csv', '--dry-run']]) {
      const later = testRun({ env: run.ctx.env, home: run.ctx.home, oauthEndpoints: fake.endpoints });
      if (args[0] === 'provision') writeFileSync(join(later.ctx.cwd, 'cils.csv'), 'Name\nCIL Lahore\n');
      expect(await runCli(args, later.ctx)).toBe(1);
      const lacking = oauthScopes.filter((scope) => !EVERYDAY_SCOPES.includes(scope));
      expect(later.stderr()).toBe(`cil: The saved sign-in does not allow ${lacking.join(', ')}, which this command needs. Run \`cil login --admin\` to sign in with them.\n`);
    }
    expect(fake.tokenRequests).toHaveLength(requestsBefore);
  });

  it('keeps the scopes Google names when it refreshes the token', async () => {
    const { run } = await logIn({}, ['--admin']);
    const path = tokenPath(run.ctx);
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    // A file that names fewer scopes than Google granted: the refresh's answer is what counts.
    writeFileSync(path, JSON.stringify({ ...saved, scopes: [SCOPES.spreadsheets], expiry_date: Date.now() - 60_000 }), { mode: 0o600 });
    await signedInClient(run.ctx, [SCOPES.spreadsheets]).getAccessToken();
    expect(JSON.parse(readFileSync(path, 'utf8')).scopes).toEqual(ADMIN_SCOPES);
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

describe('application default credentials (--adc)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("are asked for the command's own scopes", async () => {
    // getClient is where google-auth-library looks for the credentials, for the scopes it was given
    // (kept in a field its types call private); there are none in tests, and no request goes out.
    const asked: unknown[] = [];
    vi.spyOn(GoogleAuth.prototype, 'getClient').mockImplementation(function (this: GoogleAuth) {
      asked.push((this as unknown as { scopes: unknown }).scopes);
      return Promise.reject(new Error('no application default credentials in tests'));
    });
    const backup = testRun();
    expect(await runCli(['backup', '1CiLHubSandbox000009xxxxxxxxxxxx', '--out', 'backup', '--adc'], backup.ctx)).toBe(1);
    expect(backup.stderr()).toContain('cil: no application default credentials in tests\n');
    expect(new Set(asked.map(String))).toEqual(new Set([String(commandNamed('backup').scopes)]));

    asked.length = 0;
    const rollup = testRun();
    expect(await runCli(['rollup', '--script', 'AKfycbDeployment', '--adc'], rollup.ctx)).toBe(1);
    expect(rollup.stderr()).toContain('no application default credentials in tests');
    expect(asked.length).toBeGreaterThan(0);
    for (const scopes of asked) expect(scopes).toEqual(oauthScopes);
  });
});
