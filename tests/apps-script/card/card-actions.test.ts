/// <reference types="google-apps-script" />
import { describe, it, expect } from 'vitest';
import { addOns } from '../../../apps-script/manifest';
import { holdLock } from '../../../sandbox/src/services/lock-service';
import { asLead, sheetState } from '../as-lead';
import { runOk } from '../built-bundle';
import { logOf, setSetting, volunteerNamed, workspaceOf } from '../daily-run-fixture';
import { buttonOf, clickOk, costOf, demoWithWarnings, expectRealEntryPoints, openCard, sectionNamed, setUpDemo, textOf, type Demo } from './card-fixture';

// The homepage card's actions on the demo CIL, each clicked as a lead would: what it changes in the
// workspace, the notification and updated card it answers with, and what it costs (every card action
// must finish well inside Google's 30 seconds).

const warningOf = (demo: Demo, name: string) => logOf(demo).find((event) => event.kind === 'warning' && event.volunteerId === volunteerNamed(demo, name).id)!;

/** The Approve or Dismiss button of the step about `name`. */
function stepButton(demo: Demo, panel: ReturnType<typeof openCard>, text: 'Approve' | 'Dismiss', name: string) {
  const eventId = warningOf(demo, name).id;
  const buttons = sectionNamed(panel.card, /^Waiting for you/).widgets.flatMap((widget) => (widget.type === 'buttonSet' ? widget.buttons : []));
  const button = buttons.find((candidate) => candidate.text === text && candidate.onClick !== null && 'action' in candidate.onClick && candidate.onClick.action.parameters.eventId === eventId);
  if (!button) throw new Error(`No ${text} for ${name}`);
  return { button, eventId };
}

describe('Approve', () => {
  it('carries out the step as the review sidebar does, and shows the card without it', () => {
    const demo = demoWithWarnings();
    const panel = openCard(demo);
    const { button, eventId } = stepButton(demo, panel, 'Approve', 'Omar Farooq');
    const sentBefore = demo.sandbox.state.mail.outbox.length;

    const step = clickOk(panel, button);

    expect(panel.notifications).toEqual(['Approved the warning for Omar Farooq. The roster now shows Omar Farooq as warned. The email went out.']);
    expect(logOf(demo).find((event) => event.id === eventId)).toMatchObject({ status: 'sent', by: 'lead@cil-demo.example' });
    expect(volunteerNamed(demo, 'Omar Farooq').status).toBe('warned');
    expect(demo.sandbox.state.mail.outbox.slice(sentBefore).map((mail) => mail.to)).toEqual([[volunteerNamed(demo, 'Omar Farooq').email]]);
    expect(warningOf(demo, 'Ali Hassan').status).toBe('proposed');
    // The card in place of the old one: one step left.
    expect(panel.cards).toHaveLength(1);
    expect(sectionNamed(panel.card, /^Waiting for you/).header).toBe('Waiting for you (1)');
    expect(textOf(panel.card)).not.toContain(eventId);
    const cost = costOf(step);
    expect(cost.simulatedMs).toBeLessThan(10_000);
    expect(cost.googleCalls).toBeLessThanOrEqual(105);
  });

  it('says plainly when the step was decided meanwhile, and changes nothing', () => {
    const demo = demoWithWarnings();
    const panel = openCard(demo);
    const { button, eventId } = stepButton(demo, panel, 'Approve', 'Omar Farooq');
    runOk(demo.sandbox, 'dismissAction', [eventId, 'Spoke on the phone', demo.cilId]);
    const before = workspaceOf(demo.sandbox);

    const step = clickOk(panel, button);

    expect(panel.notifications).toEqual([`The step ${eventId} is already dismissed (by lead@cil-demo.example); only proposed steps can be approved or dismissed. Nothing was changed.`]);
    expect(workspaceOf(demo.sandbox)).toEqual(before);
    expect(step.execution.error).toBeNull();
  });

  it('answers at once, changing nothing, while another task holds the lock', () => {
    const demo = demoWithWarnings();
    const panel = openCard(demo);
    const { button } = stepButton(demo, panel, 'Approve', 'Omar Farooq');
    holdLock(demo.sandbox.state, 'script', 'another-execution', new Date(demo.sandbox.state.clock.getTime() + 120_000));
    const before = workspaceOf(demo.sandbox);

    const step = clickOk(panel, button);

    expect(panel.notifications).toEqual(['CIL Hub is busy with another task; try again in a minute. Nothing was changed.']);
    expect(workspaceOf(demo.sandbox)).toEqual(before);
    // The card's own short wait, not the sidebar's 30 seconds.
    expect(costOf(step).simulatedMs).toBe(5_000);
  });
});

