import { describe, expect, it } from 'vitest';
import { cilStartOf, rolledUpQuarters, rollUpCil, type QuarterRow } from '../../../shared/rollup';
import type { AccountabilityEvent } from '../../../shared/records/accountability';
import type { Settings } from '../../../shared/records/settings';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { evaluateCil } from '../../../shared/accountability';
import { deliverable, hours, logged, meeting, morning, rollupInput, session, story, volunteer, type RollupWorld } from './world';

// TODAY is Thursday 2026-11-19: 2026-Q4 runs (50 of its 92 days so far), 2026-Q3 is complete.

const lead = volunteer('V-L', { role: 'organizer', joinedOn: '2026-06-01' });
const member = volunteer('V-M', { joinedOn: '2026-08-03' });
const call = (id: string, day: CalendarDay) => meeting(id, day, { kind: 'monthly CfP call', expectedAttendees: 'leads' });
const calls = [call('C-7', '2026-07-14'), call('C-9', '2026-09-15'), call('C-10', '2026-10-13')];
const meetups = [meeting('M-1', '2026-07-21'), meeting('M-2', '2026-08-18'), meeting('M-3', '2026-11-17')];
const events = [meeting('E-1', '2026-08-10', { kind: 'event' }), meeting('E-2', '2026-12-05', { kind: 'event' })];

const world: RollupWorld = {
  volunteers: [lead, member],
  meetings: [...calls, ...meetups, ...events],
  attendance: [...calls.map((c) => session(c, 'V-L')), session(meetups[0]!, 'V-M'), session(meetups[2]!, 'V-M')],
  hours: [hours('V-L', '2026-09-01', 6), hours('V-M', '2026-09-02', 2.5), hours('V-M', '2026-11-18', 3)],
  deliverables: [
    deliverable('V-L', '2026-08-05', { submittedOn: '2026-08-04', status: 'submitted' }),
    deliverable('V-L', '2026-09-05', { submittedOn: '2026-09-09', status: 'submitted' }),
    deliverable('V-L', '2026-11-16'),
  ],
  stories: [story('2026-08-20'), story('2026-11-02')],
  log: [
    logged({ kind: 'warning', volunteerId: 'V-M', at: morning('2026-08-25'), status: 'sent' }),
    logged({ kind: 'warning', volunteerId: 'V-M', at: morning('2026-10-20'), status: 'proposed' }),
    logged({ kind: 'warning', volunteerId: 'V-M', at: morning('2026-10-21'), status: 'dismissed' }),
    logged({ kind: 'offboarding', volunteerId: 'V-M', at: morning('2026-10-22'), status: 'approved' }),
    logged({ kind: 'mentor check-in', at: morning('2026-11-02'), status: 'sent', checkKey: 'mentor-check-in:cil:cfp-call:2026-10' }),
  ],
};

/** Targets a small CIL keeps up with: none of the KPIs is behind on these alone. */
const modest: Partial<Settings> = { targetMeetups: 1, targetCfpCalls: 1, targetActiveMembers: 1, targetNewMembers: 0, targetHours: 0, targetStories: 0 };

const rowsOf = (w: RollupWorld) => rollUpCil(rollupInput(w)).rows;
const rowFor = (rows: QuarterRow[], quarter: string) => rows.find((row) => row.quarter === quarter)!;

