import { describe, it, expect } from 'vitest';
import { deliverablesTab } from '../../shared/records/deliverable';
import { dayOf, wallClockOf } from '../../shared/time/zone';
import { runOk } from './built-bundle';
import { logOf, recordsOf, setSetting, setUpDemo, TIME_ZONE, volunteerNamed } from './daily-run-fixture';

// The schedule: one daily and one weekly trigger, never two; the triggers run the checks on the sandbox clock.

const HOUR = 3600_000;

describe('the schedule', () => {
  it('installs one daily and one weekly trigger at the "Daily check hour", never duplicates, and turns off', () => {
    const demo = setUpDemo();
    setSetting(demo, 'Daily check hour', 6);
    runOk(demo.sandbox, 'turnOnSchedule');
    runOk(demo.sandbox, 'turnOnSchedule');
    const handlers = () => demo.sandbox.state.triggers.map((t) => t.handler).sort();
    expect(handlers()).toEqual(['runDailyCheck', 'runWeeklyTasks']);

    // Friday 10:00 → Saturday between 6:00 and 7:00 in Karachi.
    const ran = demo.sandbox.advance(24 * HOUR);
    expect(ran.map((r) => [r.functionName, r.error])).toEqual([['runDailyCheck', null]]);
    const at = wallClockOf(ran[0]!.startedAt, TIME_ZONE);
    expect([dayOf(ran[0]!.startedAt, TIME_ZONE), at.hour]).toEqual(['2026-11-28', 6]);
    expect(logOf(demo).filter((e) => e.kind === 'warning')).toHaveLength(2);

    // Monday: both run, each once.
    const weekend = demo.sandbox.advance(2 * 24 * HOUR);
    expect(weekend.map((r) => r.functionName).sort()).toEqual(['runDailyCheck', 'runDailyCheck', 'runWeeklyTasks']);

    expect(runOk<{ deleted: number }>(demo.sandbox, 'turnOffSchedule').deleted).toBe(2);
    expect(demo.sandbox.state.triggers).toEqual([]);
    expect(demo.sandbox.advance(7 * 24 * HOUR)).toEqual([]);
    expect(runOk<{ deleted: number }>(demo.sandbox, 'turnOffSchedule').deleted).toBe(0);
  });

  it('is turned on and off from the menu, with an alert saying what happened', () => {
    const demo = setUpDemo();
    demo.sandbox.openSpreadsheet(demo.spreadsheetId);
    expect(demo.sandbox.chooseMenuItem(demo.spreadsheetId, 'turnOnScheduleFromMenu').error).toBeNull();
    expect(JSON.stringify(demo.sandbox.state.ui.shown.at(-1))).toContain('The daily check runs every day in the hour after 7:00 (Asia/Karachi');
    expect(demo.sandbox.state.triggers).toHaveLength(2);
    expect(demo.sandbox.chooseMenuItem(demo.spreadsheetId, 'turnOffScheduleFromMenu').error).toBeNull();
    expect(demo.sandbox.state.triggers).toHaveLength(0);
  });
});

describe('the weekly tasks', () => {
  it("add each period's recurring deliverables once, owed by the organizer, with their due dates", () => {
    const demo = setUpDemo();
    const before = recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab);
    const first = runOk<{ cilId: string; added: string[] }[]>(demo.sandbox, 'runWeeklyTasks');
    // The demo already holds its quarterly story for 2026-Q4, typed with that kind and period.
    expect(first).toMatchObject([
      { cilId: demo.cilId, added: ['d-biweekly-update-2026-B24', 'd-monthly-progress-update-2026-11', 'd-events-meetups-report-2026-Q4'] },
    ]);
    const added = recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab).slice(before.length);
    const organizer = volunteerNamed(demo, 'Ayesha Khan').id;
    expect(added.map((d) => [d.kind, d.period, d.dueOn, d.ownerVolunteerId, d.status])).toEqual([
      ['biweekly update', '2026-B24', '2026-11-30', organizer, 'pending'],
      ['monthly progress update', '2026-11', '2026-12-05', organizer, 'pending'],
      ['events & meetups report', '2026-Q4', '2027-01-07', organizer, 'pending'],
    ]);
    expect(runOk(demo.sandbox, 'runWeeklyTasks')).toEqual([{ cilId: demo.cilId, added: [], digests: [] }]);

    demo.sandbox.advance(10 * 24 * HOUR);
    const later = runOk<{ added: string[] }[]>(demo.sandbox, 'runWeeklyTasks');
    expect(later[0]!.added).toEqual(['d-biweekly-update-2026-B25', 'd-monthly-progress-update-2026-12']);
  });
});
