import { DEFAULT_TIME_ZONE } from '../shared/records/settings';

// Explicit scopes, each for a feature that needs it, and no more: the web app opens each CIL's
// spreadsheet by id (spreadsheets), setup creates or adopts the CIL's existing Drive folder tree, which
// DriveApp can only do with the drive scope, reports are Docs (documents), mail goes through MailApp's
// send-only scope rather than Gmail's, the schedule manages its own triggers, the Sheets menu and
// sidebar need container.ui, and the lead's address comes from userinfo.email.
// The Workspace add-on (the homepage card) adds two: drive.file, without which the card cannot ask
// Sheets for the open spreadsheet (the editors give an add-on a file's id only once the user granted
// drive.file for that file: developers.google.com/workspace/add-ons/editors/gsao/editor-actions), and
// calendar.addons.execute, which Google requires of any add-on shown in Calendar. Neither reaches data
// the scopes above do not already cover.
export const oauthScopes = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/calendar.addons.execute',
] as const;

// The Workspace add-on (developers.google.com/apps-script/manifest/addons): one homepage card, the
// same in Sheets, Drive and Calendar; in Sheets, once the lead lets it see the open spreadsheet,
// onFileScopeGranted shows that spreadsheet's CIL. Every function named here is an entry point.
// openLinkUrlPrefixes: the card's one link opens the CIL's spreadsheet at its Dashboard. Google asks
// an add-on to list the prefixes of the links it opens for a versioned deployment (a test deployment
// may leave it out), and requires it for links outside Google
// (developers.google.com/apps-script/manifest/allowlist-url); the one prefix says the add-on opens
// spreadsheets and nothing else.
export const addOns = {
  common: {
    name: 'CIL Hub',
    logoUrl: 'https://www.gstatic.com/images/icons/material/system_gm/1x/work_outline_black_18dp.png',
    homepageTrigger: { runFunction: 'onHomepage', enabled: true },
    openLinkUrlPrefixes: ['https://docs.google.com/spreadsheets/'],
  },
  sheets: { onFileScopeGrantedTrigger: { runFunction: 'onFileScopeGranted' } },
  drive: {},
  calendar: {},
};

export const appsScriptManifest = {
  timeZone: DEFAULT_TIME_ZONE,
  runtimeVersion: 'V8',
  exceptionLogging: 'STACKDRIVER',
  oauthScopes,
  addOns,
  webapp: {
    // Runs as the deployer so volunteers need no edit rights; the enrollment token is the access check.
    executeAs: 'USER_DEPLOYING',
    access: 'ANYONE_ANONYMOUS',
  },
  // `cil provision` runs setUpCil through the Apps Script API (scripts.run), which serves only a
  // deployment with an API executable entry point; MYSELF: only the deploying account may call it, so
  // every CIL's folder and registration belong to that one account, as the web app's writes do.
  executionApi: { access: 'MYSELF' },
};
