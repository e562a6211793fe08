import { z } from '../zod';
import { dayNumberOf, isCalendarDay } from './calendar-day';

/**
 * A moment in time as an ISO 8601 UTC string, normalised to `YYYY-MM-DDTHH:mm:ss.sssZ` (what
 * `Date.prototype.toISOString` writes), so instants are plain JSON and sort as strings.
 */
export type Instant = `${number}-${number}-${number}T${string}Z`;

// Only UTC ('Z') in ECMAScript's date-time string format: minutes, seconds and milliseconds optional.
const INSTANT_SHAPE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?Z$/;

/** Milliseconds since the epoch for an ISO UTC string, or undefined when it is not one (or not a real time). */
export function instantMs(text: string): number | undefined {
  const match = INSTANT_SHAPE.exec(text);
  if (!match) return undefined;
  const [, day, hour, minute, second = '0', millisecond = '0'] = match;
  if (!isCalendarDay(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  // Computed by hand: `new Date(text)` falls back to engine-specific parsing for anything off-format.
  return (
    dayNumberOf(day) * 86_400_000 +
    ((Number(hour) * 60 + Number(minute)) * 60 + Number(second)) * 1000 +
    Number(millisecond)
  );
}

export function isInstant(value: unknown): value is Instant {
  return typeof value === 'string' && instantMs(value) !== undefined;
}

export function instantFromDate(date: Date): Instant {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
  return date.toISOString() as Instant;
}

export function dateOfInstant(instant: Instant): Date {
  const ms = instantMs(instant);
  if (ms === undefined) throw new RangeError(`"${instant}" is not an ISO UTC instant`);
  return new Date(ms);
}

/** Accepts any ISO UTC instant and yields it in the normalised form. */
export const instantSchema = z
  .string()
  // abort: the normalising step below must not see a string that failed.
  .refine(isInstant, { error: 'must be a UTC date and time like 2026-11-27T14:30:00.000Z', abort: true })
  .overwrite((text) => instantFromDate(dateOfInstant(text)));
