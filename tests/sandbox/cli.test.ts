import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveProcess } from './serve-process';

// Drives `cil-sandbox` as a person or a script would: a separate process, its JSON output parsed.

const bin = fileURLToPath(new URL('../../sandbox/bin/cil-sandbox.js', import.meta.url));
const bundle = fileURLToPath(new URL('./fixtures/service-tour.js', import.meta.url));

function cli(state: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args, '--state', state, '--bundle', bundle], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

const newState = () => join(mkdtempSync(join(tmpdir(), 'cil-cli-')), 'state.json');

describe('cil-sandbox', () => {
  it('demo starts a workspace at the given time and says what it set up', () => {
    const state = newState();
    const demo = cli(state, 'demo', '--now', '2026-11-27T05:00:00Z');
    expect(demo.status).toBe(0);
    expect(demo.json()).toMatchObject({ state, clock: '2026-11-27T05:00:00.000Z', demo: null });
    expect(existsSync(state)).toBe(true);
  });

  it('call runs a function, prints its result and keeps the state', () => {
    const state = newState();
    cli(state, 'demo', '--now', '2026-11-27T05:00:00Z');
    const call = cli(state, 'call', 'writeAndRead');
    expect(call.status).toBe(0);
    expect(call.json()).toMatchObject({ function: 'writeAndRead', error: null, serviceCalls: 7, cellsRead: 6, cellsWritten: 6, result: { joinedIsDate: true } });
    const dump = cli(state, 'dump').json();
    expect(dump.spreadsheets).toHaveLength(1);
    expect(dump.spreadsheets[0].tabs[0].rows).toEqual([['Name', 'Joined', 'Hours'], ['Ayesha', '2026-11-01T00:00:00.000Z', 5]]);
    expect(dump.drive.children.map((c: { name: string }) => c.name)).toEqual(['Tour']);
  });

  it('call passes JSON arguments and exits 1 with the error of a failed run', () => {
    const state = newState();
    expect(cli(state, 'call', 'waitForLock', '[0]').json().result).toEqual({ locked: true, waited: 0 });
    const failed = cli(state, 'call', 'failLoudly');
    expect(failed.status).toBe(1);
    expect(failed.json().error).toMatch(/^Exception: /);
  });

  it('post runs doPost as the web app would and prints the body', () => {
    const state = newState();
    const file = join(mkdtempSync(join(tmpdir(), 'cil-body-')), 'body.json');
    writeFileSync(file, '{"v":1}');
    const post = cli(state, 'post', `@${file}`);
    expect(post.status).toBe(0);
    expect(post.json()).toMatchObject({ contents: '{"v":1}', type: 'text/plain' });
  });

  it('advance moves the clock and fires the triggers that fall due', () => {
    const state = newState();
    cli(state, 'demo', '--now', '2026-11-27T05:00:00Z');
    cli(state, 'call', 'scheduleDaily');
    const advance = cli(state, 'advance', '1d');
    expect(advance.json()).toMatchObject({ clock: '2026-11-28T05:00:00.000Z' });
    expect(advance.json().ran.map((r: { function: string }) => r.function)).toEqual(['onHourly', 'onHourly', 'onHourly', 'onDaily', 'onHourly']);
    expect(cli(state, 'dump').json().triggers).toHaveLength(2);
  });

  it('says what is wrong with a bad command line, and exits 2', () => {
    const state = newState();
    const bad = cli(state, 'advance', 'soon');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/"soon" is not a duration/);
    expect(cli(state, 'fly').stderr).toMatch(/Unknown command "fly"/);
  });

  it('refuses a corrupt state file and leaves it as it was', () => {
    const state = newState();
    writeFileSync(state, 'not json');
    const result = cli(state, 'call', 'now');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is corrupt/);
    expect(readFileSync(state, 'utf8')).toBe('not json');
    const demo = cli(state, 'demo');
    expect(demo.status).toBe(2);
    expect(readFileSync(state, 'utf8')).toBe('not json');
  });

  it('serve answers the web app and shows the workspace, escaped, on loopback', async () => {
    const state = newState();
    cli(state, 'demo', '--now', '2026-11-27T05:00:00Z');
    cli(state, 'call', 'writeAndRead');
    expect(cli(state, 'call', 'writeHostileText').status).toBe(0);
    expect(cli(state, 'call', 'scheduleDaily').status).toBe(0);
    const started = await serveProcess(state, bundle);
    expect(started.ui).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const posted = await fetch(started.webApp, { method: 'POST', body: '<b>hi</b>', headers: { 'content-type': 'text/plain' } });
    expect(posted.headers.get('content-type')).toMatch(/^application\/json/);
    // Served, as Google serves it, through a redirect to a one-time address.
    expect(posted.redirected).toBe(true);
    expect(posted.url).toMatch(/\/macros\/echo\?user_content_key=/);
    expect(await posted.json()).toMatchObject({ contents: '<b>hi</b>' });
    expect((await fetch(posted.url)).status).toBe(404);
    const crossSite = await fetch(new URL('/clock/advance', started.ui), {
      method: 'POST',
      body: 'duration=1w',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const rebound = await new Promise<number>((resolve, reject) => {
      const target = new URL('/api/workspace', started.ui);
      request({ host: target.hostname, port: target.port, path: target.pathname, headers: { host: 'rebound.example' } }, (answer) => {
        answer.resume();
        resolve(answer.statusCode!);
      }).on('error', reject).end();
    });
    expect(rebound).toBe(421);
    const home = await (await fetch(started.ui)).text();
    expect(home).toContain('Tour');
    expect(home).toContain('doPost');
    const sheetLink = /href="(\/spreadsheets\/[^"]+)">Tour</.exec(home)![1]!;
    const sheet = await (await fetch(new URL(sheetLink, started.ui))).text();
    expect(sheet).toContain('<td>Ayesha</td>');
    // Opening the spreadsheet ran onOpen, so its menu is there; choosing an item runs it with the UI.
    expect(sheet).toContain('<button name="function" value="sayHello">Say hello</button>');
    const chosen = await fetch(new URL(`${sheetLink}/menu`, started.ui), { method: 'POST', body: 'function=sayHello', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(await chosen.text()).toContain('Hello from Tour');
    const advanced = await fetch(new URL('/clock/advance', started.ui), { method: 'POST', body: 'duration=2d', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(await advanced.text()).toContain('Clock: 2026-11-29T05:00:00.000Z');
    const triggers = await (await fetch(new URL('/triggers', started.ui))).text();
    const runNow = /action="(\/triggers\/[^"]+\/run)"/.exec(triggers)![1]!;
    await fetch(new URL(runNow, started.ui), { method: 'POST' });
    const after = (await (await fetch(new URL('/api/workspace', started.ui))).json()) as { executions: { trigger: string }[] };
    expect(after.executions.at(-1)!.trigger).toBe('time-driven');
    const hostileLink = /href="(\/spreadsheets\/[^"]+)">&lt;i&gt;Hostile&lt;\/i&gt;</.exec(home)![1]!;
    const hostile = await (await fetch(new URL(hostileLink, started.ui))).text();
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile).not.toContain('<img');
    const outbox = await (await fetch(new URL('/outbox', started.ui))).text();
    expect(outbox).toContain('&lt;b&gt;Subject&lt;/b&gt;');
    expect(outbox).not.toContain('<script>');
  });
});
