/// <reference types="google-apps-script" />
import { describe, expect, it } from 'vitest';
import { projectsTab } from '../../../shared/records/project';
import { REPORT_CATALOG } from '../../../shared/reports/report-catalog';
import type { WidgetTree } from '../../../sandbox/src/services/card-service';
import { asLead } from '../as-lead';
import { runOk } from '../built-bundle';
import { pasteRecords, setScriptProperty } from '../daily-run-fixture';
import { buttonOf, clickOk, costOf, expectRealEntryPoints, openCard, setUpDemo, widgets, type Demo } from './card-fixture';

// "Generate report" on the card: the catalog, the period or project with the latest finished period
// chosen, the options; the request queued (a script property) with one one-off trigger however many
// ask; the trigger generating each report and emailing the lead who asked its link (or what went
// wrong), then deleting itself. Demo CIL, Friday 27 Nov 2026 in Karachi.

const LEAD = 'lead@cil-demo.example';
const QUEUE = 'reports:queue';
const MINUTE = 60_000;

interface Queue {
  requests: { kind: string; period?: string; projectId?: string; pdf: boolean; emailCfpLead: boolean; requestedBy: string; attempts: number }[];
  trigger: { id: string; dueMs: number } | null;
  runningSinceMs: number | null;
}

/** The lead's own queue: their user properties, which only their trigger reads. */
const queueOf = (demo: Demo, email = LEAD): Queue | null => {
  const text = demo.sandbox.state.properties.user[email]?.[QUEUE];
  return text === undefined ? null : (JSON.parse(text) as Queue);
};
const setQueue = (demo: Demo, queue: Queue) => {
  demo.sandbox.state.properties.user[LEAD] = { ...demo.sandbox.state.properties.user[LEAD], [QUEUE]: JSON.stringify(queue) };
};
const queueTriggers = (demo: Demo) => demo.sandbox.state.triggers.filter((trigger) => trigger.handler === 'runQueuedReports');
type SelectionInputTree = Extract<WidgetTree, { type: 'selectionInput' }>;
const selection = (panel: ReturnType<typeof openCard>, field: string) =>
  widgets(panel.card).find((widget): widget is SelectionInputTree => widget.type === 'selectionInput' && widget.fieldName === field);

/** The card for one report, reached as a lead clicks: Generate report, then its Choose. */
function reportCard(demo: Demo, title: string) {
  const panel = openCard(demo);
  clickOk(panel, buttonOf(panel, 'Generate report'));
  const index = REPORT_CATALOG.findIndex((report) => report.title === title);
  clickOk(panel, buttonOf(panel, 'Choose', undefined, index));
  return panel;
}

/** Asks for the monthly progress update of the period preselected, and answers the panel. */
function askMonthly(demo: Demo, options: string[] = []) {
  const panel = reportCard(demo, 'Monthly progress update');
  if (options.length > 0) panel.select('options', options);
  const step = clickOk(panel, buttonOf(panel, 'Draft report'));
  return { panel, step };
}

