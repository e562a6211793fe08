import { meetingFactsOf } from '../accountability';
import type { CilRecords } from '../accountability/types';
import type { Settings } from '../records/settings';
import type { CalendarDay } from '../time/calendar-day';
import type { Instant } from '../time/instant';
import { tallyHours, weeklyHoursTable } from './hours';
import { tallyRoster } from './roster';
import type { QuarterBlock, WeeklyHoursTable } from './types';
import { inSpan, round2, windowsOf } from './windows';

/**
 * What the add-on's card shows of the CIL's week and quarter, worked out with the Dashboard's own
 * tallies so the two never disagree: the hours this week of the members on the roster (active, warned
 * or on leave), against the commitments of those expected (active and warned, joined by the week's
 * last day); and the quarter's events held (planned ones are not counted yet) against the Settings'
 * "Target: events".
 */
export interface Glance {
  hoursThisWeek: number;
  committedThisWeek: number;
  /** '2026-Q4' */
  quarter: string;
  events: QuarterBlock['events'];
}

export interface GlanceInput {
  records: Pick<CilRecords, 'volunteers' | 'hours' | 'meetings'>;
  today: CalendarDay;
  now: Instant;
  settings: Settings;
}

/** The members' hours in the last week of the table (the current one). */
export function membersHoursThisWeek(table: WeeklyHoursTable): number {
  const current = table.weeks.length - 1;
  return round2(table.rows.reduce((sum, row) => sum + (row.hours[current] ?? 0), 0));
}

export function glanceOf({ records, today, now, settings }: GlanceInput): Glance {
  const windows = windowsOf(today, now, { weeks: 1, months: 0 });
  const table = weeklyHoursTable(windows, tallyRoster(records.volunteers, windows, settings), tallyHours(records.hours, windows));
  const events: Glance['events'] = { held: 0, planned: 0, required: settings.targetEvents, met: false };
  for (const facts of meetingFactsOf(records.meetings, settings.timeZone)) {
    if (facts.meeting.kind !== 'event' || !inSpan(windows.quarter, facts.startDay)) continue;
    if (facts.endMs <= windows.nowMs) events.held++;
    else events.planned++;
  }
  events.met = events.held >= events.required;
  return {
    hoursThisWeek: membersHoursThisWeek(table),
    committedThisWeek: round2(table.committed[table.committed.length - 1] ?? 0),
    quarter: windows.quarter.label,
    events,
  };
}
