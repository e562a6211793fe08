import type { ExecutionContext } from '../execution';
import { fail, googleErrors } from '../google-errors';
import type { DocumentElementState, DocumentState } from '../workspace';
import { Blob, textPdf, type PdfLine } from './blob';
import { addDriveItem, driveItemUrl, MIME, touchDriveItem } from './drive-items';

// developers.google.com/apps-script/reference/document — a document is a body of paragraphs, list
// items, tables, horizontal rules and page breaks, kept as plain data in `state.documents[id]`.
//
// Fidelity points modelled here:
// - Edits are live for this script, but Drive sees a document as last SAVED: until saveAndClose() (or
//   the end of the execution), DriveApp's getAs/getBlob/makeCopy give the content as it was before
//   this execution changed it — the classic "my PDF still shows the {{placeholders}}" bug.
// - After saveAndClose() the body and every element taken from it refuse further use; the Document
//   itself still answers getId/getName/getUrl and exports what was saved.
// - replaceText/findText patterns are regular expressions (RE2: no lookaround, no backreferences), matched
//   separately against each paragraph, list item and table cell. What `$` and `\` do in a replacement
//   is not documented (body#replaceText), so a replacement holding either is refused; any other
//   replacement goes in as it is.
// - An element inserted into another (Table.insertTableRow(index, row), Body.insertParagraph(index,
//   paragraph) and the like) must be detached: a copy(), from this document or another, or a removed
//   element; inserting it attaches that very element (container-element#copy).
// - A table cannot end a body: appending one adds an empty paragraph after it, and the last paragraph
//   of the body cannot be removed.
// - A document holds at most 1,020,000 characters; an edit beyond that throws.
// - A "\n" in text given to Docs (replaceText's replacement, insertText, setText, new paragraphs and
//   cells) is a line break inside that paragraph or cell, not a new paragraph, and reads back as "\r",
//   as a Shift+Enter break does (Tanaike's note on replaceText with "\n",
//   gist.github.com/tanaikech/7de3ed734ac9b103631c3a20452dca74; Docs' getText gives such breaks as "\r",
//   gist.github.com/erickoledadevrel/bec0993dfada5f1aebfb).
// Simplifications: a horizontal rule or page break is a body child of its own (Google wraps it in a
// paragraph); text styles are kept per paragraph (whole-element setBold etc.), and style calls on
// ranges, list items and table cells are accepted without being stored. Body.getText() joins children
// with '\n', and a table's text is its rows joined with '\n', cells with '\t'.

const MAX_CHARACTERS = 1_020_000;

const HEADINGS = ['NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE'] as const;
const GLYPHS = ['BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER'] as const;
const ALIGNMENTS = ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const;
const ATTRIBUTES = [
  'BACKGROUND_COLOR', 'BOLD', 'FONT_FAMILY', 'FONT_SIZE', 'FOREGROUND_COLOR', 'HORIZONTAL_ALIGNMENT', 'ITALIC',
  'LINE_SPACING', 'LINK_URL', 'SPACING_AFTER', 'SPACING_BEFORE', 'STRIKETHROUGH', 'UNDERLINE',
] as const;
const ELEMENT_TYPES = [
  'BODY_SECTION', 'COMMENT_SECTION', 'DATE', 'EQUATION', 'EQUATION_FUNCTION', 'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL', 'FOOTER_SECTION', 'FOOTNOTE', 'FOOTNOTE_SECTION', 'HEADER_SECTION', 'HORIZONTAL_RULE',
  'INLINE_DRAWING', 'INLINE_IMAGE', 'LIST_ITEM', 'PAGE_BREAK', 'PARAGRAPH', 'PERSON', 'RICH_LINK', 'TABLE',
  'TABLE_CELL', 'TABLE_OF_CONTENTS', 'TABLE_ROW', 'TEXT', 'UNSUPPORTED',
] as const;

const enumOf = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, k])) as { [P in K]: P };

type ParagraphNode = Extract<DocumentElementState, { type: 'paragraph' }>;
type ListItemNode = Extract<DocumentElementState, { type: 'listItem' }>;
type TableNode = Extract<DocumentElementState, { type: 'table' }>;

/** One opened Document: its id, and whether saveAndClose() has ended it. */
interface DocSession {
  readonly ctx: ExecutionContext;
  readonly id: string;
  closed: boolean;
}

// ---------------------------------------------------------------- saved vs. live content

/** Per execution: each document's content as it was before this execution first changed it. */
const unsavedBaselines = new WeakMap<ExecutionContext, Map<string, DocumentState>>();

/** What Drive sees of a document: the content as last saved (see the header). */
export function savedDocument(ctx: ExecutionContext, id: string): DocumentState | undefined {
  return unsavedBaselines.get(ctx)?.get(id) ?? ctx.state.documents[id];
}

function live(session: DocSession): DocumentState {
  if (session.closed) fail(googleErrors.documentClosed());
  return session.ctx.state.documents[session.id] ?? fail(googleErrors.documentNotFound(session.id));
}

/** The document, about to be changed: remembers its saved content first. */
function editing(session: DocSession): DocumentState {
  const doc = live(session);
  let baselines = unsavedBaselines.get(session.ctx);
  if (!baselines) unsavedBaselines.set(session.ctx, (baselines = new Map()));
  if (!baselines.has(session.id)) baselines.set(session.id, structuredClone(doc));
  touchDriveItem(session.ctx, session.id);
  return doc;
}

