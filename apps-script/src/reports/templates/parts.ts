// The pieces a report template is written in, as plain data: the templates are written into a Google
// Doc once, at setup, and from then on the Doc is the lead's to edit. Placeholders follow
// shared/reports/template-syntax.ts: {{field}}, {{list.field}} in a repeating table row, and
// {{#if name}} … {{/if}} / {{#unless name}} … {{/unless}}, each marker alone in its paragraph.

export type TemplatePart =
  /** 'guide': a line of the how-to at the top, which filling leaves out of every report. */
  | { kind: 'title' | 'heading' | 'paragraph' | 'guide'; text: string }
  /** Rows of cells; a row of one list's placeholders repeats once per item. */
  | { kind: 'table'; rows: readonly (readonly string[])[] };

export const title = (text: string): TemplatePart => ({ kind: 'title', text });
export const heading = (text: string): TemplatePart => ({ kind: 'heading', text });
export const paragraph = (text: string): TemplatePart => ({ kind: 'paragraph', text });

/** A two-column table of labels and the values that fill them, e.g. ['Hours logged', '{{totalHours}}']. */
export const factsTable = (rows: readonly (readonly [string, string])[]): TemplatePart => ({ kind: 'table', rows });

export const ifSection = (flag: string, parts: readonly TemplatePart[]): TemplatePart[] => [paragraph(`{{#if ${flag}}}`), ...parts, paragraph('{{/if}}')];
export const unlessSection = (flag: string, parts: readonly TemplatePart[]): TemplatePart[] => [paragraph(`{{#unless ${flag}}}`), ...parts, paragraph('{{/unless}}')];

/** Column headers and the list fields under them. */
export type Columns = readonly (readonly [header: string, field: string])[];

/** A list as a table (a header row, then a row repeated per item), or the line `none` when the list is empty. */
export function listTable(list: string, columns: Columns, none?: string): TemplatePart[] {
  const table: TemplatePart = {
    kind: 'table',
    rows: [columns.map(([header]) => header), columns.map(([, field]) => `{{${list}.${field}}}`)],
  };
  return [...ifSection(list, [table]), ...(none === undefined ? [] : unlessSection(list, [paragraph(none)]))];
}

// The tables several reports share.

export const VOLUNTEER_COLUMNS: Columns = [
  ['Volunteer', 'name'],
  ['Role', 'role'],
  ['Team', 'team'],
  ['Hours', 'hours'],
  ['Commitment (h)', 'commitment'],
  ['Meetings attended', 'meetings'],
];

export const MEETING_COLUMNS: Columns = [
  ['Date', 'date'],
  ['Meeting', 'title'],
  ['Kind', 'kind'],
  ['Present', 'present'],
  ['Absent with notice', 'withNotice'],
  ['Absent', 'absent'],
  ['Takeaways', 'takeaways'],
];

export const GATHERING_COLUMNS: Columns = [
  ['Date', 'date'],
  ['Title', 'title'],
  ['Participants', 'participants'],
  ['Takeaways', 'takeaways'],
];

export const DELIVERABLE_COLUMNS: Columns = [
  ['Report', 'title'],
  ['Owner', 'owner'],
  ['Due', 'due'],
  ['Status', 'status'],
  ['Submitted', 'submitted'],
];

export const PROJECT_COLUMNS: Columns = [
  ['Project', 'name'],
  ['Status', 'status'],
  ['Partner', 'partner'],
  ['Lead', 'lead'],
  ['Hours', 'hours'],
];

export const STORY_COLUMNS: Columns = [
  ['Published', 'published'],
  ['Kind', 'kind'],
  ['Title', 'title'],
  ['Outlet', 'outlet'],
  ['Views', 'views'],
  ['Reactions', 'reactions'],
  ['Shares', 'shares'],
];

export const CONTRIBUTOR_COLUMNS: Columns = [
  ['Volunteer', 'name'],
  ['Role', 'role'],
  ['Hours', 'hours'],
];

/** The heading every report opens with: the report and the CIL, then the period it covers. */
export const opening = (reportTitle: string): TemplatePart[] => [title(`${reportTitle}: {{cil.name}}`), paragraph('{{period.name}}')];