describe('the report cards', () => {
  it('list the catalog, each report a click from its choices', () => {
    const demo = setUpDemo();
    const panel = openCard(demo);
    clickOk(panel, buttonOf(panel, 'Generate report'));
    expect(panel.cards.map((card) => card.name)).toEqual(['cil', 'reports']);
    expect(panel.card.header).toMatchObject({ title: 'Generate report', subtitle: 'CIL Demo' });
    const listed = widgets(panel.card).filter((widget) => widget.type === 'decoratedText');
    expect(listed.map((widget) => widget.type === 'decoratedText' && widget.text)).toEqual(REPORT_CATALOG.map((report) => report.title));
    expect(new Set(expectRealEntryPoints(panel.card))).toEqual(new Set(['chooseReportFromCard']));
  });

  it('offer the recent periods, the latest finished one chosen, and the options', () => {
    const demo = setUpDemo();
    const panel = reportCard(demo, 'Monthly progress update');
    expect(panel.cards.map((card) => card.name)).toEqual(['cil', 'reports', 'report']);
    const period = selection(panel, 'period')!;
    expect(period).toMatchObject({ selectionType: 'DROPDOWN', title: 'Month' });
    expect(period.items.slice(0, 3)).toEqual([
      { text: 'November 2026 (in progress)', value: '2026-11', selected: false },
      { text: 'October 2026', value: '2026-10', selected: true },
      { text: 'September 2026', value: '2026-09', selected: false },
    ]);
    expect(period.items).toHaveLength(13);
    expect(selection(panel, 'options')!.items.map((item) => item.value)).toEqual(['pdf', 'emailCfpLead']);
    expect(selection(panel, 'options')!.items[1]!.text).toBe('Email the link to the CfP lead (cil-leads@codeforpakistan.example)');
    expect(expectRealEntryPoints(panel.card)).toEqual(['queueReportFromCard']);
  });

  it('offer the projects for a closure report, names as text', () => {
    const demo = setUpDemo();
    pasteRecords(demo.sandbox, demo.spreadsheetId, projectsTab, [{ id: 'p-hostile', name: '<b>Bold</b> & =SUM(1)', status: 'active', redeployments: 0 }]);
    const panel = reportCard(demo, 'Project closure report');
    const project = selection(panel, 'project')!;
    expect(project.items.at(-1)).toEqual({ text: '<b>Bold</b> & =SUM(1) (active)', value: 'p-hostile', selected: false });
    expect(project.items[0]!.selected).toBe(true);
  });
});

describe('Draft report', () => {
  it('queues the request and one trigger at once, and answers in the panel', () => {
    const demo = setUpDemo();
    const { panel, step } = askMonthly(demo, ['pdf', 'emailCfpLead']);

    expect(panel.notifications).toEqual(['Drafting the Monthly progress update for October 2026 — you will get an email at lead@cil-demo.example with its link in a few minutes.']);
    expect(panel.cards.map((card) => card.name)).toEqual(['cil']);
    expect(queueOf(demo)!.requests).toEqual([
      expect.objectContaining({ kind: 'monthly progress update', period: '2026-10', pdf: true, emailCfpLead: true, requestedBy: LEAD, attempts: 0 }),
    ]);
    expect(queueTriggers(demo)).toHaveLength(1);
    expect(queueTriggers(demo)[0]!.schedule).toMatchObject({ kind: 'at' });
    // Nothing of the report is made in the card's 30 seconds.
    expect(Object.values(demo.sandbox.state.drive.items).map((item) => item.name)).not.toContain('Monthly progress update 2026-10 — CIL Demo');
    const cost = costOf(step);
    expect(cost.simulatedMs).toBe(0);
    expect(cost.googleCalls).toBeLessThanOrEqual(25);
    console.log(`Draft report (card): ${cost.googleCalls} Google calls`);
  });

  it('never arms a second trigger for the queue, whoever asks', () => {
    const demo = setUpDemo();
    askMonthly(demo);
    const { panel } = askMonthly(demo, ['pdf']);
    expect(panel.notifications.at(-1)).toBe(
      'Drafting the Monthly progress update for October 2026 — you will get an email at lead@cil-demo.example with its link after the report asked for before it.',
    );
    expect(queueOf(demo)!.requests).toHaveLength(2);
    expect(queueTriggers(demo)).toHaveLength(1);
  });

  it('refuses when ten reports already wait, or no trigger can be made, and queues nothing', () => {
    const demo = setUpDemo();
    for (let i = 0; i < 10; i++) askMonthly(demo);
    const { panel } = askMonthly(demo);
    expect(panel.notifications.at(-1)).toBe('10 reports already wait to be drafted; ask again in a few minutes, or use CIL Hub › Generate report… in the spreadsheet. Nothing was queued.');
    expect(queueOf(demo)!.requests).toHaveLength(10);

    const full = setUpDemo();
    asLead(full.sandbox, () => {
      for (let i = 0; i < 20; i++) ScriptApp.newTrigger('runDailyCheck').timeBased().after(86_400_000).create();
    }, []);
    const refused = askMonthly(full).panel;
    expect(refused.notifications.at(-1)).toBe(
      'CIL Hub could not schedule the draft (This script has too many triggers. Triggers must be deleted from the script before more can be added.). Nothing was queued; use CIL Hub › Generate report… in the spreadsheet.',
    );
    expect(queueOf(full)).toBeNull();
  });
});