// ---------------------------------------------------------------- text slots

/** One run of text Google matches patterns against: a paragraph, a list item or a table cell. */
interface TextSlot {
  /** Identifies the slot across views: the node (paragraph, list item) or the row array with a cell's column. */
  owner: object;
  column: number;
  get(): string;
  set(text: string): void;
  attributes: Record<string, string | number | boolean> | null;
  parent(session: DocSession): object;
}

function nodeSlot(node: ParagraphNode | ListItemNode): TextSlot {
  return {
    owner: node,
    column: -1,
    get: () => node.text,
    set: (text) => {
      node.text = text;
    },
    attributes: node.type === 'paragraph' ? node.attributes : null,
    parent: (session) => childView(session, node),
  };
}

function cellSlot(table: TableNode, row: string[], column: number): TextSlot {
  return {
    owner: row,
    column,
    get: () => row[column] ?? '',
    set: (text) => {
      row[column] = text;
    },
    attributes: null,
    parent: (session) => new TableCell(session, table, row, column),
  };
}

function slotsOf(node: DocumentElementState): TextSlot[] {
  switch (node.type) {
    case 'paragraph':
    case 'listItem':
      return [nodeSlot(node)];
    case 'table':
      return node.rows.flatMap((row) => row.map((_, c) => cellSlot(node, row, c)));
    default:
      return [];
  }
}

function nodeText(node: DocumentElementState): string {
  switch (node.type) {
    case 'paragraph':
    case 'listItem':
      return node.text;
    case 'table':
      return node.rows.map((row) => row.join('\t')).join('\n');
    default:
      return '';
  }
}

/** Text as Docs keeps it: each "\n" a line break within the element, read back as "\r" (see the header). */
const asDocsText = (text: string) => text.replace(/\n/g, '\r');

const characterCount = (doc: DocumentState) =>
  doc.body.reduce((sum, node) => sum + slotsOf(node).reduce((n, slot) => n + slot.get().length, 0), 0);

function ensureRoom(doc: DocumentState, added: number): void {
  if (added > 0 && characterCount(doc) + added > MAX_CHARACTERS) fail(googleErrors.documentTooLarge(MAX_CHARACTERS));
}

function setSlotText(session: DocSession, slot: TextSlot, text: unknown, method: string): void {
  if (typeof text !== 'string') fail(googleErrors.signatureMismatch([text], method));
  const doc = editing(session);
  ensureRoom(doc, text.length - slot.get().length);
  slot.set(asDocsText(text));
}

