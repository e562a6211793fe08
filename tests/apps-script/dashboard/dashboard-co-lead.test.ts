/// <reference types="google-apps-script" />
import { describe, expect, it } from 'vitest';
import { storiesTab } from '../../../shared/records/story';
import { asLead, sheetState } from '../as-lead';
import { runOk } from '../built-bundle';
import { buttonOf, clickOk, openCard } from '../card/card-fixture';
import { logOf, recordsOf, setSetting, setUpDemo, volunteerNamed, type Demo } from '../daily-run-fixture';
import { dashboardSheet, table } from './dashboard-fixture';

// A CIL has more than one lead, and Sheets holds a script to the protections of whoever runs it: the
// lead who clicks a card button or a menu item, or the lead who turned the schedule on. The demo's
// spreadsheet belongs to its lead (the owner); a co-lead edits it, is listed in "Lead emails", and is
// no editor of the protected header rows. The Dashboard's protection only warns, so they refresh it;
// the header rows stay the owner's.

const OWNER = 'lead@cil-demo.example';
const CO_LEAD = 'co-lead@cil-demo.example';
const HOUR = 3600_000;
const REFUSED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** The demo, shared with a co-lead who is one of its "Lead emails", and the Dashboard emptied by the owner. */
function sharedDemo(): Demo {
  const demo = setUpDemo();
  asLead(demo.sandbox, (id: string, editor: string) => SpreadsheetApp.openById(id).addEditor(editor), [demo.spreadsheetId, CO_LEAD]);
  setSetting(demo, 'Lead emails', `${OWNER}, ${CO_LEAD}`);
  asLead(demo.sandbox, (id: string) => SpreadsheetApp.openById(id).getSheetByName('Dashboard')!.clearContents(), [demo.spreadsheetId]);
  return demo;
}

function as(demo: Demo, email: string): void {
  demo.sandbox.state.user = { ...demo.sandbox.state.user, email };
}

const dashboardTitle = (demo: Demo) => dashboardSheet(demo).values[0]?.[0];

