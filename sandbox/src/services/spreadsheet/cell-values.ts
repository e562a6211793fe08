import type { CellValue } from '../../workspace';
import { instantOf, serialOf, wallClockOf, wallClockOfSerial, weekdayOf, type WallClock } from './time-zone';

// What a cell holds after a script writes a string, and what a person sees in it.
//
// Range.setValues behaves like typing into the cell (developers.google.com/apps-script/reference/
// spreadsheet/range#setvaluesvalues: "values … are interpreted as if entered by a user"): '42' becomes
// the number 42, 'TRUE' a boolean, '2026-11-27' a date, '=…' a formula; a leading apostrophe keeps the
// rest as text. Plain-text format ('@') keeps every string as typed. Parsing follows the spreadsheet's
// locale only for day/month order (en_US: month first); decimal and group separators are '.' and ','.

export const GENERAL = 'General';
export const PLAIN_TEXT = '@';
/** The format Sheets gives a cell when a script writes a Date object into a General cell (en_US). */
export const DATE_TIME_DEFAULT = 'M/d/yyyy H:mm:ss';

/** What typing depends on: the spreadsheet's locale and time zone, and the year today. */
export interface Entry {
  locale: string;
  timeZone: string;
  currentYear: number;
}

export interface EnteredValue {
  value: CellValue;
  formula: string | null;
  /** The automatic number format Sheets applies to a General cell for this entry, if any. */
  autoFormat: string | null;
}

const text = (value: string): EnteredValue => ({ value, formula: null, autoFormat: null });

const NUMBER = /^([+-]?)(\$?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%?)$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?$/;
const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/;
const DAY_MONTH_NAME = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((m) => m === lower || (lower.length === 3 && m.startsWith(lower)) || (lower === 'sept' && m === 'september'));
  return index + 1;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return day <= lastDay.getUTCDate();
}

