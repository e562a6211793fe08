// Dates and times as Google Calendar writes them for people ("Thursday, November 26 ⋅ 6:00 – 7:30pm",
// "czwartek, 26 listopada ⋅ 18:00–19:30", "جمعرات، 26 نومبر ⋅ 6:00 PM – 7:30 PM"), read without
// knowing the language in advance: month names and AM/PM markers come from Intl for the page's language,
// digits from any script are normalised. Only used where Calendar's markup offers no data attribute
// (the event popup); calendar-page.ts prefers attributes when there are any.

export interface WallDay {
  year: number;
  month: number;
  day: number;
}

export interface When {
  /** First and (for events across days) last day named in the text. */
  startDay?: WallDay;
  endDay?: WallDay;
  /** Minutes since midnight. */
  startMinutes?: number;
  endMinutes?: number;
}

const DIGIT_BLOCKS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xff10];

/** Digits of Arabic-Indic, Urdu/Persian, Devanagari, Bengali and full-width scripts as ASCII; bidi marks dropped. */
export function normaliseDigits(text: string): string {
  return text
    .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\uff10-\uff19]/g, (char) => {
      const code = char.charCodeAt(0);
      const block = DIGIT_BLOCKS.find((start) => code >= start && code <= start + 9) ?? 0x30;
      return String(code - block);
    });
}

const squash = (text: string) => text.toLocaleLowerCase().replace(/[.\s]/g, '');
const escape = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/**
 * A language's month names and AM/PM markers as regular expressions, built once per language: one pass
 * over the text finds them all, instead of a search per name.
 */
interface Words {
  /** Any month name, its trailing dot included; the name itself (lower-case) is group 1. */
  months: RegExp;
  month: Map<string, number>;
  /** An AM (group 1) or PM (group 2) marker right after a time, and right before one ("午後6:00"). */
  after: RegExp;
  before: RegExp;
}

const wordsByLanguage = new Map<string, Words>();

function wordsFor(language: string): Words {
  let words = wordsByLanguage.get(language);
  if (words) return words;
  const month = new Map<string, number>();
  const am = new Set(['am']);
  const pm = new Set(['pm']);
  for (const lang of new Set([language, 'en'])) {
    let formats: Intl.DateTimeFormat[];
    try {
      // The month alone, and beside a day (where some languages inflect it: "26 listopada").
      formats = (['long', 'long', 'short'] as const).map(
        (month, i) => new Intl.DateTimeFormat(lang, { month, day: i ? 'numeric' : undefined, timeZone: 'UTC' }),
      );
    } catch {
      continue; // not a language Intl knows
    }
    for (let number = 1; number <= 12; number++) {
      const date = new Date(Date.UTC(2026, number - 1, 15));
      for (const format of formats) {
        const parts = format.formatToParts(date);
        const at = parts.findIndex((part) => part.type === 'month');
        let name = parts[at]?.value ?? '';
        // Numeric months name themselves with the literal after them: 11月, 11월.
        if (/^\d+$/.test(name)) name += parts[at + 1]?.type === 'literal' ? (parts[at + 1]?.value.trim() ?? '') : '';
        const key = name.toLocaleLowerCase().replace(/\.$/, '');
        if (key && !/^\d+$/.test(key)) month.set(key, number);
      }
    }
    const periods = new Intl.DateTimeFormat(lang, { hour: 'numeric', hour12: true, timeZone: 'UTC' });
    for (const [hour, set] of [[9, am], [21, pm]] as const) {
      const period = periods.formatToParts(new Date(Date.UTC(2026, 0, 1, hour))).find((part) => part.type === 'dayPeriod')?.value;
      if (period && squash(period)) set.add(squash(period));
    }
  }
  // Names written in letters are whole words only; others (11月, 午後) need not be. Markers are matched
  // ignoring dots and spaces ("p. m."), and only Latin ones must be whole words ("م" need not be).
  const monthNames = [...month.keys()]
    // Longest first, so that "listopada" wins over "listopad" and "lis".
    .sort((a, b) => b.length - a.length)
    .map((name) => (/^\p{L}/u.test(name) ? `(?<!\\p{L})${escape(name)}(?!\\p{L})` : escape(name)));
  const markers = (names: Set<string>, after: boolean) =>
    `(${[...names]
      .map((name) => {
        const spelt = [...name].map(escape).join('[. ]*');
        const edge = /[a-z]/.test(name) ? `(?${after ? '' : '<'}!\\p{L})` : '';
        return after ? `${spelt}\\.?${edge}` : `${edge}\\.?${spelt}`;
      })
      .join('|')})`;
  words = {
    months: new RegExp(`(${monthNames.join('|')})\\.?`, 'giu'),
    month,
    after: new RegExp(`^\\s*[. ]*(?:${markers(am, true)}|${markers(pm, true)})`, 'iu'),
    before: new RegExp(`(?:${markers(am, false)}|${markers(pm, false)})[. ]*\\s*$`, 'iu'),
  };
  wordsByLanguage.set(language, words);
  return words;
}

