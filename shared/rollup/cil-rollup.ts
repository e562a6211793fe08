import { evaluateCil } from '../accountability/evaluate';
import { meetingFactsOf } from '../accountability/meeting-outcomes';
import type { CilAssessment, CilEvaluation, CilReasonCode, CilRecords } from '../accountability/types';
import { tallyHours } from '../dashboard/hours';
import { tallyMeetings } from '../dashboard/meetings';
import { reviewOf } from '../dashboard/quarterly-review';
import { tallyDeliverables } from '../dashboard/reports';
import { tallyStories } from '../dashboard/roles';
import { tallyRoster } from '../dashboard/roster';
import type { Kpi, QuarterlyReview } from '../dashboard/types';
import { quarterBefore, round2, windowsOf } from '../dashboard/windows';
import type { AccountabilityEvent } from '../records/accountability';
import type { Settings } from '../records/settings';
import type { Story } from '../records/story';
import { daysBetween, type CalendarDay } from '../time/calendar-day';
import { dateOfInstant, instantMs, type Instant } from '../time/instant';
import { periodRange, quarterOf } from '../time/period';
import { dayOf } from '../time/zone';
import { checkInOf, sameAddress, type LoggedCheckIn } from './check-in';
import type { QuarterRow } from './national-tabs';

// One CIL as the national rollup sees it: a row of figures for each quarter shown, from the dashboard's
// own tallies and quarterly review (shared/dashboard), and whether it is falling behind: the rules
// engine's reasons (CilAssessment) plus the national view's own, being behind on most of the last
// complete quarter's KPIs. Pure: the day and the moment are inputs.

/** The tabs the rollup reads: the rules engine's and Stories (for the stories KPI). */
export interface RollupRecords extends CilRecords {
  stories: readonly Story[];
}

export interface RollupPolicy {
  /** Quarters shown per CIL: the current one and the ones before it, back to the CIL's first. */
  quarters: number;
  /** Behind on more than this share of the KPIs of a complete quarter is falling behind. */
  kpisBehindShare: number;
}

export const defaultRollupPolicy: RollupPolicy = { quarters: 4, kpisBehindShare: 0.5 };

export interface CilRollupInput {
  cilId: string;
  records: RollupRecords;
  settings: Settings;
  /** Today in the CIL's time zone. */
  today: CalendarDay;
  now: Instant;
  /**
   * The national CfP lead, to whom the rollup proposes check-ins: a check-in of the CIL's own counts
   * only once sent to this address (its "CfP lead email").
   */
  nationalCfpLeadEmail?: string;
  /** The rules engine's result for the same records and moment, when the caller has it. */
  evaluation?: CilEvaluation;
  policy?: Partial<RollupPolicy>;
}

export const NATIONAL_REASON_CODE = 'behind on most KPIs';

/** Why a CIL is falling behind: the rules engine's reasons and the national view's. */
export interface NationalReason {
  code: CilReasonCode | typeof NATIONAL_REASON_CODE;
  /** The period it is about: '2026-Q3', '2026-10'. */
  period: string;
  summary: string;
}

export interface CilRollup {
  cilId: string;
  cilName: string;
  today: CalendarDay;
  /** Today's quarter. */
  quarter: string;
  /** One row per quarter shown, oldest first. */
  rows: QuarterRow[];
  /** The rules engine's counts of members today. */
  counts: CilAssessment['counts'];
  fallingBehind: boolean;
  reasons: NationalReason[];
  /** The mentor check-in of today's quarter that reached the national CfP lead, whoever proposed it. */
  checkIn?: LoggedCheckIn;
  /** Falling behind with no mentor check-in to the CfP lead this quarter: the rollup proposes one. */
  checkInDue: boolean;
}

/** Behind on more than `share` of the KPIs. */
export const behindOnMost = (met: number, behind: number, share: number) => met + behind > 0 && behind > share * (met + behind);

/**
 * The CIL's first day, as the rules engine judges periods: its first member's joining or its first
 * meeting, whichever is earlier; undefined for a CIL with neither.
 */
