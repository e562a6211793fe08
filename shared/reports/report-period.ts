import type { HoursEntry } from '../records/hours';
import type { Project } from '../records/project';
import { addDays, MONTH_NAMES, partsOf, type CalendarDay } from '../time/calendar-day';
import { isoWeekOf, parsePeriod, periodOf, periodRange, type Period, type PeriodKind } from '../time/period';
import { dayText } from './report-text';

// What a report covers: a period of the calendar (a week … a year, in the CIL's time zone), or, for the
// project reports, a project's life from its start to its completion (or to today while it runs).

export type ReportPeriodKind = PeriodKind | 'project';

export interface ReportPeriod {
  kind: ReportPeriodKind;
  /** '2026-W48', '2026-11', … or the project's name. */
  label: string;
  first: CalendarDay;
  last: CalendarDay;
  /** As a reader says it: 'November 2026', 'Week 48 of 2026 (23–29 Nov 2026)'. */
  name: string;
}

export type ReportPeriodRead = { ok: true; period: ReportPeriod } | { ok: false; message: string };

function span(first: CalendarDay, last: CalendarDay): string {
  return `${dayText(first)} – ${dayText(last)}`;
}

function nameOf(period: Period): string {
  const { year, month } = partsOf(period.first);
  switch (period.kind) {
    case 'week':
      return `Week ${isoWeekOf(period.first).week} of ${isoWeekOf(period.first).year} (${span(period.first, period.last)})`;
    case 'biweek': {
      const from = isoWeekOf(period.first);
      return `Weeks ${from.week}–${isoWeekOf(period.last).week} of ${from.year} (${span(period.first, period.last)})`;
    }
    case 'month':
      return `${MONTH_NAMES[month - 1]} ${year}`;
    case 'quarter':
      return `Q${Math.ceil(month / 3)} ${year} (${MONTH_NAMES[month - 1]} – ${MONTH_NAMES[month + 1]})`;
    case 'half':
      return `${month === 1 ? 'First' : 'Second'} half of ${year} (${MONTH_NAMES[month - 1]} – ${MONTH_NAMES[month + 4]})`;
    case 'year':
      return String(year);
  }
}

/** A period of the calendar, as a report names it. */
function reportPeriodOf(period: Period): ReportPeriod {
  return { ...period, name: nameOf(period) };
}

/** Reads a period label of the kind a report needs; the message says what to write instead. */
export function readReportPeriod(label: string, kind: PeriodKind): ReportPeriodRead {
  const parsed = parsePeriod(label);
  if (!parsed.ok) return parsed;
  if (parsed.period.kind !== kind) {
    return { ok: false, message: `"${label}" is a ${parsed.period.kind}, but this report covers a ${kind}, such as ${periodOf(kind, parsed.period.first)}.` };
  }
  return { ok: true, period: reportPeriodOf(parsed.period) };
}

/**
 * A project's life: from "Started on" (else its first logged hours, else today) to "Completed on" (else
 * today, while it runs). Named after the project.
 */
export function projectPeriod(project: Project, hours: readonly HoursEntry[], today: CalendarDay): ReportPeriod {
  const logged = hours.filter((entry) => entry.projectId === project.id).map((entry) => entry.day).sort();
  const first = project.startedOn ?? logged[0] ?? today;
  const last = project.completedOn ?? (today < first ? first : today);
  return { kind: 'project', label: project.name, first, last, name: `${project.name} (${span(first, last)})` };
}

function periodContaining(kind: PeriodKind, day: CalendarDay): Period {
  const parsed = parsePeriod(periodOf(kind, day));
  // periodOf writes only labels that parse.
  if (!parsed.ok) throw new RangeError(parsed.message);
  return parsed.period;
}

/** The period of the same kind right after this one, however far this one has run (a project has none). */
export function nextPeriod(period: ReportPeriod): ReportPeriod {
  if (period.kind === 'project') throw new RangeError(`${period.label} is a project, not a period of the calendar`);
  return reportPeriodOf(periodContaining(period.kind, addDays(periodRange(period.label).last, 1)));
}

/** A period still running on `today` as far as it has gone: a report on it covers it up to today. */
export function upTo(period: ReportPeriod, today: CalendarDay): ReportPeriod {
  if (period.last <= today) return period;
  return { ...period, last: today, name: `${period.name}, up to ${dayText(today)}` };
}

/**
 * Periods to offer a lead, latest first: the current one (still running on `today`) and the `count`
 * finished ones before it. The latest finished one is the natural default.
 */
export function recentPeriods(kind: PeriodKind, today: CalendarDay, count: number): { period: ReportPeriod; finished: boolean }[] {
  const periods: { period: ReportPeriod; finished: boolean }[] = [];
  let period = periodContaining(kind, today);
  for (let i = 0; i <= count; i++) {
    periods.push({ period: reportPeriodOf(period), finished: i > 0 });
    period = periodContaining(kind, addDays(period.first, -1));
  }
  return periods;
}
