import { dayNumberOf, type CalendarDay } from '../../shared/time/calendar-day';
import { instantMs } from '../../shared/time/instant';
import { t } from '../i18n';

// Numbers, days and times as the volunteer's language writes them. Days and meeting times are the
// CIL's (a meeting at 18:00 in Lahore is at 18:00 in Lahore), so they are shown in the CIL's zone;
// the extension's own clock (the next sync attempt) is the browser's.

/**
 * The browser's language when the messages are in it (en-GB and en-PK write 28 Nov, en-US Nov 28),
 * else the messages' own: digits and month names must match the words around them.
 */
function locale(): string {
  const messages = t('pageLanguage');
  const browser = chrome.i18n.getUILanguage();
  return browser === messages || browser.startsWith(`${messages}-`) ? browser : messages;
}

export function formatHours(hours: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(hours);
}

/** A calendar day, such as "Fri 27 Nov". */
export function formatDay(day: CalendarDay): string {
  // The day's own date at UTC midnight, read in UTC: no zone can move it to a neighbouring day.
  const date = new Date(dayNumberOf(day) * 86_400_000);
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(date);
}

/** An instant as a day and a time on the CIL's clocks, such as "Sat 28 Nov, 18:00". */
export function formatMoment(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(), {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(instantMs(instant) ?? Number.NaN));
}

/** An instant as a time on this computer's clock, such as "14:05". */
export function formatClockTime(instant: string): string {
  return new Intl.DateTimeFormat(locale(), { hour: 'numeric', minute: '2-digit' }).format(new Date(instantMs(instant) ?? Number.NaN));
}

/** How long ago `instant` was, such as "5 minutes ago" or "yesterday". */
export function formatAge(instant: string, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - (instantMs(instant) ?? now.getTime())) / 1000);
  const relative = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  if (seconds < 3600) return relative.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return relative.format(-Math.floor(seconds / 3600), 'hour');
  return relative.format(-Math.floor(seconds / 86_400), 'day');
}

/** An ISO weekday (1 = Monday … 7 = Sunday) by name, such as "Friday". */
export function formatWeekday(isoWeekday: number): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', weekday: 'long' }).format(new Date(Date.UTC(2024, 0, isoWeekday)));
}

/** An hour of the day (0–23) as a time, such as "18:00" (or "6:00 PM"). */
export function formatHourOfDay(hour: number): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format(new Date(Date.UTC(2024, 0, 1, hour)));
}
