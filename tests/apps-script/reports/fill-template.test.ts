import { beforeAll, describe, expect, it } from 'vitest';
import { createExecutionContext } from '../../../sandbox/src/execution';
import { createDriveApp } from '../../../sandbox/src/services/drive-app';
import type { AppsScriptBundle } from '../../../sandbox/src/runtime/apps-script-bundle';
import { Sandbox, type ExecutionResult } from '../../../sandbox/src/runtime/sandbox';
import { createDocumentApp } from '../../../sandbox/src/services/document-app';
import { emptyWorkspace, type DocumentElementState } from '../../../sandbox/src/workspace';
import { templateGuide, type ReportValues, type ReportVocabulary, type TemplateProblem } from '../../../shared/reports/template-syntax';
import { bundleModule } from '../module-bundle';

// apps-script/src/reports/fill-template.ts, bundled as the product is and run in the sandbox against a
// Google Doc as the product runs it: the fill planned on the template, then applied to a copy of it.
// What the copy ends up holding, what a lead reads when the template has mistakes, and that the
// template itself is never changed.

let bundle: AppsScriptBundle;
beforeAll(async () => {
  bundle = await bundleModule('reports/fill-template.ts');
}, 60_000);

const vocabulary: ReportVocabulary = {
  fields: ['period.label', 'hours_total', 'lead', 'cil.name'],
  lists: { volunteers: ['name', 'hours'], meetings: ['date', 'kind'] },
  flags: ['blockers', 'on_track'],
};

const values: ReportValues = {
  fields: { 'period.label': 'November 2026', hours_total: '42', lead: 'Sara Khan', 'cil.name': 'CIL Lahore' },
  lists: {
    volunteers: [
      { name: 'Ali', hours: '5' },
      { name: 'Bina', hours: '7' },
      { name: 'Chand', hours: '0' },
    ],
    meetings: [{ date: '3 Nov', kind: 'monthly CfP call' }],
  },
  flags: { blockers: true, on_track: false },
};

const withLists = (lists: Partial<ReportValues['lists']>): ReportValues => ({ ...values, lists: { ...values.lists, ...lists } as ReportValues['lists'] });
const withFields = (fields: Record<string, string>): ReportValues => ({ ...values, fields: { ...values.fields, ...fields } });

/** A body child, as a test writes it: a string is a plain paragraph. */
type Block =
  | string
  | { heading: string; text: string; bold?: true }
  | { item: string; glyph?: string; nesting?: number }
  | { table: string[][] }
  | { pageBreak: true };

/** A Google Doc holding these blocks, made before (and apart from) the execution under test. */
function templateDocument(sandbox: Sandbox, blocks: Block[]): string {
  const doc = createDocumentApp(createExecutionContext(sandbox.state, 'template-setup')).create('Monthly progress update template');
  const body = doc.getBody();
  // Appending a table at the end adds the empty paragraph Docs keeps after one; a lead's template has
  // it only where the table ends the document, so it goes once the next block is in.
  let afterTable: ReturnType<typeof body.getChild> | undefined;
  for (const block of blocks) {
    appendBlock(body, block);
    if (afterTable) body.removeChild(afterTable);
    afterTable = typeof block === 'object' && 'table' in block ? body.getChild(body.getNumChildren() - 1) : undefined;
  }
  body.removeChild(body.getChild(0)); // the empty paragraph every new document starts with
  return doc.getId();
}

function appendBlock(body: ReturnType<ReturnType<ReturnType<typeof createDocumentApp>['create']>['getBody']>, block: Block): void {
  {
    if (typeof block === 'string') body.appendParagraph(block);
    else if ('heading' in block) {
      const paragraph = body.appendParagraph(block.text).setHeading(block.heading);
      if (block.bold) paragraph.setAttributes({ BOLD: true });
    } else if ('item' in block) {
      const item = body.appendListItem(block.item);
      if (block.glyph) item.setGlyphType(block.glyph);
      if (block.nesting) item.setNestingLevel(block.nesting);
    } else if ('table' in block) body.appendTable(block.table);
    else body.appendPageBreak();
  }
}

