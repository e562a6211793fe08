import { describe, expect, it } from 'vitest';
import { createExecutionContext, type ExecutionSurface } from '../../../sandbox/src/execution';
import { createSpreadsheetApp } from '../../../sandbox/src/services/spreadsheet-app';
import { MIME } from '../../../sandbox/src/services/drive-items';
import { NOW, errorOf, serviceContext } from './service-context';

// Contract tests for SpreadsheetApp: each pins a documented Google behaviour (or the sandbox's strict
// choice where Google's is unknown), with Google's exception texts.

function setup(surface: ExecutionSurface = {}) {
  const ctx = serviceContext(surface);
  const SpreadsheetApp = createSpreadsheetApp(ctx);
  return { state: ctx.state, ctx, SpreadsheetApp };
}

/** A fresh spreadsheet (Asia/Karachi, en_US) and its first sheet. */
function book(rows?: number, columns?: number) {
  const env = setup();
  const ss = rows === undefined ? env.SpreadsheetApp.create('CIL Lahore') : env.SpreadsheetApp.create('CIL Lahore', rows, columns);
  return { ...env, ss, sheet: ss.getSheets()[0]! };
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

describe('Sheet.getRange and the grid', () => {
  it('takes 1-based coordinates in all four forms and A1 notation', () => {
    const { sheet } = book();
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
    const r = sheet.getRange('B3:D4');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn()]).toEqual([3, 2, 2, 3, 4, 4]);
    expect(sheet.getRange(1, 27 - 1).getA1Notation()).toBe('Z1');
  });

  it('runs open-ended A1 ranges to the edge of the grid', () => {
    const { sheet } = book();
    expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
    expect(sheet.getRange('B:B').getA1Notation()).toBe('B1:B1000');
    expect(sheet.getRange('2:3').getA1Notation()).toBe('A2:Z3');
  });

  it("throws Google's texts for bad coordinates", () => {
    const { sheet } = book();
    expect(errorOf(() => sheet.getRange(0, 1))).toBe('The starting row of the range is too small.');
    expect(errorOf(() => sheet.getRange(1, 0))).toBe('The starting column of the range is too small.');
    expect(errorOf(() => sheet.getRange(1, 1, 0))).toBe('The number of rows in the range must be at least 1.');
    expect(errorOf(() => sheet.getRange(1, 1, 1, 0))).toBe('The number of columns in the range must be at least 1.');
    expect(errorOf(() => sheet.getRange(1000, 1, 2))).toBe('Those rows are out of bounds.');
    expect(errorOf(() => sheet.getRange(1, 26, 1, 2))).toBe('Those columns are out of bounds.');
    expect(errorOf(() => sheet.getRange('A1:A1001'))).toBe('Those rows are out of bounds.');
    expect(errorOf(() => sheet.getRange('AA1'))).toBe('Those columns are out of bounds.');
    expect(errorOf(() => sheet.getRange(1.5, 1))).toBe('The coordinates or dimensions of the range are invalid.');
  });

  it('reports 0 as last row and column of an empty sheet, and A1 as its data range', () => {
    const { sheet } = book();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    expect(sheet.getDataRange().getValues()).toEqual([['']]);
  });

  it('finds the last row and column with content, not the last written', () => {
    const { sheet } = book();
    sheet.getRange('A1:C3').setValues([
      ['a', '', ''],
      ['', '', 'c'],
      ['', '', ''],
    ]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 3]);
    sheet.getRange('C2').setValue('');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([1, 1]);
    sheet.getRange('E7').setFormula('=A1');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:E7');
  });

  it('offsets ranges and picks cells relative to the range', () => {
    const { sheet } = book();
    const r = sheet.getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(errorOf(() => r.getCell(3, 1))).toBe('Cell reference out of range');
    expect(errorOf(() => r.offset(-2, 0))).toBe('The starting row of the range is too small.');
  });

  it('getSheetValues reads like getRange().getValues(), -1 meaning to the last row with data', () => {
    const { sheet } = book();
    sheet.getRange('A1:B3').setValues([[1, 2], [3, 4], [5, 6]]);
    expect(sheet.getSheetValues(2, 1, -1, 2)).toEqual([[3, 4], [5, 6]]);
  });
});

