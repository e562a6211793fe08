import { partsOf } from '../../../shared/time/calendar-day';
import { instantFromDate, isInstant, type Instant } from '../../../shared/time/instant';
import { parseTypedDay } from '../../../shared/time/typed-day';
import { instantFromWallClock } from '../../../shared/time/zone';

// A date and time as a lead gives it in a form: the sidebar's date-and-time field ("2026-12-05T18:00"),
// or typed ("5/12/2026 18:00", "5 Dec 2026 6:30 pm"), always on the CIL's clock. The date part is read
// as a date typed into the sheet is (day first); an ISO instant ("…Z") is taken as it is.

export type TypedClock = { ok: true; instant: Instant } | { ok: false; problem: string };

const CLOCK = /^(.+?)[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|AM|PM)?$/;

export function parseTypedClock(text: string, timeZone: string): TypedClock {
  const input = text.trim();
  if (isInstant(input)) return { ok: true, instant: input };
  const example = `a date and time on the CIL's clock (${timeZone}), like 5/12/2026 18:00`;
  const match = CLOCK.exec(input);
  if (!match) return { ok: false, problem: `must be ${example} (found ${JSON.stringify(input)})` };
  const [, datePart, hourText, minuteText, , half] = match;
  const day = parseTypedDay(datePart!);
  if (!day.ok) return { ok: false, problem: `must be ${example}: ${day.message.replace(/\.$/, '')}` };
  let hour = Number(hourText);
  const minute = Number(minuteText);
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return { ok: false, problem: `has the hour ${hour} with ${half}; write 1 to 12 with am or pm, or 0 to 23 without` };
    hour = (hour % 12) + (half.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return { ok: false, problem: `has no such time of day: ${hourText}:${minuteText}` };
  const { year, month, day: date } = partsOf(day.day);
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, date);
  wall.setUTCHours(hour, minute, 0, 0);
  return { ok: true, instant: instantFromDate(instantFromWallClock(wall.getTime(), timeZone)) };
}