/** What the document holds, in the form the test wrote its template in. */
function contentOf(sandbox: Sandbox, id: string): Block[] {
  return sandbox.state.documents[id]!.body.map((node: DocumentElementState): Block => {
    switch (node.type) {
      case 'paragraph':
        if (node.heading === 'NORMAL' && Object.keys(node.attributes).length === 0) return node.text;
        return { heading: node.heading, text: node.text, ...(node.attributes.BOLD ? { bold: true as const } : {}) };
      case 'listItem':
        return { item: node.text, ...(node.glyph !== 'BULLET' ? { glyph: node.glyph } : {}), ...(node.nesting ? { nesting: node.nesting } : {}) };
      case 'table':
        return { table: node.rows };
      case 'pageBreak':
        return { pageBreak: true };
      default:
        throw new Error(`unexpected ${node.type}`);
    }
  });
}

const newSandbox = () => new Sandbox(emptyWorkspace({ now: new Date('2026-11-27T05:00:00Z') }), bundle);

const bodyOf = (id: string) => (services: Record<string, object>) =>
  (services.DocumentApp as ReturnType<typeof createDocumentApp>).openById(id).getBody();

interface Fill {
  /** The execution's error, the plan's when the template has mistakes. */
  error: string | null;
  serviceCalls: number;
  /** The copy the plan filled, once the plan was made. */
  copyId?: string;
}

/** Plans the fill on the template (one execution), then copies the template and applies the plan to the copy (another). */
function runFill(sandbox: Sandbox, id: string, withValues: ReportValues = values): Fill {
  const plan: ExecutionResult = sandbox.run('planFill', (services) => [bodyOf(id)(services), vocabulary, withValues]);
  if (plan.error !== null) return { error: plan.error, serviceCalls: plan.meter.serviceCalls };
  const copyId = createDriveApp(createExecutionContext(sandbox.state, 'copy')).getFileById(id).makeCopy('Filled').getId();
  const applied = sandbox.run('applyFill', (services) => [bodyOf(copyId)(services), plan.value]);
  return { error: applied.error, serviceCalls: plan.meter.serviceCalls + applied.meter.serviceCalls, copyId };
}

/** Fills a copy of the template and gives what the copy then holds; the template stays as it was. */
function filled(blocks: Block[], withValues: ReportValues = values): Block[] {
  const sandbox = newSandbox();
  const id = templateDocument(sandbox, blocks);
  const template = structuredClone(sandbox.state.documents[id]);
  const result = runFill(sandbox, id, withValues);
  expect(result.error).toBeNull();
  expect(sandbox.state.documents[id]).toEqual(template);
  return contentOf(sandbox, result.copyId!);
}

