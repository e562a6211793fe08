/// <reference types="google-apps-script" />
import { describe, it, expect } from 'vitest';
import type { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { asLead } from './as-lead';
import { addVolunteer, outboxTo, report, roster, sandboxWithCil, volunteerValues, type SetUpResult } from './roster-fixture';

// Rows a lead types straight into the Volunteers tab: "Send enrollment" completes the ones that lack an
// id, status or joined-on date, and reports the ones it cannot read by row number, leaving them as typed.

/** The lead types these rows below the last one, each cell under the header it names (text as typed). */
function leadTypes(sandbox: Sandbox, cil: SetUpResult, rows: Record<string, string>[]): void {
  asLead(
    sandbox,
    (id: string, typed: Record<string, string>[]) => {
      const sheet = SpreadsheetApp.openById(id).getSheetByName('Volunteers')!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
      const cells = typed.map((row) => header.map((name) => row[String(name)] ?? ''));
      sheet.getRange(sheet.getLastRow() + 1, 1, cells.length, header.length).setValues(cells);
    },
    [cil.spreadsheetId, rows],
  );
}

describe('rows typed into Volunteers', () => {
  it('get an id, status active and joined today when Send enrollment runs; unreadable rows are reported and left alone', () => {
    const { sandbox, cil } = sandboxWithCil();
    addVolunteer(sandbox, { name: 'Ayesha Khan', email: 'ayesha@example.org', role: 'organizer' });
    leadTypes(sandbox, cil, [
      { Name: 'Hamza Qureshi', Email: 'hamza@example.org', Role: 'Member' },
      { 'Volunteer ID': 'v-sana', Name: 'Sana Iqbal', Email: 'sana@example.org', Role: 'member', 'Joined on': '2026-11-02' },
      { Name: 'Omar Farooq', Email: 'omar at example', Role: 'member' },
      { Name: 'Hamza again', Email: 'HAMZA@example.org', Role: 'member' },
      { 'Volunteer ID': 'v-sana', Name: 'Someone Else', Email: 'else@example.org', Role: 'member', Status: 'active', 'Joined on': '2026-11-01' },
    ]);
    const typed = structuredClone(volunteerValues(sandbox, cil));

    const sent = report(sandbox, 'sendEnrollment');

    // Row 7 reads on its own; only beside row 4 is its id a problem.
    const volunteers = roster(sandbox, cil, { skipInvalid: true }).slice(0, 3);
    expect(volunteers.map((v) => [v.name, v.status, v.joinedOn])).toEqual([
      ['Ayesha Khan', 'active', '2026-11-27'],
      ['Hamza Qureshi', 'active', '2026-11-27'],
      ['Sana Iqbal', 'active', '2026-11-02'],
    ]);
    const hamza = volunteers[1]!;
    expect(hamza.id).toMatch(/^v-[0-9a-f]{8}$/);
    expect(hamza.role).toBe('member');
    expect(sent.filledIn).toEqual([
      { rowNumber: 3, volunteerId: hamza.id, filled: ['Volunteer ID', 'Status', 'Joined on'] },
      { rowNumber: 4, volunteerId: 'v-sana', filled: ['Status'] },
    ]);
    expect(sent.invalidRows).toEqual([
      { rowNumber: 5, message: 'Volunteers: "Email" must be an email address like name@example.org (found "omar at example")' },
      { rowNumber: 6, message: 'Volunteers: "Email" hamza@example.org is also in row 3; one row per volunteer' },
      { rowNumber: 7, message: 'Volunteers: "Volunteer ID" v-sana is also in row 4; each volunteer needs an ID of their own' },
    ]);
    expect(sent.sent.map((v) => v.name)).toEqual(['Ayesha Khan', 'Hamza Qureshi', 'Sana Iqbal']);
    // The rows to fix are exactly as the lead typed them.
    expect(volunteerValues(sandbox, cil).slice(4)).toEqual(typed.slice(4));
    expect(outboxTo(sandbox, 'omar at example')).toEqual([]);
  });

  it('are listed in the menu\'s alert, completed rows and rows to fix alike', () => {
    const { sandbox, cil } = sandboxWithCil();
    leadTypes(sandbox, cil, [
      { Name: 'Hamza Qureshi', Email: 'hamza@example.org', Role: 'member' },
      { Name: 'Omar Farooq', Role: 'member' },
    ]);
    sandbox.openSpreadsheet(cil.spreadsheetId);

    sandbox.chooseMenuItem(cil.spreadsheetId, 'sendEnrollmentFromMenu');

    const hamza = roster(sandbox, cil, { skipInvalid: true })[0]!;
    expect(sandbox.state.ui.shown.at(-1)!.content).toBe(
      [
        'Emailed a new enrollment code to 1 volunteer: Hamza Qureshi.',
        '',
        `Completed 1 typed row of Volunteers:\n• Row 2: Volunteer ID, Status, Joined on filled in (ID ${hamza.id})`,
        '',
        '1 row of Volunteers to fix (left as they are):\n• Row 3: Volunteers: "Email" is blank',
      ].join('\n'),
    );
  });

  it('are neither completed nor reported as rows to fix by revoking someone else\'s code', () => {
    const { sandbox, cil } = sandboxWithCil();
    const { volunteer } = addVolunteer(sandbox, { name: 'Ayesha Khan', email: 'ayesha@example.org', role: 'organizer' });
    report(sandbox, 'sendEnrollment');
    leadTypes(sandbox, cil, [{ Name: 'Hamza Qureshi', Email: 'hamza@example.org', Role: 'member' }]);
    const typed = structuredClone(volunteerValues(sandbox, cil)[2]);

    const revoked = report(sandbox, 'revokeEnrollment', [volunteer.id]);

    // Completed in memory, so not reported as a row to fix, but not written either.
    expect(revoked.filledIn).toEqual([]);
    expect(revoked.invalidRows).toEqual([]);
    expect(volunteerValues(sandbox, cil)[2]).toEqual(typed);
  });
});