describe('the quarters shown', () => {
  it.each([
    { name: 'a CIL from June: Q2 (partly), Q3 and Q4', start: '2026-06-01', count: 4, quarters: ['2026-Q2', '2026-Q3', '2026-Q4'] },
    { name: 'an old CIL: the current quarter and three before', start: '2024-01-01', count: 4, quarters: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'] },
    { name: 'fewer when the policy says', start: '2024-01-01', count: 2, quarters: ['2026-Q3', '2026-Q4'] },
    { name: 'a CIL begun this quarter', start: '2026-10-01', count: 4, quarters: ['2026-Q4'] },
    { name: 'a CIL with no member or meeting yet', start: undefined, count: 4, quarters: ['2026-Q4'] },
    { name: 'across a year', start: '2025-10-01', count: 4, today: '2026-02-10', quarters: ['2025-Q4', '2026-Q1'] },
  ] as { name: string; start: CalendarDay | undefined; count: number; today?: CalendarDay; quarters: string[] }[])('$name', ({ start, count, today, quarters }) => {
    expect(rolledUpQuarters(today ?? '2026-11-19', start, count)).toEqual(quarters);
  });

  it('the CIL begins with its first member or its first meeting, whichever is earlier', () => {
    expect(cilStartOf({ volunteers: [lead, member], meetings: [] }, 'Asia/Karachi')).toBe('2026-06-01');
    expect(cilStartOf({ volunteers: [member], meetings: [meeting('M-0', '2026-05-20')] }, 'Asia/Karachi')).toBe('2026-05-20');
    expect(cilStartOf({ volunteers: [], meetings: [] }, 'Asia/Karachi')).toBeUndefined();
  });
});

describe('a row per quarter', () => {
  const rows = rowsOf(world);

  it('one per quarter shown, oldest first, each marked complete or so far', () => {
    expect(rows.map((row) => [row.quarter, row.state, row.asOf, row.cilId, row.cilName])).toEqual([
      ['2026-Q2', 'complete', '2026-11-19', 'cil-lahore', 'CIL Lahore'],
      ['2026-Q3', 'complete', '2026-11-19', 'cil-lahore', 'CIL Lahore'],
      ['2026-Q4', 'so far', '2026-11-19', 'cil-lahore', 'CIL Lahore'],
    ]);
  });

  it.each([
    // quarter, field, value
    ['2026-Q3', 'eventsHeld', 1],
    ['2026-Q3', 'oneEventRule', 'met'],
    ['2026-Q4', 'eventsHeld', 0],
    ['2026-Q4', 'eventsPlanned', 1],
    ['2026-Q4', 'oneEventRule', 'not yet'],
    ['2026-Q2', 'oneEventRule', 'missed'],
    ['2026-Q4', 'eventsTarget', 1],
    ['2026-Q3', 'meetupsHeld', 2],
    ['2026-Q4', 'meetupsHeld', 1],
    ['2026-Q4', 'meetupsTarget', 3],
    ['2026-Q3', 'cfpCallsHeld', 2],
    ['2026-Q3', 'cfpCallsAttended', 2],
    ['2026-Q3', 'monthsWithCfpCall', 2],
    ['2026-Q3', 'monthsSoFar', 3],
    ['2026-Q4', 'cfpCallsHeld', 1],
    ['2026-Q4', 'monthsWithCfpCall', 1],
    ['2026-Q4', 'monthsSoFar', 2],
    ['2026-Q2', 'newMembers', 1],
    ['2026-Q3', 'newMembers', 1],
    ['2026-Q3', 'activeMembers', 2],
    ['2026-Q4', 'activeMembers', 2],
    ['2026-Q3', 'hoursLogged', 8.5],
    ['2026-Q4', 'hoursLogged', 3],
    // Commitments: the lead's 4 h and the member's 5 h a week, over 13 weeks, for the days so far.
    ['2026-Q3', 'hoursCommitted', 117],
    ['2026-Q4', 'hoursCommitted', Math.round((117 * 50) / 92 * 100) / 100],
    ['2026-Q4', 'hoursTarget', 117],
    ['2026-Q3', 'reportsDue', 2],
    ['2026-Q3', 'reportsOnTime', 1],
    ['2026-Q3', 'reportsLate', 1],
    ['2026-Q3', 'reportsOnTimePercent', 50],
    ['2026-Q4', 'reportsOverdue', 1],
    ['2026-Q4', 'reportsOnTimePercent', 0],
    ['2026-Q2', 'reportsOnTimePercent', 100],
    ['2026-Q3', 'stories', 1],
    ['2026-Q3', 'warnings', 1],
    ['2026-Q4', 'warnings', 0],
    ['2026-Q4', 'offboardings', 1],
    ['2026-Q4', 'mentorCheckIns', 1],
  ] as [string, keyof QuarterRow, unknown][])('%s %s = %s', (quarter, field, value) => {
    expect(rowFor(rows, quarter)[field]).toBe(value);
  });

  it('counts the KPIs met and behind, and which rose or fell on the quarter before, as the quarterly review does', () => {
    const q4 = rowFor(rows, '2026-Q4');
    expect(q4.kpisMet + q4.kpisBehind).toBe(8);
    expect([q4.kpisMet, q4.kpisBehind, q4.kpisUp, q4.kpisDown]).toEqual([0, 8, 0, 6]);
    const kept = rowFor(rowsOf({ ...world, settings: modest }), '2026-Q3');
    expect([kept.kpisMet, kept.kpisBehind]).toEqual([7, 1]);
  });
});

describe('falling behind', () => {
  const reasons = (w: RollupWorld) => rollUpCil(rollupInput(w)).reasons.map((reason) => [reason.code, reason.period]);

  it.each([
    { name: 'behind on most of the last complete quarter’s KPIs (7 of 8)', world: { ...world, log: [] }, reasons: [['behind on most KPIs', '2026-Q3']] },
    { name: 'keeping up with modest targets', world: { ...world, log: [], settings: modest }, reasons: [] },
    { name: 'behind on exactly half (4 of 8) is not most', world: { ...world, log: [], settings: { ...modest, targetMeetups: 3, targetCfpCalls: 3, targetActiveMembers: 8 } }, reasons: [] },
    {
      name: 'a CIL begun during the last quarter is not judged on it',
      world: { ...world, log: [], volunteers: [{ ...lead, joinedOn: '2026-07-10' }, member], meetings: [calls[2]!, meetups[2]!] },
      reasons: [],
    },
    {
      name: 'the rules engine’s reasons come first (no CfP call in October)',
      world: { ...world, log: [], settings: modest, meetings: [calls[0]!, calls[1]!, ...meetups, ...events] },
      reasons: [['no CfP call', '2026-10']],
    },
  ] as { name: string; world: RollupWorld; reasons: string[][] }[])('$name', ({ world: w, reasons: expected }) => {
    expect(reasons(w)).toEqual(expected);
    expect(rollUpCil(rollupInput(w)).fallingBehind).toBe(expected.length > 0);
  });

  it('names the KPIs behind, with their targets', () => {
    const [reason] = rollUpCil(rollupInput({ ...world, log: [] })).reasons;
    expect(reason!.summary).toBe(
      'Behind on 7 of 8 KPIs in 2026-Q3: CIL meetups held 2 (target 3); Monthly CfP calls a lead attended 2 (target 3); ' +
        'Active members (hours or a meeting) 2 (target 8); New members 1 (target 3); Hours logged 8.5 (target 117); ' +
        'Reports submitted on time 50% (target 90%); Stories published 1 (target 3).',
    );
  });
});

describe('the mentor check-in of the quarter', () => {
  const behind: RollupWorld = { ...world, log: [] };
  const NATIONAL_LEAD = 'cfp.lead@example.org';
  const checkIn = (change: Partial<AccountabilityEvent>) => logged({ kind: 'mentor check-in', status: 'proposed', by: 'daily check', ...change });
  const rollup = (log: AccountabilityEvent[], cilCfpLead: string | null) => {
    const input = rollupInput({ ...behind, log });
    const settings = { ...input.settings };
    if (cilCfpLead === null) delete settings.cfpLeadEmail;
    else settings.cfpLeadEmail = cilCfpLead;
    return rollUpCil({ ...input, settings, nationalCfpLeadEmail: NATIONAL_LEAD });
  };
  // Only a check-in that reached the national CfP lead counts. The rules engine's proposed or dismissed
  // ones do not (this table once held them as "not due": a CIL lead could silence CfP by dismissing).
  it.each([
    { name: 'none logged: one is due', log: [], due: true, found: null },
    { name: 'the rules engine proposed one this quarter: still due', log: [checkIn({ id: 'E-a', at: morning('2026-10-02'), checkKey: 'mentor-check-in:cil:cfp-call:2026-09' })], due: true, found: null },
    { name: 'a lead dismissed this quarter’s: still due', log: [checkIn({ id: 'E-b', at: morning('2026-11-10'), status: 'dismissed' })], due: true, found: null },
    { name: 'the engine’s approved but not sent: still due', log: [checkIn({ id: 'E-h', at: morning('2026-11-10'), status: 'approved' })], due: true, found: null },
    { name: 'the engine’s sent to the national CfP lead', log: [checkIn({ id: 'E-i', at: morning('2026-11-10'), status: 'sent' })], due: false, found: 'E-i' },
    { name: 'the engine’s sent to another CfP lead: still due', log: [checkIn({ id: 'E-j', at: morning('2026-11-10'), status: 'sent' })], cilCfpLead: 'someone.else@example.org', due: true, found: null },
    { name: 'the engine’s sent where the CIL names no CfP lead: still due', log: [checkIn({ id: 'E-k', at: morning('2026-11-10'), status: 'sent' })], cilCfpLead: null, due: true, found: null },
    { name: 'the national lead’s address in other case', log: [checkIn({ id: 'E-l', at: morning('2026-11-10'), status: 'sent' })], cilCfpLead: 'CfP.Lead@Example.org', due: false, found: 'E-l' },
    { name: 'the rollup’s own for the quarter', log: [logged({ id: 'E-c', kind: 'mentor check-in', at: morning('2026-11-01'), checkKey: 'mentor-check-in:cil:national:2026-Q4' })], due: false, found: 'E-c' },
    { name: 'the rollup’s own, its email waiting for quota', log: [logged({ id: 'E-m', kind: 'mentor check-in', status: 'approved', at: morning('2026-11-01'), checkKey: 'mentor-check-in:cil:national:2026-Q4' })], due: false, found: 'E-m' },
    { name: 'the rollup’s own, dismissed: due again', log: [logged({ id: 'E-n', kind: 'mentor check-in', status: 'dismissed', at: morning('2026-11-01'), checkKey: 'mentor-check-in:cil:national:2026-Q4' })], due: true, found: null },
    { name: 'last quarter’s does not count', log: [checkIn({ id: 'E-d', at: morning('2026-09-28'), status: 'sent' })], due: true, found: null },
    { name: 'one dated after now is not seen yet', log: [checkIn({ id: 'E-e', at: morning('2026-11-20'), status: 'sent' })], due: true, found: null },
    { name: 'the first of two', log: [checkIn({ id: 'E-g', at: morning('2026-11-12'), status: 'sent' }), checkIn({ id: 'E-f', at: morning('2026-10-12'), status: 'sent' })], due: false, found: 'E-f' },
  ] as { name: string; log: AccountabilityEvent[]; cilCfpLead?: string | null; due: boolean; found: string | null }[])('$name', (row) => {
    const result = rollup(row.log, row.cilCfpLead === undefined ? NATIONAL_LEAD : row.cilCfpLead);
    expect(result.checkInDue).toBe(row.due);
    expect(result.checkIn?.eventId ?? null).toBe(row.found);
  });

  it('none is due for a CIL keeping up', () => {
    expect(rollUpCil(rollupInput({ ...world, log: [], settings: modest })).checkInDue).toBe(false);
  });

  it('takes the rules engine’s evaluation of the same moment, and refuses one of another', () => {
    const input = rollupInput(world);
    const evaluation = evaluateCil({ ...input.records, today: input.today, now: input.now, settings: input.settings });
    expect(rollUpCil({ ...input, evaluation })).toEqual(rollUpCil(input));
    const yesterday = evaluateCil({ ...input.records, today: '2026-11-18', now: morning('2026-11-18'), settings: input.settings });
    expect(() => rollUpCil({ ...input, evaluation: yesterday })).toThrow(/not for the rollup's moment/);
  });
});
