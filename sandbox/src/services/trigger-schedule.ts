import { instantFromWallClock, wallClockMillis } from '../../../shared/time/zone';
import type { TriggerSchedule, TriggerState } from '../workspace';

// When a time-driven trigger runs next. Pure arithmetic over the schedule, so the runtime (which fires
// every trigger whose `nextRunAt` has passed) and the tests agree on it.
//
// Google is deliberately imprecise (developers.google.com/apps-script/reference/script/clock-trigger-builder):
// `atHour(7)` runs at some minute between 7:00 and 8:00, `nearMinute(m)` within ±15 minutes of m,
// `everyHours(n)` and `everyMinutes(n)` at whatever offset Google picks. The sandbox picks the minute
// of a daily or weekly trigger when it is made (ClockTriggerBuilder, stored as `nearMinute`) and runs
// at exactly hour:nearMinute from then on; interval triggers run at exact multiples of the interval
// after the trigger was created. Daily and weekly
// triggers keep their wall-clock time in the trigger's time zone across daylight-saving changes.
//
// Every series is anchored at the trigger's creation: `nextRunAfter` gives its first run strictly
// after `after`. Passing the time the last run was due keeps missed runs (the runtime catches up);
// passing the current clock skips them, as Google does when a trigger could not run.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const WEEK_DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;

interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
}

interface TimeOfDay {
  hour: number;
  minute: number;
}

/** The wall clock in `timeZone` at `instant`, held in a Date's UTC fields. */
function wallAt(instant: number, timeZone: string): Date {
  return new Date(wallClockMillis(new Date(instant), timeZone));
}

/** The weekday ('MONDAY'…) in `timeZone` at `instant`. */
export function weekDayAt(instant: Date, timeZone: string): string {
  return WEEK_DAYS[wallAt(instant.getTime(), timeZone).getUTCDay()]!;
}

/**
 * The instant at which the wall clock in `timeZone` reads `date` `time`. A time skipped by a
 * spring-forward change is moved forward by the gap (02:30 → 03:30); a time repeated by a fall-back
 * change takes its first occurrence. That is how Java's zoned time (Google's servers) resolves them.
 */
function instantAt(date: LocalDate, time: TimeOfDay, timeZone: string): number {
  return instantFromWallClock(Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute), timeZone).getTime();
}

function localDateOf(instant: number, timeZone: string): LocalDate {
  const wall = wallAt(instant, timeZone);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

function timeOfDayOf(instant: number, timeZone: string): TimeOfDay {
  const wall = wallAt(instant, timeZone);
  return { hour: wall.getUTCHours(), minute: wall.getUTCMinutes() };
}

function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / (24 * HOUR));
}

function weekDayOf(date: LocalDate): string {
  return WEEK_DAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]!;
}

/** First run of a fixed-interval series (anchor + k·step, k ≥ 1) strictly after `after`. */
function nextInterval(anchor: number, step: number, after: number): number {
  const k = Math.max(1, Math.floor((after - anchor) / step) + 1);
  return anchor + k * step;
}

/** First run of a day-based series (firstDay + k·periodDays at `time`, k ≥ 0) strictly after `after`. */
function nextOnDays(firstDay: LocalDate, periodDays: number, time: TimeOfDay, after: number, timeZone: string): number {
  const elapsed = daysBetween(firstDay, localDateOf(after, timeZone));
  let k = Math.max(0, Math.floor(elapsed / periodDays) - 1);
  for (;;) {
    const run = instantAt(addDays(firstDay, k * periodDays), time, timeZone);
    if (run > after) return run;
    k += 1;
  }
}

/** The first day on or after the anchor's local date that is `weekDay` and whose run comes after the anchor. */
function firstDayOnOrAfter(anchor: number, time: TimeOfDay, timeZone: string, weekDay: string | null): LocalDate {
  let day = localDateOf(anchor, timeZone);
  for (;;) {
    if ((weekDay === null || weekDayOf(day) === weekDay) && instantAt(day, time, timeZone) > anchor) return day;
    day = addDays(day, 1);
  }
}

/**
 * The first run of `schedule` strictly after `after`, in `timeZone` (the trigger's inTimezone, else the
 * script's). `anchor` is when the series started (the trigger's creation). Null when it never runs
 * again: a one-shot trigger whose time has passed, or an installable spreadsheet trigger (those fire on
 * events, not by the clock).
 */
export function nextRunAfter(schedule: TriggerSchedule, after: Date, timeZone: string, anchor: Date = after): Date | null {
  const from = after.getTime();
  const start = anchor.getTime();
  switch (schedule.kind) {
    case 'everyMinutes':
      return new Date(nextInterval(start, schedule.minutes * MINUTE, from));
    case 'everyHours':
      return new Date(nextInterval(start, schedule.hours * HOUR, from));
    case 'everyDays': {
      if (schedule.atHour === null) {
        // Without atHour Google picks the time; we keep the local time of day the trigger was made.
        const time = timeOfDayOf(start, timeZone);
        return new Date(nextOnDays(addDays(localDateOf(start, timeZone), schedule.days), schedule.days, time, from, timeZone));
      }
      const time = { hour: schedule.atHour, minute: schedule.nearMinute ?? 0 };
      return new Date(nextOnDays(firstDayOnOrAfter(start, time, timeZone, null), schedule.days, time, from, timeZone));
    }
    case 'everyWeeks': {
      const time =
        schedule.atHour === null ? timeOfDayOf(start, timeZone) : { hour: schedule.atHour, minute: schedule.nearMinute ?? 0 };
      const firstDay = firstDayOnOrAfter(start, time, timeZone, schedule.onWeekDay);
      return new Date(nextOnDays(firstDay, 7 * schedule.weeks, time, from, timeZone));
    }
    case 'at':
      return schedule.at.getTime() > from ? new Date(schedule.at.getTime()) : null;
    case 'spreadsheetEvent':
      return null;
  }
}

/** Whether the trigger runs once only (`at`, `after`, `atDate`): after that run its nextRunAt is null. */
export function isOneShot(schedule: TriggerSchedule): boolean {
  return schedule.kind === 'at';
}

/** The next run of a stored trigger after `after`, with its own time zone and anchor. */
export function nextRunOf(trigger: TriggerState, after: Date, scriptTimeZone: string): Date | null {
  return nextRunAfter(trigger.schedule, after, trigger.timeZone ?? scriptTimeZone, trigger.createdAt);
}

/** The instant the wall clock in `timeZone` reads year-month-day hour:minute (atDate's resolution). */
export function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  return new Date(instantAt({ year, month, day }, { hour, minute }, timeZone));
}
