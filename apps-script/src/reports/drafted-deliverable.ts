import { deliverablesTab, type Deliverable } from '../../../shared/records/deliverable';
import { draftedRow, type DraftedRow } from '../../../shared/reports/report-deliverable';
import { reentered, sheetOf } from '../google/tab-sheet';

/**
 * Marks the report's row in the Deliverables tab 'drafted' with the draft's link. The tab is read again
 * just before the write: copying and filling the Doc takes a while, and the lock does not stop a lead
 * sorting the tab, inserting rows or filling in "Submitted on" meanwhile. The row is found by its ID
 * and only its Status and Link cells are written, in one setValues over the cells between them (any in
 * between written back as they are, formulas included).
 */
export function markDrafted(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  deliverable: Deliverable,
  link: string,
  timeZone: string,
): DraftedRow {
  const sheet = sheetOf(spreadsheet, deliverablesTab);
  const values = sheet.getDataRange().getValues();
  const outcome = draftedRow(values, deliverable, link, timeZone);
  if (outcome.kind !== 'mark') return outcome;
  const positions = outcome.cells.map((cell) => cell.position);
  const first = Math.min(...positions);
  const width = Math.max(...positions) - first + 1;
  const range = sheet.getRange(outcome.rowNumber, first + 1, 1, width);
  const row = values[outcome.rowNumber - 1]!;
  // Cells between Status and Link (a lead's order of columns) go back as they are, formulas included.
  const formulas = width > outcome.cells.length ? range.getFormulas()[0]! : [];
  const cells = Array.from({ length: width }, (_, i) => {
    const written = outcome.cells.find((cell) => cell.position === first + i);
    return written ? written.value : reentered(row[first + i], formulas[i]!);
  });
  range.setValues([cells]);
  return outcome;
}
