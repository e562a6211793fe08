import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  describeCell,
  isBlankCell,
  isBlankRow,
  isDateCell,
  markText,
  readCell,
  unmarkText,
  writeCell,
} from '../../../shared/records/cells';
import type { ColumnMeta } from '../../../shared/records/columns';

const text: ColumnMeta = { header: 'Note', kind: 'text' };
const number: ColumnMeta = { header: 'Hours', kind: 'number' };
const date: ColumnMeta = { header: 'Day', kind: 'date' };
const datetime: ColumnMeta = { header: 'Logged at', kind: 'datetime' };
const choice: ColumnMeta = { header: 'Status', kind: 'choice', options: ['present', 'absent with notice', 'absent'] };
const list: ColumnMeta = { header: 'Lead emails', kind: 'list' };
const tz = 'Asia/Karachi';

describe('formula guard', () => {
  it('marks every text so Sheets stores it as typed', () => {
    for (const value of ['=HYPERLINK("http://evil","x")', '+923001234567', '-', '@here', '0012', '3/4', 'TRUE', 'plain']) {
      const cell = writeCell(text, value, tz);
      expect(cell).toBe(`'${value}`);
      expect(readCell(text, cell, tz)).toEqual({ ok: true, value });
    }
  });

  it('reads text the way Sheets hands it back, without the marker', () => {
    expect(readCell(text, '=SUM(A1:A3)', tz)).toEqual({ ok: true, value: '=SUM(A1:A3)' });
  });

  it('strips exactly one apostrophe', () => {
    expect(unmarkText("''quoted")).toBe("'quoted");
    expect(markText('')).toBe('');
  });
});

describe('readCell', () => {
  it('reads numbers from number cells and numeric text', () => {
    expect(readCell(number, 2.5, tz)).toEqual({ ok: true, value: 2.5 });
    expect(readCell(number, ' 3 ', tz)).toEqual({ ok: true, value: 3 });
    expect(readCell(number, "'.25", tz)).toEqual({ ok: true, value: 0.25 });
    expect(readCell(number, 'five', tz)).toEqual({ ok: false, problem: 'must be a number' });
    expect(readCell(number, '1e3', tz)).toMatchObject({ ok: false });
    expect(readCell(number, true, tz)).toMatchObject({ ok: false });
    expect(readCell(number, Number.NaN, tz)).toMatchObject({ ok: false });
  });

  it('reads numbers in text columns as the digits typed', () => {
    expect(readCell(text, 2026, tz)).toEqual({ ok: true, value: '2026' });
    expect(readCell(text, new Date(), tz)).toEqual({ ok: false, problem: 'must be text, not a date' });
    expect(readCell(text, false, tz)).toEqual({ ok: false, problem: 'must be text, not a checkbox' });
  });

  it('matches choices whatever their case and spacing', () => {
    expect(readCell(choice, 'Absent  With Notice', tz)).toEqual({ ok: true, value: 'absent with notice' });
    expect(readCell(choice, 'late', tz)).toEqual({ ok: true, value: 'late' }); // the schema refuses it
  });

  it('splits lists on commas, semicolons and line breaks', () => {
    expect(readCell(list, 'a@x.org, b@x.org;c@x.org\nd@x.org,,', tz)).toEqual({
      ok: true,
      value: ['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org'],
    });
  });

  it('reads a date typed as text, and explains one that is not', () => {
    expect(readCell(date, '27/11/2026', tz)).toEqual({ ok: true, value: '2026-11-27' });
    expect(readCell(date, '31/02/2026', tz)).toEqual({
      ok: false,
      problem: 'must be a date: "31/02/2026" is not a real date: February 2026 has 28 days.',
      quoted: true,
    });
    expect(readCell(date, 45000, tz)).toEqual({ ok: false, problem: 'must be a date' });
    expect(readCell(date, new Date(Number.NaN), tz)).toEqual({ ok: false, problem: 'is an invalid date' });
  });

  it('reads date-times from Date cells and ISO text', () => {
    expect(readCell(datetime, new Date('2026-11-27T09:15:00Z'), tz)).toEqual({ ok: true, value: '2026-11-27T09:15:00.000Z' });
    expect(readCell(datetime, '2026-11-27T09:15:00Z', tz)).toEqual({ ok: true, value: '2026-11-27T09:15:00Z' });
    expect(readCell(datetime, '27/11/2026 09:15', tz)).toEqual({ ok: false, problem: 'must be a date and time' });
  });

  it('recognises Date cells made in another realm (the sandbox runs Code.js in a vm)', () => {
    const foreign: unknown = runInNewContext('new Date(Date.UTC(2026, 10, 26, 19, 0))');
    expect(foreign instanceof Date).toBe(false);
    expect(isDateCell(foreign)).toBe(true);
    expect(readCell(date, foreign, tz)).toEqual({ ok: true, value: '2026-11-27' });
  });
});

describe('writeCell', () => {
  it('writes blanks, numbers, days, instants and lists', () => {
    expect(writeCell(text, undefined, tz)).toBe('');
    expect(writeCell(number, 1.5, tz)).toBe(1.5);
    expect(writeCell(date, '2026-11-27', tz)).toEqual(new Date('2026-11-26T19:00:00Z'));
    expect(writeCell(datetime, '2026-11-27T09:15:00.000Z', tz)).toEqual(new Date('2026-11-27T09:15:00Z'));
    expect(writeCell(list, ['a@x.org', 'b@x.org'], tz)).toBe("'a@x.org, b@x.org");
    expect(writeCell(list, [], tz)).toBe('');
  });

  it('throws on values the schema should have refused', () => {
    expect(() => writeCell(date, '27/11/2026', tz)).toThrow(TypeError);
    expect(() => writeCell(datetime, '2026-11-27', tz)).toThrow(TypeError);
  });
});

describe('blanks', () => {
  it('treats empty, whitespace, null and undefined as blank', () => {
    expect(['', '  ', null, undefined].every(isBlankCell)).toBe(true);
    expect([0, false, 'x', new Date()].some(isBlankCell)).toBe(false);
    expect(isBlankRow(['', ' ', undefined])).toBe(true);
    expect(isBlankRow(['', 0])).toBe(false);
  });

  it('describes cells for messages', () => {
    expect(describeCell('five')).toBe('"five"');
    expect(describeCell(-2)).toBe('-2');
    expect(describeCell(new Date('2026-11-27T00:00:00Z'))).toBe('2026-11-27T00:00:00.000Z');
    expect(describeCell('x'.repeat(100))).toHaveLength(62);
  });
});