describe('Dismiss', () => {
  it('needs the reason typed above it', () => {
    const demo = demoWithWarnings();
    const panel = openCard(demo);
    const { button } = stepButton(demo, panel, 'Dismiss', 'Ali Hassan');
    const before = workspaceOf(demo.sandbox);
    clickOk(panel, button);
    expect(panel.notifications).toEqual(['Write why you dismiss it in "Reason to dismiss" first: the log keeps the reason with the evidence. Nothing was changed.']);
    expect(workspaceOf(demo.sandbox)).toEqual(before);
  });

  it('keeps the reason, as text, with the evidence, and leaves the roster alone', () => {
    const demo = demoWithWarnings();
    const panel = openCard(demo);
    const { button, eventId } = stepButton(demo, panel, 'Dismiss', 'Ali Hassan');
    const evidence = warningOf(demo, 'Ali Hassan').evidence;
    const reason = '=IMPORTXML("http://evil","//a") <script>told me on WhatsApp</script>';

    const step = clickOk(panel.type(`dismissReason-${eventId}`, reason), button);

    expect(panel.notifications).toEqual(['Dismissed the warning for Ali Hassan; the reason is kept in the log and the daily check will not propose it again.']);
    expect(logOf(demo).find((event) => event.id === eventId)).toMatchObject({ status: 'dismissed', evidence: `${evidence}\nDismissed by lead@cil-demo.example: ${reason}` });
    expect(sheetState(demo.sandbox, demo.spreadsheetId, 'Accountability log').formulas ?? {}).toEqual({});
    expect(volunteerNamed(demo, 'Ali Hassan').status).toBe('active');
    expect(sectionNamed(panel.card, /^Waiting for you/).header).toBe('Waiting for you (1)');
    expect(costOf(step).googleCalls).toBeLessThanOrEqual(65);
  });
});