describe('filling a template: fields', () => {
  it('fills paragraphs, headings, list items and table cells, keeping each paragraph’s formatting', () => {
    expect(
      filled([
        { heading: 'TITLE', text: '{{cil.name}}: {{ period.label }}' },
        { heading: 'NORMAL', text: 'Lead: {{lead}}', bold: true },
        { item: 'Hours logged: {{hours_total}}', glyph: 'NUMBER', nesting: 1 },
        { table: [['Period', '{{period.label}}'], ['Hours', '{{hours_total}} h ({{hours_total}})']] },
      ]),
    ).toEqual([
      { heading: 'TITLE', text: 'CIL Lahore: November 2026' },
      { heading: 'NORMAL', text: 'Lead: Sara Khan', bold: true },
      { item: 'Hours logged: 42', glyph: 'NUMBER', nesting: 1 },
      { table: [['Period', 'November 2026'], ['Hours', '42 h (42)']] },
      '',
    ]);
  });

  // The sandbox refuses $ and \ in a replaceText replacement (Google leaves them undocumented): these
  // pass only because such values go in at offsets, and a value holding a placeholder is not filled again.
  it.each<[string, string, string]>([
    ['$1 and $&', 'Lead: {{lead}}!', 'Lead: $1 and $&!'],
    ['C:\\reports\\', 'Lead: {{lead}}', 'Lead: C:\\reports\\'],
    ['{{hours_total}}', '{{lead}} logged {{hours_total}} hours', '{{hours_total}} logged 42 hours'],
    ['{{lead}}', '{{lead}}, {{lead}}', '{{lead}}, {{lead}}'],
    ['x{{lead}}', '[{{lead}}] [{{ lead }}]', '[x{{lead}}] [x{{lead}}]'],
    ['', 'Lead: [{{lead}}]', 'Lead: []'],
    ['(.*)+?[^]{2}|\\', '{{lead}}', '(.*)+?[^]{2}|\\'],
  ])('puts %j in verbatim', (lead, template, expected) => {
    expect(filled([{ heading: 'HEADING2', text: template, bold: true }, { table: [[template]] }], withFields({ lead }))).toEqual([
      { heading: 'HEADING2', text: expected, bold: true },
      { table: [[expected]] },
      '',
    ]);
  });

  it('fills item values verbatim in repeated rows too', () => {
    const volunteers = [{ name: '$1 {{volunteers.hours}}', hours: '\\d' }, { name: 'Bina', hours: '{{hours_total}}' }];
    expect(filled([{ table: [['{{volunteers.name}}', '{{volunteers.hours}} of {{hours_total}}']] }], withLists({ volunteers }))).toEqual([
      { table: [['$1 {{volunteers.hours}}', '\\d of 42'], ['Bina', '{{hours_total}} of 42']] },
      '',
    ]);
  });
});

describe('filling a template: repeated rows', () => {
  const table = {
    table: [
      ['Volunteer', 'Hours'],
      ['{{volunteers.name}}', '{{volunteers.hours}}'],
      ['Total', '{{hours_total}}'],
    ],
  };

  it.each<[string, ReportValues['lists']['volunteers'], string[][]]>([
    ['many', values.lists.volunteers!, [['Ali', '5'], ['Bina', '7'], ['Chand', '0']]],
    ['one', [{ name: 'Ali', hours: '5' }], [['Ali', '5']]],
    ['no', [], []],
  ])('repeats the row once per item: %s items', (_, volunteers, rows) => {
    expect(filled(['Volunteers', table, 'End'], withLists({ volunteers }))).toEqual([
      'Volunteers',
      { table: [['Volunteer', 'Hours'], ...rows, ['Total', '42']] },
      'End',
    ]);
  });

  it('repeats rows of two lists in one table, and leaves out a table left with no rows', () => {
    expect(
      filled([
        { table: [['{{meetings.date}}', '{{meetings.kind}}'], ['{{volunteers.name}}', '{{volunteers.hours}}']] },
        'Between',
        { table: [['{{meetings.date}}', '{{meetings.kind}}']] },
        'After',
      ], withLists({ volunteers: values.lists.volunteers!.slice(0, 2), meetings: [] })),
    ).toEqual([{ table: [['Ali', '5'], ['Bina', '7']] }, 'Between', 'After']);
  });
});

