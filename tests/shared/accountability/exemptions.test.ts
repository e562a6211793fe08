import { describe, expect, it } from 'vitest';
import type { AccountabilityEvent } from '../../../shared/records/accountability';
import type { Meeting } from '../../../shared/records/meeting';
import type { Notice } from '../../../shared/records/notice';
import type { Volunteer } from '../../../shared/records/volunteer';
import type { ExemptionKind, Standing } from '../../../shared/accountability/types';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import { actionsOf, assessmentOf, at, evaluate, hours, inTouch, logged, meeting, notice, override, session, TODAY, TUESDAYS, volunteer } from './world';

const daysAgo = (n: number): CalendarDay => addDays(TODAY, -n);
const [m1, m2, m3] = TUESDAYS.slice(0, 3).map((day, i) => meeting(`M-${i + 1}`, day)) as [Meeting, Meeting, Meeting];

describe('a new member’s first "New member grace days" (14)', () => {
  // Joined `days` days before today and has not been in touch since.
  it.each([
    { days: 0, exempt: true, standing: 'active' },
    { days: 13, exempt: true, standing: 'active' },
    { days: 14, exempt: false, standing: 'at risk' },
    { days: 15, exempt: false, standing: 'inactive' },
  ] satisfies { days: number; exempt: boolean; standing: Standing }[])(
    'day $days after joining, never in touch: exempt $exempt, $standing',
    ({ days, exempt, standing }) => {
      const result = evaluate({ volunteers: [volunteer('V-1', { joinedOn: daysAgo(days) })], settings: { newMemberGraceDays: 14 } });
      const assessment = assessmentOf(result);
      expect(assessment.exemptions.map((e) => e.kind)).toEqual(exempt ? ['new member'] : []);
      if (exempt) expect(assessment.exemptions[0]?.until).toBe(addDays(daysAgo(days), 13));
      expect(assessment.standing).toBe(standing);
      expect(result.actions.filter((a) => a.volunteerId === 'V-1')).toHaveLength(standing === 'inactive' ? 1 : 0);
    },
  );

  it.each([
    { joined: '2026-11-04', counted: [], standing: 'active' },
    { joined: '2026-11-03', counted: ['M-3'], standing: 'at risk' },
    { joined: '2026-10-27', counted: ['M-2', 'M-3'], standing: 'inactive' },
    { joined: '2026-10-28', counted: ['M-3'], standing: 'at risk' },
  ] as const)('joined $joined: meetings in the first 14 days do not count ($counted)', ({ joined, counted, standing }) => {
    const result = evaluate({ volunteers: [volunteer('V-1', { joinedOn: joined })], meetings: [m1, m2, m3], hours: [inTouch()] });
    const assessment = assessmentOf(result);
    expect(assessment.consecutiveMisses.map((ref) => ref.id)).toEqual(counted);
    expect(assessment.standing).toBe(standing);
  });
});

describe('leave of absence', () => {
  type Case = { name: string; status?: Volunteer['status']; notices?: Notice[]; exemption?: ExemptionKind; standing: Standing; warned: boolean; misses: string[] };
  const cases: Case[] = [
    { name: 'no leave: two misses', standing: 'inactive', warned: true, misses: ['M-2', 'M-3'] },
    { name: 'roster status "on leave"', status: 'on leave', exemption: 'on leave', standing: 'active', warned: false, misses: ['M-2', 'M-3'] },
    {
      name: 'a leave notice covering today and both meetings',
      notices: [notice('V-1', at('2026-11-05'), { fromDay: '2026-11-08', toDay: '2026-11-25' })],
      exemption: 'on leave',
      standing: 'active',
      warned: false,
      misses: [],
    },
    {
      name: 'a leave notice covering today, given after the meetings',
      notices: [notice('V-1', at('2026-11-18'), { fromDay: '2026-11-08', toDay: '2026-11-25' })],
      exemption: 'on leave',
      standing: 'inactive',
      warned: false,
      misses: ['M-2', 'M-3'],
    },
    {
      name: 'a leave that ended: its meetings stay excused',
      notices: [notice('V-1', at('2026-11-05'), { fromDay: '2026-11-08', toDay: '2026-11-18' })],
      standing: 'active',
      warned: false,
      misses: [],
    },
    {
      name: 'a leave that covered only the first miss',
      notices: [notice('V-1', at('2026-11-05'), { fromDay: '2026-11-08', toDay: '2026-11-12' })],
      standing: 'at risk',
      warned: false,
      misses: ['M-3'],
    },
  ];

  it.each(cases)('$name → $standing, warned: $warned', ({ status, notices, exemption, standing, warned, misses }) => {
    const result = evaluate({
      volunteers: [volunteer('V-1', status ? { status } : {})],
      meetings: [m1, m2, m3],
      attendance: [session(m1, 'V-1')],
      notices,
      hours: [inTouch()],
    });
    const assessment = assessmentOf(result);
    expect(assessment.exemptions.map((e) => e.kind)).toEqual(exemption ? [exemption] : []);
    expect(assessment.consecutiveMisses.map((ref) => ref.id)).toEqual(misses);
    expect(assessment.standing).toBe(standing);
    expect(actionsOf(result, 'warning')).toHaveLength(warned ? 1 : 0);
  });

  it('stops the silence clock during a leave and restarts it after', () => {
    const away = notice('V-1', at(daysAgo(40)), { fromDay: daysAgo(39), toDay: daysAgo(10) });
    const during = evaluate({ notices: [away], today: daysAgo(12) });
    expect(assessmentOf(during, 'V-1').standing).toBe('active');
    expect(actionsOf(during, undefined, 'V-1')).toEqual([]);
    const after = assessmentOf(evaluate({ notices: [away] }));
    expect(after.daysWithoutCommunication).toBe(10);
    expect(after.standing).toBe('at risk');
  });

  it('sends no reminders during a leave', () => {
    const friday = '2026-11-20';
    const leave = notice('V-1', at('2026-11-10'), { fromDay: '2026-11-16', toDay: '2026-11-22' });
    expect(actionsOf(evaluate({ today: friday, hours: [inTouch('V-1', friday)] }), 'hours reminder')).toHaveLength(1);
    expect(actionsOf(evaluate({ today: friday, hours: [inTouch('V-1', friday)], notices: [leave] }), 'hours reminder')).toHaveLength(0);
  });
});

