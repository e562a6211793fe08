// Checking and planning the filling of a template, over a plain picture of its top-level blocks. The
// whole template is checked first; a plan exists only for a template without problems, so the Docs
// side never changes a document it cannot finish.
//
// Text is filled with replaceText of each placeholder's exact text (one call per placeholder, and
// Docs keeps the placeholder's formatting for the value). A value that replaceText would match again
// (it holds a placeholder, or completes one with the text around it) would be expanded twice; the plan
// sees that by filling the picture the same way, and edits that element at offsets instead.

import {
  classifyPlaceholder,
  hasOwn,
  tokenizeTemplateText,
  TEMPLATE_GUIDE_END,
  TEMPLATE_GUIDE_START,
  type ReportValues,
  type ReportVocabulary,
  type SectionKind,
  type TemplateBlock,
  type TemplateProblem,
  type TemplateToken,
} from './template-syntax';

/** replaceText(exact placeholder text, value) over an element: every occurrence. */
export interface Replacement {
  placeholder: string;
  value: string;
}

/** One placeholder's text at [start, end) replaced by value; a list of edits runs last first. */
export interface TextEdit {
  start: number;
  end: number;
  value: string;
}

export type TextFill = { kind: 'replace'; replacements: Replacement[] } | { kind: 'edit'; edits: TextEdit[] };

export interface CellEdits {
  cell: number;
  edits: TextEdit[];
}

/** A template row, copied once per item (items[i] fills the i-th copy) and then removed. */
export type RepeatedRow =
  | { row: number; kind: 'replace'; items: Replacement[][] }
  | { row: number; kind: 'edit'; items: CellEdits[][] };

export type TableFill =
  /** `replacements` over the whole table first (the template rows' fields too), then the rows repeated, last first. */
  | { kind: 'replace'; replacements: Replacement[]; repeated: RepeatedRow[] }
  /** Fixed rows' cells edited at offsets, then the rows repeated, last first. */
  | { kind: 'edit'; cells: { row: number; cells: CellEdits[] }[]; repeated: RepeatedRow[] };

/** Steps on the body's children, last block first, so each block's index holds when its step runs. */
export type FillStep =
  | { kind: 'remove'; block: number }
  /** The body's last paragraph, which Docs refuses to remove: emptied instead. */
  | { kind: 'clear'; block: number }
  | { kind: 'fillText'; block: number; fill: TextFill }
  | { kind: 'fillTable'; block: number; fill: TableFill };

type Placeholder = Extract<TemplateToken, { kind: 'placeholder' }>;

// ---------------------------------------------------------------- places

const quote = (text: string): string => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine}"`;
};

/** Where each block is, in words a lead can follow: paragraphs (list items too) and tables counted from 1. */
function placesOf(blocks: readonly TemplateBlock[]): string[] {
  let paragraphs = 0;
  let tables = 0;
  return blocks.map((block) => {
    if (block.kind === 'table') return `table ${++tables}`;
    if (block.kind === 'other') return '';
    return `paragraph ${++paragraphs} (${quote(block.text)})`;
  });
}

const cellPlace = (table: string, row: number, cell: number, text: string) => `${table}, row ${row + 1}, cell ${cell + 1} (${quote(text)})`;

// ---------------------------------------------------------------- the walk

interface OpenSection {
  section: SectionKind;
  flag: string;
  marker: string;
  place: string;
  keep: boolean;
}

interface Walk {
  problems: TemplateProblem[];
  steps: FillStep[];
}

const isText = (block: TemplateBlock) => block.kind === 'paragraph' || block.kind === 'listItem';

const problem = (placeholder: string, place: string, message: string): TemplateProblem => ({ placeholder, place, message });

/** Every problem of the template, in document order; none means it can be filled. */
export function checkTemplateBlocks(blocks: readonly TemplateBlock[], vocabulary: ReportVocabulary): TemplateProblem[] {
  return walk(blocks, vocabulary, undefined).problems;
}

/** The problems, or (when there are none) the steps that fill the template with these values. */
export function planTemplateFill(
  blocks: readonly TemplateBlock[],
  vocabulary: ReportVocabulary,
  values: ReportValues,
): { problems: TemplateProblem[]; steps: FillStep[] } {
  const problems = checkTemplateBlocks(blocks, vocabulary);
  return problems.length > 0 ? { problems, steps: [] } : { problems, steps: walk(blocks, vocabulary, values).steps.reverse() };
}