describe('values', () => {
  it('reads blank cells as empty strings and keeps numbers, booleans and strings', () => {
    const { sheet } = book();
    sheet.getRange('A1:D1').setValues([[1.5, true, 'text', null]]);
    expect(sheet.getRange('A1:E2').getValues()).toEqual([
      [1.5, true, 'text', '', ''],
      ['', '', '', '', ''],
    ]);
  });

  it('writes null and undefined as blank cells', () => {
    const { sheet } = book();
    sheet.getRange('A1:B1').setValues([['x', 'y']]);
    sheet.getRange('A1:B1').setValues([[null, undefined]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sheet.getLastRow()).toBe(0);
  });

  it('returns a fresh Date on every read, and keeps no link to the Date written', () => {
    const { sheet } = book();
    const written = new Date('2026-11-20T10:00:00Z');
    sheet.getRange('A1').setValue(written);
    written.setFullYear(2000);
    const first = sheet.getRange('A1').getValue() as Date;
    expect(first).toBeInstanceOf(Date);
    expect(first.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    first.setFullYear(1999);
    const again = sheet.getRange('A1').getValues()[0]![0] as Date;
    expect(again.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(again).not.toBe(first);
  });

  it.each([
    ['42', 42],
    ['+1', 1],
    ['-5', -5],
    ['3.25', 3.25],
    ['.5', 0.5],
    ['007', 7],
    ['1,234', 1234],
    ['1e3', 1000],
    ['+923001234567', 923001234567],
    ['TRUE', true],
    ['false', false],
    ['@x', '@x'],
    ['hello', 'hello'],
    ['  padded  ', '  padded  '],
    ['12:3', '12:3'],
    ['V-0001', 'V-0001'],
  ])('typing %j stores %j, as Sheets does', (text, expected) => {
    expect(typed(text).value).toEqual(expected);
  });

  it('types percentages and money as numbers with an automatic format', () => {
    expect(typed('50%')).toMatchObject({ value: 0.5, display: '50%', format: '0%' });
    expect(typed('$1,250.5')).toMatchObject({ value: 1250.5, display: '$1,250.50' });
  });

  it("types dates and times as Dates on the spreadsheet's wall clock (Asia/Karachi)", () => {
    const iso = typed('2026-11-27');
    expect((iso.value as Date).toISOString()).toBe('2026-11-26T19:00:00.000Z');
    expect(iso).toMatchObject({ display: '2026-11-27', format: 'yyyy-mm-dd' });
    expect((typed('11/27/2026').value as Date).toISOString()).toBe('2026-11-26T19:00:00.000Z');
    expect((typed('2026-11-27 14:30').value as Date).toISOString()).toBe('2026-11-27T09:30:00.000Z');
    expect((typed('27 Nov 2026').value as Date).toISOString()).toBe('2026-11-26T19:00:00.000Z');
    expect((typed('Nov 27, 2026').value as Date).toISOString()).toBe('2026-11-26T19:00:00.000Z');
    // A time alone is a date-time on 1899-12-30, Sheets' day zero (Karachi then kept local mean time).
    const time = typed('14:30');
    expect(time.display).toBe('14:30:00');
    expect((time.value as Date).toISOString()).toBe('1899-12-30T10:01:48.000Z');
    // Month/day without a year takes this year (in the spreadsheet's time zone).
    expect((typed('3/4').value as Date).toISOString()).toBe('2026-03-03T19:00:00.000Z');
    expect(typed('2026-02-30').value).toBe('2026-02-30');
    expect(typed('2026-11-27T05:00:00Z').value).toBe('2026-11-27T05:00:00Z');
  });

  it('reads day/month order from the spreadsheet locale', () => {
    const { ss, sheet } = book();
    ss.setSpreadsheetLocale('en_GB');
    sheet.getRange('A1').setValue('27/11/2026');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-11-26T19:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('27/11/2026');
    expect(errorOf(() => ss.setSpreadsheetLocale('English'))).toBe('Invalid argument: locale');
  });

  it("makes '=…' a formula: getValues gives '' (not evaluated) and getFormula(s) the text", () => {
    const cell = typed('=HYPERLINK("https://example.com","site")');
    expect(cell).toMatchObject({ value: '', display: '', formula: '=HYPERLINK("https://example.com","site")' });
  });

  it("reads '+' or '-' before text as a formula, so typed text must be escaped", () => {
    expect(typed('-abc')).toMatchObject({ value: '', formula: '=-abc' });
    expect(typed('+SUM(A1)')).toMatchObject({ value: '', formula: '=+SUM(A1)' });
    expect(typed('-')).toMatchObject({ value: '-', formula: '' });
  });

  it("keeps text after a leading apostrophe, without the apostrophe, in values and display", () => {
    for (const text of ['=1+1', '+1', '-5', '42', 'TRUE', '2026-11-27', "'quoted"]) {
      const cell = typed(`'${text}`);
      expect(cell).toEqual({ value: text, display: text, formula: '', format: 'General' });
    }
  });

  it("stores every string verbatim in plain-text ('@') cells", () => {
    for (const text of ['42', '=1+1', '-abc', 'TRUE', '2026-11-27', "'x"]) {
      expect(typed(text, '@')).toEqual({ value: text, display: text, formula: '', format: '@' });
    }
  });

  it("keeps setFormula a formula even in a plain-text cell, and a plain write replaces a formula", () => {
    const { sheet } = book();
    const cell = sheet.getRange('A1').setNumberFormat('@');
    cell.setFormula('=NOW()');
    expect(cell.getFormula()).toBe('=NOW()');
    cell.setValue('plain');
    expect([cell.getFormula(), cell.getValue()]).toEqual(['', 'plain']);
    sheet.getRange('A2:B2').setFormulas([['=1', '=2']]);
    expect(sheet.getRange('A1:B2').getFormulas()).toEqual([['', ''], ['=1', '=2']]);
  });

  it('sets one value into every cell of a range', () => {
    const { sheet } = book();
    sheet.getRange('A1:B2').setValue(7);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([[7, 7], [7, 7]]);
    expect(sheet.getRange('A1:B2').isBlank()).toBe(false);
    expect(sheet.getRange('C1:C2').isBlank()).toBe(true);
  });
});

describe('setValues checks', () => {
  it('checks the number of rows first, then each row’s length', () => {
    const { sheet } = book();
    const range = sheet.getRange('A1:D2');
    expect(errorOf(() => range.setValues([['a', 'b']]))).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(errorOf(() => range.setValues([['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd', 'e']]))).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
    expect(errorOf(() => range.setValues([]))).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 0 but the range has 2.',
    );
  });

  it('refuses what is not a 2-D array', () => {
    const { sheet } = book();
    expect(errorOf(() => sheet.getRange('A1:B1').setValues(['a', 'b']))).toBe(
      "The parameters (Object[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('refuses objects, arrays and non-finite numbers as cell values, changing nothing', () => {
    const { sheet } = book();
    const range = sheet.getRange('A1:B1');
    expect(errorOf(() => range.setValues([['ok', { a: 1 }]]))).toBe(
      'Invalid argument: value. A cell holds a number, string, boolean, Date or nothing; got object.',
    );
    expect(errorOf(() => range.setValues([['ok', ['x']]]))).toContain('got array.');
    expect(errorOf(() => range.setValue(Number.NaN))).toContain('got NaN.');
    expect(range.getValues()).toEqual([['', '']]);
  });

  it('refuses more than 50,000 characters in a cell', () => {
    const { sheet } = book();
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(errorOf(() => sheet.getRange('A2').setValue('x'.repeat(50_001)))).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it('writes regardless of a strict dropdown: Apps Script validates only what people type', () => {
    const { sheet, SpreadsheetApp } = book();
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['active', 'inactive'], true).setAllowInvalid(false).build();
    sheet.getRange('A2:A10').setDataValidation(rule);
    sheet.getRange('A2').setValue('on leave');
    expect(sheet.getRange('A2').getValue()).toBe('on leave');
    expect(sheet.getRange('A2').getDataValidation()!.getAllowInvalid()).toBe(false);
  });
});

describe('display values and number formats', () => {
  const shown = (value: unknown, format?: string) => {
    const { sheet } = book();
    const cell = sheet.getRange('A1');
    if (format) cell.setNumberFormat(format);
    cell.setValue(value);
    return cell.getDisplayValue();
  };

  it('shows numbers in General like Sheets: no trailing zeros, 10 significant digits', () => {
    expect(shown(1)).toBe('1');
    expect(shown(1.5)).toBe('1.5');
    expect(shown(1 / 3)).toBe('0.3333333333');
    expect(shown(0.1 + 0.2)).toBe('0.3');
    expect(shown(-42)).toBe('-42');
    expect(shown(123456789012)).toBe('123456789012');
    expect(shown(1e20)).toBe('1E+20');
  });

  it('shows booleans as TRUE and FALSE', () => {
    expect(shown(true)).toBe('TRUE');
    expect(shown(false)).toBe('FALSE');
  });

  it('applies number patterns', () => {
    expect(shown(3.14159, '0.00')).toBe('3.14');
    expect(shown(2.5, '0')).toBe('3');
    expect(shown(1234567.891, '#,##0.00')).toBe('1,234,567.89');
    expect(shown(0.256, '0.0%')).toBe('25.6%');
    expect(shown(-5, '0.00;(0.00)')).toBe('(5.00)');
    expect(shown(42, '@')).toBe('42');
  });

  it("shows a Date written by a script as M/d/yyyy H:mm:ss on the spreadsheet's clock", () => {
    const { sheet } = book();
    sheet.getRange('A1').setValue(new Date('2026-11-27T05:00:00Z'));
    expect(sheet.getRange('A1').getDisplayValue()).toBe('11/27/2026 10:00:00');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
  });

  it('applies date patterns in the spreadsheet time zone', () => {
    const date = new Date('2026-11-27T20:05:09Z'); // 28 Nov 01:05:09 in Karachi
    expect(shown(date, 'yyyy-mm-dd')).toBe('2026-11-28');
    expect(shown(date, 'dd/mm/yyyy')).toBe('28/11/2026');
    expect(shown(date, 'd mmm yyyy')).toBe('28 Nov 2026');
    expect(shown(date, 'yyyy-mm-dd hh:mm')).toBe('2026-11-28 01:05');
    expect(shown(date, 'dddd, mmmm d')).toBe('Saturday, November 28');
    expect(shown(date, 'h:mm am/pm')).toBe('1:05 am');
    expect(shown(46353, 'yyyy-mm-dd')).toBe('2026-11-27');
  });

  it('reports General for unformatted cells and keeps set formats, in shape', () => {
    const { sheet } = book();
    sheet.getRange('B1:B2').setNumberFormat('0.00');
    expect(sheet.getRange('A1:B2').getNumberFormats()).toEqual([['General', '0.00'], ['General', '0.00']]);
    sheet.getRange('A1:B1').setNumberFormats([['@', 'yyyy-mm-dd']]);
    expect(sheet.getRange('A1:B1').getNumberFormats()).toEqual([['@', 'yyyy-mm-dd']]);
    expect(errorOf(() => sheet.getRange('A1:B1').setNumberFormats([['@']]))).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('shows formulas (not evaluated) as blank', () => {
    const { sheet } = book();
    sheet.getRange('A1').setValue('=1+1');
    expect(sheet.getRange('A1').getDisplayValues()).toEqual([['']]);
  });
});

describe('the meter', () => {
  it('counts cells read by getValues, getDisplayValues and getFormulas, and written by setValues, setValue and appendRow', () => {
    const { sheet, ctx } = book();
    sheet.getRange('A1:C4').getValues();
    sheet.getRange('A1:B2').getDisplayValues();
    sheet.getRange('A1:A5').getFormulas();
    expect(ctx.meter.cellsRead).toBe(12 + 4 + 5);
    sheet.getRange('A1:B3').setValues([[1, 2], [3, 4], [5, 6]]);
    sheet.getRange('D1').setValue('x');
    sheet.appendRow(['a', 'b', 'c']);
    expect(ctx.meter.cellsWritten).toBe(6 + 1 + 3);
  });
});

describe('rows, columns and the 10,000,000-cell limit', () => {
  it('appends after the last row with content, typed like setValues', () => {
    const { sheet } = book();
    sheet.getRange('A1:C1').setValues([['Id', 'Name', 'Hours']]);
    sheet.appendRow(['V-1', "'=cmd", '5']);
    sheet.appendRow(['V-2', 'Sana']);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['Id', 'Name', 'Hours'],
      ['V-1', '=cmd', 5],
      ['V-2', 'Sana', ''],
    ]);
  });

  it('grows the grid by a row when appending to a full sheet', () => {
    const { sheet } = book(2, 3);
    sheet.appendRow(['a']);
    sheet.appendRow(['b']);
    sheet.appendRow(['c']);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['a'], ['b'], ['c']]);
  });

  it('refuses an empty row or one wider than the grid', () => {
    const { sheet } = book(5, 2);
    expect(errorOf(() => sheet.appendRow([]))).toBe('The number of columns in the range must be at least 1.');
    expect(errorOf(() => sheet.appendRow([1, 2, 3]))).toBe('Those columns are out of bounds.');
  });

  it('inserts rows after and before a position, moving data, formats and formulas', () => {
    const { sheet } = book(5, 3);
    sheet.getRange('A1:A3').setValues([['h'], ['r2'], ['r3']]);
    sheet.getRange('B3').setFormula('=A3');
    sheet.getRange('C3').setNumberFormat('0.00');
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(7);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['h'], [''], [''], ['r2'], ['r3']]);
    expect(sheet.getRange('B5').getFormula()).toBe('=A3');
    expect(sheet.getRange('C5').getNumberFormat()).toBe('0.00');
    sheet.insertRowBefore(1);
    expect(sheet.getRange('A2').getValue()).toBe('h');
    sheet.insertRowAfter(8);
    expect(sheet.getMaxRows()).toBe(9);
    expect(errorOf(() => sheet.insertRowsAfter(10, 1))).toBe('Those rows are out of bounds.');
  });

  it('inserts and deletes columns', () => {
    const { sheet } = book(3, 3);
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(5);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['a', '', '', 'b', 'c']]);
    sheet.deleteColumns(2, 2);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['a', 'b', 'c']]);
    sheet.insertColumnBefore(1);
    sheet.deleteColumn(1);
    expect(sheet.getMaxColumns()).toBe(3);
  });

  it('deletes rows, moving what is below up', () => {
    const { sheet } = book(5, 2);
    sheet.getRange('A1:A4').setValues([['h'], ['x'], ['y'], ['z']]);
    sheet.deleteRows(2, 2);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getDataRange().getValues()).toEqual([['h'], ['z']]);
    sheet.deleteRow(2);
    expect(sheet.getLastRow()).toBe(1);
    expect(errorOf(() => sheet.deleteRows(2, 5))).toBe('Those rows are out of bounds.');
  });

  it('refuses to delete every non-frozen row or column', () => {
    const { sheet } = book(3, 2);
    sheet.setFrozenRows(1);
    expect(errorOf(() => sheet.deleteRows(2, 2))).toBe('Sorry, it is not possible to delete all non-frozen rows.');
    expect(errorOf(() => sheet.deleteColumns(1, 2))).toBe('Sorry, it is not possible to delete all non-frozen columns.');
  });

  it('counts every cell of every grid against the 10,000,000-cell limit', () => {
    const { ss, sheet } = book(1000, 26);
    sheet.insertRowsAfter(1000, 383_615); // 384,615 × 26 = 9,999,990 cells
    const limit = 'This action would increase the number of cells in the workbook above the limit of 10,000,000 cells.';
    expect(errorOf(() => sheet.insertRowsAfter(1, 1))).toBe(limit);
    expect(errorOf(() => sheet.insertColumnsAfter(1, 1))).toBe(limit);
    expect(errorOf(() => ss.insertSheet('More'))).toBe(limit);
    expect(errorOf(() => setup().SpreadsheetApp.create('Huge', 400_000, 26))).toBe(limit);
  });

  it('refuses to grow past the limit when appending to a full sheet', () => {
    const { sheet } = book(549, 18_214); // 9,999,486 cells
    sheet.getRange(549, 1).setValue('last');
    expect(errorOf(() => sheet.appendRow(['one more']))).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10,000,000 cells.',
    );
    expect(errorOf(() => setup().SpreadsheetApp.create('Wide', 1, 18_279))).toBe(
      'This action would increase the number of columns in the workbook above the limit of 18278 columns.',
    );
  });
});

