/// <reference types="google-apps-script" />
import { describe, it, expect } from 'vitest';
import { hoursTab } from '../../../shared/records/hours';
import { meetingsTab } from '../../../shared/records/meeting';
import { weeklyCommitmentOf } from '../../../shared/records/expectations';
import { readSettings } from '../../../shared/records/settings';
import { dateOfInstant, type Instant } from '../../../shared/time/instant';
import { dayOf } from '../../../shared/time/zone';
import { buttonsOf } from '../../../sandbox/src/runtime/add-on';
import { asLead, sheetState } from '../as-lead';
import { runOk } from '../built-bundle';
import { table } from '../dashboard/dashboard-fixture';
import { pasteRecords, recordsOf, rosterOf, setSetting, TIME_ZONE } from '../daily-run-fixture';
import { buttonOf, clickOk, costOf, demoWithWarnings, expectRealEntryPoints, openCard, sectionNamed, setUpDemo, textOf, widgets, type Demo } from './card-fixture';

// The lead's homepage card (Workspace add-on, shown in Sheets, Drive and Calendar) for the demo CIL:
// which CIL it shows, what it shows, that every button runs a real entry point, that names and
// evidence stay text, and what building it costs.

const LEAD = 'lead@cil-demo.example';
/** The demo's clock: Friday 27 Nov 2026, 10:00 in Karachi. */
const NOW = Date.parse('2026-11-27T05:00:00Z');

function settingsOf(demo: Demo) {
  const read = readSettings(sheetState(demo.sandbox, demo.spreadsheetId, 'Settings').values);
  if (!read.ok) throw new Error(read.message);
  return read.settings;
}

function renameVolunteer(demo: Demo, from: string, to: string): void {
  asLead(
    demo.sandbox,
    (id: string, from: string, to: string) => {
      const sheet = SpreadsheetApp.openById(id).getSheetByName('Volunteers')!;
      const values = sheet.getDataRange().getValues();
      const nameAt = values[0]!.indexOf('Name');
      const row = values.findIndex((cells) => cells[nameAt] === from);
      sheet.getRange(row + 1, nameAt + 1).setValue(`'${to}`);
    },
    [demo.spreadsheetId, from, to],
  );
}

