import { googleErrors } from '../google-errors';

// What a script may call in each authorization mode
// (developers.google.com/apps-script/guides/triggers#restrictions and …/add-ons/concepts/editor-auth-lifecycle).
// A simple trigger such as onOpen runs in LIMITED mode: it may touch the file it is bound to and build
// menus, but not call services that need the user's authorization (mail, Drive, other files,
// triggers). Before an add-on is authorized, onOpen runs in NONE mode and may only add menus.

export type AuthMode = 'FULL' | 'LIMITED' | 'NONE';

const scopeOf: Record<string, string> = {
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  DriveApp: 'https://www.googleapis.com/auth/drive',
  DocumentApp: 'https://www.googleapis.com/auth/documents',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  'SpreadsheetApp.openById': 'https://www.googleapis.com/auth/spreadsheets',
  'SpreadsheetApp.openByUrl': 'https://www.googleapis.com/auth/spreadsheets',
  'SpreadsheetApp.create': 'https://www.googleapis.com/auth/spreadsheets',
};

/** Methods a script may call before it is authorized (NONE): adding its menu and nothing else. */
const allowedWithoutAuthorization = /^(SpreadsheetApp\.getUi|Ui\.(createAddonMenu|createMenu)|Menu\.(addItem|addSeparator|addSubMenu|addToUi)|console\..*|Logger\.log)$/;

/** The refusal for calling `method` (e.g. 'MailApp.sendEmail') in this mode, or null when allowed. */
export function refusalFor(mode: AuthMode, method: string): string | null {
  if (mode === 'FULL') return null;
  if (mode === 'NONE') return allowedWithoutAuthorization.test(method) ? null : googleErrors.permissionDenied(method, 'the user to authorize the add-on');
  const service = method.split('.')[0]!;
  const scope = scopeOf[method] ?? scopeOf[service];
  return scope ? googleErrors.permissionDenied(method, scope) : null;
}
