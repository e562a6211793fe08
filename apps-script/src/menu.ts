// The "CIL Hub" menu in the CIL spreadsheet. onOpen is a simple trigger: it runs in LIMITED (or, before
// the add-on is authorized, NONE) mode, where Drive, mail and other files are off limits, so it only
// builds the menu; each item runs its entry point with full authorization when chosen. (Published to
// the Marketplace, Google moves a top-level add-on menu under Extensions.)
//
// Only a script bound to the spreadsheet, or installed as an Editor add-on, gets onOpen: Google runs no
// simple trigger of a Google Workspace add-on (developers.google.com/workspace/add-ons/concepts/
// workspace-triggers), so a lead who installed CIL Hub only as the Workspace add-on has the homepage
// card (apps-script/src/card/) and no menu. README, "Give the lead the CIL Hub menu in Sheets".

export interface MenuItem {
  caption: string;
  /** An entry point exported from main.ts. */
  functionName: string;
}

/** A line between groups of items. */
export const SEPARATOR = { separator: true } as const;

/**
 * In menu order, in groups a lead reads top down: setting up, the records, enrollment, the
 * accountability check, reports and the dashboard. Every action is two clicks away. Adding an item is
 * one line here (and its export in main.ts).
 */
export const cilHubMenuItems: readonly (MenuItem | typeof SEPARATOR)[] = [
  { caption: 'Set up this CIL…', functionName: 'setUpThisCil' },
  SEPARATOR,
  { caption: 'Add volunteer…', functionName: 'openAddVolunteerSidebar' },
  { caption: 'Record meeting or event…', functionName: 'openRecordMeetingSidebar' },
  { caption: 'Log absence notice…', functionName: 'openAbsenceNoticeSidebar' },
  { caption: 'Add active citizen…', functionName: 'openAddCitizenSidebar' },
  { caption: 'Record story…', functionName: 'openRecordStorySidebar' },
  { caption: 'Link unmatched attendance…', functionName: 'openLinkAttendanceSidebar' },
  SEPARATOR,
  { caption: 'Send enrollment', functionName: 'sendEnrollmentFromMenu' },
  { caption: 'Revoke enrollment…', functionName: 'revokeEnrollmentFromMenu' },
  { caption: 'Re-issue enrollment…', functionName: 'reissueEnrollmentFromMenu' },
  SEPARATOR,
  { caption: 'Run check now', functionName: 'runCheckNowFromMenu' },
  { caption: 'Preview daily check…', functionName: 'openDailyCheckPreviewSidebar' },
  { caption: 'Review pending actions…', functionName: 'openPendingActionsSidebar' },
  { caption: 'Send deferred emails', functionName: 'sendDeferredMail' },
  { caption: 'Turn on schedule', functionName: 'turnOnScheduleFromMenu' },
  { caption: 'Turn off schedule', functionName: 'turnOffScheduleFromMenu' },
  SEPARATOR,
  { caption: 'Generate report…', functionName: 'openGenerateReportSidebar' },
  { caption: 'Show dashboard', functionName: 'showDashboardFromMenu' },
  { caption: 'Refresh dashboard', functionName: 'refreshDashboardFromMenu' },
];

const CIL_HUB_MENU = 'CIL Hub';

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(CIL_HUB_MENU);
  for (const item of cilHubMenuItems) {
    if ('separator' in item) menu.addSeparator();
    else menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}

/**
 * Runs when a lead installs CIL Hub as an Editor add-on from inside a spreadsheet: the spreadsheet is
 * already open, so onOpen has not run for it; building the menu now saves a reload
 * (developers.google.com/workspace/add-ons/concepts/editor-triggers).
 */
export function onInstall(): void {
  onOpen();
}