describe('the homepage card in Drive', () => {
  const demo = demoWithWarnings();
  const panel = openCard(demo);
  const card = panel.card;

  it("shows the CIL the lead leads, with today's date", () => {
    expect(card.name).toBe('cil');
    expect(card.header).toMatchObject({ title: 'CIL Demo', subtitle: 'Lahore · 27 Nov 2026' });
    expect(card.sections.map((section) => section.header)).toEqual(['Health at a glance', 'Needs attention (2)', 'Waiting for you (2)', 'Actions']);
  });

  it("shows the CIL's health as the records have it", () => {
    const health = widgets({ ...card, sections: [sectionNamed(card, 'Health at a glance')] });
    // Twelve volunteers: Omar and Ali inactive, Maryam on leave, Noor new, eight active.
    expect(health[0]).toMatchObject({ topLabel: 'Members the rules track', text: '8 active · 0 at risk · 2 inactive', bottomLabel: '1 on leave · 1 new member (rules start after their first weeks)' });

    // The week's hours of the members on the roster (active, warned, on leave), logged by now, against
    // the commitments of those expected (active and warned, joined by Sunday).
    const roster = rosterOf(demo);
    const members = roster.filter((volunteer) => ['active', 'warned', 'on leave'].includes(volunteer.status));
    const expected = members.filter((volunteer) => volunteer.status !== 'on leave' && volunteer.joinedOn <= '2026-11-29');
    const monday = '2026-11-23';
    const logged = recordsOf(demo.sandbox, demo.spreadsheetId, hoursTab)
      .filter((entry) => entry.day >= monday && entry.day <= '2026-11-27' && Date.parse(entry.loggedAt) <= NOW && members.some((volunteer) => volunteer.id === entry.volunteerId))
      .reduce((sum, entry) => sum + entry.hours, 0);
    const settings = settingsOf(demo);
    const committed = expected.reduce((sum, volunteer) => sum + weeklyCommitmentOf(volunteer, settings), 0);
    expect(committed).toBe(50);
    expect(health[1]).toMatchObject({ topLabel: 'Hours this week', text: `${Math.round(logged * 100) / 100} h of ${committed} h committed` });

    const now = new Date(NOW);
    const events = recordsOf(demo.sandbox, demo.spreadsheetId, meetingsTab).filter(
      (meeting) => meeting.kind === 'event' && dayOf(dateOfInstant(meeting.startsAt as Instant), TIME_ZONE) >= '2026-10-01',
    );
    const held = events.filter((meeting) => Date.parse(meeting.endsAt) <= now.getTime());
    expect([events.length, held.length, settings.targetEvents]).toEqual([1, 1, 1]);
    expect(health[2]).toMatchObject({ topLabel: 'Events in 2026-Q4', text: '1 held: meets the target' });
    expect(health[3]).toEqual({ type: 'textParagraph', text: 'Not falling behind: no mentor check-in is due.' });
  });

  it('names the volunteers who need attention, with the reason', () => {
    const attention = sectionNamed(card, 'Needs attention (2)').widgets;
    expect(attention.map((widget) => widget.type === 'decoratedText' && widget.topLabel)).toEqual(['Inactive', 'Inactive']);
    expect(attention[0]).toMatchObject({ text: expect.stringMatching(/^<b>Omar Farooq<\/b>: Missed 2 consecutive calls and meetups without prior notice/) });
  });

  it('lists each proposed step with its evidence, a reason input, and Approve and Dismiss for that step', () => {
    const steps = sectionNamed(card, 'Waiting for you (2)').widgets;
    expect(steps.map((widget) => widget.type)).toEqual(['decoratedText', 'textParagraph', 'textInput', 'buttonSet', 'divider', 'decoratedText', 'textParagraph', 'textInput', 'buttonSet']);
    const [who, evidence, reason, buttons] = steps;
    expect(who).toMatchObject({ topLabel: expect.stringMatching(/^Warning · proposed 27 Nov 2026 · row \d+$/), text: '<b>Omar Farooq</b>' });
    expect(evidence).toMatchObject({ text: expect.stringMatching(/^Warning 1 of 2, inactive since 2026-11-19: Missed 2 consecutive calls/) });
    // The evidence quotes meeting titles; quotes are escaped like everything else.
    expect(evidence!.type === 'textParagraph' && evidence!.text).toContain('&quot;CIL meetup&quot;');
    if (buttons?.type !== 'buttonSet' || reason?.type !== 'textInput') throw new Error('unexpected widgets');
    const eventId = reason.fieldName.replace(/^dismissReason-/, '');
    expect(eventId).toMatch(/^a-[0-9a-f]{12}$/);
    expect(buttons.buttons.map((button) => [button.text, button.onClick])).toEqual([
      ['Approve', { action: { functionName: 'approveFromCard', parameters: { cilId: demo.cilId, eventId }, loadIndicator: 'SPINNER' } }],
      ['Dismiss', { action: { functionName: 'dismissFromCard', parameters: { cilId: demo.cilId, eventId }, loadIndicator: 'SPINNER' } }],
    ]);
  });

  it("offers the lead's actions, each running an entry point of the bundle, and links the Dashboard tab", () => {
    const names = expectRealEntryPoints(card);
    expect(new Set(names)).toEqual(
      new Set(['approveFromCard', 'dismissFromCard', 'runCheckFromCard', 'showEnrollmentFromCard', 'showReportsFromCard', 'refreshDashboardFromCard', 'turnOnScheduleFromCard', 'openCilFromCard']),
    );
    const dashboard = sheetState(demo.sandbox, demo.spreadsheetId, 'Dashboard');
    const open = buttonOf(panel, 'Open dashboard', 'Actions');
    expect(open.onClick).toEqual({ openLink: { url: expect.stringMatching(new RegExp(`/d/${demo.spreadsheetId}/.*#gid=${dashboard.sheetId}$`)), openAs: 'FULL_SIZE', onClose: 'NOTHING' } });
    // One CIL in this deployment: no "Other CILs".
    expect(buttonsOf(card).map(({ button }) => button.text)).not.toContain('Other CILs');
  });

  it('costs one read of each tab the rules read, and no wait', () => {
    const cost = costOf(panel.steps[0]!);
    const calls = panel.steps[0]!.execution.meter.callsByMethod;
    expect(calls['Range.getValues']).toBe(9); // Settings and the eight tabs the rules engine reads
    expect(calls['SpreadsheetApp.openById']).toBe(1);
    expect(calls['Range.setValues']).toBeUndefined();
    expect(cost.googleCalls).toBeLessThanOrEqual(50);
    expect(cost.simulatedMs).toBe(0);
  });
});

