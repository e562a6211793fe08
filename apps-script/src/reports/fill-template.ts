// Fills a report template in a Google Doc: the body is read into plain blocks, the pure plan
// (shared/reports/template-plan.ts) checks the whole template and says what to change, and only a
// template without problems is changed, so no half-filled Doc is ever left.

import {
  checkTemplateBlocks,
  planTemplateFill,
  type CellEdits,
  type FillStep,
  type Replacement,
  type RepeatedRow,
  type TableFill,
  type TextEdit,
  type TextFill,
} from '../../../shared/reports/template-plan';
import {
  TemplateError,
  type ReportValues,
  type ReportVocabulary,
  type TemplateBlock,
  type TemplateProblem,
} from '../../../shared/reports/template-syntax';

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;
type Table = GoogleAppsScript.Document.Table;
type TableRow = GoogleAppsScript.Document.TableRow;
type Text = GoogleAppsScript.Document.Text;

/** A body child as read: its plain picture and the element to change. */
type ReadBlock =
  | { block: Extract<TemplateBlock, { kind: 'paragraph' | 'listItem' }>; element: Paragraph | ListItem }
  | { block: Extract<TemplateBlock, { kind: 'table' }>; element: Table }
  | { block: Extract<TemplateBlock, { kind: 'other' }>; element: GoogleAppsScript.Document.Element };

/** Every mistake in the template in this body, in document order; none means it can be filled. */
export function checkTemplate(body: Body, vocabulary: ReportVocabulary): TemplateProblem[] {
  return checkTemplateBlocks(readBody(body).map((b) => b.block), vocabulary);
}

/** Fills the template in this body with the report's values; a TemplateError (every mistake) leaves it untouched. */
export function fillTemplate(body: Body, vocabulary: ReportVocabulary, values: ReportValues): void {
  const read = readBody(body);
  const { problems, steps } = planTemplateFill(read.map((b) => b.block), vocabulary, values);
  if (problems.length > 0) throw new TemplateError(problems);
  for (const step of steps) applyStep(step, read[step.block]!);
}

function readBody(body: Body): ReadBlock[] {
  const { ElementType } = DocumentApp;
  const blocks: ReadBlock[] = [];
  const count = body.getNumChildren();
  for (let i = 0; i < count; i++) {
    const child = body.getChild(i);
    const type = child.getType();
    if (type === ElementType.PARAGRAPH) {
      const element = child.asParagraph();
      blocks.push({ block: { kind: 'paragraph', text: element.getText() }, element });
    } else if (type === ElementType.LIST_ITEM) {
      const element = child.asListItem();
      blocks.push({ block: { kind: 'listItem', text: element.getText() }, element });
    } else if (type === ElementType.TABLE) {
      const element = child.asTable();
      blocks.push({ block: { kind: 'table', rows: readTable(element) }, element });
    } else {
      blocks.push({ block: { kind: 'other' }, element: child });
    }
  }
  return blocks;
}

function readTable(table: Table): string[][] {
  const rows: string[][] = [];
  const rowCount = table.getNumRows();
  for (let r = 0; r < rowCount; r++) {
    const row = table.getRow(r);
    const cells: string[] = [];
    const cellCount = row.getNumCells();
    for (let c = 0; c < cellCount; c++) cells.push(row.getCell(c).getText());
    rows.push(cells);
  }
  return rows;
}

function applyStep(step: FillStep, read: ReadBlock): void {
  switch (step.kind) {
    case 'remove':
      read.element.removeFromParent();
      return;
    case 'clear':
      (read.element as Paragraph | ListItem).setText('');
      return;
    case 'fillText':
      fillText(read.element as Paragraph | ListItem, step.fill);
      return;
    case 'fillTable':
      fillTable(read.element as Table, step.fill);
      return;
  }
}

/** Docs search patterns are RE2: the placeholder's text, every special character escaped. */
const literalPattern = (text: string) => text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

function replaceAll(element: { replaceText(pattern: string, replacement: string): unknown }, replacements: readonly Replacement[]): void {
  for (const { placeholder, value } of replacements) element.replaceText(literalPattern(placeholder), value);
}

/**
 * Each placeholder, last first, replaced at its offsets. The value goes in between the placeholder's
 * two opening braces, so it takes the placeholder's formatting (Docs gives inserted text that of
 * the character before it, as when typing), then the placeholder's characters around it are deleted.
 */
function editText(text: Text, edits: readonly TextEdit[]): void {
  for (const { start, end, value } of edits) {
    if (value === '') {
      text.deleteText(start, end - 1);
      continue;
    }
    text.insertText(start + 1, value);
    text.deleteText(start + 1 + value.length, end - 1 + value.length);
    text.deleteText(start, start);
  }
}

function fillText(element: Paragraph | ListItem, fill: TextFill): void {
  if (fill.kind === 'replace') replaceAll(element, fill.replacements);
  else editText(element.editAsText(), fill.edits);
}

function editCells(row: TableRow, cells: readonly CellEdits[]): void {
  for (const { cell, edits } of cells) editText(row.getCell(cell).editAsText(), edits);
}

/** The template row copied once per item, right below it, each copy filled; then the template row removed. */
function repeatRow(table: Table, repeated: RepeatedRow): void {
  const template = table.getRow(repeated.row);
  for (let i = 0; i < repeated.items.length; i++) {
    const copy = table.insertTableRow(repeated.row + 1 + i, template.copy());
    if (repeated.kind === 'replace') replaceAll(copy, repeated.items[i]!);
    else editCells(copy, repeated.items[i]!);
  }
  table.removeRow(repeated.row);
}

function fillTable(table: Table, fill: TableFill): void {
  if (fill.kind === 'replace') replaceAll(table, fill.replacements);
  else for (const { row, cells } of fill.cells) editCells(table.getRow(row), cells);
  for (const repeated of fill.repeated) repeatRow(table, repeated);
}
