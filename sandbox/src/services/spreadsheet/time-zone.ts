import { wallClockMillis } from '../../../../shared/time/zone';

// Wall-clock arithmetic in a named IANA time zone, using only Intl (Apps Script has no other source
// either; the Intl part is shared/time/zone.ts). Sheets stores a date-time as a serial number of days
// since 1899-12-30 on the spreadsheet's wall clock (developers.google.com/sheets/api/guides/
// formats#about_date_time_values), so the same cell is a different instant in another time zone.

export { isTimeZone } from '../../../../shared/time/zone';

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** A wall-clock reading held as a Date holds UTC (see wallClockMillis), in fields. */
function fieldsOf(wallMillis: number): WallClock {
  const d = new Date(wallMillis);
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

export function wallClockOf(date: Date, timeZone: string): WallClock {
  return fieldsOf(wallClockMillis(date, timeZone));
}

function utcOfWall(wall: WallClock): number {
  const d = new Date(Date.UTC(2000, 0, 1, wall.hour, wall.minute, wall.second, wall.millisecond));
  d.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  return d.getTime();
}

/** The instant at which the zone's clocks show `wall` (the later one's offset wins in a DST gap). */
export function instantOf(wall: WallClock, timeZone: string): Date {
  // Not shared/time/zone's instantFromWallClock (Java's rule, which triggers use): this settles
  // differently around a change. A skipped reading west of UTC moves earlier (New York 2027-03-14
  // 02:30 becomes 01:30 EST, Java says 03:30 EDT) and a repeated one east of UTC takes the later
  // occurrence (Berlin 2026-10-25 02:30 CET, Java says CEST). Which one Sheets does is unverified.
  const asUtc = utcOfWall(wall);
  const offsetAt = (t: number) => wallClockMillis(new Date(t), timeZone) - t;
  let t = asUtc - offsetAt(asUtc);
  t = asUtc - offsetAt(t);
  return new Date(t);
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export function serialOf(date: Date, timeZone: string): number {
  return (wallClockMillis(date, timeZone) - SERIAL_EPOCH) / DAY;
}

export function wallClockOfSerial(serial: number): WallClock {
  return fieldsOf(SERIAL_EPOCH + Math.round(serial * DAY));
}

export function weekdayOf(wall: WallClock): number {
  return new Date(utcOfWall({ ...wall, hour: 12, minute: 0, second: 0, millisecond: 0 })).getUTCDay();
}
