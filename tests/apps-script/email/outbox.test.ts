import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../../../sandbox/src/runtime/sandbox';
import { emptyWorkspace } from '../../../sandbox/src/workspace';
import type { AppsScriptBundle } from '../../../sandbox/src/runtime/apps-script-bundle';
import { holdLock } from '../../../sandbox/src/services/lock-service';
import { builtBundle } from '../built-bundle';

// The outbox in the sandbox's MailApp and PropertiesService, with the consumer quota of 100 recipients
// a day: optional mail keeps a reserve for mandatory mail, what does not fit is deferred (kept whole in
// the script properties, even past 9 KB), and sent oldest first after Pacific midnight: nothing lost,
// nothing sent twice. The outbox has no entry point of its own, so a small test script bundles it.

let harness: AppsScriptBundle;

beforeAll(async () => {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2019',
      minify: false,
      lib: { entry: fileURLToPath(new URL('./outbox-harness.ts', import.meta.url)), formats: ['iife'], name: 'globalThis' },
      rollupOptions: { output: { extend: true, generatedCode: { symbols: false } } },
    },
  })) as Rollup.RollupOutput[];
  const code = output[0]!.output[0].code;
  harness = { path: 'outbox-harness.js', script: new vm.Script(code, { filename: 'outbox-harness.js' }), entryPoints: ['sendReminders', 'sendWarning', 'sendWaiting', 'sendWarningsInOneBatch'], manifest: null };
}, 60_000);

/** Friday 27 Nov 2026, 10:00 in Karachi (21:00 the day before in California). */
const newWorkspace = () => new Sandbox(emptyWorkspace({ now: new Date('2026-11-27T05:00:00Z') }), harness);

function runOk<T>(sandbox: Sandbox, name: string, args: unknown[] = []): T {
  const result = sandbox.run(name, args);
  if (result.error !== null) throw new Error(`${name}: ${result.error}`);
  return result.value as T;
}

/** Spends the whole day's quota: 95 reminders sent and 5 deferred (the reserve), then 5 warnings use the reserve. */
function useUpQuota(sandbox: Sandbox): string[] {
  const reminders = runOk<{ status: string; deferredId?: string }[]>(sandbox, 'sendReminders', [100, undefined]);
  for (let i = 200; i < 205; i++) runOk(sandbox, 'sendWarning', [i, 'Silent.']);
  expect(sandbox.state.mail.outbox).toHaveLength(100);
  return reminders.flatMap((o) => (o.deferredId === undefined ? [] : [o.deferredId]));
}

const deferredKeys = (sandbox: Sandbox) => Object.keys(sandbox.state.properties.script ?? {}).filter((key) => key.startsWith('deferredMail:'));

