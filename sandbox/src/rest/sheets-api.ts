import type { DriveItemState, GridRange, ProtectionState, SheetState, SpreadsheetState } from '../workspace';
import { addDriveItem, MIME, touchDriveItem } from '../services/drive-items';
import { clearValues, deleteLines, formulaKey, gridSheet, insertLines, lastColumnOf, lastRowOf, readValues, type GridSheet } from '../services/spreadsheet/grid';
import { Protection } from '../services/spreadsheet/protection';
import { DEFAULT_COLUMNS, DEFAULT_ROWS } from '../services/spreadsheet/spreadsheet';
import { isTimeZone } from '../services/spreadsheet/time-zone';
import { newSheetState } from '../services/spreadsheet/workbook';
import { accessTo } from './access';
import { answer, jsonBody, type RestAnswer, type RestCall } from './rest-call';
import { sheetsErrors } from './rest-errors';
import {
  blocksOf,
  gridPart,
  incomingRows,
  landing,
  rangeLabel,
  readCells,
  resolveRange,
  touchesProtected,
  writeBlock,
  type Dimension,
  type IncomingCell,
  type RangeRef,
  type Rendering,
  type ValueInputOption,
} from './sheets-values';

// The Sheets API v4 methods the `cil` command line uses (developers.google.com/sheets/api/reference/
// rest): spreadsheets.get / create / batchUpdate (addSheet, deleteSheet, updateSheetProperties,
// updateSpreadsheetProperties) and spreadsheets.values.get / batchGet / update / batchUpdate / append /
// clear / batchClear. Every request is all or nothing, as Google documents: "if any request is not
// valid then the entire update is unsuccessful".

// ---- parameters ------------------------------------------------------------------------------------

