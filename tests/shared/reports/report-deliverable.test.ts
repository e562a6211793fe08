import { describe, expect, it } from 'vitest';
import { reportKindNamed } from '../../../shared/reports/report-catalog';
import { deliverableFor, isOwed } from '../../../shared/reports/report-deliverable';
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
});
