/// <reference types="google-apps-script" />
import { describe, expect, it } from 'vitest';
import { REPORT_CATALOG } from '../../../shared/reports/report-catalog';
import { actionResponseTree, type ActionResponse } from '../../../sandbox/src/services/card-service';
import { asLead } from '../as-lead';
import { logOf, setSetting } from '../daily-run-fixture';
import { buttonOf, clickOk, demoWithWarnings, openCard, setUpDemo, type Demo } from './card-fixture';

// Who may do what (deployment-admin.ts): entry points run as whoever calls them, with whatever
// arguments, so the checks are in the entry points. The demo's lead set it up and is the admin; a
// co-lead is listed in "Lead emails"; a stranger edits the spreadsheet but leads nothing.

const ADMIN = 'lead@cil-demo.example';
const CO_LEAD = 'co-lead@cil-demo.example';
const STRANGER = 'helper@example.org';
const MINUTE = 60_000;

function shared(demo: Demo): Demo {
  for (const editor of [CO_LEAD, STRANGER]) asLead(demo.sandbox, (id: string, email: string) => SpreadsheetApp.openById(id).addEditor(email), [demo.spreadsheetId, editor]);
  setSetting(demo, 'Lead emails', `${ADMIN}, ${CO_LEAD}`);
  return demo;
}

function as<T>(demo: Demo, email: string, work: () => T): T {
  const person = demo.sandbox.state.user;
  demo.sandbox.state.user = { ...person, email };
  try {
    return work();
  } finally {
    demo.sandbox.state.user = person;
  }
}

const forged = (demo: Demo, functionName: string, parameters: Record<string, string>, formInputs: Record<string, string[]> = {}) =>
  demo.sandbox.run(
    functionName,
    [{ commonEventObject: { hostApp: 'SHEETS', parameters, formInputs: Object.fromEntries(Object.entries(formInputs).map(([k, v]) => [k, { stringInputs: { value: v } }])) } }],
    { trigger: 'add-on' },
  );
const notification = (run: { value: unknown }) => JSON.stringify(actionResponseTree(run.value as ActionResponse));
const NOT_LEAD = 'Only the leads of CIL Demo (the \\"Lead emails\\" in its Settings tab) can do this. Nothing was changed.';

describe('a stranger with access to the spreadsheet', () => {
  it('gets a card saying they do not lead this CIL: no figures, no actions', () => {
    const demo = shared(setUpDemo());
    as(demo, STRANGER, () => {
      const panel = openCard(demo, { hostApp: 'SHEETS', spreadsheetId: demo.spreadsheetId });
      clickOk(panel, buttonOf(panel, 'Use this spreadsheet'));
      expect(panel.grantFileScope()!.problem).toBeNull();
      const text = JSON.stringify(panel.card);
      expect(text).toContain(`${STRANGER} is not among the lead emails of CIL Demo`);
      expect(text).not.toContain('Health at a glance');
      expect(() => buttonOf(panel, 'Run check now')).toThrow();
    });
  });

  it('is refused a forged Approve or Draft report, and nothing changes', () => {
    const demo = shared(demoWithWarnings());
    const warning = logOf(demo).find((event) => event.kind === 'warning')!;
    const mailBefore = demo.sandbox.state.mail.outbox.length;
    as(demo, STRANGER, () => {
      expect(notification(forged(demo, 'approveFromCard', { cilId: demo.cilId, eventId: warning.id }))).toContain(NOT_LEAD);
      expect(notification(forged(demo, 'dismissFromCard', { cilId: demo.cilId, eventId: warning.id }))).toContain(NOT_LEAD);
      const kind = REPORT_CATALOG[0]!.kind;
      expect(notification(forged(demo, 'queueReportFromCard', { cilId: demo.cilId, kind }, { period: ['2026-10'] }))).toContain(NOT_LEAD);
      expect(notification(forged(demo, 'turnOnScheduleFromCard', { cilId: demo.cilId }))).toContain(NOT_LEAD);
    });
    expect(logOf(demo).find((event) => event.id === warning.id)!.status).toBe(warning.status);
    expect(demo.sandbox.state.mail.outbox).toHaveLength(mailBefore);
    expect(demo.sandbox.state.triggers).toEqual([]);
    expect(demo.sandbox.state.properties.user[STRANGER]?.['reports:queue']).toBeUndefined();
  });

  it('cannot set up the national rollup or register a CIL: the admin does', () => {
    const demo = setUpDemo();
    as(demo, STRANGER, () => {
      const rollup = demo.sandbox.run('setUpNationalRollup', [{ cfpLeadEmail: 'cil-leads@codeforpakistan.example' }]);
      expect(rollup.error).toBe(`Error: Only ${ADMIN}, who runs this CIL Hub deployment, can set up the national rollup. Nothing was changed.`);
      const cil = demo.sandbox.run('setUpCil', [{ name: 'CIL Karachi' }]);
      expect(cil.error).toBe(`Error: Only ${ADMIN}, who runs this CIL Hub deployment, can register a new CIL. Nothing was changed.`);
      expect(demo.sandbox.run('sendDeferredMail').error).toMatch(/^Error: Only lead@cil-demo\.example, who runs this CIL Hub deployment, can send the deferred emails now; they go out with the next daily check/);
    });
    expect(Object.keys(demo.sandbox.state.properties.script).filter((key) => key.startsWith('cil:') || key.startsWith('national'))).toEqual([`cil:${demo.cilId}`]);
  });
});

describe('a co-lead', () => {
  it("has their queued report made by their own trigger and emailed from their account; the admin's queue is untouched", () => {
    const demo = shared(setUpDemo());
    const step = as(demo, CO_LEAD, () => {
      const panel = openCard(demo);
      clickOk(panel, buttonOf(panel, 'Generate report'));
      clickOk(panel, buttonOf(panel, 'Choose', undefined, REPORT_CATALOG.findIndex((report) => report.title === 'Monthly progress update')));
      return clickOk(panel, buttonOf(panel, 'Draft report'));
    });
    expect(step.problem).toBeNull();
    expect(demo.sandbox.state.triggers.map((trigger) => [trigger.handler, trigger.owner])).toEqual([['runQueuedReports', CO_LEAD]]);
    expect(demo.sandbox.state.properties.user[ADMIN]?.['reports:queue']).toBeUndefined();

    const ran = demo.sandbox.advance(MINUTE);
    expect(ran.map((run) => run.error)).toEqual([null]);
    const drafted = demo.sandbox.state.mail.outbox.filter((message) => / is drafted$/.test(message.subject));
    expect(drafted.map((message) => [message.from, message.to])).toEqual([[CO_LEAD, [CO_LEAD]]]);
    expect(demo.sandbox.state.properties.user[CO_LEAD]?.['reports:queue']).toBeUndefined();
  });

  it('is told a dismiss reason over 1,000 characters is too long, and nothing changes', () => {
    const demo = shared(demoWithWarnings());
    const warning = logOf(demo).find((event) => event.kind === 'warning')!;
    const run = demo.sandbox.run('dismissAction', [warning.id, 'x'.repeat(1_001), demo.cilId]);
    expect(run.error).toBe('Error: The reason is 1001 characters long; keep it to 1000 (it is kept in one cell of the log with the evidence). Nothing was changed.');
    expect(logOf(demo).find((event) => event.id === warning.id)!.status).toBe(warning.status);
  });
});
