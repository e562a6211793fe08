/// <reference types="google-apps-script" />
import { DASHBOARD_TAB_NAME } from '../../apps-script/src/cil/dashboard-tab';
import { accountabilityTab, type AccountabilityEvent } from '../../shared/records/accountability';
import { cellsFromRecord, readHeader, rowFromCells } from '../../shared/records/row-codec';
import type { TabDefinition, TabRecord } from '../../shared/records/tab';
import { volunteersTab, type Volunteer } from '../../shared/records/volunteer';
import type { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { asLead, sheetState } from './as-lead';
import { newSandbox, runOk } from './built-bundle';

// The demo CIL (a dozen volunteers; Omar Farooq drifting into inactivity, Ali Hassan fading) as the
// daily check, the schedule and a lead's review see it. Friday 27 Nov 2026, 10:00 in Karachi.

export const TIME_ZONE = 'Asia/Karachi';

export interface Demo {
  sandbox: Sandbox;
  cilId: string;
  spreadsheetId: string;
}

export function setUpDemo(now?: Date): Demo {
  const sandbox = newSandbox(now);
  const { cilId, spreadsheetId } = runOk<{ cilId: string; spreadsheetId: string }>(sandbox, 'setUpDemoCil');
  return { sandbox, cilId, spreadsheetId };
}

/** A tab's rows as records, read from the workspace (not through the script). */
export function recordsOf<Tab extends TabDefinition>(sandbox: Sandbox, spreadsheetId: string, tab: Tab): TabRecord<Tab>[] {
  const [header = [], ...rows] = sheetState(sandbox, spreadsheetId, tab.name).values;
  const read = readHeader(tab, header);
  if (!read.ok) throw new Error(read.message);
  return rows.map((cells, i) => {
    const row = rowFromCells(tab, read.index, cells, { timeZone: TIME_ZONE });
    if (!row.ok) throw new Error(`${tab.name} row ${i + 2}: ${row.error.message}`);
    return row.record;
  });
}

export const logOf = (demo: Demo): AccountabilityEvent[] => recordsOf(demo.sandbox, demo.spreadsheetId, accountabilityTab);
export const rosterOf = (demo: Demo): Volunteer[] => recordsOf(demo.sandbox, demo.spreadsheetId, volunteersTab);
export const volunteerNamed = (demo: Demo, name: string): Volunteer => rosterOf(demo).find((v) => v.name === name)!;

/** The lead types a value into the Settings tab, as they would in the sheet. */
export function setSetting(demo: Demo, label: string, value: string | number): void {
  asLead(
    demo.sandbox,
    (spreadsheetId: string, label: string, value: string | number) => {
      const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Settings')!;
      const values = sheet.getDataRange().getValues();
      const row = values.findIndex((cells) => cells[0] === label);
      if (row < 0) throw new Error(`no setting ${label}`);
      sheet.getRange(row + 1, 2).setValue(value);
    },
    [demo.spreadsheetId, label, value],
  );
}

export function setScriptProperty(sandbox: Sandbox, key: string, value: string): void {
  asLead(sandbox, (key: string, value: string) => PropertiesService.getScriptProperties().setProperty(key, value), [key, value]);
}

/**
 * The spreadsheets without their Dashboard tabs: the records a run must leave as they are when nothing
 * new is due. The Dashboard is a view each run rewrites, down to its "Refreshed" time.
 */
export function recordsWithoutDashboard(sandbox: Sandbox) {
  return structuredClone(
    Object.fromEntries(Object.entries(sandbox.state.spreadsheets).map(([id, book]) => [id, { ...book, sheets: book.sheets.filter((sheet) => sheet.name !== DASHBOARD_TAB_NAME) }])),
  );
}

/** What a run may change: the spreadsheets, Drive, properties, triggers and the outbox. */
export function workspaceOf(sandbox: Sandbox) {
  const { spreadsheets, drive, properties, triggers, mail } = sandbox.state;
  return structuredClone({ spreadsheets, drive, properties, triggers, outbox: mail.outbox });
}

/** Appends records to a tab as a lead's paste would: one setValues below the last row, text written as text. */
export function pasteRecords<Tab extends TabDefinition>(sandbox: Sandbox, spreadsheetId: string, tab: Tab, records: TabRecord<Tab>[]): void {
  if (records.length === 0) return;
  const header = readHeader(tab, sheetState(sandbox, spreadsheetId, tab.name).values[0]!);
  if (!header.ok) throw new Error(header.message);
  const rows = records.map((record) => cellsFromRecord(tab, header.index, record, { timeZone: TIME_ZONE }));
  asLead(
    sandbox,
    (id: string, name: string, rows: unknown[][]) => {
      const sheet = SpreadsheetApp.openById(id).getSheetByName(name)!;
      sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0]!.length).setValues(rows as string[][]);
    },
    [spreadsheetId, tab.name, rows],
  );
}
