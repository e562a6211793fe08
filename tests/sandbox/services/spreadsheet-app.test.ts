import { describe, expect, it } from 'vitest';
import { emptyWorkspace } from '../../../sandbox/src/workspace';
import { createExecutionContext, type ExecutionSurface } from '../../../sandbox/src/execution';
import { GoogleException } from '../../../sandbox/src/google-errors';
import { createSpreadsheetApp } from '../../../sandbox/src/services/spreadsheet-app';
import { MIME } from '../../../sandbox/src/services/drive-items';

// Contract tests for SpreadsheetApp: each pins a documented Google behaviour (or the sandbox's strict
// choice where Google's is unknown), with Google's exception texts.

const NOW = new Date('2026-11-27T05:00:00Z');

function setup(surface: ExecutionSurface = {}) {
  const state = emptyWorkspace({ now: NOW });
  const ctx = createExecutionContext(state, 'test-exec', surface);
  const SpreadsheetApp = createSpreadsheetApp(ctx);
  return { state, ctx, SpreadsheetApp };
}

/** A fresh spreadsheet (Asia/Karachi, en_US) and its first sheet. */
function book(rows?: number, columns?: number) {
  const env = setup();
  const ss = rows === undefined ? env.SpreadsheetApp.create('CIL Lahore') : env.SpreadsheetApp.create('CIL Lahore', rows, columns);
  return { ...env, ss, sheet: ss.getSheets()[0]! };
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GoogleException);
    expect((error as Error).name).toBe('Exception');
    return (error as Error).message;
  }
  throw new Error('expected an exception');
}

/** The value one typed string becomes. */
function typed(text: string, format?: string) {
  const { sheet } = book();
  const cell = sheet.getRange('B2');
  if (format) cell.setNumberFormat(format);
  cell.setValues([[text]]);
  return { value: cell.getValue(), display: cell.getDisplayValue(), formula: cell.getFormula(), format: cell.getNumberFormat() };
}