describe('filling a template: sections', () => {
  it('keeps and drops sections, nested, holding lists, tables and page breaks; the markers never show', () => {
    expect(
      filled([
        { heading: 'HEADING1', text: 'Progress' },
        '{{#if blockers}}',
        { heading: 'HEADING2', text: 'Blockers' },
        { item: 'Waiting on {{lead}}' },
        '{{#if on_track}}',
        'On track despite them',
        { table: [['{{volunteers.name}}']] },
        '{{/if}}',
        '{{#unless on_track}}',
        { table: [['Who', 'Hours'], ['{{volunteers.name}}', '{{volunteers.hours}}']] },
        { pageBreak: true },
        '{{/unless}}',
        '{{/if}}',
        '{{#if meetings}}',
        'Meetings held',
        '{{/if}}',
        '{{#unless volunteers}}',
        'No volunteers this period.',
        '{{/unless}}',
        'Next steps',
      ]),
    ).toEqual([
      { heading: 'HEADING1', text: 'Progress' },
      { heading: 'HEADING2', text: 'Blockers' },
      { item: 'Waiting on Sara Khan' },
      { table: [['Who', 'Hours'], ['Ali', '5'], ['Bina', '7'], ['Chand', '0']] },
      { pageBreak: true },
      'Meetings held',
      'Next steps',
    ]);
  });

  it('empties the body’s last paragraph, which Docs refuses to remove, when it is a marker or dropped', () => {
    expect(filled(['Summary', '{{#if on_track}}', 'On track', '{{/if}}'])).toEqual(['Summary', '']);
    expect(filled(['{{#unless on_track}}', 'Behind', { table: [['{{lead}}']] }, '{{/unless}}'])).toEqual(['Behind', { table: [['Sara Khan']] }, '']);
  });

  it('leaves out the guide at the top of the template', () => {
    expect(filled([...templateGuide(vocabulary), { heading: 'TITLE', text: '{{cil.name}}' }, 'Hours: {{hours_total}}'])).toEqual([
      { heading: 'TITLE', text: 'CIL Lahore' },
      'Hours: 42',
    ]);
  });
});

describe('filling a template: a template with mistakes', () => {
  it.each<[string, Block[], string[]]>([
    [
      'an unknown placeholder',
      ['Monthly report', 'Hours this month: {{hours_totl}}', { table: [['{{hours_total}}']] }],
      ['Unknown placeholder {{hours_totl}} in paragraph 2 ("Hours this month: {{hours_totl}}"), did you mean {{hours_total}}?'],
    ],
    [
      'an unknown list field',
      ['x', { table: [['Name', 'Hours'], ['{{volunteers.name}}', '{{volunteers.hour}}']] }],
      ['Unknown list field {{volunteers.hour}} in table 1, row 2, cell 2 ("{{volunteers.hour}}"), did you mean {{volunteers.hours}}?'],
    ],
    ['an unclosed section', ['a', 'b', '{{#if blockers}}', 'c'], ['{{#if blockers}} in paragraph 3 ("{{#if blockers}}") is never closed with {{/if}}']],
    ['an unmatched close', ['{{lead}}', '{{/if}}'], ['{{/if}} in paragraph 2 ("{{/if}}") has no {{#if …}} before it to close']],
    [
      'a marker sharing its paragraph',
      ['Blockers: {{#unless on_track}}', 'x', '{{/unless}}'],
      [
        '{{#unless on_track}} in paragraph 1 ("Blockers: {{#unless on_track}}") shares its paragraph with other text: put each section marker in a paragraph of its own',
        '{{/unless}} in paragraph 3 ("{{/unless}}") has no {{#unless …}} before it to close',
      ],
    ],
    [
      'a list placeholder outside a table row',
      [{ item: 'Top: {{volunteers.name}}' }],
      ['List placeholder {{volunteers.name}} in paragraph 1 ("Top: {{volunteers.name}}") is outside a table: put it in a table row, which is repeated for each item of volunteers'],
    ],
    [
      'two lists in one row',
      [{ table: [['{{volunteers.name}}', '{{meetings.date}}']] }],
      ['table 1, row 1 mixes the lists volunteers and meetings ({{meetings.date}}): a repeated row may use one list only'],
    ],
    [
      'several at once, in document order',
      ['{{#if on_track}}', '{{leed}}', { table: [['{{#if blockers}}']] }, '{{/unless}}', '{{#unless blockers}}'],
      [
        'Unknown placeholder {{leed}} in paragraph 2 ("{{leed}}"), did you mean {{lead}}?',
        '{{#if blockers}} in table 1, row 1, cell 1 ("{{#if blockers}}") is inside a table: put section markers in paragraphs of their own, outside tables (a section may hold a whole table)',
        '{{/unless}} in paragraph 3 ("{{/unless}}") cannot close {{#if on_track}} from paragraph 1 ("{{#if on_track}}"): close it with {{/if}}',
        '{{#unless blockers}} in paragraph 4 ("{{#unless blockers}}") is never closed with {{/unless}}',
      ],
    ],
  ])('%s: every mistake named and placed, the document left as it was', (_, blocks, messages) => {
    const sandbox = newSandbox();
    const id = templateDocument(sandbox, blocks);
    const before = structuredClone(sandbox.state.documents[id]);
    const updated = sandbox.state.drive.items[id]!.updated;

    const checked = sandbox.run('checkTemplate', (services) => [bodyOf(id)(services), vocabulary]);
    expect(checked.error).toBeNull();
    expect((checked.value as TemplateProblem[]).map((problem) => problem.message)).toEqual(messages);

    const result = runFill(sandbox, id);
    const expected =
      messages.length === 1
        ? `TemplateError: The template has a mistake, so no report was written: ${messages[0]}`
        : `TemplateError: The template has ${messages.length} mistakes, so no report was written:\n${messages.map((m) => `- ${m}`).join('\n')}`;
    expect(result.error).toBe(expected);
    expect(sandbox.state.documents[id]).toEqual(before);
    expect(sandbox.state.drive.items[id]!.updated).toEqual(updated);
  });

  it('finds nothing wrong in a correct template', () => {
    const sandbox = newSandbox();
    const id = templateDocument(sandbox, [...templateGuide(vocabulary), '{{#if volunteers}}', { table: [['{{volunteers.name}}', '{{lead}}']] }, '{{/if}}']);
    const checked = sandbox.run('checkTemplate', (services) => [bodyOf(id)(services), vocabulary]);
    expect(checked.value).toEqual([]);
  });
});

