import { isCalendarDay } from '../time/calendar-day';
import { dateOfInstant, instantFromDate, isInstant } from '../time/instant';
import { parseTypedDay } from '../time/typed-day';
import { dayOf, startOfDay } from '../time/zone';
import type { ColumnMeta } from './columns';

/** What Apps Script's getValues gives and setValues takes; a blank cell is ''. */
export type Cell = string | number | boolean | Date;

/** `quoted`: the problem already shows the cell's text, so a message need not repeat it. */
export type CellRead = { ok: true; value: unknown } | { ok: false; problem: string; quoted?: boolean };

/**
 * Date cells are recognised by their internal class, not `instanceof Date`: the sandbox runs the built
 * Code.js in a separate vm realm, whose Date is a different constructor from the one that made the cell.
 */
export function isDateCell(cell: unknown): cell is Date {
  return Object.prototype.toString.call(cell) === '[object Date]';
}

export function isBlankCell(cell: unknown): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** A row with nothing in it (sheets keep trailing blank rows; adapters skip them). */
export function isBlankRow(cells: readonly unknown[]): boolean {
  return cells.every(isBlankCell);
}

/**
 * setValues treats a string the way Sheets treats typing: '=HYPERLINK(…)' becomes a formula that runs
 * with the deployer's access, '+92 300…' or '-' become formulas or numbers, '0012' becomes 12 and
 * '3/4' a date. A leading apostrophe tells Sheets to keep the rest as text exactly (the apostrophe is
 * not part of the stored value). So every text cell is written with one, not just those that look
 * risky: no list of what Sheets might reinterpret is complete. Readers strip one leading apostrophe,
 * so a sheet (or sandbox) that hands the marker back still reads as the text that was written; the
 * price is that text which itself starts with an apostrophe loses it, as it does when typed in Sheets.
 */
export function markText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

export function unmarkText(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** How a cell reads in a message to a lead. */
export function describeCell(cell: unknown): string {
  if (isDateCell(cell)) return Number.isNaN(cell.getTime()) ? 'an invalid date' : cell.toISOString();
  if (typeof cell === 'string') return JSON.stringify(cell.length > 60 ? `${cell.slice(0, 57)}...` : cell);
  return String(cell);
}

function textOf(cell: unknown): string | undefined {
  if (typeof cell === 'string') return unmarkText(cell).trim();
  // A lead typing 2026 into Team gets a number cell; as text it is the digits they typed.
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell);
  return undefined;
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The field value of a non-blank cell in `column`, before the record schema checks it. */
export function readCell(column: ColumnMeta, cell: unknown, timeZone: string): CellRead {
  const fail = (problem: string): CellRead => ({ ok: false, problem });
  switch (column.kind) {
    case 'id':
    case 'text':
    case 'email':
    case 'url': {
      const text = textOf(cell);
      if (text !== undefined) return { ok: true, value: text };
      return fail(`must be text, not ${isDateCell(cell) ? 'a date' : typeof cell === 'boolean' ? 'a checkbox' : typeof cell}`);
    }
    case 'choice': {
      const text = textOf(cell);
      if (text === undefined) return fail(`must be one of: ${(column.options ?? []).join(', ')}`);
      // Options match whatever the case or spacing, as headers do; the record gets the canonical spelling.
      const wanted = text.replace(/\s+/g, ' ').toLowerCase();
      return { ok: true, value: column.options?.find((option) => option.toLowerCase() === wanted) ?? text };
    }
    case 'list': {
      const text = textOf(cell);
      if (text === undefined) return fail('must be text, with items separated by commas');
      return { ok: true, value: text.split(/[,;\n]/).map((item) => item.trim()).filter((item) => item !== '') };
    }
    case 'number': {
      if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell } : fail('must be a number');
      const text = typeof cell === 'string' ? unmarkText(cell).trim() : undefined;
      return text !== undefined && NUMBER_TEXT.test(text) ? { ok: true, value: Number(text) } : fail('must be a number');
    }
    case 'date': {
      if (isDateCell(cell)) {
        return Number.isNaN(cell.getTime()) ? fail('is an invalid date') : { ok: true, value: dayOf(cell, timeZone) };
      }
      if (typeof cell !== 'string') return fail('must be a date');
      // A date typed as text (the sheet kept it as text, or it came from a form) is read as a person wrote it.
      const typed = parseTypedDay(unmarkText(cell));
      return typed.ok ? { ok: true, value: typed.day } : { ok: false, problem: `must be a date: ${typed.message}`, quoted: true };
    }
    case 'datetime': {
      if (isDateCell(cell)) {
        return Number.isNaN(cell.getTime()) ? fail('is an invalid date') : { ok: true, value: instantFromDate(cell) };
      }
      const text = typeof cell === 'string' ? unmarkText(cell).trim() : '';
      return isInstant(text) ? { ok: true, value: text } : fail('must be a date and time');
    }
  }
}

/** The cell for a field value that the record schema has accepted; undefined is a blank cell. */
export function writeCell(column: ColumnMeta, value: unknown, timeZone: string): Cell {
  if (value === undefined || value === null) return '';
  switch (column.kind) {
    case 'number':
      return value as number;
    case 'date':
      // The instant the day starts in the CIL's zone: with the spreadsheet in that zone too, Sheets
      // shows it as that date, and getValues hands back a Date that dayOf reads as the same day.
      if (!isCalendarDay(value)) throw new TypeError(`"${String(value)}" is not a calendar day`);
      return startOfDay(value, timeZone);
    case 'datetime':
      if (!isInstant(value)) throw new TypeError(`"${String(value)}" is not an instant`);
      return dateOfInstant(value);
    case 'list':
      return markText((value as readonly string[]).join(', '));
    default:
      return markText(String(value));
  }
}
