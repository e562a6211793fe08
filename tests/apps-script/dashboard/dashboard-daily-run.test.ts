/// <reference types="google-apps-script" />
import { describe, expect, it } from 'vitest';
import { asLead } from '../as-lead';
import { runOk } from '../built-bundle';
import { logOf, setSetting, setUpDemo, volunteerNamed } from '../daily-run-fixture';
import { dashboardSheet, table } from './dashboard-fixture';

// The daily run refreshes each CIL's Dashboard once its check is written, from what it read and what
// it wrote (new log rows, emails marked sent, roster changes), without reading the tabs again.

interface DailyRun {
  checked: { steps: unknown[] }[];
  failed: unknown[];
}

/** The Dashboard's cells without its "Refreshed …" line, which names the moment. */
const figures = (demo: ReturnType<typeof setUpDemo>) => structuredClone(dashboardSheet(demo).values).filter((row) => !String(row[0]).startsWith('Refreshed '));

describe('the daily run', () => {
  it("refreshes the Dashboard after writing the day's steps", () => {
    const demo = setUpDemo();
    asLead(demo.sandbox, (id: string) => SpreadsheetApp.openById(id).getSheetByName('Dashboard')!.clearContents(), [demo.spreadsheetId]);
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
    const fromRun = figures(demo);
    runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
    expect(figures(demo)).toEqual(fromRun);
  });

  it('in automatic mode, shows the warnings it sent and the roster it changed, as a refresh afterwards would', () => {
    const demo = setUpDemo();
    setSetting(demo, 'Mode', 'automatic');
    const result = demo.sandbox.run('runDailyCheck', []);
    expect(result.error).toBeNull();
    expect(logOf(demo).filter((event) => event.kind === 'warning').map((event) => event.status)).toEqual(['sent', 'sent']);
    expect(volunteerNamed(demo, 'Omar Farooq').status).toBe('warned');

    // The at-risk list already reads the roster as the run left it: warned, one warning each.
    expect(table(demo, 'At risk').map((row) => [row.Name, row['Roster status'], row.Warnings])).toEqual([
      ['Omar Farooq', 'warned', 1],
      ['Ali Hassan', 'warned', 1],
    ]);
    // Not one run behind: a refresh now, from the tabs, shows exactly the same.
    const fromRun = figures(demo);
    runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
    expect(figures(demo)).toEqual(fromRun);
    // The run's reads: the review-mode run's twelve and the roster once more, to change it; nothing is
    // read again for the Dashboard.
    expect(result.meter.callsByMethod['Range.getValues']).toBe(12 + 1);
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
