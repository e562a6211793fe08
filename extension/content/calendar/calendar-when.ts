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

interface Words {
  months: [name: string, month: number][];
  am: string[];
  pm: string[];
}

const wordsByLanguage = new Map<string, Words>();

function wordsFor(language: string): Words {
  let words = wordsByLanguage.get(language);
  if (words) return words;
  const months = new Map<string, number>();
  const am = new Set(['am']);
  const pm = new Set(['pm']);
  for (const lang of new Set([language, 'en'])) {
    let formats: Intl.DateTimeFormat[];
    try {
      // The month alone, and beside a day (where some languages inflect it: "26 listopada").
      formats = [
        { month: 'long' as const },
        { month: 'long' as const, day: 'numeric' as const },
        { month: 'short' as const, day: 'numeric' as const },
      ].map((style) => new Intl.DateTimeFormat(lang, { ...style, timeZone: 'UTC' }));
    } catch {
      continue; // not a language Intl knows
    }
    for (let month = 1; month <= 12; month++) {
      const date = new Date(Date.UTC(2026, month - 1, 15));
      for (const format of formats) {
        const parts = format.formatToParts(date);
        const at = parts.findIndex((part) => part.type === 'month');
        let name = parts[at]?.value ?? '';
        // Numeric months name themselves with the literal after them: 11月, 11월.
        if (/^\d+$/.test(name)) name += parts[at + 1]?.type === 'literal' ? (parts[at + 1]?.value.trim() ?? '') : '';
        const key = name.toLocaleLowerCase().replace(/\.$/, '');
        if (key && !/^\d+$/.test(key)) months.set(key, month);
      }
    }
    const periods = new Intl.DateTimeFormat(lang, { hour: 'numeric', hour12: true, timeZone: 'UTC' });
    const periodOf = (hour: number) =>
      periods.formatToParts(new Date(Date.UTC(2026, 0, 1, hour))).find((part) => part.type === 'dayPeriod')?.value;
    const morning = periodOf(9);
    const evening = periodOf(21);
    if (morning) am.add(squash(morning));
    if (evening) pm.add(squash(evening));
  }
  words = {
    // Longest first, so that "listopada" wins over "listopad" and "lis".
    months: [...months].sort(([a], [b]) => b.length - a.length),
    am: [...am].filter(Boolean),
    pm: [...pm].filter(Boolean),
  };
  wordsByLanguage.set(language, words);
  return words;
}

const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);

interface Found {
  at: number;
  end: number;
}

interface MonthFound extends Found {
  month: number;
}

function findMonths(text: string, words: Words): MonthFound[] {
  const lower = text.toLocaleLowerCase();
  const found: MonthFound[] = [];
  for (const [name, month] of words.months) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(name, from);
      if (at < 0) break;
      from = at + 1;
      let end = at + name.length;
      if (lower[end] === '.') end++;
      // Whole words only; names in scripts written without letters around them (年月日) still count.
      const wordLike = isLetter(name[0]);
      if (wordLike && (isLetter(lower[at - 1]) || isLetter(lower[at + name.length]))) continue;
      if (found.some((other) => at < other.end && end > other.at)) continue;
      found.push({ at, end, month });
    }
  }
  return found.sort((a, b) => a.at - b.at);
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

/** How many characters of `text` spell `name` (ignoring case, dots and spaces), or 0 if they do not. */
function spells(text: string, name: string): number {
  let i = 0;
  for (const char of name) {
    while (text[i] === '.' || text[i] === ' ') i++;
    if (text[i]?.toLocaleLowerCase() !== char) return 0;
    i++;
  }
  if (text[i] === '.') i++;
  return i;
}

const reversed = (text: string) => [...text].reverse().join('');

function periodNear(text: string, at: number, end: number, words: Words): { period?: 'am' | 'pm'; at: number; end: number } {
  const after = text.slice(end).replace(/^\s+/, '');
  const skipped = text.length - end - after.length;
  const before = reversed(text.slice(0, at).replace(/\s+$/, ''));
  for (const [period, names] of [['am', words.am], ['pm', words.pm]] as const) {
    for (const name of names) {
      // Latin markers ("am", "p. m.") must be whole words; others ("午後", "م") need not be.
      const word = /[a-z]/.test(name);
      const forward = spells(after, name);
      if (forward && !(word && isLetter(after[forward]))) return { period, at, end: end + skipped + forward };
      const backward = spells(before, reversed(name));
      if (backward && !(word && isLetter(before[backward]))) return { period, at: at - backward, end };
    }
  }
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
      ...(near.period ? { period: near.period } : {}),
    });
  }
  // A bare number is a time only when it starts a range whose end has a marker ("6 – 7pm"); otherwise
  // it is a day or a year.
  return candidates
    .filter((time, i) => {
      if (!time.bare) return true;
      const next = candidates[i + 1];
      return next?.period !== undefined && /^\s*[-–—~～]\s*$/.test(text.slice(time.end, next.at));
    })
    .map(({ bare: _bare, ...time }) => time);
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

  const when: When = {};
  if (days[0]) when.startDay = days[0];
  if (days.length > 1) when.endDay = days[days.length - 1];
  const [first, second] = times;
  if (first) when.startMinutes = minutesOf(first, second, true);
  if (first && second) when.endMinutes = minutesOf(second, first, false);
  return when;
}

function nearestYear(month: number, day: number, now: Date): number {
  const year = now.getFullYear();
  const distance = (y: number) => Math.abs(new Date(y, month - 1, day).getTime() - now.getTime());
  return [year - 1, year, year + 1].sort((a, b) => distance(a) - distance(b))[0] ?? year;
}
