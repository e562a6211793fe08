import { describe, expect, it } from 'vitest';
import { DELIVERABLE_KINDS } from '../../../shared/records/deliverable';
import { REPORT_CATALOG, reportKindNamed } from '../../../shared/reports/report-catalog';
import { projectPeriod, type ReportPeriod } from '../../../shared/reports/report-period';
import type { ReportKind } from '../../../shared/reports/report-kind';
import { LEAD_TO_WRITE } from '../../../shared/reports/report-text';
import { classifyPlaceholder } from '../../../shared/reports/template-syntax';
import { at, citizen, deliverable, hours, meeting, present, period, project, records, settings, step, story, volunteer } from './report-world';

// Every report kind against the same records: its values give exactly the names its vocabulary
// offers (a template may use any of them), however empty or full the period.

const water = project('P-1', { name: 'Water Tracker', status: 'completed', partner: 'Residents', startedOn: '2026-06-01', completedOn: '2026-11-20', impactStory: 'Residents filed 340 complaints' });
const open = meeting('M-1', '2026-11-14', { kind: 'event', title: 'Open house', participantCount: 40, takeaways: 'People want bus data' });
const busy = records({
  volunteers: [volunteer('V-1', { role: 'organizer' }), volunteer('V-2')],
  hours: [hours('V-1', '2026-11-10', 3, { projectId: 'P-1', category: 'research', note: 'Interviews' }), hours('V-2', '2026-11-11', 2)],
  meetings: [open],
  attendance: [present(open, 'V-1')],
  projects: [water],
  deliverables: [deliverable('D-1', '2026-11-05')],
  stories: [story('S-1', '2026-11-21', { views: 100 })],
  citizens: [citizen('C-1', '2026-11-02')],
  log: [step('warning', at('2026-11-12'), { volunteerId: 'V-2' })],
});

function periodFor(kind: ReportKind): ReportPeriod {
  const labels = { week: '2026-W46', biweek: '2026-B23', month: '2026-11', quarter: '2026-Q4', half: '2026-H2', year: '2026' } as const;
  return kind.periodKind === 'project' ? projectPeriod(water, busy.hours, '2026-11-27') : period(labels[kind.periodKind], kind.periodKind);
}

describe('the report catalog', () => {
  it('has one report for every deliverable kind but "other"', () => {
    expect(REPORT_CATALOG.map((kind) => kind.kind).sort()).toEqual(DELIVERABLE_KINDS.filter((kind) => kind !== 'other').sort());
    expect(reportKindNamed('monthly progress update')?.periodKind).toBe('month');
    expect(reportKindNamed('other')).toBeUndefined();
  });

  it.each(REPORT_CATALOG.map((kind) => [kind.kind, kind] as const))('%s: every name is one a template can use, and none is taken twice', (_, kind) => {
    const { fields, lists, flags } = kind.vocabulary;
    const names = [...fields, ...Object.keys(lists), ...flags];
    expect(new Set(names).size).toBe(names.length);
    for (const field of fields) expect(classifyPlaceholder(field, kind.vocabulary)).toEqual({ kind: 'field', name: field });
    for (const [list, listFields] of Object.entries(lists)) {
      for (const field of listFields) expect(classifyPlaceholder(`${list}.${field}`, kind.vocabulary)).toEqual({ kind: 'listField', list, field });
    }
  });

  describe.each([
    ['an empty CIL', records()],
    ['a busy month', busy],
  ])('for %s', (_, world) => {
    it.each(REPORT_CATALOG.map((kind) => [kind.kind, kind] as const))('%s gives a value for exactly the names it offers', (_, kind) => {
      const values = kind.values(world, periodFor(kind), settings(), water);
      expect(Object.keys(values.fields).sort()).toEqual([...kind.vocabulary.fields].sort());
      expect(Object.keys(values.lists).sort()).toEqual(Object.keys(kind.vocabulary.lists).sort());
      for (const [list, items] of Object.entries(values.lists)) {
        for (const item of items) expect(Object.keys(item).sort()).toEqual([...kind.vocabulary.lists[list]!].sort());
      }
      expect(Object.keys(values.flags).sort()).toEqual([...kind.vocabulary.flags].sort());
      expect(values.fields['cil.name']).toBe('CIL Lahore');
      expect(values.fields['period.label']).toBe(periodFor(kind).label);
    });
  });

  it('marks what only the lead can write, and fills it from the records where they have it', () => {
    const monthly = reportKindNamed('monthly progress update')!;
    const empty = monthly.values(records(), period('2026-11', 'month'), settings());
    expect(empty.fields.successes).toMatch(new RegExp(`^\\${LEAD_TO_WRITE}`));
    const full = monthly.values(busy, period('2026-11', 'month'), settings());
    expect(full.fields.successes).toContain('Completed Water Tracker with Residents. Residents filed 340 complaints.');
    expect(full.fields.successes).toContain('Held Open house on 14 Nov 2026 with 40 participants.');
    expect(full.fields.successes).not.toContain(LEAD_TO_WRITE);
  });

  it('refuses a project report without its project', () => {
    const closure = reportKindNamed('project closure report')!;
    expect(() => closure.values(busy, periodFor(closure), settings())).toThrow(/about a project/);
  });
});