describe('a co-lead (not the spreadsheet owner)', () => {
  it('refreshes the Dashboard from the card', () => {
    const demo = sharedDemo();
    as(demo, CO_LEAD);
    const panel = openCard(demo);
    expect(panel.card.header?.title).toBe('CIL Demo');

    clickOk(panel, buttonOf(panel, 'Refresh dashboard'));

    expect(panel.notifications).toEqual([expect.stringMatching(/^Refreshed the Dashboard of CIL Demo: 2 on the at-risk list;/)]);
    expect(dashboardTitle(demo)).toBe('CIL Demo dashboard');
    expect(table(demo, 'At risk')).toHaveLength(2);
  });

  it('runs the check from the card: log rows, emails and the Dashboard', () => {
    const demo = sharedDemo();
    setSetting(demo, 'Mode', 'automatic');
    as(demo, CO_LEAD);
    const panel = openCard(demo);

    clickOk(panel, buttonOf(panel, 'Run check now'));

    expect(panel.notifications[0]).toMatch(/^Checked CIL Demo: 10 new steps in the log;/);
    expect(volunteerNamed(demo, 'Omar Farooq').status).toBe('warned');
    expect(table(demo, 'At risk').map((row) => row['Roster status'])).toEqual(['warned', 'warned']);
  });

  it('refreshes the Dashboard from the menu, told what it did in an alert', () => {
    const demo = sharedDemo();
    as(demo, CO_LEAD);
    demo.sandbox.openSpreadsheet(demo.spreadsheetId);

    const chosen = demo.sandbox.chooseMenuItem(demo.spreadsheetId, 'refreshDashboardFromMenu');

    expect(chosen.error).toBeNull();
    expect(demo.sandbox.state.ui.shown.at(-1)).toMatchObject({
      kind: 'alert',
      title: 'Refresh dashboard',
      content: expect.stringMatching(/^Refreshed the Dashboard of CIL Demo: 2 on the at-risk list; 2026-Q4 targets: \d+ met, \d+ behind\.$/),
    });
    expect(dashboardTitle(demo)).toBe('CIL Demo dashboard');
  });

  it('cannot turn the schedule on (the admin runs it), and the card tells them whose it is', () => {
    const demo = sharedDemo();
    as(demo, CO_LEAD);
    const refused = demo.sandbox.run('turnOnSchedule', [demo.cilId]);
    expect(refused.error).toBe(`Error: Only ${OWNER}, who runs this CIL Hub deployment, can turn the daily check on. Nothing was changed.`);
    expect(demo.sandbox.state.triggers).toEqual([]);
    const panel = openCard(demo);
    expect(() => buttonOf(panel, 'Turn on schedule')).toThrow();
    expect(JSON.stringify(panel.card)).toContain(`The daily check is off, run by ${OWNER}.`);

    as(demo, OWNER);
    runOk(demo.sandbox, 'turnOnSchedule', [demo.cilId]);
    as(demo, CO_LEAD);
    expect(JSON.stringify(openCard(demo).card)).toContain(`The daily check is on, run by ${OWNER}.`);
  });

  it("has the Dashboard kept fresh by the admin's schedule", () => {
    const demo = sharedDemo();
    setSetting(demo, 'Mode', 'automatic');
    runOk(demo.sandbox, 'turnOnSchedule', [demo.cilId]);
    expect(demo.sandbox.state.triggers.map((trigger) => trigger.owner)).toEqual([OWNER, OWNER]);

    // Saturday's daily run, then Sunday's and Monday's with the weekly tasks.
    const ran = demo.sandbox.advance(3 * 24 * HOUR);

    expect(ran.map((run) => run.functionName).sort()).toEqual(['runDailyCheck', 'runDailyCheck', 'runDailyCheck', 'runWeeklyTasks']);
    expect(ran.map((run) => run.error)).toEqual([null, null, null, null]);
    for (const run of ran.filter((candidate) => candidate.functionName === 'runDailyCheck')) expect((run.value as { failed: unknown[] }).failed).toEqual([]);
    expect(demo.sandbox.state.logs.filter((line) => /not refreshed|stopped/.test(line.message))).toEqual([]);
    expect(dashboardTitle(demo)).toBe('CIL Demo dashboard');
    expect(sheetState(demo.sandbox, demo.spreadsheetId, 'Dashboard').values[1]![0]).toMatch(/^Refreshed 2026-11-30 /);
    expect(logOf(demo).filter((event) => event.kind === 'warning').map((event) => event.status)).toEqual(['sent', 'sent']);
  });

  it("uses every form, the roster, enrollment, the review and the reports, none of which touches a header row", () => {
    const demo = sharedDemo();
    runOk(demo.sandbox, 'runDailyCheck');
    as(demo, CO_LEAD);
    const inSheet = (functionName: string, args: unknown[]) => demo.sandbox.run(functionName, args, { activeSpreadsheetId: demo.spreadsheetId, trigger: 'menu' });
    const meeting = inSheet('recordMeeting', [{ kind: 'CIL meetup', title: 'December meetup', startsAt: '2026-12-05 18:00', endsAt: '2026-12-05 20:00' }]);
    const omar = volunteerNamed(demo, 'Omar Farooq');
    const warnings = logOf(demo).filter((event) => event.kind === 'warning');
    const runs = [
      meeting,
      inSheet('logAbsenceNotice', [{ volunteerId: omar.id, meetingId: (meeting.value as { record: { id: string } }).record.id, reason: 'Exams' }]),
      inSheet('addCitizen', [{ name: 'Rabia Anwar', contact: 'rabia@example.org', consentGivenOn: '2026-11-26', consentText: 'Contact me about civic projects.', consent: true }]),
      inSheet('addVolunteer', [{ name: 'Zara Khan', email: 'zara@example.org', role: 'member' }]),
      demo.sandbox.run('revokeEnrollment', [omar.id, demo.cilId]),
      demo.sandbox.run('sendEnrollment', [[omar.id], demo.cilId]),
      demo.sandbox.run('approveAction', [warnings[0]!.id, demo.cilId]),
      demo.sandbox.run('dismissAction', [warnings[1]!.id, 'Spoke on the phone', demo.cilId]),
      demo.sandbox.run('generateReport', [{ cilId: demo.cilId, kind: 'monthly progress update', period: '2026-10' }]),
      demo.sandbox.run('runWeeklyTasks', []),
      demo.sandbox.run('setUpCil', [{ name: 'CIL Demo', city: 'Lahore', timeZone: 'Asia/Karachi', cfpLeadEmail: 'cil-leads@codeforpakistan.example' }]),
    ];
    expect(runs.map((run) => [run.functionName, run.error])).toEqual(runs.map((run) => [run.functionName, null]));
    expect(runs.at(-3)!.value).toMatchObject({ ok: true });
    expect(volunteerNamed(demo, 'Omar Farooq').status).toBe('warned');
  });

  it('records a story from the sidebar, below the header row they may not change', () => {
    const demo = sharedDemo();
    as(demo, CO_LEAD);
    const before = recordsOf(demo.sandbox, demo.spreadsheetId, storiesTab).length;
    const saved = demo.sandbox.run('recordStory', [{ kind: 'blog post', title: 'A co-lead writes', publishedOn: '2026-11-26' }], { activeSpreadsheetId: demo.spreadsheetId, trigger: 'menu' });
    expect(saved.error).toBeNull();
    expect(recordsOf(demo.sandbox, demo.spreadsheetId, storiesTab)).toHaveLength(before + 1);

    // The header rows are still the owner's alone.
    expect(() =>
      asLead(demo.sandbox, (id: string) => SpreadsheetApp.openById(id).getSheetByName('Stories')!.getRange(1, 1).setValue('Mine'), [demo.spreadsheetId]),
    ).toThrow(REFUSED);
  });
});
