import type { HoursEntry } from '../records/hours';
import { instantMs } from '../time/instant';
import type { RosterTally } from './roster';
import type { VolunteerWeeklyHours, WeeklyHoursTable } from './types';
import { inSpan, round2, weekIndexOf, type Windows } from './windows';

export interface HoursTally {
  /** Volunteer id → hours in each week shown. */
  byVolunteer: Map<string, number[]>;
  weekTotals: number[];
  quarter: { current: number; previous: number };
  /** Volunteers who logged hours in the quarter reviewed, and in the one before. */
  activeIn: { current: Set<string>; previous: Set<string> };
}

/**
 * The Hours tab in one pass. An entry counts once it is logged (by "Logged at", as the rules engine
 * reads it) and for the day it was worked, up to today.
 */
export function tallyHours(hours: readonly HoursEntry[], windows: Windows): HoursTally {
  const tally: HoursTally = {
    byVolunteer: new Map(),
    weekTotals: windows.weeks.map(() => 0),
    quarter: { current: 0, previous: 0 },
    activeIn: { current: new Set(), previous: new Set() },
  };
  for (const entry of hours) {
    if (entry.day < windows.from || entry.day > windows.today) continue;
    const loggedMs = instantMs(entry.loggedAt);
    if (loggedMs === undefined || loggedMs > windows.nowMs) continue;
    const week = weekIndexOf(windows, entry.day);
    if (week >= 0) {
      let weeks = tally.byVolunteer.get(entry.volunteerId);
      if (!weeks) tally.byVolunteer.set(entry.volunteerId, (weeks = windows.weeks.map(() => 0)));
      weeks[week]! += entry.hours;
      tally.weekTotals[week]! += entry.hours;
    }
    if (inSpan(windows.quarter, entry.day)) {
      tally.quarter.current += entry.hours;
      tally.activeIn.current.add(entry.volunteerId);
    } else if (inSpan(windows.previous, entry.day)) {
      tally.quarter.previous += entry.hours;
      tally.activeIn.previous.add(entry.volunteerId);
    }
  }
  return tally;
}

/**
 * Each member's hours a week against their commitment. The current week is still running: it counts
 * towards "weeks met" once met, and never towards the average, which is over the complete weeks shown
 * since the member joined (this week's hours while there are none).
 */
export function weeklyHoursTable(windows: Windows, roster: RosterTally, tally: HoursTally): WeeklyHoursTable {
  const current = windows.weeks.length - 1;
  const rows: VolunteerWeeklyHours[] = roster.members.map(({ volunteer, commitment }) => {
    const hours = (tally.byVolunteer.get(volunteer.id) ?? windows.weeks.map(() => 0)).map(round2);
    let complete = 0;
    let sum = 0;
    let weeksMet = 0;
    hours.forEach((h, i) => {
      if (windows.weeks[i]!.last < volunteer.joinedOn) return;
      if (i === current) {
        if (h >= commitment) weeksMet++;
        return;
      }
      complete++;
      sum += h;
      if (h >= commitment) weeksMet++;
    });
    return {
      volunteerId: volunteer.id,
      name: volunteer.name,
      role: volunteer.role,
      rosterStatus: volunteer.status,
      joinedOn: volunteer.joinedOn,
      commitment,
      hours,
      weeksMet,
      average: round2(complete > 0 ? sum / complete : (hours[current] ?? 0)),
    };
  });
  return { weeks: windows.weeks, rows, totals: tally.weekTotals.map(round2), committed: roster.committed.map(round2) };
}
