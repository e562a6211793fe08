import { escapeHtml } from '../ui/html';

// Every error the sandbox's Sheets v4 and Drive v3 REST endpoints answer, in one place, shaped as
// Google shapes them. The two APIs differ:
// - Sheets v4 answers a google.rpc.Status as JSON: { error: { code, message, status, details? } }
//   (bodies observed from the API: 'Unable to parse range: …' with status INVALID_ARGUMENT; the 429
//   with an ErrorInfo detail of reason RATE_LIMIT_EXCEEDED).
// - Drive v3 answers the older form with an `errors` list of { domain, reason, message, location,
//   locationType } (developers.google.com/drive/api/guides/handle-errors); authentication failures,
//   raised before the API is reached, carry `status` as well.
// Where Google's wording is not known, the text says plainly what was refused.

export interface DriveErrorItem {
  domain: string;
  reason: string;
  message: string;
  location?: string;
  locationType?: string;
}

export interface RestErrorBody {
  error: { code: number; message: string; status?: string; errors?: DriveErrorItem[]; details?: unknown[] };
}

/** An answer other than 200, thrown by an endpoint and sent by the server as it is. */
export class RestError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly body: RestErrorBody,
  ) {
    super(body.error.message);
  }
}

const STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
};

/** The made-up Cloud project the sandbox's quota is counted against (Google names the caller's). */
export const SANDBOX_PROJECT_NUMBER = '000000000000';

const sheets = (code: number, message: string, details?: unknown[]) =>
  new RestError(code, { error: { code, message, status: STATUS[code]!, ...(details ? { details } : {}) } });

const drive = (code: number, message: string, reason: string, location?: string, locationType = 'parameter') =>
  new RestError(code, {
    error: {
      code,
      message,
      errors: [{ domain: 'global', reason, message, ...(location === undefined ? {} : { location, locationType }) }],
    },
  });

const MISSING_CREDENTIAL =
  'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