function hour24(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  return (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
}

function enteredDate(trimmed: string, entry: Entry): EnteredValue | null {
  const { locale, timeZone } = entry;
  const timeOnly = TIME.exec(trimmed);
  if (timeOnly) {
    const hour = hour24(Number(timeOnly[1]), timeOnly[4]);
    if (hour === null || Number(timeOnly[2]) > 59 || Number(timeOnly[3] ?? 0) > 59) return null;
    const wall: WallClock = { year: 1899, month: 12, day: 30, hour, minute: Number(timeOnly[2]), second: Number(timeOnly[3] ?? 0), millisecond: 0 };
    return { value: instantOf(wall, timeZone), formula: null, autoFormat: timeOnly[4] ? 'h:mm:ss am/pm' : 'H:mm:ss' };
  }
  const space = trimmed.indexOf(' ');
  // A date may carry a time after a space; month-name forms contain spaces themselves.
  const candidates: [string, string | null][] = [[trimmed, null]];
  if (space > 0) {
    const timeAt = trimmed.search(/ \d{1,2}:\d{2}/);
    if (timeAt > 0) candidates.unshift([trimmed.slice(0, timeAt), trimmed.slice(timeAt + 1)]);
  }
  for (const [datePart, timePart] of candidates) {
    let year: number;
    let month: number;
    let day: number;
    let format: string;
    let m: RegExpExecArray | null;
    if ((m = ISO_DATE.exec(datePart))) {
      [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      format = 'yyyy-mm-dd';
    } else if ((m = SLASH_DATE.exec(datePart))) {
      const monthFirst = locale === 'en_US';
      [month, day] = monthFirst ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
      // Without a year ('3/4') Sheets takes the current one.
      year = m[3] === undefined ? entry.currentYear : m[3].length === 2 ? twoDigitYear(Number(m[3])) : Number(m[3]);
      format = monthFirst ? 'M/d/yyyy' : 'd/M/yyyy';
    } else if ((m = DAY_MONTH_NAME.exec(datePart))) {
      [day, month, year] = [Number(m[1]), monthNumber(m[2]!), Number(m[3])];
      format = 'd mmm yyyy';
    } else if ((m = MONTH_NAME_DAY.exec(datePart))) {
      [month, day, year] = [monthNumber(m[1]!), Number(m[2]), Number(m[3])];
      format = 'mmm d, yyyy';
    } else {
      continue;
    }
    if (!isCalendarDate(year, month, day)) return null;
    const wall: WallClock = { year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 };
    if (timePart !== null) {
      const t = TIME.exec(timePart);
      const hour = t ? hour24(Number(t[1]), t[4]) : null;
      if (!t || hour === null || Number(t[2]) > 59 || Number(t[3] ?? 0) > 59) return null;
      Object.assign(wall, { hour, minute: Number(t[2]), second: Number(t[3] ?? 0) });
      format += t[4] ? ' h:mm:ss am/pm' : ' H:mm:ss';
    }
    return { value: instantOf(wall, timeZone), formula: null, autoFormat: format };
  }
  return null;
}

/** Two-digit years: 00-29 are 20xx, 30-99 are 19xx (the spreadsheet convention Sheets follows). */
function twoDigitYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

function enteredNumber(trimmed: string): EnteredValue | null {
  const m = NUMBER.exec(trimmed);
  if (!m) return null;
  const [, sign, dollar, digits, exponent, percent] = m as unknown as [string, string, string, string, string | undefined, string];
  if (dollar && (exponent !== undefined || percent)) return null;
  let value = Number(`${sign}${digits!.replace(/,/g, '')}${exponent === undefined ? '' : `e${exponent}`}`);
  if (!Number.isFinite(value)) return null;
  const decimals = digits!.includes('.') ? digits!.length - digits!.indexOf('.') - 1 : 0;
  let autoFormat: string | null = null;
  if (percent) {
    value /= 100;
    autoFormat = decimals > 0 ? '0.00%' : '0%';
  } else if (dollar) {
    autoFormat = '"$"#,##0.00';
  } else if (digits!.includes(',')) {
    autoFormat = decimals > 0 ? '#,##0.00' : '#,##0';
  }
  return { value, formula: null, autoFormat };
}

/**
 * A string as Sheets stores it when typed into a cell. In plain-text cells the string is kept
 * verbatim. A leading apostrophe forces text (and is not part of the value). A leading '=' makes a
 * formula; so does a leading '+' or '-' that does not start a number: Sheets reads '-x' as the formula
 * '=-x' (shown as #ERROR! or #NAME?), so typed text starting with '+'/'-'/'=' must be escaped.
 */
export function enteredValue(raw: string, plainText: boolean, entry: Entry): EnteredValue {
  if (plainText || raw === '') return text(raw);
  const first = raw[0];
  if (first === "'") return text(raw.slice(1));
  if (first === '=') return { value: '', formula: raw, autoFormat: null };
  const trimmed = raw.trim();
  if (trimmed === '') return text(raw);
  const lower = trimmed.toLowerCase();
  if (lower === 'true' || lower === 'false') return { value: lower === 'true', formula: null, autoFormat: null };
  const c = trimmed.charCodeAt(0);
  const mayBeNumeric = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 36;
  if (mayBeNumeric) {
    const number = enteredNumber(trimmed);
    if (number) return number;
  }
  if (mayBeNumeric || /^[A-Za-z]{3}/.test(trimmed)) {
    const date = enteredDate(trimmed, entry);
    if (date) return date;
  }
  if ((first === '+' || first === '-') && trimmed.length > 1) return { value: '', formula: `=${raw}`, autoFormat: null };
  return text(raw);
}

// ---- display ---------------------------------------------------------------------------------

export function isGeneral(format: string | undefined): boolean {
  return format === undefined || format === '' || format === GENERAL || format === '0.###############';
}

/** Sheets' General format: up to 10 significant digits, no trailing zeros, E-notation when huge or tiny. */
export function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const rounded = Number(n.toPrecision(10));
  const abs = Math.abs(rounded);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [mantissa, exp] = rounded.toExponential(5).split('e') as [string, string];
    const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
    const e = Number(exp);
    return `${trimmed}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(rounded);
}

/** The format's sections, split on ';' outside quotes, with [color]/[$…] brackets resolved. */
function sectionsOf(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\') {
      current += format.slice(i, i + 2);
      i++;
    } else if (ch === '[') {
      const end = format.indexOf(']', i);
      const inner = format.slice(i + 1, end < 0 ? format.length : end);
      // [$€] is a currency literal; [Red], [h] and similar carry no text of their own here.
      if (inner.startsWith('$')) current += `"${inner.slice(1).split('-')[0]}"`;
      i = end < 0 ? format.length : end;
    } else if (ch === ';') {
      sections.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  sections.push(current);
  return sections;
}

/** Whether the format shows dates or times (y, d, h, s, or m outside a number pattern). */
export function isDateFormat(format: string): boolean {
  const bare = (sectionsOf(format)[0] ?? '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ydhs]/i.test(bare) || (/m/i.test(bare) && !/[0#]/.test(bare));
}

function renderNumber(n: number, format: string): string {
  const sections = sectionsOf(format);
  let section = sections[0]!;
  let value = n;
  let sign = n < 0 ? '-' : '';
  if (n < 0 && sections[1] !== undefined) {
    section = sections[1];
    value = -n;
    sign = '';
  } else if (n === 0 && sections[2] !== undefined) {
    section = sections[2];
  } else {
    value = Math.abs(n);
  }
  if (section === '@' || section === '') return sign + generalNumber(value);
  const literal = (s: string) => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const first = section.search(/[0#?]/);
  if (first < 0) return literal(section).replace('@', generalNumber(n));
  let last = first;
  for (let i = first; i < section.length; i++) if ('0#?,.'.includes(section[i]!)) last = i; else break;
  const pattern = section.slice(first, last + 1);
  const before = section.slice(0, first);
  const after = section.slice(last + 1);
  if (section.includes('%')) value *= 100;
  const [intPattern, decPattern = ''] = pattern.split('.') as [string, string | undefined];
  const maxDecimals = (decPattern.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decPattern.match(/0/g) ?? []).length;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  let [intDigits, decDigits = ''] = value.toFixed(maxDecimals).split('.') as [string, string | undefined];
  while (decDigits.length > minDecimals && decDigits.endsWith('0')) decDigits = decDigits.slice(0, -1);
  intDigits = intDigits.replace(/^0+/, '').padStart(minInt, '0');
  if (intPattern.includes(',')) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (sign && /^[0,]*$/.test(intDigits) && /^0*$/.test(decDigits)) sign = '';
  const number = decDigits.length > 0 || pattern.endsWith('.') ? `${intDigits}.${decDigits}` : intDigits;
  return sign + literal(before) + number + literal(after);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function renderWallClock(wall: WallClock, format: string): string {
  const section = sectionsOf(format)[0]!;
  // Tokenise first, then decide which m's are minutes: after an hour token or before a seconds token.
  type Token = { kind: 'literal'; text: string } | { kind: 'field'; text: string };
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; ) {
    const ch = section[i]!;
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: 'literal', text: section.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i += 2;
    } else if (section.slice(i, i + 5).toLowerCase() === 'am/pm') {
      tokens.push({ kind: 'field', text: section[i] === 'A' ? 'AM/PM' : 'am/pm' });
      i += 5;
    } else if (section.slice(i, i + 3).toLowerCase() === 'a/p') {
      tokens.push({ kind: 'field', text: section[i] === 'A' ? 'A/P' : 'a/p' });
      i += 3;
    } else if ('ymdhs'.includes(lower)) {
      let j = i;
      while (j < section.length && section[j]!.toLowerCase() === lower) j++;
      tokens.push({ kind: 'field', text: lower.repeat(j - i) });
      i = j;
    } else if (ch === '.' && /^0+/.test(section.slice(i + 1)) && tokens.at(-1)?.text.startsWith('s')) {
      const zeros = /^0+/.exec(section.slice(i + 1))![0];
      tokens.push({ kind: 'field', text: `.${zeros}` });
      i += 1 + zeros.length;
    } else {
      tokens.push({ kind: 'literal', text: ch });
      i++;
    }
  }
  const fields = tokens.filter((t) => t.kind === 'field');
  const twelveHour = fields.some((t) => t.text.includes('/'));
  let out = '';
  for (const token of tokens) {
    if (token.kind === 'literal') {
      out += token.text;
      continue;
    }
    const t = token.text;
    const index = fields.indexOf(token);
    const prev = fields[index - 1]?.text ?? '';
    const next = fields[index + 1]?.text ?? '';
    const hour12 = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
    if (t[0] === 'y') out += t.length <= 2 ? pad2(wall.year % 100) : String(wall.year);
    else if (t[0] === 'm' && t.length <= 2 && (prev.startsWith('h') || next.startsWith('s'))) out += t.length === 2 ? pad2(wall.minute) : String(wall.minute);
    else if (t[0] === 'm') {
      const name = MONTHS[wall.month - 1]!;
      const cap = name[0]!.toUpperCase() + name.slice(1);
      out += t.length === 1 ? String(wall.month) : t.length === 2 ? pad2(wall.month) : t.length === 3 ? cap.slice(0, 3) : t.length === 4 ? cap : cap[0];
    } else if (t[0] === 'd') {
      const weekday = WEEKDAYS[weekdayOf(wall)]!;
      out += t.length === 1 ? String(wall.day) : t.length === 2 ? pad2(wall.day) : t.length === 3 ? weekday.slice(0, 3) : weekday;
    } else if (t[0] === 'h') {
      const hour = twelveHour ? hour12 : wall.hour;
      out += t.length >= 2 ? pad2(hour) : String(hour);
    } else if (t[0] === 's') out += t.length >= 2 ? pad2(wall.second) : String(wall.second);
    else if (t[0] === '.') out += `.${String(wall.millisecond).padStart(3, '0').slice(0, t.length - 1)}`;
    else if (t === 'AM/PM') out += wall.hour < 12 ? 'AM' : 'PM';
    else if (t === 'am/pm') out += wall.hour < 12 ? 'am' : 'pm';
    else if (t === 'A/P') out += wall.hour < 12 ? 'A' : 'P';
    else if (t === 'a/p') out += wall.hour < 12 ? 'a' : 'p';
  }
  return out;
}

/**
 * The text a cell shows (Range.getDisplayValue): numbers through their number format, dates on the
 * spreadsheet's wall clock, booleans as TRUE/FALSE. Supported formats: General, '@', number patterns
 * built of 0 # , . % with quoted or [$…] literals and up to three sections, and date-time patterns of
 * y m d h s, am/pm and literals. Other features (E+ notation, [h] durations, fractions) are not rendered.
 */
export function displayOf(value: CellValue, format: string | undefined, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const fmt = isGeneral(format) || format === PLAIN_TEXT ? null : format!;
  if (value instanceof Date) {
    if (fmt === null) return renderWallClock(wallClockOf(value, timeZone), DATE_TIME_DEFAULT);
    return isDateFormat(fmt) ? renderWallClock(wallClockOf(value, timeZone), fmt) : renderNumber(serialOf(value, timeZone), fmt);
  }
  if (fmt === null) return generalNumber(value);
  return isDateFormat(fmt) ? renderWallClock(wallClockOfSerial(value), fmt) : renderNumber(value, fmt);
}