describe('Run check now', () => {
  it("runs the daily check for this CIL and shows what it proposed", () => {
    const demo = setUpDemo();
    const panel = openCard(demo);
    expect(sectionNamed(panel.card, /^Waiting for you/).header).toBe('Waiting for you (0)');

    const step = clickOk(panel, buttonOf(panel, 'Run check now'));

    expect(panel.notifications).toEqual(['Checked CIL Demo: 10 new steps in the log; 2 wait for you; 8 emails sent.']);
    // Two warnings for the lead; eight hours reminders (it is Friday) go out at once.
    expect(logOf(demo).filter((event) => event.status === 'proposed').map((event) => event.kind)).toEqual(['warning', 'warning']);
    expect(sectionNamed(panel.card, /^Waiting for you/).header).toBe('Waiting for you (2)');
    const cost = costOf(step);
    expect(cost.simulatedMs).toBe(0);
    // The check's own reads, log write, eight emails and the Dashboard; the card is built from the
    // records as the check left them, without reading them again. One read more: the Settings of the
    // lead check, made before the check opens the CIL itself.
    expect(cost.googleCalls).toBeLessThanOrEqual(150);
    expect(step.execution.meter.callsByMethod['Range.getValues']).toBe(13);
    console.log(`Run check now (card), demo CIL: ${cost.googleCalls} Google calls, ${cost.simulatedMs} ms waited`);

    // Twice in a day proposes nothing twice.
    clickOk(panel, buttonOf(panel, 'Run check now'));
    expect(panel.notifications.at(-1)).toBe('Checked CIL Demo: nothing new is due today. 2 steps still wait for you.');
    expect(logOf(demo).filter((event) => event.status === 'proposed')).toHaveLength(2);
  });

  it('sends at most eight emails itself and leaves the rest in the outbox, saying so', () => {
    const demo = setUpDemo();
    // Automatic mode: the two warnings go out too, ten emails in all.
    setSetting(demo, 'Mode', 'automatic');
    const panel = openCard(demo);
    const sentBefore = demo.sandbox.state.mail.outbox.length;

    const step = clickOk(panel, buttonOf(panel, 'Run check now'));

    expect(panel.notifications).toEqual([
      'Checked CIL Demo: 10 new steps in the log; 8 emails sent; 2 emails wait in the outbox (no time left to send them here): the next daily run sends them, or CIL Hub › Send deferred emails now; 2 roster changes.',
    ]);
    expect(demo.sandbox.state.mail.outbox.length - sentBefore).toBe(8);
    const waiting = Object.keys(demo.sandbox.state.properties.script).filter((key) => key.startsWith('deferredMail:'));
    expect(waiting).toHaveLength(2);
    // Their log rows stay approved until the emails go.
    expect(logOf(demo).filter((event) => event.status === 'approved')).toHaveLength(2);
    const cost = costOf(step);
    expect(cost.simulatedMs).toBe(0);
    expect(cost.googleCalls).toBeLessThanOrEqual(160);

    const deferred = demo.sandbox.run('sendDeferredMail', [], { activeSpreadsheetId: demo.spreadsheetId, trigger: 'menu', hasUi: true });
    expect(deferred.error).toBeNull();
    expect(demo.sandbox.state.mail.outbox.length - sentBefore).toBe(10);
    expect(logOf(demo).filter((event) => event.status === 'approved')).toEqual([]);
    expect(logOf(demo).filter((event) => event.status === 'sent')).toHaveLength(10);
  });

  it('waits only a few seconds for another task, and changes nothing', () => {
    const demo = setUpDemo();
    const panel = openCard(demo);
    holdLock(demo.sandbox.state, 'script', 'another-execution', new Date(demo.sandbox.state.clock.getTime() + 120_000));
    const before = workspaceOf(demo.sandbox);

    const step = clickOk(panel, buttonOf(panel, 'Run check now'));

    expect(panel.notifications).toEqual(['CIL Hub is busy with another task; try again in a minute. Nothing was changed.']);
    expect(workspaceOf(demo.sandbox)).toEqual(before);
    expect(costOf(step).simulatedMs).toBe(5_000);
  });
});

describe('Send enrollment', () => {
  it('offers the volunteers without a working code, and emails the ones picked', () => {
    const demo = setUpDemo();
    const noor = volunteerNamed(demo, 'Noor Fatima');
    const hamza = volunteerNamed(demo, 'Hamza Qureshi');
    runOk(demo.sandbox, 'revokeEnrollment', [noor.id, demo.cilId]);
    runOk(demo.sandbox, 'revokeEnrollment', [hamza.id, demo.cilId]);
    const panel = openCard(demo);

    clickOk(panel, buttonOf(panel, 'Send enrollment'));

    expect(panel.cards.map((card) => card.name)).toEqual(['cil', 'enrollment']);
    expectRealEntryPoints(panel.card);
    const choice = panel.card.sections[0]!.widgets.find((widget) => widget.type === 'selectionInput');
    expect(choice).toMatchObject({
      fieldName: 'volunteers',
      selectionType: 'CHECK_BOX',
      items: [
        { text: `Hamza Qureshi (${hamza.email}, code revoked 27 Nov 2026)`, value: hamza.id, selected: false },
        { text: `Noor Fatima (${noor.email}, code revoked 27 Nov 2026)`, value: noor.id, selected: false },
      ],
    });

    clickOk(panel, buttonOf(panel, 'Send codes'));
    expect(panel.notifications).toEqual(['Pick at least one volunteer. Nothing was sent.']);

    const sentBefore = demo.sandbox.state.mail.outbox.length;
    const step = clickOk(panel.select('volunteers', [noor.id]), buttonOf(panel, 'Send codes'));

    expect(panel.notifications.at(-1)).toBe('Emailed an enrollment code to Noor Fatima.');
    expect(demo.sandbox.state.mail.outbox.slice(sentBefore).map((mail) => mail.to)).toEqual([[noor.email]]);
    expect(volunteerNamed(demo, 'Noor Fatima').tokenRevokedAt).toBeUndefined();
    expect(volunteerNamed(demo, 'Hamza Qureshi').tokenRevokedAt).toBeDefined();
    expect(panel.cards.map((card) => card.name)).toEqual(['cil']);
    expect(costOf(step).googleCalls).toBeLessThanOrEqual(70);
  });

  it('says so when everyone has a working code', () => {
    const demo = setUpDemo();
    const panel = openCard(demo);
    clickOk(panel, buttonOf(panel, 'Send enrollment'));
    expect(panel.notifications).toEqual(['Every volunteer taking part has a working enrollment code. To send someone a new one, use CIL Hub › Re-issue enrollment… in the spreadsheet.']);
    expect(panel.cards.map((card) => card.name)).toEqual(['cil']);
  });
});

