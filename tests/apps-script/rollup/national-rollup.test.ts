/// <reference types="google-apps-script" />
import { describe, expect, it } from 'vitest';
import { accountabilityTab, type AccountabilityEvent } from '../../../shared/records/accountability';
import { attendanceTab } from '../../../shared/records/attendance';
import { deliverablesTab } from '../../../shared/records/deliverable';
import { hoursTab } from '../../../shared/records/hours';
import { meetingsTab } from '../../../shared/records/meeting';
import { volunteersTab } from '../../../shared/records/volunteer';
import type { CellValue } from '../../../sandbox/src/workspace';
import { sheetState } from '../as-lead';
import { runOk } from '../built-bundle';
import { recordsOf, setScriptProperty, setSetting, workspaceOf } from '../daily-run-fixture';
import { CIL_CFP_LEAD, deleteColumn, LAGGING_NAME, NATIONAL_LEAD, setUpNational, setUpThreeCils, tabRows, type TestCil, type ThreeCils } from './rollup-fixture';

// The national rollup through the built bundle: three CILs set up as leads would, one of them falling
// behind; the national spreadsheet's rows checked against figures worked out here from the CILs' own
// rows; the mentor check-in in that CIL's log and the CfP lead's email; a second run changing nothing;
// a CIL that cannot be read; and the daily run ending with the rollup.

interface RollupResult {
  spreadsheetId: string;
  rolledUp: { cilId: string; quarters: string[]; fallingBehind: boolean }[];
  fallingBehind: { cilId: string; name: string; reasons: string[]; checkIn: { eventId: string; status: string; by: string; proposedNow: boolean } | null }[];
  notRead: { cilId: string; name: string; problem: string }[];
  rows: { updated: number; added: number };
  email: { to: string[]; subject: string; mail: string; problem?: string } | null;
  problems: { cilId: string; name: string; problem: string }[];
}

const NOW = '2026-11-27T05:00:00.000Z';
const TODAY = '2026-11-27';
const QUARTERS: Record<string, [string, string]> = { '2026-Q2': ['2026-04-01', '2026-06-30'], '2026-Q3': ['2026-07-01', '2026-09-30'], '2026-Q4': ['2026-10-01', '2026-12-31'] };
const QUARTER_ROWS = 'By CIL and quarter';
const FIGURES = [
  'Active members',
  'New members',
  'Hours logged',
  'Events held',
  'Meetups held',
  'CfP calls held',
  'CfP calls a lead attended',
  'Reports due',
  'Reports on time',
  'Reports late',
  'Reports overdue',
  'Warnings',
  'Offboardings',
  'Mentor check-ins',
] as const;

/**
 * Each quarter's figures worked out here from the CIL's own rows, by plain counting. Every time in the
 * fixture falls on the same calendar day in Karachi as in UTC, so a day is the first ten characters.
 */
