import { isTimeZone, zoneNameOf, zoneOffsetMinutes } from '../../../shared/time/zone';
import { fail, googleErrors } from '../google-errors';

// Utilities.formatDate follows Java's SimpleDateFormat (docs.oracle.com/javase/7/docs/api/java/text/
// SimpleDateFormat.html), English names, US week rules (weeks start on Sunday; week 1 holds 1 January).
// Zone fields come from Intl (through shared/time/zone.ts). Two deliberate differences from Google:
// - an unknown time zone id throws; Java silently formats it as GMT, which hides typos;
// - 'z' is the zone's common abbreviation where Intl knows one in en-US (PST, PDT, EST, UTC…), and
//   otherwise the GMT offset form 'GMT+05:00' (Java would say PKT for Asia/Karachi). 'zzzz' is the
//   long name (Pakistan Standard Time), which matches Java.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const PATTERN_LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';
const DAY_MS = 86_400_000;

/** A zone as Java accepts it: an IANA id, UTC/GMT, or a custom 'GMT+5', 'GMT+05:00', 'GMT-0800'. */
interface Zone {
  offsetMinutes(at: Date): number;
  name(at: Date, style: 'short' | 'long'): string;
}

const zones = new Map<string, Zone>();

function zoneNamed(timeZone: string): Zone {
  const known = zones.get(timeZone);
  if (known) return known;
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  let zone: Zone;
  if (custom) {
    const minutes = (custom[1] === '-' ? -1 : 1) * (Number(custom[2]) * 60 + Number(custom[3] ?? 0));
    if (Math.abs(minutes) > 23 * 60 + 59) fail(googleErrors.invalidArgument('timeZone'));
    zone = { offsetMinutes: () => minutes, name: () => gmtForm(minutes) };
  } else {
    if (!isTimeZone(timeZone)) fail(googleErrors.invalidArgument('timeZone'));
    const offsetMinutes = (at: Date) => Math.round(zoneOffsetMinutes(at, timeZone));
    zone = {
      offsetMinutes,
      name(at, style) {
        const name = zoneNameOf(at, timeZone, style);
        return style === 'short' && /^(GMT|UTC)[+-]/.test(name) ? gmtForm(offsetMinutes(at)) : name;
      },
    };
  }
  zones.set(timeZone, zone);
  return zone;
}

function gmtForm(minutes: number): string {
  return `GMT${offsetText(minutes, ':')}`;
}

function offsetText(minutes: number, separator: '' | ':', withMinutes = true): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}${withMinutes ? separator + mm : ''}`;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Days since 1970-01-01 of a wall-clock date held in a Date's UTC fields. */
const dayNumber = (wall: Date) => Math.floor(wall.getTime() / DAY_MS);

/** US week of year and its week-based year (what 'w' and 'Y' print; 'YYYY' differs from 'yyyy' in late December). */
function usWeek(wall: Date): { week: number; weekYear: number } {
  const year = wall.getUTCFullYear();
  const sunday = dayNumber(wall) - wall.getUTCDay();
  const nextJan1 = Math.floor(Date.UTC(year + 1, 0, 1) / DAY_MS);
  if (sunday + 6 >= nextJan1) return { week: 1, weekYear: year + 1 };
  const jan1 = new Date(Date.UTC(year, 0, 1));
  const firstSunday = dayNumber(jan1) - jan1.getUTCDay();
  return { week: Math.floor((sunday - firstSunday) / 7) + 1, weekYear: year };
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (Number.isNaN(date.getTime())) fail(googleErrors.invalidArgument('date'));
  const zone = zoneNamed(timeZone);
  const offset = zone.offsetMinutes(date);
  const wall = new Date(date.getTime() + offset * 60_000);

  const field = (letter: string, count: number): string => {
    const year = wall.getUTCFullYear();
    const month = wall.getUTCMonth();
    const day = wall.getUTCDate();
    const hour = wall.getUTCHours();
    const weekDay = wall.getUTCDay();
    const number = (n: number) => pad(n, count);
    switch (letter) {
      case 'G':
        return year > 0 ? 'AD' : 'BC';
      case 'y':
        return count === 2 ? pad(year % 100, 2) : number(year);
      case 'Y': {
        const { weekYear } = usWeek(wall);
        return count === 2 ? pad(weekYear % 100, 2) : number(weekYear);
      }
      case 'M':
      case 'L':
        if (count >= 4) return MONTHS[month]!;
        if (count === 3) return MONTHS[month]!.slice(0, 3);
        return number(month + 1);
      case 'w':
        return number(usWeek(wall).week);
      case 'W': {
        const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
        return number(Math.floor((day - 1 + first) / 7) + 1);
      }
      case 'D':
        return number(dayNumber(wall) - Math.floor(Date.UTC(year, 0, 1) / DAY_MS) + 1);
      case 'd':
        return number(day);
      case 'F':
        return number(Math.floor((day - 1) / 7) + 1);
      case 'E':
        return count >= 4 ? DAYS[weekDay]! : DAYS[weekDay]!.slice(0, 3);
      case 'u':
        return number(weekDay === 0 ? 7 : weekDay);
      case 'a':
        return hour < 12 ? 'AM' : 'PM';
      case 'H':
        return number(hour);
      case 'k':
        return number(hour === 0 ? 24 : hour);
      case 'K':
        return number(hour % 12);
      case 'h':
        return number(hour % 12 === 0 ? 12 : hour % 12);
      case 'm':
        return number(wall.getUTCMinutes());
      case 's':
        return number(wall.getUTCSeconds());
      case 'S':
        return number(wall.getUTCMilliseconds());
      case 'z':
        return zone.name(date, count >= 4 ? 'long' : 'short');
      case 'Z':
        return offsetText(offset, '');
      case 'X':
        if (count > 3) return fail(googleErrors.invalidArgument('format'));
        if (offset === 0) return 'Z';
        return count === 1 ? offsetText(offset, '', false) : offsetText(offset, count === 3 ? ':' : '');
      default:
        return fail(googleErrors.illegalPatternCharacter(letter));
    }
  };

  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Quoted text runs to the next lone quote; '' inside it is a literal quote.
      i++;
      for (;;) {
        if (i >= pattern.length) fail(googleErrors.unterminatedQuote());
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            out += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        out += pattern[i];
        i++;
      }
    } else if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      if (!PATTERN_LETTERS.includes(ch)) fail(googleErrors.illegalPatternCharacter(ch));
      out += field(ch, count);
      i += count;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
