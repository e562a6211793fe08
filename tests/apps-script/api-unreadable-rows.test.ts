/// <reference types="google-apps-script" />
import { beforeEach, describe, expect, it } from 'vitest';
import { asLead } from './as-lead';
import { editVolunteer, MEET_CODE, newApiCil, post, TOKENS, uuid, type ApiCil } from './api-fixture';

// Rows a lead must fix are never used and never silently dropped: the web app has nobody to show them
// to, so it names them, by tab and row number, in the execution log, where a lead or admin looks.

let cil: ApiCil;
beforeEach(() => {
  cil = newApiCil();
});

/** The warnings the last execution logged. */
function warnings(): string[] {
  const execution = cil.sandbox.state.executions.at(-1)!;
  return cil.sandbox.state.logs.filter((log) => log.execution === execution.id && log.level === 'warn').map((log) => log.message);
}

/** A lead types cells into the next row of a tab, by header; returns the row number. */
function typeRow(tab: string, cells: Record<string, unknown>): number {
  return asLead(cil.sandbox, (id: string, name: string, byHeader: Record<string, unknown>) => {
    const sheet = SpreadsheetApp.openById(id).getSheetByName(name)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    const row = sheet.getLastRow() + 1;
    sheet.getRange(row, 1, 1, header.length).setValues([header.map((h) => byHeader[String(h)] ?? '')]);
    return row;
  }, [cil.spreadsheetId, tab, cells]);
}

describe('unreadable rows on web app requests', () => {
  it('a meeting row that does not read is left out of matching, and logged with its row number', () => {
    const row = typeRow('Meetings', { 'Meeting ID': 'm-bad', Kind: 'CIL meetup', Title: 'Ends before it starts', 'Starts at': new Date('2026-11-26T14:00:00Z'), 'Ends at': new Date('2026-11-26T13:00:00Z') });

    const answer = post(cil, { op: 'sync', token: TOKENS.member, entries: [{ kind: 'attendance', id: uuid(), meetCode: MEET_CODE, joinedAt: '2026-11-26T14:00:00.000Z', leftAt: '2026-11-26T14:30:00.000Z' }] });

    expect(answer.json.result.results[0].status).toBe('stored');
    expect(warnings()).toEqual([
      `CIL Hub: 1 row of the "Meetings" tab could not be read, so no session or notice is matched to them and no volunteer sees them. Fix in the sheet: row ${row} (Meetings: "Ends at" must be after "Starts at" (found 2026-11-26T13:00:00.000Z)).`,
    ]);
  });

  it("a volunteer whose row has a typo is refused as unknown_token, and the log says that row may hold the token", () => {
    editVolunteer(cil, 'v-2', 'Email', 'bilal at example.org');

    const answer = post(cil, { op: 'summary', token: TOKENS.member });

    expect(answer.json.error?.code).toBe('unknown_token');
    const [warning] = warnings();
    expect(warning).toContain(`1 row of the "Volunteers" tab could not be read, so a request to CIL "${cil.cilId}" was refused as unknown_token, and one of these rows may hold its enrollment token.`);
    expect(warning).toContain('row 3 (Volunteers: "Email" must be an email address like name@example.org');
  });

  it('rows of Hours and Attendance that do not read are left out of the summary, and logged', () => {
    const hoursRow = typeRow('Hours', { 'Entry ID': 'h-typed', 'Volunteer ID': 'v-2', Day: new Date('2026-11-24T19:00:00Z'), Hours: -2, Category: 'outreach', Source: 'sheet' });
    const attendanceRow = typeRow('Attendance', { 'Attendance ID': 'a-typed', 'Volunteer ID': 'v-2', Status: 'here', Source: 'sheet' });

    const answer = post(cil, { op: 'summary', token: TOKENS.member });

    expect(answer.json.ok).toBe(true);
    expect(answer.json.result.week.hours).toBe(0);
    const logged = warnings().join('\n');
    expect(logged).toContain(`1 row of the "Hours" tab could not be read, so they were left out of volunteer v-2's summary. Fix in the sheet: row ${hoursRow} (Hours: "Hours" must be more than 0`);
    expect(logged).toContain(`1 row of the "Attendance" tab could not be read, so they were left out of volunteer v-2's summary. Fix in the sheet: row ${attendanceRow} (Attendance: "Status"`);
  });

  it('logs nothing when every row reads', () => {
    post(cil, { op: 'summary', token: TOKENS.member });
    expect(warnings()).toEqual([]);
  });
});