function recomputed(cils: ThreeCils, cil: TestCil): Record<string, CellValue>[] {
  const { sandbox } = cils;
  const volunteers = recordsOf(sandbox, cil.spreadsheetId, volunteersTab);
  const meetings = recordsOf(sandbox, cil.spreadsheetId, meetingsTab);
  const attendance = recordsOf(sandbox, cil.spreadsheetId, attendanceTab);
  const hours = recordsOf(sandbox, cil.spreadsheetId, hoursTab);
  const deliverables = recordsOf(sandbox, cil.spreadsheetId, deliverablesTab);
  const log = recordsOf(sandbox, cil.spreadsheetId, accountabilityTab);
  const leads = new Set(volunteers.filter((v) => v.role !== 'member').map((v) => v.id));
  const presentAt = (meetingId: string) => attendance.filter((a) => a.meetingId === meetingId && a.status === 'present' && (a.minutes ?? 0) >= 5).map((a) => a.volunteerId);
  return Object.entries(QUARTERS).map(([quarter, [first, last]]) => {
    const inQuarter = (day: string) => day >= first && day <= last && day <= TODAY;
    const held = meetings.filter((m) => inQuarter(m.startsAt.slice(0, 10)) && m.endsAt <= NOW);
    const ofKind = (kind: string) => held.filter((m) => m.kind === kind);
    const worked = hours.filter((h) => inQuarter(h.day));
    const due = deliverables.filter((d) => d.dueOn >= first && d.dueOn <= last && d.status !== 'waived' && (d.submittedOn !== undefined || d.dueOn < TODAY));
    const taken = (kind: string) => log.filter((e) => e.kind === kind && ['approved', 'sent'].includes(e.status) && inQuarter(e.at.slice(0, 10))).length;
    return {
      'CIL ID': cil.cilId,
      CIL: cil.name,
      Quarter: quarter,
      'Quarter is': last < TODAY ? 'complete' : 'so far',
      'Active members': new Set([...worked.map((h) => h.volunteerId), ...held.flatMap((m) => presentAt(m.id))]).size,
      'New members': volunteers.filter((v) => inQuarter(v.joinedOn)).length,
      'Hours logged': worked.reduce((sum, h) => sum + h.hours, 0),
      'Events held': ofKind('event').length,
      'Meetups held': ofKind('CIL meetup').length,
      'CfP calls held': ofKind('monthly CfP call').length,
      'CfP calls a lead attended': ofKind('monthly CfP call').filter((m) => presentAt(m.id).some((id) => leads.has(id))).length,
      'Reports due': due.length,
      'Reports on time': due.filter((d) => d.submittedOn !== undefined && d.submittedOn <= d.dueOn).length,
      'Reports late': due.filter((d) => d.submittedOn !== undefined && d.submittedOn > d.dueOn).length,
      'Reports overdue': due.filter((d) => d.submittedOn === undefined).length,
      Warnings: taken('warning'),
      Offboardings: taken('offboarding'),
      'Mentor check-ins': taken('mentor check-in'),
    };
  });
}

const pick = (row: Record<string, CellValue>): Record<string, CellValue> => Object.fromEntries(['CIL ID', 'CIL', 'Quarter', 'Quarter is', ...FIGURES].map((name) => [name, row[name] ?? '']));
const logOfCil = (cils: ThreeCils, cil: TestCil): AccountabilityEvent[] => recordsOf(cils.sandbox, cil.spreadsheetId, accountabilityTab);
const nationalChecks = (cils: ThreeCils, cil: TestCil) => logOfCil(cils, cil).filter((e) => e.kind === 'mentor check-in');

function rolledUp(): { cils: ThreeCils; nationalId: string; result: RollupResult } {
  const cils = setUpThreeCils();
  const nationalId = setUpNational(cils).spreadsheetId;
  return { cils, nationalId, result: runOk<RollupResult>(cils.sandbox, 'runNationalRollup') };
}

