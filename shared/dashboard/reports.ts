import type { Deliverable, DeliverableKind } from '../records/deliverable';
import { daysBetween, type CalendarDay } from '../time/calendar-day';
import type { RosterTally } from './roster';
import type { DeliverableStatusLine, OverdueReport, ReportsBlock, RoleMetrics } from './types';
import { inSpan, round2, type Windows } from './windows';

/**
 * Where a deliverable stands today. Lateness follows from the days, as the Deliverables tab says:
 * submitted on or before "Due on" is on time; not submitted past it is overdue (due today is not yet).
 * As in the rules engine, a "Submitted on" day up to today is a submission, and one after today is not yet.
 */
export type ReportState = Exclude<DeliverableStatusLine['state'], 'none'>;

export function reportStateOf(deliverable: Deliverable, today: CalendarDay): ReportState {
  if (deliverable.status === 'waived') return 'waived';
  const { submittedOn } = deliverable;
  if (submittedOn !== undefined && submittedOn <= today) return submittedOn <= deliverable.dueOn ? 'on time' : 'late';
  return deliverable.dueOn < today ? 'overdue' : 'not due yet';
}

/** Reports counted for a quarter: on time, late, overdue; `due` is the three together. */
export interface ReportCounts {
  due: number;
  onTime: number;
  late: number;
  overdue: number;
}

const emptyReportCounts = (): ReportCounts => ({ due: 0, onTime: 0, late: 0, overdue: 0 });

function countReport(counts: ReportCounts, state: ReportState): void {
  if (state === 'waived' || state === 'not due yet') return;
  counts.due++;
  if (state === 'on time') counts.onTime++;
  else if (state === 'late') counts.late++;
  else counts.overdue++;
}

export interface DeliverableTally {
  reports: ReportsBlock;
  current: ReportCounts;
  previous: ReportCounts;
  manager: Pick<RoleMetrics['manager'], 'monthlyReports' | 'midYearSurvey' | 'annualReport'>;
}

/** The latest deliverable of a kind (by due day) due by the end of this year: the one a manager is asked about. */
function latestOf(kind: DeliverableKind, latest: Map<DeliverableKind, Deliverable>, deliverable: Deliverable, yearEnd: CalendarDay): void {
  if (deliverable.kind !== kind || deliverable.dueOn > yearEnd) return;
  const known = latest.get(kind);
  if (!known || deliverable.dueOn > known.dueOn) latest.set(kind, deliverable);
}

function statusLine(deliverable: Deliverable | undefined, today: CalendarDay): DeliverableStatusLine {
  if (!deliverable) return { state: 'none' };
  return { title: deliverable.title, dueOn: deliverable.dueOn, state: reportStateOf(deliverable, today) };
}

/** The Deliverables tab in one pass: reports due in the quarter and the one before, everything overdue, the manager's reports. */
export function tallyDeliverables(deliverables: readonly Deliverable[], windows: Windows, roster: RosterTally): DeliverableTally {
  const { today } = windows;
  const yearEnd = `${today.slice(0, 4)}-12-31` as CalendarDay;
  const current = emptyReportCounts();
  const previous = emptyReportCounts();
  const monthlyReports = emptyReportCounts();
  let upcoming = 0;
  const overdue: OverdueReport[] = [];
  const latest = new Map<DeliverableKind, Deliverable>();
  for (const deliverable of deliverables) {
    const state = reportStateOf(deliverable, today);
    if (inSpan(windows.quarter, deliverable.dueOn)) {
      countReport(current, state);
      if (state === 'not due yet') upcoming++;
      if (deliverable.kind === 'monthly progress update') countReport(monthlyReports, state);
    } else if (inSpan(windows.previous, deliverable.dueOn)) countReport(previous, state);
    if (state === 'overdue') {
      overdue.push({
        deliverableId: deliverable.id,
        title: deliverable.title,
        ownerVolunteerId: deliverable.ownerVolunteerId,
        ownerName: roster.byId.get(deliverable.ownerVolunteerId)?.name ?? deliverable.ownerVolunteerId,
        dueOn: deliverable.dueOn,
        daysOverdue: daysBetween(deliverable.dueOn, today),
      });
    }
    latestOf('mid-year report', latest, deliverable, yearEnd);
    latestOf('annual report', latest, deliverable, yearEnd);
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  return {
    reports: {
      quarter: windows.quarter.label,
      due: current.due,
      onTime: current.onTime,
      late: current.late,
      pendingOverdue: current.overdue,
      onTimeRate: current.due === 0 ? null : round2(current.onTime / current.due),
      upcoming,
      overdue,
    },
    current,
    previous,
    manager: {
      monthlyReports,
      midYearSurvey: statusLine(latest.get('mid-year report'), today),
      annualReport: statusLine(latest.get('annual report'), today),
    },
  };
}