describe('sheet settings', () => {
  it('freezes rows and columns, but not all of them', () => {
    const { sheet } = book(10, 5);
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    expect(errorOf(() => sheet.setFrozenRows(10))).toBe("You can't freeze all visible rows on the sheet.");
    sheet.insertRowBefore(1);
    expect(sheet.getFrozenRows()).toBe(2);
  });

  it('hides and shows sheets, keeping one visible', () => {
    const { ss, sheet } = book();
    const settings = ss.insertSheet('Settings');
    settings.hideSheet();
    expect(settings.isSheetHidden()).toBe(true);
    expect(errorOf(() => sheet.hideSheet())).toBe("You can't hide all the sheets in a document.");
    settings.showSheet();
    expect(settings.isSheetHidden()).toBe(false);
  });

  it('records column widths and accepts auto-resizing within the grid', () => {
    const { sheet } = book(10, 5);
    sheet.setColumnWidth(2, 240);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2)]).toEqual([100, 240]);
    sheet.autoResizeColumns(1, 5);
    expect(errorOf(() => sheet.autoResizeColumns(1, 6))).toBe('Those columns are out of bounds.');
  });

  it('clears contents, formats or both', () => {
    const { sheet } = book();
    sheet.getRange('A1:B1').setValues([['x', '=1']]).setNumberFormat('0.00');
    sheet.clearContents();
    expect([sheet.getLastRow(), sheet.getRange('A1').getNumberFormat(), sheet.getRange('B1').getFormula()]).toEqual([0, '0.00', '']);
    sheet.getRange('A1').setValue(1);
    sheet.clearFormats();
    expect([sheet.getRange('A1').getValue(), sheet.getRange('A1').getNumberFormat()]).toEqual([1, 'General']);
    sheet.clear();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('A1:A2').setValues([['a'], ['b']]);
    sheet.getRange('A2').clearContent();
    expect(sheet.getLastRow()).toBe(1);
  });

  it('records cell formatting and refuses unknown values', () => {
    const { sheet } = book();
    const header = sheet.getRange('A1:L1');
    header.setBackground('#1a73e8').setFontColor('#ffffff').setFontWeight('bold').setHorizontalAlignment('center').setWrap(true);
    expect(sheet.getRange('C1').getBackground()).toBe('#1a73e8');
    expect(sheet.getRange('C1').getFontWeight()).toBe('bold');
    expect(sheet.getRange('C2').getFontWeight()).toBe('normal');
    expect(errorOf(() => header.setFontWeight('heavy'))).toBe('Invalid argument: fontweight');
  });
});

