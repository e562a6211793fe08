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
  harness = { path: 'outbox-harness.js', script: new vm.Script(code, { filename: 'outbox-harness.js' }), entryPoints: ['sendReminders', 'sendWarning', 'sendWaiting'], manifest: null };
}, 60_000);

/** Friday 27 Nov 2026, 10:00 in Karachi (21:00 the day before in California). */
const newWorkspace = () => new Sandbox(emptyWorkspace({ now: new Date('2026-11-27T05:00:00Z') }), harness);

function runOk<T>(sandbox: Sandbox, name: string, args: unknown[] = []): T {
  const result = sandbox.run(name, args);
  if (result.error !== null) throw new Error(`${name}: ${result.error}`);
  return result.value as T;
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
    expect(runOk(sandbox, 'sendWaiting')).toEqual({ sent: [], waiting: 6 });

    sandbox.advance(4 * 3600_000); // 01:00 in California: a new quota day
    const run = runOk<{ sent: { checkKey?: string; subject: string }[]; waiting: number }>(sandbox, 'sendWaiting');
    expect(run.waiting).toBe(0);
    expect(run.sent.map((s) => s.checkKey)).toEqual([95, 96, 97, 98, 99].map((i) => `reminder:V-${i}:hours:2026-W48`).concat('warning:V-205:1:2026-11-13'));
    expect(deferredKeys(sandbox)).toEqual([]);
    expect(runOk(sandbox, 'sendWaiting')).toEqual({ sent: [], waiting: 0 });

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
    expect(result.meter.callsByMethod).toMatchObject({ 'PropertiesService.getScriptProperties': 1, 'MailApp.getRemainingDailyQuota': 1, 'MailApp.sendEmail': 3 });
  });
});
