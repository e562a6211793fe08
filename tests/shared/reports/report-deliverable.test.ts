import { describe, expect, it } from 'vitest';
import { deliverablesTab, type Deliverable } from '../../../shared/records/deliverable';
import { cellsFromRecord, readHeader } from '../../../shared/records/row-codec';
import { reportKindNamed } from '../../../shared/reports/report-catalog';
import { deliverableFor, draftedRow, isOwed, titleNames } from '../../../shared/reports/report-deliverable';
import { projectPeriod } from '../../../shared/reports/report-period';
import { deliverable, period, project } from './report-world';

// Which Deliverables row a generated report drafts.

const monthly = reportKindNamed('monthly progress update')!;
const closure = reportKindNamed('project closure report')!;
const water = project('P-1', { name: 'Water Tracker', completedOn: '2026-11-20' });
const rows = [
  deliverable('D-1', '2026-11-05', { kind: 'monthly progress update', period: '2026-10', status: 'submitted', submittedOn: '2026-11-04' }),
  deliverable('D-2', '2026-12-05', { kind: 'monthly progress update', period: '2026-11' }),
  deliverable('D-3', '2026-12-05', { kind: 'weekly summary', period: '2026-11' }),
  deliverable('D-4', '2025-12-01', { kind: 'project closure report', title: 'Closure: water tracker (first run)', status: 'submitted', submittedOn: '2025-11-30' }),
  deliverable('D-5', '2026-12-04', { kind: 'project closure report', title: 'Project closure report: Water  Tracker' }),
  deliverable('D-6', '2026-12-04', { kind: 'project closure report', title: 'Project closure report: Transit Map' }),
];

describe('the Deliverables row a report drafts', () => {
  it.each([
    ['the month\'s update, by kind and period', monthly, period('2026-11', 'month'), undefined, 'D-2'],
    ['a submitted one when it is the only one', monthly, period('2026-10', 'month'), undefined, 'D-1'],
    ['none for a month with no row', monthly, period('2026-09', 'month'), undefined, undefined],
    ['a project report, by the project\'s name in the title (case and spaces aside), the one still owed first', closure, projectPeriod(water, [], '2026-11-27'), water, 'D-5'],
  ] as const)('%s', (_, report, span, about, id) => {
    expect(deliverableFor(rows, report, span, about)?.id).toBe(id);
  });

  it.each([
    ['pending', true],
    ['drafted', true],
    ['submitted', false],
    ['waived', false],
  ] as const)('a %s row is owed: %s', (status, owed) => {
    expect(isOwed(deliverable('D-9', '2026-12-01', { status }))).toBe(owed);
  });

  it('a row with "Submitted on" is not owed, whatever its status says', () => {
    expect(isOwed(deliverable('D-9', '2026-12-01', { status: 'drafted', submittedOn: '2026-11-30' }))).toBe(false);
  });

  it("takes a project's own row, never one of a project whose name only begins with it", () => {
    const plain = project('P-7', { name: 'Water' });
    const quality = project('P-8', { name: 'Water Quality' });
    const both = [
      deliverable('D-7', '2026-12-04', { kind: 'project closure report', title: 'Project closure report: Water Quality' }),
      deliverable('D-8', '2026-12-05', { kind: 'project closure report', title: 'Project closure report: Water' }),
    ];
    expect(deliverableFor(both, closure, projectPeriod(plain, [], '2026-11-27'), plain)?.id).toBe('D-8');
    expect(deliverableFor(both, closure, projectPeriod(quality, [], '2026-11-27'), quality)?.id).toBe('D-7');
    expect(deliverableFor(both.slice(0, 1), closure, projectPeriod(plain, [], '2026-11-27'), plain)).toBeUndefined();
  });
});

