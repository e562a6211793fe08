import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CsvError, readCsv, writeCsv } from '../../../cli/src/core/csv';

describe('CSV (RFC 4180)', () => {
  it.each([
    { rows: [['a', 'b'], ['1', '']], text: 'a,b\r\n1,\r\n' },
    { rows: [['x, y', 'say "hi"']], text: '"x, y","say ""hi"""\r\n' },
    { rows: [['two\nlines', 'cr\rhere', 'crlf\r\nhere']], text: '"two\nlines","cr\rhere","crlf\r\nhere"\r\n' },
    { rows: [['']], text: '\r\n' },
    { rows: [['🙂 ünïcödé', "'=1+1"]], text: "🙂 ünïcödé,'=1+1\r\n" },
    { rows: [], text: '' },
  ])('writes $text and reads it back', ({ rows, text }) => {
    expect(writeCsv(rows)).toBe(text);
    expect(readCsv(text)).toEqual(rows);
  });

  it('reads back any rectangle of any text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: width, maxLength: width }), { maxLength: 6 })),
        (rows) => {
          expect(readCsv(writeCsv(rows))).toEqual(rows);
        },
      ),
    );
  });

  it.each([
    { text: '"open,b\r\n', problem: /line 1: a quoted field is never closed/ },
    { text: 'a,b"c\r\n', problem: /line 1: a double quote inside an unquoted field/ },
    { text: 'a,b\r\nc,d', problem: /line 2: the last record does not end with CRLF/ },
    { text: 'a,b\nc,d\r\n', problem: /line 1: a bare LF/ },
    { text: '"a"x,b\r\n', problem: /line 1: a bare character after a quoted field/ },
    { text: 'a,', problem: /line 1: the file ends in the middle of a record/ },
  ])('refuses $text', ({ text, problem }) => {
    expect(() => readCsv(text)).toThrow(CsvError);
    expect(() => readCsv(text)).toThrow(problem);
  });
});
