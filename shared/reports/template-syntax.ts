// The report template language, as leads write it in Google Docs: `{{field}}`, `{{list.field}}` in a
// table row that repeats per item, and `{{#if flag}}` … `{{/if}}` / `{{#unless flag}}` … `{{/unless}}`
// sections, each marker alone in its paragraph. Pure: the Docs side (apps-script/src/reports/
// fill-template.ts) reads a document into TemplateBlocks and applies the plan of template-plan.ts.

/** The values one report offers its template, computed from the records. */
export interface ReportValues {
  fields: Record<string, string>;
  /** Each list's items; an item gives a value for every field the vocabulary names for the list. */
  lists: Record<string, Record<string, string>[]>;
  flags: Record<string, boolean>;
}

/** The names one report kind offers: what a template for it may use. A list's name is also a flag. */
export interface ReportVocabulary {
  fields: readonly string[];
  lists: Readonly<Record<string, readonly string[]>>;
  flags: readonly string[];
}

/** A run of text: literal, or a `{{…}}` placeholder. Offsets are in the text; `end` is exclusive. */
export type TemplateToken =
  | { kind: 'literal'; text: string; start: number; end: number }
  /** `inner` is what stands between the braces, trimmed. */
  | { kind: 'placeholder'; text: string; inner: string; start: number; end: number };

export type SectionKind = 'if' | 'unless';

/** What a placeholder means for a given vocabulary, or why it means nothing. */
export type TemplateTag =
  | { kind: 'field'; name: string }
  | { kind: 'listField'; list: string; field: string }
  | { kind: 'open'; section: SectionKind; flag: string }
  | { kind: 'close'; section: SectionKind }
  /**
   * A name or shape the vocabulary does not know. A lead reads `${reason} in ${place}${hint}`, e.g.
   * "Unknown placeholder {{hours_totl}}" + " in paragraph 14 (…)" + ", did you mean {{hours_total}}?".
   */
  | { kind: 'invalid'; reason: string; hint: string };

/** A plain picture of the top-level blocks of a document body, in order. */
export type TemplateBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'listItem'; text: string }
  /** Each row's cells' texts. */
  | { kind: 'table'; rows: string[][] }
  /** Anything without text of its own (a page break, a horizontal rule, a table of contents…). */
  | { kind: 'other' };

/** One mistake in a template, placed so a lead can find it. */
export interface TemplateProblem {
  /** The placeholder as written, e.g. `{{hours_totl}}`, or the guide line concerned. */
  placeholder: string;
  /** e.g. `paragraph 14 ("Hours this month: {{hours_totl}}")` or `table 2, row 3, cell 1 ("…")`. */
  place: string;
  /** The whole sentence for the lead, naming the placeholder and its place. */
  message: string;
}

/** A template that cannot be filled; `problems` lists every mistake found, before anything changed. */
export class TemplateError extends Error {
  readonly problems: readonly TemplateProblem[];

  constructor(problems: readonly TemplateProblem[]) {
    super(
      problems.length === 1
        ? `The template has a mistake, so no report was written: ${problems[0]!.message}`
        : `The template has ${problems.length} mistakes, so no report was written:\n${problems.map((p) => `- ${p.message}`).join('\n')}`,
    );
    this.name = 'TemplateError';
    this.problems = problems;
  }
}

// ---------------------------------------------------------------- tokens

/** `{{`, anything but braces, `}}`: a placeholder, valid or not; a lone `{{` stays literal text. */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/;
const NAME = '[A-Za-z0-9_.-]+';
const NAME_ONLY = new RegExp(`^${NAME}$`);
const OPENING = new RegExp(`^#(if|unless)\\s+(${NAME})$`);
const CLOSING = /^\/(if|unless)$/;

/** Object.hasOwn is ES2022, past the ES2019 the Apps Script bundle targets (matchAll, ES2020, is avoided too). */
export const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

export function tokenizeTemplateText(text: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  const pattern = new RegExp(PLACEHOLDER.source, 'g');
  let at = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    if (start > at) tokens.push({ kind: 'literal', text: text.slice(at, start), start: at, end: start });
    const end = start + match[0].length;
    tokens.push({ kind: 'placeholder', text: match[0], inner: match[1]!.trim(), start, end });
    at = end;
  }
  if (at < text.length) tokens.push({ kind: 'literal', text: text.slice(at), start: at, end: text.length });
  return tokens;
}

/** The placeholders of a text, in order. */
export function placeholdersOf(text: string): Extract<TemplateToken, { kind: 'placeholder' }>[] {
  return tokenizeTemplateText(text).filter((t): t is Extract<TemplateToken, { kind: 'placeholder' }> => t.kind === 'placeholder');
}

// ---------------------------------------------------------------- meaning

const didYouMean = (name: string, candidates: readonly string[], wrap: (name: string) => string): string | undefined => {
  const suggestion = suggestName(name, candidates);
  return suggestion === undefined ? undefined : `, did you mean ${wrap(suggestion)}?`;
};

/**
 * What a placeholder means for this vocabulary: `inner` is what stands between its braces, trimmed;
 * `text` is the placeholder as written, for the messages.
 */
