/// <reference types="google-apps-script" />
import { describe, expect, it } from 'vitest';
import { asLead } from '../as-lead';
import { runOk } from '../built-bundle';
import { logOf, setUpDemo } from '../daily-run-fixture';
import { dashboardSheet, table } from './dashboard-fixture';

// The daily run refreshes each CIL's Dashboard once its check is written, from what it already read.

interface DailyRun {
  checked: { steps: unknown[] }[];
  failed: unknown[];
}

describe('the daily run', () => {
  it("refreshes the Dashboard after writing the day's steps", () => {
    const demo = setUpDemo();
    expect(dashboardSheet(demo).values).toHaveLength(2);
    const result = demo.sandbox.run('runDailyCheck', []);
    expect(result.error).toBeNull();
    expect((result.value as DailyRun).checked).toHaveLength(1);
    expect(logOf(demo).filter((event) => event.kind === 'warning')).toHaveLength(2);
    expect(table(demo, 'At risk').map((row) => [row.Name, row.Standing])).toEqual([
      ['Omar Farooq', 'inactive'],
      ['Ali Hassan', 'inactive'],
    ]);
    expect(dashboardSheet(demo).charts).toHaveLength(2);
    // Besides the check's own reads: Stories and Citizens, once each; one write of the tab's values.
    expect(result.meter.callsByMethod['Range.getValues']).toBe(12);
    expect(result.meter.callsByMethod['Range.setFontWeights']).toBe(1);

    // The same figures as a refresh of its own at that moment.
    const fromRun = structuredClone(dashboardSheet(demo).values);
    runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
    expect(dashboardSheet(demo).values).toEqual(fromRun);
  });

  it('still checks the CIL when its Dashboard cannot be refreshed, and says why in the log', () => {
    const demo = setUpDemo();
    asLead(demo.sandbox, (id: string) => {
      const book = SpreadsheetApp.openById(id);
      book.deleteSheet(book.getSheetByName('Dashboard')!);
    }, [demo.spreadsheetId]);
    const run = runOk<DailyRun>(demo.sandbox, 'runDailyCheck');
    expect(run.checked).toHaveLength(1);
    expect(run.failed).toEqual([]);
    expect(logOf(demo).filter((event) => event.kind === 'warning')).toHaveLength(2);
    expect(demo.sandbox.state.logs.map((line) => line.message)).toContain(
      'CIL Hub: the dashboard of "CIL Demo" was not refreshed: The "Dashboard" tab is missing. Run CIL Hub › Set up this CIL to restore it.',
    );
  });
});
