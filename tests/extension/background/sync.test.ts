// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeEnrollmentCode } from '../../../shared/api/enrollment-code';
import { hoursTab } from '../../../shared/records/hours';
import { holdLock } from '../../../sandbox/src/services/lock-service';
import { editVolunteer } from '../../apps-script/api-fixture';
import type { Reply, Status } from '../../../extension/messages';
import { NOW, startSandboxWebApp, type SandboxWebApp } from './sandbox-web-app';
import { loopbackPermissionFor } from '../../../extension/loopback-permission';
import { alarm, installWorld, loadWorker, patternCovers, SENDERS, untilQuiet, type FakeWorld, type WorkerModules } from './worker';

// The queue and the sync against the real backend (the built Apps Script bundle in the sandbox, over
// loopback HTTP with Google's redirect): what leaves the queue, what stays, and that nothing is lost or
// stored twice whatever happens to the network or to the worker in between.

let world: FakeWorld;
let app: SandboxWebApp;
let worker: WorkerModules;

beforeEach(async () => {
  // Date and the timers are the test's: a stalled request's 25 s timeout never fires into a later test.
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: NOW });
  world = installWorld();
  app = await startSandboxWebApp();
  // The options page asked for the sandbox's loopback permission on the volunteer's click, by the same rule.
  world.granted.add(loopbackPermissionFor(app.webAppUrl)!);
  worker = await loadWorker();
});
afterEach(async () => {
  await untilQuiet(worker);
  await app.close();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function ask(message: unknown, sender: chrome.runtime.MessageSender = SENDERS.popup): Promise<Reply> {
  return worker.answers.answer(message, sender);
}

async function statusOf(): Promise<Status> {
  return worker.status.readStatus();
}

/** Waits until this worker instance has stopped talking to the web app (the fake clock moves a few ms). */
const quiet = () => untilQuiet(worker);

async function enroll(): Promise<Status> {
  const reply = await ask({ type: 'enroll', code: app.enrollmentCode });
  if (!reply.ok) throw new Error(reply.message);
  await quiet();
  return reply.status;
}

const hours = (day = '2026-11-26', amount = 1.5, note?: string) => ({
  type: 'log-hours',
  hours: { day, hours: amount, category: 'project work', ...(note ? { note } : {}) },
});

async function logHours(...args: Parameters<typeof hours>): Promise<string> {
  const before = new Set((await statusOf()).queue.map((queued) => queued.entry.id));
  const reply = await ask(hours(...args));
  if (!reply.ok) throw new Error(reply.message);
  const added = reply.status.queue.find((queued) => !before.has(queued.entry.id));
  if (!added) throw new Error('log-hours queued nothing');
  return added.entry.id;
}

const rowsWithId = (id: string) => app.rows(hoursTab).filter((row) => row.id === id).length;

describe('enrollment', () => {
  it('checks the code with the web app and keeps who the volunteer is, and the token apart from it', async () => {
    const status = await enroll();
    expect(status.enrollment).toMatchObject({ webAppUrl: app.webAppUrl, volunteer: { name: app.volunteerName }, cil: { name: 'CIL Demo', timeZone: 'Asia/Karachi' } });
    const token = (await world.fake.storage.local.get('enrollmentToken')).enrollmentToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    // The token is in no status a page sees, and went to the web app's address only.
    expect(JSON.stringify(await statusOf())).not.toContain(token);
    expect(app.requests.every((request) => request.url === app.webAppUrl)).toBe(true);
    expect(app.requests.map((request) => JSON.parse(request.body).op)).toEqual(expect.arrayContaining(['enroll', 'summary']));
    expect((await statusOf()).summary).toMatchObject({ volunteer: { name: app.volunteerName }, week: { period: '2026-W48' } });
  });

  it('asks for the loopback permission before calling a sandbox, and changes nothing without it', async () => {
    world.granted.clear();
    const reply = await ask({ type: 'enroll', code: app.enrollmentCode });
    expect(reply).toEqual({ ok: false, message: expect.stringContaining('Choose Enroll again and allow CIL Hub to reach it') });
    expect(app.requests).toEqual([]);
    expect(await world.fake.storage.local.get(null)).toEqual({});
  });

  it('enrolls with the portless grant the options page asks for, not with a port-specific one Chrome would not count', async () => {
    expect(new URL(app.webAppUrl).port).not.toBe('');
    world.granted.clear();
    world.granted.add(`${new URL(app.webAppUrl).origin}/*`);
    expect(await ask({ type: 'enroll', code: app.enrollmentCode })).toMatchObject({ ok: false });
    expect(app.requests).toEqual([]);
    world.granted.clear();
    world.granted.add('http://127.0.0.1/*');
    expect(await ask({ type: 'enroll', code: app.enrollmentCode })).toMatchObject({ ok: true });
  });

  it('models Chrome: a portless grant covers every port, a port-specific one not the portless pattern', () => {
    expect(patternCovers('http://127.0.0.1/*', 'http://127.0.0.1:8787/*')).toBe(true);
    expect(patternCovers('http://127.0.0.1/*', 'http://127.0.0.1/*')).toBe(true);
    expect(patternCovers('http://127.0.0.1:8787/*', 'http://127.0.0.1:8787/*')).toBe(true);
    expect(patternCovers('http://127.0.0.1:8787/*', 'http://127.0.0.1/*')).toBe(false);
    expect(patternCovers('http://127.0.0.1:8787/*', 'http://127.0.0.1:9000/*')).toBe(false);
    expect(patternCovers('http://localhost/*', 'http://127.0.0.1/*')).toBe(false);
    expect(patternCovers('https://127.0.0.1/*', 'http://127.0.0.1/*')).toBe(false);
  });

  it('refuses a code whose web app is on a host CIL Hub may not reach, without calling it', async () => {
    const code = encodeEnrollmentCode({ url: 'https://example.org/exec', cil: 'cil-demo', token: 'member-token-0123456789abcdef0123' });
    expect(await ask({ type: 'enroll', code })).toEqual({ ok: false, message: expect.stringContaining('example.org, which is not a Google Apps Script web app') });
    expect(app.requests).toEqual([]);
  });

  it('answers a damaged code with the reason, and a revoked one with the web app message', async () => {
    expect(await ask({ type: 'enroll', code: 'cilhub1.@@@' })).toEqual({ ok: false, message: expect.stringContaining('damaged') });
    const status = await enroll();
    editVolunteer({ sandbox: app.sandbox, cilId: status.enrollment!.cilId, spreadsheetId: spreadsheetOf(app) }, status.enrollment!.volunteer.id, 'Token revoked at', new Date(NOW));
    await ask({ type: 'sign-out' });
    const again = await ask({ type: 'enroll', code: app.enrollmentCode });
    expect(again).toEqual({ ok: false, message: expect.stringContaining('revoked') });
    expect((await statusOf()).enrollment).toBeNull();
  });
});

function spreadsheetOf(web: SandboxWebApp): string {
  return Object.keys(web.sandbox.state.spreadsheets).find((id) => web.sandbox.state.spreadsheets[id]!.sheets.some((sheet) => sheet.name === 'Hours'))!;
}

describe('queue and sync', () => {
  it('refreshes an hours-old summary on the periodic sync, for the reminders, and leaves a recent one', async () => {
    await enroll();
    const ops = () => app.requests.map((request) => JSON.parse(request.body).op as string);
    const cachedAt = async (hoursAgo: number) => {
      const { summary } = (await world.fake.storage.local.get('summary')) as { summary: object };
      await world.fake.storage.local.set({ summary: { ...summary, at: new Date(Date.now() - hoursAgo * 3_600_000).toISOString() } });
      app.requests.length = 0;
    };

    await cachedAt(1);
    await worker.lifecycle.onAlarm(alarm('cil-hub-sync'));
    await quiet();
    expect(ops()).toEqual([]);

    await cachedAt(7);
    await worker.lifecycle.onAlarm(alarm('cil-hub-sync'));
    await quiet();
    expect(ops()).toEqual(['summary']);
    expect(Date.now() - Date.parse((await statusOf()).summaryAt!)).toBeLessThan(1000);
  });

  it('sends a logged entry at once: stored, it leaves the queue and the badge, and the summary counts it', async () => {
    await enroll();
    const weekBefore = (await statusOf()).summary!.week.hours;
    app.network = 'down';
    const id = await logHours('2026-11-26', 2.5);
    await quiet();
    expect(await world.fake.action.getBadgeText({})).toBe('1');
    app.network = 'up';
    await worker.sync.syncSoon('now');
    await quiet();
    const status = await statusOf();
    expect(status.queue).toEqual([]);
    expect(await world.fake.action.getBadgeText({})).toBe('');
    expect(rowsWithId(id)).toBe(1);
    expect(status.sync.state).toBe('idle');
    expect(Date.parse(status.sync.lastSyncAt!) - NOW.getTime()).toBeLessThan(1000);
    expect(status.summary!.week.hours).toBe(weekBefore + 2.5);
  });

  it('sends again an entry whose answer was lost: the web app answers duplicate, one row, and it leaves', async () => {
    await enroll();
    app.network = 'lose-answer';
    const id = await logHours();
    await quiet();
    expect(rowsWithId(id)).toBe(1);
    const lost = await statusOf();
    expect(lost.queue).toEqual([expect.objectContaining({ state: 'pending', attempts: 1, reason: expect.stringContaining('cannot reach') })]);
    expect(lost.sync.state).toBe('offline');

    app.network = 'up';
    await ask({ type: 'sync-now' });
    await quiet();
    expect((await statusOf()).queue).toEqual([]);
    expect(rowsWithId(id)).toBe(1);
  });

  it('keeps a refused entry with the web app reason until the volunteer discards it', async () => {
    await enroll();
    const id = await logHours('2026-12-05');
    await quiet();
    const refused = (await statusOf()).queue;
    expect(refused).toEqual([expect.objectContaining({ state: 'rejected', reason: expect.stringContaining('must not be in the future'), attempts: 1 })]);
    expect(await world.fake.action.getBadgeText({})).toBe('1!');
    // The periodic sync leaves it alone; "retry" sends it again, and it is refused again.
    const sent = app.requests.length;
    await worker.sync.syncSoon('alarm');
    expect(app.requests.length).toBe(sent);
    await ask({ type: 'sync-now' });
    await quiet();
    expect((await statusOf()).queue).toEqual([expect.objectContaining({ state: 'rejected', attempts: 2 })]);
    await ask({ type: 'discard', id });
    expect((await statusOf()).queue).toEqual([]);
    expect(await world.fake.action.getBadgeText({})).toBe('');
    expect(rowsWithId(id)).toBe(0);
  });

  it('goes offline when the network is down, with a retry alarm, and sends when the network returns', async () => {
    await enroll();
    app.network = 'down';
    await logHours();
    await quiet();
    const offline = await statusOf();
    expect(offline.sync).toMatchObject({ state: 'offline', lastError: expect.stringContaining('127.0.0.1') });
    const retryAt = Date.parse(offline.sync.nextAttemptAt!);
    expect(retryAt - NOW.getTime()).toBeGreaterThanOrEqual(30_000);
    expect(await world.fake.alarms.get('cil-hub-retry')).toMatchObject({ scheduledTime: retryAt });

    app.network = 'up';
    await worker.sync.syncSoon('online');
    expect((await statusOf()).queue).toEqual([]);
    expect((await statusOf()).sync.state).toBe('idle');
    expect(await world.fake.alarms.get('cil-hub-retry')).toBeUndefined();
  });

  it('backs off, growing and jittered, while the web app is busy, and the periodic sync waits for it', async () => {
    await enroll();
    const holdUntil = new Date(app.sandbox.state.clock.getTime() + 3_600_000);
    holdLock(app.sandbox.state, 'script', 'another-execution', holdUntil);
    await logHours();
    await quiet();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const { sync, queue } = await statusOf();
      expect(sync).toMatchObject({ state: 'waiting', lastError: expect.stringContaining('busy') });
      expect(queue).toEqual([expect.objectContaining({ state: 'pending', attempts: attempt })]);
      const wait = Date.parse(sync.nextAttemptAt!) - Date.now();
      const ceiling = Math.min(30 * 60_000, 60_000 * 2 ** (attempt - 1));
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
      expect(wait).toBeLessThanOrEqual(ceiling);
      waits.push(wait);
      // The periodic alarm before the retry time sends nothing.
      const sent = app.requests.length;
      await worker.lifecycle.onAlarm(alarm('cil-hub-sync'));
      expect(app.requests.length).toBe(sent);
      // The retry alarm at its time tries again (and meets the lock again).
      vi.setSystemTime(Date.parse(sync.nextAttemptAt!));
      await worker.lifecycle.onAlarm(alarm('cil-hub-retry'));
    }
    expect(waits[5]!).toBeGreaterThan(waits[0]!);
    expect(new Set(waits).size).toBeGreaterThan(1);

    holdLock(app.sandbox.state, 'script', 'another-execution', new Date(0));
    await worker.lifecycle.onAlarm(alarm('cil-hub-retry'));
    expect((await statusOf()).queue).toEqual([]);
  });

  it('stops syncing on a revoked token, keeps the entries, and sends them after a new code for the same volunteer', async () => {
    const status = await enroll();
    const cil = { sandbox: app.sandbox, cilId: status.enrollment!.cilId, spreadsheetId: spreadsheetOf(app) };
    editVolunteer(cil, status.enrollment!.volunteer.id, 'Token revoked at', new Date(NOW));
    const id = await logHours();
    await quiet();
    const signedOut = await statusOf();
    expect(signedOut.sync).toMatchObject({ state: 'signed-out', lastError: expect.stringContaining('revoked') });
    expect(signedOut.enrollment?.volunteer.name).toBe(app.volunteerName);
    expect(signedOut.queue).toHaveLength(1);
    expect(await world.fake.storage.local.get('enrollmentToken')).toEqual({});
    // Nothing more goes out without a token.
    const sent = app.requests.length;
    await worker.sync.syncSoon('now');
    expect(app.requests.length).toBe(sent);

    // The lead takes the revocation back; the volunteer enters the code again, and the queue goes out.
    editVolunteer(cil, status.enrollment!.volunteer.id, 'Token revoked at', '');
    await enroll();
    expect((await statusOf()).queue).toEqual([]);
    expect(rowsWithId(id)).toBe(1);
  });

  it('refuses a code for another volunteer while this one has entries waiting, and says whose', async () => {
    await enroll();
    app.network = 'down';
    await logHours();
    await quiet();
    await world.fake.storage.local.set({
      enrollment: { ...(await statusOf()).enrollment!, volunteer: { id: 'v-someone-else', name: 'Someone Else', role: 'member', weeklyCommitmentHours: 5 } },
    });
    app.network = 'up';
    const reply = await ask({ type: 'enroll', code: app.enrollmentCode });
    expect(reply).toEqual({ ok: false, message: expect.stringContaining('1 entries logged as Someone Else') });
    expect((await statusOf()).enrollment?.volunteer.name).toBe('Someone Else');
    expect((await statusOf()).queue).toHaveLength(1);
  });

  it('signs out: enrollment, token, summary and the queue are forgotten', async () => {
    await enroll();
    app.network = 'down';
    await logHours();
    await quiet();
    const reply = await ask({ type: 'sign-out' });
    expect(reply).toMatchObject({ ok: true, status: { enrollment: null, queue: [], summary: null, sync: { state: 'idle' } } });
    expect(await world.fake.storage.local.get(null)).toEqual({});
    expect(await world.fake.action.getBadgeText({})).toBe('');
  });
});

describe('a worker stopped mid-sync', () => {
  it('loses nothing and doubles nothing when a new worker takes over', async () => {
    await enroll();
    app.network = 'down';
    const first = [await logHours('2026-11-23', 1), await logHours('2026-11-24', 2), await logHours('2026-11-25', 3)];
    await quiet();
    // The old worker sends the three; the web app stores them; the worker is stopped before the answer.
    app.network = 'stall-after-delivery';
    void worker.sync.syncSoon('now');
    await vi.waitFor(() => expect(first.map(rowsWithId)).toEqual([1, 1, 1]), { timeout: 5000, interval: 5 });

    // Chrome starts a new worker instance for the next event, over the same IndexedDB and storage.
    app.network = 'up';
    worker = await loadWorker();
    expect((await statusOf()).sync.state).toBe('offline'); // From before: nothing says "syncing" any more.
    const later = await logHours('2026-11-26', 4);
    await quiet();
    await worker.lifecycle.startUp('browser-start');
    await quiet();

    expect((await statusOf()).queue).toEqual([]);
    expect([...first, later].map(rowsWithId)).toEqual([1, 1, 1, 1]);
    const ids = app.rows(hoursTab).map((row) => row.id);
    expect(ids.length).toBe(new Set(ids).size);
  });
});