describe('which CIL the card shows', () => {
  it('in Calendar, the same card', () => {
    const demo = setUpDemo();
    expect(openCard(demo, { hostApp: 'CALENDAR' }).card.header?.title).toBe('CIL Demo');
  });

  it("in Sheets, asks to see the open spreadsheet, then shows that spreadsheet's CIL", () => {
    const demo = setUpDemo();
    const panel = openCard(demo, { hostApp: 'SHEETS', spreadsheetId: demo.spreadsheetId });
    // Until the lead lets it see the spreadsheet, the card shows the CIL they lead, and asks.
    expect(panel.card.sections[0]!.widgets[0]).toEqual({ type: 'textParagraph', text: 'To show the CIL of this spreadsheet, CIL Hub needs your permission to open it.' });
    clickOk(panel, buttonOf(panel, 'Use this spreadsheet'));
    expect(panel.fileScopeRequested).toBe(true);
    const granted = panel.grantFileScope()!;
    expect(granted.problem).toBeNull();
    expect(granted.execution.functionName).toBe('onFileScopeGranted');
    expect(panel.card.header?.title).toBe('CIL Demo');
    expect(panel.card.sections[0]!.header).toBe('Health at a glance');
  });

  it('in a spreadsheet that is no CIL’s, says so above the CIL the person leads', () => {
    const demo = setUpDemo();
    const other = asLead(demo.sandbox, () => SpreadsheetApp.create('Budget <2026>').getId(), []);
    demo.sandbox.state.addOnFileScopes = [other];
    const panel = openCard(demo, { hostApp: 'SHEETS', spreadsheetId: other });
    expect(panel.card.sections[0]!.widgets[0]).toMatchObject({ text: expect.stringContaining('“Budget &lt;2026&gt;” is not a CIL spreadsheet of this deployment') });
    expect(panel.card.header?.title).toBe('CIL Demo');
  });

  it('offers a chooser to a lead of several CILs, and remembers the choice', () => {
    const demo = setUpDemo();
    const karachi = runOk<{ cilId: string }>(demo.sandbox, 'setUpCil', [{ name: 'CIL Karachi <South>', city: 'Karachi', leadEmails: [LEAD] }]);
    runOk(demo.sandbox, 'setUpCil', [{ name: 'CIL Quetta', leadEmails: ['someone@else.example'] }]);
    const panel = openCard(demo);
    expect(panel.card.name).toBe('choose');
    const choices = widgets(panel.card).filter((widget) => widget.type === 'decoratedText');
    expect(choices.map((widget) => widget.type === 'decoratedText' && widget.text)).toEqual(['CIL Demo', 'CIL Karachi &lt;South&gt;']);
    expectRealEntryPoints(panel.card);
    clickOk(panel, buttonOf(panel, 'Open', 'Your CILs', 1));
    expect(panel.card.header).toMatchObject({ title: 'CIL Karachi <South>', subtitle: 'Karachi · 27 Nov 2026' });
    expect(panel.notifications).toEqual(['Showing CIL Karachi <South> as of now.']);
    expect(buttonsOf(panel.card).map(({ button }) => button.text)).toContain('Other CILs');
    // Opened again, it goes straight to the chosen CIL.
    expect(openCard(demo).card.header?.title).toBe('CIL Karachi <South>');
    expect(karachi.cilId).toBe('cil-karachi-south');
  });

  it("offers the other CILs from a CIL's card when the deployment serves several", () => {
    const demo = setUpDemo();
    runOk(demo.sandbox, 'setUpCil', [{ name: 'CIL Quetta', leadEmails: ['someone@else.example'] }]);
    const panel = openCard(demo);
    // The lead leads one of the two: straight to its card, the chooser one click away.
    expect(panel.card.header?.title).toBe('CIL Demo');
    clickOk(panel, buttonOf(panel, 'Other CILs'));
    expect(panel.cards.map((card) => card.name)).toEqual(['cil', 'choose']);
    expect(widgets(panel.card).map((widget) => widget.type === 'decoratedText' && widget.text)).toEqual(['CIL Demo']);
    clickOk(panel, buttonOf(panel, 'Open'));
    expect(panel.cards.map((card) => card.name)).toEqual(['cil']);
  });

  it('tells someone no CIL lists as a lead how to get there', () => {
    const demo = setUpDemo();
    demo.sandbox.state.user = { ...demo.sandbox.state.user, email: 'visitor@example.org' };
    const card = openCard(demo).card;
    expect(card.name).toBe('choose');
    expect(textOf(card)).toContain('No CIL in this deployment lists visitor@example.org among its lead emails.');
  });
});