describe('a title naming a project', () => {
  it.each([
    ['Project closure report: Water', 'Water', true],
    ['Project closure report: Water Quality', 'Water', false],
    ['Project closure report: Water Quality', 'water  quality', true],
    ['Closure report on Water', 'Water', true],
    ['Closure report on Water Quality', 'Water', false],
    ['Discovery research for Water (draft)', 'Water', true],
    ['Closure — Water Quality — final', 'Water Quality', true],
    ['Closure [Water], late', 'Water', true],
    ['Clean Water closure report', 'Water', false],
    ['Project closure report: Clean Water', 'Water', false],
    ['Waterworks closure', 'Water', false],
    ['Closure: Co-op Map', 'Co-op Map', true],
    ['Closure: Co-op Map', 'Map', false],
    ['Anything', '', false],
  ])('%j names %j: %s', (title, name, named) => {
    expect(titleNames(title, name)).toBe(named);
  });
});

describe('the row marked drafted, on the tab as it is just before the write', () => {
  const TZ = 'Asia/Karachi';
  const LINK = 'https://docs.google.com/document/d/doc-1/edit';
  const HEADERS = deliverablesTab.columns.map((column) => column.header);
  const tab = (rows: Deliverable[], headers: string[] = HEADERS) => {
    const read = readHeader(deliverablesTab, headers);
    if (!read.ok) throw new Error(read.message);
    return [headers, ...rows.map((row) => cellsFromRecord(deliverablesTab, read.index, row, { timeZone: TZ }))];
  };
  const mine = deliverable('D-1', '2026-12-07', { kind: 'quarterly story', period: '2026-Q4' });
  const other = deliverable('D-2', '2026-12-01');
  const statusAt = HEADERS.indexOf('Status');
  const linkAt = HEADERS.indexOf('Link');

  it('writes Status and Link of the row holding its ID', () => {
    expect(draftedRow(tab([other, mine]), mine, LINK, TZ)).toEqual({
      kind: 'mark',
      rowNumber: 3,
      cells: [
        { position: statusAt, value: "'drafted" },
        { position: linkAt, value: `'${LINK}` },
      ],
      linked: true,
    });
  });

  it('finds the row by its ID wherever it moved', () => {
    expect(draftedRow(tab([mine, other]), mine, LINK, TZ)).toMatchObject({ kind: 'mark', rowNumber: 2 });
  });

  it('writes the status alone when the tab has no Link column', () => {
    const headers = HEADERS.filter((header) => header !== 'Link');
    expect(draftedRow(tab([mine], headers), mine, LINK, TZ)).toEqual({
      kind: 'mark',
      rowNumber: 2,
      cells: [{ position: statusAt, value: "'drafted" }],
      linked: false,
    });
  });

  it.each([
    ['submitted meanwhile', { status: 'submitted' as const, submittedOn: '2026-11-27' }],
    ['with "Submitted on" filled in', { submittedOn: '2026-11-27' }],
    ['waived', { status: 'waived' as const }],
  ])('leaves a row %s as it is', (_, change) => {
    const now = { ...mine, ...change } as Deliverable;
    expect(draftedRow(tab([other, now]), mine, LINK, TZ)).toEqual({ kind: 'not owed', deliverable: now });
  });

  it('marks nothing when no row holds the ID any more', () => {
    expect(draftedRow(tab([other]), mine, LINK, TZ)).toEqual({ kind: 'gone' });
  });

  it.each([
    ['two rows hold the ID', () => tab([mine, other, mine]), 'rows 2 and 4 both have the ID D-1'],
    ['the row no longer reads', () => tab([other, mine]).map((cells, i) => (i === 2 ? cells.map((cell, c) => (c === HEADERS.indexOf('Due on') ? 'soon' : cell)) : cells)), /^row 3: Deliverables: "Due on" /],
    ['the Status column is gone', () => tab([mine]).map((cells) => cells.filter((_, c) => c !== statusAt)), 'The "Deliverables" tab has no "Status" column; add it to the header row'],
  ])('marks nothing when %s, and says why', (_, values, problem) => {
    const outcome = draftedRow(values(), mine, LINK, TZ);
    expect(outcome.kind).toBe('unreadable');
    expect(outcome.kind === 'unreadable' && outcome.problem).toMatch(problem);
  });
});
