import { markText } from '../../../shared/records/cells';
import { headerKey } from '../../../shared/records/tab';
import type { SetupReport } from './setup-report';

// The Dashboard tab: the CIL's figures at a glance, written by CIL Hub, never by people (a typed figure
// would be overwritten, or worse, believed). Setup makes it last of CIL Hub's tabs with a title and a
// line saying so, and protects the whole sheet with a warning only: the tab is a view rewritten from
// the records, so the protection is there to stop an accidental edit, not a lead. Sheets holds a
// script to the protections of whoever runs it, and the Dashboard is refreshed by any lead (the menu,
// the card) and by the daily run as whoever turned the schedule on; an owner-only protection would
// refuse all of them but the owner. The daily run and CIL Hub › Refresh dashboard fill it
// (apps-script/src/dashboard/).

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const DASHBOARD_TAB_NAME = 'Dashboard';

/** How setup recognises its own protection among any a lead added. */
const DASHBOARD_PROTECTION = 'CIL Hub dashboard: CIL Hub rewrites this tab from the records every day, so an edit here would be replaced; Sheets warns before one.';

export interface DashboardWork {
  /** null: the tab is missing and will be made. */
  sheet: Sheet | null;
  protect: boolean;
}

export const newDashboardWork = (): DashboardWork => ({ sheet: null, protect: true });

/** What setup will do to the Dashboard, or the problem a lead must fix first. */
export function inspectDashboard(sheets: readonly Sheet[], names: readonly string[]): { ok: true; work: DashboardWork } | { ok: false; problem: string } {
  const at = names.indexOf(DASHBOARD_TAB_NAME);
  if (at < 0) {
    const near = names.find((name) => headerKey(name) === headerKey(DASHBOARD_TAB_NAME));
    if (near !== undefined) return { ok: false, problem: `The tab "${near}" must be named exactly "${DASHBOARD_TAB_NAME}"; rename it.` };
    return { ok: true, work: newDashboardWork() };
  }
  const sheet = sheets[at]!;
  const protectedByUs = sheet
    .getProtections(SpreadsheetApp.ProtectionType.SHEET)
    .some((protection) => protection.getDescription() === DASHBOARD_PROTECTION);
  return { ok: true, work: { sheet, protect: !protectedByUs } };
}

/** Makes the tab at `index` (titled for `cilName`) when missing, and protects it when it is not. Its cells are never rewritten here. */
export function writeDashboard(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, work: DashboardWork, index: number, cilName: string, report: SetupReport): void {
  let sheet = work.sheet;
  if (sheet === null) {
    sheet = spreadsheet.insertSheet(DASHBOARD_TAB_NAME, index);
    sheet
      .getRange(1, 1, 2, 1)
      .setValues([[markText(`${cilName} dashboard`)], [markText('Filled by CIL Hub on its daily run, or now with CIL Hub › Refresh dashboard. CIL Hub writes this tab; anything typed here is replaced.')]]);
    sheet.getRange(1, 1).setFontWeight('bold');
    report.created.push(`tab "${DASHBOARD_TAB_NAME}"`);
  } else {
    report.kept.push(`tab "${DASHBOARD_TAB_NAME}"`);
    if (work.protect) report.created.push(`protection of "${DASHBOARD_TAB_NAME}"`);
  }
  if (work.protect) sheet.protect().setDescription(DASHBOARD_PROTECTION).setWarningOnly(true);
}
