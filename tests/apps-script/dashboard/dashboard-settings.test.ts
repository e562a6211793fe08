/// <reference types="google-apps-script" />
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../shared/records/settings';
import { asLead, sheetState } from '../as-lead';
import { runOk } from '../built-bundle';
import { setUpDemo } from '../daily-run-fixture';
import { table } from './dashboard-fixture';

// The quarterly review's targets are rows of the Settings tab. A CIL set up before they existed reads
// their defaults until setup is run again, which adds the rows without touching the lead's values.

const NEW_ROWS = [
  'Dashboard weeks',
  'Target: events per quarter',
  'Target: meetups per quarter',
  'Target: CfP calls attended per quarter',
  'Target: active members',
  'Target: new members per quarter',
  'Target: hours per quarter',
  'Target: reports on time (%)',
  'Target: stories per quarter',
];

describe('the targets in Settings', () => {
  it('are filled in by setup with their defaults, the hours target left blank for the commitments to decide', () => {
    const demo = setUpDemo();
    const values = sheetState(demo.sandbox, demo.spreadsheetId, 'Settings').values;
    expect(values.slice(-NEW_ROWS.length)).toEqual([
      ['Dashboard weeks', 8],
      ['Target: events per quarter', 1],
      ['Target: meetups per quarter', 3],
      ['Target: CfP calls attended per quarter', 3],
      ['Target: active members', 8],
      ['Target: new members per quarter', 3],
      ['Target: hours per quarter', ''],
      ['Target: reports on time (%)', 90],
      ['Target: stories per quarter', 3],
    ]);
  });

  it('take their defaults on a CIL set up before them, and setup run again adds their rows', () => {
    const demo = setUpDemo();
    asLead(
      demo.sandbox,
      (id: string, labels: string[]) => {
        const sheet = SpreadsheetApp.openById(id).getSheetByName('Settings')!;
        const values = sheet.getDataRange().getValues();
        for (let row = values.length; row >= 1; row--) if (labels.includes(String(values[row - 1]![0]))) sheet.deleteRow(row);
        sheet.getRange(2, 2).setValue('CIL Demo');
      },
      [demo.spreadsheetId, NEW_ROWS],
    );
    runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
    expect(table(demo, 'Quarterly review').find((row) => row['Key result'] === 'Events held')).toMatchObject({ Target: 1 });

    const setUp = runOk<{ created: string[] }>(demo.sandbox, 'setUpCil', [{ name: 'CIL Demo' }]);
    expect(setUp.created).toEqual(NEW_ROWS.map((label) => `setting "${label}" in "Settings"`));
    const read = readSettings(sheetState(demo.sandbox, demo.spreadsheetId, 'Settings').values);
    expect(read.ok && read.settings).toMatchObject({ targetEvents: 1, targetStories: 3, dashboardWeeks: 8 });
  });
});
