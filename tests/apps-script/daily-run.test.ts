import { describe, it, expect } from 'vitest';
import { runOk } from './built-bundle';
import { logOf, rosterOf, setScriptProperty, setSetting, setUpDemo, volunteerNamed, workspaceOf } from './daily-run-fixture';

// The daily check through the built bundle, on the demo CIL.

interface Step {
  eventId?: string;
  checkKey: string;
  kind: string;
  type: string;
  volunteerId?: string;
  status: string;
  evidence: string;
  email: boolean;
}
interface CilCheck {
  cilId: string;
  steps: Step[];
  awaitingLead: number;
  rosterChanges: { volunteerId: string; status: string; from: string; tokenRevoked: boolean }[];
}
interface DailyRun {
  checked: CilCheck[];
  failed: unknown[];
  remaining: string[];
  followUpTriggerId: string | null;
}

describe('the daily check', () => {
  it('writes each step due for the demo CIL to the log with its evidence, in review mode proposing the warnings', () => {
    const demo = setUpDemo();
    const outbox = demo.sandbox.state.mail.outbox.length;
    const result = demo.sandbox.run('runDailyCheck', []);
    expect(result.error).toBeNull();
    const run = result.value as DailyRun;
    const omar = volunteerNamed(demo, 'Omar Farooq');
    const ali = volunteerNamed(demo, 'Ali Hassan');

    const log = logOf(demo);
    expect(log.map((e) => e.checkKey)).toEqual(run.checked[0]!.steps.map((s) => s.checkKey));
    const warnings = log.filter((e) => e.kind === 'warning');
    expect(warnings.map((e) => [e.volunteerId, e.status, e.by])).toEqual([
      [omar.id, 'proposed', 'daily check'],
      [ali.id, 'proposed', 'daily check'],
    ]);
    expect(warnings[0]!.evidence).toMatch(/Missed 2 consecutive calls and meetups without prior notice/);
    expect(warnings[0]!.checkKey).toMatch(new RegExp(`^warning:${omar.id}:1:`));
    const reminders = log.filter((e) => e.kind === 'reminder');
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((e) => e.status === 'sent' && e.evidence !== '' && e.emailSentAt !== undefined)).toBe(true);
    // Proposed steps change no roster status and send nothing; each reminder went by email.
    expect(rosterOf(demo).find((v) => v.id === omar.id)!.status).toBe('active');
    expect(run.checked[0]!.awaitingLead).toBe(2);
    expect(demo.sandbox.state.mail.outbox.length).toBe(outbox + reminders.length);
    console.log(`daily check, one CIL (demo, ${rosterOf(demo).length} volunteers): ${result.meter.serviceCalls} service calls, ${result.meter.cellsRead} cells read, ${result.meter.cellsWritten} written`, result.meter.callsByMethod);
    // Each tab once, Stories and Citizens for the dashboard among them.
    expect(result.meter.callsByMethod['Range.getValues']).toBe(12);
    // One append, one write marking the rows whose emails went (that block read back for the lead's
    // columns), and the Dashboard tab's values.
    expect(result.meter.callsByMethod['Range.setValues']).toBe(3);
  });

  it('changes nothing when run twice on the same day', () => {
    const demo = setUpDemo();
    runOk(demo.sandbox, 'runDailyCheck');
    const before = workspaceOf(demo.sandbox);
    const second = runOk<DailyRun>(demo.sandbox, 'runDailyCheck');
    expect(second.checked[0]!.steps).toEqual([]);
    expect(workspaceOf(demo.sandbox)).toEqual(before);
  });

  it('in automatic mode approves the warnings and marks the volunteers warned', () => {
    const demo = setUpDemo();
    setSetting(demo, 'Mode', 'automatic');
    const run = runOk<DailyRun>(demo.sandbox, 'runDailyCheck');
    const omar = volunteerNamed(demo, 'Omar Farooq');
    const warnings = logOf(demo).filter((e) => e.kind === 'warning');
    expect(warnings.map((e) => e.status)).toEqual(['sent', 'sent']);
    expect(run.checked[0]!.rosterChanges.map((c) => [c.volunteerId, c.from, c.status])).toContainEqual([omar.id, 'active', 'warned']);
    expect(omar.status).toBe('warned');
    expect(run.checked[0]!.awaitingLead).toBe(0);
  });

  it('previews everything it would do, and the preview writes and sends nothing', () => {
    const demo = setUpDemo();
    const before = workspaceOf(demo.sandbox);
    const preview = runOk<{ cils: CilCheck[] }>(demo.sandbox, 'previewDailyCheck', [demo.cilId]);
    expect(workspaceOf(demo.sandbox)).toEqual(before);
    const steps = preview.cils[0]!.steps;
    expect(steps.filter((s) => s.kind === 'warning').map((s) => [s.status, s.email])).toEqual([
      ['proposed', false],
      ['proposed', false],
    ]);
    const run = runOk<DailyRun>(demo.sandbox, 'runDailyCheck');
    const strip = (s: Step) => ({ ...s, eventId: undefined, mail: undefined });
    expect(run.checked[0]!.steps.map(strip)).toEqual(steps.map(strip));
    expect(demo.sandbox.run('previewDailyCheck', ['no-such-cil']).error).toMatch(/No CIL with the id "no-such-cil"/);
  });

  it('stops between CILs when its time budget is used up, and a one-off follow-up carries on and deletes its own trigger', () => {
    const demo = setUpDemo();
    runOk(demo.sandbox, 'setUpCil', [{ name: 'CIL Karachi' }]);
    runOk(demo.sandbox, 'setUpCil', [{ name: 'CIL Quetta' }]);
    // The sandbox's clock stands still within an execution, so a zero budget makes each run stop after its first CIL.
    setScriptProperty(demo.sandbox, 'accountability:dailyRunBudgetMs', '0');
    const followUps = () => demo.sandbox.state.triggers.filter((t) => t.handler === 'runDailyCheck');

    const first = runOk<DailyRun>(demo.sandbox, 'runDailyCheck');
    expect(first.checked.map((c) => c.cilId)).toEqual(['cil-demo']);
    expect(first.remaining).toEqual(['cil-karachi', 'cil-quetta']);
    expect(followUps().map((t) => t.id)).toEqual([first.followUpTriggerId]);
    const logged = logOf(demo).length;

    const ran = demo.sandbox.advance(5 * 60_000);
    expect(ran.map((r) => [r.functionName, r.error])).toEqual([
      ['runDailyCheck', null],
      ['runDailyCheck', null],
    ]);
    expect((ran as { value: DailyRun }[]).map((r) => r.value.checked.map((c) => c.cilId))).toEqual([['cil-karachi'], ['cil-quetta']]);
    expect(followUps()).toEqual([]);
    expect(demo.sandbox.state.properties.script['accountability:dailyRunCursor']).toBeUndefined();
    expect(logOf(demo).length).toBe(logged);
  });

  it('checks every CIL in one run within its budget', () => {
    const demo = setUpDemo();
    runOk(demo.sandbox, 'setUpCil', [{ name: 'CIL Karachi' }]);
    const run = runOk<DailyRun>(demo.sandbox, 'runDailyCheck');
    expect(run.checked.map((c) => c.cilId)).toEqual(['cil-demo', 'cil-karachi']);
    expect(run.remaining).toEqual([]);
    expect(demo.sandbox.state.triggers).toEqual([]);
  });
});
