import { describe, it, expect } from 'vitest';
import { gridRequests, wholeTab, writeRequests } from '../../../cli/src/core/spreadsheet-values';

const tab = { sheetId: 7, title: "Lead's notes", index: 2, gridRows: 1000, gridColumns: 26 };

describe('Sheets API requests', () => {
  it('reads a whole tab as its whole grid, the name quoted', () => {
    expect(wholeTab(tab)).toBe("'Lead''s notes'!A1:Z1000");
  });

  it('writes runs of consecutive rows as one range each, padded to the width, text behind an apostrophe', () => {
    const requests = writeRequests([
      { title: 'Hours', width: 3, rows: [{ row: 3, cells: ['e2', 5] }, { row: 2, cells: ['e1', 2, 'note'] }, { row: 7, cells: [{ formula: '=1+1' }, true, ''] }] },
      { title: 'Settings', width: 2, rows: [{ row: 1, cells: ['Setting', 'Value'] }] },
    ]);
    expect(requests).toEqual([
      [
        { range: "'Hours'!A2:C3", majorDimension: 'ROWS', values: [["'e1", 2, "'note"], ["'e2", 5, '']] },
        { range: "'Hours'!A7:C7", majorDimension: 'ROWS', values: [['=1+1', true, '']] },
        { range: "'Settings'!A1:B1", majorDimension: 'ROWS', values: [["'Setting", "'Value"]] },
      ],
    ]);
  });

  it('starts a write at its first column, so a lead’s columns beside it are not written', () => {
    const requests = writeRequests([{ title: 'Hours', firstColumn: 2, width: 2, rows: [{ row: 4, cells: ['v2', 3] }] }]);
    expect(requests).toEqual([[{ range: "'Hours'!C4:D4", majorDimension: 'ROWS', values: [["'v2", 3]] }]]);
  });

  it('splits the writes into requests of at most the given size, between rows', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ row: i + 1, cells: ['x'.repeat(90)] }));
    const requests = writeRequests([{ title: 'T', width: 1, rows }], 400);
    expect(requests.map((request) => request.map((range) => range.range))).toEqual([["'T'!A1:A4"], ["'T'!A5:A8"], ["'T'!A9:A10"]]);
    for (const request of requests) expect(JSON.stringify(request.map((r) => r.values)).length).toBeLessThan(420);
  });

  it('adds missing tabs and grows grids too small for the rows and columns written', () => {
    expect(
      gridRequests([
        { title: 'Stories', index: 8, rows: 40, columns: 9, existing: null },
        { title: 'Hours', index: 1, rows: 60_001, columns: 9, existing: { ...tab, sheetId: 3, gridRows: 1000, gridColumns: 9 } },
        { title: 'Notes', index: 2, rows: 10, columns: 30, existing: tab },
        { title: 'Fits', index: 3, rows: 10, columns: 3, existing: tab },
      ]),
    ).toEqual([
      { addSheet: { properties: { title: 'Stories', index: 8, gridProperties: { rowCount: 40, columnCount: 9 } } } },
      { updateSheetProperties: { properties: { sheetId: 3, gridProperties: { rowCount: 60_001 } }, fields: 'gridProperties.rowCount' } },
      { updateSheetProperties: { properties: { sheetId: 7, gridProperties: { columnCount: 30 } }, fields: 'gridProperties.columnCount' } },
    ]);
  });
});
