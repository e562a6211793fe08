import { googleErrors } from '../google-errors';

// What a script may call, by authorization mode and by the OAuth scopes its manifest declares
// (developers.google.com/apps-script/concepts/scopes, …/guides/triggers#restrictions,
// …/add-ons/concepts/editor-auth-lifecycle). A simple trigger such as onOpen runs in LIMITED mode: it
// may touch the file it is bound to and build menus, not call services that need the user's
// authorization. Before an add-on is authorized, onOpen runs in NONE mode and may only add menus.
// In FULL mode, a manifest with explicit `oauthScopes` is all the script gets: a call whose service
// needs a scope the manifest lacks fails, as it would after deployment.

export type AuthMode = 'FULL' | 'LIMITED' | 'NONE';

const scope = (name: string) => `https://www.googleapis.com/auth/${name}`;

/** The scopes that allow a call (any one of them), by 'Service.method' or by service. */
const scopesAllowing: Record<string, string[]> = {
  MailApp: [scope('script.send_mail'), 'https://mail.google.com/'],
  DriveApp: [scope('drive')],
  'DocumentApp.create': [scope('documents')],
  'DocumentApp.openById': [scope('documents')],
  'DocumentApp.openByUrl': [scope('documents')],
  'DocumentApp.getActiveDocument': [scope('documents'), scope('documents.currentonly')],
  'ScriptApp.newTrigger': [scope('script.scriptapp')],
  'ScriptApp.getProjectTriggers': [scope('script.scriptapp')],
  'ScriptApp.getUserTriggers': [scope('script.scriptapp')],
  'ScriptApp.deleteTrigger': [scope('script.scriptapp')],
  'SpreadsheetApp.openById': [scope('spreadsheets')],
  'SpreadsheetApp.openByUrl': [scope('spreadsheets')],
  'SpreadsheetApp.create': [scope('spreadsheets')],
  'SpreadsheetApp.getActiveSpreadsheet': [scope('spreadsheets'), scope('spreadsheets.currentonly')],
  'SpreadsheetApp.getActive': [scope('spreadsheets'), scope('spreadsheets.currentonly')],
  'SpreadsheetApp.getUi': [scope('script.container.ui')],
  'Session.getActiveUser': [scope('userinfo.email')],
  'Session.getEffectiveUser': [scope('userinfo.email')],
};

/** Services a simple trigger may not use at all: they need the user's authorization. */
const limitedModeDenies = new Set(['MailApp', 'DriveApp', 'DocumentApp', 'ScriptApp', 'SpreadsheetApp.openById', 'SpreadsheetApp.openByUrl', 'SpreadsheetApp.create']);

/** Methods a script may call before it is authorized (NONE): adding its menu and nothing else. */
const allowedWithoutAuthorization = /^(SpreadsheetApp\.getUi|Ui\.(createAddonMenu|createMenu)|Menu\.(addItem|addSeparator|addSubMenu|addToUi)|Logger\.log)$/;

/**
 * The refusal for calling `method` (e.g. 'MailApp.sendEmail'), or null when it is allowed.
 * `grantedScopes` is the manifest's `oauthScopes`, or null when the manifest leaves them to Apps
 * Script to infer.
 */
export function refusalFor(mode: AuthMode, method: string, grantedScopes: readonly string[] | null): string | null {
  const service = method.split('.')[0]!;
  if (mode === 'NONE') {
    return allowedWithoutAuthorization.test(method) ? null : googleErrors.permissionDenied(method, 'the user to authorize the add-on');
  }
  const allowing = scopesAllowing[method] ?? scopesAllowing[service];
  if (mode === 'LIMITED' && (limitedModeDenies.has(method) || limitedModeDenies.has(service))) {
    return googleErrors.permissionDenied(method, allowing?.[0] ?? 'the user to authorize the script');
  }
  if (allowing && grantedScopes && !allowing.some((s) => grantedScopes.includes(s))) {
    return googleErrors.permissionDenied(method, allowing[0]!);
  }
  return null;
}
