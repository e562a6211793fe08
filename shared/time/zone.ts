import { dayFromParts, dayNumberOf, type CalendarDay } from './calendar-day';

// The only engine-dependent step in shared/time: asking Intl for the wall clock of an instant in an IANA
// zone. Everything else is arithmetic on day numbers. Formatters are slow to build, so one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Fixed locale, calendar and digits so the parts are always Gregorian Latin numerals; h23 because
    // hour12:false renders midnight as "24" in some engines.
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone name this engine knows, e.g. 'Asia/Karachi'. */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  day: CalendarDay;
  hour: number;
  minute: number;
  second: number;
}

function checkInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return ms;
}

/** What a clock on the wall in `timeZone` shows at `instant` (to the second). */
export function wallClockOf(instant: Date, timeZone: string): WallClock {
  checkInstant(instant);
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = fields;
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined || second === undefined) {
    throw new RangeError(`Cannot read the wall clock of ${instant.toISOString()} in ${timeZone}`);
  }
  return { day: dayFromParts(year, month, day), hour, minute, second };
}

/** The calendar day in `timeZone` at `instant`. */
export function dayOf(instant: Date, timeZone: string): CalendarDay {
  return wallClockOf(instant, timeZone).day;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

function wallMs(clock: WallClock): number {
  return dayNumberOf(clock.day) * MS_PER_DAY + ((clock.hour * 60 + clock.minute) * 60 + clock.second) * 1000;
}

/** Minutes `timeZone` is ahead of UTC at `instant` (Asia/Karachi: 300; Europe/London in summer: 60). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const ms = checkInstant(instant);
  // The wall clock has whole seconds, so compare it with the instant truncated to the second.
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return (wallMs(wallClockOf(instant, timeZone)) - wholeSecond) / MS_PER_MINUTE;
}

const dayStarts = new Map<string, number>();

/**
 * The first instant of `day` in `timeZone`: local midnight, or, where a DST change skips midnight
 * (Asia/Karachi on 2008-06-01 jumped from 00:00 to 01:00), the instant the day begins.
 */
export function startOfDay(day: CalendarDay, timeZone: string): Date {
  // Writing a tab turns the same few hundred days into date cells over and over; each costs six
  // formatter calls, so remember them.
  const key = `${timeZone} ${day}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = findStartOfDay(day, timeZone);
    dayStarts.set(key, start);
  }
  return new Date(start);
}

function findStartOfDay(day: CalendarDay, timeZone: string): number {
  const midnightAsUtc = dayNumberOf(day) * MS_PER_DAY;
  // Midnight is `midnightAsUtc - offset` for the offset in force then. Offsets a day either side cover
  // any change that night; of the candidates, the day starts at the one whose previous second is
  // still an earlier day (usually the day before; not where a zone skipped that one, as Samoa did).
  const offsets = new Set([
    zoneOffsetMinutes(new Date(midnightAsUtc - MS_PER_DAY), timeZone),
    zoneOffsetMinutes(new Date(midnightAsUtc + MS_PER_DAY), timeZone),
  ]);
  let start: number | undefined;
  for (const offset of offsets) {
    const candidate = midnightAsUtc - offset * MS_PER_MINUTE;
    const begins =
      dayOf(new Date(candidate), timeZone) === day && dayOf(new Date(candidate - 1000), timeZone) < day;
    if (begins && (start === undefined || candidate < start)) start = candidate;
  }
  if (start === undefined) throw new RangeError(`${day} does not exist in ${timeZone}`);
  return start;
}
