import { describe, expect, it } from 'vitest';
import type { Attendance } from '../../../shared/records/attendance';
import type { Deliverable } from '../../../shared/records/deliverable';
import type { Meeting } from '../../../shared/records/meeting';
import type { Volunteer } from '../../../shared/records/volunteer';
import type { CilReasonCode } from '../../../shared/accountability/types';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import { actionsOf, deliverable, evaluate, hours, meeting, override, session, TODAY, volunteer, type World } from './world';

const reasonsOf = (world: World) => evaluate(world).cil.reasons.map((r) => r.code);

describe('mentor check-in: no event in the quarter by its last month', () => {
  const event = (day: CalendarDay) => meeting(`EV-${day}`, day, { kind: 'event', title: 'Civic hackathon' });
  it.each([
    { name: 'December, no event in Q4', today: '2026-12-10', meetings: [], fires: true },
    { name: 'December, an event in October', today: '2026-12-10', meetings: [event('2026-10-15')], fires: false },
    { name: 'December, an event planned for 20 December', today: '2026-12-10', meetings: [event('2026-12-20')], fires: false },
    { name: 'December, the only event was in Q3', today: '2026-12-10', meetings: [event('2026-09-20')], fires: true },
    { name: 'November, no event yet (a month to go)', today: '2026-11-19', meetings: [], fires: false },
    { name: '1 December, no event', today: '2026-12-01', meetings: [], fires: true },
    { name: 'March, no event in Q1', today: '2027-03-02', meetings: [], fires: true },
  ] as { name: string; today: CalendarDay; meetings: Meeting[]; fires: boolean }[])('$name → $fires', ({ today, meetings, fires }) => {
    expect(reasonsOf({ today, meetings, hours: [hours('V-1', addDays(today, -1))] }).includes('no event this quarter')).toBe(fires);
  });

  it('a CIL that began during the quarter is judged from the next one', () => {
    expect(reasonsOf({ today: '2026-12-10', volunteers: [volunteer('V-1', { joinedOn: '2026-10-05' })] })).not.toContain('no event this quarter');
  });
});

describe('mentor check-in: the monthly CfP call and its leads', () => {
  const october = meeting('CALL-10', '2026-10-14', { kind: 'monthly CfP call', title: 'October CfP call', expectedAttendees: 'leads' });
  const lead = volunteer('V-L', { role: 'organizer' });
  const member = volunteer('V-M');
  type Case = { name: string; meetings: Meeting[]; attendance: Attendance[]; volunteers?: Volunteer[]; code?: CilReasonCode };
  const cases: Case[] = [
    { name: 'no call in October', meetings: [], attendance: [], code: 'no CfP call' },
    { name: 'a call attended by a lead', meetings: [october], attendance: [session(october, 'V-L')] },
    { name: 'a call attended only by a member', meetings: [october], attendance: [session(october, 'V-M')], code: 'CfP call without leads' },
    { name: 'a lead joined for 3 minutes', meetings: [october], attendance: [session(october, 'V-L', 3)], code: 'CfP call without leads' },
    { name: 'only an offboarded lead attended', meetings: [october], attendance: [session(october, 'V-L')], volunteers: [{ ...lead, status: 'offboarded' }, member], code: 'CfP call without leads' },
    { name: 'November’s call does not count for October', meetings: [{ ...october, id: 'CALL-11', startsAt: '2026-11-11T14:00:00.000Z', endsAt: '2026-11-11T15:00:00.000Z' }], attendance: [], code: 'no CfP call' },
  ];
  it.each(cases)('$name → $code', ({ meetings, attendance, volunteers, code }) => {
    const result = evaluate({ volunteers: volunteers ?? [lead, member], meetings, attendance, hours: [hours('V-L', '2026-11-18'), hours('V-M', '2026-11-18')] });
    const found = result.cil.reasons.filter((r) => r.code === 'no CfP call' || r.code === 'CfP call without leads');
    expect(found.map((r) => [r.code, r.period])).toEqual(code ? [[code, '2026-10']] : []);
    const checkIns = actionsOf(result, 'mentor check-in').filter((a) => a.checkKey.includes(':cfp-call:'));
    expect(checkIns.map((a) => a.checkKey)).toEqual(code ? ['mentor-check-in:cil:cfp-call:2026-10'] : []);
  });
});