function walk(blocks: readonly TemplateBlock[], vocabulary: ReportVocabulary, values: ReportValues | undefined): Walk {
  const places = placesOf(blocks);
  const result: Walk = { problems: [], steps: [] };
  const open: OpenSection[] = [];
  const lastBlock = blocks.length - 1;
  const drop = (block: number) => result.steps.push({ kind: block === lastBlock && isText(blocks[block]!) ? 'clear' : 'remove', block });
  let guide: { place: string } | undefined;

  blocks.forEach((block, index) => {
    const place = places[index]!;
    const keeping = open.every((s) => s.keep);
    if (block.kind === 'paragraph' || block.kind === 'listItem') {
      const line = block.text.trim();
      if (guide) {
        if (line === TEMPLATE_GUIDE_END) guide = undefined;
        drop(index);
        return;
      }
      if (line === TEMPLATE_GUIDE_START) {
        guide = { place };
        drop(index);
        return;
      }
      if (line === TEMPLATE_GUIDE_END) {
        result.problems.push(
          problem(TEMPLATE_GUIDE_END, place, `The line "${TEMPLATE_GUIDE_END}" in ${place} ends a template guide whose first line ("${TEMPLATE_GUIDE_START}") is missing: put that line back, or delete the rest of the guide`),
        );
        return;
      }
      const marker = sectionMarker(block.text, place, vocabulary, result.problems);
      if (marker === 'none') {
        const fill = fillParagraph(block.text, place, vocabulary, values, keeping, result.problems);
        if (!keeping) drop(index);
        else if (fill) result.steps.push({ kind: 'fillText', block: index, fill });
        return;
      }
      drop(index);
      if (marker === 'problem') return;
      if (marker.kind === 'open') {
        const keep = keeping && values !== undefined && flagValue(marker.flag, vocabulary, values) === (marker.section === 'if');
        open.push({ section: marker.section, flag: marker.flag, marker: marker.text, place, keep });
        return;
      }
      const innermost = open.pop();
      if (!innermost) {
        result.problems.push(problem(marker.text, place, `${marker.text} in ${place} has no {{#${marker.section} …}} before it to close`));
      } else if (innermost.section !== marker.section) {
        result.problems.push(
          problem(marker.text, place, `${marker.text} in ${place} cannot close ${innermost.marker} from ${innermost.place}: close it with {{/${innermost.section}}}`),
        );
      }
      return;
    }
    if (guide) {
      drop(index);
      return;
    }
    if (!keeping) {
      if (block.kind === 'table') checkTable(block.rows, place, vocabulary, undefined, result.problems);
      drop(index);
      return;
    }
    if (block.kind === 'table') {
      const fill = checkTable(block.rows, place, vocabulary, values, result.problems);
      if (fill === 'remove') drop(index);
      else if (fill) result.steps.push({ kind: 'fillTable', block: index, fill });
    }
  });

  if (guide) {
    result.problems.push(
      problem(TEMPLATE_GUIDE_START, guide.place, `The template guide starting in ${guide.place} has lost its last line ("${TEMPLATE_GUIDE_END}"): put it back, or delete the whole guide`),
    );
  }
  for (const section of open) {
    result.problems.push(problem(section.marker, section.place, `${section.marker} in ${section.place} is never closed with {{/${section.section}}}`));
  }
  return result;
}