describe('protection', () => {
  it('protects a sheet once, listing the owner and the spreadsheet editors at first', () => {
    const { ss, sheet } = book();
    ss.addEditor('ayesha@cil-demo.example');
    const protection = sheet.protect().setDescription('Header');
    expect(protection.getProtectionType()).toBe('SHEET');
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual(['lead@cil-demo.example', 'ayesha@cil-demo.example']);
    expect(sheet.protect().getDescription()).toBe('Header');
    expect(sheet.getProtections('SHEET')).toHaveLength(1);
    expect(protection.getRange().getA1Notation()).toBe('A1:Z1000');
  });

  it('protects ranges separately each time', () => {
    const { sheet } = book();
    const header = sheet.getRange('A1:L1').protect().setDescription('Header row');
    sheet.getRange('A2').protect();
    expect(sheet.getProtections('RANGE').map((p) => p.getDescription())).toEqual(['Header row', '']);
    expect(header.getRange().getA1Notation()).toBe('A1:L1');
    header.remove();
    expect(sheet.getProtections('RANGE')).toHaveLength(1);
    expect(errorOf(() => header.getDescription())).toBe('The protection was removed or could not be found.');
  });

  it('removes editors but never the owner, who can always edit', () => {
    const { ss, sheet } = book();
    ss.addEditor('ayesha@cil-demo.example');
    const p = sheet.getRange('A1:L1').protect();
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['lead@cil-demo.example']);
    expect(p.canEdit()).toBe(true);
    p.addEditor('bilal@cil-demo.example');
    p.removeEditor('bilal@cil-demo.example');
    expect(p.getEditors()).toHaveLength(1);
    p.setDomainEdit(false).setWarningOnly(true);
    expect([p.canDomainEdit(), p.isWarningOnly()]).toEqual([false, true]);
    expect(errorOf(() => p.addEditor('nobody'))).toBe('Invalid email: nobody');
  });

  it('never removes the current user, and refuses to drop the group they edit through unless they were added first', () => {
    const { ss, sheet, state } = book();
    // Someone else's spreadsheet, shared with the lead through a Google Group.
    state.drive.items[ss.getId()]!.owner = 'owner@cil-demo.example';
    ss.addEditor('leads@cil-demo.example');
    state.groups = { 'leads@cil-demo.example': ['lead@cil-demo.example'] };
    const p = sheet.getRange('A1:L1').protect();
    const editors = () => p.getEditors().map((u) => u.getEmail());
    expect(editors()).toEqual(['owner@cil-demo.example', 'leads@cil-demo.example']);
    expect(p.canEdit()).toBe(true);

    expect(errorOf(() => p.removeEditors(p.getEditors()))).toBe(
      "You can't remove leads@cil-demo.example from the editors of this protected range: your own edit access comes through it. Add yourself as an editor first.",
    );
    expect(editors()).toEqual(['owner@cil-demo.example', 'leads@cil-demo.example']);

    p.addEditor(state.user.email);
    p.removeEditors(p.getEditors());
    expect(editors()).toEqual(['owner@cil-demo.example', 'lead@cil-demo.example']);
    expect(p.canEdit()).toBe(true);
  });

  it('lists the unprotected ranges of a sheet protection', () => {
    const { sheet } = book();
    const p = sheet.protect().setUnprotectedRanges([sheet.getRange('A2:L')]);
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['A2:L1000']);
  });

  it('follows its range when rows are inserted above', () => {
    const { sheet } = book();
    const p = sheet.getRange('A2:B3').protect();
    sheet.insertRowBefore(1);
    expect(p.getRange().getA1Notation()).toBe('A3:B4');
  });

  it("lets the spreadsheet's owner write to cells protected from everyone else", () => {
    const { sheet } = book();
    const p = sheet.getRange('A1').protect();
    p.removeEditors(p.getEditors());
    sheet.getRange('A1').setValue('header');
    expect(sheet.getRange('A1').getValue()).toBe('header');
  });
});

