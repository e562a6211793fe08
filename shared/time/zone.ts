import { dayFromParts, dayNumberOf, type CalendarDay } from './calendar-day';

// The only engine-dependent step in shared/time: asking Intl for the wall clock (and the name) of an
// instant in an IANA zone. Everything else is arithmetic. Formatters are slow to build, so each is made
// once per zone, here and nowhere else.
type FormatterKind = 'wall' | 'short' | 'long';
const formatters = new Map<string, Intl.DateTimeFormat>();

function cached(kind: FormatterKind, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  // Fixed locale, calendar and digits so the parts are always Gregorian Latin numerals; h23 because
  // hour12:false renders midnight as "24" in some engines; the era to tell 5 BC from AD 5.
  return cached('wall', timeZone, () =>
    new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    }),
  );
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

interface WallFields {
  year: number; // astronomical: 1 BC is 0
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallFieldsOf(instant: Date, timeZone: string): WallFields {
  checkInstant(instant);
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === 'era') bc = part.value === 'BC';
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = fields;
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined || second === undefined) {
    throw new RangeError(`Cannot read the wall clock of ${instant.toISOString()} in ${timeZone}`);
  }
  return { year: bc ? 1 - year : year, month, day, hour, minute, second };
}

/** What a clock on the wall in `timeZone` shows at `instant` (to the second). */
export function wallClockOf(instant: Date, timeZone: string): WallClock {
  const { year, month, day, hour, minute, second } = wallFieldsOf(instant, timeZone);
  return { day: dayFromParts(year, month, day), hour, minute, second };
}

/** The day and time a lead reads at `instant` in `timeZone`, to the minute: '2026-11-26 19:05'. */
export function clockText(instant: Date, timeZone: string): string {
  const { day, hour, minute } = wallClockOf(instant, timeZone);
  return `${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * What a clock on the wall in `timeZone` shows at `instant`, counted as a Date counts UTC: milliseconds
 * since 1970-01-01 00:00 on that clock, keeping the instant's milliseconds. `new Date(wallClockMillis(…))`
 * read with its getUTC… methods gives the local date and time, for any year a Date holds.
 */
export function wallClockMillis(instant: Date, timeZone: string): number {
  const { year, month, day, hour, minute, second } = wallFieldsOf(instant, timeZone);
  const wall = new Date(0);
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, ((instant.getTime() % 1000) + 1000) % 1000);
  return wall.getTime();
}

/** The calendar day in `timeZone` at `instant`. */
export function dayOf(instant: Date, timeZone: string): CalendarDay {
  return wallClockOf(instant, timeZone).day;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

function offsetMillis(instant: Date, timeZone: string): number {
  return wallClockMillis(instant, timeZone) - checkInstant(instant);
}

/** Minutes `timeZone` is ahead of UTC at `instant` (Asia/Karachi: 300; Europe/London in summer: 60). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  return offsetMillis(instant, timeZone) / MS_PER_MINUTE;
}

/**
 * The instant at which the wall clock in `timeZone` reads `wallMillis` (counted as wallClockMillis
 * counts it). A reading skipped by a change to summer time is moved later by the gap (02:30 becomes
 * 03:30); a reading repeated when clocks go back takes its first occurrence. That is how Java's zoned
 * time resolves them (java.time.ZonedDateTime.ofLocal).
 */
export function instantFromWallClock(wallMillis: number, timeZone: string): Date {
  if (!Number.isFinite(wallMillis)) throw new RangeError('Invalid Date');
  // The offsets in force two days either side cover any single change near the reading.
  const before = wallMillis - offsetMillis(new Date(wallMillis - 2 * MS_PER_DAY), timeZone);
  const after = wallMillis - offsetMillis(new Date(wallMillis + 2 * MS_PER_DAY), timeZone);
  const shows = (candidate: number) => wallClockMillis(new Date(candidate), timeZone) === wallMillis;
  const matching = [before, after].filter(shows).sort((a, b) => a - b);
  return new Date(matching[0] ?? before);
}

/**
 * The zone's name at `instant` as Intl gives it in en-US: 'short' is an abbreviation where one is known
 * (EST, PDT, UTC) and otherwise an offset ('GMT+5'); 'long' the full name ('Pakistan Standard Time').
 */
export function zoneNameOf(instant: Date, timeZone: string, style: 'short' | 'long'): string {
  const names = cached(style, timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style }));
  return names.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
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
