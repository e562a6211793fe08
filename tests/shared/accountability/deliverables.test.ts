import { describe, expect, it } from 'vitest';
import type { Deliverable } from '../../../shared/records/deliverable';
import type { Notice } from '../../../shared/records/notice';
import type { ReasonCode, Standing } from '../../../shared/accountability/types';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import { actionsOf, assessmentOf, at, deliverable, evaluate, inTouch, notice, TODAY, volunteer } from './world';

const yesterday = addDays(TODAY, -1);

type Case = { name: string; item: Deliverable; notices?: Notice[]; joinedOn?: CalendarDay; standing: Standing; code?: ReasonCode };

const cases: Case[] = [
  { name: 'due today, pending', item: deliverable('V-1', TODAY), standing: 'active' },
  { name: 'due yesterday, pending', item: deliverable('V-1', yesterday), standing: 'inactive', code: 'missed deadline' },
  { name: 'an update due yesterday, pending', item: deliverable('V-1', yesterday, { kind: 'biweekly update' }), standing: 'inactive', code: 'missing update' },
  { name: 'a monthly progress update, pending', item: deliverable('V-1', yesterday, { kind: 'monthly progress update' }), standing: 'inactive', code: 'missing update' },
  { name: 'due yesterday, submitted on time', item: deliverable('V-1', yesterday, { status: 'submitted', submittedOn: addDays(TODAY, -2) }), standing: 'active' },
  { name: 'due yesterday, submitted today (late but in)', item: deliverable('V-1', yesterday, { status: 'submitted', submittedOn: TODAY }), standing: 'active' },
  { name: 'submitted on a day after today (not yet)', item: deliverable('V-1', yesterday, { status: 'submitted', submittedOn: addDays(TODAY, 1) }), standing: 'inactive', code: 'missed deadline' },
  { name: 'waived by a lead', item: deliverable('V-1', yesterday, { status: 'waived' }), standing: 'active' },
  { name: 'owned by someone else', item: deliverable('V-2', yesterday), standing: 'active' },
  {
    name: 'due during a leave notified before the deadline',
    item: deliverable('V-1', yesterday),
    notices: [notice('V-1', at(addDays(TODAY, -10)), { fromDay: addDays(TODAY, -5), toDay: yesterday })],
    standing: 'active',
  },
  {
    name: 'due during a leave notified after the deadline',
    item: deliverable('V-1', addDays(TODAY, -3)),
    notices: [notice('V-1', at(addDays(TODAY, -1), '03:00'), { fromDay: addDays(TODAY, -5), toDay: yesterday })],
    standing: 'inactive',
    code: 'missed deadline',
  },
  { name: 'due in the new member’s grace period', item: deliverable('V-1', yesterday), joinedOn: addDays(TODAY, -14), standing: 'active' },
];

describe('rule: a missed deadline or a missing update', () => {
  it.each(cases)('$name → $standing', ({ item, notices, joinedOn, standing, code }) => {
    const result = evaluate({ volunteers: [volunteer('V-1', joinedOn ? { joinedOn } : {})], deliverables: [item], notices, hours: [inTouch()] });
    const assessment = assessmentOf(result);
    expect(assessment.standing).toBe(standing);
    expect(assessment.reasons.map((r) => r.code)).toEqual(code ? [code] : []);
    if (code) {
      expect(assessment.reasons[0]?.evidence.map((ref) => ref.id)).toEqual([item.id]);
      expect(assessment.reasons[0]?.since).toBe(addDays(item.dueOn, 1));
    }
  });

  it('lists every overdue deliverable, even one that no longer counts', () => {
    const excused = deliverable('V-1', yesterday);
    const result = evaluate({
      volunteers: [volunteer('V-1', { joinedOn: addDays(TODAY, -14) })],
      deliverables: [excused],
      hours: [inTouch()],
    });
    expect(assessmentOf(result).overdueDeliverables.map((ref) => ref.id)).toEqual([excused.id]);
  });

  it('groups deadlines and updates and dates inactivity from the earliest', () => {
    const report = deliverable('V-1', addDays(TODAY, -3), { title: 'Discovery report' });
    const update = deliverable('V-1', addDays(TODAY, -6), { kind: 'biweekly update', title: 'Biweekly update' });
    const result = evaluate({ deliverables: [report, update], hours: [inTouch()] });
    const [warning] = actionsOf(result, 'warning');
    expect(warning?.checkKey).toBe(`warning:V-1:1:${addDays(TODAY, -5)}`);
    expect(warning?.evidenceText).toBe(
      `Warning 1 of 2, inactive since ${addDays(TODAY, -5)}: ` +
        `Deadline missed: discovery research report "Discovery report" [${report.id}] due ${addDays(TODAY, -3)}. ` +
        `Update not submitted: biweekly update "Biweekly update" [${update.id}] due ${addDays(TODAY, -6)}.`,
    );
  });
});
