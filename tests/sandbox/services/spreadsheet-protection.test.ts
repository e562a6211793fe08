import { describe, expect, it } from 'vitest';
import { createSpreadsheetApp } from '../../../sandbox/src/services/spreadsheet-app';
import { errorOf, serviceContext } from './service-context';

// Contract tests for protected ranges and sheets as Sheets enforces them on a script: the script runs as
// a person, and a change to protected cells or objects by someone who is not among a protection's
// editors fails with Sheets' own text (developers.google.com/apps-script/reference/spreadsheet/protection;
// the text as the Sheets API and Apps Script report it). The owner may always edit; a warning-only
// protection lets a script through.

const OWNER = 'lead@cil-demo.example';
const CO_LEAD = 'co-lead@cil-demo.example';
const REFUSED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** The owner's spreadsheet, shared with a co-lead; `as` switches who runs the script. */
function shared() {
  const ctx = serviceContext({ email: OWNER });
  const SpreadsheetApp = createSpreadsheetApp(ctx);
  const ss = SpreadsheetApp.create('CIL Lahore', 20, 6);
  ss.addEditor(CO_LEAD);
  const sheet = ss.getSheets()[0]!;
  const as = (email: string) => {
    ctx.state.user = { ...ctx.state.user, email };
  };
  return { ctx, state: ctx.state, SpreadsheetApp, ss, sheet, as };
}

/** Leaves the owner as the protection's only editor, as CIL Hub's setup does. */
function ownerOnly(protection: { getEditors(): unknown[]; removeEditors(e: unknown[]): unknown }) {
  protection.removeEditors(protection.getEditors());
}

describe('a protected range', () => {
  it('refuses every kind of change to its cells by someone not among its editors, and changes nothing', () => {
    const { sheet, as } = shared();
    sheet.getRange('A1:C1').setValues([['Name', 'Email', 'Status']]);
    ownerOnly(sheet.getRange('A1:C1').protect());
    as(CO_LEAD);
    const header = sheet.getRange('A1:C1');
    const writes: [string, () => unknown][] = [
      ['setValue', () => sheet.getRange('B1').setValue('x')],
      ['setValues over it', () => sheet.getRange('A1:D2').setValues([['a', 'b', 'c', 'd'], ['e', 'f', 'g', 'h']])],
      ['setFormula', () => sheet.getRange('C1').setFormula('=1+1')],
      ['setFormulas', () => sheet.getRange('A1:B1').setFormulas([['=1', '=2']])],
      ['clear', () => header.clear()],
      ['clearContent', () => header.clearContent()],
      ['clearFormat', () => header.clearFormat()],
      ['setNumberFormat', () => header.setNumberFormat('@')],
      ['setNumberFormats', () => header.setNumberFormats([['@', '@', '@']])],
      ['setBackground', () => header.setBackground('#ff0000')],
      ['setBackgrounds', () => header.setBackgrounds([['#ff0000', null, null]])],
      ['setFontWeight', () => header.setFontWeight('bold')],
      ['setFontWeights', () => header.setFontWeights([['bold', 'bold', 'bold']])],
      ['setDataValidation', () => header.setDataValidation(null)],
      ['insertCheckboxes', () => sheet.getRange('A1').insertCheckboxes()],
      ['deleteRow', () => sheet.deleteRow(1)],
      ['deleteColumns', () => sheet.deleteColumns(2, 1)],
      ['sheet.clear', () => sheet.clear()],
    ];
    for (const [what, write] of writes) expect(errorOf(write), what).toBe(REFUSED);
    expect(header.getValues()).toEqual([['Name', 'Email', 'Status']]);
    expect(header.getNumberFormat()).toBe('General');
  });

  it('lets anyone change the cells around it, and insert rows below or above it', () => {
    const { sheet, as } = shared();
    ownerOnly(sheet.getRange('A1:C1').protect());
    as(CO_LEAD);
    sheet.getRange('A2:D2').setValues([['Amna', 'amna@example.org', 'active', '']]);
    sheet.getRange('D1').setValue('free');
    sheet.appendRow(['Bilal', 'bilal@example.org', 'active']);
    sheet.insertRowsAfter(sheet.getMaxRows(), 5);
    sheet.insertRowBefore(1);
    expect(sheet.getProtections('RANGE').map((p) => p.getRange().getA1Notation())).toEqual(['A2:C2']);
    expect(sheet.getRange('A3:C4').getValues()).toEqual([
      ['Amna', 'amna@example.org', 'active'],
      ['Bilal', 'bilal@example.org', 'active'],
    ]);
  });

  it('refuses inserting lines inside it', () => {
    const { sheet, as } = shared();
    ownerOnly(sheet.getRange('A1:C3').protect());
    as(CO_LEAD);
    expect(errorOf(() => sheet.insertRowAfter(1))).toBe(REFUSED);
    expect(errorOf(() => sheet.insertColumnsBefore(3, 2))).toBe(REFUSED);
    expect(sheet.getMaxRows()).toBe(20);
  });

  it('lets its editors, the owner, a member of an editor group and everyone under a warning-only protection write', () => {
    const { sheet, state, as } = shared();
    const protection = sheet.getRange('A1:C1').protect();
    ownerOnly(protection);
    protection.addEditor('editors@cil-demo.example');
    state.groups = { 'editors@cil-demo.example': ['member@cil-demo.example'] };
    as('member@cil-demo.example');
    sheet.getRange('A1').setValue('by a group member');
    as(OWNER);
    protection.removeEditor('editors@cil-demo.example');
    sheet.getRange('A1').setValue('by the owner');
    as(CO_LEAD);
    expect(errorOf(() => sheet.getRange('A1').setValue('by the co-lead'))).toBe(REFUSED);
    as(OWNER);
    protection.setWarningOnly(true);
    as(CO_LEAD);
    sheet.getRange('A1').setValue('by the co-lead');
    expect(sheet.getRange('A1').getValue()).toBe('by the co-lead');
  });

  it('can be changed or removed only by someone who may edit it', () => {
    const { sheet, as } = shared();
    const protection = sheet.getRange('A1:C1').protect();
    ownerOnly(protection);
    as(CO_LEAD);
    expect(protection.canEdit()).toBe(false);
    expect(errorOf(() => protection.setWarningOnly(true))).toBe(REFUSED);
    expect(errorOf(() => protection.addEditor(CO_LEAD))).toBe(REFUSED);
    expect(errorOf(() => protection.setDescription('mine now'))).toBe(REFUSED);
    expect(errorOf(() => protection.remove())).toBe(REFUSED);
    expect(protection.isWarningOnly()).toBe(false);
    as(OWNER);
    protection.remove();
    as(CO_LEAD);
    sheet.getRange('A1').setValue('free now');
  });
});

