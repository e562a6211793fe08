import { z } from '../zod';
import { column } from '../records/columns';
import { defineTab } from '../records/tab';

// The national spreadsheet's tabs, declared like a CIL's record tabs: each schema gives the header row
// and the row codec, so names are written as text (never a formula) and "By CIL and quarter" is found
// by its headers, wherever an admin moves its columns.

const count = { min: 0, integer: true } as const;
const amount = { min: 0 } as const;
const percent = { min: 0, max: 100 } as const;

/** A quarter still running is counted so far; the quarters before are complete. */
export const QUARTER_STATES = ['so far', 'complete'] as const;
/** The handbook's rule of at least one event a quarter: met, not yet (the quarter runs on), missed. */
export const EVENT_RULE_STATES = ['met', 'not yet', 'missed'] as const;

/** One CIL in one quarter: the figures CfP compares across CILs. */
export const quarterRowSchema = z.object({
  cilId: column.id('CIL ID'),
  cilName: column.text('CIL', { max: 200 }),
  quarter: column.period('Quarter'),
  state: column.choice('Quarter is', QUARTER_STATES),
  /** The CIL's day the figures were worked out on. */
  asOf: column.date('As of'),
  activeMembers: column.number('Active members', count),
  newMembers: column.number('New members', count),
  hoursLogged: column.number('Hours logged', amount),
  /** The members' weekly commitments over the quarter's days so far. */
  hoursCommitted: column.number('Hours committed', amount),
  hoursTarget: column.number('Hours target', amount),
  eventsHeld: column.number('Events held', count),
  eventsPlanned: column.number('Events planned', count),
  eventsTarget: column.number('Events target', amount),
  oneEventRule: column.choice('One event a quarter', EVENT_RULE_STATES),
  meetupsHeld: column.number('Meetups held', count),
  meetupsTarget: column.number('Meetups target', amount),
  cfpCallsHeld: column.number('CfP calls held', count),
  cfpCallsAttended: column.number('CfP calls a lead attended', count),
  cfpCallsTarget: column.number('CfP calls target', amount),
  /** The monthly figure: months of the quarter so far with a CfP call held. */
  monthsWithCfpCall: column.number('Months with a CfP call', count),
  monthsSoFar: column.number('Months so far', count),
  reportsDue: column.number('Reports due', count),
  reportsOnTime: column.number('Reports on time', count),
  reportsLate: column.number('Reports late', count),
  reportsOverdue: column.number('Reports overdue', count),
  reportsOnTimePercent: column.number('Reports on time (%)', percent),
  stories: column.number('Stories', count),
  warnings: column.number('Warnings', count),
  offboardings: column.number('Offboardings', count),
  mentorCheckIns: column.number('Mentor check-ins', count),
  kpisMet: column.number('KPIs met', count),
  kpisBehind: column.number('KPIs behind', count),
  kpisUp: column.number('KPIs up on the quarter before', count),
  kpisDown: column.number('KPIs down on the quarter before', count),
});
export type QuarterRow = z.output<typeof quarterRowSchema>;

export const quarterRowsTab = defineTab('By CIL and quarter', quarterRowSchema);

export const FALLING_BEHIND_STATES = ['falling behind', 'not read'] as const;

/** A CIL falling behind today, with its reasons and its mentor check-in; or a CIL the rollup could not read. */
export const fallingBehindRowSchema = z.object({
  cilId: column.id('CIL ID'),
  cilName: column.text('CIL', { max: 200 }),
  /** Blank for a CIL whose Settings could not be read. */
  quarter: column.period('Quarter').optional(),
  state: column.choice('Status', FALLING_BEHIND_STATES),
  /** One reason a line; for a CIL not read, what stopped it. */
  reasons: column.text('Reasons'),
  checkIn: column.text('Mentor check-in').optional(),
  spreadsheet: column.url('Spreadsheet').optional(),
});
export type FallingBehindRow = z.output<typeof fallingBehindRowSchema>;

export const fallingBehindTab = defineTab('Falling behind', fallingBehindRowSchema);

/** The whole country quarter by quarter. The chart plots the quarter and the next TREND_SERIES columns. */
export const trendRowSchema = z.object({
  quarter: column.period('Quarter'),
  activeMembers: column.number('Active members', count),
  newMembers: column.number('New members', count),
  eventsHeld: column.number('Events held', count),
  meetupsHeld: column.number('Meetups held', count),
  cfpCallsAttended: column.number('CfP calls a lead attended', count),
  cils: column.number('CILs', count),
  hoursLogged: column.number('Hours logged', amount),
  reportsOnTimePercent: column.number('Reports on time (%)', percent),
  /** Complete quarters only: a quarter still running is behind on most KPIs until late in it. */
  cilsBehind: column.number('CILs behind on most KPIs', count).optional(),
  /** Blank for the first quarter shown. */
  activeMembersChange: column.number('Active members, change').optional(),
  hoursLoggedChange: column.number('Hours logged, change').optional(),
});
export type TrendRow = z.output<typeof trendRowSchema>;

export const trendTab = defineTab('Trend', trendRowSchema);

/** The chart's series: the columns after "Quarter" that it plots (counts on one scale). */
export const TREND_SERIES = 5;