describe('the queued reports', () => {
  it('are generated when the trigger fires, each lead emailed the link, and the trigger deleted', () => {
    const demo = setUpDemo();
    askMonthly(demo, ['pdf', 'emailCfpLead']);
    const sentBefore = demo.sandbox.state.mail.outbox.length;

    const ran = demo.sandbox.advance(MINUTE);

    expect(ran.map((run) => [run.functionName, run.error])).toEqual([['runQueuedReports', null]]);
    expect(ran[0]!.value).toMatchObject({ done: [{ ok: true }], givenUp: [], remaining: 0, followUpTriggerId: null });
    const doc = Object.values(demo.sandbox.state.drive.items).find((item) => item.name === 'Monthly progress update 2026-10 — CIL Demo')!;
    expect(doc).toBeDefined();
    const pdf = Object.values(demo.sandbox.state.drive.items).find((item) => item.name === 'Monthly progress update 2026-10 — CIL Demo.pdf');
    expect(pdf).toBeDefined();
    const mail = demo.sandbox.state.mail.outbox.slice(sentBefore);
    expect(mail.map((message) => message.to)).toEqual([['cil-leads@codeforpakistan.example'], [LEAD]]);
    expect(mail[1]!.subject).toBe('CIL Demo: Monthly progress update 2026-10 — CIL Demo is drafted');
    expect(mail[1]!.body).toContain(`https://docs.google.com/document/d/${doc.id}/edit`);
    expect(mail[1]!.body).toContain('Emailed the link to cil-leads@codeforpakistan.example.');
    // The trigger that fired is gone (it would stay listed), and so is the queue.
    expect(queueTriggers(demo)).toEqual([]);
    expect(queueOf(demo)).toBeNull();
    console.log(`runQueuedReports, one monthly report with its PDF: ${ran[0]!.meter.serviceCalls} service calls`);
  });

  it('email the lead what went wrong, escaped, and never lose the request silently', () => {
    const demo = setUpDemo();
    pasteRecords(demo.sandbox, demo.spreadsheetId, projectsTab, [{ id: 'p-hostile', name: '<script>alert(1)</script>', status: 'active', redeployments: 0 }]);
    const panel = reportCard(demo, 'Project closure report');
    clickOk(panel.select('project', ['p-hostile']), buttonOf(panel, 'Draft report'));
    // The template is gone by the time the trigger fires.
    asLead(demo.sandbox, (folderName: string) => {
      const templates = DriveApp.getFoldersByName(folderName);
      while (templates.hasNext()) {
        const files = templates.next().getFilesByName('Project closure report (template)');
        while (files.hasNext()) files.next().setTrashed(true);
      }
    }, ['Templates']);
    const sentBefore = demo.sandbox.state.mail.outbox.length;

    const ran = demo.sandbox.advance(MINUTE);

    expect(ran[0]!.value).toMatchObject({ done: [{ ok: false }] });
    const mail = demo.sandbox.state.mail.outbox.slice(sentBefore);
    expect(mail.map((message) => [message.to, message.subject])).toEqual([[[LEAD], 'CIL Demo: the Project closure report could not be drafted']]);
    expect(mail[0]!.body).toContain('is not in the CIL\'s Templates folder');
    expect(queueOf(demo)).toBeNull();

    // A report about the hostile project, once the template is back, names it escaped in the HTML.
    runOk(demo.sandbox, 'setUpCil', [{ name: 'CIL Demo', city: 'Lahore', timeZone: 'Asia/Karachi', cfpLeadEmail: 'cil-leads@codeforpakistan.example' }]);
    const again = reportCard(demo, 'Project closure report');
    clickOk(again.select('project', ['p-hostile']), buttonOf(again, 'Draft report'));
    demo.sandbox.advance(MINUTE);
    const drafted = demo.sandbox.state.mail.outbox.at(-1)!;
    expect(drafted.subject).toContain('<script>alert(1)</script>');
    expect(drafted.htmlBody).not.toContain('<script>');
    expect(drafted.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('carry on in a follow-up run past the time budget, one trigger at a time', () => {
    const demo = setUpDemo();
    setScriptProperty(demo.sandbox, 'reports:queueBudgetMs', '0');
    askMonthly(demo);
    const quarterly = openCard(demo);
    clickOk(quarterly, buttonOf(quarterly, 'Generate report'));
    clickOk(quarterly, buttonOf(quarterly, 'Choose', undefined, REPORT_CATALOG.findIndex((report) => report.kind === 'quarterly story')));
    clickOk(quarterly, buttonOf(quarterly, 'Draft report'));

    const first = demo.sandbox.advance(MINUTE / 2);
    expect(first.map((run) => run.value)).toEqual([expect.objectContaining({ done: [{ id: expect.any(String), ok: true }], remaining: 1 })]);
    expect(queueTriggers(demo)).toHaveLength(1);
    expect(queueOf(demo)!.requests.map((request) => request.kind)).toEqual(['quarterly story']);

    const second = demo.sandbox.advance(2 * MINUTE);
    expect(second.map((run) => run.value)).toEqual([expect.objectContaining({ done: [{ id: expect.any(String), ok: true }], remaining: 0 })]);
    expect(queueTriggers(demo)).toEqual([]);
    expect(queueOf(demo)).toBeNull();
    expect(demo.sandbox.state.mail.outbox.filter((message) => message.to.includes(LEAD) && / is drafted$/.test(message.subject))).toHaveLength(2);
  });

  it('left by a run that was stopped, get a trigger again from the next request or the daily run, and are given up after two tries', () => {
    const demo = setUpDemo();
    const now = demo.sandbox.state.clock.getTime();
    const stranded: Queue = {
      requests: [
        { kind: 'monthly progress update', period: '2026-10', pdf: false, emailCfpLead: false, requestedBy: 'co-lead@cil-demo.example', attempts: 2, ...{ id: 'r-1', cilId: demo.cilId, cilName: 'CIL Demo', title: 'Monthly progress update', requestedAt: '2026-11-27T04:00:00.000Z' } },
        { kind: 'weekly summary', period: '2026-W47', pdf: false, emailCfpLead: false, requestedBy: LEAD, attempts: 1, ...{ id: 'r-2', cilId: demo.cilId, cilName: 'CIL Demo', title: 'Weekly summary', requestedAt: '2026-11-27T04:00:00.000Z' } },
      ],
      trigger: null,
      runningSinceMs: now - 20 * MINUTE,
    };
    setQueue(demo, stranded);

    runOk(demo.sandbox, 'runDailyCheck');
    expect(queueTriggers(demo)).toHaveLength(1);
    const sentBefore = demo.sandbox.state.mail.outbox.length;
    const ran = demo.sandbox.advance(MINUTE);

    expect(ran[0]!.value).toMatchObject({ givenUp: ['r-1'], done: [{ id: 'r-2', ok: true }] });
    const mail = demo.sandbox.state.mail.outbox.slice(sentBefore);
    expect(mail.map((message) => [message.to, message.subject])).toEqual([
      [['co-lead@cil-demo.example'], 'CIL Demo: the Monthly progress update could not be drafted'],
      [[LEAD], 'CIL Demo: Weekly activity summary 2026-W47 — CIL Demo is drafted'],
    ]);
    expect(mail[0]!.body).toContain('CIL Hub started it 2 times and each time ran out of time before it was done.');
    expect(queueOf(demo)).toBeNull();

    // Or the next lead to ask arms it: the stopped run no longer counts.
    const next = setUpDemo();
    setQueue(next, { ...stranded, requests: stranded.requests.map((request) => ({ ...request, cilId: next.cilId })) });
    askMonthly(next);
    expect(queueTriggers(next)).toHaveLength(1);
    expect(queueOf(next)!.requests).toHaveLength(3);
  });
});
