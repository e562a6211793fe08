// Every exception text the sandbox throws, in one place, worded as Google words them (texts observed
// from Apps Script; see ../shared PLATFORM-NOTES "Exception texts observed in the wild"). Where
// Google's wording is not known, the text says plainly what was refused.

/** Apps Script surfaces service failures as errors named "Exception" ("Exception: <message>"). */
export class GoogleException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export const googleErrors = {
  rowsMismatch: (dataRows: number, rangeRows: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${dataRows} but the range has ${rangeRows}.`,
  columnsMismatch: (dataColumns: number, rangeColumns: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${dataColumns} but the range has ${rangeColumns}.`,
  rowsAtLeastOne: () => 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: () => 'The number of columns in the range must be at least 1.',
  startingRowTooSmall: () => 'The starting row of the range is too small.',
  startingColumnTooSmall: () => 'The starting column of the range is too small.',
  columnsOutOfBounds: () => 'Those columns are out of bounds.',
  rowsOutOfBounds: () => 'Those rows are out of bounds.',
  invalidCoordinates: () => 'The coordinates or dimensions of the range are invalid.',
  rangeNotFound: (a1: string) => `Range not found: ${a1}`,
  cellLimit: (limit: number) =>
    `This action would increase the number of cells in the workbook above the limit of ${limit.toLocaleString('en-US')} cells.`,
  sheetNameTaken: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  deleteOnlySheet: () => 'This operation is not supported: a spreadsheet must have at least one visible sheet.',
  sheetNotFound: () => 'The sheet was deleted or could not be found.',
  spreadsheetNotFound: (id: string) =>
    `Unexpected error while getting the method or property openById on object SpreadsheetApp. (no spreadsheet with id ${id})`,
  documentNotFound: (id: string) =>
    `Unexpected error while getting the method or property openById on object DocumentApp. (no document with id ${id})`,
  driveItemNotFound: () => 'No item with the given ID could be found, or you do not have permission to access it.',
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
  invalidEmail: (email: string) => `Invalid email: ${email}`,
  // Google's wording is not known; its documentation says only that removing the group throws.
  removingOwnGroup: (group: string) =>
    `You can't remove ${group} from the editors of this protected range: your own edit access comes through it. Add yourself as an editor first.`,
  tooManyTriggers: () =>
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  triggerHourOutOfRange: () => 'The hour must be between 0 and 23.',
  triggerIntervalInvalid: (unit: string, allowed: string) => `The ${unit} interval must be one of ${allowed}.`,
  lockTimeout: () => 'Lock timeout: another process was holding the lock for too long.',
  propertyValueTooLarge: () => 'Argument too large: value',
  propertyStoreFull: () =>
    'You have exceeded the property storage quota. Please remove some properties and try again.',
  cacheValueTooLarge: () => 'Argument too large: value',
  mailQuotaExceeded: () => 'Service invoked too many times for one day: email.',
  tooManyRecipients: () => 'Limit Exceeded: Email Recipients Per Message.',
  serviceTooManyTimes: (service: string) => `Service invoked too many times for one day: ${service}.`,
  executionTimeLimit: () => 'Exceeded maximum execution time',
  scriptFunctionNotFound: (name: string) => `Script function not found: ${name}`,
  permissionDenied: (method: string, required: string) =>
    `You do not have permission to call ${method}. Required permissions: ${required}`,
  // ScriptApp, LockService, CacheService, HtmlService and CardService: wording not known from Google
  // unless noted; these say plainly what was refused.
  triggerMinuteOutOfRange: () => 'The minute must be between 0 and 59.',
  triggerIntervalNotPositive: (unit: string) => `The ${unit} interval must be a positive whole number.`,
  triggerRecurrenceConflict: (existing: string, added: string) =>
    `The clock trigger already runs ${existing}; it cannot also run ${added}.`,
  triggerTimeOfDayNeedsDays: () =>
    'atHour and nearMinute can only be used with everyDays, everyWeeks, onWeekDay or atDate.',
  triggerWithoutSchedule: () =>
    'The clock trigger has no schedule: call everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay, at, atDate or after before create().',
  triggerWithoutEvent: () =>
    'The spreadsheet trigger has no event: call onOpen, onEdit, onChange or onFormSubmit before create().',
  triggerNotFound: () => 'The trigger was deleted or could not be found.',
  cacheKeyTooLong: () => 'Argument too large: key',
  htmlFileNotFound: (name: string) => `No HTML file named ${name} was found.`,
  htmlTemplateNotDefined: (name: string) => `ReferenceError: ${name} is not defined`,
  htmlTemplateUnsupported: (code: string) =>
    `The sandbox's HtmlTemplate evaluates only <?= name ?> and <?!= name ?> (a property of the template or a dotted path into one); it cannot evaluate: ${code}`,
  htmlTemplateUnclosed: () => 'Unterminated scriptlet: a <? has no matching ?>.',
  htmlMetaTagNotAllowed: (name: string) => `The meta tag "${name}" is not allowed.`,
  cardWithoutSections: () => 'Card must have at least one section.',
  cardSectionWithoutWidgets: () => 'Card section must have at least one widget.',
  cardFieldMissing: (widget: string, field: string) => `${widget} must have ${field}.`,
  cardButtonWithoutAction: () => 'A button must have an action or a link.',
  cardActionParameterNotString: (key: string) => `Action parameters must be strings; the value of "${key}" is not.`,
  // Drive, Docs, Mail, Utilities
  signatureMismatch: (args: readonly unknown[], method: string) =>
    `The parameters (${args.map(scriptTypeName).join(',')}) don't match the method signature for ${method}.`,
  iteratorEnd: () => 'Cannot retrieve the next object: iterator has reached the end.',
  conversionNotSupported: (from: string, to: string) => `Converting from ${from} to ${to} is not supported.`,
  driveRootImmutable: () => 'The root folder of My Drive cannot be moved, renamed or trashed.',
  driveFolderIntoItself: () => 'A folder cannot be moved into itself or into one of its own subfolders.',
  driveContentTooLarge: () => 'File content is larger than the maximum of 10 MB.',
  driveNotABlobFile: (mimeType: string) => `The content of a file of type ${mimeType} cannot be set.`,
  documentUrlNotFound: (url: string) =>
    `Unexpected error while getting the method or property openByUrl on object DocumentApp. (no document at ${url})`,
  documentClosed: () => 'Document is closed, its contents cannot be updated.',
  documentTooLarge: (limit: number) =>
    `The document would exceed the maximum of ${limit.toLocaleString('en-US')} characters.`,
  childIndexOutOfRange: (index: number, count: number) =>
    `Child index (${index}) must be less than the number of child elements (${count}).`,
  insertIndexOutOfRange: (index: number, count: number) =>
    `Index (${index}) must be less than or equal to the number of child elements (${count}).`,
  notAChild: () => 'Element does not contain the specified child element.',
  lastParagraph: () => "Can't remove the last paragraph in a document section.",
  elementCast: (from: string, to: string) => `An element of type ${from} cannot be used as ${to}.`,
  invalidSearchPattern: (pattern: string) =>
    `Invalid regular expression pattern (Docs uses RE2: no lookaround, no backreferences): ${pattern}`,
  mailNoRecipient: () => 'Failed to send email: no recipient',
  mailBodyTooLarge: () => 'Limit Exceeded: Email Body Size.',
  mailAttachmentsTooLarge: () => 'Limit Exceeded: Email Total Attachments Size.',
  mailTooManyAttachments: () => 'Limit Exceeded: Email Attachments Per Message.',
  base64DecodeFailed: () => 'Could not decode string.',
  sleepTooLong: (max: number) => `Argument too large: milliseconds (the maximum is ${max}).`,
  illegalPatternCharacter: (c: string) => `Illegal pattern character '${c}'`,
  unterminatedQuote: () => 'Unterminated quote',
  unsupportedCharset: (charset: string) => `Unsupported charset: ${charset}`,
  // SpreadsheetApp (the first three as Google words them; the rest say plainly what was refused)
  cellTooLong: () => 'Your input contains more than the maximum of 50000 characters in a single cell.',
  uiUnavailable: () => 'Cannot call SpreadsheetApp.getUi() from this context.',
  deleteAllNonFrozenRows: () => 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllNonFrozenColumns: () => 'Sorry, it is not possible to delete all non-frozen columns.',
  invalidCellValue: (kind: string) =>
    `Invalid argument: value. A cell holds a number, string, boolean, Date or nothing; got ${kind}.`,
  hideAllSheets: () => "You can't hide all the sheets in a document.",
  freezeAllRows: () => "You can't freeze all visible rows on the sheet.",
  freezeAllColumns: () => "You can't freeze all visible columns on the sheet.",
  cellReferenceOutOfRange: () => 'Cell reference out of range',
  rangeOnOtherSheet: () => 'The range must be on the same sheet.',
  validationWithoutCriteria: () => 'The data validation rule has no criteria: call one of the require… methods before build().',
  conditionalFormatWithoutCondition: () => 'The conditional format rule has no condition: call one of the when… methods before build().',
  chartWithoutType: () => 'The chart has no type: call setChartType or one of the as…Chart methods before build().',
  chartNotFound: () => 'The chart was removed or could not be found.',
  protectionRemoved: () => 'The protection was removed or could not be found.',
  // As Google words it (Sheets' own message, seen from Apps Script and the Sheets API alike).
  protectedCell: () => 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  columnLimit: (limit: number) =>
    `This action would increase the number of columns in the workbook above the limit of ${limit} columns.`,
  uiResponseNotOffered: (button: string, offered: string) =>
    `The scripted UI response ${button} is not one of the dialog's buttons (${offered}).`,
  elementNotDetached: () => 'Element must be detached.',
  // Google does not document what $ and \ do in a Docs replaceText replacement (regex engines read
  // them as group references and escapes), so the sandbox refuses them rather than guess.
  replacementUnknown: (replacement: string) =>
    `The sandbox refuses a replaceText replacement holding $ or \\ (${replacement}): Google does not document what they do there. Insert such text with Text.insertText.`,
} as const;

/** How Apps Script names an argument's type in a signature mismatch: (String,number,Object[]). */
function scriptTypeName(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (value instanceof Date) return 'Date';
  if (Array.isArray(value)) return 'Object[]';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'number':
      return 'number';
    default:
      return 'Object';
  }
}

export function fail(message: string): never {
  throw new GoogleException(message);
}