describe('sendOrDefer and sendDeferred', () => {
  it('sends while the quota allows, keeps 5 for mandatory mail, defers the rest, then sends it oldest first after Pacific midnight', () => {
    const sandbox = newWorkspace();
    const outcomes = runOk<{ status: string }[]>(sandbox, 'sendReminders', [100, undefined]);
    expect(outcomes.filter((o) => o.status === 'sent')).toHaveLength(95);
    expect(outcomes.slice(95).every((o) => o.status === 'deferred')).toBe(true);
    expect(sandbox.state.mail.outbox).toHaveLength(95);

    // A warning may use the reserve; once the quota is gone it is deferred too.
    expect(runOk<{ status: string }>(sandbox, 'sendWarning', [200, 'Silent for 17 days.']).status).toBe('sent');
    for (let i = 201; i < 205; i++) runOk(sandbox, 'sendWarning', [i, 'Silent.']);
    expect(runOk<{ status: string }>(sandbox, 'sendWarning', [205, 'Silent.']).status).toBe('deferred');
    expect(sandbox.state.mail.outbox).toHaveLength(100);

    // Same Pacific day: nothing fits, nothing is sent or dropped.
    expect(runOk(sandbox, 'sendWaiting')).toEqual({ sent: [], waiting: 6, refused: [] });

    sandbox.advance(4 * 3600_000); // 01:00 in California: a new quota day
    const run = runOk<{ sent: { checkKey?: string; subject: string }[]; waiting: number }>(sandbox, 'sendWaiting');
    expect(run.waiting).toBe(0);
    expect(run.sent.map((s) => s.checkKey)).toEqual([95, 96, 97, 98, 99].map((i) => `reminder:V-${i}:hours:2026-W48`).concat('warning:V-205:1:2026-11-13'));
    expect(deferredKeys(sandbox)).toEqual([]);
    expect(runOk(sandbox, 'sendWaiting')).toEqual({ sent: [], waiting: 0, refused: [] });

    const recipients = sandbox.state.mail.outbox.flatMap((m) => m.to);
    expect(recipients).toHaveLength(106);
    expect(new Set(recipients).size).toBe(106);
    const deferred = sandbox.state.mail.outbox.at(-1)!;
    expect(deferred.name).toBe('CIL Test via CIL Hub');
    expect(deferred.replyTo).toBe('lead@cil.example');
    expect(deferred.htmlBody).toContain('Volunteer 205');
    expect(deferred.body).toContain('How to respond');
  });

  it('keeps a message larger than one property value (9 KB) whole, in parts', () => {
    const sandbox = newWorkspace();
    runOk(sandbox, 'sendReminders', [100, undefined]);
    const long = `Silent — ${'é'.repeat(12_000)} 🙂 end.`;
    for (let i = 200; i < 205; i++) runOk(sandbox, 'sendWarning', [i, 'Silent.']);
    expect(runOk<{ status: string }>(sandbox, 'sendWarning', [300, long]).status).toBe('deferred');
    const parts = deferredKeys(sandbox).filter((key) => !key.endsWith('/1'));
    expect(parts.length).toBeGreaterThan(1);
    for (const value of parts.map((key) => sandbox.state.properties.script![key]!)) expect(Buffer.byteLength(value)).toBeLessThanOrEqual(9 * 1024);

    sandbox.advance(24 * 3600_000);
    runOk(sandbox, 'sendWaiting');
    const warning = sandbox.state.mail.outbox.find((m) => m.to.includes('v300@example.org'))!;
    expect(warning.body).toContain(long);
    expect(deferredKeys(sandbox)).toEqual([]);
  });

  it('goes on in one Drive file when the script properties are full, keeps the order, and tidies up once all went', () => {
    const sandbox = newWorkspace();
    const reminderIds = useUpQuota(sandbox);
    const long = `Silent — ${'é'.repeat(20_000)}.`;
    const outcomes = Array.from({ length: 14 }, (_, i) => runOk<{ status: string; deferredId: string }>(sandbox, 'sendWarning', [300 + i, long]));
    expect(outcomes.every((o) => o.status === 'deferred')).toBe(true);
    const ids = [...reminderIds, ...outcomes.map((o) => o.deferredId)];
    expect([...ids].sort()).toEqual(ids);

    const script = sandbox.state.properties.script!;
    const inProperties = new Set(deferredKeys(sandbox).map((key) => key.split(':')[1]));
    expect(Object.entries(script).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0)).toBeLessThanOrEqual(400 * 1024);
    const marker = JSON.parse(script.deferredMailOverflow!) as { fileId: string };
    const file = sandbox.state.drive.items[marker.fileId]!;
    const inDrive = (JSON.parse(Buffer.from(file.content!, 'base64').toString('utf8')) as { id: string }[]).map((entry) => entry.id);
    expect(inDrive.length).toBeGreaterThan(0);
    expect([...inProperties, ...inDrive]).toEqual(ids);

    // 100 recipients a day: all 19 go on the first new quota day, properties first, then the file, which is trashed.
    sandbox.advance(24 * 3600_000);
    const run = runOk<{ sent: { deferredId: string }[]; waiting: number }>(sandbox, 'sendWaiting');
    expect(run.sent.map((s) => s.deferredId)).toEqual(ids);
    expect(run.waiting).toBe(0);
    expect(sandbox.state.properties.script!.deferredMailOverflow).toBeUndefined();
    expect(deferredKeys(sandbox)).toEqual([]);
    expect(sandbox.state.drive.items[marker.fileId]!.trashed).toBe(true);
    expect(sandbox.state.mail.outbox.slice(-14).map((m) => m.to[0])).toEqual(outcomes.map((_, i) => `v${300 + i}@example.org`));
  });

  it('while mail waits in Drive, newer mail joins it there even when the properties have room again, so nothing overtakes it', () => {
    const sandbox = newWorkspace();
    useUpQuota(sandbox);
    const long = `Silent — ${'é'.repeat(20_000)}.`;
    for (let i = 0; i < 14; i++) runOk(sandbox, 'sendWarning', [300 + i, long]);
    const marker = JSON.parse(sandbox.state.properties.script!.deferredMailOverflow!) as { fileId: string };
    for (const key of deferredKeys(sandbox)) delete sandbox.state.properties.script![key]; // room again (as if sent)
    const later = runOk<{ status: string; deferredId: string }>(sandbox, 'sendWarning', [400, 'Silent.']);
    expect(later.status).toBe('deferred');
    expect(deferredKeys(sandbox)).toEqual([]);
    const file = sandbox.state.drive.items[marker.fileId]!;
    const inDrive = (JSON.parse(Buffer.from(file.content!, 'base64').toString('utf8')) as { id: string }[]).map((entry) => entry.id);
    expect(inDrive.at(-1)).toBe(later.deferredId);
  });

  it('reports a message Gmail refuses for good instead of keeping it, and goes on with the others', () => {
    const sandbox = newWorkspace();
    expect(runOk(sandbox, 'sendWarning', [1, 'Silent.', 'not an address'])).toEqual({ status: 'refused', problem: 'Invalid email: not an address' });
    expect(runOk<{ status: string }>(sandbox, 'sendWarning', [2, 'Silent.']).status).toBe('sent');
    expect(deferredKeys(sandbox)).toEqual([]);
    expect(sandbox.state.mail.outbox.map((m) => m.to)).toEqual([['v2@example.org']]);
  });

  it('takes back its Drive file from the trash, and goes on with a new one when the file was deleted for good', () => {
    const sandbox = newWorkspace();
    useUpQuota(sandbox);
    const long = `Silent — ${'é'.repeat(20_000)}.`;
    for (let i = 0; i < 14; i++) runOk(sandbox, 'sendWarning', [300 + i, long]);
    const { fileId } = JSON.parse(sandbox.state.properties.script!.deferredMailOverflow!) as { fileId: string };
    sandbox.state.drive.items[fileId]!.trashed = true;
    runOk(sandbox, 'sendWarning', [400, long]);
    expect(sandbox.state.drive.items[fileId]!.trashed).toBe(false);

    delete sandbox.state.drive.items[fileId];
    const later = runOk<{ status: string; deferredId: string }>(sandbox, 'sendWarning', [401, long]);
    expect(later.status).toBe('deferred');
    const marker = JSON.parse(sandbox.state.properties.script!.deferredMailOverflow!) as { fileId: string };
    expect(marker.fileId).not.toBe(fileId);
    sandbox.advance(24 * 3600_000);
    const run = runOk<{ sent: { deferredId: string }[] }>(sandbox, 'sendWaiting');
    expect(run.sent.map((s) => s.deferredId)).toContain(later.deferredId);
  });

  it('takes a message Gmail refuses for good out of the queue and reports it, and sends the others', () => {
    const sandbox = newWorkspace();
    const reminderIds = useUpQuota(sandbox);
    runOk(sandbox, 'sendWarning', [1, 'Silent.', 'not an address']);
    runOk(sandbox, 'sendWarning', [2, 'Silent.']);
    sandbox.advance(24 * 3600_000);
    const run = runOk<{ sent: { checkKey?: string }[]; refused: { to: string[]; problem: string }[]; waiting: number }>(sandbox, 'sendWaiting');
    expect(run.refused).toEqual([expect.objectContaining({ to: ['not an address'], problem: 'Invalid email: not an address' })]);
    expect(run.sent.map((s) => s.checkKey)).toEqual([...reminderIds.map((_, i) => `reminder:V-${95 + i}:hours:2026-W48`), 'warning:V-2:1:2026-11-13']);
    expect(deferredKeys(sandbox)).toEqual([]);
    expect(runOk(sandbox, 'sendWaiting')).toEqual({ sent: [], waiting: 0, refused: [] });
  });

  it('defers a whole batch with one read and one write of the store, however many messages spill into Drive', () => {
    const sandbox = newWorkspace();
    useUpQuota(sandbox);
    const result = sandbox.run('sendWarningsInOneBatch', [40, `Silent — ${'é'.repeat(20_000)}.`]);
    expect(result.error).toBeNull();
    const outcomes = result.value as { status: string; deferredId: string }[];
    expect(outcomes.map((o) => o.status)).toEqual(Array(40).fill('deferred'));
    expect(result.meter.callsByMethod).toMatchObject({
      'Properties.getProperties': 1,
      'Properties.setProperties': 1,
      'MailApp.getRemainingDailyQuota': 1,
      'DriveApp.createFile': 1,
      'File.setContent': 1,
    });
    expect(result.meter.callsByMethod['MailApp.sendEmail']).toBeUndefined();

    sandbox.advance(24 * 3600_000);
    const run = runOk<{ sent: { deferredId: string }[] }>(sandbox, 'sendWaiting');
    expect(run.sent.map((s) => s.deferredId).slice(-40)).toEqual(outcomes.map((o) => o.deferredId));
  });

  it("skips optional reminders a volunteer turned off, never a warning", () => {
    const sandbox = newWorkspace();
    expect(runOk(sandbox, 'sendReminders', [2, 'off'])).toEqual([{ status: 'opted out' }, { status: 'opted out' }]);
    expect(sandbox.state.mail.outbox).toHaveLength(0);
    expect(runOk<{ status: string }>(sandbox, 'sendWarning', [1, 'Silent.']).status).toBe('sent');
    expect(sandbox.state.mail.outbox).toHaveLength(1);
  });
});

