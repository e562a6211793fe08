// The whole sandbox Workspace as plain data: everything a Google account would hold that CIL Hub
// touches. Services are views over this state; the state alone is what is saved to disk, so it holds
// no functions and no class instances other than Date.

import { MIME, newDriveItemState } from './services/drive-items';

export type CellValue = string | number | boolean | Date;

export interface GridRange {
  /** 1-based, as in Apps Script. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ProtectionState {
  id: string;
  range: GridRange | null; // null: the whole sheet is protected
  description: string;
  editors: string[];
  warningOnly: boolean;
  /** Whether every user of the Workspace domain may edit (Protection.setDomainEdit); absent means false. */
  domainEdit?: boolean;
  /** Sheet protections only: the ranges left editable inside the protected sheet; absent means none. */
  unprotectedRanges?: GridRange[];
}

export interface DataValidationState {
  range: GridRange;
  criteria: string; // e.g. 'VALUE_IN_LIST', 'DATE_IS_VALID_DATE', 'NUMBER_BETWEEN'
  args: CellValue[];
  allowInvalid: boolean;
  helpText: string;
  /** VALUE_IN_LIST and VALUE_IN_RANGE: whether the cell shows a dropdown. */
  showDropdown?: boolean;
  /** VALUE_IN_RANGE: where the allowed values live. */
  sourceRange?: GridRange & { sheetId: number };
}

