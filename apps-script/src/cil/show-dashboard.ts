import { DASHBOARD_TAB_NAME } from './dashboard-tab';

/** Entry point (menu "Show dashboard"): brings the open spreadsheet's Dashboard tab to the front. */
export function showDashboardFromMenu(): void {
  const dashboard = SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName(DASHBOARD_TAB_NAME) ?? null;
  if (dashboard !== null) {
    dashboard.activate();
    return;
  }
  const ui = SpreadsheetApp.getUi();
  ui.alert('Show dashboard', `This spreadsheet has no "${DASHBOARD_TAB_NAME}" tab. Run CIL Hub › Set up this CIL… to make it.`, ui.ButtonSet.OK);
}