interface Found {
  at: number;
  end: number;
}

interface MonthFound extends Found {
  month: number;
}

function findMonths(text: string, words: Words): MonthFound[] {
  return [...text.matchAll(words.months)].map((match) => ({
    at: match.index,
    end: match.index + match[0].length,
    month: words.month.get(match[1]!.toLocaleLowerCase()) ?? 0,
  }));
}

interface NumberFound extends Found {
  value: number;
  digits: number;
}

function findNumbers(text: string): NumberFound[] {
  return [...text.matchAll(/\d+/g)].map((match) => ({
    at: match.index,
    end: match.index + match[0].length,
    value: Number(match[0]),
    digits: match[0].length,
  }));
}

interface TimeFound extends Found {
  hour: number;
  minute: number;
  period?: 'am' | 'pm';
}

function periodNear(text: string, at: number, end: number, words: Words): { period?: 'am' | 'pm'; at: number; end: number } {
  const after = words.after.exec(text.slice(end));
  if (after) return { period: after[1] ? 'am' : 'pm', at, end: end + after[0].length };
  const before = words.before.exec(text.slice(0, at));
  if (before) return { period: before[1] ? 'am' : 'pm', at: before.index, end };
  return { at, end };
}

function findTimes(text: string, words: Words): TimeFound[] {
  const candidates: (TimeFound & { bare: boolean })[] = [];
  for (const match of text.matchAll(/(\d{1,2})(?:\s?[:.：]\s?(\d{2})(?![.:]?\d))?/g)) {
    const at = match.index;
    const end = at + match[0].length;
    // Part of a longer number or of a numeric date (26.11.2026).
    if (/\d$|\d[.:]\s?$/.test(text.slice(0, at))) continue;
    const hour = Number(match[1]);
    const minute = match[2] === undefined ? undefined : Number(match[2]);
    const near = periodNear(text, at, end, words);
    if (hour > 24 || (minute ?? 0) > 59 || (near.period && (hour < 1 || hour > 12))) continue;
    candidates.push({
      at: near.at,
      end: near.end,
      hour,
      minute: minute ?? 0,
      bare: minute === undefined && !near.period,
      period: near.period,
    });
  }
  // A bare number is a time only when it starts a range whose end has a marker ("6 – 7pm"); otherwise
  // it is a day or a year.
  return candidates.filter((time, i) => {
    if (!time.bare) return true;
    const next = candidates[i + 1];
    return next?.period !== undefined && /^\s*[-–—~～]\s*$/.test(text.slice(time.end, next.at));
  });
}

function to24(hour: number, period: 'am' | 'pm' | undefined): number {
  if (!period) return hour;
  return (hour % 12) + (period === 'pm' ? 12 : 0);
}

/**
 * Minutes since midnight of one end of a range. An end without AM/PM takes the other end's
 * ("10:00 – 11:30am", "午後6:00～7:30"), unless that would put the start after the end.
 */
function minutesOf(time: TimeFound, other: TimeFound | undefined, isStart: boolean): number {
  const at = (t: TimeFound, period = t.period) => to24(t.hour, period) * 60 + t.minute;
  let period = time.period;
  if (!period && other?.period) {
    period = other.period;
    if (isStart ? at(time, period) > at(other) : at(time, period) < at(other)) period = period === 'am' ? 'pm' : 'am';
  }
  return at(time, period);
}

/** Reads the dates and times in `text`. `now` picks the year when the text names none. */
export function parseWhen(rawText: string, language: string, now: Date): When {
  const text = normaliseDigits(rawText);
  const words = wordsFor(language || 'en');
  const times = findTimes(text, words);
  const months = findMonths(text, words);
  const inTime = (n: Found) => times.some((time) => n.at < time.end && n.end > time.at);
  const numbers = findNumbers(text).filter((n) => !inTime(n) && !months.some((m) => n.at >= m.at && n.end <= m.end));

  const days: WallDay[] = [];
  for (const month of months) {
    const near = (n: NumberFound) => Math.min(Math.abs(n.at - month.end), Math.abs(month.at - n.end));
    const day = numbers
      .filter((n) => n.digits <= 2 && n.value >= 1 && n.value <= 31 && near(n) <= 3)
      .sort((a, b) => near(a) - near(b))[0];
    if (!day) continue;
    const year = numbers.filter((n) => n.digits === 4 && near(n) <= 12).sort((a, b) => near(a) - near(b))[0]?.value;
    days.push({ year: year ?? nearestYear(month.month, day.value, now), month: month.month, day: day.value });
  }

  const [first, second] = times;
  return {
    startDay: days[0],
    endDay: days[1] && days.at(-1),
    startMinutes: first && minutesOf(first, second, true),
    endMinutes: second && minutesOf(second, first!, false),
  };
}

function nearestYear(month: number, day: number, now: Date): number {
  const year = now.getFullYear();
  const distance = (y: number) => Math.abs(new Date(y, month - 1, day).getTime() - now.getTime());
  return [year - 1, year, year + 1].sort((a, b) => distance(a) - distance(b))[0] ?? year;
}