describe('filling a template: the copy', () => {
  it('is refused, unchanged, when it no longer has the blocks the plan was made for', () => {
    const sandbox = newSandbox();
    const id = templateDocument(sandbox, ['Lead: {{lead}}', '{{#if on_track}}', 'On track', '{{/if}}']);
    const plan = sandbox.run('planFill', (services) => [bodyOf(id)(services), vocabulary, values]);
    const drive = createDriveApp(createExecutionContext(sandbox.state, 'copy'));
    const copyId = drive.getFileById(id).makeCopy('Filled').getId();
    createDocumentApp(createExecutionContext(sandbox.state, 'lead')).openById(copyId).getBody().appendParagraph('Added meanwhile');
    const before = structuredClone(sandbox.state.documents[copyId]);
    const applied = sandbox.run('applyFill', (services) => [bodyOf(copyId)(services), plan.value]);
    expect(applied.error).toBe('Error: The template changed while the report was being made; generate the report again.');
    expect(sandbox.state.documents[copyId]).toEqual(before);
  });
});

describe("filling a template: a lead's edited template", () => {
  const original: Block[] = [
    ...templateGuide(vocabulary),
    { heading: 'TITLE', text: 'Monthly progress update: {{period.label}}' },
    'CIL: {{cil.name}}. Lead: {{lead}}.',
    { heading: 'HEADING1', text: 'Hours' },
    'Hours logged this month: {{hours_total}}',
    { table: [['Volunteer', 'Hours'], ['{{volunteers.name}}', '{{volunteers.hours}}']] },
    '{{#if blockers}}',
    { heading: 'HEADING1', text: 'Blockers' },
    'Blocked, reported by {{lead}}.',
    '{{/if}}',
  ];

  it('fills the template as it was made', () => {
    expect(filled(original)).toEqual([
      { heading: 'TITLE', text: 'Monthly progress update: November 2026' },
      'CIL: CIL Lahore. Lead: Sara Khan.',
      { heading: 'HEADING1', text: 'Hours' },
      'Hours logged this month: 42',
      { table: [['Volunteer', 'Hours'], ['Ali', '5'], ['Bina', '7'], ['Chand', '0']] },
      { heading: 'HEADING1', text: 'Blockers' },
      'Blocked, reported by Sara Khan.',
      '',
    ]);
  });

  it('fills it after the lead moved, removed and added placeholders, paragraphs, rows and sections', () => {
    const edited: Block[] = [
      // The guide deleted; the title no longer names the period, which moved into a table.
      { heading: 'TITLE', text: '{{cil.name}}: monthly progress update' },
      { table: [['Period', '{{period.label}}'], ['Total hours', '{{hours_total}}'], ['Lead', '{{ lead }}']] },
      'A paragraph the lead wrote, with no placeholder.',
      { heading: 'HEADING1', text: 'Who did what' },
      { table: [['#', 'Volunteer', 'Hours', 'Target'], ['•', '{{volunteers.name}}', '{{volunteers.hours}} h', '5 h'], ['', 'All', '{{hours_total}} h', '']] },
      { item: 'Meetings: see below' },
      { table: [['{{meetings.date}}: {{meetings.kind}}']] },
      '{{#unless on_track}}',
      { heading: 'HEADING2', text: 'Why we are behind' },
      '{{#if blockers}}',
      'Blockers slowed us; {{lead}} will follow up.',
      '{{/if}}',
      '{{/unless}}',
      'Signed, {{lead}}',
    ];
    expect(filled(edited)).toEqual([
      { heading: 'TITLE', text: 'CIL Lahore: monthly progress update' },
      { table: [['Period', 'November 2026'], ['Total hours', '42'], ['Lead', 'Sara Khan']] },
      'A paragraph the lead wrote, with no placeholder.',
      { heading: 'HEADING1', text: 'Who did what' },
      { table: [['#', 'Volunteer', 'Hours', 'Target'], ['•', 'Ali', '5 h', '5 h'], ['•', 'Bina', '7 h', '5 h'], ['•', 'Chand', '0 h', '5 h'], ['', 'All', '42 h', '']] },
      { item: 'Meetings: see below' },
      { table: [['3 Nov: monthly CfP call']] },
      { heading: 'HEADING2', text: 'Why we are behind' },
      'Blockers slowed us; Sara Khan will follow up.',
      'Signed, Sara Khan',
    ]);
  });
});