describe('SpreadsheetApp', () => {
  it('creates a spreadsheet with one 1000 × 26 sheet named Sheet1, as a Drive file of the same id', () => {
    const { state, SpreadsheetApp } = setup();
    const ss = SpreadsheetApp.create('CIL Lahore');
    const item = state.drive.items[ss.getId()]!;
    expect(item).toMatchObject({ name: 'CIL Lahore', mimeType: MIME.spreadsheet, kind: 'file', parents: ['root'] });
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    const sheet = ss.getSheets()[0]!;
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Karachi');
  });

  it('creates with the rows and columns asked for', () => {
    const { sheet } = book(10, 3);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([10, 3]);
  });

  it('opens by id and by URL, and fails on an unknown id', () => {
    const { ss, SpreadsheetApp } = book();
    expect(SpreadsheetApp.openById(ss.getId()).getName()).toBe('CIL Lahore');
    expect(SpreadsheetApp.openByUrl(ss.getUrl()).getId()).toBe(ss.getId());
    expect(errorOf(() => SpreadsheetApp.openById('nope'))).toBe(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp. (no spreadsheet with id nope)',
    );
    expect(errorOf(() => SpreadsheetApp.openByUrl('https://example.com/x'))).toBe('Invalid argument: url');
  });

  it('has an active spreadsheet only in a bound execution', () => {
    const { ss, state } = book();
    expect(setup().SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    const bound = createSpreadsheetApp(createExecutionContext(state, 'bound', { activeSpreadsheetId: ss.getId() }));
    expect(bound.getActiveSpreadsheet()!.getId()).toBe(ss.getId());
    expect(bound.getActive()!.getId()).toBe(ss.getId());
    bound.flush();
  });

  it('refuses getUi without a person at the spreadsheet', () => {
    expect(errorOf(() => setup().SpreadsheetApp.getUi())).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('exposes its enums as strings', () => {
    const { SpreadsheetApp } = setup();
    expect(SpreadsheetApp.ProtectionType.RANGE).toBe('RANGE');
    expect(SpreadsheetApp.ProtectionType.SHEET).toBe('SHEET');
    expect(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST).toBe('VALUE_IN_LIST');
    expect(SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA).toBe('CUSTOM_FORMULA');
  });
});

describe('Spreadsheet', () => {
  it('keeps its name on the Drive item', () => {
    const { ss, state } = book();
    ss.rename('CIL Karachi');
    expect(ss.getName()).toBe('CIL Karachi');
    expect(state.drive.items[ss.getId()]!.name).toBe('CIL Karachi');
  });

  it('inserts sheets: default names, 0-based index, the new sheet becomes active', () => {
    const { ss } = book();
    ss.insertSheet('Hours');
    ss.insertSheet('Volunteers', 0);
    const third = ss.insertSheet();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Volunteers', 'Sheet1', 'Hours', 'Sheet4']);
    expect(ss.getActiveSheet().getName()).toBe(third.getName());
    expect(ss.getSheetByName('Hours')!.getIndex()).toBe(3);
    expect(ss.getNumSheets()).toBe(4);
  });

  it('refuses a sheet name already taken, regardless of case', () => {
    const { ss } = book();
    ss.insertSheet('Hours');
    expect(errorOf(() => ss.insertSheet('hours'))).toBe('A sheet with the name "hours" already exists. Please enter another name.');
    expect(errorOf(() => ss.getSheetByName('Hours')!.setName('Sheet1'))).toBe('A sheet with the name "Sheet1" already exists. Please enter another name.');
  });

  it('finds sheets by exact name (null when absent) and by id', () => {
    const { ss } = book();
    const hours = ss.insertSheet('Hours');
    expect(ss.getSheetByName('Missing')).toBeNull();
    expect(ss.getSheetByName('hours')).toBeNull();
    expect(ss.getSheetById(hours.getSheetId())!.getName()).toBe('Hours');
    expect(hours.getParent()).toBeDefined();
  });

  it('deletes sheets but never the last one; a deleted sheet fails', () => {
    const { ss } = book();
    const hours = ss.insertSheet('Hours');
    ss.deleteSheet(hours);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(errorOf(() => hours.getName())).toBe('The sheet was deleted or could not be found.');
    expect(errorOf(() => ss.deleteSheet(ss.getSheets()[0]))).toBe(
      'This operation is not supported: a spreadsheet must have at least one visible sheet.',
    );
  });

  it('sets and moves the active sheet', () => {
    const { ss } = book();
    const hours = ss.insertSheet('Hours');
    ss.setActiveSheet(ss.getSheetByName('Sheet1'));
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    hours.activate();
    ss.moveActiveSheet(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Hours', 'Sheet1']);
  });

  it("reads ranges by A1 notation with a sheet name, quoted when it has spaces, or on the active sheet", () => {
    const { ss, sheet } = book();
    const log = ss.insertSheet('Accountability log');
    log.getRange('B2').setValue('warned');
    sheet.getRange('A1').setValue('x');
    expect(ss.getRange("'Accountability log'!B2").getValue()).toBe('warned');
    expect(ss.getRange('Sheet1!A1').getValue()).toBe('x');
    expect(ss.getRange('B2').getSheet()).toBeDefined();
    expect(errorOf(() => ss.getRange('Nope!A1'))).toBe('Range not found: Nope!A1');
    expect(errorOf(() => ss.getRange('not a range'))).toBe('Range not found: not a range');
    expect(errorOf(() => sheet.getRange("'Accountability log'!B2"))).toBe("Range not found: 'Accountability log'!B2");
  });

  it('adds editors on the Drive item, and refuses a bad address', () => {
    const { ss, state } = book();
    ss.addEditor('ayesha@cil-demo.example');
    ss.addEditors(['bilal@cil-demo.example', 'ayesha@cil-demo.example']);
    expect(state.drive.items[ss.getId()]!.editors).toEqual(['ayesha@cil-demo.example', 'bilal@cil-demo.example']);
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['ayesha@cil-demo.example', 'bilal@cil-demo.example']);
    expect(ss.getOwner().getEmail()).toBe('lead@cil-demo.example');
    expect(errorOf(() => ss.addEditor('not an email'))).toBe('Invalid email: not an email');
  });

  it('validates the time zone, and keeps what date cells show when it changes', () => {
    const { ss, sheet } = book();
    expect(errorOf(() => ss.setSpreadsheetTimeZone('Mars/Olympus'))).toBe('Invalid argument: timezone');
    sheet.getRange('A1').setValue('2026-11-27');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-11-26T19:00:00.000Z');
    ss.setSpreadsheetTimeZone('UTC');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-11-27');
  });

  it('shows a toast', () => {
    const { ss, state } = book();
    ss.toast('Saved', 'CIL Hub');
    expect(state.ui.shown).toEqual([{ at: NOW, kind: 'toast', title: 'CIL Hub', content: 'Saved' }]);
  });
});
