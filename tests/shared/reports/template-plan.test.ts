import { describe, expect, it } from 'vitest';
import { checkTemplateBlocks, planTemplateFill, type FillStep, type TextEdit, type Replacement } from '../../../shared/reports/template-plan';
import {
  TEMPLATE_SYNTAX_HELP,
  templateGuide,
  type ReportValues,
  type ReportVocabulary,
  type TemplateBlock,
} from '../../../shared/reports/template-syntax';

const vocabulary: ReportVocabulary = {
  fields: ['period.label', 'hours_total', 'lead', 'a', 'b'],
  lists: { volunteers: ['name', 'hours'], meetings: ['date', 'kind'] },
  flags: ['blockers', 'on_track'],
};

const values: ReportValues = {
  fields: { 'period.label': 'November 2026', hours_total: '42', lead: 'Sara', a: 'A', b: 'B' },
  lists: {
    volunteers: [
      { name: 'Ali', hours: '5' },
      { name: 'Bina', hours: '7' },
      { name: 'Chand', hours: '0' },
    ],
    meetings: [],
  },
  flags: { blockers: true, on_track: false },
};

const p = (text: string): TemplateBlock => ({ kind: 'paragraph', text });
const li = (text: string): TemplateBlock => ({ kind: 'listItem', text });
const t = (...rows: string[][]): TemplateBlock => ({ kind: 'table', rows });
const other: TemplateBlock = { kind: 'other' };

// What the Docs side does with a plan, done to the plain picture: replaceText is every occurrence of
// the literal placeholder, edits are offsets, copies of a template row go right below it.
const replaceAll = (text: string, replacements: readonly Replacement[]) =>
  replacements.reduce((out, r) => out.split(r.placeholder).join(r.value), text);
const edit = (text: string, edits: readonly TextEdit[]) =>
  edits.reduce((out, e) => out.slice(0, e.start) + e.value + out.slice(e.end), text);

function apply(blocks: readonly TemplateBlock[], steps: readonly FillStep[]): TemplateBlock[] {
  const out = structuredClone(blocks) as TemplateBlock[];
  for (const step of steps) {
    const block = out[step.block]!;
    if (step.kind === 'remove') out.splice(step.block, 1);
    else if (step.kind === 'clear') (block as { text: string }).text = '';
    else if (step.kind === 'fillText') {
      const b = block as { text: string };
      b.text = step.fill.kind === 'replace' ? replaceAll(b.text, step.fill.replacements) : edit(b.text, step.fill.edits);
    } else {
      const table = block as { rows: string[][] };
      const fill = step.fill;
      if (fill.kind === 'replace') table.rows = table.rows.map((cells) => cells.map((c) => replaceAll(c, fill.replacements)));
      else for (const { row, cells } of fill.cells) for (const { cell, edits } of cells) table.rows[row]![cell] = edit(table.rows[row]![cell]!, edits);
      for (const repeated of fill.repeated) {
        const template = table.rows[repeated.row]!;
        const copies =
          repeated.kind === 'replace'
            ? repeated.items.map((item) => template.map((c) => replaceAll(c, item)))
            : repeated.items.map((cells) => template.map((c, i) => edit(c, cells.find((x) => x.cell === i)?.edits ?? [])));
        table.rows.splice(repeated.row, 1, ...copies);
      }
    }
  }
  return out;
}

function fill(blocks: TemplateBlock[], withValues: ReportValues = values): TemplateBlock[] {
  const plan = planTemplateFill(blocks, vocabulary, withValues);
  expect(plan.problems).toEqual([]);
  return apply(blocks, plan.steps);
}

const withFields = (fields: Record<string, string>): ReportValues => ({ ...values, fields: { ...values.fields, ...fields } });

