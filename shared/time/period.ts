import { z } from '../zod';
import { addDays, dayFromParts, daysBetween, daysInMonth, partsOf, weekdayOf, type CalendarDay } from './calendar-day';

/**
 * Reporting periods, named by labels that sort in time order within a kind:
 *   week    '2026-W48'  ISO week (Monday–Sunday); the year is the ISO week-year, so 2027-01-01 is in 2026-W53
 *   biweek  '2026-B24'  ISO weeks 47–48: B n is weeks 2n−1 and 2n, and B26 also takes week 53 when the
 *                       year has one, so every year has 26 biweekly updates
 *   month   '2026-11'
 *   quarter '2026-Q4'
 *   half    '2026-H2'
 *   year    '2026'
 */
export const PERIOD_KINDS = ['week', 'biweek', 'month', 'quarter', 'half', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface IsoWeek {
  year: number;
  week: number;
}

export function isoWeekOf(day: CalendarDay): IsoWeek {
  // A week belongs to the year that holds its Thursday.
  const thursday = addDays(day, 4 - weekdayOf(day));
  const year = partsOf(thursday).year;
  const week = Math.floor(daysBetween(dayFromParts(year, 1, 1), thursday) / 7) + 1;
  return { year, week };
}

/** 53 in years whose 1 January or 31 December is a Thursday (2020, 2026), else 52. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(dayFromParts(year, 12, 28)).week;
}

const BIWEEKS_PER_YEAR = 26;

const pad2 = (n: number) => String(n).padStart(2, '0');

export function weekOf(day: CalendarDay): string {
  const { year, week } = isoWeekOf(day);
  return `${year}-W${pad2(week)}`;
}

export function biweekOf(day: CalendarDay): string {
  const { year, week } = isoWeekOf(day);
  return `${year}-B${pad2(Math.min(Math.ceil(week / 2), BIWEEKS_PER_YEAR))}`;
}

export function monthOf(day: CalendarDay): string {
  return day.slice(0, 7);
}

export function quarterOf(day: CalendarDay): string {
  const { year, month } = partsOf(day);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

export function halfOf(day: CalendarDay): string {
  const { year, month } = partsOf(day);
  return `${year}-H${month <= 6 ? 1 : 2}`;
}

export function yearOf(day: CalendarDay): string {
  return day.slice(0, 4);
}

/** The label of the `kind` period that contains `day`. */
export function periodOf(kind: PeriodKind, day: CalendarDay): string {
  switch (kind) {
    case 'week':
      return weekOf(day);
    case 'biweek':
      return biweekOf(day);
    case 'month':
      return monthOf(day);
    case 'quarter':
      return quarterOf(day);
    case 'half':
      return halfOf(day);
    case 'year':
      return yearOf(day);
  }
}

export interface Period {
  kind: PeriodKind;
  label: string;
  first: CalendarDay;
  last: CalendarDay;
}

export type PeriodParse = { ok: true; period: Period } | { ok: false; message: string };

function mondayOfIsoWeek(year: number, week: number): CalendarDay {
  // 4 January is always in week 1.
  const january4 = dayFromParts(year, 1, 4);
  return addDays(january4, 1 - weekdayOf(january4) + 7 * (week - 1));
}

function monthsRange(year: number, firstMonth: number, months: number): { first: CalendarDay; last: CalendarDay } {
  const lastMonth = firstMonth + months - 1;
  return { first: dayFromParts(year, firstMonth, 1), last: dayFromParts(year, lastMonth, daysInMonth(year, lastMonth)) };
}

const LABEL_SHAPE = /^(\d{4})(?:-(?:(W|B|Q|H)(\d{1,2})|(\d{2})))?$/;
const LABEL_HELP = "Periods are written like 2026-W48 (week), 2026-B24 (biweek), 2026-11 (month), 2026-Q4 (quarter), 2026-H2 (half year) or 2026 (year).";

/** Reads a period label; the message says what is wrong in words a lead can act on. */
export function parsePeriod(label: string): PeriodParse {
  const text = label.trim().toUpperCase();
  const match = LABEL_SHAPE.exec(text);
  if (!match) return { ok: false, message: `"${label}" is not a period. ${LABEL_HELP}` };
  const year = Number(match[1]);
  const letter = match[2];
  const n = Number(match[3] ?? match[4]);
  const fail = (why: string): PeriodParse => ({ ok: false, message: `"${label}" is not a period: ${why}.` });
  let period: Omit<Period, 'label'>;
  if (letter === undefined && match[4] === undefined) {
    period = { kind: 'year', ...monthsRange(year, 1, 12) };
  } else if (letter === undefined) {
    if (n < 1 || n > 12) return fail('months run from 01 to 12');
    period = { kind: 'month', ...monthsRange(year, n, 1) };
  } else if (letter === 'Q') {
    if (n < 1 || n > 4) return fail('quarters run from Q1 to Q4');
    period = { kind: 'quarter', ...monthsRange(year, 3 * n - 2, 3) };
  } else if (letter === 'H') {
    if (n < 1 || n > 2) return fail('halves are H1 and H2');
    period = { kind: 'half', ...monthsRange(year, 6 * n - 5, 6) };
  } else if (letter === 'W') {
    const weeks = isoWeeksInYear(year);
    if (n < 1 || n > weeks) return fail(`${year} has ISO weeks W01 to W${weeks}`);
    const first = mondayOfIsoWeek(year, n);
    period = { kind: 'week', first, last: addDays(first, 6) };
  } else {
    if (n < 1 || n > BIWEEKS_PER_YEAR) return fail(`biweeks run from B01 to B${BIWEEKS_PER_YEAR}`);
    const first = mondayOfIsoWeek(year, 2 * n - 1);
    const lastWeek = n === BIWEEKS_PER_YEAR ? isoWeeksInYear(year) : 2 * n;
    period = { kind: 'biweek', first, last: addDays(mondayOfIsoWeek(year, lastWeek), 6) };
  }
  // Canonical label, so '2026-w1' and '2026-W01' name the same period.
  return { ok: true, period: { ...period, label: periodOf(period.kind, period.first) } };
}

/** First and last day of a labelled period; throws on a label that is not one. */
export function periodRange(label: string): { first: CalendarDay; last: CalendarDay } {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new RangeError(parsed.message);
  return { first: parsed.period.first, last: parsed.period.last };
}

/** A period label in canonical form ('2026-w1' is stored as '2026-W01'). */
export const periodLabelSchema = z.string().transform((label, ctx) => {
  const parsed = parsePeriod(label);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return parsed.period.label;
});
