import { expect } from 'vitest';
import type { TabDefinition, TabRecord } from '../../../shared/records/tab';
import type { ExecutionResult } from '../../../sandbox/src/runtime/sandbox';
import { sheetState, snapshot } from '../as-lead';
import { recordsOf, setUpDemo, type Demo } from '../daily-run-fixture';

// The lead's record forms (sidebars of the CIL Hub menu) on the demo CIL: the sidebar each menu item
// opens, and its Save, run as google.script.run runs it (in the spreadsheet the lead has open).

export { setUpDemo, type Demo };

export interface Saved<Record> {
  cilId: string;
  record: Record;
  rowNumber: number;
  message: string;
}

/** The sidebar's Save: the server entry point with the form's fields, in the open spreadsheet. */
export function save(demo: Demo, functionName: string, fields: unknown): ExecutionResult {
  return demo.sandbox.run(functionName, [fields], { activeSpreadsheetId: demo.spreadsheetId, trigger: 'menu' });
}

export function saveOk<Record>(demo: Demo, functionName: string, fields: unknown): { saved: Saved<Record>; result: ExecutionResult } {
  const result = save(demo, functionName, fields);
  expect(result.error).toBeNull();
  return { saved: result.value as Saved<Record>, result };
}

/** A Save refused: its message, after checking that nothing in Drive or the sheets changed. */
export function refusedWith(demo: Demo, functionName: string, fields: unknown): string {
  const before = snapshot(demo.sandbox);
  const result = save(demo, functionName, fields);
  expect(result.value).toBeUndefined();
  expect(snapshot(demo.sandbox)).toEqual(before);
  return (result.error ?? '').replace(/^Error: /, '');
}

export function rows<Tab extends TabDefinition>(demo: Demo, tab: Tab): TabRecord<Tab>[] {
  return recordsOf(demo.sandbox, demo.spreadsheetId, tab);
}

/** The one write a Save makes: one setValues, one row. */
export function expectOneWrite(result: ExecutionResult, columns: number): void {
  expect(result.meter.callsByMethod['Range.setValues']).toBe(1);
  expect(result.meter.cellsWritten).toBe(columns);
}

export function noFormulas(demo: Demo, tabName: string): void {
  expect(sheetState(demo.sandbox, demo.spreadsheetId, tabName).formulas ?? {}).toEqual({});
}

/** Opens the sidebar from the menu and answers its title and HTML. */
export function openSidebar(demo: Demo, functionName: string): { title: string; html: string } {
  demo.sandbox.openSpreadsheet(demo.spreadsheetId);
  const chosen = demo.sandbox.chooseMenuItem(demo.spreadsheetId, functionName);
  expect(chosen.error).toBeNull();
  const shown = demo.sandbox.state.ui.shown.at(-1)!;
  expect(shown.kind).toBe('sidebar');
  return { title: shown.title, html: shown.content };
}

/** The page's script sends the fields to the entry point named on the form, which must be real. */
export function expectFormSavesWith(html: string, functionName: string): void {
  expect(html).toContain(`<form data-save="${functionName}">`);
  expect(html).toContain("[form.getAttribute('data-save')](fields)");
}