export const sheetsErrors = {
  unauthenticated: () => sheets(401, MISSING_CREDENTIAL),
  notFound: () => sheets(404, 'Requested entity was not found.'),
  noPermission: () => sheets(403, 'The caller does not have permission'),
  protectedCell: () =>
    sheets(403, 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.'),
  /** "Per minute per user per project" (developers.google.com/sheets/api/limits). */
  quotaExceeded: (kind: 'Read' | 'Write', limit: number) =>
    sheets(
      429,
      `Quota exceeded for quota metric '${kind} requests' and limit '${kind} requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:${SANDBOX_PROJECT_NUMBER}'.`,
      [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'RATE_LIMIT_EXCEEDED',
          domain: 'googleapis.com',
          metadata: {
            quota_metric: `sheets.googleapis.com/${kind.toLowerCase()}_requests`,
            quota_limit: `${kind}RequestsPerMinutePerUser`,
            quota_limit_value: String(limit),
            service: 'sheets.googleapis.com',
            consumer: `projects/${SANDBOX_PROJECT_NUMBER}`,
          },
        },
      ],
    ),
  unableToParseRange: (range: string) => sheets(400, `Unable to parse range: ${range}`),
  exceedsGridLimits: (range: string, maxRows: number, maxColumns: number) =>
    sheets(400, `Range (${range}) exceeds grid limits. Max rows: ${maxRows}, max columns: ${maxColumns}`),
  writingOutsideRange: (range: string, line: 'row' | 'column', at: string | number) =>
    sheets(400, `Requested writing within range [${range}], but tried writing to ${line} [${at}]`),
  bodyRangeMismatch: (pathRange: string, bodyRange: string) =>
    sheets(400, `Requested range [${pathRange}] and the range in the body [${bodyRange}] differ.`),
  invalidEnum: (field: string, type: string, value: string) =>
    sheets(400, `Invalid value at '${field}' (type.googleapis.com/google.apps.sheets.v4.${type}), "${value}"`),
  valueInputOptionRequired: () => sheets(400, "'valueInputOption' is required but not specified"),
  invalidJson: (detail: string) => sheets(400, `Invalid JSON payload received. ${detail}`),
  bodyNotObject: () => sheets(400, 'Invalid JSON payload received. The body must be a JSON object.'),
  notAList: (at: string, value: string) =>
    sheets(400, `Invalid JSON payload received. Invalid value at '${at}' (type.googleapis.com/google.protobuf.ListValue), ${value}`),
  unknownField: (name: string, at: string) => sheets(400, `Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`),
  invalidCell: (at: string, value: string) => sheets(400, `Invalid ${at}: ${value}`),
  cellTooLong: (at: string) => sheets(400, `Invalid ${at}: Your input contains more than the maximum of 50000 characters in a single cell.`),
  cellLimit: (limit: number) => sheets(400, `This action would increase the number of cells in the workbook above the limit of ${limit} cells.`),
  noRequestSet: (index: number) => sheets(400, `Invalid requests[${index}]: No request set.`),
  /** Not Google's: a request kind the sandbox does not model (Google knows some 60). */
  requestUnsupported: (index: number, kind: string, modelled: readonly string[]) =>
    sheets(400, `Invalid requests[${index}]: the sandbox answers ${modelled.join(', ')}; not ${kind}.`),
  sheetNameTaken: (at: string, name: string) =>
    sheets(400, `Invalid ${at}: A sheet with the name "${name}" already exists. Please enter another name.`),
  sheetIdTaken: (at: string, id: number) => sheets(400, `Invalid ${at}: A sheet with the id ${id} already exists.`),
  noGrid: (at: string, id: unknown) => sheets(400, `Invalid ${at}: No grid with id: ${String(id)}`),
  removeAllSheets: (at: string) => sheets(400, `Invalid ${at}: You can't remove all the sheets in a document.`),
  hideAllSheets: (at: string) => sheets(400, `Invalid ${at}: You can't hide all the sheets in a document.`),
  fieldsRequired: (at: string) => sheets(400, `Invalid ${at}: 'fields' must name the properties to update (e.g. "title" or "*").`),
  invalidField: (at: string, field: string) => sheets(400, `Invalid ${at}: no such field to update: ${field}`),
  oneRequestKind: (at: string, kinds: readonly string[]) => sheets(400, `Invalid ${at}: a request sets exactly one kind of change, not ${kinds.join(' and ')}.`),
  titleInvalid: (at: string) => sheets(400, `Invalid ${at}: the title must be a non-empty string.`),
  sheetTypeUnsupported: (at: string) => sheets(400, `Invalid ${at}: the sandbox makes GRID sheets only.`),
  sheetIdInvalid: (at: string) => sheets(400, `Invalid ${at}: sheetId must be a non-negative integer.`),
  gridPropertyInvalid: (at: string, property: string, least: number) => sheets(400, `Invalid ${at}: ${property} must be an integer of at least ${least}.`),
  indexOutOfRange: (at: string, last: number) => sheets(400, `Invalid ${at}: index must be an integer from 0 to ${last}.`),
  freezeAll: (at: string) => sheets(400, `Invalid ${at}: You can't freeze all visible rows or columns on the sheet.`),
  unknownTimeZone: (value: string) => sheets(400, `Invalid properties.timeZone: unknown time zone ${value}.`),
  unknownLocale: (value: string) => sheets(400, `Invalid properties.locale: unknown locale ${value}.`),
  /** Not Google's: the sandbox keeps no per-cell formatting to return as grid data. */
  gridDataUnsupported: () => sheets(400, 'The sandbox does not return grid data: read cells with spreadsheets.values.get or batchGet.'),
};