/** A Docs search pattern (RE2) as a JavaScript RegExp; what RE2 lacks is refused as Docs refuses it. */
function searchPattern(pattern: unknown): RegExp {
  if (typeof pattern !== 'string' || pattern === '') return fail(googleErrors.invalidArgument('searchPattern'));
  let source = pattern;
  let flags = 'g';
  const inline = /^\(\?([imsU]+)\)/.exec(source);
  if (inline) {
    if (inline[1]!.includes('U')) fail(googleErrors.invalidSearchPattern(pattern));
    flags += inline[1];
    source = source.slice(inline[0].length);
  }
  if (/\(\?<?[=!]|\\[1-9]|\\k</.test(source)) fail(googleErrors.invalidSearchPattern(pattern));
  source = source.replace(/\(\?P</g, '(?<');
  try {
    return new RegExp(source, flags);
  } catch {
    return fail(googleErrors.invalidSearchPattern(pattern));
  }
}

function replaceInSlots(session: DocSession, slots: TextSlot[], pattern: unknown, replacement: unknown): void {
  const regex = searchPattern(pattern);
  if (typeof replacement !== 'string') fail(googleErrors.signatureMismatch([pattern, replacement], 'replaceText'));
  if (/[$\\]/.test(replacement)) fail(googleErrors.replacementUnknown(replacement));
  const inserted = asDocsText(replacement);
  const doc = live(session);
  // An empty paragraph or cell holds no Text element, so there is nothing in it to match.
  const changes = slots
    .filter((slot) => slot.get() !== '')
    .map((slot) => ({ slot, text: slot.get().replace(regex, () => inserted) }))
    .filter((change) => change.text !== change.slot.get());
  if (changes.length === 0) return;
  editing(session);
  ensureRoom(doc, changes.reduce((sum, c) => sum + c.text.length - c.slot.get().length, 0));
  for (const change of changes) change.slot.set(change.text);
}

function findInSlots(session: DocSession, slots: TextSlot[], pattern: unknown, from: unknown): RangeElement | null {
  const regex = searchPattern(pattern);
  live(session);
  let startSlot = 0;
  let startOffset = 0;
  if (from !== undefined && from !== null) {
    const previous = rangeInternals.get(from as object);
    if (!previous) return fail(googleErrors.invalidArgument('from'));
    startSlot = slots.findIndex((s) => s.owner === previous.slot.owner && s.column === previous.slot.column);
    if (startSlot < 0) return fail(googleErrors.invalidArgument('from'));
    startOffset = previous.end + 1;
  }
  for (let i = startSlot; i < slots.length; i++) {
    const slot = slots[i]!;
    regex.lastIndex = i === startSlot ? startOffset : 0;
    const match = regex.exec(slot.get());
    if (match && match[0] !== '') return new RangeElement(session, slot, match.index, match.index + match[0].length - 1);
  }
  return null;
}

// ---------------------------------------------------------------- elements

const childInternals = new WeakMap<object, { session: DocSession; node: DocumentElementState }>();

function childView(session: DocSession, node: DocumentElementState): BodyChild {
  switch (node.type) {
    case 'paragraph':
      return new Paragraph(session, node);
    case 'listItem':
      return new ListItem(session, node);
    case 'table':
      return new Table(session, node);
    case 'horizontalRule':
      return new HorizontalRule(session, node);
    case 'pageBreak':
      return new PageBreak(session, node);
  }
}

const TYPE_OF: Record<DocumentElementState['type'], string> = {
  paragraph: 'PARAGRAPH',
  listItem: 'LIST_ITEM',
  table: 'TABLE',
  horizontalRule: 'HORIZONTAL_RULE',
  pageBreak: 'PAGE_BREAK',
};

function checkIndex(index: unknown, count: number, inclusive: boolean): number {
  if (typeof index !== 'number' || !Number.isInteger(index)) return fail(googleErrors.invalidArgument('index'));
  if (index < 0 || index > count || (!inclusive && index === count)) {
    fail(inclusive ? googleErrors.insertIndexOutOfRange(index, count) : googleErrors.childIndexOutOfRange(index, count));
  }
  return index;
}

function removeFromBody(session: DocSession, node: DocumentElementState): void {
  const doc = live(session);
  const index = doc.body.indexOf(node);
  if (index < 0) return;
  const isLast = index === doc.body.length - 1;
  if (isLast && (node.type === 'paragraph' || node.type === 'listItem')) fail(googleErrors.lastParagraph());
  editing(session).body.splice(index, 1);
}

/**
 * The node of an element given to Body.insert…(element): it must be of the method's kind, and detached
 * (a copy(), or an element removed from its body), in this document or another one.
 */
function detachedNode(session: DocSession, element: unknown, kind: abstract new (...args: never[]) => BodyChild, args: unknown[], method: string): DocumentElementState {
  const internals = element instanceof kind ? childInternals.get(element) : undefined;
  if (!internals) return fail(googleErrors.signatureMismatch(args, method));
  live(session);
  if (live(internals.session).body.includes(internals.node)) fail(googleErrors.elementNotDetached());
  return internals.node;
}

/** Elements that sit directly in the body. */
abstract class BodyChild {
  constructor(session: DocSession, node: DocumentElementState) {
    childInternals.set(this, { session, node });
  }

  getType(): string {
    const { session, node } = childInternals.get(this)!;
    live(session);
    return TYPE_OF[node.type];
  }

  getText(): string {
    const { session, node } = childInternals.get(this)!;
    live(session);
    return nodeText(node);
  }

  /** The body, or null once the element has been removed. */
  getParent(): Body | null {
    const { session, node } = childInternals.get(this)!;
    return live(session).body.includes(node) ? new Body(session) : null;
  }

  getNextSibling(): BodyChild | null {
    return this.#sibling(1);
  }

  getPreviousSibling(): BodyChild | null {
    return this.#sibling(-1);
  }

  #sibling(step: number): BodyChild | null {
    const { session, node } = childInternals.get(this)!;
    const body = live(session).body;
    const index = body.indexOf(node);
    const sibling = index < 0 ? undefined : body[index + step];
    return sibling ? childView(session, sibling) : null;
  }

  removeFromParent(): this {
    const { session, node } = childInternals.get(this)!;
    removeFromBody(session, node);
    return this;
  }

  /** A detached deep copy, for Body.appendParagraph(paragraph) and the like, in this or another document (container-element#copy). */
  copy(): BodyChild {
    const { session, node } = childInternals.get(this)!;
    live(session);
    return childView(session, structuredClone(node));
  }

  replaceText(searchPattern: string, replacement: string): this {
    const { session, node } = childInternals.get(this)!;
    replaceInSlots(session, slotsOf(node), searchPattern, replacement);
    return this;
  }

  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    const { session, node } = childInternals.get(this)!;
    return findInSlots(session, slotsOf(node), searchPattern, from);
  }

  asParagraph(): Paragraph {
    return this.#as(Paragraph, 'PARAGRAPH');
  }

  asListItem(): ListItem {
    return this.#as(ListItem, 'LIST_ITEM');
  }

  asTable(): Table {
    return this.#as(Table, 'TABLE');
  }

  asHorizontalRule(): HorizontalRule {
    return this.#as(HorizontalRule, 'HORIZONTAL_RULE');
  }

  asPageBreak(): PageBreak {
    return this.#as(PageBreak, 'PAGE_BREAK');
  }

  #as<T extends BodyChild>(kind: abstract new (...args: never[]) => T, name: string): T {
    return this instanceof kind ? this : fail(googleErrors.elementCast(this.getType(), name));
  }
}

/** The text of a paragraph, list item or table cell, as editAsText() and findText() hand it out. */
class Text {
  #session: DocSession;
  #slot: TextSlot;

  constructor(session: DocSession, slot: TextSlot) {
    this.#session = session;
    this.#slot = slot;
  }

