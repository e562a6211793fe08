import { DEFAULT_TIME_ZONE } from '../shared/records/settings';

// The narrowest scopes that do the job: the add-on only touches the spreadsheet it is opened in
// (plus the CIL folder it creates through Drive's per-file scope), sends mail through MailApp rather
// than Gmail's restricted scope, and manages its own triggers.
export const oauthScopes = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/drive.file',
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
};