describe('data validation', () => {
  it('builds a dropdown rule: criteria values are [list, showDropdown], invalid input allowed until told otherwise', () => {
    const { SpreadsheetApp } = setup();
    const builder = SpreadsheetApp.newDataValidation().requireValueInList(['active', 'warned', 'offboarded']);
    expect(builder.build().getAllowInvalid()).toBe(true);
    const rule = builder.setAllowInvalid(false).setHelpText('Pick a status').build();
    expect(rule.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaValues()).toEqual([['active', 'warned', 'offboarded'], true]);
    expect([rule.getAllowInvalid(), rule.getHelpText()]).toEqual([false, 'Pick a status']);
    expect(rule.copy().requireValueInList(['a'], false).build().getCriteriaValues()).toEqual([['a'], false]);
  });

  it('builds date, number, checkbox, email and range rules', () => {
    const { SpreadsheetApp, sheet } = book();
    const rule = () => SpreadsheetApp.newDataValidation();
    expect(rule().requireDate().build().getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(rule().requireNumberBetween(0, 168).build().getCriteriaValues()).toEqual([0, 168]);
    expect(rule().requireNumberGreaterThanOrEqualTo(0).build().getCriteriaType()).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(rule().requireCheckbox().build().getCriteriaType()).toBe('CHECKBOX');
    expect(rule().requireTextIsEmail().build().getCriteriaType()).toBe('TEXT_IS_VALID_EMAIL');
    const [source, dropdown] = rule().requireValueInRange(sheet.getRange('Z1:Z5')).build().getCriteriaValues() as [{ getA1Notation(): string }, boolean];
    expect([source.getA1Notation(), dropdown]).toEqual(['Z1:Z5', true]);
  });

  it('refuses a rule without criteria and a list that is not strings', () => {
    const { SpreadsheetApp } = setup();
    expect(errorOf(() => SpreadsheetApp.newDataValidation().build())).toBe(
      'The data validation rule has no criteria: call one of the require… methods before build().',
    );
    expect(errorOf(() => SpreadsheetApp.newDataValidation().requireValueInList('a'))).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
    );
  });

  it('stores rules on the sheet: a new rule replaces the old one where they overlap, null removes it', () => {
    const { SpreadsheetApp, sheet, state, ss } = book();
    const list = SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build();
    const date = SpreadsheetApp.newDataValidation().requireDate().build();
    sheet.getRange('A2:A10').setDataValidation(list);
    sheet.getRange('A5:B5').setDataValidation(date);
    const types = sheet.getRange('A4:B6').getDataValidations().map((row) => row.map((r) => r?.getCriteriaType() ?? null));
    expect(types).toEqual([['VALUE_IN_LIST', null], ['DATE_IS_VALID_DATE', 'DATE_IS_VALID_DATE'], ['VALUE_IN_LIST', null]]);
    sheet.getRange('A2:A10').setDataValidation(null);
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();
    expect(state.spreadsheets[ss.getId()]!.sheets[0]!.validations.map((v) => v.range)).toEqual([
      { row: 5, column: 2, numRows: 1, numColumns: 1 },
    ]);
  });

  it('inserts checkboxes as checkbox rules with every cell unchecked', () => {
    const { sheet } = book();
    sheet.getRange('C2:C3').insertCheckboxes();
    expect(sheet.getRange('C2:C3').getValues()).toEqual([[false], [false]]);
    expect(sheet.getRange('C3').getDataValidation()!.getCriteriaType()).toBe('CHECKBOX');
  });
});