  getType(): string {
    live(this.#session);
    return 'TEXT';
  }

  getParent(): object {
    live(this.#session);
    return this.#slot.parent(this.#session);
  }

  getText(): string {
    live(this.#session);
    return this.#slot.get();
  }

  setText(text: string): Text {
    setSlotText(this.#session, this.#slot, text, 'Text.setText');
    return this;
  }

  appendText(text: string): Text {
    if (typeof text !== 'string') fail(googleErrors.signatureMismatch([text], 'Text.appendText'));
    setSlotText(this.#session, this.#slot, this.#slot.get() + text, 'Text.appendText');
    return this;
  }

  insertText(offset: number, text: string): Text {
    const current = this.#slot.get();
    const at = checkOffset(offset, current.length + 1);
    if (typeof text !== 'string') fail(googleErrors.signatureMismatch([offset, text], 'Text.insertText'));
    setSlotText(this.#session, this.#slot, current.slice(0, at) + text + current.slice(at), 'Text.insertText');
    return this;
  }

  deleteText(startOffset: number, endOffsetInclusive: number): Text {
    const current = this.#slot.get();
    const start = checkOffset(startOffset, current.length);
    const end = checkOffset(endOffsetInclusive, current.length);
    if (end < start) fail(googleErrors.invalidArgument('endOffsetInclusive'));
    setSlotText(this.#session, this.#slot, current.slice(0, start) + current.slice(end + 1), 'Text.deleteText');
    return this;
  }

  replaceText(searchPattern: string, replacement: string): Text {
    replaceInSlots(this.#session, [this.#slot], searchPattern, replacement);
    return this;
  }

  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    return findInSlots(this.#session, [this.#slot], searchPattern, from);
  }

  setBold(...args: unknown[]): Text {
    return this.#style('BOLD', args, 'boolean');
  }

  setItalic(...args: unknown[]): Text {
    return this.#style('ITALIC', args, 'boolean');
  }

  setUnderline(...args: unknown[]): Text {
    return this.#style('UNDERLINE', args, 'boolean');
  }

  setFontSize(...args: unknown[]): Text {
    return this.#style('FONT_SIZE', args, 'number');
  }

  setFontFamily(...args: unknown[]): Text {
    return this.#style('FONT_FAMILY', args, 'string');
  }

  setForegroundColor(...args: unknown[]): Text {
    return this.#style('FOREGROUND_COLOR', args, 'string');
  }

  setBackgroundColor(...args: unknown[]): Text {
    return this.#style('BACKGROUND_COLOR', args, 'string');
  }

  setLinkUrl(...args: unknown[]): Text {
    return this.#style('LINK_URL', args, 'string');
  }

  /** (value) styles the whole element; (start, endInclusive, value) a range, which is checked but not stored. */
  #style(attribute: string, args: unknown[], kind: 'boolean' | 'number' | 'string'): Text {
    const value = args.length === 3 ? args[2] : args[0];
    if ((args.length !== 1 && args.length !== 3) || (typeof value !== kind && value !== null)) {
      fail(googleErrors.signatureMismatch(args, `Text.set${attribute}`));
    }
    editing(this.#session);
    if (args.length === 3) {
      const length = this.#slot.get().length;
      const start = checkOffset(args[0], length);
      if (checkOffset(args[1], length) < start) fail(googleErrors.invalidArgument('endOffsetInclusive'));
    } else if (this.#slot.attributes) {
      if (value === null) delete this.#slot.attributes[attribute];
      else this.#slot.attributes[attribute] = value as string | number | boolean;
    }
    return this;
  }
}

function checkOffset(offset: unknown, length: number): number {
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset >= Math.max(length, 1)) {
    return fail(googleErrors.invalidArgument('offset'));
  }
  return offset;
}

const rangeInternals = new WeakMap<object, { slot: TextSlot; end: number }>();

/** A match found by findText: the Text it lies in and its offsets. */
class RangeElement {
  #session: DocSession;
  #slot: TextSlot;
  #start: number;
  #end: number;

  constructor(session: DocSession, slot: TextSlot, start: number, endInclusive: number) {
    this.#session = session;
    this.#slot = slot;
    this.#start = start;
    this.#end = endInclusive;
    rangeInternals.set(this, { slot, end: endInclusive });
  }

  getElement(): Text {
    return new Text(this.#session, this.#slot);
  }

  getStartOffset(): number {
    return this.#start;
  }

  getEndOffsetInclusive(): number {
    return this.#end;
  }

  isPartial(): boolean {
    return this.#start > 0 || this.#end < this.#slot.get().length - 1;
  }
}

/** A paragraph or a list item: a body child that is one run of editable text. */
abstract class TextElement extends BodyChild {
  setText(text: string): this {
    const { session, node } = childInternals.get(this)!;
    const method = node.type === 'paragraph' ? 'Paragraph.setText' : 'ListItem.setText';
    setSlotText(session, nodeSlot(node as ParagraphNode | ListItemNode), text, method);
    return this;
  }

  appendText(text: string): Text {
    return this.editAsText().appendText(text);
  }

  editAsText(): Text {
    const { session, node } = childInternals.get(this)!;
    live(session);
    return new Text(session, nodeSlot(node as ParagraphNode | ListItemNode));
  }
}

class Paragraph extends TextElement {
  #session: DocSession;
  #node: ParagraphNode;

  constructor(session: DocSession, node: ParagraphNode) {
    super(session, node);
    this.#session = session;
    this.#node = node;
  }

  getHeading(): string {
    live(this.#session);
    return this.#node.heading;
  }

  setHeading(heading: string): Paragraph {
    if (!(HEADINGS as readonly unknown[]).includes(heading)) fail(googleErrors.signatureMismatch([heading], 'Paragraph.setHeading'));
    editing(this.#session);
    this.#node.heading = heading;
    return this;
  }

  getAlignment(): string | null {
    live(this.#session);
    return (this.#node.attributes.HORIZONTAL_ALIGNMENT as string | undefined) ?? null;
  }

  setAlignment(alignment: string): Paragraph {
    if (!(ALIGNMENTS as readonly unknown[]).includes(alignment)) fail(googleErrors.signatureMismatch([alignment], 'Paragraph.setAlignment'));
    editing(this.#session);
    this.#node.attributes.HORIZONTAL_ALIGNMENT = alignment;
    return this;
  }

  /** Every attribute key, null where unset, as Google returns them. */
  getAttributes(): Record<string, string | number | boolean | null> {
    live(this.#session);
    return Object.fromEntries(ATTRIBUTES.map((key) => [key, this.#node.attributes[key] ?? null]));
  }

  setAttributes(attributes: Record<string, unknown>): Paragraph {
    if (typeof attributes !== 'object' || attributes === null) fail(googleErrors.signatureMismatch([attributes], 'Paragraph.setAttributes'));
    editing(this.#session);
    for (const [key, value] of Object.entries(attributes)) {
      if (!(ATTRIBUTES as readonly string[]).includes(key)) continue; // Google ignores keys that are not attributes
      if (value === null) delete this.#node.attributes[key];
      else if (['string', 'number', 'boolean'].includes(typeof value)) this.#node.attributes[key] = value as string | number | boolean;
      else fail(googleErrors.invalidArgument(key));
    }
    return this;
  }
}

class ListItem extends TextElement {
  #session: DocSession;
  #node: ListItemNode;

  constructor(session: DocSession, node: ListItemNode) {
    super(session, node);
    this.#session = session;
    this.#node = node;
  }

  getNestingLevel(): number {
    live(this.#session);
    return this.#node.nesting;
  }

  /** Docs lists nest nine levels deep (0–8). */
  setNestingLevel(nestingLevel: number): ListItem {
    if (typeof nestingLevel !== 'number' || !Number.isInteger(nestingLevel) || nestingLevel < 0 || nestingLevel > 8) {
      fail(googleErrors.invalidArgument('nestingLevel'));
    }
    editing(this.#session);
    this.#node.nesting = nestingLevel;
    return this;
  }

  getGlyphType(): string {
    live(this.#session);
    return this.#node.glyph;
  }

  setGlyphType(glyphType: string): ListItem {
    if (!(GLYPHS as readonly unknown[]).includes(glyphType)) fail(googleErrors.signatureMismatch([glyphType], 'ListItem.setGlyphType'));
    editing(this.#session);
    this.#node.glyph = glyphType;
    return this;
  }
}

class HorizontalRule extends BodyChild {}

class PageBreak extends BodyChild {}

/** Apps Script's String[][] for a table: anything but strings (numbers included) does not match the signature. */
function tableCells(cells: unknown, method: string): string[][] {
  if (cells === undefined) return [];
  if (!Array.isArray(cells) || !cells.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'string'))) {
    return fail(googleErrors.signatureMismatch([cells], method));
  }
  const rows = cells as string[][];
  if (rows.some((row) => row.length !== rows[0]!.length)) fail(googleErrors.invalidArgument('cells'));
  return rows.map((row) => row.map(asDocsText));
}

class Table extends BodyChild {
  #session: DocSession;
  #node: TableNode;

  constructor(session: DocSession, node: TableNode) {
    super(session, node);
    this.#session = session;
    this.#node = node;
  }

  getNumRows(): number {
    live(this.#session);
    return this.#node.rows.length;
  }

  getNumChildren(): number {
    return this.getNumRows();
  }

  getRow(rowIndex: number): TableRow {
    live(this.#session);
    const row = this.#node.rows[checkIndex(rowIndex, this.#node.rows.length, false)]!;
    return new TableRow(this.#session, this.#node, row);
  }

  getChild(childIndex: number): TableRow {
    return this.getRow(childIndex);
  }

  getCell(rowIndex: number, cellIndex: number): TableCell {
    const row = this.getRow(rowIndex);
    return row.getCell(cellIndex);
  }

  /** appendTableRow() adds an empty row; appendTableRow(row) adds a copy of a (removed) row's cells. */
  appendTableRow(tableRow?: TableRow): TableRow {
    return this.insertTableRow(this.#node.rows.length, tableRow);
  }

  /** With a row, inserts that (detached) row itself, as Google does: the row is attached from then on. */
  insertTableRow(childIndex: number, tableRow?: TableRow): TableRow {
    live(this.#session);
    const at = checkIndex(childIndex, this.#node.rows.length, true);
    let cells: string[] = [];
    if (tableRow !== undefined) {
      const source = rowInternals.get(tableRow as object);
      if (!source) return fail(googleErrors.signatureMismatch([childIndex, tableRow], 'Table.insertTableRow'));
      if (isAttached(source)) fail(googleErrors.elementNotDetached());
      cells = source.row;
    }
    const doc = editing(this.#session);
    ensureRoom(doc, cells.reduce((n, c) => n + c.length, 0));
    this.#node.rows.splice(at, 0, cells);
    return new TableRow(this.#session, this.#node, cells);
  }

  /** Removes and returns the row, detached from the table. */
  removeRow(rowIndex: number): TableRow {
    live(this.#session);
    const at = checkIndex(rowIndex, this.#node.rows.length, false);
    editing(this.#session);
    const [row] = this.#node.rows.splice(at, 1);
    return new TableRow(this.#session, this.#node, row!);
  }
}

const rowInternals = new WeakMap<object, { session: DocSession; row: string[] }>();

/** Whether a row sits in a table of its document (a copy or a removed row does not). */
function isAttached({ session, row }: { session: DocSession; row: string[] }): boolean {
  return live(session).body.some((node) => node.type === 'table' && node.rows.includes(row));
}

class TableRow {
  #session: DocSession;
  #table: TableNode;
  #row: string[];

  constructor(session: DocSession, table: TableNode, row: string[]) {
    this.#session = session;
    this.#table = table;
    this.#row = row;
    rowInternals.set(this, { session, row });
  }

  getType(): string {
    live(this.#session);
    return 'TABLE_ROW';
  }

  getText(): string {
    live(this.#session);
    return this.#row.join('\t');
  }

  getNumCells(): number {
    live(this.#session);
    return this.#row.length;
  }

  getNumChildren(): number {
    return this.getNumCells();
  }

  getCell(cellIndex: number): TableCell {
    live(this.#session);
    return new TableCell(this.#session, this.#table, this.#row, checkIndex(cellIndex, this.#row.length, false));
  }

  getChild(childIndex: number): TableCell {
    return this.getCell(childIndex);
  }

  appendTableCell(text = ''): TableCell {
    if (typeof text !== 'string') fail(googleErrors.signatureMismatch([text], 'TableRow.appendTableCell'));
    const doc = editing(this.#session);
    ensureRoom(doc, text.length);
    this.#row.push(asDocsText(text));
    return new TableCell(this.#session, this.#table, this.#row, this.#row.length - 1);
  }

  removeCell(cellIndex: number): TableCell {
    live(this.#session);
    const at = checkIndex(cellIndex, this.#row.length, false);
    editing(this.#session);
    const [text] = this.#row.splice(at, 1);
    return new TableCell(this.#session, this.#table, [text!], 0);
  }

  /** The table holding the row; null for a detached row (a copy, or a removed row). */
  getParentTable(): Table | null {
    const table = live(this.#session).body.find((node): node is TableNode => node.type === 'table' && node.rows.includes(this.#row));
    return table ? new Table(this.#session, table) : null;
  }

  getParent(): Table | null {
    return this.getParentTable();
  }

  /** A detached deep copy, ready for Table.insertTableRow (container-element#copy). */
  copy(): TableRow {
    live(this.#session);
    return new TableRow(this.#session, this.#table, [...this.#row]);
  }

  editAsText(): Text {
    return fail(googleErrors.elementCast('TABLE_ROW', 'TEXT'));
  }

  replaceText(searchPattern: string, replacement: string): TableRow {
    replaceInSlots(this.#session, this.#row.map((_, c) => cellSlot(this.#table, this.#row, c)), searchPattern, replacement);
    return this;
  }
}

class TableCell {
  #session: DocSession;
  #table: TableNode;
  #row: string[];
  #column: number;

  constructor(session: DocSession, table: TableNode, row: string[], column: number) {
    this.#session = session;
    this.#table = table;
    this.#row = row;
    this.#column = column;
  }

  getType(): string {
    live(this.#session);
    return 'TABLE_CELL';
  }

  getText(): string {
    live(this.#session);
    return this.#row[this.#column] ?? '';
  }

  setText(text: string): TableCell {
    setSlotText(this.#session, cellSlot(this.#table, this.#row, this.#column), text, 'TableCell.setText');
    return this;
  }

  clear(): TableCell {
    return this.setText('');
  }

  editAsText(): Text {
    live(this.#session);
    return new Text(this.#session, cellSlot(this.#table, this.#row, this.#column));
  }

  replaceText(searchPattern: string, replacement: string): TableCell {
    replaceInSlots(this.#session, [cellSlot(this.#table, this.#row, this.#column)], searchPattern, replacement);
    return this;
  }

  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    return findInSlots(this.#session, [cellSlot(this.#table, this.#row, this.#column)], searchPattern, from);
  }

  getParentRow(): TableRow {
    live(this.#session);
    return new TableRow(this.#session, this.#table, this.#row);
  }

  getParent(): TableRow {
    return this.getParentRow();
  }

  getParentTable(): Table {
    live(this.#session);
    return new Table(this.#session, this.#table);
  }
}

// ---------------------------------------------------------------- body and document

const emptyParagraph = (text = ''): ParagraphNode => ({ type: 'paragraph', text, heading: 'NORMAL', attributes: {} });

class Body {
  #session: DocSession;

  constructor(session: DocSession) {
    this.#session = session;
  }

  getType(): string {
    live(this.#session);
    return 'BODY_SECTION';
  }

  getText(): string {
    return live(this.#session).body.map(nodeText).join('\n');
  }

  getNumChildren(): number {
    return live(this.#session).body.length;
  }

  getChild(childIndex: number): BodyChild {
    const body = live(this.#session).body;
    return childView(this.#session, body[checkIndex(childIndex, body.length, false)]!);
  }

  getChildIndex(child: BodyChild): number {
    const node = childInternals.get(child as object)?.node;
    const index = node ? live(this.#session).body.indexOf(node) : -1;
    return index >= 0 ? index : fail(googleErrors.notAChild());
  }

  getParagraphs(): (Paragraph | ListItem)[] {
    return live(this.#session)
      .body.filter((n): n is ParagraphNode | ListItemNode => n.type === 'paragraph' || n.type === 'listItem')
      .map((n) => childView(this.#session, n) as Paragraph | ListItem);
  }

  getListItems(): ListItem[] {
    return live(this.#session)
      .body.filter((n): n is ListItemNode => n.type === 'listItem')
      .map((n) => new ListItem(this.#session, n));
  }

  getTables(): Table[] {
    return live(this.#session)
      .body.filter((n): n is TableNode => n.type === 'table')
      .map((n) => new Table(this.#session, n));
  }

  /** appendParagraph(text) makes a paragraph; appendParagraph(paragraph) appends that detached paragraph itself. */
  appendParagraph(content: string | Paragraph): Paragraph {
    return this.insertParagraph(this.getNumChildren(), content);
  }

  insertParagraph(childIndex: number, content: string | Paragraph): Paragraph {
    if (typeof content === 'string') return this.#insert(childIndex, emptyParagraph(asDocsText(content)), content.length) as Paragraph;
    const node = detachedNode(this.#session, content, Paragraph, [childIndex, content], 'Body.insertParagraph');
    return this.#insert(childIndex, node, nodeText(node).length) as Paragraph;
  }

  appendListItem(content: string | ListItem): ListItem {
    return this.insertListItem(this.getNumChildren(), content);
  }

  insertListItem(childIndex: number, content: string | ListItem): ListItem {
    if (typeof content === 'string') {
      return this.#insert(childIndex, { type: 'listItem', text: asDocsText(content), nesting: 0, glyph: 'BULLET' }, content.length) as ListItem;
    }
    const node = detachedNode(this.#session, content, ListItem, [childIndex, content], 'Body.insertListItem');
    return this.#insert(childIndex, node, nodeText(node).length) as ListItem;
  }

  /** appendTable() and appendTable(cells) make a table; appendTable(table) appends that detached table itself. */
  appendTable(content?: string[][] | Table): Table {
    return this.insertTable(this.getNumChildren(), content);
  }

  insertTable(childIndex: number, content?: string[][] | Table): Table {
    const node: TableNode =
      content instanceof Table
        ? (detachedNode(this.#session, content, Table, [childIndex, content], 'Body.insertTable') as TableNode)
        : { type: 'table', rows: tableCells(content, 'Body.insertTable') };
    const rows = node.rows;
    const table = this.#insert(childIndex, node, rows.flat().reduce((n, c) => n + c.length, 0)) as Table;
    const body = live(this.#session).body;
    if (body[body.length - 1] === node) body.push(emptyParagraph());
    return table;
  }

  appendHorizontalRule(): HorizontalRule {
    return this.insertHorizontalRule(this.getNumChildren());
  }

  insertHorizontalRule(childIndex: number): HorizontalRule {
    return this.#insert(childIndex, { type: 'horizontalRule' }, 0) as HorizontalRule;
  }

  appendPageBreak(pageBreak?: PageBreak): PageBreak {
    return this.insertPageBreak(this.getNumChildren(), pageBreak);
  }

  insertPageBreak(childIndex: number, pageBreak?: PageBreak): PageBreak {
    const node = pageBreak === undefined ? { type: 'pageBreak' as const } : detachedNode(this.#session, pageBreak, PageBreak, [childIndex, pageBreak], 'Body.insertPageBreak');
    return this.#insert(childIndex, node, 0) as PageBreak;
  }

  #insert(childIndex: number, node: DocumentElementState, characters: number): BodyChild {
    const doc = live(this.#session);
    const at = checkIndex(childIndex, doc.body.length, true);
    ensureRoom(doc, characters);
    editing(this.#session).body.splice(at, 0, node);
    return childView(this.#session, node);
  }

  removeChild(child: BodyChild): Body {
    const node = childInternals.get(child as object)?.node;
    if (!node || !live(this.#session).body.includes(node)) fail(googleErrors.notAChild());
    removeFromBody(this.#session, node);
    return this;
  }

  /** A cleared body keeps one empty paragraph, as every Docs body does. */
  clear(): Body {
    const doc = editing(this.#session);
    doc.body.splice(0, doc.body.length, emptyParagraph());
    return this;
  }

  replaceText(searchPattern: string, replacement: string): Body {
    replaceInSlots(this.#session, live(this.#session).body.flatMap(slotsOf), searchPattern, replacement);
    return this;
  }

  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    return findInSlots(this.#session, live(this.#session).body.flatMap(slotsOf), searchPattern, from);
  }

  editAsText(): Text {
    return fail(googleErrors.elementCast('BODY_SECTION', 'TEXT'));
  }
}

const HEADING_SIZES: Record<string, number> = {
  TITLE: 26, SUBTITLE: 15, HEADING1: 20, HEADING2: 16, HEADING3: 14, HEADING4: 12, HEADING5: 11, HEADING6: 11,
};

/** The PDF Google would export: the document's text, page breaks honoured, headings larger. */
export function documentPdf(doc: DocumentState, name: string): Blob {
  const pages: PdfLine[][] = [[]];
  let number = 0;
  for (const node of doc.body) {
    const page = pages[pages.length - 1]!;
    number = node.type === 'listItem' && node.glyph === 'NUMBER' ? number + 1 : 0;
    switch (node.type) {
      case 'paragraph':
        for (const line of node.text.split(/\r|\n/)) page.push({ text: line, size: HEADING_SIZES[node.heading] ?? 11 });
        break;
      case 'listItem':
        page.push({ text: `${'    '.repeat(node.nesting + 1)}${node.glyph === 'NUMBER' ? `${number}.` : '\u2022'} ${node.text}`, size: 11 });
        break;
      case 'table':
        for (const row of node.rows) page.push({ text: row.join(' | '), size: 11 });
        break;
      case 'horizontalRule':
        page.push({ text: '', size: 11 });
        break;
      case 'pageBreak':
        pages.push([]);
        break;
    }
  }
  return new Blob(textPdf(pages, name), MIME.pdf, `${name}.pdf`);
}

class Document {
  #session: DocSession;

  constructor(session: DocSession) {
    this.#session = session;
  }

  /** Name, id and URL stay readable after saveAndClose(), as scripts rely on (`DriveApp.getFileById(doc.getId())`). */
  #item() {
    return this.#session.ctx.state.drive.items[this.#session.id] ?? fail(googleErrors.documentNotFound(this.#session.id));
  }

  getId(): string {
    return this.#item().id;
  }

  getName(): string {
    return this.#item().name;
  }

  setName(name: string): Document {
    if (typeof name !== 'string' || name === '') fail(googleErrors.invalidArgument('name'));
    const item = this.#item();
    live(this.#session).name = name;
    item.name = name;
    touchDriveItem(this.#session.ctx, item.id);
    return this;
  }

  getUrl(): string {
    return driveItemUrl(this.#item());
  }

  getBody(): Body {
    live(this.#session);
    return new Body(this.#session);
  }

  /** Saves (Drive now sees the edits) and closes: this Document and its elements can no longer be used. */
  saveAndClose(): void {
    live(this.#session);
    unsavedBaselines.get(this.#session.ctx)?.delete(this.#session.id);
    this.#session.closed = true;
  }

  /**
   * "currently only 'application/pdf' is supported". Before saveAndClose() the export shows the current
   * contents; after it, what was saved (editing is what a closed Document refuses, not exporting).
   */
  getAs(contentType: string): Blob {
    if (contentType !== MIME.pdf) fail(googleErrors.conversionNotSupported(MIME.document, String(contentType)));
    const { ctx, id, closed } = this.#session;
    const content = closed ? savedDocument(ctx, id) : live(this.#session);
    return documentPdf(content ?? fail(googleErrors.documentNotFound(id)), this.getName());
  }

  getBlob(): Blob {
    return this.getAs(MIME.pdf);
  }
}

export function createDocumentApp(ctx: ExecutionContext) {
  const open = (id: string) => new Document({ ctx, id, closed: false });

  return {
    ParagraphHeading: enumOf(HEADINGS),
    GlyphType: enumOf(GLYPHS),
    HorizontalAlignment: enumOf(ALIGNMENTS),
    Attribute: enumOf(ATTRIBUTES),
    ElementType: enumOf(ELEMENT_TYPES),

    /** A new Google Doc in the root of My Drive, with the one empty paragraph every body has. */
    create(name: string): Document {
      if (typeof name !== 'string') fail(googleErrors.signatureMismatch([name], 'DocumentApp.create'));
      if (name === '') fail(googleErrors.invalidArgument('name'));
      const item = addDriveItem(ctx, { kind: 'file', name, mimeType: MIME.document });
      ctx.state.documents[item.id] = { id: item.id, name, body: [emptyParagraph()] };
      return open(item.id);
    },

    /** Trashed documents still open, as in Google. */
    openById(id: string): Document {
      if (typeof id !== 'string') fail(googleErrors.signatureMismatch([id], 'DocumentApp.openById'));
      if (!ctx.state.documents[id] || !ctx.state.drive.items[id]) fail(googleErrors.documentNotFound(id));
      return open(id);
    },

    openByUrl(url: string): Document {
      if (typeof url !== 'string') fail(googleErrors.signatureMismatch([url], 'DocumentApp.openByUrl'));
      const id = /^https:\/\/docs\.google\.com\/document\/d\/([A-Za-z0-9_-]+)/.exec(url)?.[1];
      if (!id || !ctx.state.documents[id] || !ctx.state.drive.items[id]) fail(googleErrors.documentUrlNotFound(url));
      return open(id);
    },

    /** CIL Hub's script is bound to a spreadsheet, never to a document. */
    getActiveDocument: (): Document | null => null,
  };
}