describe('mentor check-in: reports overdue', () => {
  it.each([
    { late: 7, fires: false },
    { late: 8, fires: true },
  ])('a report $late days overdue → $fires', ({ late, fires }) => {
    const report: Deliverable = deliverable('V-1', addDays(TODAY, -late), { kind: 'events & meetups report' });
    const result = evaluate({ deliverables: [report], hours: [hours('V-1', addDays(TODAY, -1))] });
    const reason = result.cil.reasons.find((r) => r.code === 'reports overdue');
    expect(reason !== undefined).toBe(fires);
    if (fires) {
      expect(reason).toMatchObject({ period: '2026-11', evidence: [{ tab: 'Deliverables', id: report.id }] });
      expect(actionsOf(result, 'mentor check-in').map((a) => a.checkKey)).toContain('mentor-check-in:cil:reports-overdue:2026-11');
    }
  });
});

describe('mentor check-in: a large share of members inactive', () => {
  const silentFor = (id: string, days: number) => hours(id, addDays(TODAY, -days));
  it.each([
    { name: '2 of 3 inactive', silences: [20, 20, 1], fires: true },
    { name: 'half of 4 inactive', silences: [20, 20, 1, 1], fires: true },
    { name: '1 of 3 inactive', silences: [20, 1, 1], fires: false },
    { name: '2 of 2 inactive (too few to judge)', silences: [20, 20], fires: false },
  ])('$name → $fires', ({ silences, fires }) => {
    const volunteers = silences.map((_, i) => volunteer(`V-${i + 1}`));
    const result = evaluate({ volunteers, hours: silences.map((days, i) => silentFor(`V-${i + 1}`, days)) });
    expect(result.cil.reasons.some((r) => r.code === 'many inactive')).toBe(fires);
    expect(result.cil.counts.tracked).toBe(silences.length);
    expect(result.cil.counts.inactive).toBe(silences.filter((d) => d > 14).length);
  });

  it('counts neither new members nor members on leave', () => {
    const volunteers = [volunteer('V-1'), volunteer('V-2'), volunteer('V-3', { joinedOn: addDays(TODAY, -3) }), volunteer('V-4', { status: 'on leave' })];
    const result = evaluate({ volunteers, hours: [silentFor('V-1', 20), silentFor('V-2', 1)] });
    expect(result.cil.counts).toEqual({ volunteers: 4, tracked: 2, active: 1, atRisk: 0, inactive: 1, onLeave: 1, newMembers: 1 });
  });
});

describe('mentor check-in actions', () => {
  it('are proposed for a lead in review mode, one per reason and period, about the whole CIL', () => {
    const result = evaluate({ today: '2026-12-10', hours: [hours('V-1', '2026-12-09')] });
    const checkIns = actionsOf(result, 'mentor check-in');
    expect(checkIns.map((a) => a.checkKey)).toEqual(['mentor-check-in:cil:no-event:2026-Q4', 'mentor-check-in:cil:cfp-call:2026-11']);
    for (const action of checkIns) {
      expect(action).toMatchObject({ kind: 'mentor check-in', logStatus: 'proposed', mandatory: true });
      expect(action).not.toHaveProperty('volunteerId');
    }
    expect(checkIns[0]?.evidenceText).toBe('Mentor check-in: CIL Lahore is falling behind. No event held or planned in 2026-Q4 (at least one a quarter), and its last month has begun.');
    expect(result.cil.fallingBehind).toBe(true);
  });

  it('are held by an override for the whole CIL', () => {
    const result = evaluate({ today: '2026-12-10', hours: [hours('V-1', '2026-12-09')], log: [override(undefined, '2026-12-31')] });
    expect(actionsOf(result, 'mentor check-in')).toEqual([]);
    expect(result.held.map((h) => h.why)).toEqual(['override', 'override']);
    expect(result.cil.fallingBehind).toBe(true);
  });

  it('a CIL keeping up needs none', () => {
    const call = meeting('CALL', '2026-10-14', { kind: 'monthly CfP call' });
    const result = evaluate({ volunteers: [volunteer('V-1', { role: 'organizer' })], meetings: [call], attendance: [session(call, 'V-1')], hours: [hours('V-1', '2026-11-18', 4)] });
    expect(result.cil).toMatchObject({ fallingBehind: false, reasons: [] });
  });
});
