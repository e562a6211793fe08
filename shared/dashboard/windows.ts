import { addDays, daysBetween, isCalendarDay, type CalendarDay } from '../time/calendar-day';
import { instantMs, type Instant } from '../time/instant';
import { monthOf, parsePeriod, periodRange, quarterOf, weekOf } from '../time/period';
import type { WeekColumn } from './types';

/** A labelled stretch of days, both ends included. */
export interface Span {
  label: string;
  first: CalendarDay;
  last: CalendarDay;
}

/**
 * The periods the dashboard's figures cover, worked out once: the weeks of the hours table (the
 * current ISO week last), the months of the attendance trend, the quarter reviewed and the one before.
 */
export interface Windows {
  today: CalendarDay;
  nowMs: number;
  weeks: WeekColumn[];
  months: Span[];
  quarter: Span;
  previous: Span;
  /** The earliest day any figure looks at: records before it are passed over. */
  from: CalendarDay;
}

/** Months of attendance trend the dashboard shows. */
export const TREND_MONTHS = 6;

const spanOf = (label: string): Span => ({ label, ...periodRange(label) });

export const inSpan = (span: Pick<Span, 'first' | 'last'>, day: CalendarDay) => day >= span.first && day <= span.last;

/** The quarter before `quarter` ('2026-Q1' → '2025-Q4'). */
export function quarterBefore(quarter: string): string {
  return quarterOf(addDays(periodRange(quarter).first, -1));
}

function nowMsOf(now: Instant): number {
  const ms = instantMs(now);
  if (ms === undefined) throw new RangeError(`now "${now}" is not an ISO UTC instant`);
  return ms;
}

/** How much history the tables and trends show; the quarterly review alone needs none. */
export interface Shown {
  weeks: number;
  months: number;
}

/** The `shown` weeks and months up to today's, and `quarter` (default today's) with the one before. */
export function windowsOf(today: CalendarDay, now: Instant, shown: Shown, quarter = quarterOf(today)): Windows {
  if (!isCalendarDay(today)) throw new RangeError(`today "${String(today)}" is not a calendar day (YYYY-MM-DD)`);
  const parsed = parsePeriod(quarter);
  if (!parsed.ok || parsed.period.kind !== 'quarter') throw new RangeError(`"${quarter}" is not a quarter like 2026-Q4`);
  const thisWeek = periodRange(weekOf(today)).first;
  const weekColumns: WeekColumn[] = [];
  for (let i = shown.weeks - 1; i >= 0; i--) {
    const first = addDays(thisWeek, -7 * i);
    weekColumns.push({ label: weekOf(first), first, last: addDays(first, 6) });
  }
  const months: Span[] = [];
  let month = monthOf(today);
  for (let i = 0; i < shown.months; i++) {
    months.unshift(spanOf(month));
    month = monthOf(addDays(periodRange(month).first, -1));
  }
  const reviewed = spanOf(parsed.period.label);
  const previous = spanOf(quarterBefore(reviewed.label));
  const starts = [previous.first, ...(weekColumns[0] ? [weekColumns[0].first] : []), ...(months[0] ? [months[0].first] : [])];
  return {
    today,
    nowMs: nowMsOf(now),
    weeks: weekColumns,
    months,
    quarter: reviewed,
    previous,
    from: starts.reduce((a, b) => (a < b ? a : b)),
  };
}

/** The position of `day`'s week among the windows' weeks, or -1 outside them. */
export function weekIndexOf(windows: Windows, day: CalendarDay): number {
  const first = windows.weeks[0];
  if (!first) return -1;
  const offset = daysBetween(first.first, day);
  const index = Math.floor(offset / 7);
  return offset < 0 || index >= windows.weeks.length ? -1 : index;
}

/** The position of `day`'s month among the windows' months, or -1 outside them. */
export function monthIndexOf(windows: Windows, day: CalendarDay): number {
  return windows.months.findIndex((month) => inSpan(month, day));
}

/** Hours and rates shown with two decimals at most, so sums of quarter hours read cleanly. */
export const round2 = (n: number) => Math.round(n * 100) / 100;