describe('a lead’s manual override', () => {
  // Two misses and three weeks of silence: inactive, and a warning due.
  const base = { meetings: [m1, m2, m3], hours: [hours('V-1', daysAgo(21))] };
  type Case = { name: string; log: AccountabilityEvent[]; exempt: boolean; standing: Standing; warning: 'proposed' | 'held' | 'none' };
  const cases: Case[] = [
    { name: 'no override', log: [], exempt: false, standing: 'inactive', warning: 'proposed' },
    { name: 'override until today', log: [override('V-1', TODAY)], exempt: true, standing: 'inactive', warning: 'held' },
    { name: 'override until next month', log: [override('V-1', '2026-12-31')], exempt: true, standing: 'inactive', warning: 'held' },
    { name: 'override written "Override: V-1: 2026-12-31"', log: [override('V-1', '2026-12-31', { checkKey: 'Override: V-1: 2026-12-31' })], exempt: true, standing: 'inactive', warning: 'held' },
    { name: 'override for the whole CIL (no volunteer)', log: [override(undefined, '2026-12-31')], exempt: true, standing: 'inactive', warning: 'held' },
    { name: 'override for another volunteer', log: [override('V-2', '2026-12-31')], exempt: false, standing: 'inactive', warning: 'proposed' },
    { name: 'a dismissed override', log: [override('V-1', '2026-12-31', { status: 'dismissed' })], exempt: false, standing: 'inactive', warning: 'proposed' },
    { name: 'an override written after now', log: [override('V-1', '2026-12-31', { at: at(addDays(TODAY, 1)) })], exempt: false, standing: 'inactive', warning: 'proposed' },
    { name: 'a note that is not an override', log: [logged({ kind: 'note', volunteerId: 'V-1', checkKey: 'talked to them' })], exempt: false, standing: 'inactive', warning: 'proposed' },
    { name: 'an override that ended yesterday settles what came before', log: [override('V-1', daysAgo(1))], exempt: false, standing: 'active', warning: 'none' },
  ];

  it.each(cases)('$name → $standing, warning $warning', ({ log, exempt, standing, warning }) => {
    const result = evaluate({ ...base, volunteers: [volunteer('V-1'), volunteer('V-2')], log });
    const assessment = assessmentOf(result);
    expect(assessment.exemptions.map((e) => e.kind)).toEqual(exempt ? ['override'] : []);
    if (exempt) expect(assessment.exemptions[0]?.evidence[0]?.tab).toBe('Accountability log');
    expect(assessment.standing).toBe(standing);
    expect(actionsOf(result, 'warning', 'V-1')).toHaveLength(warning === 'proposed' ? 1 : 0);
    expect(result.held.filter((h) => h.checkKey.startsWith('warning:V-1:'))).toEqual(
      warning === 'held' ? [{ checkKey: expect.stringMatching(/^warning:V-1:1:/), why: 'override' }] : [],
    );
  });

  it('after an override, new evidence counts again', () => {
    const ended = override('V-1', '2026-11-05');
    const result = evaluate({ meetings: [m1, m2, m3], hours: [inTouch()], log: [ended] });
    expect(assessmentOf(result).consecutiveMisses.map((ref) => ref.id)).toEqual(['M-2', 'M-3']);
    expect(assessmentOf(result).settledBefore).toBe('2026-11-05T19:00:00.000Z');
    expect(actionsOf(result, 'warning')).toHaveLength(1);
  });
});