describe('Open dashboard', () => {
  it("opens the spreadsheet at its Dashboard tab, without running anything", () => {
    const demo = setUpDemo();
    const panel = openCard(demo);
    const executions = demo.sandbox.state.executions.length;
    expect(panel.click(buttonOf(panel, 'Open dashboard'))).toBeNull();
    const dashboard = sheetState(demo.sandbox, demo.spreadsheetId, 'Dashboard');
    expect(panel.openedLinks.map((link) => link.url)).toEqual([`https://docs.google.com/spreadsheets/d/${demo.spreadsheetId}/edit#gid=${dashboard.sheetId}`]);
    // The manifest lists the link's prefix among those the add-on opens.
    expect(addOns.common.openLinkUrlPrefixes.some((prefix) => panel.openedLinks[0]!.url.startsWith(prefix))).toBe(true);
    expect(demo.sandbox.state.executions).toHaveLength(executions);
  });
});

describe('Refresh dashboard', () => {
  it("rewrites the Dashboard tab and says what it shows", () => {
    const demo = setUpDemo();
    asLead(demo.sandbox, (id: string) => SpreadsheetApp.openById(id).getSheetByName('Dashboard')!.clearContents(), [demo.spreadsheetId]);
    const panel = openCard(demo);

    const step = clickOk(panel, buttonOf(panel, 'Refresh dashboard'));

    expect(panel.notifications).toEqual([expect.stringMatching(/^Refreshed the Dashboard of CIL Demo: 2 on the at-risk list; 2026-Q4 targets: \d+ met, \d+ behind\.$/)]);
    expect(sheetState(demo.sandbox, demo.spreadsheetId, 'Dashboard').values.flat().join(' ')).toContain('CIL Demo');
    expect(panel.card.name).toBe('cil');
    expect(costOf(step).simulatedMs).toBe(0);
  });
});

describe('a failing action', () => {
  it('shows the problem as a notification, never a stack trace', () => {
    const demo = setUpDemo();
    const panel = openCard(demo);
    demo.sandbox.state.webAppUrl = null;
    runOk(demo.sandbox, 'revokeEnrollment', [volunteerNamed(demo, 'Noor Fatima').id, demo.cilId]);
    clickOk(panel, buttonOf(panel, 'Send enrollment'));
    clickOk(panel.select('volunteers', [volunteerNamed(demo, 'Noor Fatima').id]), buttonOf(panel, 'Send codes'));
    const [notification] = panel.notifications;
    expect(notification).toMatch(/^Deploy CIL Hub as a web app first: it has no web app deployment yet/);
    expect(notification).not.toMatch(/\bat \w+ \(|Code\.js/);
  });
});