describe('conditional formats', () => {
  it('records rules on the sheet and reads them back', () => {
    const { SpreadsheetApp, sheet, state, ss } = book();
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2<5')
      .setBackground('#f4cccc')
      .setFontColor('#990000')
      .setBold(true)
      .setRanges([sheet.getRange('A2:L')])
      .build();
    const warned = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('warned').setBackground('#fff2cc').setRanges([sheet.getRange('D2:D')]).build();
    sheet.setConditionalFormatRules([rule, warned]);
    const back = sheet.getConditionalFormatRules();
    expect(back).toHaveLength(2);
    const condition = back[0]!.getBooleanCondition();
    expect([condition.getCriteriaType(), condition.getCriteriaValues(), condition.getBackground(), condition.getFontColor(), condition.getBold()]).toEqual([
      'CUSTOM_FORMULA',
      ['=$C2<5'],
      '#f4cccc',
      '#990000',
      true,
    ]);
    expect(back[0]!.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:L1000']);
    expect(state.spreadsheets[ss.getId()]!.sheets[0]!.conditionalFormats[1]).toMatchObject({ condition: 'TEXT_EQUAL_TO', args: ['warned'] });
    const low = SpreadsheetApp.newConditionalFormatRule().whenNumberLessThan(5).setRanges([sheet.getRange('C2:C')]).build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), low]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(3);
  });

  it('refuses a rule without a condition, or with ranges on another sheet', () => {
    const { SpreadsheetApp, ss, sheet } = book();
    expect(errorOf(() => SpreadsheetApp.newConditionalFormatRule().setBackground('#fff').build())).toBe(
      'The conditional format rule has no condition: call one of the when… methods before build().',
    );
    const other = ss.insertSheet('Other');
    const rule = SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setRanges([other.getRange('A1')]).build();
    expect(errorOf(() => sheet.setConditionalFormatRules([rule]))).toBe('The range must be on the same sheet.');
  });
});

