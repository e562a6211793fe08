import { describe, it, expect } from 'vitest';
import { accountabilityTab } from '../../shared/records/accountability';
import { cellsFromRecord, readHeader } from '../../shared/records/row-codec';
import { asLead, sheetState } from './as-lead';
import { runOk } from './built-bundle';
import { logOf, rosterOf, setUpDemo, TIME_ZONE, volunteerNamed, workspaceOf, type Demo } from './daily-run-fixture';

// The lead decides: proposed steps are approved or dismissed, one log row at a time, and the roster follows.

const warningOf = (demo: Demo, name: string) => logOf(demo).find((e) => e.kind === 'warning' && e.volunteerId === volunteerNamed(demo, name).id)!;

describe('pending actions', () => {
  it('approving a proposed warning marks it approved by the lead and the volunteer warned', () => {
    const demo = setUpDemo();
    runOk(demo.sandbox, 'runDailyCheck');
    const warning = warningOf(demo, 'Omar Farooq');
    demo.sandbox.advance(3600_000);
    const decision = runOk<{ rosterChanges: unknown[] }>(demo.sandbox, 'approveAction', [warning.id]);
    const row = logOf(demo).find((e) => e.id === warning.id)!;
    expect(row).toMatchObject({ status: 'sent', emailSentAt: '2026-11-27T06:00:00.000Z', by: 'lead@cil-demo.example', at: '2026-11-27T06:00:00.000Z', checkKey: warning.checkKey, evidence: warning.evidence });
    expect(volunteerNamed(demo, 'Omar Farooq').status).toBe('warned');
    expect(decision.rosterChanges).toHaveLength(1);
    // Only that row changed: the other warning still waits.
    expect(warningOf(demo, 'Ali Hassan').status).toBe('proposed');
    expect(demo.sandbox.run('approveAction', [warning.id]).error).toMatch(/already sent/);
    // The next day's check proposes nothing new for it.
    const next = demo.sandbox.advance(24 * 3600_000);
    expect(next).toEqual([]);
    const run = runOk<{ checked: { steps: { checkKey: string }[] }[] }>(demo.sandbox, 'runDailyCheck');
    expect(run.checked[0]!.steps.map((s) => s.checkKey)).not.toContain(warning.checkKey);
  });

  it('dismissing needs a reason, keeps it with the evidence, and leaves the roster alone', () => {
    const demo = setUpDemo();
    runOk(demo.sandbox, 'runDailyCheck');
    const warning = warningOf(demo, 'Ali Hassan');
    const before = workspaceOf(demo.sandbox);
    expect(demo.sandbox.run('dismissAction', [warning.id, '  ']).error).toMatch(/Say why the step is dismissed/);
    expect(demo.sandbox.run('dismissAction', ['a-nothing', 'x']).error).toMatch(/No step with the Event ID "a-nothing"/);
    expect(workspaceOf(demo.sandbox)).toEqual(before);
    runOk(demo.sandbox, 'dismissAction', [warning.id, 'Told me on WhatsApp: <exams>']);
    const row = logOf(demo).find((e) => e.id === warning.id)!;
    expect(row.status).toBe('dismissed');
    expect(row.evidence).toBe(`${warning.evidence}\nDismissed by lead@cil-demo.example: Told me on WhatsApp: <exams>`);
    expect(volunteerNamed(demo, 'Ali Hassan').status).toBe('active');
    const run = runOk<{ checked: { steps: { checkKey: string }[] }[] }>(demo.sandbox, 'runDailyCheck');
    expect(run.checked[0]!.steps).toEqual([]);
  });

  it('approving an offboarding marks the volunteer offboarded and revokes their enrollment code', () => {
    const demo = setUpDemo();
    const omar = volunteerNamed(demo, 'Omar Farooq');
    expect(omar.tokenHash).toBeDefined();
    const values = sheetState(demo.sandbox, demo.spreadsheetId, accountabilityTab.name).values;
    const header = readHeader(accountabilityTab, values[0]!);
    if (!header.ok) throw new Error(header.message);
    const cells = cellsFromRecord(
      accountabilityTab,
      header.index,
      { id: 'a-offboard1', volunteerId: omar.id, kind: 'offboarding', at: '2026-11-27T04:00:00.000Z', by: 'daily check', evidence: 'Two warnings, still inactive.', status: 'proposed', checkKey: `offboarding:${omar.id}:2026-11-27` },
      { timeZone: TIME_ZONE },
    );
    asLead(demo.sandbox, (id: string, row: unknown[]) => SpreadsheetApp.openById(id).getSheetByName('Accountability log')!.appendRow(row), [demo.spreadsheetId, cells]);
    runOk(demo.sandbox, 'approveAction', ['a-offboard1', demo.cilId]);
    const after = rosterOf(demo).find((v) => v.id === omar.id)!;
    expect(after.status).toBe('offboarded');
    expect(after.tokenRevokedAt).toBe('2026-11-27T05:00:00.000Z');
  });

  it('lists the proposed steps in a sidebar, every value escaped', () => {
    const demo = setUpDemo();
    runOk(demo.sandbox, 'runDailyCheck');
    const omarWarning = warningOf(demo, 'Omar Farooq').id;
    const aliWarning = warningOf(demo, 'Ali Hassan').id;
    runOk(demo.sandbox, 'dismissAction', [aliWarning, 'ok']);
    asLead(demo.sandbox, (id: string) => {
      const sheet = SpreadsheetApp.openById(id).getSheetByName('Volunteers')!;
      const values = sheet.getDataRange().getValues();
      const nameAt = values[0]!.indexOf('Name');
      const row = values.findIndex((cells) => cells[nameAt] === 'Omar Farooq');
      sheet.getRange(row + 1, nameAt + 1).setValue("'<b>Omar</b>");
    }, [demo.spreadsheetId]);
    demo.sandbox.openSpreadsheet(demo.spreadsheetId);
    const shown = demo.sandbox.chooseMenuItem(demo.spreadsheetId, 'openPendingActionsSidebar');
    expect(shown.error).toBeNull();
    const page = JSON.stringify(demo.sandbox.state.ui.shown.at(-1));
    expect(page).toContain('&lt;b&gt;Omar&lt;/b&gt;');
    expect(page).not.toContain('<b>Omar');
    expect(page).toContain(omarWarning);
    expect(page).not.toContain(aliWarning);
  });

  it('"Preview daily check…" shows the steps, roster changes and emails a run would make, escaped, and changes nothing', () => {
    const demo = setUpDemo();
    asLead(demo.sandbox, (id: string) => {
      const sheet = SpreadsheetApp.openById(id).getSheetByName('Volunteers')!;
      const values = sheet.getDataRange().getValues();
      const nameAt = values[0]!.indexOf('Name');
      const row = values.findIndex((cells) => cells[nameAt] === 'Omar Farooq');
      sheet.getRange(row + 1, nameAt + 1).setValue("'<b>Omar</b>");
    }, [demo.spreadsheetId]);
    demo.sandbox.openSpreadsheet(demo.spreadsheetId);
    const before = workspaceOf(demo.sandbox);
    const preview = runOk<{ cils: { steps: { type: string }[]; emails: { to: string[] }[] }[] }>(demo.sandbox, 'previewDailyCheck', [demo.cilId]);
    const shown = demo.sandbox.chooseMenuItem(demo.spreadsheetId, 'openDailyCheckPreviewSidebar');
    expect(shown.error).toBeNull();
    expect(workspaceOf(demo.sandbox)).toEqual(before);
    const page = demo.sandbox.state.ui.shown.at(-1)!;
    expect(page.kind).toBe('sidebar');
    const markup = page.content;
    expect(markup).toContain('&lt;b&gt;Omar&lt;/b&gt;');
    expect(markup).not.toContain('<b>Omar');
    expect(preview.cils[0]!.steps.length).toBeGreaterThan(0);
    expect((markup.match(/<li><strong>/g) ?? []).length).toBe(preview.cils[0]!.steps.length);
    expect(preview.cils[0]!.emails.length).toBeGreaterThan(0);
    for (const email of preview.cils[0]!.emails) expect(markup).toContain(`to ${email.to.join(', ')}`);
    expect(markup).toContain('waits for a lead to approve it');
  });
});
