// Fills a report template in a Google Doc: the template's body is read into plain blocks, the pure plan
// (shared/reports/template-plan.ts) checks the whole template and says what to change, and only then
// is anything made: the plan is worked out on the template itself, before the report's copy exists,
// so a template with mistakes leaves nothing behind, and the plan is applied to the copy.

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

/** A template as read, and the steps that fill it: plain data, to be applied to a copy of that template. */
export interface TemplateFill {
  blocks: TemplateBlock[];
  steps: FillStep[];
}

/** Every mistake in the template in this body, in document order; none means it can be filled. */
export function checkTemplate(body: Body, vocabulary: ReportVocabulary): TemplateProblem[] {
  return checkTemplateBlocks(readBody(body), vocabulary);
}

/** How to fill the template in this body with the report's values; a TemplateError names every mistake. Changes nothing. */
export function planFill(template: Body, vocabulary: ReportVocabulary, values: ReportValues): TemplateFill {
  const blocks = readBody(template);
  const { problems, steps } = planTemplateFill(blocks, vocabulary, values);
  if (problems.length > 0) throw new TemplateError(problems);
  return { blocks, steps };
}

/**
 * Fills a copy of the planned template: each step's block is taken by its index (steps run last block
 * first, so the indices hold). A copy that no longer matches the template's blocks is refused whole.
 */
export function applyFill(body: Body, fill: TemplateFill): void {
  if (body.getNumChildren() !== fill.blocks.length) {
    throw new Error('The template changed while the report was being made; generate the report again.');
  }
  for (const step of fill.steps) applyStep(step, body.getChild(step.block), fill.blocks[step.block]!);
}

function readBody(body: Body): TemplateBlock[] {
  const { ElementType } = DocumentApp;
  const blocks: TemplateBlock[] = [];
  const count = body.getNumChildren();
  for (let i = 0; i < count; i++) {
    const child = body.getChild(i);
    const type = child.getType();
    if (type === ElementType.PARAGRAPH) blocks.push({ kind: 'paragraph', text: child.asParagraph().getText() });
    else if (type === ElementType.LIST_ITEM) blocks.push({ kind: 'listItem', text: child.asListItem().getText() });
    else if (type === ElementType.TABLE) blocks.push({ kind: 'table', rows: readTable(child.asTable()) });
    else blocks.push({ kind: 'other' });
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

/** The text element a paragraph or list item block is. */
const textElement = (element: GoogleAppsScript.Document.Element, block: TemplateBlock): Paragraph | ListItem =>
  block.kind === 'listItem' ? element.asListItem() : element.asParagraph();

function applyStep(step: FillStep, element: GoogleAppsScript.Document.Element, block: TemplateBlock): void {
  switch (step.kind) {
    case 'remove':
      element.removeFromParent();
      return;
    case 'clear':
      textElement(element, block).setText('');
      return;
    case 'fillText':
      fillText(textElement(element, block), step.fill);
      return;
    case 'fillTable':
      fillTable(element.asTable(), step.fill);
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
