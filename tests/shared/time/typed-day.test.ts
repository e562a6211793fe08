import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { parseTypedDay, type TypedDayOptions } from '../../../shared/time/typed-day';

const today: CalendarDay = '2026-11-27';

function day(text: string, options: TypedDayOptions = { today }) {
  const parsed = parseTypedDay(text, options);
  if (!parsed.ok) throw new Error(`expected a day from ${JSON.stringify(text)}, got: ${parsed.message}`);
  return parsed.day;
}

function refusal(text: string, options: TypedDayOptions = { today }) {
  const parsed = parseTypedDay(text, options);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused, got ${parsed.day}`);
  return parsed.message;
}

describe('parseTypedDay', () => {
  it.each([
    '2026-11-27',
    '2026/11/27',
    '27/11/2026',
    '27-11-2026',
    '27.11.2026',
    '27/11/26',
    ' 27 / 11 / 2026 ',
    '27 Nov 2026',
    '27 November 2026',
    '27-Nov-2026',
    '27th November 2026',
    'Nov 27, 2026',
    'November 27 2026',
    'nov 27th, 2026',
    'Friday, 27 November 2026',
    'Fri 27/11/2026',
    '27 NOV 2026',
    '2026 Nov 27',
    '27/11',
    '27 Nov',
  ])('reads %j as 27 November 2026', (text) => {
    expect(day(text)).toBe('2026-11-27');
  });

  it('reads single digits and "Sept"', () => {
    expect(day('5/1/2026')).toBe('2026-01-05');
    expect(day('2026-1-5')).toBe('2026-01-05');
    expect(day('3 Sept 2026')).toBe('2026-09-03');
  });

  it('reads words relative to today', () => {
    expect(day('today')).toBe('2026-11-27');
    expect(day(' Yesterday ')).toBe('2026-11-26');
    expect(day('tomorrow')).toBe('2026-11-28');
    expect(day('yesterday', { today: '2026-03-01' })).toBe('2026-02-28');
  });

  it('gives a date without a year the year nearest to today', () => {
    expect(day('28/12', { today: '2027-01-05' })).toBe('2026-12-28');
    expect(day('3/1', { today: '2026-12-30' })).toBe('2027-01-03');
    expect(day('29 Feb', { today: '2024-03-01' })).toBe('2024-02-29');
  });

  it('puts two-digit years within 50 years of today', () => {
    expect(day('27/11/26')).toBe('2026-11-27');
    expect(day('1/1/76')).toBe('2076-01-01');
    expect(day('1/1/77')).toBe('1977-01-01');
    expect(day('1/1/99', { today: '2001-06-01' })).toBe('1999-01-01');
  });

  it('accepts leap days that exist', () => {
    expect(day('29/02/2024')).toBe('2024-02-29');
    expect(day('29/02/2000')).toBe('2000-02-29');
  });

  it('refuses impossible dates, saying why', () => {
    expect(refusal('31/02/2026')).toBe('"31/02/2026" is not a real date: February 2026 has 28 days.');
    expect(refusal('29/02/2026')).toMatch(/February 2026 has 28 days/);
    expect(refusal('29/02/1900')).toMatch(/February 1900 has 28 days/);
    expect(refusal('31/04/2026')).toMatch(/April 2026 has 30 days/);
    expect(refusal('27/13/2026')).toMatch(/no month 13: months run from 1 to 12/);
    expect(refusal('27/00/2026')).toMatch(/no month 0/);
    expect(refusal('0/11/2026')).toMatch(/no day 0/);
  });

  it('points out month-first dates', () => {
    expect(refusal('11/27/2026')).toMatch(/no month 27\. Dates are written day first: DD\/MM\/YYYY/);
  });

  it('refuses a weekday that does not match', () => {
    expect(refusal('Monday 27 November 2026')).toMatch(/is a Friday, not a Monday/);
  });

  it.each([
    ['', /Enter a date/],
    ['   ', /Enter a date/],
    ['hello', /"hello" is not a month or weekday/],
    ['next friday', /not a date I can read/],
    ['Nov 2026', /needs one day of the month/],
    ['27 Nov 12 2026', /needs one day of the month/],
    ['2026', /not a date I can read/],
    ['27112026', /not a date I can read/],
    ['27/11/2026 10:00', /not a date I can read/],
    ['2026-11-27T10:00:00Z', /not a date I can read/],
    ['27/11/202', /year of 3 digits/],
    ['27/11/2026/1', /not a date I can read/],
    ['1 2 3 4', /not a date I can read/],
    ['27 Nov 2026 Nov', /not a month or weekday/],
    ['2026-011-27', /not a date I can read/],
  ])('refuses %j', (text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('without today, refuses what needs it', () => {
    expect(parseTypedDay('27/11/2026')).toEqual({ ok: true, day: '2026-11-27' });
    expect(refusal('today', {})).toMatch(/Write the date itself/);
    expect(refusal('27/11', {})).toMatch(/needs a year/);
    expect(refusal('27/11/26', {})).toMatch(/year in full/);
  });
});