describe('sendDeferredMail (the built bundle, "CIL Hub › Send deferred emails")', () => {
  it('sends what waits under the script lock, and changes nothing while another execution holds it', () => {
    const sandbox = newWorkspace();
    runOk(sandbox, 'sendReminders', [98, undefined]);
    expect(deferredKeys(sandbox)).toHaveLength(3);
    const codeJs = new Sandbox(sandbox.state, builtBundle());
    sandbox.advance(24 * 3600_000);

    holdLock(sandbox.state, 'script', 'another-execution', new Date(sandbox.state.clock.getTime() + 10 * 60_000));
    const busy = codeJs.run('sendDeferredMail', []);
    expect(busy.error).toMatch(/CIL Hub is busy/);
    expect(deferredKeys(sandbox)).toHaveLength(3);

    sandbox.advance(15 * 60_000);
    const result = codeJs.run('sendDeferredMail', []);
    expect(result.error).toBeNull();
    expect((result.value as { sent: unknown[]; waiting: number }).sent).toHaveLength(3);
    expect(sandbox.state.mail.outbox.map((m) => m.to[0]).slice(-3)).toEqual(['v95@example.org', 'v96@example.org', 'v97@example.org']);
    expect(deferredKeys(sandbox)).toEqual([]);
    // One script-properties read for the admin check, one for the outbox.
    expect(result.meter.callsByMethod).toMatchObject({ 'PropertiesService.getScriptProperties': 2, 'MailApp.getRemainingDailyQuota': 1, 'MailApp.sendEmail': 3 });
  });
});
