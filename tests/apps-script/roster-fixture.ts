/// <reference types="google-apps-script" />
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { parseEnrollmentCode, type Enrollment } from '../../shared/api/enrollment-code';
import { readHeader, rowFromCells } from '../../shared/records/row-codec';
import { volunteersTab, type Volunteer } from '../../shared/records/volunteer';
import type { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { callWebApp } from '../../sandbox/src/runtime/web-app';
import type { MailMessageState } from '../../sandbox/src/workspace';
import { asLead, sheetState } from './as-lead';
import { newSandbox, runOk } from './built-bundle';

// A CIL set up through the bundle, for the roster and enrollment tests, and ways to look at what the
// bundle left behind: the Volunteers tab decoded with the shared codec, the outbox, enrollment codes.

export const TIME_ZONE = 'Asia/Karachi';

export interface SetUpResult {
  cilId: string;
  spreadsheetId: string;
}

export interface EnrollmentReport {
  cilId: string;
  sent: { id: string; name?: string; email?: string }[];
  revoked: { id: string; name?: string; email?: string }[];
  skipped: { volunteer: { id: string; name?: string; email?: string }; reason: string }[];
  invalidRows: { rowNumber: number; message: string }[];
  filledIn: { rowNumber: number; volunteerId: string; filled: string[] }[];
}

export interface AddedVolunteer {
  cilId: string;
  volunteer: Volunteer;
  rowNumber: number;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A sandbox with one CIL set up through the bundle. */
export function sandboxWithCil(name = 'CIL Lahore', now?: Date): { sandbox: Sandbox; cil: SetUpResult } {
  const sandbox = newSandbox(now);
  const cil = runOk<SetUpResult>(sandbox, 'setUpCil', [{ name, city: 'Lahore' }]);
  return { sandbox, cil };
}

export function addVolunteer(sandbox: Sandbox, fields: Record<string, unknown>): AddedVolunteer {
  return runOk<AddedVolunteer>(sandbox, 'addVolunteer', [fields]);
}

/** A few volunteers added through the bundle, in this order. */
export function addVolunteers(sandbox: Sandbox, names: readonly string[]): Volunteer[] {
  return names.map((name) => addVolunteer(sandbox, { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`, role: 'member' }).volunteer);
}

export function volunteerValues(sandbox: Sandbox, cil: SetUpResult): unknown[][] {
  return sheetState(sandbox, cil.spreadsheetId, 'Volunteers').values;
}

/**
 * What a lead may do to the Volunteers tab: move Email to the front (insert, copy, delete, as dragging
 * does) and add columns of their own after the last: "Phone" with `phones` typed in from row 2, and
 * "Name length", a formula in every row.
 */
export function leadRearranges(sandbox: Sandbox, cil: SetUpResult, phones: readonly string[]): void {
  asLead(
    sandbox,
    (id: string, phoneCells: string[]) => {
      const sheet = SpreadsheetApp.openById(id).getSheetByName('Volunteers')!;
      const rows = sheet.getLastRow();
      const from = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.indexOf('Email') + 1;
      const emails = sheet.getRange(1, from, rows, 1).getValues();
      sheet.insertColumnBefore(1);
      sheet.getRange(1, 1, rows, 1).setValues(emails);
      sheet.deleteColumn(from + 1);
      const own = sheet.getLastColumn() + 1;
      sheet.insertColumnsAfter(sheet.getLastColumn(), 2);
      sheet.getRange(1, own, 1, 2).setValues([['Phone', 'Name length']]);
      const nameColumn = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.indexOf('Name') + 1;
      for (let row = 2; row <= rows; row++) {
        sheet.getRange(row, own).setValue(phoneCells[row - 2] ?? '');
        sheet.getRange(row, own + 1).setFormula(`=LEN(${String.fromCharCode(64 + nameColumn)}${row})`);
      }
    },
    [cil.spreadsheetId, [...phones]],
  );
}

/** The Volunteers tab as records, through the shared codec; an invalid row fails the test unless `skipInvalid`. */
export function roster(sandbox: Sandbox, cil: SetUpResult, options: { skipInvalid?: boolean } = {}): Volunteer[] {
  const [header = [], ...rows] = volunteerValues(sandbox, cil);
  const read = readHeader(volunteersTab, header);
  if (!read.ok) throw new Error(read.message);
  return rows.flatMap((cells, i) => {
    const row = rowFromCells(volunteersTab, read.index, cells, { timeZone: TIME_ZONE });
    if (row.ok) return [row.record];
    if (options.skipInvalid) return [];
    throw new Error(`row ${i + 2}: ${row.error.message}`);
  });
}

export function volunteerNamed(sandbox: Sandbox, cil: SetUpResult, name: string): Volunteer {
  const found = roster(sandbox, cil).find((volunteer) => volunteer.name === name);
  if (!found) throw new Error(`No volunteer "${name}" on the roster`);
  return found;
}

export function outboxTo(sandbox: Sandbox, email: string): MailMessageState[] {
  return sandbox.state.mail.outbox.filter((message) => message.to.includes(email));
}

const CODE = /cilhub1\.[A-Za-z0-9_-]+/;

/** The enrollment code in a message's plain-text part, checked to be the same in the HTML part. */
export function codeIn(message: MailMessageState): string {
  const code = CODE.exec(message.body)?.[0];
  expect(code, 'a code in the plain-text part').toBeDefined();
  expect(CODE.exec(message.htmlBody)?.[0], 'the same code in the HTML part').toBe(code);
  return code!;
}

export function enrollmentIn(message: MailMessageState): Enrollment {
  const read = parseEnrollmentCode(codeIn(message));
  if (!read.ok) throw new Error(read.message);
  return read.enrollment;
}

/** The latest code emailed to `email`. */
export function latestEnrollment(sandbox: Sandbox, email: string): Enrollment {
  const messages = outboxTo(sandbox, email);
  expect(messages.length, `mail to ${email}`).toBeGreaterThan(0);
  return enrollmentIn(messages.at(-1)!);
}

/** The web app's answer to an enroll request with this enrollment. */
export function enroll(sandbox: Sandbox, enrollment: Enrollment): { ok: boolean; error?: { code: string }; result?: { volunteer: { id: string } } } {
  const response = callWebApp(sandbox, { method: 'POST', body: JSON.stringify({ v: 1, op: 'enroll', cil: enrollment.cil, token: enrollment.token }) });
  return JSON.parse(response.body);
}

/** Everything the sandbox keeps but the outbox, as text: where a token or a code must never appear. */
export function stateOutsideMail(sandbox: Sandbox): string {
  const { mail: _mail, ...rest } = sandbox.state;
  return JSON.stringify(rest);
}

export function report(sandbox: Sandbox, entryPoint: string, args: unknown[] = []): EnrollmentReport {
  return runOk<EnrollmentReport>(sandbox, entryPoint, args);
}
