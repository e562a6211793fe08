import { biweeklyUpdate } from './biweekly-update';
import { annualReport, midYearReport } from './cil-review';
import { discoveryResearch } from './discovery-research';
import { eventsMeetups } from './events-meetups';
import { monthlyProgress } from './monthly-progress';
import { projectClosure } from './project-closure';
import type { ReportKind } from './report-kind';
import { quarterlyStory } from './quarterly-story';
import { weeklySummary } from './weekly-summary';

// Every report the handbook asks a CIL for, in the order a lead meets them: the week, two weeks, the
// month, the project reports, the quarter, then the manager's mid-year and annual reports.

export const REPORT_CATALOG: readonly ReportKind[] = [
  weeklySummary,
  biweeklyUpdate,
  monthlyProgress,
  discoveryResearch,
  projectClosure,
  eventsMeetups,
  quarterlyStory,
  midYearReport,
  annualReport,
];

export function reportKindNamed(kind: string): ReportKind | undefined {
  return REPORT_CATALOG.find((report) => report.kind === kind);
}
