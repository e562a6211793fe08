import { DEFAULT_TIME_ZONE } from '../shared/records/settings';

// Explicit scopes, each for a feature that needs it, and no more: the web app opens each CIL's
// spreadsheet by id (spreadsheets), setup creates or adopts the CIL's existing Drive folder tree, which
// DriveApp can only do with the drive scope, reports are Docs (documents), mail goes through MailApp's
// send-only scope rather than Gmail's, the schedule manages its own triggers, the Sheets menu and
// sidebar need container.ui, and the lead's address comes from userinfo.email.
export const oauthScopes = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/userinfo.email',
] as const;

export const appsScriptManifest = {
  timeZone: DEFAULT_TIME_ZONE,
  runtimeVersion: 'V8',
  exceptionLogging: 'STACKDRIVER',
  oauthScopes,
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