describe('filling a template: Google service calls', () => {
  const calls = (volunteers: number, lead = 'Sara Khan') => {
    const sandbox = newSandbox();
    const id = templateDocument(sandbox, [
      ...templateGuide(vocabulary),
      { heading: 'TITLE', text: '{{cil.name}}: {{period.label}}' },
      'Lead: {{lead}}. Hours: {{hours_total}}.',
      { table: [['Volunteer', 'Hours'], ['{{volunteers.name}}', '{{volunteers.hours}}']] },
      '{{#if on_track}}',
      'On track.',
      '{{/if}}',
      'End',
    ]);
    const list = Array.from({ length: volunteers }, (_, i) => ({ name: `Volunteer ${i}`, hours: String(i) }));
    const result = runFill(sandbox, id, { ...withLists({ volunteers: list }), fields: { ...values.fields, lead } });
    expect(result.error).toBeNull();
    return result.serviceCalls;
  };

  it('reads each block once, and costs a fixed number of calls per repeated item', () => {
    const none = calls(0);
    const one = calls(1);
    const fifty = calls(50);
    // Per item: TableRow.copy, Table.insertTableRow and one replaceText per list field.
    expect(one - none).toBe(4);
    expect(fifty - none).toBe(200);
    // A value with $ sends its paragraph's two placeholders in at offsets: editAsText, then insertText
    // and two deleteText each, instead of one replaceText each.
    expect(calls(0, '$5') - none).toBe(5);
    // Planning on the template, 77: getNumChildren, then getChild, getType, asParagraph and getText for
    // each of the 15 paragraphs, and the table cell by cell (15). Filling the copy, 37: getNumChildren,
    // each of the 15 steps' blocks taken by index (getChild, and asParagraph or asTable for the 3 that
    // fill), 12 paragraphs removed (the guide's 9 lines, 2 markers, the dropped one), one replaceText
    // per distinct placeholder (4), the template row taken and removed (2).
    expect(none).toBe(114);
  });
});
