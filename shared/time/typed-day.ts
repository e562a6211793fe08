import {
  addDays,
  dayFromParts,
  daysBetween,
  daysInMonth,
  MONTH_NAMES,
  partsOf,
  weekdayOf,
  WEEKDAY_NAMES,
  type CalendarDay,
} from './calendar-day';

export type TypedDay = { ok: true; day: CalendarDay } | { ok: false; message: string };

export interface TypedDayOptions {
  /**
   * Today in the CIL's time zone (`dayOf(new Date(), timeZone)`). Needed for 'today', 'yesterday',
   * 'tomorrow', dates without a year and two-digit years; without it those are refused, which is
   * what a sheet cell wants (a cell that says 'today' means a different day tomorrow).
   */
  today?: CalendarDay;
}

const MONTHS: Record<string, number> = {};
MONTH_NAMES.forEach((name, index) => {
  const lower = name.toLowerCase();
  MONTHS[lower] = index + 1;
  MONTHS[lower.slice(0, 3)] = index + 1;
});
MONTHS.sept = 9;

const WEEKDAYS: Record<string, number> = {};
WEEKDAY_NAMES.forEach((name, index) => {
  const lower = name.toLowerCase();
  WEEKDAYS[lower] = index + 1;
  WEEKDAYS[lower.slice(0, 3)] = index + 1;
});
Object.assign(WEEKDAYS, { tues: 2, weds: 3, thur: 4, thurs: 4 });

const RELATIVE: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1 };

const EXAMPLE = 'Write it day first, like 27/11/2026, 27 Nov 2026 or 2026-11-27.';

// Only these characters may sit between the numbers and words of a date.
const SEPARATORS = /^[\s,./-]*$/;

/**
 * Reads a date as a person in Pakistan types it. Numeric dates are day first (27/11/2026, 27-11-2026,
 * 27.11.2026), as Pakistan writes them, except year-first ISO (2026-11-27); month names may come
 * before or after the day (27 Nov 2026, Nov 27, 2026, 27th November 2026), with an optional weekday
 * that must agree. Impossible dates are refused with the reason, never rolled over into the next month.
 * Deliberately not `Date.parse`: what it accepts beyond ISO differs between engines.
 */