export function cilStartOf(records: Pick<CilRecords, 'volunteers' | 'meetings'>, timeZone: string): CalendarDay | undefined {
  let start: CalendarDay | undefined;
  for (const volunteer of records.volunteers) if (start === undefined || volunteer.joinedOn < start) start = volunteer.joinedOn;
  for (const facts of meetingFactsOf(records.meetings, timeZone)) if (start === undefined || facts.startDay < start) start = facts.startDay;
  return start;
}

/** Today's quarter and up to `count − 1` before it, oldest first, leaving out quarters that ended before `start`. */
export function rolledUpQuarters(today: CalendarDay, start: CalendarDay | undefined, count: number): string[] {
  const quarters = [quarterOf(today)];
  while (quarters.length < count) {
    const before = quarterBefore(quarters[0]!);
    if (start === undefined || periodRange(before).last < start) break;
    quarters.unshift(before);
  }
  return quarters;
}

interface LogSteps {
  warnings: number;
  offboardings: number;
  mentorCheckIns: number;
}

const TAKEN = new Set<AccountabilityEvent['status']>(['approved', 'sent']);

/** Warnings, offboardings and mentor check-ins taken (approved or sent), by the quarter of their day in the CIL's zone. */
function stepsByQuarter(log: readonly AccountabilityEvent[], timeZone: string, nowMs: number): Map<string, LogSteps> {
  const byQuarter = new Map<string, LogSteps>();
  for (const event of log) {
    if (!TAKEN.has(event.status)) continue;
    const field = event.kind === 'warning' ? 'warnings' : event.kind === 'offboarding' ? 'offboardings' : event.kind === 'mentor check-in' ? 'mentorCheckIns' : null;
    const ms = instantMs(event.at);
    if (field === null || ms === undefined || ms > nowMs) continue;
    const quarter = quarterOf(dayOf(dateOfInstant(event.at), timeZone));
    const steps = byQuarter.get(quarter) ?? { warnings: 0, offboardings: 0, mentorCheckIns: 0 };
    steps[field]++;
    byQuarter.set(quarter, steps);
  }
  return byQuarter;
}

interface Reviewed {
  row: QuarterRow;
  review: QuarterlyReview;
}

/** A quarter's row from the dashboard's tallies of it, each record list in one pass. */
function reviewQuarter(input: CilRollupInput, quarter: string, steps: LogSteps | undefined): Reviewed {
  const { records, settings, today, now } = input;
  const windows = windowsOf(today, now, { weeks: 0, months: 0 }, quarter);
  const roster = tallyRoster(records.volunteers, windows, settings);
  const hours = tallyHours(records.hours, windows);
  const meetings = tallyMeetings(records, windows, roster, settings);
  const reports = tallyDeliverables(records.deliverables, windows, roster);
  const review = reviewOf(windows, { roster, hours, meetings, reports, stories: tallyStories(records.stories, windows) }, settings);
  const kpi = Object.fromEntries(review.kpis.map((k) => [k.key, k])) as Record<Kpi['key'], Kpi>;

  const { first, last } = windows.quarter;
  const complete = today > last;
  const days = daysBetween(first, last) + 1;
  const daysSoFar = complete ? days : Math.max(0, daysBetween(first, today) + 1);
  const { months, events, cfpCalls } = meetings.quarter;
  const row: QuarterRow = {
    cilId: input.cilId,
    cilName: settings.cilName,
    quarter,
    state: complete ? 'complete' : 'so far',
    asOf: today,
    activeMembers: kpi.activeMembers.actual,
    newMembers: kpi.newMembers.actual,
    hoursLogged: kpi.hours.actual,
    hoursCommitted: round2((roster.quarterCommitment * daysSoFar) / days),
    hoursTarget: round2(kpi.hours.target),
    eventsHeld: kpi.events.actual,
    eventsPlanned: events.planned,
    eventsTarget: kpi.events.target,
    oneEventRule: kpi.events.actual >= 1 ? 'met' : complete ? 'missed' : 'not yet',
    meetupsHeld: kpi.meetups.actual,
    meetupsTarget: kpi.meetups.target,
    cfpCallsHeld: cfpCalls.held,
    cfpCallsAttended: kpi.cfpCallsAttended.actual,
    cfpCallsTarget: kpi.cfpCallsAttended.target,
    monthsWithCfpCall: months.filter((month) => month.cfpCalls > 0).length,
    monthsSoFar: months.filter((month) => periodRange(month.month).first <= today).length,
    reportsDue: reports.current.due,
    reportsOnTime: reports.current.onTime,
    reportsLate: reports.current.late,
    reportsOverdue: reports.current.overdue,
    reportsOnTimePercent: kpi.reportsOnTime.actual,
    stories: kpi.stories.actual,
    warnings: steps?.warnings ?? 0,
    offboardings: steps?.offboardings ?? 0,
    mentorCheckIns: steps?.mentorCheckIns ?? 0,
    kpisMet: review.met,
    kpisBehind: review.behind,
    kpisUp: review.kpis.filter((k) => k.trend === 'up').length,
    kpisDown: review.kpis.filter((k) => k.trend === 'down').length,
  };
  return { row, review };
}