describe('planTemplateFill: fields', () => {
  it.each<[string, TemplateBlock[], TemplateBlock[]]>([
    ['a paragraph', [p('Hours in {{period.label}}: {{hours_total}}')], [p('Hours in November 2026: 42')]],
    ['spaces inside the braces', [p('Lead: {{ lead }}, again {{lead}}')], [p('Lead: Sara, again Sara')]],
    ['a list item', [li('{{lead}} led'), p('')], [li('Sara led'), p('')]],
    ['table cells of fixed rows', [t(['Period', '{{period.label}}'], ['Hours', '{{hours_total}} h']), p('')], [t(['Period', 'November 2026'], ['Hours', '42 h']), p('')]],
    ['text without placeholders is left alone', [p('Plain'), other, t(['x']), p('{{ not closed')], [p('Plain'), other, t(['x']), p('{{ not closed')]],
  ])('%s', (_, blocks, expected) => {
    expect(fill(blocks)).toEqual(expected);
  });

  it('fills with replaceText of each placeholder, one per distinct placeholder', () => {
    const plan = planTemplateFill([p('{{lead}} and {{ lead }}: {{hours_total}}')], vocabulary, values);
    expect(plan.steps).toEqual([
      {
        kind: 'fillText',
        block: 0,
        fill: {
          kind: 'replace',
          replacements: [
            { placeholder: '{{hours_total}}', value: '42' },
            { placeholder: '{{ lead }}', value: 'Sara' },
            { placeholder: '{{lead}}', value: 'Sara' },
          ],
        },
      },
    ]);
  });

  // Values go in verbatim: never read as a replacement pattern, never filled again.
  it.each<[string, Record<string, string>, string, string]>([
    ['$ in a value', { lead: 'costs $1 and $&' }, 'Lead: {{lead}}', 'Lead: costs $1 and $&'],
    ['a backslash', { lead: 'C:\\reports\\' }, '{{lead}}!', 'C:\\reports\\!'],
    ['a placeholder in a value', { a: '{{b}}' }, '{{a}} then {{b}}', '{{b}} then B'],
    ['a placeholder of its own in a value', { a: 'x{{a}}' }, '{{a}}{{a}}', 'x{{a}}x{{a}}'],
    ['a value that completes a placeholder with the text after it', { a: '{' }, '{{a}}{b}} and {{b}}', '{{b}} and B'],
    ['an empty value', { lead: '' }, '[{{lead}}]', '[]'],
    ['a value equal to its placeholder', { lead: '{{lead}}' }, 'Lead: {{lead}}', 'Lead: {{lead}}'],
  ])('%s', (_, fields, template, expected) => {
    expect(fill([p(template), p('')], withFields(fields))).toEqual([p(expected), p('')]);
  });

  // Docs keeps a "\n" as a line break inside the paragraph or cell; "\r\n" would be two characters.
  it.each<[string, Record<string, string>, string]>([
    ['a value of lines from a Sheets cell', { lead: 'Sara\nand Ali' }, 'Lead: Sara\nand Ali.'],
    ['Windows line ends', { lead: 'Sara\r\nand Ali\r\n' }, 'Lead: Sara\nand Ali\n.'],
    ['old Mac line ends', { lead: 'Sara\rand Ali' }, 'Lead: Sara\nand Ali.'],
  ])('%s: each line break one "\\n", in the same paragraph', (_, fields, expected) => {
    expect(fill([p('Lead: {{lead}}.'), p('')], withFields(fields))).toEqual([p(expected), p('')]);
    const edited = planTemplateFill([p('{{b}} {{lead}}')], vocabulary, withFields({ ...fields, b: '$5' })).steps[0]!;
    expect(edited).toMatchObject({ fill: { kind: 'edit', edits: [{ start: 6, end: 14, value: expected.slice('Lead: '.length, -1) }, { start: 0, end: 5, value: '$5' }] } });
  });

  it('puts line breaks of list items in as "\\n" too', () => {
    const volunteers = [{ name: 'Ali\r\nKhan', hours: '5' }];
    expect(fill([t(['{{volunteers.name}}', '{{volunteers.hours}}']), p('')], { ...values, lists: { ...values.lists, volunteers } })).toEqual([
      t(['Ali\nKhan', '5']),
      p(''),
    ]);
  });

  it('edits at offsets, last first, where replaceText would fill a value again', () => {
    const plan = planTemplateFill([p('{{b}} then {{a}}')], vocabulary, withFields({ a: '{{b}}' }));
    expect(plan.steps).toEqual([
      {
        kind: 'fillText',
        block: 0,
        fill: { kind: 'edit', edits: [{ start: 11, end: 16, value: '{{b}}' }, { start: 0, end: 5, value: 'B' }] },
      },
    ]);
    expect(apply([p('{{b}} then {{a}}')], plan.steps)).toEqual([p('B then {{b}}')]);
  });
});

