import { describe, expect, it } from 'vitest';
import { mergeQuarterRows, quarterRowsTab, type QuarterRow } from '../../../shared/rollup';
import { cellsFromRecord, readHeader, type HeaderIndex } from '../../../shared/records/row-codec';
import { headerRow } from '../../../shared/records/tab';
import { startOfDay } from '../../../shared/time/zone';

// "By CIL and quarter": one row per CIL and quarter, updated where it stands, never added twice.

const TIME_ZONE = 'Asia/Karachi';

const row = (cilId: string, quarter: string, activeMembers: number): QuarterRow => ({
  cilId,
  cilName: `=${cilId.toUpperCase()}`,
  quarter,
  state: 'complete',
  asOf: '2026-11-19',
  activeMembers,
  newMembers: 1,
  hoursLogged: 10.5,
  hoursCommitted: 65,
  hoursTarget: 65,
  eventsHeld: 1,
  eventsPlanned: 0,
  eventsTarget: 1,
  oneEventRule: 'met',
  meetupsHeld: 3,
  meetupsTarget: 3,
  cfpCallsHeld: 3,
  cfpCallsAttended: 3,
  cfpCallsTarget: 3,
  monthsWithCfpCall: 3,
  monthsSoFar: 3,
  reportsDue: 1,
  reportsOnTime: 1,
  reportsLate: 0,
  reportsOverdue: 0,
  reportsOnTimePercent: 100,
  stories: 1,
  warnings: 0,
  offboardings: 0,
  mentorCheckIns: 0,
  kpisMet: 5,
  kpisBehind: 3,
  kpisUp: 1,
  kpisDown: 0,
});

/** The tab as getValues gives it back: text without its apostrophe, days as Dates; an admin's "Notes" column last. */
function sheetOf(rows: (QuarterRow | string[])[]): { values: unknown[][]; header: HeaderIndex } {
  const names = [...headerRow(quarterRowsTab), 'Notes'];
  const read = readHeader(quarterRowsTab, names);
  if (!read.ok) throw new Error(read.message);
  const values = rows.map((r) =>
    Array.isArray(r)
      ? r
      : cellsFromRecord(quarterRowsTab, read.index, r, { timeZone: TIME_ZONE }).map((cell) => (typeof cell === 'string' ? cell.replace(/^'/, '') : cell)),
  );
  values.forEach((cells, i) => (cells[names.length - 1] = i === 0 ? 'kept by the admin' : ''));
  return { values: [names, ...values], header: read.index };
}

describe('mergeQuarterRows', () => {
  const existing = sheetOf([row('cil-a', '2026-Q3', 5), row('cil-b', '2026-Q3', 7), row('cil-a', '2026-Q4', 2)]);

  it('rewrites the rows it has figures for where they stand, adds the new ones at the bottom, keeps the rest', () => {
    const merged = mergeQuarterRows(existing.values, existing.header, [row('cil-a', '2026-Q4', 3), row('cil-a', '2026-Q3', 6), row('cil-c', '2026-Q4', 1)], TIME_ZONE);
    expect([merged.updated, merged.added, merged.invalid]).toEqual([2, 1, []]);
    const at = (key: string) => existing.header.positions.get(key)!;
    expect(merged.cells.map((cells) => [cells[at('cilId')], cells[at('quarter')], cells[at('activeMembers')]])).toEqual([
      ["'cil-a", "'2026-Q3", 6],
      ["'cil-b", "'2026-Q3", 7],
      ["'cil-a", "'2026-Q4", 3],
      ["'cil-c", "'2026-Q4", 1],
    ]);
    expect(merged.records.map((r) => [r.cilId, r.quarter, r.activeMembers])).toEqual([
      ['cil-a', '2026-Q3', 6],
      ['cil-b', '2026-Q3', 7],
      ['cil-a', '2026-Q4', 3],
      ['cil-c', '2026-Q4', 1],
    ]);
  });

  it('writes text so that it stays text, days as the day in the sheet’s zone, and keeps an admin’s own column', () => {
    const merged = mergeQuarterRows(existing.values, existing.header, [row('cil-a', '2026-Q3', 6)], TIME_ZONE);
    const [first, second] = merged.cells;
    expect(first![existing.header.positions.get('cilName')!]).toBe("'=CIL-A");
    expect(second![existing.header.positions.get('cilName')!]).toBe("'=CIL-B");
    expect(first![existing.header.positions.get('asOf')!]).toEqual(startOfDay('2026-11-19', TIME_ZONE));
    expect(first![existing.header.width - 1]).toBe("'kept by the admin");
  });

  it('a second merge of the same figures gives the same cells', () => {
    const fresh = [row('cil-a', '2026-Q4', 3), row('cil-d', '2026-Q4', 4)];
    const once = mergeQuarterRows(existing.values, existing.header, fresh, TIME_ZONE);
    const readBack = once.cells.map((cells) => cells.map((cell) => (typeof cell === 'string' ? cell.replace(/^'/, '') : cell)));
    const twice = mergeQuarterRows([existing.values[0]!, ...readBack], existing.header, fresh, TIME_ZONE);
    expect(twice.cells).toEqual(once.cells);
    expect([twice.updated, twice.added]).toEqual([2, 0]);
  });

  it.each([
    { name: 'a row an admin broke is kept as it is and named', broken: ['cil-x', '2026-Q4', 'complete', 'not a date'], invalid: [5] },
    { name: 'a blank row in between stays blank', broken: [], invalid: [] },
  ])('$name', ({ broken, invalid }) => {
    const names = existing.values[0]!;
    const cells = names.map((_, i) => broken[i] ?? '');
    const merged = mergeQuarterRows([...existing.values, cells], existing.header, [], TIME_ZONE);
    expect(merged.invalid.map((problem) => problem.rowNumber)).toEqual(invalid);
    expect(merged.cells[3]).toEqual(cells.map((cell) => (cell === '' ? '' : `'${cell}`)));
    expect(merged.records).toHaveLength(3);
  });
});
