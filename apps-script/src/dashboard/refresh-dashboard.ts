import type { CilEvaluation, CilRecords } from '../../../shared/accountability';
import { dashboardOf, type DashboardHeadline, type DashboardRecords, type QuarterlyReview } from '../../../shared/dashboard';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { instantFromDate } from '../../../shared/time/instant';
import { dayOf } from '../../../shared/time/zone';
import { readCilRecords } from '../accountability/cil-records';
import { DASHBOARD_TAB_NAME } from '../cil/dashboard-tab';
import type { OpenCil } from '../cil/open-cil';
import { busyForLead, LEAD_ACTION_LOCK_WAIT_MS, withScriptLock } from '../google/script-lock';
import { TabProblem, warnInvalidRows } from '../google/tab-sheet';
import { readCitizens } from '../records/citizens';
import { readStories } from '../records/stories';
import { rosterCil } from '../roster/roster-cil';
import { dashboardLayout } from './dashboard-layout';
import { writeDashboardSheet } from './dashboard-sheet';
import { messageOf } from '../error-message';

// Refreshing a CIL's Dashboard tab (issue 8): read each tab once (the rules engine's tabs through
// readCilRecords, then Stories and Citizens), work out every figure in shared/dashboard, and write the
// tab in a fixed number of calls. The daily run refreshes it after its check, from the records and
// evaluation as the check left them; a lead refreshes it from the menu or the homepage card. Each runs
// as whoever started it, so the tab's protection only warns (apps-script/src/cil/dashboard-tab.ts).

/** What a refresh wrote, for the menu, the homepage card and the daily run's result. */
export interface DashboardRefresh {
  cilId: string;
  name: string;
  today: CalendarDay;
  headline: DashboardHeadline;
  /** The quarter's KPIs: how many met their targets, how many are behind. */
  review: Pick<QuarterlyReview, 'quarter' | 'met' | 'behind'>;
  /** Rows in the at-risk list (standing at risk or inactive). */
  atRisk: number;
}

const EFFECT = 'the dashboard does not count them';

/** The tabs the dashboard reads besides the rules engine's, one read each. */
function dashboardRecordsOf(cil: OpenCil, records: CilRecords): DashboardRecords {
  const timeZone = cil.settings.timeZone;
  const stories = readStories(cil.spreadsheet, timeZone);
  warnInvalidRows('Stories', stories.invalid, EFFECT);
  const citizens = readCitizens(cil.spreadsheet, timeZone);
  warnInvalidRows('Citizens', citizens.invalid, EFFECT);
  return {
    ...records,
    projects: records.projects ?? [],
    stories: stories.rows.map((row) => row.record),
    citizens: citizens.rows.map((row) => row.record),
  };
}

/** Works out the figures and writes the tab; `evaluation` is the rules engine's for the same records and moment, when the caller has it. */
function refreshOpenCil(cil: OpenCil, records: CilRecords, now: Date, evaluation?: CilEvaluation): DashboardRefresh {
  const sheet = cil.spreadsheet.getSheetByName(DASHBOARD_TAB_NAME);
  if (!sheet) throw new TabProblem(`The "${DASHBOARD_TAB_NAME}" tab is missing. Run CIL Hub › Set up this CIL to restore it.`);
  const today = evaluation?.today ?? dayOf(now, cil.settings.timeZone);
  const dashboard = dashboardOf({
    records: dashboardRecordsOf(cil, records),
    today,
    now: evaluation?.now ?? instantFromDate(now),
    settings: cil.settings,
    ...(evaluation ? { evaluation } : {}),
  });
  writeDashboardSheet(sheet, dashboardLayout(dashboard, cil.settings.timeZone));
  return {
    cilId: cil.registered.id,
    name: cil.registered.name,
    today,
    headline: dashboard.headline,
    review: { quarter: dashboard.review.quarter, met: dashboard.review.met, behind: dashboard.review.behind },
    atRisk: dashboard.atRisk.length,
  };
}

/**
 * The daily run's refresh, after its check of the CIL is written (under the lock it holds): from the
 * records as the check left them and their evaluation, so only Stories, Citizens and the Dashboard are
 * added. A problem is logged, never thrown: the check itself has been done.
 */
export function refreshAfterCheck(cil: OpenCil, records: CilRecords, evaluation: CilEvaluation): void {
  try {
    refreshOpenCil(cil, records, new Date(), evaluation);
  } catch (error) {
    console.warn(`CIL Hub: the dashboard of "${cil.settings.cilName}" was not refreshed: ${messageOf(error)}`);
  }
}

/** Rewrites the Dashboard of the CIL named by id (else of the open spreadsheet, else of the only CIL), waiting up to `lockWaitMs` for the script lock. */
export function refreshDashboardWithin(lockWaitMs: number, cilId?: string | null): DashboardRefresh {
  const cil = rosterCil(cilId);
  return withScriptLock(lockWaitMs, () => refreshOpenCil(cil, readCilRecords(cil).records, new Date()), busyForLead);
}

/** Entry point: rewrites the Dashboard tab of the CIL named by id, else of the spreadsheet the lead has open, else of the only CIL served. */
export function refreshDashboard(cilId?: string | null): DashboardRefresh {
  return refreshDashboardWithin(LEAD_ACTION_LOCK_WAIT_MS, cilId);
}

/** What a refresh did, in a sentence a lead reads (the menu's alert, the card's notification). */
export function describeRefresh(refresh: DashboardRefresh): string {
  const { quarter, met, behind } = refresh.review;
  return `Refreshed the Dashboard of ${refresh.name}: ${refresh.atRisk} on the at-risk list; ${quarter} targets: ${met} met, ${behind} behind.`;
}

/**
 * Entry point (menu "Refresh dashboard"): refreshes the open spreadsheet's Dashboard and says what it
 * did, or what stopped it, in an alert; never Google's bare error.
 */
export function refreshDashboardFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  let text: string;
  try {
    text = describeRefresh(refreshDashboard());
  } catch (error) {
    text = `The Dashboard was not refreshed: ${messageOf(error)}`;
  }
  ui.alert('Refresh dashboard', text, ui.ButtonSet.OK);
}
