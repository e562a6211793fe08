import { evaluateCil } from '../accountability';
import { atRiskRowsOf } from './at-risk';
import { membersHoursThisWeek } from './glance';
import { tallyHours, weeklyHoursTable } from './hours';
import { tallyMeetings } from './meetings';
import { reviewOf } from './quarterly-review';
import { tallyDeliverables } from './reports';
import { roleMetricsOf, tallyCitizens, tallyProjects, tallyStories } from './roles';
import { tallyRoster } from './roster';
import type { CilDashboard, DashboardInput } from './types';
import { round2, TREND_MONTHS, windowsOf } from './windows';

/**
 * Every figure of the Dashboard tab. Each record list is read in one pass (its tally), and the blocks
 * are put together from the tallies; standings and the at-risk list are the rules engine's own
 * (`evaluation`, evaluated here when the caller has none), never worked out again.
 */
export function dashboardOf(input: DashboardInput): CilDashboard {
  const { records, settings, today, now } = input;
  const windows = windowsOf(today, now, { weeks: settings.dashboardWeeks, months: TREND_MONTHS });
  const evaluation = input.evaluation ?? evaluateCil({ ...records, today, now, settings });
  if (evaluation.today !== today || evaluation.now !== now) {
    throw new RangeError(`The evaluation given is for ${evaluation.now}, not for the dashboard's moment ${now}.`);
  }

  const roster = tallyRoster(records.volunteers, windows, settings);
  const hours = tallyHours(records.hours, windows);
  const meetings = tallyMeetings(records, windows, roster, settings);
  const deliverables = tallyDeliverables(records.deliverables, windows, roster);
  const stories = tallyStories(records.stories, windows);
  const table = weeklyHoursTable(windows, roster, hours);
  const { counts } = evaluation.cil;
  const hoursThisQuarter = round2(hours.quarter.current);

  return {
    cilName: settings.cilName,
    today,
    now,
    headline: {
      volunteers: records.volunteers.length,
      activeMembers: counts.active,
      newMembers: roster.newMembers.current,
      atRisk: counts.atRisk,
      inactive: counts.inactive,
      onLeave: counts.onLeave,
      hoursThisWeek: membersHoursThisWeek(table),
      committedThisWeek: round2(table.committed[table.committed.length - 1] ?? 0),
      hoursThisQuarter,
      eventsThisQuarter: meetings.quarter.events.held,
      fallingBehind: evaluation.cil.fallingBehind,
      fallingBehindReasons: evaluation.cil.reasons.map((reason) => reason.summary),
    },
    weeklyHours: table,
    attendance: meetings.attendance,
    quarter: meetings.quarter,
    reports: deliverables.reports,
    atRisk: atRiskRowsOf(evaluation, roster.byId),
    roles: roleMetricsOf({
      projects: tallyProjects(records.projects),
      stories,
      citizens: tallyCitizens(records.citizens, windows),
      deliverables,
      table,
      hoursThisQuarter,
      newMembers: roster.newMembers.current,
      activeMembers: counts.active,
    }),
    review: reviewOf(windows, { roster, hours, meetings, reports: deliverables, stories }, settings),
  };
}
