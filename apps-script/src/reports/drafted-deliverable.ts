import { deliverablesTab, type Deliverable } from '../../../shared/records/deliverable';
import { cellsFromRecord } from '../../../shared/records/row-codec';
import { reentered, sheetOf, type TabRead } from '../google/tab-sheet';

/**
 * Marks the report's row in the Deliverables tab 'drafted' with the draft's link: one read and one
 * setValues of that row; the lead's own columns in it are written back as they were, formulas included.
 */
export function markDrafted(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  read: TabRead<typeof deliverablesTab>,
  deliverable: Deliverable,
  link: string,
  timeZone: string,
): void {
  const row = read.rows.find((candidate) => candidate.record === deliverable)!;
  const range = sheetOf(spreadsheet, deliverablesTab).getRange(row.rowNumber, 1, 1, read.header.width);
  const [values] = range.getValues();
  const [formulas] = range.getFormulas();
  const asWas = values!.map((value, column) => reentered(value, formulas![column]!));
  range.setValues([cellsFromRecord(deliverablesTab, read.header, { ...deliverable, status: 'drafted', link }, { timeZone, keep: asWas })]);
}