export interface ConditionalFormatState {
  ranges: GridRange[];
  condition: string; // a BooleanCriteria name, e.g. 'CUSTOM_FORMULA', 'TEXT_EQUAL_TO'
  args: CellValue[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export interface ChartState {
  id: number;
  type: string; // e.g. 'LINE', 'COLUMN'
  /** The data; sheetId names the sheet it is on (a chart may plot another sheet's data). */
  ranges: (GridRange & { sheetId: number })[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, string | number | boolean>;
  /** Rows (or columns) of the data that are headers, when the script said (setNumHeaders); absent: Sheets guesses. */
  numHeaders?: number;
}

export interface SheetState {
  sheetId: number;
  name: string;
  /** Values from A1 to the data extent; rows are padded to the same width. Blank cells are ''. */
  values: CellValue[][];
  /**
   * Number formats by cell (row, then column, from A1); may reach past `values`, as blank cells can be
   * formatted. Missing or '' means 'General'.
   */
  numberFormats: string[][];
  // The next three are optional so that sheets written before they existed (or by hand in tests)
  // stay valid; SpreadsheetApp fills them in when it first touches the sheet.
  /** Formulas by 1-based 'row,column'; such a cell's entry in `values` is '' (formulas are not evaluated). */
  formulas?: Record<string, string>;
  /** Cell formatting set by the script (background, font, alignment, wrap), last setting last. */
  styles?: { range: GridRange; property: string; value: string | number | boolean | null }[];
  /** Column widths in pixels set by setColumnWidth, by 1-based column; others are 100. */
  columnWidths?: Record<string, number>;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  protections: ProtectionState[];
  validations: DataValidationState[];
  conditionalFormats: ConditionalFormatState[];
  charts: ChartState[];
}

export interface SpreadsheetState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetState[];
  nextSheetId: number;
}

export type DocumentElementState =
  | { type: 'paragraph'; text: string; heading: string; attributes: Record<string, string | number | boolean> }
  | { type: 'listItem'; text: string; nesting: number; glyph: string }
  | { type: 'table'; rows: string[][] }
  | { type: 'horizontalRule' }
  | { type: 'pageBreak' };

export interface DocumentState {
  id: string;
  name: string;
  body: DocumentElementState[];
}

export type SharingAccess = 'PRIVATE' | 'DOMAIN' | 'DOMAIN_WITH_LINK' | 'ANYONE' | 'ANYONE_WITH_LINK';
export type SharingPermission = 'VIEW' | 'COMMENT' | 'EDIT' | 'OWNER' | 'NONE';

export interface DriveItemState {
  id: string;
  kind: 'folder' | 'file';
  name: string;
  mimeType: string;
  parents: string[];
  owner: string;
  editors: string[];
  viewers: string[];
  sharing: { access: SharingAccess; permission: SharingPermission };
  description: string;
  created: Date;
  updated: Date;
  trashed: boolean;
  /** Blob files only: content as base64. Spreadsheets and documents keep theirs in their own state. */
  content?: string;
}

export interface MailMessageState {
  id: string;
  sentAt: Date;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string;
  name: string;
  subject: string;
  body: string;
  htmlBody: string;
  attachments: { name: string; mimeType: string; bytes: number }[];
  noReply: boolean;
}

export type TriggerSchedule =
  | { kind: 'everyMinutes'; minutes: number }
  | { kind: 'everyHours'; hours: number }
  | { kind: 'everyDays'; days: number; atHour: number | null; nearMinute: number | null }
  | { kind: 'everyWeeks'; weeks: number; onWeekDay: string; atHour: number | null; nearMinute: number | null }
  | { kind: 'at'; at: Date }
  /** An installable spreadsheet trigger: fired by the event, never by the clock. */
  | { kind: 'spreadsheetEvent'; event: 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT'; spreadsheetId: string };

export interface TriggerState {
  id: string;
  handler: string;
  owner: string;
  schedule: TriggerSchedule;
  createdAt: Date;
  nextRunAt: Date | null;
  /** The zone given to inTimezone(); null: the script's time zone. */
  timeZone: string | null;
}

export interface LockHoldState {
  /** An execution id; 'another-execution' for holds made by a test or the CLI. */
  holder: string;
  until: Date;
}

export interface CacheEntryState {
  value: string;
  expiresAt: Date;
}

export interface MenuState {
  spreadsheetId: string;
  title: string;
  items: ({ caption: string; functionName: string } | { separator: true } | { subMenu: string; items: { caption: string; functionName: string }[] })[];
}

export interface ShownUiState {
  at: Date;
  kind: 'alert' | 'prompt' | 'sidebar' | 'modalDialog' | 'modelessDialog' | 'toast';
  title: string;
  /** Alert and prompt text, toast message, or the HTML of a sidebar or dialog. */
  content: string;
}

export interface ExecutionRecord {
  id: string;
  functionName: string;
  /** How it started; 'api' is a run through the Apps Script API's scripts.run. */
  trigger: 'web app' | 'time-driven' | 'call' | 'menu' | 'simple trigger' | 'add-on' | 'api';
  startedAt: Date;
  endedAt: Date;
  status: 'completed' | 'failed';
  error: string | null;
  serviceCalls: number;
  cellsRead: number;
  cellsWritten: number;
}

export interface WorkspaceState {
  format: 'cil-hub-sandbox/1';
  clock: Date;
  user: { email: string; domain: string; accountType: 'consumer' | 'workspace' };
  scriptTimeZone: string;
  /**
   * Where the web app answers, as ScriptApp.getService().getUrl() reports it: the sandbox's own /exec;
   * null models a script not deployed as a web app, for which Google's getUrl() returns null.
   */
  webAppUrl: string | null;
  /** Google Groups, for sharing through a group: each group's address → its members' addresses. Absent: none. */
  groups?: Record<string, string[]>;
  drive: { rootFolderId: string; items: Record<string, DriveItemState> };
  spreadsheets: Record<string, SpreadsheetState>;
  documents: Record<string, DocumentState>;
  mail: { outbox: MailMessageState[]; recipientsByDay: Record<string, number> };
  triggers: TriggerState[];
  /** `user` and the user cache are kept per person (by address): each account sees only its own. */
  properties: { script: Record<string, string>; user: Record<string, Record<string, string>>; document: Record<string, Record<string, string>> };
  cache: { script: Record<string, CacheEntryState>; user: Record<string, Record<string, CacheEntryState>>; document: Record<string, Record<string, CacheEntryState>> };
  locks: { script: LockHoldState | null; user: LockHoldState | null; document: Record<string, LockHoldState | null> };
  /**
   * Spreadsheets whose `drive.file` scope the user granted the Workspace add-on (per file, from the
   * editor's side panel), so its event objects carry the file's id. Absent: none.
   */
  addOnFileScopes?: string[];
  /**
   * The script reaches the person only as a Google Workspace add-on (installed from its deployment or
   * the Marketplace), neither bound to the spreadsheets they open nor installed as an Editor add-on:
   * Google then runs none of its simple triggers ("Google Workspace add-ons can't use Apps Script
   * simple triggers", developers.google.com/workspace/add-ons/concepts/workspace-triggers), so opening
   * a spreadsheet builds no menu. Absent: false, the script is bound or an Editor add-on, as most tests want.
   */
  workspaceAddOnOnly?: boolean;
  /** What the add-on showed a person: its Sheets menu, and the dialogs, sidebars and alerts it opened. */
  ui: { menus: MenuState[]; shown: ShownUiState[] };
  executions: ExecutionRecord[];
  logs: { at: Date; execution: string; level: 'log' | 'info' | 'warn' | 'error'; message: string }[];
  /** Counter for ids the sandbox makes itself, so runs are reproducible. */
  nextId: number;
}

/** `cil-sandbox serve`'s address on its default port; serve records the one it really uses. */
export const SANDBOX_WEB_APP_URL = 'http://127.0.0.1:8787/exec';

export function emptyWorkspace(options: { now?: Date; email?: string; scriptTimeZone?: string } = {}): WorkspaceState {
  const now = options.now ?? new Date();
  const email = options.email ?? 'lead@cil-demo.example';
  const rootFolderId = 'root';
  return {
    format: 'cil-hub-sandbox/1',
    clock: now,
    user: { email, domain: email.split('@')[1] ?? '', accountType: 'consumer' },
    scriptTimeZone: options.scriptTimeZone ?? 'Asia/Karachi',
    webAppUrl: SANDBOX_WEB_APP_URL,
    drive: {
      rootFolderId,
      items: {
        [rootFolderId]: newDriveItemState(
          { id: rootFolderId, kind: 'folder', name: 'My Drive', mimeType: MIME.folder, parents: [], owner: email },
          now,
        ),
      },
    },
    spreadsheets: {},
    documents: {},
    mail: { outbox: [], recipientsByDay: {} },
    triggers: [],
    properties: { script: {}, user: {}, document: {} },
    cache: { script: {}, user: {}, document: {} },
    locks: { script: null, user: null, document: {} },
    ui: { menus: [], shown: [] },
    executions: [],
    logs: [],
    nextId: 1,
  };
}