export const driveErrors = {
  unauthenticated: () =>
    new RestError(401, {
      error: {
        code: 401,
        message: MISSING_CREDENTIAL,
        errors: [{ message: 'Login Required.', domain: 'global', reason: 'required', location: 'Authorization', locationType: 'header' }],
        status: 'UNAUTHENTICATED',
      },
    }),
  fileNotFound: (id: string) => drive(404, `File not found: ${id}.`, 'notFound', 'fileId'),
  insufficientFilePermissions: (id: string) =>
    drive(403, `The user does not have sufficient permissions for file ${id}.`, 'insufficientFilePermissions'),
  insufficientParentPermissions: () => drive(403, 'Insufficient permissions for the specified parent.', 'insufficientParentPermissions'),
  parentNotAFolder: () => drive(400, 'The specified parent is not a folder.', 'parentNotAFolder'),
  cannotAddParent: () => drive(403, 'Increasing the number of parents is not allowed.', 'cannotAddParent'),
  parentCycle: () => drive(400, 'A folder cannot be moved into itself or into a folder inside it.', 'badRequest'),
  invalidValue: (location: string) => drive(400, 'Invalid Value', 'invalid', location),
  outOfRange: (location: string, value: string, min: number, max: number) =>
    drive(400, `Invalid value '${value}'. Values must be within the range: [${min}, ${max}]`, 'invalid', location),
  invalidFieldSelection: (selection: string) => drive(400, `Invalid field selection ${selection}`, 'invalidParameter', 'fields'),
  fieldNotWritable: () => drive(403, 'The resource body includes fields which are not directly writable.', 'fieldNotWritable'),
  fieldRequired: (field: string) => drive(400, `The ${field} field is required.`, 'required', field),
  fileNotDownloadable: () =>
    drive(403, 'Only files with binary content can be downloaded. Use Export with Docs Editors files.', 'fileNotDownloadable', 'alt'),
  cannotCopyFile: () => drive(403, 'This file cannot be copied by the user.', 'cannotCopyFile'),
  rootNotModifiable: () => drive(403, 'The root folder of My Drive cannot be changed.', 'insufficientFilePermissions'),
  transferOwnershipRequired: () =>
    drive(403, "The transferOwnership parameter must be enabled when the permission role is 'owner'.", 'forbidden', 'transferOwnership'),
  uploadTypeRequired: () =>
    drive(400, 'Upload requests must include an uploadType URL parameter and a URL path beginning with /upload/', 'badRequest', 'uploadType'),
  notMultipart: () => drive(400, 'Malformed multipart body: expected multipart/related with a boundary.', 'badContent'),
  multipartUnclosed: () => drive(400, 'Malformed multipart body: the closing boundary is missing.', 'badContent'),
  multipartPartWithoutHeaders: () => drive(400, 'Malformed multipart body: a part has no headers.', 'badContent'),
  multipartParts: (found: number) => drive(400, `Malformed multipart body: expected 2 parts (metadata and content), found ${found}.`, 'badContent'),
  invalidJson: (detail: string) => drive(400, `Invalid JSON payload received. ${detail}`, 'parseError'),
  bodyNotObject: () => drive(400, 'Invalid JSON payload received. The body must be a JSON object.', 'parseError'),
  /** Not Google's: Drive converts such uploads; the sandbox stores Docs and Sheets only through their own APIs. */
  conversionUnsupported: (mimeType: string) =>
    drive(
      400,
      `The sandbox does not convert uploads into ${mimeType}: create the file empty, then fill it through its own API.`,
      'badRequest',
      'mimeType',
    ),
  /** Not Google's: the sandbox has no Forms, Slides or other Google file types. */
  googleTypeUnsupported: (mimeType: string) =>
    drive(400, `The sandbox makes folders, Google Sheets and Google Docs, not ${mimeType}.`, 'badRequest', 'mimeType'),
  /** Not Google's: resumable uploads are not modelled. */
  uploadTypeUnsupported: (uploadType: string) =>
    drive(400, `The sandbox takes uploadType=multipart or uploadType=media, not ${uploadType}.`, 'invalid', 'uploadType'),
  sharingTypeUnsupported: (type: string) =>
    drive(400, `The sandbox shares with users, groups and anyone with the link, not type '${type}'.`, 'invalidSharingRequest', 'permission.type'),
};

/**
 * The Apps Script API (script.googleapis.com) answers a refused request as Sheets does, with a
 * google.rpc.Status; a script that ran and failed is no refusal but a 200 Operation (apps-script-api.ts).
 */
export const scriptErrors = {
  unauthenticated: sheetsErrors.unauthenticated,
  /** An id that names no API executable deployment, as reported by callers (googleapis/google-api-nodejs-client #3311). */
  notFound: sheetsErrors.notFound,
  invalidJson: sheetsErrors.invalidJson,
  bodyNotObject: sheetsErrors.bodyNotObject,
  unknownField: (name: string) => sheets(400, `Invalid JSON payload received. Unknown name "${name}": Cannot find field.`),
  invalidValue: (field: string, type: string, value: string) => sheets(400, `Invalid JSON payload received. Invalid value at '${field}' (${type}), ${value}`),
};

/**
 * Not Google's: scripts.run returns only JSON values ("Functions called using the Apps Script API
 * cannot return Apps Script-specific objects", ExecutionResponse.result); what Google does with one is
 * not documented, so the sandbox fails the run rather than guess.
 */
export const unreturnableResult = (what: string) =>
  `The function returned ${what}, which scripts.run cannot return: return strings, numbers, booleans, null, and arrays and objects of them.`;

/** Google's front end answers an address no API serves with an HTML 404. */
export function unknownAddressPage(path: string): string {
  return (
    '<!DOCTYPE html>\n<html lang=en><meta charset=utf-8><title>Error 404 (Not Found)!!1</title><p><b>404.</b> <ins>That’s an error.</ins>' +
    `<p>The requested URL <code>${escapeHtml(path)}</code> was not found on this server.  <ins>That’s all we know.</ins>\n`
  );
}
