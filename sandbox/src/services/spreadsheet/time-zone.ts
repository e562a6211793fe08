// Wall-clock arithmetic in a named IANA time zone, using only Intl (Apps Script has no other source
// either). Sheets stores a date-time as a serial number of days since 1899-12-30 on the spreadsheet's
// wall clock (developers.google.com/sheets/api/guides/formats#about_date_time_values), so the same
// cell is a different instant in another time zone.

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(name: string): boolean {
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

export function wallClockOf(date: Date, timeZone: string): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    switch (part.type) {
      case 'year': wall.year = Number(part.value); break;
      case 'month': wall.month = Number(part.value); break;
      case 'day': wall.day = Number(part.value); break;
      case 'hour': wall.hour = Number(part.value); break;
      case 'minute': wall.minute = Number(part.value); break;
      case 'second': wall.second = Number(part.value); break;
      case 'era': bc = part.value === 'BC'; break;
      default: break;
    }
  }
  if (bc) wall.year = 1 - wall.year;
  wall.millisecond = ((date.getTime() % 1000) + 1000) % 1000;
  return wall;
}

function utcOfWall(wall: WallClock): number {
  const d = new Date(Date.UTC(2000, 0, 1, wall.hour, wall.minute, wall.second, wall.millisecond));
  d.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  return d.getTime();
}

/** The instant at which the zone's clocks show `wall` (the later one's offset wins in a DST gap). */
export function instantOf(wall: WallClock, timeZone: string): Date {
  const asUtc = utcOfWall(wall);
  const offsetAt = (t: number) => utcOfWall(wallClockOf(new Date(t), timeZone)) - t;
  let t = asUtc - offsetAt(asUtc);
  t = asUtc - offsetAt(t);
  return new Date(t);
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export function serialOf(date: Date, timeZone: string): number {
  return (utcOfWall(wallClockOf(date, timeZone)) - SERIAL_EPOCH) / DAY;
}

export function wallClockOfSerial(serial: number): WallClock {
  const d = new Date(SERIAL_EPOCH + Math.round(serial * DAY));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

export function weekdayOf(wall: WallClock): number {
  return new Date(utcOfWall({ ...wall, hour: 12, minute: 0, second: 0, millisecond: 0 })).getUTCDay();
}
