import { describe, expect, it } from 'vitest';
import { monthIndexOf, quarterBefore, weekIndexOf, windowsOf } from '../../../shared/dashboard/windows';
import type { CalendarDay } from '../../../shared/time/calendar-day';

const NOW = '2026-11-19T04:00:00.000Z';

describe('windowsOf', () => {
  it.each([
    // today, weeks, first week, last week, months, quarter, previous
    ['2026-11-19', 8, '2026-W40', '2026-W47', ['2026-06', '2026-11'], '2026-Q4', '2026-Q3'],
    ['2027-01-01', 2, '2026-W52', '2026-W53', ['2026-08', '2027-01'], '2027-Q1', '2026-Q4'],
    ['2026-01-05', 3, '2025-W52', '2026-W02', ['2025-08', '2026-01'], '2026-Q1', '2025-Q4'],
  ] as const)('on %s with %i weeks', (today, weeks, firstWeek, lastWeek, [firstMonth, lastMonth], quarter, previous) => {
    const windows = windowsOf(today as CalendarDay, NOW, { weeks, months: 6 });
    expect(windows.weeks).toHaveLength(weeks);
    expect(windows.weeks[0]!.label).toBe(firstWeek);
    expect(windows.weeks.at(-1)!.label).toBe(lastWeek);
    expect(windows.weeks.at(-1)!.first <= today && today <= windows.weeks.at(-1)!.last).toBe(true);
    expect([windows.months[0]!.label, windows.months.at(-1)!.label]).toEqual([firstMonth, lastMonth]);
    expect([windows.quarter.label, windows.previous.label]).toEqual([quarter, previous]);
    expect(windows.from).toBe([windows.previous.first, windows.weeks[0]!.first, windows.months[0]!.first].sort()[0]);
  });

  it('reviews a quarter of its own with no weeks or months', () => {
    const windows = windowsOf('2026-11-19', NOW, { weeks: 0, months: 0 }, '2026-Q2');
    expect(windows).toMatchObject({ weeks: [], months: [], quarter: { label: '2026-Q2', first: '2026-04-01', last: '2026-06-30' }, previous: { label: '2026-Q1' }, from: '2026-01-01' });
  });

  it.each([
    ['2026-13', 'is not a quarter like 2026-Q4'],
    ['2026-11', 'is not a quarter like 2026-Q4'],
  ])('refuses %s as a quarter', (quarter, message) => {
    expect(() => windowsOf('2026-11-19', NOW, { weeks: 1, months: 1 }, quarter)).toThrow(message);
  });

  it('refuses a day or moment that is not one', () => {
    expect(() => windowsOf('2026-02-30' as CalendarDay, NOW, { weeks: 1, months: 1 })).toThrow('is not a calendar day');
    expect(() => windowsOf('2026-11-19', '2026-11-19' as never, { weeks: 1, months: 1 })).toThrow('is not an ISO UTC instant');
  });
});

describe('positions in the windows', () => {
  const windows = windowsOf('2026-11-19', NOW, { weeks: 8, months: 6 });
  it.each([
    ['2026-09-27', -1, 3],
    ['2026-09-28', 0, 3],
    ['2026-11-22', 7, 5],
    ['2026-11-23', -1, 5],
    ['2026-05-31', -1, -1],
  ] as const)('%s is week %i and month %i', (day, week, month) => {
    expect(weekIndexOf(windows, day)).toBe(week);
    expect(monthIndexOf(windows, day)).toBe(month);
  });

  it('has the quarter before each quarter', () => {
    expect(['2026-Q1', '2026-Q2', '2026-Q4'].map(quarterBefore)).toEqual(['2025-Q4', '2026-Q1', '2026-Q3']);
  });
});
