import { describe, expect, it } from 'vitest';
import type { sheets_v4 } from 'googleapis';
import { quotedSheetName } from '../../../sandbox/src/services/spreadsheet/a1-notation';
import { serialOf } from '../../../sandbox/src/services/spreadsheet/time-zone';
import { loadBundle } from '../../../sandbox/src/runtime/apps-script-bundle';
import { Sandbox } from '../../../sandbox/src/runtime/sandbox';
import type { CellValue } from '../../../sandbox/src/workspace';
import { restClients, restWorkspace, spreadsheetApp } from './rest-fixture';

// The demo CIL, set up by the BUILT bundle's setUpDemoCil, read and written over REST: REST sees what
// SpreadsheetApp sees, and what REST writes is what the script then reads.

async function demoCil() {
  const state = restWorkspace();
  const sandbox = new Sandbox(state, loadBundle('dist/apps-script/Code.js'));
  const demo = sandbox.run('setUpDemoCil');
  expect(demo.error).toBeNull();
  const spreadsheetId = (demo.value as { spreadsheetId: string }).spreadsheetId;
  const clients = await restClients(state);
  const ss = spreadsheetApp(state).openById(spreadsheetId);
  return { ...clients, sandbox, spreadsheetId, ss };
}

/** Cells as a values response holds them: trailing empty cells and rows left out. */
function trimmed<T>(rows: T[][]): T[][] {
  const out = rows.map((row) => {
    const copy = [...row];
    while (copy.length > 0 && copy[copy.length - 1] === '') copy.pop();
    return copy;
  });
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

async function allTabs(sheets: sheets_v4.Sheets, spreadsheetId: string, titles: string[], valueRenderOption: string) {
  const { data } = await sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: titles.map(quotedSheetName), valueRenderOption });
  return data.valueRanges!.map((range) => range.values ?? []);
}

describe('the demo CIL over REST', () => {
  it('reads every tab exactly as SpreadsheetApp.getDisplayValues and getValues give it', async () => {
    const { sheets, spreadsheetId, ss } = await demoCil();
    const tabs = ss.getSheets();
    const titles = tabs.map((tab) => tab.getName());
    expect(titles).toEqual(expect.arrayContaining(['Volunteers', 'Hours', 'Meetings', 'Attendance', 'Notices', 'Projects', 'Deliverables']));
    const timeZone = ss.getSpreadsheetTimeZone();
    const shown = await allTabs(sheets, spreadsheetId, titles, 'FORMATTED_VALUE');
    const stored = await allTabs(sheets, spreadsheetId, titles, 'UNFORMATTED_VALUE');
    tabs.forEach((tab, i) => {
      const range = tab.getDataRange();
      expect(shown[i], tab.getName()).toEqual(trimmed(range.getDisplayValues()));
      const values = range.getValues().map((row) => row.map((v: CellValue) => (v instanceof Date ? serialOf(v, timeZone) : v)));
      expect(stored[i], tab.getName()).toEqual(trimmed(values));
    });
    expect(stored[titles.indexOf('Hours')]!.length).toBeGreaterThan(1);
  });

  it('backs up, wipes and restores every record tab over REST, and the script reads the same cells and reaches the same verdicts', async () => {
    const { sheets, spreadsheetId, ss, sandbox } = await demoCil();
    const tabs = ss.getSheets().filter((tab) => tab.getDataRange().getFormulas().every((row) => row.every((f) => f === '')));
    const titles = tabs.map((tab) => tab.getName());
    expect(titles).toEqual(expect.arrayContaining(['Volunteers', 'Hours', 'Attendance']));
    const before = tabs.map((tab) => tab.getDataRange().getValues());
    const preview = sandbox.run('previewDailyCheck');
    expect(preview.error).toBeNull();

    const backup = await allTabs(sheets, spreadsheetId, titles, 'UNFORMATTED_VALUE');
    await sheets.spreadsheets.values.batchClear({ spreadsheetId, requestBody: { ranges: titles.map((title) => `${quotedSheetName(title)}!2:1000`) } });
    expect(tabs.every((tab) => tab.getLastRow() <= 1)).toBe(true);
    const restored = await sheets.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: { valueInputOption: 'RAW', data: titles.map((title, i) => ({ range: `${quotedSheetName(title)}!A2`, values: backup[i]!.slice(1) })) },
    });
    expect(restored.data.totalUpdatedSheets).toBe(titles.filter((_, i) => backup[i]!.length > 1).length);

    expect(tabs.map((tab) => tab.getDataRange().getValues())).toEqual(before);
    const again = sandbox.run('previewDailyCheck');
    expect(again.error).toBeNull();
    expect(again.value).toEqual(preview.value);
  });

  it('puts a row appended over REST where the script reads it, typed as the script wrote its own', async () => {
    const { sheets, spreadsheetId, ss } = await demoCil();
    const hours = ss.getSheetByName('Hours')!;
    const last = hours.getLastRow();
    const [template] = (await sheets.spreadsheets.values.get({ spreadsheetId, range: `Hours!A${last}:Z${last}`, valueRenderOption: 'UNFORMATTED_VALUE' })).data.values!;
    const row = ['rest-entry-1', ...template!.slice(1)];
    const { data } = await sheets.spreadsheets.values.append({ spreadsheetId, range: 'Hours', valueInputOption: 'RAW', requestBody: { values: [row] } });
    expect(data.updates?.updatedRange).toBe(`Hours!A${last + 1}:${String.fromCharCode(64 + row.length)}${last + 1}`);
    const [written, previous] = [hours.getRange(last + 1, 1, 1, row.length).getValues()[0]!, hours.getRange(last, 1, 1, row.length).getValues()[0]!];
    expect(written).toEqual(['rest-entry-1', ...previous.slice(1)]);
    expect(hours.getRange(last + 1, 1, 1, row.length).getDisplayValues()[0]!.slice(1)).toEqual(hours.getRange(last, 1, 1, row.length).getDisplayValues()[0]!.slice(1));
  });
});
