import { describe, expect, it } from 'vitest';
import { dashboardOf } from '../../../shared/dashboard';
import { at, dashboardInput, hours, volunteer, TODAY } from './world';

// TODAY is Thursday 2026-11-19, in ISO week 2026-W47 (16–22 Nov); the eight weeks shown are W40–W47.

const table = (world: Parameters<typeof dashboardInput>[0]) => dashboardOf(dashboardInput(world)).weeklyHours;

describe('weekly hours', () => {
  it.each([
    ['the current week', hours('V-1', '2026-11-16', 2), [0, 0, 0, 0, 0, 0, 0, 2]],
    ['the first week shown', hours('V-1', '2026-09-28', 1.5), [1.5, 0, 0, 0, 0, 0, 0, 0]],
    ['a Sunday, last day of its week', hours('V-1', '2026-11-15', 1), [0, 0, 0, 0, 0, 0, 1, 0]],
    ['before the weeks shown', hours('V-1', '2026-09-27', 1), [0, 0, 0, 0, 0, 0, 0, 0]],
    ['a day after today', hours('V-1', '2026-11-20', 1, { loggedAt: at('2026-11-18') }), [0, 0, 0, 0, 0, 0, 0, 0]],
    ['logged after now', hours('V-1', '2026-11-18', 1, { loggedAt: at('2026-11-19', '06:00') }), [0, 0, 0, 0, 0, 0, 0, 0]],
  ])('counts an entry on %s where it belongs', (_, entry, expected) => {
    const result = table({ hours: [entry] });
    expect(result.rows[0]!.hours).toEqual(expected);
    expect(result.totals).toEqual(expected);
  });

  it('adds entries up, rounded to hundredths', () => {
    const result = table({ hours: [hours('V-1', '2026-11-16', 0.1), hours('V-1', '2026-11-17', 0.2), hours('V-2', '2026-11-17', 1)], volunteers: [volunteer('V-1'), volunteer('V-2')] });
    expect(result.rows.map((row) => row.hours[7])).toEqual([0.3, 1]);
    expect(result.totals[7]).toBe(1.3);
  });

  it('shows current members only (active, warned, on leave), in roster order, with former members in the totals', () => {
    const volunteers = [volunteer('V-3', { status: 'warned' }), volunteer('V-1'), volunteer('V-2', { status: 'offboarded' }), volunteer('V-4', { status: 'on leave' }), volunteer('V-5', { status: 'alumni' })];
    const result = table({ volunteers, hours: [hours('V-2', '2026-11-16', 4), hours('V-1', '2026-11-16', 1)] });
    expect(result.rows.map((row) => row.volunteerId)).toEqual(['V-3', 'V-1', 'V-4']);
    expect(result.totals[7]).toBe(5);
  });

  it.each([
    // hours per week W40…W47, joined, commitment → weeks met, average
    ['every complete week met', [5, 5, 5, 5, 5, 5, 5, 0], '2026-01-05', 5, 7, 5],
    ['this week met too', [5, 5, 5, 5, 5, 5, 5, 6], '2026-01-05', 5, 8, 5],
    ['this week does not pull the average down', [4, 4, 4, 4, 4, 4, 4, 0], '2026-01-05', 5, 0, 4],
    ['weeks before joining left out', [0, 0, 0, 0, 0, 6, 4, 1], '2026-11-04', 5, 1, 5],
    ['joined this week: this week is the average', [0, 0, 0, 0, 0, 0, 0, 2], '2026-11-17', 5, 0, 2],
    ['a lead commits 4 hours', [4, 4, 4, 4, 4, 4, 4, 4], '2026-01-05', 4, 8, 4],
  ] as const)('%s', (_, perWeek, joinedOn, commitment, weeksMet, average) => {
    const mondays = ['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'] as const;
    const entries = perWeek.flatMap((h, i) => (h > 0 ? [hours('V-1', mondays[i]!, h)] : []));
    const role = commitment === 4 ? 'organizer' : 'member';
    const [row] = table({ volunteers: [volunteer('V-1', { joinedOn, role })], hours: entries }).rows;
    expect(row).toMatchObject({ commitment, weeksMet, average });
  });

  it("uses the volunteer's own commitment over the CIL's default", () => {
    const result = table({ volunteers: [volunteer('V-1', { weeklyCommitmentHours: 8 })], settings: { weeklyCommitmentHours: 6 } });
    expect(result.rows[0]!.commitment).toBe(8);
    expect(table({ settings: { weeklyCommitmentHours: 6 } }).rows[0]!.commitment).toBe(6);
  });

  it('commits, each week, the members expected then (joined by its last day, not on leave)', () => {
    const volunteers = [volunteer('V-1'), volunteer('V-2', { role: 'manager', joinedOn: '2026-11-08' }), volunteer('V-3', { status: 'on leave' })];
    expect(table({ volunteers }).committed).toEqual([5, 5, 5, 5, 5, 9, 9, 9]);
  });

  it('shows as many weeks as the Dashboard weeks setting says', () => {
    const result = table({ settings: { dashboardWeeks: 3 }, hours: [hours('V-1', '2026-11-02', 1)] });
    expect(result.weeks.map((week) => week.label)).toEqual(['2026-W45', '2026-W46', '2026-W47']);
    expect(result.rows[0]!.hours).toEqual([1, 0, 0]);
  });

  it('counts the hours of this quarter and this week in the headline', () => {
    const result = dashboardOf(dashboardInput({ hours: [hours('V-1', '2026-09-30', 3), hours('V-1', '2026-10-01', 2), hours('V-1', TODAY, 1.25, { loggedAt: at(TODAY, '03:00') })] }));
    expect(result.headline).toMatchObject({ hoursThisQuarter: 3.25, hoursThisWeek: 1.25 });
    expect(result.roles.organizer.hoursThisQuarter).toBe(3.25);
  });
});
