import type { OpenCil } from '../cil/open-cil';
import { messageOf } from '../error-message';
import { rosterCil } from '../roster/roster-cil';

/**
 * Opens a sidebar for the CIL whose spreadsheet is open, or says in an alert why it cannot (not set up,
 * a tab missing). `sidebarTitle` when the sidebar's own heading differs from the menu item's words.
 */
export function showCilSidebar(title: string, page: (cil: OpenCil) => string, sidebarTitle = title): void {
  const ui = SpreadsheetApp.getUi();
  let content: string;
  try {
    content = page(rosterCil(undefined));
  } catch (error) {
    ui.alert(title, messageOf(error), ui.ButtonSet.OK);
    return;
  }
  ui.showSidebar(HtmlService.createHtmlOutput(content).setTitle(sidebarTitle));
}
