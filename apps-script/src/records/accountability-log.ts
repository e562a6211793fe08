import { accountabilityTab, type AccountabilityEvent } from '../../../shared/records/accountability';
import { cellsFromRecord } from '../../../shared/records/row-codec';
import { appendRecords, readTab, reentered, sheetOf, type RecordRow, type TabRead } from '../google/tab-sheet';
import { readFields, type FieldsRead } from '../google/tab-columns';

export type PolicyStep = Pick<AccountabilityEvent, 'volunteerId' | 'kind' | 'at' | 'status'>;

/** The steps of the inactivity policy about a volunteer: what, when, and whether a lead let it go out. */
export function readPolicyStepsOf(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  volunteerId: string,
  timeZone: string,
): FieldsRead<PolicyStep> {
  return readFields(sheetOf(spreadsheet, accountabilityTab), accountabilityTab, ['volunteerId', 'kind', 'at', 'status'], timeZone, {
    key: 'volunteerId',
    equals: volunteerId,
  });
}

// ---- the log as the daily check and a lead's review write it --------------------------------------

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The whole log in one read: the engine needs every step (check keys, appeals, overrides). */
export function readLog(spreadsheet: Spreadsheet, timeZone: string): TabRead<typeof accountabilityTab> {
  return readTab(sheetOf(spreadsheet, accountabilityTab), accountabilityTab, timeZone);
}

/** Appends the day's steps below the log's last row, in one write. */
export function appendLogEvents(
  spreadsheet: Spreadsheet,
  log: TabRead<typeof accountabilityTab>,
  events: readonly AccountabilityEvent[],
  timeZone: string,
): void {
  appendRecords(sheetOf(spreadsheet, accountabilityTab), accountabilityTab, log.header, log.lastRow, events, timeZone);
}

/**
 * Rewrites one row of the log in place (a lead approved or dismissed it), with one setValues; the
 * lead's own columns in that row are written back as they were, formulas included.
 */
export function rewriteLogRow(spreadsheet: Spreadsheet, log: TabRead<typeof accountabilityTab>, row: RecordRow<AccountabilityEvent>, timeZone: string): void {
  const range = sheetOf(spreadsheet, accountabilityTab).getRange(row.rowNumber, 1, 1, log.header.width);
  const [values] = range.getValues();
  const [formulas] = range.getFormulas();
  const asWas = values!.map((value, column) => reentered(value, formulas![column]!));
  range.setValues([cellsFromRecord(accountabilityTab, log.header, row.record, { timeZone, keep: asWas })]);
}

/**
 * Writes the rows whose emails went ("Email sent at", status 'sent') with ONE setValues over the block
 * from the first to the last of them; rows in between, and the lead's own columns, are written back as
 * they were, formulas included.
 */
export function rewriteLogRows(spreadsheet: Spreadsheet, header: TabRead<typeof accountabilityTab>['header'], rows: readonly RecordRow<AccountabilityEvent>[], timeZone: string): void {
  if (rows.length === 0) return;
  const first = Math.min(...rows.map((row) => row.rowNumber));
  const last = Math.max(...rows.map((row) => row.rowNumber));
  const range = sheetOf(spreadsheet, accountabilityTab).getRange(first, 1, last - first + 1, header.width);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const byRow = new Map(rows.map((row) => [row.rowNumber, row.record]));
  range.setValues(
    values.map((cells, i) => {
      const asWas = cells.map((value, column) => reentered(value, formulas[i]![column]!));
      const record = byRow.get(first + i);
      return record === undefined ? asWas : cellsFromRecord(accountabilityTab, header, record, { timeZone, keep: asWas });
    }),
  );
}