const kpiWords = (kpi: Kpi) => (kpi.unit === 'percent' ? `${kpi.label} ${kpi.actual}% (target ${kpi.target}%)` : `${kpi.label} ${kpi.actual} (target ${kpi.target})`);

/**
 * The national view's reason: behind on most KPIs of the latest complete quarter, judged only when the
 * CIL existed all of it (as the rules engine judges a period only from the CIL's first day).
 */
function kpiReason(reviewed: readonly Reviewed[], start: CalendarDay | undefined, share: number): NationalReason | null {
  const judged = [...reviewed].reverse().find(({ review }) => review.complete);
  if (!judged || start === undefined || start > judged.review.first) return null;
  const { review } = judged;
  if (!behindOnMost(review.met, review.behind, share)) return null;
  const behind = review.kpis.filter((kpi) => kpi.status === 'behind');
  return {
    code: NATIONAL_REASON_CODE,
    period: review.quarter,
    summary: `Behind on ${behind.length} of ${review.kpis.length} KPIs in ${review.quarter}: ${behind.map(kpiWords).join('; ')}.`,
  };
}

/** The CIL's rows, and whether it is falling behind and why, for the national rollup. */
export function rollUpCil(input: CilRollupInput): CilRollup {
  const { records, settings, today, now } = input;
  const policy: RollupPolicy = { ...defaultRollupPolicy, ...input.policy };
  const nowMs = instantMs(now);
  if (nowMs === undefined) throw new RangeError(`now "${now}" is not an ISO UTC instant`);
  const evaluation = input.evaluation ?? evaluateCil({ ...records, today, now, settings });
  if (evaluation.today !== today || evaluation.now !== now) {
    throw new RangeError(`The evaluation given is for ${evaluation.now}, not for the rollup's moment ${now}.`);
  }
  const start = cilStartOf(records, settings.timeZone);
  const steps = stepsByQuarter(records.log, settings.timeZone, nowMs);
  const reviewed = rolledUpQuarters(today, start, policy.quarters).map((quarter) => reviewQuarter(input, quarter, steps.get(quarter)));

  const reasons: NationalReason[] = evaluation.cil.reasons.map(({ code, period, summary }) => ({ code, period, summary }));
  const national = kpiReason(reviewed, start, policy.kpisBehindShare);
  if (national) reasons.push(national);
  const quarter = quarterOf(today);
  const checkIn = checkInOf(records.log, quarter, settings.timeZone, now, sameAddress(settings.cfpLeadEmail, input.nationalCfpLeadEmail));
  const fallingBehind = reasons.length > 0;
  return {
    cilId: input.cilId,
    cilName: settings.cilName,
    today,
    quarter,
    rows: reviewed.map(({ row }) => row),
    counts: evaluation.cil.counts,
    fallingBehind,
    reasons,
    ...(checkIn ? { checkIn } : {}),
    checkInDue: fallingBehind && checkIn === undefined,
  };
}
