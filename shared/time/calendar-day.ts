import { z } from '../zod';

/**
 * A calendar date, 'YYYY-MM-DD', as the CIL's members read it: the day hours were worked, the day a
 * meeting happened. It names a day, not an instant; turning it into instants needs a time zone
 * (see zone.ts). Strings of this shape sort in date order.
 *
 * The template type keeps an unchecked `string` from passing for a day; literals like '2026-11-27'
 * type-check as they are. Values from outside come through `isCalendarDay` or `calendarDaySchema`.
 */
export type CalendarDay = `${number}-${number}-${number}`;

const DAY_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const length = MONTH_LENGTHS[month - 1];
  if (length === undefined) throw new RangeError(`Month ${month} is not between 1 and 12`);
  return length;
}

export function isCalendarDay(value: unknown): value is CalendarDay {
  if (typeof value !== 'string') return false;
  const match = DAY_SHAPE.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

export const calendarDaySchema = z
  .string()
  .refine(isCalendarDay, { error: 'must be a real date written YYYY-MM-DD' });

export interface DayParts {
  year: number;
  month: number;
  day: number;
}

export function partsOf(day: CalendarDay): DayParts {
  if (!isCalendarDay(day)) throw new RangeError(`"${String(day)}" is not a calendar day (YYYY-MM-DD)`);
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) };
}

/** The day with these parts; throws on an impossible date such as 2026-02-31. */
export function dayFromParts(year: number, month: number, day: number): CalendarDay {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!Number.isInteger(year) || year < 0 || year > 9999 || !isCalendarDay(text)) {
    throw new RangeError(`${year}-${month}-${day} is not a real date`);
  }
  return text;
}

// Day numbers (days since 1970-01-01) by plain integer arithmetic on the proleptic Gregorian
// calendar, in 400-year eras whose years start on 1 March so the leap day falls last. Every engine
// gives the same answer, with none of Date's quirks (Date.UTC maps years 0–99 to 1900–1999).
const DAYS_PER_ERA = 146097;
const EPOCH_SHIFT = 719468; // days from 0000-03-01 to 1970-01-01

/** Days since 1970-01-01 (negative before it). */
export function dayNumberOf(day: CalendarDay): number {
  const parts = partsOf(day);
  const year = parts.month <= 2 ? parts.year - 1 : parts.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (parts.month + (parts.month > 2 ? -3 : 9)) + 2) / 5) + parts.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT;
}

/** The day `dayNumber` days after 1970-01-01. */
export function dayFromNumber(dayNumber: number): CalendarDay {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Day number ${dayNumber} is not a whole number`);
  const shifted = dayNumber + EPOCH_SHIFT;
  const era = Math.floor(shifted / DAYS_PER_ERA);
  const dayOfEra = shifted - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return dayFromParts(year, month, day);
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return dayFromNumber(dayNumberOf(day) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: CalendarDay): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumberOf(day) + 3) % 7) + 7) % 7) + 1;
}

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
