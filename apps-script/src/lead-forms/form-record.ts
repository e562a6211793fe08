import { readHeader, rowFromCells, type HeaderIndex } from '../../../shared/records/row-codec';
import { headerRow, type TabDefinition, type TabRecord } from '../../../shared/records/tab';
import { appendRecords, readTab, sheetOf, type TabRead } from '../google/tab-sheet';
import type { OpenCil } from '../cil/open-cil';

// What the lead's sidebar forms share. A form's fields are read exactly as the same text typed into
// the tab would be (a date may be 27/11/2026, a choice any case), checked with the tab's shared schema,
// and refused with every problem named by its column, before anything is written; a good record goes
// in with one write, text through the row codec so Sheets never reads it as a formula.

/** The fields as a form sends them: text, numbers, a checkbox's true or false. */
export type FormFields = Record<string, unknown>;

export interface SavedRecord<Record> {
  cilId: string;
  record: Record;
  /** Where it landed in the tab. */
  rowNumber: number;
  /** What was saved, in a sentence for the sidebar. */
  message: string;
}

/** A refusal: `what` the form does ("record the meeting"), then each problem. */
export function refusal(what: string, problems: readonly string[]): Error {
  return new Error(`Cannot ${what}: ${problems.join('; ')}. Nothing was written.`);
}

/** The form's fields, or a refusal naming anything that is not one of `keys`. */
export function formFields(what: string, fields: unknown, keys: readonly string[]): FormFields {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw refusal(what, [`give the fields as an object with the keys ${keys.join(', ')}`]);
  }
  const unknown = Object.keys(fields).filter((key) => !keys.includes(key));
  if (unknown.length > 0) throw refusal(what, unknown.map((key) => `there is no field "${key}" (the fields are ${keys.join(', ')})`));
  return fields as FormFields;
}

const canonicalHeaders = new Map<string, HeaderIndex>();

/** The tab's own column order: the fields become a row of it before any sheet is consulted. */
function canonicalHeader(tab: TabDefinition): HeaderIndex {
  let header = canonicalHeaders.get(tab.name);
  if (!header) {
    const read = readHeader(tab, headerRow(tab));
    if (!read.ok) throw new Error(read.message);
    header = read.index;
    canonicalHeaders.set(tab.name, header);
  }
  return header;
}

/** A cell as a form gives it: lists as the comma-separated text a lead would type, blanks as ''. */
function cellOf(value: unknown): unknown {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return value;
}

/** The record `values` (by field key) make, read and checked as the tab's row would be; or a refusal naming each problem. */
export function recordOf<Tab extends TabDefinition>(what: string, tab: Tab, values: FormFields, timeZone: string): TabRecord<Tab> {
  const cells = tab.columns.map((column) => cellOf(values[column.key]));
  const read = rowFromCells(tab, canonicalHeader(tab), cells, { timeZone });
  if (!read.ok) throw refusal(what, read.error.issues.map((issue) => (issue.header ? `"${issue.header}" ${issue.problem}` : issue.problem)));
  return read.record;
}

export type TabForAppend<Tab extends TabDefinition> = TabRead<Tab> & { sheet: GoogleAppsScript.Spreadsheet.Sheet };

/** The tab as it is now, in one read: its rows (to check for a duplicate) and where the next one goes. */
export function readForAppend<Tab extends TabDefinition>(cil: OpenCil, tab: Tab): TabForAppend<Tab> {
  const sheet = sheetOf(cil.spreadsheet, tab);
  return { ...readTab(sheet, tab, cil.settings.timeZone), sheet };
}

/** Appends one record below the tab's last row (one write); answers its row number. */
export function appendOne<Tab extends TabDefinition>(cil: OpenCil, tab: Tab, read: TabForAppend<Tab>, record: TabRecord<Tab>): number {
  appendRecords(read.sheet, tab, read.header, read.lastRow, [record], cil.settings.timeZone);
  return read.lastRow + 1;
}

/** A new record id with `prefix`, not among `used`. */
export function newRecordId(prefix: string, used: ReadonlySet<string>): string {
  for (;;) {
    const id = `${prefix}-${Utilities.getUuid().replace(/-/g, '').slice(0, 8)}`;
    if (!used.has(id)) return id;
  }
}