describe('setUpNationalRollup', () => {
  it('makes "CIL Hub — national rollup" in CfP’s folder with its tabs, and adopts it the second time without a change', () => {
    const cils = setUpThreeCils();
    const first = setUpNational(cils);
    expect(first.created).toEqual(['spreadsheet "CIL Hub — national rollup"', 'tab "By CIL and quarter"', 'tab "Falling behind"', 'tab "Trend"', 'setting']);
    const file = cils.sandbox.state.drive.items[first.spreadsheetId]!;
    expect([file.name, file.parents]).toEqual(['CIL Hub — national rollup', [cils.folderId]]);
    const book = cils.sandbox.state.spreadsheets[first.spreadsheetId]!;
    expect(book.sheets.map((sheet) => [sheet.name, sheet.frozenRows, sheet.protections.length])).toEqual([
      ['By CIL and quarter', 1, 1],
      ['Falling behind', 1, 1],
      ['Trend', 1, 1],
    ]);
    expect(sheetState(cils.sandbox, first.spreadsheetId, QUARTER_ROWS).values[0]!.slice(0, 4)).toEqual(['CIL ID', 'CIL', 'Quarter', 'Quarter is']);
    expect(JSON.parse(cils.sandbox.state.properties.script['rollup:national']!)).toMatchObject({ spreadsheetId: first.spreadsheetId, folderId: cils.folderId, cfpLeadEmail: NATIONAL_LEAD });

    const before = workspaceOf(cils.sandbox);
    const again = runOk<{ spreadsheetId: string; created: string[] }>(cils.sandbox, 'setUpNationalRollup', [{ cfpLeadEmail: NATIONAL_LEAD }]);
    expect(again).toMatchObject({ spreadsheetId: first.spreadsheetId, created: [] });
    expect(workspaceOf(cils.sandbox)).toEqual(before);
  });

  it.each([
    { name: 'no CfP lead', options: {}, error: 'Cannot set up the national rollup: option "cfpLeadEmail" is missing. Nothing was changed.' },
    { name: 'not an email', options: { cfpLeadEmail: 'the CfP lead' }, error: 'option "cfpLeadEmail" must be an email address like name@example.org' },
    { name: 'an unknown option', options: { cfpLeadEmail: NATIONAL_LEAD, folder: 'x' }, error: 'there is no option "folder"' },
    { name: 'a folder that is not there', options: { cfpLeadEmail: NATIONAL_LEAD, folderId: 'no-such-folder' }, error: 'option "folderId" names no folder in your Drive' },
  ])('refuses $name and changes nothing', ({ options, error }) => {
    const cils = setUpThreeCils();
    const before = workspaceOf(cils.sandbox);
    expect(cils.sandbox.run('setUpNationalRollup', [options]).error).toContain(error);
    expect(workspaceOf(cils.sandbox)).toEqual(before);
  });

  it('runNationalRollup says how to set it up first', () => {
    const cils = setUpThreeCils();
    expect(cils.sandbox.run('runNationalRollup', []).error).toContain('The national rollup is not set up: run setUpNationalRollup({ folderId, cfpLeadEmail }) first.');
  });
});