describe('planTemplateFill: repeated rows', () => {
  const header = ['Volunteer', 'Hours'];
  const row = ['{{volunteers.name}}', '{{volunteers.hours}} of {{hours_total}}'];

  it.each<[string, ReportValues['lists']['volunteers'], string[][]]>([
    ['many items', values.lists.volunteers!, [header, ['Ali', '5 of 42'], ['Bina', '7 of 42'], ['Chand', '0 of 42']]],
    ['one item', [{ name: 'Ali', hours: '5' }], [header, ['Ali', '5 of 42']]],
    ['no items: the row is left out', [], [header]],
  ])('%s', (_, volunteers, rows) => {
    const filled = fill([t(header, row, ['Total', '{{hours_total}}']), p('')], { ...values, lists: { ...values.lists, volunteers } });
    expect(filled).toEqual([t(...rows, ['Total', '42']), p('')]);
  });

  it('repeats two rows of two lists in one table, each by its own list', () => {
    const lists = { volunteers: values.lists.volunteers!.slice(0, 2), meetings: [{ date: '3 Nov', kind: 'call' }] };
    expect(fill([t(['{{meetings.date}}', '{{meetings.kind}}'], ['{{volunteers.name}}', '{{volunteers.hours}}']), p('')], { ...values, lists })).toEqual([
      t(['3 Nov', 'call'], ['Ali', '5'], ['Bina', '7']),
      p(''),
    ]);
  });

  it('leaves out a table whose every row repeats an empty list', () => {
    expect(fill([p('Meetings:'), t(['{{meetings.date}}', '{{meetings.kind}}']), p('End')])).toEqual([p('Meetings:'), p('End')]);
  });

  it('puts item values in verbatim', () => {
    const volunteers = [{ name: '{{volunteers.hours}}', hours: '$5' }, { name: 'x{{hours_total}}', hours: '\\1' }];
    expect(fill([t(row), p('')], { ...values, lists: { ...values.lists, volunteers } })).toEqual([
      t(['{{volunteers.hours}}', '$5 of 42'], ['x{{hours_total}}', '\\1 of 42']),
      p(''),
    ]);
  });

  it('copies a template row with replaceText per item when values are plain', () => {
    const plan = planTemplateFill([t(header, ['{{volunteers.name}}', '{{volunteers.hours}}']), p('')], vocabulary, values);
    expect(plan.steps).toEqual([
      {
        kind: 'fillTable',
        block: 0,
        fill: {
          kind: 'replace',
          replacements: [],
          repeated: [
            {
              row: 1,
              kind: 'replace',
              items: values.lists.volunteers!.map((v) => [
                { placeholder: '{{volunteers.name}}', value: v.name },
                { placeholder: '{{volunteers.hours}}', value: v.hours },
              ]),
            },
          ],
        },
      },
    ]);
  });
});

describe('planTemplateFill: sections', () => {
  it.each<[string, TemplateBlock[], TemplateBlock[]]>([
    ['#if true keeps its content, markers removed', [p('A'), p('{{#if blockers}}'), p('Blocked'), p('{{/if}}'), p('B')], [p('A'), p('Blocked'), p('B')]],
    ['#if false drops it', [p('A'), p('{{#if on_track}}'), p('On track'), li('{{lead}}'), p('{{/if}}'), p('B')], [p('A'), p('B')]],
    ['#unless is the reverse', [p('{{#unless on_track}}'), p('Behind'), p('{{/unless}}'), p('{{#unless blockers}}'), p('Clear'), p('{{/unless}}'), p('')], [p('Behind'), p('')]],
    ['a list is a flag: true when it has items', [p('{{#if volunteers}}'), p('Some'), p('{{/if}}'), p('{{#if meetings}}'), p('Met'), p('{{/if}}'), p('{{#unless meetings}}'), p('No meetings this period.'), p('{{/unless}}'), p('')], [p('Some'), p('No meetings this period.'), p('')]],
    ['sections nest', [p('{{#if blockers}}'), p('1'), p('{{#if on_track}}'), p('2'), p('{{/if}}'), p('{{#unless on_track}}'), p('3'), p('{{/unless}}'), p('{{/if}}'), p('')], [p('1'), p('3'), p('')]],
    ['a dropped outer section drops a kept inner one', [p('{{#if on_track}}'), p('{{#if blockers}}'), p('x'), p('{{/if}}'), p('{{/if}}'), p('y')], [p('y')]],
    ['sections hold tables, lists and other blocks', [p('{{#if blockers}}'), t(['{{volunteers.name}}']), li('{{lead}}'), other, p('{{/if}}'), p('{{#if on_track}}'), t(['{{lead}}']), other, p('{{/if}}'), p('')], [t(['Ali'], ['Bina'], ['Chand']), li('Sara'), other, p('')]],
    ['markers may have spaces around them', [p('  {{ #if blockers }} '), p('x'), p(' {{/if}}'), p('')], [p('x'), p('')]],
    ['the last paragraph, which Docs keeps, is emptied', [p('x'), p('{{#if on_track}}'), p('y'), p('{{/if}}')], [p('x'), p('')]],
    ['a marker in a list item, last in the body, is emptied too', [p('x'), li('{{#if on_track}}'), p('y'), li('{{/if}}')], [p('x'), li('')]],
  ])('%s', (_, blocks, expected) => {
    expect(fill(blocks)).toEqual(expected);
  });

  it('removes blocks last first, so each index holds when its step runs', () => {
    const plan = planTemplateFill([p('{{#if on_track}}'), p('a'), p('{{/if}}'), p('{{lead}}'), p('{{#if blockers}}'), p('b'), p('{{/if}}')], vocabulary, values);
    expect(plan.steps.map((step) => [step.kind, step.block])).toEqual([
      ['clear', 6],
      ['remove', 4],
      ['fillText', 3],
      ['remove', 2],
      ['remove', 1],
      ['remove', 0],
    ]);
  });
});

