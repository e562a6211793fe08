import { round2 } from '../dashboard/windows';
import { behindOnMost, defaultRollupPolicy } from './cil-rollup';
import type { QuarterRow, TrendRow } from './national-tabs';

// Quarter over quarter for the whole country: the CILs' rows of each quarter added up, oldest quarter
// first, with the change on the quarter before. Reports on time are the country's reports (on time ÷
// due, 100 when none were due, as each CIL's review counts them), not an average of the CILs' shares.

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One trend row per quarter found in `rows`, oldest first. */
export function trendOf(rows: readonly QuarterRow[], kpisBehindShare = defaultRollupPolicy.kpisBehindShare): TrendRow[] {
  const byQuarter = new Map<string, QuarterRow[]>();
  for (const row of rows) byQuarter.set(row.quarter, [...(byQuarter.get(row.quarter) ?? []), row]);
  const sum = (list: readonly QuarterRow[], pick: (row: QuarterRow) => number) => list.reduce((total, row) => total + pick(row), 0);
  let before: TrendRow | undefined;
  return [...byQuarter.keys()].sort(compareText).map((quarter) => {
    const list = byQuarter.get(quarter)!;
    const due = sum(list, (row) => row.reportsDue);
    const complete = list.every((row) => row.state === 'complete');
    const trend: TrendRow = {
      quarter,
      activeMembers: sum(list, (row) => row.activeMembers),
      newMembers: sum(list, (row) => row.newMembers),
      eventsHeld: sum(list, (row) => row.eventsHeld),
      meetupsHeld: sum(list, (row) => row.meetupsHeld),
      cfpCallsAttended: sum(list, (row) => row.cfpCallsAttended),
      cils: list.length,
      hoursLogged: round2(sum(list, (row) => row.hoursLogged)),
      reportsOnTimePercent: due === 0 ? 100 : Math.round((100 * sum(list, (row) => row.reportsOnTime)) / due),
    };
    if (complete) trend.cilsBehind = list.filter((row) => behindOnMost(row.kpisMet, row.kpisBehind, kpisBehindShare)).length;
    if (before) {
      trend.activeMembersChange = trend.activeMembers - before.activeMembers;
      trend.hoursLoggedChange = round2(trend.hoursLogged - before.hoursLogged);
    }
    before = trend;
    return trend;
  });
}