describe('runNationalRollup', () => {
  it('writes one row per CIL and quarter, each figure as the CILs’ own rows give it', () => {
    const { cils, nationalId, result } = rolledUp();
    expect(result.rows).toEqual({ updated: 0, added: 9 });
    expect(result.rolledUp.map((cil) => [cil.cilId, cil.quarters])).toEqual(
      [cils.lagging, cils.karachi, cils.lahore].map((cil) => [cil.cilId, ['2026-Q2', '2026-Q3', '2026-Q4']]),
    );
    const rows = tabRows(cils.sandbox, nationalId, QUARTER_ROWS).map(pick);
    const expected = cils.cils.flatMap((cil) => recomputed(cils, cil));
    const byKey = (row: Record<string, CellValue>) => `${row['CIL ID']}|${row.Quarter}`;
    expect([...rows].sort((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual([...expected].sort((a, b) => byKey(a).localeCompare(byKey(b))));
    // The figures are not all zero: the CILs keeping up held their calls, meetups and an event in Q3.
    expect(rows.find((row) => row['CIL ID'] === cils.lahore.cilId && row.Quarter === '2026-Q3')).toMatchObject({ 'Events held': 1, 'Meetups held': 3, 'CfP calls a lead attended': 3, 'Hours logged': 10.5 });
    // The rollup's own check-in, written before the tab, is counted in its quarter.
    expect(rows.find((row) => row['CIL ID'] === cils.lagging.cilId && row.Quarter === '2026-Q4')!['Mentor check-ins']).toBe(1);
  });

  it('keeps names as text, never formulas', () => {
    const { cils, nationalId } = rolledUp();
    const sheet = sheetState(cils.sandbox, nationalId, QUARTER_ROWS);
    expect(sheet.values.slice(1).map((row) => row[1])).toContain(LAGGING_NAME);
    expect(sheet.formulas ?? {}).toEqual({});
    expect(sheetState(cils.sandbox, nationalId, 'Falling behind').formulas ?? {}).toEqual({});
  });

  it('lists the CIL falling behind with its reasons: the rules engine’s and being behind on most KPIs', () => {
    const { cils, nationalId, result } = rolledUp();
    expect(result.rolledUp.filter((cil) => cil.fallingBehind).map((cil) => cil.cilId)).toEqual([cils.lagging.cilId]);
    const reasons = [
      'No monthly CfP call in 2026-10.',
      '1 report more than 7 days overdue: events & meetups report "Events, October" [uet-d1] due 2026-11-02.',
      'Behind on 7 of 8 KPIs in 2026-Q3: Events held 0 (target 1); CIL meetups held 0 (target 3); Monthly CfP calls a lead attended 0 (target 3); ' +
        'Active members (hours or a meeting) 0 (target 8); New members 0 (target 3); Hours logged 0 (target 117); Stories published 0 (target 3).',
    ];
    expect(result.fallingBehind.map((cil) => [cil.cilId, cil.reasons])).toEqual([[cils.lagging.cilId, reasons]]);
    const [row, ...others] = tabRows(cils.sandbox, nationalId, 'Falling behind');
    expect(others).toEqual([]);
    expect(row).toMatchObject({ 'CIL ID': cils.lagging.cilId, CIL: LAGGING_NAME, Quarter: '2026-Q4', Status: 'falling behind', Reasons: reasons.join('\n') });
    expect(row!['Mentor check-in']).toBe(`${result.fallingBehind[0]!.checkIn!.eventId} (sent, by national rollup, 2026-11-27)`);
  });

  it('proposes one mentor check-in to the CfP lead: a row in that CIL’s log, and one email, escaped', () => {
    const { cils, result } = rolledUp();
    const [check, ...more] = nationalChecks(cils, cils.lagging);
    expect(more).toEqual([]);
    expect(check).toMatchObject({ kind: 'mentor check-in', by: 'national rollup', status: 'sent', checkKey: 'mentor-check-in:cil:national:2026-Q4', at: NOW, emailSentAt: NOW });
    expect(check).not.toHaveProperty('volunteerId');
    expect(check!.evidence).toMatch(/^Mentor check-in proposed to the CfP lead \(national\.lead@codeforpakistan\.example\) by the national rollup: =1\+1 CIL <Quetta> & "Co" is falling behind in 2026-Q4\. No monthly CfP call in 2026-10\./);
    expect(result.fallingBehind[0]!.checkIn).toEqual({ eventId: check!.id, status: 'sent', by: 'national rollup', proposedNow: true });
    expect(nationalChecks(cils, cils.lahore)).toEqual([]);
    expect(nationalChecks(cils, cils.karachi)).toEqual([]);

    const outbox = cils.sandbox.state.mail.outbox;
    expect(outbox.map((mail) => [mail.to, mail.subject])).toEqual([[[NATIONAL_LEAD], 'CIL Hub national rollup: 1 CIL falling behind, mentor check-in proposed']]);
    expect(result.email).toEqual({ to: [NATIONAL_LEAD], subject: outbox[0]!.subject, mail: 'sent' });
    expect(result.problems).toEqual([]);
    const { htmlBody, body } = outbox[0]!;
    expect(htmlBody).toContain('=1+1 CIL &lt;Quetta&gt; &amp; &quot;Co&quot; (2026-Q4)');
    expect(htmlBody).not.toContain('<Quetta>');
    expect(htmlBody).toContain('<li>No monthly CfP call in 2026-10.</li>');
    expect(body).toContain('=1+1 CIL <Quetta> & "Co" (2026-Q4)');
    expect(body).toContain('Leads: lead.uet@example.org.');
  });

  it('places the trend chart over the Trend tab’s quarters, and updates it in place', () => {
    const { cils, nationalId } = rolledUp();
    const trend = sheetState(cils.sandbox, nationalId, 'Trend');
    expect(trend.values.slice(0, 4).map((row) => row.slice(0, 7))).toEqual([
      ['Quarter', 'Active members', 'New members', 'Events held', 'Meetups held', 'CfP calls a lead attended', 'CILs'],
      ['2026-Q2', 0, 6, 0, 0, 0, 3],
      ['2026-Q3', 4, 0, 2, 6, 6, 3],
      ['2026-Q4', 5, 0, 0, 5, 4, 3],
    ]);
    expect(trend.charts).toHaveLength(1);
    const [chart] = trend.charts;
    expect(chart).toMatchObject({ type: 'LINE', numHeaders: 1, options: { title: 'All CILs, quarter over quarter' } });
    expect(chart!.ranges).toEqual([{ sheetId: trend.sheetId, row: 1, column: 1, numRows: 4, numColumns: 6 }]);
    runOk(cils.sandbox, 'runNationalRollup');
    expect(sheetState(cils.sandbox, nationalId, 'Trend').charts).toEqual([chart]);
  });

  it('changes nothing the second time the same day, and sends nothing again', () => {
    const { cils } = rolledUp();
    const before = workspaceOf(cils.sandbox);
    const second = runOk<RollupResult>(cils.sandbox, 'runNationalRollup');
    expect(workspaceOf(cils.sandbox)).toEqual(before);
    expect(second.rows).toEqual({ updated: 9, added: 0 });
    expect(second.email).toBeNull();
    expect(second.fallingBehind[0]!.checkIn).toMatchObject({ status: 'sent', proposedNow: false });
  });

  it('reports a CIL with a tab it cannot read, rolls the others up, and keeps that CIL’s last rows', () => {
    const { cils, nationalId } = rolledUp();
    const lastRows = tabRows(cils.sandbox, nationalId, QUARTER_ROWS).filter((row) => row['CIL ID'] === cils.karachi.cilId);
    deleteColumn(cils.sandbox, cils.karachi.spreadsheetId, 'Hours', 'Hours');
    runOk(cils.sandbox, 'setUpCil', [{ name: 'CIL Peshawar' }]);
    const result = runOk<RollupResult>(cils.sandbox, 'runNationalRollup');
    expect(result.notRead).toEqual([{ cilId: cils.karachi.cilId, name: 'CIL Karachi', problem: 'The "Hours" tab has no "Hours" column; add it to the header row.' }]);
    expect(result.rolledUp.map((cil) => cil.cilId)).toEqual([cils.lagging.cilId, cils.lahore.cilId, 'cil-peshawar']);
    expect(result.rows).toEqual({ updated: 6, added: 1 });
    const rows = tabRows(cils.sandbox, nationalId, QUARTER_ROWS);
    expect(rows.filter((row) => row['CIL ID'] === cils.karachi.cilId)).toEqual(lastRows);
    expect(rows.filter((row) => row['CIL ID'] === 'cil-peshawar').map((row) => row.Quarter)).toEqual(['2026-Q4']);
    expect(tabRows(cils.sandbox, nationalId, 'Falling behind').map((row) => [row['CIL ID'], row.Status, row.Reasons])).toEqual([
      [cils.lagging.cilId, 'falling behind', expect.stringContaining('No monthly CfP call')],
      [cils.karachi.cilId, 'not read', 'The "Hours" tab has no "Hours" column; add it to the header row.'],
    ]);
  });

  it('refuses before writing anything when the national tab’s columns are gone', () => {
    const { cils, nationalId } = rolledUp();
    deleteColumn(cils.sandbox, nationalId, QUARTER_ROWS, 'Quarter');
    const before = workspaceOf(cils.sandbox);
    expect(cils.sandbox.run('runNationalRollup', []).error).toContain('The "By CIL and quarter" tab has no "Quarter" column; add it to the header row. Run setUpNationalRollup again to restore it.');
    expect(workspaceOf(cils.sandbox)).toEqual(before);
    const repaired = runOk<{ created: string[] }>(cils.sandbox, 'setUpNationalRollup', [{ cfpLeadEmail: NATIONAL_LEAD }]);
    expect(repaired.created).toEqual(['column "Quarter" in "By CIL and quarter"']);
  });
});

describe('in the daily run', () => {
  // This test once expected no email to the national CfP lead after a daily run: the rollup took the
  // engine's 'proposed' check-ins for this quarter's, so in review mode (the default) CfP never heard.
  it('runs at the end, after every CIL is checked, and emails the national CfP lead once though the engine’s check-ins wait for the CIL lead', () => {
    const cils = setUpThreeCils();
    const nationalId = setUpNational(cils).spreadsheetId;
    const daily = runOk<{ checked: unknown[] }>(cils.sandbox, 'runDailyCheck');
    expect(daily.checked).toHaveLength(3);
    // The rules engine proposed its own (the CIL lead reviews them in review mode); the rollup, which
    // ran after it, proposed the national one all the same: they never reached the CfP lead.
    const checks = nationalChecks(cils, cils.lagging);
    expect(checks.map((e) => [e.checkKey, e.status, e.by])).toEqual([
      ['mentor-check-in:cil:cfp-call:2026-10', 'proposed', 'daily check'],
      ['mentor-check-in:cil:reports-overdue:2026-11', 'proposed', 'daily check'],
      ['mentor-check-in:cil:national:2026-Q4', 'sent', 'national rollup'],
    ]);
    const national = checks[2]!;
    expect(national.emailSentAt).toBe(NOW);
    const toCfp = cils.sandbox.state.mail.outbox.filter((mail) => mail.to.includes(NATIONAL_LEAD));
    expect(toCfp.map((mail) => mail.subject)).toEqual(['CIL Hub national rollup: 1 CIL falling behind, mentor check-in proposed']);
    expect(toCfp[0]!.body).toContain('=1+1 CIL <Quetta> & "Co" (2026-Q4)');
    expect(toCfp[0]!.body).not.toContain('CIL Lahore');
    expect(tabRows(cils.sandbox, nationalId, QUARTER_ROWS)).toHaveLength(9);
    expect(tabRows(cils.sandbox, nationalId, 'Falling behind').map((row) => [row['CIL ID'], row['Mentor check-in']])).toEqual([
      [cils.lagging.cilId, `${national.id} (sent, by national rollup, 2026-11-27)`],
    ]);

    // A second run the same day sends nothing and proposes nothing more.
    const mails = cils.sandbox.state.mail.outbox.length;
    runOk(cils.sandbox, 'runDailyCheck');
    expect(cils.sandbox.state.mail.outbox).toHaveLength(mails);
    expect(nationalChecks(cils, cils.lagging)).toHaveLength(3);
  });

  it('a CIL lead dismissing the engine’s check-ins does not stop the national one', () => {
    const cils = setUpThreeCils();
    runOk(cils.sandbox, 'runDailyCheck');
    const engine = nationalChecks(cils, cils.lagging);
    expect(engine.map((e) => e.status)).toEqual(['proposed', 'proposed']);
    for (const step of engine) runOk(cils.sandbox, 'dismissAction', [step.id, 'We are fine, no need to tell CfP', cils.lagging.cilId]);
    expect(nationalChecks(cils, cils.lagging).map((e) => e.status)).toEqual(['dismissed', 'dismissed']);

    setUpNational(cils);
    const result = runOk<RollupResult>(cils.sandbox, 'runNationalRollup');
    expect(result.email).toMatchObject({ to: [NATIONAL_LEAD], mail: 'sent' });
    expect(result.fallingBehind[0]!.checkIn).toMatchObject({ status: 'sent', by: 'national rollup', proposedNow: true });
    expect(cils.sandbox.state.mail.outbox.filter((mail) => mail.to.includes(NATIONAL_LEAD))).toHaveLength(1);
    expect(nationalChecks(cils, cils.lagging).map((e) => [e.checkKey, e.status])).toEqual([
      ['mentor-check-in:cil:cfp-call:2026-10', 'dismissed'],
      ['mentor-check-in:cil:reports-overdue:2026-11', 'dismissed'],
      ['mentor-check-in:cil:national:2026-Q4', 'sent'],
    ]);
  });

  it('counts a CIL’s own check-in once it was sent to the national CfP lead', () => {
    const cils = setUpThreeCils();
    setSetting({ sandbox: cils.sandbox, cilId: cils.lagging.cilId, spreadsheetId: cils.lagging.spreadsheetId }, 'CfP lead email', NATIONAL_LEAD);
    runOk(cils.sandbox, 'runDailyCheck');
    const [first] = nationalChecks(cils, cils.lagging);
    runOk(cils.sandbox, 'approveAction', [first!.id, cils.lagging.cilId]);
    const sent = cils.sandbox.state.mail.outbox.filter((mail) => mail.to.includes(NATIONAL_LEAD));
    expect(sent.map((mail) => mail.subject)).toEqual([`Mentor check-in for ${LAGGING_NAME}`]);

    setUpNational(cils);
    const result = runOk<RollupResult>(cils.sandbox, 'runNationalRollup');
    expect(result.email).toBeNull();
    expect(result.fallingBehind[0]!.checkIn).toMatchObject({ eventId: first!.id, status: 'sent', by: 'lead@cil-demo.example', proposedNow: false });
    expect(cils.sandbox.state.mail.outbox.filter((mail) => mail.to.includes(NATIONAL_LEAD))).toHaveLength(1);
  });

  it('writes the row first and leaves it approved, saying so, when the email waits for quota', () => {
    const cils = setUpThreeCils();
    setUpNational(cils);
    cils.sandbox.state.mail.recipientsByDay['2026-11-26'] = 1_000_000;
    const result = runOk<RollupResult>(cils.sandbox, 'runNationalRollup');
    expect(result.email).toMatchObject({ to: [NATIONAL_LEAD], mail: 'deferred' });
    expect(result.problems).toEqual([]);
    expect(cils.sandbox.state.mail.outbox).toEqual([]);
    const [check, ...more] = nationalChecks(cils, cils.lagging);
    expect(more).toEqual([]);
    expect(check).toMatchObject({ status: 'approved', checkKey: 'mentor-check-in:cil:national:2026-Q4' });
    expect(check).not.toHaveProperty('emailSentAt');
    expect(check!.evidence).toContain('The email to the CfP lead waits in CIL Hub\'s outbox for the day\'s mail quota; it goes with a later run, and this row stays "approved" when it does.');
    // Approved stands for the quarter's check-in: the next run proposes none and defers nothing more.
    const again = runOk<RollupResult>(cils.sandbox, 'runNationalRollup');
    expect(again.email).toBeNull();
    expect(nationalChecks(cils, cils.lagging)).toHaveLength(1);
  });

  it('after the rollup’s check-in, the daily check proposes none of its own that quarter', () => {
    const { cils } = rolledUp();
    runOk(cils.sandbox, 'runDailyCheck');
    expect(nationalChecks(cils, cils.lagging).map((e) => e.checkKey)).toEqual(['mentor-check-in:cil:national:2026-Q4']);
    expect(cils.sandbox.state.mail.outbox.filter((mail) => mail.to.includes(CIL_CFP_LEAD))).toEqual([]);
  });

  it('does not run in a follow-up with CILs left; once the check used its time, a follow-up of its own runs it and deletes its trigger', () => {
    const cils = setUpThreeCils();
    const nationalId = setUpNational(cils).spreadsheetId;
    // The sandbox's clock stands still within an execution: a zero budget stops the check after each CIL
    // and leaves no time for the rollup in the run that checks the last one.
    setScriptProperty(cils.sandbox, 'accountability:dailyRunBudgetMs', '0');
    const first = runOk<{ remaining: string[] }>(cils.sandbox, 'runDailyCheck');
    expect(first.remaining).toHaveLength(2);
    expect(tabRows(cils.sandbox, nationalId, QUARTER_ROWS)).toEqual([]);

    const ran = cils.sandbox.advance(10 * 60_000);
    expect(ran.map((execution) => [execution.functionName, execution.error])).toEqual([
      ['runDailyCheck', null],
      ['runDailyCheck', null],
      ['runNationalRollup', null],
    ]);
    expect(tabRows(cils.sandbox, nationalId, QUARTER_ROWS)).toHaveLength(9);
    expect(cils.sandbox.state.triggers).toEqual([]);
    expect(cils.sandbox.state.properties.script['rollup:followUpTriggerId']).toBeUndefined();
  });

  it('leaves the daily run as it was when the rollup is not set up', () => {
    const cils = setUpThreeCils();
    runOk(cils.sandbox, 'runDailyCheck');
    expect(cils.sandbox.state.triggers).toEqual([]);
    expect(Object.keys(cils.sandbox.state.spreadsheets)).toHaveLength(3);
  });
});