export function classifyPlaceholder(inner: string, vocabulary: ReportVocabulary, text = `{{${inner}}}`): TemplateTag {
  const closing = CLOSING.exec(inner);
  if (closing) return { kind: 'close', section: closing[1] as SectionKind };
  const opening = OPENING.exec(inner);
  if (opening) {
    const section = opening[1] as SectionKind;
    const flag = opening[2]!;
    if (vocabulary.flags.includes(flag) || hasOwn(vocabulary.lists, flag)) return { kind: 'open', section, flag };
    const flags = [...vocabulary.flags, ...Object.keys(vocabulary.lists)];
    return {
      kind: 'invalid',
      reason: `Unknown condition ${text}`,
      hint: didYouMean(flag, flags, (f) => `{{#${section} ${f}}}`) ?? `: the conditions are ${flags.join(', ')}`,
    };
  }
  if (/^[#/]/.test(inner)) {
    return { kind: 'invalid', reason: `Unknown section marker ${text}`, hint: ': write {{#if name}}, {{#unless name}}, {{/if}} or {{/unless}}' };
  }
  if (!NAME_ONLY.test(inner)) {
    return { kind: 'invalid', reason: `Malformed placeholder ${text}`, hint: ': a name holds only letters, digits, dots, underscores and hyphens' };
  }
  if (vocabulary.fields.includes(inner)) return { kind: 'field', name: inner };
  const dot = inner.indexOf('.');
  if (dot > 0) {
    const list = inner.slice(0, dot);
    const field = inner.slice(dot + 1);
    const fields = hasOwn(vocabulary.lists, list) ? vocabulary.lists[list]! : undefined;
    if (fields) {
      if (fields.includes(field)) return { kind: 'listField', list, field };
      return {
        kind: 'invalid',
        reason: `Unknown list field ${text}`,
        hint: didYouMean(field, fields, (f) => `{{${list}.${f}}}`) ?? `: the list ${list} has ${fields.join(', ')}`,
      };
    }
  }
  const names = [...vocabulary.fields, ...Object.entries(vocabulary.lists).flatMap(([list, fields]) => fields.map((f) => `${list}.${f}`))];
  return { kind: 'invalid', reason: `Unknown placeholder ${text}`, hint: didYouMean(inner, names, (n) => `{{${n}}}`) ?? '' };
}

/** The closest candidate to a misspelt name (case ignored), when it is close enough to be a typo. */
export function suggestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  return best && best.distance <= allowed ? best.candidate : undefined;
}

/** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(d);
    }
  }
  return rows[a.length]![b.length]!;
}

// ---------------------------------------------------------------- the guide at the top of a template

/** The first and last lines of the guide; everything from one to the other is left out of reports. */
export const TEMPLATE_GUIDE_START = 'How to edit this template (CIL Hub leaves this guide out of every report, down to its last line)';
export const TEMPLATE_GUIDE_END = 'End of the template guide';

/** The guide put at the top of every template, one paragraph per line. */
export const TEMPLATE_SYNTAX_HELP: readonly string[] = [
  TEMPLATE_GUIDE_START,
  'Write {{name}} where a value from the records should go, for example {{period.label}}. A name holds letters, digits, dots, underscores and hyphens; spaces inside the braces are fine, as in {{ period.label }}. Move, copy or delete placeholders as you like.',
  'Repeating rows: in a table, a row whose cells hold placeholders of one list, such as {{volunteers.name}} and {{volunteers.hours}}, is repeated once for each item of the list. When the list is empty the row is left out, and a table left with no rows at all is left out too. A row may use one list only, and a list placeholder only works in a table row.',
  'Optional parts: a paragraph holding only {{#if name}} and, further down, one holding only {{/if}} keep what is between them when name is true, and leave it out when it is false; {{#unless name}} … {{/unless}} does the reverse. A list works as a name too: it is true when it has items, so {{#unless volunteers}}, a line "No volunteers this period.", and {{/unless}} say so when the list is empty. Optional parts may hold paragraphs, lists and tables, and may be nested. The marker paragraphs themselves never appear in the report.',
  'If the template has a mistake (a misspelt name, an optional part never closed), CIL Hub writes no report and names each mistake and where it is.',
  TEMPLATE_GUIDE_END,
];

/** The guide with the names this report offers, for the top of its template. */
export function templateGuide(vocabulary: ReportVocabulary): string[] {
  const lists = Object.entries(vocabulary.lists).map(([list, fields]) => `${list} (${fields.map((f) => `{{${list}.${f}}}`).join(', ')})`);
  const names = [
    vocabulary.fields.length > 0 ? `Fields: ${vocabulary.fields.map((f) => `{{${f}}}`).join(', ')}.` : undefined,
    lists.length > 0 ? `Lists for repeating rows: ${lists.join('; ')}.` : undefined,
    vocabulary.flags.length > 0 ? `Names for optional parts (besides the lists): ${vocabulary.flags.join(', ')}.` : undefined,
  ].filter((line): line is string => line !== undefined);
  return [...TEMPLATE_SYNTAX_HELP.slice(0, -1), ...names, TEMPLATE_GUIDE_END];
}