describe('charts', () => {
  it('builds, inserts, modifies and removes embedded charts', () => {
    const { ss, sheet } = book();
    const hours = ss.insertSheet('Hours');
    const chart = sheet
      .newChart()
      .asColumnChart()
      .addRange(hours.getRange('A1:B20'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Hours per week')
      .setOption('legend', { position: 'none' })
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted!.getChartId()).toBe(1);
    expect(inserted!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B20']);
    expect(inserted!.getOptions().get('legend.position')).toBe('none');
    expect(inserted!.getContainerInfo().getAnchorColumn()).toBe(4);
    sheet.updateChart(inserted!.modify().asLineChart().setOption('title', 'Trend').build());
    expect(sheet.getCharts()[0]!.getOptions().get('title')).toBe('Trend');
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toEqual([]);
    expect(errorOf(() => sheet.removeChart(inserted))).toBe('The chart was removed or could not be found.');
  });

  it('records the chart type, and refuses a chart without one', () => {
    const { sheet, state, ss } = book();
    sheet.insertChart(sheet.newChart().setChartType('PIE').addRange(sheet.getRange('A1:B5')).build());
    expect(state.spreadsheets[ss.getId()]!.sheets[0]!.charts[0]).toMatchObject({ type: 'PIE', ranges: [{ sheetId: 0, row: 1, column: 1, numRows: 5, numColumns: 2 }] });
    expect(errorOf(() => sheet.newChart().addRange(sheet.getRange('A1')).build())).toBe(
      'The chart has no type: call setChartType or one of the as…Chart methods before build().',
    );
  });
});

describe('TextFinder', () => {
  function roster() {
    const env = book();
    env.sheet.getRange('A1:C4').setValues([
      ['Id', 'Name', 'Hours'],
      ['V-1', 'Ali Khan', 5],
      ['V-12', 'ali raza', 15],
      ['V-2', 'Sana', 2],
    ]);
    return env;
  }

  it('finds row by row, case-insensitively, substrings by default', () => {
    const { sheet } = roster();
    expect(sheet.createTextFinder('ali').findAll().map((r) => r.getA1Notation())).toEqual(['B2', 'B3']);
    const finder = sheet.createTextFinder('V-1');
    expect(finder.findNext()!.getA1Notation()).toBe('A2');
    expect(finder.findNext()!.getA1Notation()).toBe('A3');
    expect(finder.findNext()).toBeNull();
  });

  it('matches the entire cell and case when asked', () => {
    const { sheet } = roster();
    expect(sheet.createTextFinder('V-1').matchEntireCell(true).findAll().map((r) => r.getRow())).toEqual([2]);
    expect(sheet.createTextFinder('ali').matchCase(true).findAll().map((r) => r.getRow())).toEqual([3]);
  });

  it('matches what numbers display, and is one call however many cells it reads', () => {
    const { sheet, ctx } = roster();
    expect(sheet.createTextFinder('5').findAll().map((r) => r.getA1Notation())).toEqual(['C2', 'C3']);
    expect(ctx.meter.cellsRead).toBe(0);
  });

  it('replaces text and counts occurrences, keeping strings as strings', () => {
    const { sheet } = roster();
    expect(sheet.createTextFinder('a').replaceAllWith('=')).toBe(8);
    expect(sheet.getRange('B1:B4').getValues()).toEqual([['N=me'], ['=li Kh=n'], ['=li r=z='], ['S=n=']]);
    expect(sheet.getRange('B2').getFormula()).toBe('');
  });

  it('searches a range or the whole spreadsheet', () => {
    const { sheet, ss } = roster();
    ss.insertSheet('Other').getRange('A1').setValue('Sana');
    expect(sheet.getRange('B1:B3').createTextFinder('Sana').findNext()).toBeNull();
    expect(ss.createTextFinder('Sana').findAll().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`)).toEqual(['Sheet1!B4', 'Other!A1']);
  });

  it('refuses empty search text', () => {
    const { sheet } = roster();
    expect(errorOf(() => sheet.createTextFinder(''))).toBe('Invalid argument: findText');
  });
});

describe('Ui', () => {
  const withUi = (uiResponses: { button: string; text?: string }[] = []) => {
    const { state, ss } = book();
    const ctx = createExecutionContext(state, 'menu-run', { activeSpreadsheetId: ss.getId(), hasUi: true, uiResponses });
    return { state, ss, ui: createSpreadsheetApp(ctx).getUi() };
  };

  it('records menus with items, separators and sub-menus; a second addToUi replaces the first', () => {
    const { state, ss, ui } = withUi();
    const reports = ui.createMenu('Reports').addItem('Weekly summary', 'weeklySummary');
    ui.createMenu('CIL Hub').addItem('Run daily check', 'runDailyCheck').addSeparator().addSubMenu(reports).addToUi();
    ui.createMenu('CIL Hub').addItem('Setup', 'setup').addToUi();
    ui.createAddonMenu().addItem('Open', 'openSidebar').addToUi();
    expect(state.ui.menus).toEqual([
      { spreadsheetId: ss.getId(), title: 'CIL Hub', items: [{ caption: 'Setup', functionName: 'setup' }] },
      { spreadsheetId: ss.getId(), title: '(add-on)', items: [{ caption: 'Open', functionName: 'openSidebar' }] },
    ]);
    ui.createMenu('Full').addItem('A', 'a').addSeparator().addSubMenu(reports).addToUi();
    expect(state.ui.menus[2]!.items).toEqual([
      { caption: 'A', functionName: 'a' },
      { separator: true },
      { subMenu: 'Reports', items: [{ caption: 'Weekly summary', functionName: 'weeklySummary' }] },
    ]);
  });

  it('shows alerts and answers with the scripted button, else the first offered', () => {
    const { state, ui } = withUi([{ button: 'NO' }]);
    expect(ui.alert('Send warnings?', 'Three volunteers will be warned.', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Done')).toBe('OK');
    expect(state.ui.shown.map((s) => [s.kind, s.title, s.content])).toEqual([
      ['alert', 'Send warnings?', 'Three volunteers will be warned.'],
      ['alert', '', 'Done'],
    ]);
  });

  it('answers prompts with scripted text, and refuses a button the dialog does not offer', () => {
    const { ui } = withUi([{ button: 'OK', text: 'ayesha@cil-demo.example' }, { button: 'YES' }]);
    const response = ui.prompt('Mentor email', ui.ButtonSet.OK_CANCEL);
    expect([response.getSelectedButton(), response.getResponseText()]).toEqual(['OK', 'ayesha@cil-demo.example']);
    expect(errorOf(() => ui.alert('Sure?', ui.ButtonSet.OK_CANCEL))).toBe("The scripted UI response YES is not one of the dialog's buttons (OK, CANCEL).");
  });

  it('shows sidebars and dialogs from any HtmlOutput', () => {
    const { state, ui } = withUi();
    const html = { getContent: () => '<p>Hi</p>', getTitle: () => 'CIL Hub' };
    ui.showSidebar(html);
    ui.showModalDialog(html, 'Preview');
    expect(state.ui.shown.map((s) => [s.kind, s.title, s.content])).toEqual([
      ['sidebar', 'CIL Hub', '<p>Hi</p>'],
      ['modalDialog', 'Preview', '<p>Hi</p>'],
    ]);
    expect(errorOf(() => ui.showSidebar('<p>raw</p>'))).toBe("The parameters (String) don't match the method signature for Ui.showSidebar.");
  });
});

describe('performance on a 50,000-row tab', () => {
  it('reads it in one getValues and appends 500 rows in one setValues, fast', () => {
    const { sheet, ctx } = book(1000, 12);
    sheet.insertRowsAfter(1000, 49_100);
    const rows = Array.from({ length: 50_000 }, (_, i) => [
      `H-${i}`, `V-${i % 300}`, new Date(Date.UTC(2026, 0, 1 + (i % 330))), (i % 8) + 0.5, 'meetup', 'present', '', 'note', i, true, 'x', 'y',
    ]);
    let started = performance.now();
    sheet.getRange(1, 1, 50_000, 12).setValues(rows);
    const writeAll = performance.now() - started;

    started = performance.now();
    const all = sheet.getRange(1, 1, sheet.getLastRow(), 12).getValues();
    const readAll = performance.now() - started;
    expect(all).toHaveLength(50_000);
    expect(all[49_999]![8]).toBe(49_999);

    started = performance.now();
    const more = rows.slice(0, 500).map((r, i) => [`N-${i}`, ...r.slice(1)]);
    sheet.insertRowsAfter(sheet.getMaxRows(), 500);
    sheet.getRange(sheet.getLastRow() + 1, 1, 500, 12).setValues(more);
    const append = performance.now() - started;
    expect(sheet.getLastRow()).toBe(50_500);

    started = performance.now();
    for (let i = 0; i < 500; i++) sheet.appendRow([`A-${i}`, 'V-1', 1]);
    const appendRows = performance.now() - started;
    expect(sheet.getLastRow()).toBe(51_000);
    expect(ctx.meter.cellsRead).toBe(600_000);

    expect(sheet.getMaxRows()).toBe(51_000);
    // Generous bounds: they catch O(n²) work, not machine speed.
    expect(writeAll).toBeLessThan(5_000);
    expect(readAll).toBeLessThan(1_000);
    expect(append).toBeLessThan(200);
    expect(appendRows).toBeLessThan(500);
  });
});

describe('state written by hand', () => {
  it('accepts sheets without the optional layers, with ragged rows and trailing blanks', () => {
    const { state, ss } = book();
    const sheetState = state.spreadsheets[ss.getId()]!.sheets[0]!;
    sheetState.values = [['Id', 'Name'], ['V-1'], ['', '']];
    delete sheetState.formulas;
    delete sheetState.styles;
    const sheet = createSpreadsheetApp(createExecutionContext(state, 'later')).openById(ss.getId()).getSheets()[0]!;
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 2]);
    expect(sheet.getDataRange().getValues()).toEqual([['Id', 'Name'], ['V-1', '']]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });
});
