import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cellFromRenders, cellToField, enteredValue, fieldToCell, needsPlainValue, sameRow, type Cell } from '../../../cli/src/core/cells';

describe('cells in a backup', () => {
  it.each<{ cell: Cell; field: string }>([
    { cell: 'plain text', field: 'plain text' },
    { cell: '', field: '' },
    { cell: 42, field: '42' },
    { cell: 46353.416666666664, field: '46353.416666666664' },
    { cell: -0.1, field: '-0.1' },
    { cell: 1e21, field: '1e+21' },
    { cell: true, field: 'TRUE' },
    { cell: false, field: 'FALSE' },
    { cell: { formula: '=SUM(A1:A3)' }, field: '=SUM(A1:A3)' },
    { cell: '=IMPORTXML("http://evil.example/","//a")', field: `'=IMPORTXML("http://evil.example/","//a")` },
    { cell: "'already quoted", field: "''already quoted" },
    { cell: '42', field: "'42" },
    { cell: 'TRUE', field: "'TRUE" },
    { cell: '0012', field: '0012' },
    { cell: '+92 300 1234567', field: '+92 300 1234567' },
    { cell: 'true', field: 'true' },
    { cell: 'NaN', field: 'NaN' },
    { cell: 'Infinity', field: 'Infinity' },
  ])('$cell is written as $field and read back as it was', ({ cell, field }) => {
    expect(cellToField(cell)).toBe(field);
    expect(fieldToCell(field)).toEqual(cell);
  });

  it('reads back every text, number and boolean exactly', () => {
    const cell = fc.oneof(fc.string({ unit: 'binary' }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
    fc.assert(
      fc.property(cell, (value) => {
        // -0 is 0 to a spreadsheet.
        expect(fieldToCell(cellToField(value))).toEqual(Object.is(value, -0) ? 0 : value);
      }),
    );
  });

  it('enters text behind an apostrophe, so Sheets keeps it as text, and formulas as formulas', () => {
    expect(enteredValue('=IMPORTXML("x","//a")')).toBe(`'=IMPORTXML("x","//a")`);
    expect(enteredValue("'quoted")).toBe("''quoted");
    expect(enteredValue('3/4')).toBe("'3/4");
    expect(enteredValue('')).toBe('');
    expect(enteredValue({ formula: '=1+1' })).toBe('=1+1');
    expect(enteredValue(46353.5)).toBe(46353.5);
    expect(enteredValue(true)).toBe(true);
  });

  it.each([
    { formula: '=SUM(A1:A3)', plain: 6, cell: { formula: '=SUM(A1:A3)' } },
    { formula: '=SUM(A1:A3)', plain: '', cell: { formula: '=SUM(A1:A3)' } },
    { formula: '=not a formula', plain: '=not a formula', cell: '=not a formula' },
    { formula: "'=marked by Google", plain: '=marked by Google', cell: '=marked by Google' },
    { formula: "'text with its own apostrophe", plain: "'text with its own apostrophe", cell: "'text with its own apostrophe" },
    { formula: 'text', plain: undefined, cell: 'text' },
    { formula: 3, plain: undefined, cell: 3 },
  ])('tells the cell behind the FORMULA render $formula', ({ formula, plain, cell }) => {
    expect(cellFromRenders(formula, plain)).toEqual(cell);
  });

  it('asks for the plain value only of renders starting with = or an apostrophe', () => {
    expect([needsPlainValue('=A1'), needsPlainValue("'x"), needsPlainValue('x'), needsPlainValue(3), needsPlainValue(true)]).toEqual([true, true, false, false, false]);
  });

  it('compares rows cell by cell, trailing blanks aside', () => {
    expect(sameRow(['a', 1, ''], ['a', 1])).toBe(true);
    expect(sameRow([{ formula: '=A1' }], [{ formula: '=A1' }])).toBe(true);
    expect(sameRow([{ formula: '=A1' }], ['=A1'])).toBe(false);
    expect(sameRow(['1'], [1])).toBe(false);
  });
});