function enumParam<T extends string>(value: string | null | undefined, allowed: readonly T[], fallback: T, field: string, type: string): T {
  if (value === null || value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw sheetsErrors.invalidEnum(field, type, value);
  return value as T;
}

const majorOf = (value: string | null | undefined): Dimension =>
  value === 'DIMENSION_UNSPECIFIED' ? 'ROWS' : enumParam(value, ['ROWS', 'COLUMNS'] as const, 'ROWS', 'major_dimension', 'Dimension');

function renderingOf(value: string | null | undefined, dateTime: string | null | undefined, prefix = ''): Rendering {
  return {
    value: enumParam(value, ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'] as const, 'FORMATTED_VALUE', `${prefix}value_render_option`, 'ValueRenderOption'),
    dateTime: enumParam(dateTime, ['SERIAL_NUMBER', 'FORMATTED_STRING'] as const, 'SERIAL_NUMBER', `${prefix}date_time_render_option`, 'DateTimeRenderOption'),
  };
}

function inputOf(value: unknown): ValueInputOption {
  if (value === undefined || value === null || value === '' || value === 'INPUT_VALUE_OPTION_UNSPECIFIED') throw sheetsErrors.valueInputOptionRequired();
  return enumParam(String(value), ['RAW', 'USER_ENTERED'] as const, 'RAW', 'value_input_option', 'ValueInputOption');
}

const flag = (value: string | null | undefined | unknown) => value === true || value === 'true';

// ---- the spreadsheet and who may use it --------------------------------------------------------------

interface Opened {
  book: SpreadsheetState;
  item: DriveItemState;
}

function open(call: RestCall, id: string, need: 'read' | 'write'): Opened {
  const book = call.state.spreadsheets[id];
  const item = call.state.drive.items[id];
  if (!book || !item) throw sheetsErrors.notFound();
  const access = accessTo(call.state, item);
  if (access === 'none' || (need === 'write' && access === 'reader')) throw sheetsErrors.noPermission();
  return { book, item };
}

const protectionId = (p: ProtectionState) => parseInt(p.id.replace(/^\D+/, ''), 36) || 0;

function gridRangeJson(sheetId: number, g: GridRange | null) {
  if (g === null) return { sheetId };
  return { sheetId, startRowIndex: g.row - 1, endRowIndex: g.row - 1 + g.numRows, startColumnIndex: g.column - 1, endColumnIndex: g.column - 1 + g.numColumns };
}

export function sheetProperties(sheet: SheetState, index: number) {
  return {
    sheetId: sheet.sheetId,
    title: sheet.name,
    index,
    sheetType: 'GRID',
    gridProperties: {
      rowCount: sheet.maxRows,
      columnCount: sheet.maxColumns,
      ...(sheet.frozenRows > 0 ? { frozenRowCount: sheet.frozenRows } : {}),
      ...(sheet.frozenColumns > 0 ? { frozenColumnCount: sheet.frozenColumns } : {}),
    },
    ...(sheet.hidden ? { hidden: true } : {}),
  };
}

function spreadsheetJson(call: RestCall, book: SpreadsheetState, title: string) {
  const workbook = call.session.workbook(book.id);
  return {
    spreadsheetId: book.id,
    properties: { title, locale: book.locale, autoRecalc: 'ON_CHANGE', timeZone: book.timeZone },
    sheets: book.sheets.map((sheet, index) => {
      const protectedRanges = gridSheet(sheet).protections.map((p) => {
        const canEdit = new Protection(workbook, sheet.sheetId, p.id).canEdit();
        return {
          protectedRangeId: protectionId(p),
          range: gridRangeJson(sheet.sheetId, p.range),
          ...(p.description ? { description: p.description } : {}),
          ...(p.warningOnly ? { warningOnly: true } : {}),
          requestingUserCanEdit: canEdit,
          ...(p.unprotectedRanges?.length ? { unprotectedRanges: p.unprotectedRanges.map((g) => gridRangeJson(sheet.sheetId, g)) } : {}),
          // Google lists the editors only to those who may change them.
          ...(canEdit && !p.warningOnly ? { editors: { users: p.editors, ...(p.domainEdit ? { domainUsersCanEdit: true } : {}) } } : {}),
        };
      });
      return { properties: sheetProperties(sheet, index), ...(protectedRanges.length > 0 ? { protectedRanges } : {}) };
    }),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${book.id}/edit`,
  };
}

// ---- spreadsheets.get / create ------------------------------------------------------------------------

export function getSpreadsheet(call: RestCall, id: string): RestAnswer {
  const { book, item } = open(call, id, 'read');
  if (flag(call.query.get('includeGridData'))) throw sheetsErrors.gridDataUnsupported();
  return answer(spreadsheetJson(call, book, item.name), false);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isCount(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

/** A sheet from an addSheet request's or a new spreadsheet's SheetProperties. */
function newSheet(call: RestCall, book: SpreadsheetState, properties: unknown, at: string): { sheet: GridSheet; index: number } {
  const props = isObject(properties) ? properties : {};
  for (const key of Object.keys(props)) {
    if (!['sheetId', 'title', 'index', 'sheetType', 'gridProperties', 'hidden'].includes(key)) throw sheetsErrors.unknownField(key, `${at}.properties`);
  }
  const taken = (name: string) => book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
  let title = props.title;
  if (title === undefined) {
    let n = book.sheets.length + 1;
    while (taken(`Sheet${n}`)) n++;
    title = `Sheet${n}`;
  }
  if (typeof title !== 'string' || title.trim() === '') throw sheetsErrors.titleInvalid(at);
  if (taken(title)) throw sheetsErrors.sheetNameTaken(at, title);
  if (props.sheetType !== undefined && props.sheetType !== 'GRID') throw sheetsErrors.sheetTypeUnsupported(at);
  let sheetId = props.sheetId;
  if (sheetId === undefined) sheetId = book.nextSheetId;
  if (!isCount(sheetId, 0)) throw sheetsErrors.sheetIdInvalid(at);
  if (book.sheets.some((s) => s.sheetId === sheetId)) throw sheetsErrors.sheetIdTaken(at, sheetId);
  const grid = isObject(props.gridProperties) ? props.gridProperties : {};
  const index = props.index ?? book.sheets.length;
  if (!isCount(index, 0) || index > book.sheets.length) throw sheetsErrors.indexOutOfRange(at, book.sheets.length);
  // A new sheet is 1000 × 26 unless gridProperties say otherwise.
  const sheet = gridSheet(newSheetState(sheetId, title, DEFAULT_ROWS, DEFAULT_COLUMNS));
  applyGridProperties(sheet, grid, at);
  sheet.hidden = props.hidden === true;
  book.nextSheetId = Math.max(book.nextSheetId, sheetId + 1);
  ensureCellLimit(call, [...book.sheets, sheet]);
  return { sheet, index };
}

function applyGridProperties(sheet: GridSheet, grid: Record<string, unknown>, at: string): void {
  for (const [key, value] of Object.entries(grid)) {
    if (!['rowCount', 'columnCount', 'frozenRowCount', 'frozenColumnCount'].includes(key)) throw sheetsErrors.unknownField(key, `${at}.properties.gridProperties`);
    const least = key.startsWith('frozen') ? 0 : 1;
    if (!isCount(value, least)) throw sheetsErrors.gridPropertyInvalid(at, key, least);
  }
  if (typeof grid.rowCount === 'number') resize(sheet, 'rows', grid.rowCount);
  if (typeof grid.columnCount === 'number') resize(sheet, 'columns', grid.columnCount);
  if (typeof grid.frozenRowCount === 'number') sheet.frozenRows = grid.frozenRowCount;
  if (typeof grid.frozenColumnCount === 'number') sheet.frozenColumns = grid.frozenColumnCount;
  if (sheet.frozenRows >= sheet.maxRows || sheet.frozenColumns >= sheet.maxColumns) {
    throw sheetsErrors.freezeAll(at);
  }
}

/** A smaller grid drops the rows or columns past its edge, with their contents. */
function resize(sheet: GridSheet, dimension: 'rows' | 'columns', count: number): void {
  const current = dimension === 'rows' ? sheet.maxRows : sheet.maxColumns;
  if (count < current) deleteLines(sheet, dimension, count + 1, current - count);
  else if (dimension === 'rows') sheet.maxRows = count;
  else sheet.maxColumns = count;
}

function ensureCellLimit(call: RestCall, sheets: readonly SheetState[]): void {
  const cells = sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  if (cells > call.ctx.quotas.cellsPerSpreadsheet) throw sheetsErrors.cellLimit(call.ctx.quotas.cellsPerSpreadsheet);
}

export function createSpreadsheet(call: RestCall): RestAnswer {
  const body = jsonBody(call.raw, sheetsErrors);
  const properties = isObject(body.properties) ? body.properties : {};
  const title = properties.title ?? 'Untitled spreadsheet';
  if (typeof title !== 'string') throw sheetsErrors.titleInvalid('properties.title');
  const { timeZone, locale } = properties;
  if (timeZone !== undefined && (typeof timeZone !== 'string' || !isTimeZone(timeZone))) throw sheetsErrors.unknownTimeZone(JSON.stringify(timeZone));
  if (locale !== undefined && (typeof locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale))) throw sheetsErrors.unknownLocale(JSON.stringify(locale));
  const book: SpreadsheetState = {
    id: '',
    name: title,
    // As SpreadsheetApp.create: the creator's time zone, which the script's stands in for.
    timeZone: (timeZone as string | undefined) ?? call.state.scriptTimeZone,
    locale: (locale as string | undefined) ?? 'en_US',
    sheets: [],
    nextSheetId: 0,
  };
  const requested = Array.isArray(body.sheets) ? body.sheets : [];
  requested.forEach((entry, i) => {
    const { sheet, index } = newSheet(call, book, isObject(entry) ? entry.properties : undefined, `sheets[${i}]`);
    book.sheets.splice(index, 0, sheet);
  });
  if (book.sheets.length === 0) book.sheets.push(newSheetState(book.nextSheetId++, 'Sheet1', DEFAULT_ROWS, DEFAULT_COLUMNS));
  const item = addDriveItem(call.ctx, { kind: 'file', name: title, mimeType: MIME.spreadsheet });
  book.id = item.id;
  call.state.spreadsheets[item.id] = book;
  return answer(spreadsheetJson(call, book, title), true);
}

// ---- spreadsheets.batchUpdate ---------------------------------------------------------------------------

type Reply = Record<string, unknown>;

function sheetById(book: SpreadsheetState, sheetId: unknown, at: string): GridSheet {
  const sheet = book.sheets.find((s) => s.sheetId === sheetId);
  if (!sheet) throw sheetsErrors.noGrid(at, sheetId);
  return gridSheet(sheet);
}

function fieldsOf(request: Record<string, unknown>, at: string): string[] {
  const fields = typeof request.fields === 'string' ? request.fields.split(',').map((f) => f.trim()).filter((f) => f !== '') : [];
  if (fields.length === 0) throw sheetsErrors.fieldsRequired(at);
  return fields;
}

const SHEET_FIELDS = ['title', 'index', 'hidden', 'gridProperties.rowCount', 'gridProperties.columnCount', 'gridProperties.frozenRowCount', 'gridProperties.frozenColumnCount'];

function updateSheetProperties(book: SpreadsheetState, request: Record<string, unknown>, at: string): Reply {
  const props = isObject(request.properties) ? request.properties : {};
  const sheet = sheetById(book, props.sheetId, at);
  const asked = fieldsOf(request, at).flatMap((f) => (f === '*' ? SHEET_FIELDS : f === 'gridProperties' ? SHEET_FIELDS.filter((s) => s.startsWith('gridProperties.')) : [f]));
  const grid = isObject(props.gridProperties) ? props.gridProperties : {};
  for (const field of asked) {
    if (!SHEET_FIELDS.includes(field)) throw sheetsErrors.invalidField(at, field);
    if (field === 'title') {
      if (typeof props.title !== 'string' || props.title.trim() === '') throw sheetsErrors.titleInvalid(at);
      const title = props.title;
      if (book.sheets.some((s) => s !== sheet && s.name.toLowerCase() === title.toLowerCase())) throw sheetsErrors.sheetNameTaken(at, title);
      sheet.name = title;
    } else if (field === 'index') {
      const index = props.index ?? 0;
      if (!isCount(index, 0)) throw sheetsErrors.indexOutOfRange(at, book.sheets.length - 1);
      book.sheets = book.sheets.filter((s) => s !== sheet);
      book.sheets.splice(Math.min(index, book.sheets.length), 0, sheet);
    } else if (field === 'hidden') {
      sheet.hidden = props.hidden === true;
      if (book.sheets.every((s) => s.hidden)) throw sheetsErrors.hideAllSheets(at);
    } else {
      const key = field.slice('gridProperties.'.length);
      // An absent value clears the field: 0 frozen lines; a grid cannot have 0 rows or columns.
      applyGridProperties(sheet, { [key]: grid[key] ?? (key.startsWith('frozen') ? 0 : undefined) }, at);
    }
  }
  return {};
}

function updateSpreadsheetProperties(book: SpreadsheetState, request: Record<string, unknown>, at: string): Reply {
  const props = isObject(request.properties) ? request.properties : {};
  for (const field of fieldsOf(request, at)) {
    if (field !== 'title' && field !== '*') throw sheetsErrors.invalidField(at, field);
    if (typeof props.title !== 'string' || props.title.trim() === '') throw sheetsErrors.titleInvalid(at);
    book.name = props.title;
  }
  return {};
}

const MODELLED_REQUESTS = ['addSheet', 'deleteSheet', 'updateSheetProperties', 'updateSpreadsheetProperties'] as const;

export function batchUpdateSpreadsheet(call: RestCall, id: string): RestAnswer {
  const { book, item } = open(call, id, 'write');
  const body = jsonBody(call.raw, sheetsErrors);
  if (body.requests !== undefined && !Array.isArray(body.requests)) throw sheetsErrors.notAList('requests', JSON.stringify(body.requests));
  const requests = (body.requests ?? []) as unknown[];
  // Changes are made on a copy, kept only when every request succeeded.
  const draft = structuredClone(book);
  const replies = requests.map((entry, i): Reply => {
    if (!isObject(entry)) throw sheetsErrors.noRequestSet(i);
    const kinds = Object.keys(entry);
    if (kinds.length === 0) throw sheetsErrors.noRequestSet(i);
    if (kinds.length > 1) throw sheetsErrors.oneRequestKind(`requests[${i}]`, kinds);
    const kind = kinds[0]!;
    const request = isObject(entry[kind]) ? (entry[kind] as Record<string, unknown>) : {};
    const at = `requests[${i}].${kind}`;
    switch (kind) {
      case 'addSheet': {
        const { sheet, index } = newSheet(call, draft, request.properties, at);
        draft.sheets.splice(index, 0, sheet);
        return { addSheet: { properties: sheetProperties(sheet, index) } };
      }
      case 'deleteSheet': {
        const sheet = sheetById(draft, request.sheetId, at);
        if (draft.sheets.length === 1) throw sheetsErrors.removeAllSheets(at);
        draft.sheets = draft.sheets.filter((s) => s.sheetId !== sheet.sheetId);
        if (draft.sheets.every((s) => s.hidden)) throw sheetsErrors.hideAllSheets(at);
        return {};
      }
      case 'updateSheetProperties':
        return updateSheetProperties(draft, request, at);
      case 'updateSpreadsheetProperties':
        return updateSpreadsheetProperties(draft, request, at);
      default:
        throw sheetsErrors.requestUnsupported(i, kind, MODELLED_REQUESTS);
    }
  });
  call.state.spreadsheets[id] = draft;
  if (draft.name !== book.name) item.name = draft.name;
  touchDriveItem(call.ctx, id);
  return answer(
    {
      spreadsheetId: id,
      replies,
      ...(flag(body.includeSpreadsheetInResponse) ? { updatedSpreadsheet: spreadsheetJson(call, draft, item.name) } : {}),
    },
    true,
  );
}

// ---- spreadsheets.values: reading ----------------------------------------------------------------------

function valueRange(opened: Opened, range: string, rendering: Rendering, major: Dimension) {
  const ref = resolveRange(opened.book, range);
  const g = gridPart(ref);
  const values = readCells(opened.book, ref.sheet, g, rendering, major);
  return { range: rangeLabel(ref.sheet, g), majorDimension: major, ...(values.length > 0 ? { values } : {}) };
}

export function getValues(call: RestCall, id: string, range: string): RestAnswer {
  const opened = open(call, id, 'read');
  const q = call.query;
  return answer(valueRange(opened, range, renderingOf(q.get('valueRenderOption'), q.get('dateTimeRenderOption')), majorOf(q.get('majorDimension'))), false);
}

export function batchGetValues(call: RestCall, id: string): RestAnswer {
  const opened = open(call, id, 'read');
  const q = call.query;
  const rendering = renderingOf(q.get('valueRenderOption'), q.get('dateTimeRenderOption'));
  const major = majorOf(q.get('majorDimension'));
  const ranges = q.getAll('ranges');
  return answer({ spreadsheetId: id, ...(ranges.length > 0 ? { valueRanges: ranges.map((r) => valueRange(opened, r, rendering, major)) } : {}) }, false);
}

// ---- spreadsheets.values: writing ----------------------------------------------------------------------

interface PlannedWrite {
  ref: RangeRef;
  rows: IncomingCell[][];
  /** Where the values land; null when there are none. */
  at: GridRange | null;
}

function checkBodyRange(pathRange: string, bodyRange: unknown): void {
  if (bodyRange !== undefined && bodyRange !== pathRange) throw sheetsErrors.bodyRangeMismatch(pathRange, String(bodyRange));
}

/** Checks every planned write (protections, the cell limit) before any is made; then makes them all. */
function commitWrites(call: RestCall, opened: Opened, plans: PlannedWrite[], input: ValueInputOption, prepare?: (plan: PlannedWrite) => void): void {
  const workbook = call.session.workbook(opened.book.id);
  const grown = new Map<GridSheet, { rows: number; columns: number }>();
  for (const plan of plans) {
    if (plan.at === null) continue;
    const sheet = plan.ref.sheet;
    const mayEdit = (protectionId: string) => new Protection(workbook, sheet.sheetId, protectionId).canEdit();
    for (const block of blocksOf(plan.at, plan.rows)) if (touchesProtected(sheet, block.grid, mayEdit)) throw sheetsErrors.protectedCell();
    const size = grown.get(sheet) ?? { rows: sheet.maxRows, columns: sheet.maxColumns };
    size.rows = Math.max(size.rows, plan.at.row + plan.at.numRows - 1);
    size.columns = Math.max(size.columns, plan.at.column + plan.at.numColumns - 1);
    grown.set(sheet, size);
  }
  ensureCellLimit(
    call,
    opened.book.sheets.map((s) => {
      const size = grown.get(gridSheet(s));
      return size ? { ...s, maxRows: size.rows, maxColumns: size.columns } : s;
    }),
  );
  const entry = workbook.entry();
  for (const plan of plans) {
    if (plan.at === null) continue;
    prepare?.(plan);
    const sheet = plan.ref.sheet;
    // Writing past the grid's edge adds the rows and columns the values need.
    sheet.maxRows = Math.max(sheet.maxRows, plan.at.row + plan.at.numRows - 1);
    sheet.maxColumns = Math.max(sheet.maxColumns, plan.at.column + plan.at.numColumns - 1);
    for (const block of blocksOf(plan.at, plan.rows)) writeBlock(sheet, block, input, entry);
  }
  touchDriveItem(call.ctx, opened.book.id);
}

function updateResponse(opened: Opened, plan: PlannedWrite, includeValues: boolean, rendering: Rendering) {
  const { ref, at } = plan;
  const cells = plan.rows.reduce((sum, line) => sum + line.filter((c) => c !== null).length, 0);
  const written = at ?? { row: ref.row, column: ref.column, numRows: 1, numColumns: 1 };
  return {
    spreadsheetId: opened.book.id,
    updatedRange: rangeLabel(ref.sheet, written),
    ...(at ? { updatedRows: at.numRows, updatedColumns: at.numColumns, updatedCells: cells } : {}),
    ...(includeValues ? { updatedData: valueRange(opened, rangeLabel(ref.sheet, written), rendering, 'ROWS') } : {}),
  };
}

function responseRendering(call: RestCall, body: Record<string, unknown> = {}): Rendering {
  const q = call.query;
  return renderingOf(
    (body.responseValueRenderOption as string | undefined) ?? q.get('responseValueRenderOption'),
    (body.responseDateTimeRenderOption as string | undefined) ?? q.get('responseDateTimeRenderOption'),
    'response_',
  );
}

export function updateValues(call: RestCall, id: string, range: string): RestAnswer {
  const opened = open(call, id, 'write');
  const body = jsonBody(call.raw, sheetsErrors);
  const input = inputOf(call.query.get('valueInputOption'));
  checkBodyRange(range, body.range);
  const ref = resolveRange(opened.book, range);
  const rows = incomingRows(body.values, majorOf(body.majorDimension as string | undefined), 'values');
  const plan = { ref, rows, at: landing(ref, rows) };
  const rendering = responseRendering(call);
  commitWrites(call, opened, [plan], input);
  return answer(updateResponse(opened, plan, flag(call.query.get('includeValuesInResponse')), rendering), true);
}

export function batchUpdateValues(call: RestCall, id: string): RestAnswer {
  const opened = open(call, id, 'write');
  const body = jsonBody(call.raw, sheetsErrors);
  const input = inputOf(body.valueInputOption);
  const data = Array.isArray(body.data) ? body.data : [];
  const plans = data.map((entry, i): PlannedWrite => {
    const valueRangeBody = isObject(entry) ? entry : {};
    if (typeof valueRangeBody.range !== 'string') throw sheetsErrors.unableToParseRange(String(valueRangeBody.range ?? ''));
    const ref = resolveRange(opened.book, valueRangeBody.range);
    const rows = incomingRows(valueRangeBody.values, majorOf(valueRangeBody.majorDimension as string | undefined), `data[${i}].values`);
    return { ref, rows, at: landing(ref, rows) };
  });
  const rendering = responseRendering(call, body);
  commitWrites(call, opened, plans, input);
  const responses = plans.map((plan) => updateResponse(opened, plan, flag(body.includeValuesInResponse), rendering));
  const written = plans.filter((p) => p.at !== null);
  return answer(
    {
      spreadsheetId: id,
      ...(written.length > 0
        ? {
            totalUpdatedRows: written.reduce((sum, p) => sum + p.at!.numRows, 0),
            totalUpdatedColumns: written.reduce((sum, p) => sum + p.at!.numColumns, 0),
            totalUpdatedCells: responses.reduce((sum, r) => sum + (r.updatedCells ?? 0), 0),
            totalUpdatedSheets: new Set(written.map((p) => p.ref.sheet.sheetId)).size,
          }
        : {}),
      responses,
    },
    true,
  );
}

/**
 * The table a range holds (developers.google.com/sheets/api/guides/values#append_values): here, the rows
 * from the range's first row with data to its last, over the range's columns up to the sheet's last
 * column with data; null when it is empty.
 */
function tableOf(ref: RangeRef): GridRange | null {
  const { sheet } = ref;
  const lastColumn = Math.min(ref.lastColumn ?? Infinity, Math.max(lastColumnOf(sheet), ref.column));
  const lastRow = Math.min(ref.lastRow ?? Infinity, lastRowOf(sheet));
  if (lastRow < ref.row || lastColumn < ref.column) return null;
  const area = { row: ref.row, column: ref.column, numRows: lastRow - ref.row + 1, numColumns: lastColumn - ref.column + 1 };
  const values = readValues(sheet, area);
  const hasFormula = (r: number) => {
    for (let c = area.column; c <= lastColumn; c++) if (sheet.formulas[formulaKey(r, c)] !== undefined) return true;
    return false;
  };
  const filled = (i: number) => values[i]!.some((v) => v !== '') || hasFormula(area.row + i);
  let first = 0;
  while (first < values.length && !filled(first)) first++;
  if (first === values.length) return null;
  let last = values.length - 1;
  while (!filled(last)) last--;
  return { row: area.row + first, column: area.column, numRows: last - first + 1, numColumns: area.numColumns };
}

export function appendValues(call: RestCall, id: string, range: string): RestAnswer {
  const opened = open(call, id, 'write');
  const body = jsonBody(call.raw, sheetsErrors);
  const input = inputOf(call.query.get('valueInputOption'));
  const insertRows = enumParam(call.query.get('insertDataOption'), ['OVERWRITE', 'INSERT_ROWS'] as const, 'OVERWRITE', 'insert_data_option', 'InsertDataOption') === 'INSERT_ROWS';
  checkBodyRange(range, body.range);
  const ref = resolveRange(opened.book, range);
  const rows = incomingRows(body.values, majorOf(body.majorDimension as string | undefined), 'values');
  const table = tableOf(ref);
  // Appended rows go below the table whatever the range's own end.
  const below: RangeRef = { ...ref, row: table ? table.row + table.numRows : ref.row, lastRow: null, lastColumn: null, anchor: true };
  const plan = { ref: below, rows, at: landing(below, rows) };
  const rendering = responseRendering(call);
  commitWrites(call, opened, [plan], input, (p) => {
    if (insertRows && p.at!.row <= p.ref.sheet.maxRows) insertLines(p.ref.sheet, 'rows', p.at!.row, p.at!.numRows);
  });
  return answer(
    {
      spreadsheetId: id,
      ...(table ? { tableRange: rangeLabel(ref.sheet, table) } : {}),
      updates: updateResponse(opened, plan, flag(call.query.get('includeValuesInResponse')), rendering),
    },
    true,
  );
}

function clearPlan(call: RestCall, opened: Opened, range: string): { sheet: GridSheet; g: GridRange } {
  const ref = resolveRange(opened.book, range);
  const g = gridPart(ref);
  const workbook = call.session.workbook(opened.book.id);
  const mayEdit = (protectionId: string) => new Protection(workbook, ref.sheet.sheetId, protectionId).canEdit();
  if (touchesProtected(ref.sheet, g, mayEdit)) throw sheetsErrors.protectedCell();
  return { sheet: ref.sheet, g };
}

export function clearValuesOf(call: RestCall, id: string, range: string): RestAnswer {
  const opened = open(call, id, 'write');
  const { sheet, g } = clearPlan(call, opened, range);
  clearValues(sheet, g);
  touchDriveItem(call.ctx, id);
  return answer({ spreadsheetId: id, clearedRange: rangeLabel(sheet, g) }, true);
}

export function batchClearValues(call: RestCall, id: string): RestAnswer {
  const opened = open(call, id, 'write');
  const body = jsonBody(call.raw, sheetsErrors);
  const ranges = Array.isArray(body.ranges) ? body.ranges.map(String) : [];
  const plans = ranges.map((range) => clearPlan(call, opened, range));
  for (const { sheet, g } of plans) clearValues(sheet, g);
  touchDriveItem(call.ctx, id);
  return answer({ spreadsheetId: id, ...(plans.length > 0 ? { clearedRanges: plans.map(({ sheet, g }) => rangeLabel(sheet, g)) } : {}) }, true);
}
