import { describe, it, expect } from 'vitest';
import type { Cell } from '../../../cli/src/core/cells';
import { planTab } from '../../../cli/src/core/restore-plan';

const HEADER: Cell[] = ['Entry ID', 'Volunteer ID', 'Hours'];
const e1: Cell[] = ['e1', 'v1', 2];
const e2: Cell[] = ['e2', 'v2', 3];
const e3: Cell[] = ['e3', 'v1', 1.5];
const backup = [HEADER, e1, e2, e3];

const rowsWritten = (plan: ReturnType<typeof planTab>) => plan.writes.map((w) => [w.row, w.cells]);

describe('a restore plan', () => {
  it('puts every row of a wiped tab back on its own row, header included', () => {
    const plan = planTab('Hours', backup, [], false);
    expect(plan).toMatchObject({ create: false, header: 'restored', restored: 3, overwritten: 0, unchanged: 0, notInBackup: 0, changed: [], width: 3, lastRow: 4 });
    expect(rowsWritten(plan)).toEqual([[1, HEADER], [2, e1], [3, e2], [4, e3]]);
  });

  it('makes a missing tab', () => {
    const plan = planTab('Hours', backup, null, false);
    expect(plan.create).toBe(true);
    expect(plan.restored).toBe(3);
  });

  it('writes nothing when the tab is as the backup left it', () => {
    const plan = planTab('Hours', backup, backup, false);
    expect(plan).toMatchObject({ header: 'unchanged', restored: 0, unchanged: 3, writes: [], lastRow: 0 });
  });

  it('finds records by id wherever they are now, and keeps rows added since', () => {
    const added: Cell[] = ['e9', 'v3', 4];
    const plan = planTab('Hours', backup, [HEADER, e3, added, e1], false);
    expect(plan).toMatchObject({ restored: 1, unchanged: 2, notInBackup: 1, changed: [] });
    // e2's own row 3 holds another record now, so it goes below everything.
    expect(rowsWritten(plan)).toEqual([[5, e2]]);
  });

  it('puts a deleted row back on its own row when that row is empty', () => {
    const plan = planTab('Hours', backup, [HEADER, e1, [], e3], false);
    expect(rowsWritten(plan)).toEqual([[3, e2]]);
    expect(plan).toMatchObject({ restored: 1, unchanged: 2 });
  });

  it('lists rows changed since the backup, and writes them only when told to', () => {
    const now = [HEADER, e1, ['e2', 'v2', 5], e3];
    const refused = planTab('Hours', backup, now, false);
    expect(refused.changed).toEqual([{ row: 3, id: 'e2', cells: [{ header: 'Hours', backup: 3, now: 5 }] }]);
    expect(refused).toMatchObject({ overwritten: 0, writes: [] });
    const overwritten = planTab('Hours', backup, now, true);
    expect(overwritten).toMatchObject({ overwritten: 1, unchanged: 2 });
    expect(rowsWritten(overwritten)).toEqual([[3, e2]]);
  });

  // A renamed header was once "a changed header row", written over with --overwrite-changed; the
  // values would then land under whatever column now sits there. Now it is a column the tab lacks.
  it('names a backup column the tab no longer has, and restores without it only when told to', () => {
    const renamed = [['Entry ID', 'Volunteer', 'Hours'], e1, e3];
    for (const overwrite of [false, true]) {
      const plan = planTab('Hours', backup, renamed, overwrite);
      expect(plan).toMatchObject({ missingColumns: ['Volunteer ID'], header: 'unchanged', writes: [], changed: [] });
    }
    const dropped = planTab('Hours', backup, renamed, false, true);
    expect(dropped).toMatchObject({ missingColumns: ['Volunteer ID'], restored: 1, unchanged: 2, columns: [{ first: 0, width: 1 }, { first: 2, width: 1 }] });
    // e2's row 3 holds e3 now, so e2 goes below; "Volunteer" (a column the backup lacks) is left alone.
    expect(rowsWritten(dropped)).toEqual([[4, ['e2', '', 3]]]);
  });

  it('puts wiped rows back under their own headers after a lead moved a column', () => {
    const moved: Cell[] = ['Hours', 'Entry ID', 'Volunteer ID'];
    const plan = planTab('Hours', backup, [moved], false);
    expect(plan).toMatchObject({ header: 'unchanged', missingColumns: [], restored: 3, columns: [{ first: 0, width: 3 }], width: 3 });
    expect(rowsWritten(plan)).toEqual([
      [2, [2, 'e1', 'v1']],
      [3, [3, 'e2', 'v2']],
      [4, [1.5, 'e3', 'v1']],
    ]);
  });

  it('leaves a column a lead inserted alone: not compared, not written', () => {
    const inserted: Cell[] = ['Entry ID', 'Checked by', 'Volunteer ID', 'Hours'];
    const now = [inserted, ['e1', 'Sana', 'v1', 2], ['e3', { formula: '=B2' }, 'v1', 1.5]];
    const plan = planTab('Hours', backup, now, false);
    expect(plan).toMatchObject({ unchanged: 2, restored: 1, changed: [], columns: [{ first: 0, width: 1 }, { first: 2, width: 2 }], width: 4 });
    expect(rowsWritten(plan)).toEqual([[4, ['e2', '', 'v2', 3]]]);
  });

  it('with a moved column, compares and overwrites only changed cells under the same headers', () => {
    const moved: Cell[] = ['Volunteer ID', 'Hours', 'Entry ID', 'Note'];
    const now = [moved, ['v1', 2, 'e1', 'kept'], ['v2', 5, 'e2', 'late entry'], ['v1', 1.5, 'e3']];
    const refused = planTab('Hours', backup, now, false);
    expect(refused.changed).toEqual([{ row: 3, id: 'e2', cells: [{ header: 'Hours', backup: 3, now: 5 }] }]);
    const plan = planTab('Hours', backup, now, true);
    expect(plan).toMatchObject({ overwritten: 1, unchanged: 2, restored: 0, notInBackup: 0, columns: [{ first: 0, width: 3 }] });
    expect(rowsWritten(plan)).toEqual([[3, ['v2', 3, 'e2', '']]]);
  });

  it('compares a tab without an id column by row number, still by header name', () => {
    const notes = [['Note', 'By'], ['first', 'A'], ['second', 'B']];
    const plan = planTab('Lead notes', notes, [['By', 'Extra', 'Note'], ['A', 'x', 'first'], ['B', 'y', 'edited']], true);
    expect(plan.changed).toEqual([{ row: 3, id: null, cells: [{ header: 'Note', backup: 'second', now: 'edited' }] }]);
    expect(plan.columns).toEqual([{ first: 0, width: 1 }, { first: 2, width: 1 }]);
    expect(rowsWritten(plan)).toEqual([[3, ['B', '', 'second']]]);
  });

  it('matches an id found twice occurrence by occurrence', () => {
    const twin: Cell[] = ['e1', 'v9', 7];
    const plan = planTab('Hours', [HEADER, e1, twin], [HEADER, e1], false);
    expect(plan).toMatchObject({ unchanged: 1, restored: 1, changed: [] });
    expect(rowsWritten(plan)).toEqual([[3, twin]]);
  });

  it('matches rows by number in a tab without an id column', () => {
    const notes = [['Note'], ['first'], ['second']];
    expect(planTab('Lead notes', notes, [['Note'], ['first'], ['edited']], false).changed).toEqual([
      { row: 3, id: null, cells: [{ header: 'Note', backup: 'second', now: 'edited' }] },
    ]);
    expect(rowsWritten(planTab('Lead notes', notes, [['Note'], [], ['second']], false))).toEqual([[2, ['first']]]);
  });

  it('finds the id column by header name, wherever a lead moved it', () => {
    const moved = [['Hours', 'Entry ID'], [2, 'e1'], [3, 'e2']];
    const plan = planTab('Hours', moved, [['Hours', 'Entry ID'], [3, 'e2']], false);
    expect(plan).toMatchObject({ unchanged: 1, restored: 1 });
    // e2 sits on e1's old row now, so e1 goes below it.
    expect(rowsWritten(plan)).toEqual([[3, [2, 'e1']]]);
  });

  it('treats formulas and text that looks like one as different cells', () => {
    const withFormula = [['Note'], [{ formula: '=1+1' }]];
    expect(planTab('Dashboard', withFormula, [['Note'], ['=1+1']], false).changed).toHaveLength(1);
  });
});
