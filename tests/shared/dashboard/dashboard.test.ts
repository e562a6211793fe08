import { describe, expect, it } from 'vitest';
import { evaluateCil } from '../../../shared/accountability';
import { dashboardOf } from '../../../shared/dashboard';
import { dashboardInput, hours, inTouch, marked, meeting, morning, notice, at, volunteer, TODAY, TUESDAYS, type DashboardWorld } from './world';

// The at-risk list and the headline standings come from the rules engine: these tests give it a
// volunteer in each standing and check the dashboard shows what the engine says.

const [first, second, third] = TUESDAYS.map((day, i) => meeting(`M-${i + 1}`, day));
const world: DashboardWorld = {
  volunteers: [
    volunteer('V-1', { name: 'Steady' }),
    volunteer('V-2', { name: 'Missed one' }),
    volunteer('V-3', { name: 'Missed two', role: 'storyteller' }),
    volunteer('V-4', { name: 'Away', status: 'on leave' }),
    volunteer('V-5', { name: 'Gone', status: 'offboarded' }),
    volunteer('V-6', { name: 'New', joinedOn: '2026-11-12' }),
  ],
  meetings: [first!, second!, third!],
  attendance: [
    ...['V-1', 'V-2', 'V-3'].flatMap((id) => [marked(first!, id, 'present')]),
    marked(second!, 'V-1', 'present'),
    marked(second!, 'V-2', 'present'),
    marked(third!, 'V-1', 'present'),
  ],
  notices: [notice('V-4', at('2026-11-01'), { fromDay: '2026-11-01', toDay: '2026-11-30' })],
  hours: ['V-1', 'V-2', 'V-3', 'V-6'].map((id) => inTouch(id)),
};

describe('dashboardOf', () => {
  const input = dashboardInput(world);
  const evaluation = evaluateCil({ ...input.records, today: input.today, now: input.now, settings: input.settings });
  const result = dashboardOf(input);

  it("lists the rules engine's at-risk and inactive members, inactive first, with its reasons", () => {
    const byId = new Map(evaluation.volunteers.map((a) => [a.volunteerId, a]));
    expect(result.atRisk.map((row) => [row.name, row.standing, row.role])).toEqual([
      ['Missed two', 'inactive', 'storyteller'],
      ['Missed one', 'at risk', 'member'],
    ]);
    for (const row of result.atRisk) {
      const assessment = byId.get(row.volunteerId)!;
      expect(row.reasons).toEqual(assessment.reasons.map((r) => r.summary));
      expect(row).toMatchObject({
        reasonCodes: ['missed meetings'],
        daysWithoutCommunication: assessment.daysWithoutCommunication,
        hoursThisWeek: assessment.hoursThisWeek,
        commitment: assessment.weeklyCommitment,
        warnings: 0,
        exemptions: [],
        rosterStatus: 'active',
      });
    }
  });

  it("takes the headline's standings from the engine's counts", () => {
    expect(result.headline).toMatchObject({
      volunteers: 6,
      activeMembers: evaluation.cil.counts.active,
      atRisk: 1,
      inactive: 1,
      onLeave: 1,
      newMembers: 1,
      fallingBehind: evaluation.cil.fallingBehind,
      fallingBehindReasons: evaluation.cil.reasons.map((r) => r.summary),
    });
    expect(result.roles.communityOrganizer.activeMembers).toBe(evaluation.cil.counts.active);
  });

  it("uses the caller's evaluation rather than evaluating again", () => {
    const doctored = { ...evaluation, volunteers: evaluation.volunteers.map((a) => (a.volunteerId === 'V-1' ? { ...a, standing: 'at risk' as const } : a)) };
    expect(dashboardOf({ ...input, evaluation: doctored }).atRisk.map((row) => row.volunteerId)).toEqual(['V-3', 'V-1', 'V-2']);
    expect(dashboardOf({ ...input, evaluation })).toEqual(result);
  });

  it('refuses an evaluation of another moment', () => {
    const yesterday = evaluateCil({ ...input.records, today: '2026-11-18', now: morning('2026-11-18'), settings: input.settings });
    expect(() => dashboardOf({ ...input, evaluation: yesterday })).toThrow('not for the dashboard');
  });

  it('gives the same figures for the same input, as plain data', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(dashboardOf(dashboardInput(world))).toEqual(result);
    expect(result).toMatchObject({ cilName: 'CIL Lahore', today: TODAY, now: morning(TODAY) });
  });

  it('reads a large CIL quickly', () => {
    const volunteers = Array.from({ length: 200 }, (_, i) => volunteer(`V-${i}`));
    const meetings = Array.from({ length: 104 }, (_, w) => meeting(`M-${w}`, `2024-11-${String(20 + (w % 7)).padStart(2, '0')}` as never, { startsAt: at('2024-11-20'), endsAt: at('2024-11-20', '15:00') }));
    const entries = volunteers.flatMap((v) => Array.from({ length: 200 }, (_, k) => hours(v.id, k % 2 === 0 ? '2026-11-02' : '2025-06-02', 1)));
    const started = Date.now();
    const big = dashboardOf(dashboardInput({ volunteers, meetings, hours: entries }));
    expect(big.weeklyHours.rows).toHaveLength(200);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
