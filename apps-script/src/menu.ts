// The "CIL Hub" menu in the CIL spreadsheet. onOpen is a simple trigger: it runs in LIMITED (or, before
// the add-on is authorized, NONE) mode, where Drive, mail and other files are off limits, so it only
// builds the menu; each item runs its entry point with full authorization when chosen. (Published to
// the Marketplace, Google moves a top-level add-on menu under Extensions.)

export interface MenuItem {
  caption: string;
  /** An entry point exported from main.ts. */
  functionName: string;
}

/** In menu order; adding an item is one line here (and its export in main.ts). */
export const cilHubMenuItems: readonly MenuItem[] = [
  { caption: 'Set up this CIL…', functionName: 'setUpThisCil' },
  { caption: 'Add volunteer…', functionName: 'openAddVolunteerSidebar' },
  { caption: 'Send enrollment', functionName: 'sendEnrollmentFromMenu' },
  { caption: 'Revoke enrollment…', functionName: 'revokeEnrollmentFromMenu' },
  { caption: 'Re-issue enrollment…', functionName: 'reissueEnrollmentFromMenu' },
  { caption: 'Link unmatched attendance…', functionName: 'openLinkAttendanceSidebar' },
  { caption: 'Send deferred emails', functionName: 'sendDeferredMail' },
  { caption: 'Preview daily check…', functionName: 'openDailyCheckPreviewSidebar' },
  { caption: 'Review pending actions…', functionName: 'openPendingActionsSidebar' },
  { caption: 'Generate report…', functionName: 'openGenerateReportSidebar' },
  { caption: 'Turn on schedule', functionName: 'turnOnScheduleFromMenu' },
  { caption: 'Turn off schedule', functionName: 'turnOffScheduleFromMenu' },
];

const CIL_HUB_MENU = 'CIL Hub';

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(CIL_HUB_MENU);
  for (const item of cilHubMenuItems) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}
