import { describe, expect, it } from 'vitest';
import { nextPeriod, projectPeriod, readReportPeriod, recentPeriods, upTo } from '../../../shared/reports/report-period';
import { hours, period, project } from './report-world';

describe('report periods', () => {
  it.each([
    ['2026-W48', 'week', 'Week 48 of 2026 (23 Nov 2026 – 29 Nov 2026)'],
    ['2026-W53', 'week', 'Week 53 of 2026 (28 Dec 2026 – 3 Jan 2027)'],
    ['2026-B26', 'biweek', 'Weeks 51–53 of 2026 (14 Dec 2026 – 3 Jan 2027)'],
    ['2026-11', 'month', 'November 2026'],
    ['2026-Q4', 'quarter', 'Q4 2026 (October – December)'],
    ['2026-H1', 'half', 'First half of 2026 (January – June)'],
    ['2026', 'year', '2026'],
  ] as const)('%s is named "%s"', (label, kind, name) => {
    expect(period(label, kind).name).toBe(name);
  });

  it.each([
    ['2026-11', 'week', /is a month, but this report covers a week, such as 2026-W44/],
    ['2026-13', 'month', /months run from 01 to 12/],
    ['last month', 'month', /is not a period/],
  ] as const)('refuses %s for a %s report', (label, kind, message) => {
    const read = readReportPeriod(label, kind);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });

  it('offers the current period and the finished ones before it, latest first', () => {
    expect(recentPeriods('month', '2027-01-10', 3).map(({ period: p, finished }) => [p.label, finished])).toEqual([
      ['2027-01', false],
      ['2026-12', true],
      ['2026-11', true],
      ['2026-10', true],
    ]);
    expect(recentPeriods('week', '2027-01-02', 1).map(({ period: p }) => p.label)).toEqual(['2026-W53', '2026-W52']);
  });

  it('cuts a period still running at today, and leaves a finished one whole', () => {
    expect(upTo(period('2026-11', 'month'), '2026-11-27')).toMatchObject({ label: '2026-11', first: '2026-11-01', last: '2026-11-27', name: 'November 2026, up to 27 Nov 2026' });
    expect(upTo(period('2026-10', 'month'), '2026-11-27')).toEqual(period('2026-10', 'month'));
    expect(upTo(period('2026-11', 'month'), '2026-11-30')).toEqual(period('2026-11', 'month'));
  });

  it('knows the next period, across the end of a year, and after a period cut at today', () => {
    expect(nextPeriod(upTo(period('2026-11', 'month'), '2026-11-27')).label).toBe('2026-12');
    expect(nextPeriod(period('2026-W53', 'week')).label).toBe('2027-W01');
    expect(nextPeriod(period('2026-12', 'month')).label).toBe('2027-01');
    expect(() => nextPeriod(projectPeriod(project('P-1'), [], '2026-11-27'))).toThrow(/is a project/);
  });

  it('spans a project from its start to its completion, or to today while it runs', () => {
    expect(projectPeriod(project('P-1', { startedOn: '2026-02-01', completedOn: '2026-08-31' }), [], '2026-11-27')).toMatchObject({
      first: '2026-02-01',
      last: '2026-08-31',
      name: 'Project P-1 (1 Feb 2026 – 31 Aug 2026)',
    });
    expect(projectPeriod(project('P-1'), [hours('V-1', '2026-04-01', 1, { projectId: 'P-1' })], '2026-11-27')).toMatchObject({ first: '2026-04-01', last: '2026-11-27' });
    expect(projectPeriod(project('P-1'), [], '2026-11-27')).toMatchObject({ first: '2026-11-27', last: '2026-11-27' });
  });
});