export function parseTypedDay(text: string, options: TypedDayOptions = {}): TypedDay {
  const input = text.trim().replace(/\s+/g, ' ');
  const lower = input.toLowerCase();
  const fail = (message: string): TypedDay => ({ ok: false, message });
  if (lower === '') return fail(`Enter a date. ${EXAMPLE}`);

  const offset = RELATIVE[lower];
  if (offset !== undefined) {
    if (options.today === undefined) return fail(`Write the date itself instead of "${input}". ${EXAMPLE}`);
    return { ok: true, day: addDays(options.today, offset) };
  }

  const tokens = lower.match(/\d+|[a-z]+/g) ?? [];
  if (!SEPARATORS.test(lower.replace(/\d+|[a-z]+/g, ''))) {
    return fail(`"${input}" is not a date I can read. ${EXAMPLE}`);
  }

  // Words: at most one weekday (first) and one month; 'st', 'nd', 'rd', 'th' only right after a number.
  let weekday: number | undefined;
  let month: number | undefined;
  const numbers: string[] = [];
  for (const [index, token] of tokens.entries()) {
    if (/^\d/.test(token)) {
      numbers.push(token);
    } else if (/^(st|nd|rd|th)$/.test(token) && index > 0 && /^\d/.test(tokens[index - 1] ?? '')) {
      continue;
    } else if (MONTHS[token] !== undefined && month === undefined) {
      month = MONTHS[token];
    } else if (WEEKDAYS[token] !== undefined && index === 0) {
      weekday = WEEKDAYS[token];
    } else {
      return fail(`"${input}" is not a date I can read ("${token}" is not a month or weekday). ${EXAMPLE}`);
    }
  }

  let dayText: string | undefined;
  let monthNumber: number;
  let yearText: string | undefined;
  if (month !== undefined) {
    // With a month name, a four-digit number is the year and the other the day, in either order.
    const yearIndex = numbers.findIndex((n) => n.length === 4);
    if (yearIndex >= 0) {
      yearText = numbers[yearIndex];
      dayText = numbers.find((_, i) => i !== yearIndex);
    } else {
      [dayText, yearText] = numbers;
    }
    if (numbers.length > 2 || dayText === undefined) {
      return fail(`"${input}" needs one day of the month, like 27 Nov 2026.`);
    }
    monthNumber = month;
  } else if (numbers.length === 3 && numbers[0]?.length === 4 && (numbers[1]?.length ?? 0) <= 2) {
    [yearText, , dayText] = numbers;
    monthNumber = Number(numbers[1]);
  } else if ((numbers.length === 3 || numbers.length === 2) && numbers.every((n, i) => i === 2 || n.length <= 2)) {
    [dayText, , yearText] = numbers;
    monthNumber = Number(numbers[1]);
    if (monthNumber > 12 && Number(dayText) <= 12) {
      return fail(`"${input}" has no month ${monthNumber}. Dates are written day first: DD/MM/YYYY, e.g. 27/11/2026.`);
    }
  } else {
    return fail(`"${input}" is not a date I can read. ${EXAMPLE}`);
  }

  if (dayText === undefined || dayText.length > 2) return fail(`"${input}" is not a date I can read. ${EXAMPLE}`);
  if (monthNumber < 1 || monthNumber > 12) return fail(`"${input}" has no month ${monthNumber}: months run from 1 to 12.`);
  const dayNumber = Number(dayText);
  if (dayNumber < 1) return fail(`"${input}" has no day ${dayNumber}: days start at 1.`);

  let year: number;
  const today = options.today;
  if (yearText === undefined) {
    if (today === undefined) return fail(`"${input}" needs a year, like 27/11/2026.`);
    // The nearest such date to today: in January, "28/12" means last December.
    const candidates = [-1, 0, 1]
      .map((shift) => partsOf(today).year + shift)
      .filter((y) => dayNumber <= daysInMonth(y, monthNumber))
      .map((y) => dayFromParts(y, monthNumber, dayNumber));
    const nearest = candidates.sort((a, b) => Math.abs(daysBetween(today, a)) - Math.abs(daysBetween(today, b)))[0];
    if (nearest === undefined) return fail(`"${input}" is not a date in the years around today; add the year, like 29/02/2028.`);
    year = partsOf(nearest).year;
  } else if (yearText.length === 4) {
    year = Number(yearText);
  } else if (yearText.length === 2) {
    if (today === undefined) return fail(`"${input}" needs the year in full, like 2026.`);
    // Two-digit years land within 50 years of today.
    const todayYear = partsOf(today).year;
    year = todayYear - (todayYear % 100) + Number(yearText);
    if (year > todayYear + 50) year -= 100;
    else if (year <= todayYear - 50) year += 100;
  } else {
    return fail(`"${input}" has a year of ${yearText.length} digits; write it in full, like 2026.`);
  }

  const length = daysInMonth(year, monthNumber);
  if (dayNumber > length) {
    return fail(`"${input}" is not a real date: ${MONTH_NAMES[monthNumber - 1]} ${year} has ${length} days.`);
  }
  const day = dayFromParts(year, monthNumber, dayNumber);
  if (weekday !== undefined && weekday !== weekdayOf(day)) {
    return fail(
      `"${input}" does not add up: ${dayNumber} ${MONTH_NAMES[monthNumber - 1]} ${year} is a ${WEEKDAY_NAMES[weekdayOf(day) - 1]}, not a ${WEEKDAY_NAMES[weekday - 1]}.`,
    );
  }
  return { ok: true, day };
}