/** A paragraph's section marker, 'none' when it holds none, 'problem' when the marker is misused or unknown. */
function sectionMarker(
  text: string,
  place: string,
  vocabulary: ReportVocabulary,
  problems: TemplateProblem[],
): 'none' | 'problem' | { kind: 'open'; section: SectionKind; flag: string; text: string } | { kind: 'close'; section: SectionKind; text: string } {
  const tokens = tokenizeTemplateText(text);
  const markers = tokens.filter((t): t is Placeholder => t.kind === 'placeholder' && /^[#/]/.test(t.inner));
  if (markers.length === 0) return 'none';
  const others = tokens.filter((t) => !markers.includes(t as Placeholder) && !(t.kind === 'literal' && t.text.trim() === ''));
  if (markers.length > 1 || others.length > 0) {
    problems.push(
      problem(markers[0]!.text, place, `${markers[0]!.text} in ${place} shares its paragraph with other text: put each section marker in a paragraph of its own`),
    );
    return 'problem';
  }
  const token = markers[0]!;
  const tag = classifyPlaceholder(token.inner, vocabulary, token.text);
  if (tag.kind === 'open') return { kind: 'open', section: tag.section, flag: tag.flag, text: token.text };
  if (tag.kind === 'close') return { kind: 'close', section: tag.section, text: token.text };
  if (tag.kind === 'invalid') problems.push(problem(token.text, place, `${tag.reason} in ${place}${tag.hint}`));
  return 'problem';
}

function flagValue(flag: string, vocabulary: ReportVocabulary, values: ReportValues): boolean {
  if (vocabulary.flags.includes(flag)) {
    const value = values.flags[flag];
    if (typeof value !== 'boolean') throw new Error(`The report's values have no flag ${flag}, which its vocabulary offers`);
    return value;
  }
  return listItems(flag, values).length > 0;
}

function listItems(list: string, values: ReportValues): Record<string, string>[] {
  const items = hasOwn(values.lists, list) ? values.lists[list] : undefined;
  if (!items) throw new Error(`The report's values have no list ${list}, which its vocabulary offers`);
  return items;
}

/**
 * A value as it goes into Docs: every line break ("\r\n", "\r", "\n", as a Sheets cell may hold them)
 * one "\n", which Docs keeps as a line break inside the placeholder's paragraph or cell and reads back
 * as "\r". One character per break, so the offsets of the edits hold.
 */
const docsValue = (value: string) => value.replace(/\r\n?/g, '\n');

function fieldValue(name: string, values: ReportValues): string {
  const value = hasOwn(values.fields, name) ? values.fields[name] : undefined;
  if (typeof value !== 'string') throw new Error(`The report's values have no field ${name}, which its vocabulary offers`);
  return docsValue(value);
}

function itemValue(list: string, field: string, item: Record<string, string>): string {
  const value = hasOwn(item, field) ? item[field] : undefined;
  if (typeof value !== 'string') throw new Error(`An item of the list ${list} has no field ${field}, which the vocabulary offers`);
  return docsValue(value);
}

// ---------------------------------------------------------------- text

/** Placeholders of a paragraph or cell that must be filled, problems reported; list fields allowed only in a table row. */
function readPlaceholders(
  text: string,
  place: string,
  vocabulary: ReportVocabulary,
  problems: TemplateProblem[],
  inTable: boolean,
): { token: Placeholder; list?: string; name: string }[] {
  const found: { token: Placeholder; list?: string; name: string }[] = [];
  for (const token of tokenizeTemplateText(text)) {
    if (token.kind !== 'placeholder') continue;
    const tag = classifyPlaceholder(token.inner, vocabulary, token.text);
    if (tag.kind === 'invalid') {
      problems.push(problem(token.text, place, `${tag.reason} in ${place}${tag.hint}`));
    } else if (tag.kind === 'open' || tag.kind === 'close') {
      problems.push(
        problem(token.text, place, inTable
          ? `${token.text} in ${place} is inside a table: put section markers in paragraphs of their own, outside tables (a section may hold a whole table)`
          : `${token.text} in ${place} shares its paragraph with other text: put each section marker in a paragraph of its own`),
      );
    } else if (tag.kind === 'listField') {
      if (inTable) found.push({ token, list: tag.list, name: tag.field });
      else {
        problems.push(
          problem(token.text, place, `List placeholder ${token.text} in ${place} is outside a table: put it in a table row, which is repeated for each item of ${tag.list}`),
        );
      }
    } else {
      found.push({ token, name: tag.name });
    }
  }
  return found;
}

/** The text with each placeholder at its place replaced by its value: what filling must give. */
function filledText(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.value + out.slice(edit.end);
  return out;
}

/**
 * What replaceText of each placeholder in turn does to a text: every occurrence, leftmost first, no
 * overlap. Google does not document what `$` or `\` do in a replacement (regex engines treat them as
 * group references and escapes), so a value holding one is never given to replaceText: undefined
 * here, and the element is edited at offsets instead.
 */
const replaceInTurn = (text: string | undefined, replacements: readonly Replacement[]) =>
  replacements.reduce<string | undefined>(
    (out, r) => (out === undefined || /[$\\]/.test(r.value) ? undefined : out.split(r.placeholder).join(r.value)),
    text,
  );

/** One replacement per distinct placeholder text; a placeholder whose value is itself needs none. */
function replacementsOf(edits: readonly (TextEdit & { placeholder: string })[]): Replacement[] {
  const seen = new Map<string, string>();
  for (const edit of edits) if (edit.value !== edit.placeholder) seen.set(edit.placeholder, edit.value);
  return [...seen].map(([placeholder, value]) => ({ placeholder, value }));
}

/** Edits, last first, for these placeholders with their values. */
const editsFor = (found: readonly { token: Placeholder }[], valueOf: (i: number) => string) =>
  found.map((f, i) => ({ start: f.token.start, end: f.token.end, value: valueOf(i), placeholder: f.token.text })).reverse();

const plainEdits = (edits: readonly (TextEdit & { placeholder: string })[]): TextEdit[] =>
  edits.map(({ start, end, value }) => ({ start, end, value }));

function fillParagraph(
  text: string,
  place: string,
  vocabulary: ReportVocabulary,
  values: ReportValues | undefined,
  keeping: boolean,
  problems: TemplateProblem[],
): TextFill | undefined {
  const found = readPlaceholders(text, place, vocabulary, problems, false);
  if (!values || !keeping || found.length === 0) return undefined;
  const edits = editsFor(found, (i) => fieldValue(found[i]!.name, values));
  const replacements = replacementsOf(edits);
  if (replacements.length === 0) return undefined;
  return replaceInTurn(text, replacements) === filledText(text, edits) ? { kind: 'replace', replacements } : { kind: 'edit', edits: plainEdits(edits) };
}

// ---------------------------------------------------------------- tables

interface RowPlan {
  row: number;
  list: string | undefined;
  cells: { cell: number; text: string; found: { token: Placeholder; list?: string; name: string }[] }[];
}

/** Checks a table; with values, how to fill it ('remove' when every row is a repeated row with no items). */
function checkTable(
  rows: readonly (readonly string[])[],
  table: string,
  vocabulary: ReportVocabulary,
  values: ReportValues | undefined,
  problems: TemplateProblem[],
): TableFill | 'remove' | undefined {
  const plans: RowPlan[] = rows.map((cells, row) => {
    const planned = cells.map((text, cell) => ({ cell, text, found: readPlaceholders(text, cellPlace(table, row, cell, text), vocabulary, problems, true) }));
    const lists = [...new Set(planned.flatMap((c) => c.found.flatMap((f) => (f.list === undefined ? [] : [f.list]))))];
    if (lists.length > 1) {
      const second = planned.flatMap((c) => c.found).find((f) => f.list === lists[1])!;
      problems.push(
        problem(second.token.text, `${table}, row ${row + 1}`, `${table}, row ${row + 1} mixes the lists ${lists.join(' and ')} (${second.token.text}): a repeated row may use one list only`),
      );
    }
    return { row, list: lists[0], cells: planned };
  });
  if (!values) return undefined;

  const repeatedRows = plans.filter((p) => p.list !== undefined);
  if (repeatedRows.length === rows.length && repeatedRows.every((p) => listItems(p.list!, values).length === 0)) return 'remove';

  const fieldEdits = (p: RowPlan) =>
    p.cells.map((c) => ({
      cell: c.cell,
      text: c.text,
      edits: editsFor(c.found, (i) => (c.found[i]!.list === undefined ? fieldValue(c.found[i]!.name, values) : c.found[i]!.token.text)),
    }));
  const allFieldEdits = plans.flatMap((p) => fieldEdits(p).flatMap((c) => c.edits.filter((e) => e.value !== e.placeholder)));
  const replacements = replacementsOf(allFieldEdits);

  // The replace way: the fields over the whole table, then each copy of a template row gets its item's values.
  let replaceWorks = plans.every((p) => fieldEdits(p).every((c) => p.list !== undefined || replaceInTurn(c.text, replacements) === filledText(c.text, c.edits)));
  const replaceRepeated: RepeatedRow[] = [];
  const editRepeated: RepeatedRow[] = [];
  for (const p of [...repeatedRows].reverse()) {
    const items = listItems(p.list!, values);
    const itemEdits = items.map((item) =>
      p.cells.map((c) => ({
        cell: c.cell,
        text: c.text,
        edits: editsFor(c.found, (i) => {
          const f = c.found[i]!;
          return f.list === undefined ? fieldValue(f.name, values) : itemValue(f.list, f.name, item);
        }),
      })),
    );
    const itemReplacements = items.map((item) =>
      replacementsOf(p.cells.flatMap((c) => c.found.filter((f) => f.list !== undefined).map((f) => ({ start: 0, end: 0, placeholder: f.token.text, value: itemValue(p.list!, f.name, item) })))),
    );
    replaceWorks &&= itemEdits.every((cells, i) =>
      cells.every((c) => replaceInTurn(replaceInTurn(c.text, replacements), itemReplacements[i]!) === filledText(c.text, c.edits)),
    );
    replaceRepeated.push({ row: p.row, kind: 'replace', items: itemReplacements });
    editRepeated.push({
      row: p.row,
      kind: 'edit',
      items: itemEdits.map((cells) => cells.filter((c) => c.edits.length > 0).map((c) => ({ cell: c.cell, edits: plainEdits(c.edits) }))),
    });
  }
  if (replaceWorks) {
    return replacements.length === 0 && replaceRepeated.length === 0 ? undefined : { kind: 'replace', replacements, repeated: replaceRepeated };
  }
  const cells = plans
    .filter((p) => p.list === undefined)
    .map((p) => ({
      row: p.row,
      cells: fieldEdits(p)
        .map((c) => ({ cell: c.cell, edits: plainEdits(c.edits.filter((e) => e.value !== e.placeholder)) }))
        .filter((c) => c.edits.length > 0),
    }))
    .filter((r) => r.cells.length > 0)
    .reverse();
  return { kind: 'edit', cells, repeated: editRepeated };
}
