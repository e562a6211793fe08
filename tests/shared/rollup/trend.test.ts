import { describe, expect, it } from 'vitest';
import { trendOf, type QuarterRow } from '../../../shared/rollup';

const row = (cilId: string, quarter: string, change: Partial<QuarterRow> = {}): QuarterRow => ({
  cilId,
  cilName: cilId,
  quarter,
  state: 'complete',
  asOf: '2026-11-19',
  activeMembers: 0,
  newMembers: 0,
  hoursLogged: 0,
  hoursCommitted: 0,
  hoursTarget: 0,
  eventsHeld: 0,
  eventsPlanned: 0,
  eventsTarget: 1,
  oneEventRule: 'missed',
  meetupsHeld: 0,
  meetupsTarget: 3,
  cfpCallsHeld: 0,
  cfpCallsAttended: 0,
  cfpCallsTarget: 3,
  monthsWithCfpCall: 0,
  monthsSoFar: 3,
  reportsDue: 0,
  reportsOnTime: 0,
  reportsLate: 0,
  reportsOverdue: 0,
  reportsOnTimePercent: 100,
  stories: 0,
  warnings: 0,
  offboardings: 0,
  mentorCheckIns: 0,
  kpisMet: 4,
  kpisBehind: 4,
  kpisUp: 0,
  kpisDown: 0,
  ...change,
});

describe('the national trend', () => {
  const rows = [
    row('b', '2026-Q4', { state: 'so far', activeMembers: 6, newMembers: 1, eventsHeld: 0, meetupsHeld: 2, cfpCallsAttended: 1, hoursLogged: 20.25, reportsDue: 1, reportsOnTime: 0, kpisMet: 0, kpisBehind: 8 }),
    row('a', '2026-Q3', { activeMembers: 8, newMembers: 2, eventsHeld: 1, meetupsHeld: 3, cfpCallsAttended: 3, hoursLogged: 100.5, reportsDue: 3, reportsOnTime: 3, kpisMet: 6, kpisBehind: 2 }),
    row('b', '2026-Q3', { activeMembers: 3, newMembers: 0, eventsHeld: 0, meetupsHeld: 1, cfpCallsAttended: 1, hoursLogged: 10.25, reportsDue: 1, reportsOnTime: 0, kpisMet: 1, kpisBehind: 7 }),
    row('a', '2026-Q4', { state: 'so far', activeMembers: 9, newMembers: 1, eventsHeld: 1, meetupsHeld: 2, cfpCallsAttended: 2, hoursLogged: 60, reportsDue: 2, reportsOnTime: 1, kpisMet: 3, kpisBehind: 5 }),
    row('c', '2026-Q2', { activeMembers: 2, hoursLogged: 5 }),
  ];

  it('adds the CILs up quarter by quarter, oldest first, with the change on the quarter before', () => {
    expect(trendOf(rows)).toEqual([
      { quarter: '2026-Q2', activeMembers: 2, newMembers: 0, eventsHeld: 0, meetupsHeld: 0, cfpCallsAttended: 0, cils: 1, hoursLogged: 5, reportsOnTimePercent: 100, cilsBehind: 0 },
      { quarter: '2026-Q3', activeMembers: 11, newMembers: 2, eventsHeld: 1, meetupsHeld: 4, cfpCallsAttended: 4, cils: 2, hoursLogged: 110.75, reportsOnTimePercent: 75, cilsBehind: 1, activeMembersChange: 9, hoursLoggedChange: 105.75 },
      // Still running: no count of CILs behind on most KPIs.
      { quarter: '2026-Q4', activeMembers: 15, newMembers: 2, eventsHeld: 1, meetupsHeld: 4, cfpCallsAttended: 3, cils: 2, hoursLogged: 80.25, reportsOnTimePercent: 33, activeMembersChange: 4, hoursLoggedChange: -30.5 },
    ]);
  });

  it.each([
    { name: 'no rows', rows: [], quarters: [] },
    { name: 'quarters across a year sort in time order', rows: [row('a', '2027-Q1'), row('a', '2026-Q4')], quarters: ['2026-Q4', '2027-Q1'] },
  ])('$name', ({ rows: given, quarters }) => {
    expect(trendOf(given).map((trend) => trend.quarter)).toEqual(quarters);
  });

  it('judges "behind on most" with the policy’s share', () => {
    const one = [row('a', '2026-Q3', { kpisMet: 3, kpisBehind: 5 })];
    expect(trendOf(one)[0]!.cilsBehind).toBe(1);
    expect(trendOf(one, 0.7)[0]!.cilsBehind).toBe(0);
  });
});
