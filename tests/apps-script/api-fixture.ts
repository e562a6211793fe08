/// <reference types="google-apps-script" />
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { meetingsTab, type Meeting } from '../../shared/records/meeting';
import { cellsFromRecord, readHeader, rowFromCells } from '../../shared/records/row-codec';
import type { TabDefinition, TabRecord } from '../../shared/records/tab';
import { volunteersTab, type Volunteer } from '../../shared/records/volunteer';
import type { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { callWebApp } from '../../sandbox/src/runtime/web-app';
import { asLead, sheetState } from './as-lead';
import { newSandbox, runOk } from './built-bundle';

// A CIL set up through the bundle, with a roster and meetings typed in by its lead, for the web app
// API tests and the benchmark. Tokens are made here and only their SHA-256 goes into the sheet, as
// "Send enrollment" does.

export const TIME_ZONE = 'Asia/Karachi';
/** Friday 27 November 2026, 10:00 in Karachi (ISO week 2026-W48). */
export const NOW = new Date('2026-11-27T05:00:00Z');

export const TOKENS = {
  organizer: 'organizer-token-0123456789abcdef',
  member: 'member-token-0123456789abcdef0123',
  revoked: 'revoked-token-0123456789abcdef012',
} as const;

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const VOLUNTEERS: Volunteer[] = [
  {
    id: 'v-1',
    name: 'Ayesha Khan',
    email: 'ayesha@example.org',
    role: 'organizer',
    team: 'Core',
    status: 'active',
    joinedOn: '2026-01-10',
    tokenHash: sha256(TOKENS.organizer),
    tokenIssuedAt: '2026-01-10T10:00:00.000Z',
  },
  {
    id: 'v-2',
    name: 'Bilal Ahmed',
    email: 'bilal@example.org',
    role: 'member',
    team: 'Civic Data',
    status: 'warned',
    joinedOn: '2026-03-02',
    weeklyCommitmentHours: 6,
    tokenHash: sha256(TOKENS.member),
    tokenIssuedAt: '2026-03-02T10:00:00.000Z',
  },
  {
    id: 'v-3',
    name: 'Sana Iqbal',
    email: 'sana@example.org',
    role: 'member',
    status: 'offboarded',
    joinedOn: '2026-02-01',
    tokenHash: sha256(TOKENS.revoked),
    tokenIssuedAt: '2026-02-01T10:00:00.000Z',
    tokenRevokedAt: '2026-10-01T10:00:00.000Z',
  },
  { id: 'v-4', name: 'Usman Ali', email: 'usman@example.org', role: 'member', status: 'active', joinedOn: '2026-11-01' },
];

export const MEET_CODE = 'abc-defg-hij';
export const CFP_CODE = 'cfp-mont-hly';

export const MEETINGS: Meeting[] = [
  {
    id: 'm-cfp-nov',
    kind: 'monthly CfP call',
    title: 'CfP monthly call',
    startsAt: '2026-11-20T13:00:00.000Z',
    endsAt: '2026-11-20T14:00:00.000Z',
    meetCode: CFP_CODE,
    calendarEventId: 'cfp-nov-event',
    expectedAttendees: 'all',
  },
  {
    id: 'm-meetup-1',
    kind: 'CIL meetup',
    title: 'Weekly meetup',
    startsAt: '2026-11-26T14:00:00.000Z',
    endsAt: '2026-11-26T15:00:00.000Z',
    meetCode: MEET_CODE,
    calendarEventId: 'meetup-event-1',
    expectedAttendees: 'all',
  },
  {
    id: 'm-meetup-2',
    kind: 'CIL meetup',
    title: 'Weekly meetup',
    startsAt: '2026-12-03T14:00:00.000Z',
    endsAt: '2026-12-03T15:00:00.000Z',
    meetCode: MEET_CODE,
    calendarEventId: 'meetup-event-2',
    expectedAttendees: 'all',
  },
  {
    id: 'm-leads',
    kind: 'check-in',
    title: 'Leads check-in',
    startsAt: '2026-12-01T12:00:00.000Z',
    endsAt: '2026-12-01T12:30:00.000Z',
    expectedAttendees: 'leads',
  },
  {
    id: 'm-far',
    kind: 'event',
    title: 'Open data day',
    startsAt: '2027-01-20T05:00:00.000Z',
    endsAt: '2027-01-20T12:00:00.000Z',
    expectedAttendees: 'all',
  },
];

export interface ApiCil {
  sandbox: Sandbox;
  cilId: string;
  spreadsheetId: string;
}

/** Appends rows to a tab as a lead typing them would: one setValues below the last row, through the sandbox. */
export function appendAsLead<Tab extends TabDefinition>(cil: ApiCil, tab: Tab, records: readonly TabRecord<Tab>[]): void {
  const sheet = sheetState(cil.sandbox, cil.spreadsheetId, tab.name);
  const read = readHeader(tab, sheet.values[0] ?? []);
  if (!read.ok) throw new Error(read.message);
  const rows = records.map((record) => cellsFromRecord(tab, read.index, record, { timeZone: TIME_ZONE }));
  asLead(
    cil.sandbox,
    (spreadsheetId: string, name: string, cells: unknown[][]) => {
      const target = SpreadsheetApp.openById(spreadsheetId).getSheetByName(name)!;
      target.getRange(target.getLastRow() + 1, 1, cells.length, cells[0]!.length).setValues(cells);
    },
    [cil.spreadsheetId, tab.name, rows],
  );
}

/** A set-up CIL named `name` with a roster (the one above unless given) and the meetings above. */
export function newApiCil(sandbox: Sandbox = newSandbox(NOW), name = 'CIL Lahore', volunteers: readonly Volunteer[] = VOLUNTEERS): ApiCil {
  const { cilId, spreadsheetId } = runOk<{ cilId: string; spreadsheetId: string }>(sandbox, 'setUpCil', [{ name, leadEmails: ['ayesha@example.org'] }]);
  const cil = { sandbox, cilId, spreadsheetId };
  appendAsLead(cil, volunteersTab, volunteers);
  appendAsLead(cil, meetingsTab, MEETINGS);
  return cil;
}

export interface Answer {
  status: number;
  contentType: string;
  json: { v: number; ok: boolean; result?: any; error?: { code: string; message: string; retryable: boolean } };
  meter: { serviceCalls: number; cellsRead: number; cellsWritten: number; callsByMethod: Record<string, number> };
}

/** POSTs a body to the web app as the extension does (text/plain) and reads the JSON envelope. */
export function postBody(sandbox: Sandbox, body: string): Answer {
  const response = callWebApp(sandbox, { method: 'POST', body, contentType: 'text/plain' });
  expect(response.execution.error, response.body).toBeNull();
  expect(response.status).toBe(200);
  expect(response.contentType).toBe('application/json');
  return { status: response.status, contentType: response.contentType, json: JSON.parse(response.body), meter: response.execution.meter };
}

export function post(cil: ApiCil, request: Record<string, unknown>): Answer {
  return postBody(cil.sandbox, JSON.stringify({ v: 1, cil: cil.cilId, ...request }));
}

/** The records of a tab as the sheet holds them now, read with the shared codec (invalid rows fail the test). */
export function recordsOf<Tab extends TabDefinition>(cil: ApiCil, tab: Tab): TabRecord<Tab>[] {
  const values = sheetState(cil.sandbox, cil.spreadsheetId, tab.name).values;
  const read = readHeader(tab, values[0] ?? []);
  if (!read.ok) throw new Error(read.message);
  return values.slice(1).map((cells, i) => {
    const row = rowFromCells(tab, read.index, cells, { timeZone: TIME_ZONE });
    if (!row.ok) throw new Error(`row ${i + 2}: ${row.error.message}`);
    return row.record;
  });
}

/** Rows below the header, blank or not. */
export function rowCount(cil: ApiCil, tab: TabDefinition): number {
  return sheetState(cil.sandbox, cil.spreadsheetId, tab.name).values.length - 1;
}

let counter = 0;
/** A fresh, valid version-4 UUID (deterministic, so failures reproduce). */
export function uuid(): string {
  counter++;
  const hex = counter.toString(16).padStart(12, '0');
  return `5f0c3e2a-7b1d-4c8e-9a6f-${hex}`;
}

/** A lead edits one cell of a volunteer's row in the Volunteers tab (found by header and id). */
export function editVolunteer(cil: ApiCil, volunteerId: string, header: string, value: string | Date): void {
  asLead(
    cil.sandbox,
    (spreadsheetId: string, id: string, column: string, cell: string | Date) => {
      const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Volunteers')!;
      const values = sheet.getDataRange().getValues();
      const row = values.findIndex((cells) => cells[values[0]!.indexOf('Volunteer ID')] === id);
      sheet.getRange(row + 1, values[0]!.indexOf(column) + 1).setValue(cell);
    },
    [cil.spreadsheetId, volunteerId, header, value],
  );
}

/** Everything in the workspace's spreadsheets, to compare before and after a request. */
export function spreadsheetsNow(cil: ApiCil): string {
  return JSON.stringify(cil.sandbox.state.spreadsheets);
}
