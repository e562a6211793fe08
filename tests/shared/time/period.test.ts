import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayFromNumber, daysBetween, weekdayOf } from '../../../shared/time/calendar-day';
import {
  biweekOf,
  halfOf,
  isoWeekOf,
  isoWeeksInYear,
  monthOf,
  parsePeriod,
  periodLabelSchema,
  periodOf,
  periodRange,
  PERIOD_KINDS,
  quarterOf,
  weekOf,
  yearOf,
} from '../../../shared/time/period';

describe('ISO weeks', () => {
  it('puts 2026-12-31 in week 53 of 2026', () => {
    expect(isoWeekOf('2026-12-31')).toEqual({ year: 2026, week: 53 });
    expect(weekOf('2026-12-31')).toBe('2026-W53');
  });

  it('puts 1–3 January in the previous year\'s last week when they fall before Thursday\'s week', () => {
    expect(weekOf('2027-01-01')).toBe('2026-W53');
    expect(weekOf('2027-01-03')).toBe('2026-W53');
    expect(weekOf('2027-01-04')).toBe('2027-W01');
    expect(weekOf('2021-01-03')).toBe('2020-W53');
    expect(weekOf('2021-01-04')).toBe('2021-W01');
    expect(weekOf('2023-01-01')).toBe('2022-W52');
  });

  it('puts late December in next year\'s week 1 when it is that week', () => {
    expect(weekOf('2024-12-30')).toBe('2025-W01');
    expect(weekOf('2025-12-29')).toBe('2026-W01');
  });

  it('knows which years have 53 weeks', () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2015)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(isoWeeksInYear(2027)).toBe(52);
  });

  it('has Monday-to-Sunday ranges', () => {
    expect(periodRange('2026-W53')).toEqual({ first: '2026-12-28', last: '2027-01-03' });
    expect(periodRange('2026-W01')).toEqual({ first: '2025-12-29', last: '2026-01-04' });
    expect(periodRange('2020-W53')).toEqual({ first: '2020-12-28', last: '2021-01-03' });
  });
});

describe('months, quarters, halves, years', () => {
  it('labels the quarter boundary', () => {
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
    expect(periodRange('2026-Q1')).toEqual({ first: '2026-01-01', last: '2026-03-31' });
    expect(periodRange('2026-Q2')).toEqual({ first: '2026-04-01', last: '2026-06-30' });
  });

  it('handles February and leap days', () => {
    expect(periodRange('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(periodRange('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthOf('2024-02-29')).toBe('2024-02');
    expect(weekOf('2024-02-29')).toBe('2024-W09');
  });

  it('labels halves and years', () => {
    expect(halfOf('2026-06-30')).toBe('2026-H1');
    expect(halfOf('2026-07-01')).toBe('2026-H2');
    expect(periodRange('2026-H2')).toEqual({ first: '2026-07-01', last: '2026-12-31' });
    expect(yearOf('2026-11-27')).toBe('2026');
    expect(periodRange('2024')).toEqual({ first: '2024-01-01', last: '2024-12-31' });
  });
});

describe('biweeks', () => {
  it('pair ISO weeks', () => {
    expect(biweekOf('2026-11-16')).toBe('2026-B24'); // W47
    expect(biweekOf('2026-11-27')).toBe('2026-B24'); // W48
    expect(biweekOf('2026-11-30')).toBe('2026-B25'); // W49
    expect(periodRange('2026-B24')).toEqual({ first: '2026-11-16', last: '2026-11-29' });
  });

  it('fold week 53 into B26', () => {
    expect(biweekOf('2027-01-01')).toBe('2026-B26');
    expect(periodRange('2026-B26')).toEqual({ first: '2026-12-14', last: '2027-01-03' });
    expect(periodRange('2027-B26')).toEqual({ first: '2027-12-20', last: '2028-01-02' });
  });
});

describe('parsePeriod', () => {
  it('reads every kind and canonicalises the label', () => {
    expect(parsePeriod('2026-w1')).toEqual({ ok: true, period: { kind: 'week', label: '2026-W01', first: '2025-12-29', last: '2026-01-04' } });
    expect(parsePeriod(' 2026-q4 ')).toMatchObject({ ok: true, period: { kind: 'quarter', label: '2026-Q4' } });
    expect(parsePeriod('2026-11')).toMatchObject({ ok: true, period: { kind: 'month', label: '2026-11' } });
    expect(parsePeriod('2026')).toMatchObject({ ok: true, period: { kind: 'year', label: '2026' } });
    expect(parsePeriod('2026-B03')).toMatchObject({ ok: true, period: { kind: 'biweek', label: '2026-B03' } });
    expect(parsePeriod('2026-H1')).toMatchObject({ ok: true, period: { kind: 'half', label: '2026-H1' } });
  });

  it.each([
    ['2027-W53', /2027 has ISO weeks W01 to W52/],
    ['2026-W00', /W01 to W53/],
    ['2026-13', /months run from 01 to 12/],
    ['2026-Q5', /Q1 to Q4/],
    ['2026-H3', /H1 and H2/],
    ['2026-B27', /B01 to B26/],
    ['Nov 2026', /is not a period/],
    ['2026-1', /is not a period/],
    ['', /is not a period/],
  ])('refuses %j', (label, message) => {
    const parsed = parsePeriod(label);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
    expect(() => periodRange(label)).toThrow(RangeError);
  });

  it('backs a schema that stores the canonical label', () => {
    expect(periodLabelSchema.parse('2026-q4')).toBe('2026-Q4');
    expect(periodLabelSchema.safeParse('2026-Q9').error?.issues[0]?.message).toMatch(/Q1 to Q4/);
  });
});

describe('every period of every day', () => {
  it('contains the day, and its label names its own range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom(...PERIOD_KINDS), (n, kind) => {
        const day = dayFromNumber(n);
        const label = periodOf(kind, day);
        const { first, last } = periodRange(label);
        expect(first <= day && day <= last).toBe(true);
        expect(periodOf(kind, first)).toBe(label);
        expect(periodOf(kind, last)).toBe(label);
        expect(periodOf(kind, addDays(first, -1))).not.toBe(label);
        expect(periodOf(kind, addDays(last, 1))).not.toBe(label);
      }),
      { numRuns: 500 },
    );
  });

  it('weeks run Monday to Sunday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (n) => {
        const { first, last } = periodRange(weekOf(dayFromNumber(n)));
        expect(weekdayOf(first)).toBe(1);
        expect(daysBetween(first, last)).toBe(6);
      }),
    );
  });
});
