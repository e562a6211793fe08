import type { Settings } from '../records/settings';
import { tallyHours, type HoursTally } from './hours';
import { tallyMeetings, type MeetingTally } from './meetings';
import { tallyDeliverables, type ReportCounts } from './reports';
import { tallyStories, type StoryTally } from './roles';
import { tallyRoster, type RosterTally } from './roster';
import type { Kpi, KpiKey, QuarterlyReview, QuarterlyReviewInput } from './types';
import { round2, type Windows, windowsOf } from './windows';

/** One quarter's figures, each compared with its target. */
export type QuarterFigures = Record<KpiKey, number>;

const KPI_ROWS: readonly { key: KpiKey; label: string; unit: Kpi['unit']; target: (settings: Settings, hoursTarget: number) => number }[] = [
  { key: 'events', label: 'Events held', unit: 'count', target: (s) => s.targetEvents },
  { key: 'meetups', label: 'CIL meetups held', unit: 'count', target: (s) => s.targetMeetups },
  { key: 'cfpCallsAttended', label: 'Monthly CfP calls a lead attended', unit: 'count', target: (s) => s.targetCfpCalls },
  { key: 'activeMembers', label: 'Active members (hours or a meeting)', unit: 'count', target: (s) => s.targetActiveMembers },
  { key: 'newMembers', label: 'New members', unit: 'count', target: (s) => s.targetNewMembers },
  { key: 'hours', label: 'Hours logged', unit: 'hours', target: (s, hoursTarget) => s.targetHours ?? hoursTarget },
  { key: 'reportsOnTime', label: 'Reports submitted on time', unit: 'percent', target: (s) => s.targetReportsOnTime },
  { key: 'stories', label: 'Stories published', unit: 'count', target: (s) => s.targetStories },
];

/** Reports on time as a whole percentage; 100 when nothing was due, as no report was late. */
const onTimePercent = (counts: ReportCounts) => (counts.due === 0 ? 100 : Math.round((100 * counts.onTime) / counts.due));

export interface ReviewTallies {
  roster: RosterTally;
  hours: HoursTally;
  meetings: MeetingTally;
  reports: { current: ReportCounts; previous: ReportCounts };
  stories: StoryTally;
}

/** Both quarters' figures from the tallies the dashboard makes anyway. */
export function quarterFiguresOf(t: ReviewTallies): { current: QuarterFigures; previous: QuarterFigures } {
  const of = (when: 'current' | 'previous'): QuarterFigures => ({
    events: t.meetings[when].events,
    meetups: t.meetings[when].meetups,
    cfpCallsAttended: t.meetings[when].cfpCallsAttended,
    activeMembers: new Set([...t.hours.activeIn[when], ...t.meetings.activeIn[when]]).size,
    newMembers: t.roster.newMembers[when],
    hours: round2(t.hours.quarter[when]),
    reportsOnTime: onTimePercent(t.reports[when]),
    stories: t.stories.total[when],
  });
  return { current: of('current'), previous: of('previous') };
}

/** The review of the windows' quarter, from the tallies. */
export function reviewOf(windows: Windows, t: ReviewTallies, settings: Settings): QuarterlyReview {
  const { current, previous } = quarterFiguresOf(t);
  const kpis: Kpi[] = KPI_ROWS.map((row) => {
    const actual = current[row.key];
    const before = previous[row.key];
    const target = row.target(settings, t.roster.quarterCommitment);
    return {
      key: row.key,
      label: row.label,
      unit: row.unit,
      actual,
      target,
      status: actual >= target ? 'met' : 'behind',
      previous: before,
      trend: actual > before ? 'up' : actual < before ? 'down' : 'same',
    };
  });
  const met = kpis.filter((kpi) => kpi.status === 'met').length;
  return {
    quarter: windows.quarter.label,
    first: windows.quarter.first,
    last: windows.quarter.last,
    previousQuarter: windows.previous.label,
    complete: windows.today > windows.quarter.last,
    kpis,
    met,
    behind: kpis.length - met,
  };
}

/**
 * The quarter's KPIs against the targets the lead set in Settings (the CIL's OKRs), each with the
 * quarter before for trend: for the Dashboard and the quarterly report. A quarter still running is
 * reviewed so far. Each record list is read once.
 */
export function quarterlyReviewOf(input: QuarterlyReviewInput): QuarterlyReview {
  const { records, settings } = input;
  const windows = windowsOf(input.today, input.now, { weeks: 0, months: 0 }, input.quarter);
  const roster = tallyRoster(records.volunteers, windows, settings);
  return reviewOf(
    windows,
    {
      roster,
      hours: tallyHours(records.hours, windows),
      meetings: tallyMeetings(records, windows, roster, settings),
      reports: tallyDeliverables(records.deliverables, windows, roster),
      stories: tallyStories(records.stories, windows),
    },
    settings,
  );
}