describe('planTemplateFill: the template guide', () => {
  it('leaves out the guide, whatever it holds', () => {
    const guide = templateGuide(vocabulary).map(p);
    expect(fill([...guide, p('Hours: {{hours_total}}'), p('')])).toEqual([p('Hours: 42'), p('')]);
    expect(fill([p('Intro'), ...TEMPLATE_SYNTAX_HELP.slice(0, -1).map(p), t(['{{bogus}}']), li(TEMPLATE_SYNTAX_HELP.at(-1)!), p('')])).toEqual([p('Intro'), p('')]);
  });
});

describe('checkTemplateBlocks: every problem, placed', () => {
  it.each<[string, TemplateBlock[], string[]]>([
    [
      'an unknown placeholder, with a suggestion',
      [p('Monthly report'), p('Hours this month: {{hours_totl}}')],
      ['Unknown placeholder {{hours_totl}} in paragraph 2 ("Hours this month: {{hours_totl}}"), did you mean {{hours_total}}?'],
    ],
    [
      'places count paragraphs and list items together, tables apart',
      [p('a'), t(['x']), li('b'), t(['{{lead}}'], ['{{volunteers.name}}', '{{volunteers.nam}}']), p('{{budget}}')],
      [
        'Unknown list field {{volunteers.nam}} in table 2, row 2, cell 2 ("{{volunteers.nam}}"), did you mean {{volunteers.name}}?',
        'Unknown placeholder {{budget}} in paragraph 3 ("{{budget}}")',
      ],
    ],
    [
      'a long paragraph is quoted shortened',
      [p(`${'word '.repeat(20)}{{x_y_z}}`)],
      ['Unknown placeholder {{x_y_z}} in paragraph 1 ("word word word word word word word word word word word word…")'],
    ],
    ['an unclosed section', [p('x'), p('{{#if blockers}}'), p('y')], ['{{#if blockers}} in paragraph 2 ("{{#if blockers}}") is never closed with {{/if}}']],
    ['a close with no opening', [p('{{/unless}}')], ['{{/unless}} in paragraph 1 ("{{/unless}}") has no {{#unless …}} before it to close']],
    [
      'a close of the wrong kind',
      [p('{{#if blockers}}'), p('{{/unless}}')],
      ['{{/unless}} in paragraph 2 ("{{/unless}}") cannot close {{#if blockers}} from paragraph 1 ("{{#if blockers}}"): close it with {{/if}}'],
    ],
    [
      'a marker sharing its paragraph',
      [p('Blockers: {{#if blockers}}'), p('{{/if}}')],
      [
        '{{#if blockers}} in paragraph 1 ("Blockers: {{#if blockers}}") shares its paragraph with other text: put each section marker in a paragraph of its own',
        '{{/if}} in paragraph 2 ("{{/if}}") has no {{#if …}} before it to close',
      ],
    ],
    [
      'two markers in one paragraph',
      [p('{{#if blockers}}{{/if}}')],
      ['{{#if blockers}} in paragraph 1 ("{{#if blockers}}{{/if}}") shares its paragraph with other text: put each section marker in a paragraph of its own'],
    ],
    [
      'a marker in a table cell',
      [t(['{{#if blockers}}', 'x'])],
      ['{{#if blockers}} in table 1, row 1, cell 1 ("{{#if blockers}}") is inside a table: put section markers in paragraphs of their own, outside tables (a section may hold a whole table)'],
    ],
    [
      'an unknown condition',
      [p('{{#if blokers}}'), p('{{/if}}')],
      ['Unknown condition {{#if blokers}} in paragraph 1 ("{{#if blokers}}"), did you mean {{#if blockers}}?', '{{/if}} in paragraph 2 ("{{/if}}") has no {{#if …}} before it to close'],
    ],
    [
      'a list placeholder outside a table',
      [p('Top volunteer: {{volunteers.name}}'), li('{{meetings.date}}')],
      [
        'List placeholder {{volunteers.name}} in paragraph 1 ("Top volunteer: {{volunteers.name}}") is outside a table: put it in a table row, which is repeated for each item of volunteers',
        'List placeholder {{meetings.date}} in paragraph 2 ("{{meetings.date}}") is outside a table: put it in a table row, which is repeated for each item of meetings',
      ],
    ],
    [
      'two lists in one row',
      [t(['Name', 'Date'], ['{{volunteers.name}}', '{{meetings.date}}'])],
      ['table 1, row 2 mixes the lists volunteers and meetings ({{meetings.date}}): a repeated row may use one list only'],
    ],
    [
      'a malformed placeholder',
      [p('{{hours total}}')],
      ['Malformed placeholder {{hours total}} in paragraph 1 ("{{hours total}}"): a name holds only letters, digits, dots, underscores and hyphens'],
    ],
    [
      'problems inside a section that is checked but dropped, and inside its tables',
      [p('{{#if on_track}}'), p('{{nope}}'), t(['{{volunteers.x}}']), p('{{/if}}')],
      [
        'Unknown placeholder {{nope}} in paragraph 2 ("{{nope}}")',
        'Unknown list field {{volunteers.x}} in table 1, row 1, cell 1 ("{{volunteers.x}}"): the list volunteers has name, hours',
      ],
    ],
    [
      'a guide that lost its last line',
      [p('x'), ...TEMPLATE_SYNTAX_HELP.slice(0, -1).map(p), p('{{lead}}')],
      [`The template guide starting in paragraph 2 ("How to edit this template (CIL Hub leaves this guide out of…") has lost its last line ("End of the template guide"): put it back, or delete the whole guide`],
    ],
    [
      'a guide that lost its first line',
      [p('{{lead}}'), p('End of the template guide')],
      [
        'The line "End of the template guide" in paragraph 2 ("End of the template guide") ends a template guide whose first line ("How to edit this template (CIL Hub leaves this guide out of every report, down to its last line)") is missing: put that line back, or delete the rest of the guide',
      ],
    ],
  ])('%s', (_, blocks, messages) => {
    expect(checkTemplateBlocks(blocks, vocabulary).map((problem) => problem.message)).toEqual(messages);
    const plan = planTemplateFill(blocks, vocabulary, values);
    expect(plan.problems.map((problem) => problem.message)).toEqual(messages);
    expect(plan.steps).toEqual([]);
  });

  it('gives each problem its placeholder and place apart, for a list', () => {
    expect(checkTemplateBlocks([p('x'), t(['a'], ['b', '{{ leed }}'])], vocabulary)).toEqual([
      {
        placeholder: '{{ leed }}',
        place: 'table 1, row 2, cell 2 ("{{ leed }}")',
        message: 'Unknown placeholder {{ leed }} in table 1, row 2, cell 2 ("{{ leed }}"), did you mean {{lead}}?',
      },
    ]);
  });

  it('finds nothing wrong in a correct template', () => {
    expect(checkTemplateBlocks([...templateGuide(vocabulary).map(p), p('{{#if volunteers}}'), t(['{{volunteers.name}}', '{{lead}}']), p('{{/if}}'), p('')], vocabulary)).toEqual([]);
  });
});

describe('planTemplateFill: values that do not match the vocabulary are a bug, not a template mistake', () => {
  it.each<[string, TemplateBlock[], ReportValues, string]>([
    ['a field', [p('{{lead}}')], { ...values, fields: {} }, "The report's values have no field lead, which its vocabulary offers"],
    ['a flag', [p('{{#if blockers}}'), p('{{/if}}')], { ...values, flags: {} }, "The report's values have no flag blockers, which its vocabulary offers"],
    ['a list', [t(['{{meetings.date}}'])], { ...values, lists: {} }, "The report's values have no list meetings, which its vocabulary offers"],
    ['an item field', [t(['{{volunteers.hours}}'])], { ...values, lists: { ...values.lists, volunteers: [{ name: 'Ali' }] } }, 'An item of the list volunteers has no field hours, which the vocabulary offers'],
  ])('%s', (_, blocks, broken, message) => {
    expect(() => planTemplateFill(blocks, vocabulary, broken)).toThrow(message);
  });
});