describe('the card and the Dashboard tab', () => {
  it('agree on the week and the quarter: the same members, held events only, the target in Settings', () => {
    const demo = setUpDemo();
    // Hours this week from a member on leave, an event still to come this quarter, and a target of two.
    const maryam = rosterOf(demo).find((volunteer) => volunteer.status === 'on leave')!;
    pasteRecords(demo.sandbox, demo.spreadsheetId, hoursTab, [
      { id: 'h-on-leave', volunteerId: maryam.id, day: '2026-11-24', hours: 2.5, category: 'project work', source: 'sheet', loggedAt: '2026-11-24T12:00:00.000Z' },
    ]);
    pasteRecords(demo.sandbox, demo.spreadsheetId, meetingsTab, [
      { id: 'm-planned', kind: 'event', title: 'Open data day', startsAt: '2026-12-12T05:00:00.000Z', endsAt: '2026-12-12T10:00:00.000Z', expectedAttendees: 'all' },
    ]);
    setSetting(demo, 'Target: events per quarter', 2);
    runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
    const glance = table(demo, 'At a glance')[0]!;
    const card = openCard(demo).card;
    const health = widgets({ ...card, sections: [sectionNamed(card, 'Health at a glance')] });

    expect(health[0]).toMatchObject({ text: `${glance['Active members']} active · ${glance['At risk']} at risk · ${glance.Inactive} inactive` });
    expect(health[1]).toMatchObject({ text: `${glance['Hours this week']} h of ${glance['Committed this week']} h committed` });
    expect(health[2]).toMatchObject({ text: `${glance['Events this quarter']} held: below the target of 2 (1 planned)` });
    const review = table(demo, 'Quarterly review 2026-Q4').find((row) => row['Key result'] === 'Events held')!;
    expect(review).toMatchObject({ Actual: glance['Events this quarter'], Target: 2, Status: 'behind' });
  });
});

describe('text on the card', () => {
  it('keeps a hostile volunteer name and evidence as text', () => {
    const demo = setUpDemo();
    renameVolunteer(demo, 'Omar Farooq', '<script>alert(1)</script> =IMPORTXML("http://x","//a")');
    runOk(demo.sandbox, 'runDailyCheck');
    const card = openCard(demo).card;
    const text = textOf(card);
    expect(text).not.toContain('<script>');
    expect(text).toContain('<b>&lt;script&gt;alert(1)&lt;/script&gt; =IMPORTXML(&quot;http://x&quot;,&quot;//a&quot;)</b>');
    // The sheet still holds the name as text, never a formula.
    const volunteers = sheetState(demo.sandbox, demo.spreadsheetId, 'Volunteers');
    expect(volunteers.formulas ?? {}).toEqual({});
  });
});
