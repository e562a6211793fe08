import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDaySchema,
  dayFromNumber,
  dayFromParts,
  dayNumberOf,
  daysBetween,
  daysInMonth,
  isCalendarDay,
  isLeapYear,
  weekdayOf,
  type CalendarDay,
} from '../../../shared/time/calendar-day';

describe('isCalendarDay', () => {
  it.each(['2026-11-27', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (day) => {
    expect(isCalendarDay(day)).toBe(true);
  });

  it.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-11-00', '2026-1-5', '26-11-27', '2026-11-27T00:00:00Z', ' 2026-11-27', ''])(
    'refuses %j',
    (day) => {
      expect(isCalendarDay(day)).toBe(false);
    },
  );

  it('refuses non-strings', () => {
    expect(isCalendarDay(20261127)).toBe(false);
    expect(isCalendarDay(new Date())).toBe(false);
  });

  it('backs the schema, with a message', () => {
    expect(calendarDaySchema.parse('2026-11-27')).toBe('2026-11-27');
    const result = calendarDaySchema.safeParse('2026-02-30');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
  });
});

describe('leap years and month lengths', () => {
  it('follows the Gregorian rule', () => {
    expect([2024, 2000, 2400].map(isLeapYear)).toEqual([true, true, true]);
    expect([2026, 1900, 2100].map(isLeapYear)).toEqual([false, false, false]);
  });

  it('gives February its length', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(() => daysInMonth(2026, 13)).toThrow(RangeError);
  });
});

describe('day numbers', () => {
  it('counts from 1970-01-01', () => {
    expect(dayNumberOf('1970-01-01')).toBe(0);
    expect(dayNumberOf('1970-01-02')).toBe(1);
    expect(dayNumberOf('1969-12-31')).toBe(-1);
    expect(dayNumberOf('2026-11-27')).toBe(20784);
    expect(dayFromNumber(20784)).toBe('2026-11-27');
  });

  it('agrees with Date.UTC for every day it can check', () => {
    const day = fc
      .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter((p) => p.day <= daysInMonth(p.year, p.month));
    fc.assert(
      fc.property(day, (p) => {
        const expected = Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;
        expect(dayNumberOf(dayFromParts(p.year, p.month, p.day))).toBe(expected);
      }),
    );
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (n) => {
        expect(dayNumberOf(dayFromNumber(n))).toBe(n);
      }),
    );
  });

  it('refuses what is not a day', () => {
    expect(() => dayFromParts(2026, 2, 29)).toThrow(/not a real date/);
    expect(() => dayNumberOf('2026-02-29' as CalendarDay)).toThrow(/not a calendar day/);
    expect(() => dayFromNumber(1.5)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-27', 5)).toBe('2026-12-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-27', 0)).toBe('2026-11-27');
  });

  it('counts days between, signed', () => {
    expect(daysBetween('2026-11-13', '2026-11-27')).toBe(14);
    expect(daysBetween('2026-11-27', '2026-11-13')).toBe(-14);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('names ISO weekdays, Monday = 1', () => {
    expect(weekdayOf('2026-11-27')).toBe(5); // a Friday
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-29')).toBe(1);
  });

  it('agrees with Date on weekdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 50_000 }), (n) => {
        const jsDay = new Date(n * 86_400_000).getUTCDay();
        expect(weekdayOf(dayFromNumber(n))).toBe(jsDay === 0 ? 7 : jsDay);
      }),
    );
  });
});