describe('a protected sheet', () => {
  it('refuses a non-editor every change to its cells and to the sheet itself, and its deletion', () => {
    const { ss, sheet, SpreadsheetApp, as } = shared();
    ss.insertSheet('Other');
    sheet.getRange('A1:B2').setValues([['Refreshed', 'today'], ['Hours', 12]]);
    ownerOnly(sheet.protect());
    as(CO_LEAD);
    const refused: [string, () => unknown][] = [
      ['setValues', () => sheet.getRange('E10').setValues([['x']])],
      ['appendRow', () => sheet.appendRow(['x'])],
      ['insertRowsAfter', () => sheet.insertRowsAfter(20, 5)],
      ['insertColumnsAfter', () => sheet.insertColumnsAfter(6, 2)],
      ['setName', () => sheet.setName('Mine')],
      ['setFrozenRows', () => sheet.setFrozenRows(1)],
      ['setColumnWidth', () => sheet.setColumnWidth(1, 200)],
      ['hideSheet', () => sheet.hideSheet()],
      ['setConditionalFormatRules', () => sheet.setConditionalFormatRules([])],
      ['clearConditionalFormatRules', () => sheet.clearConditionalFormatRules()],
      ['insertChart', () => sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B2')).setPosition(5, 5, 0, 0).build())],
      ['deleteSheet', () => ss.deleteSheet(sheet)],
    ];
    for (const [what, change] of refused) expect(errorOf(change), what).toBe(REFUSED);
    expect(SpreadsheetApp.openById(ss.getId()).getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Other']);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([['Refreshed', 'today'], ['Hours', 12]]);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  it('lets a non-editor write in its unprotected ranges only', () => {
    const { sheet, as } = shared();
    const protection = sheet.protect();
    ownerOnly(protection);
    protection.setUnprotectedRanges([sheet.getRange('A2:F20')]);
    as(CO_LEAD);
    sheet.getRange('A2:B3').setValues([['a', 'b'], ['c', 'd']]);
    expect(errorOf(() => sheet.getRange('A1:B2').setValues([['x', 'y'], ['z', 'w']]))).toBe(REFUSED);
    expect(sheet.getRange('A2:B3').getValues()).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('warning-only: anyone who may edit the spreadsheet may rewrite it from a script', () => {
    const { sheet, as } = shared();
    const protection = sheet.protect().setWarningOnly(true);
    as(CO_LEAD);
    sheet.clear();
    sheet.getRange('A1').setValue('refreshed by the co-lead');
    sheet.setConditionalFormatRules([]);
    sheet.insertChart(sheet.newChart().asLineChart().addRange(sheet.getRange('A1:B2')).setPosition(5, 5, 0, 0).build());
    expect([sheet.getRange('A1').getValue(), sheet.getCharts().length, protection.canEdit()]).toEqual(['refreshed by the co-lead', 1, true]);
  });
});
