import { describe, expect, it } from 'vitest';
import {
  classifyPlaceholder,
  placeholdersOf,
  suggestName,
  templateGuide,
  tokenizeTemplateText,
  TemplateError,
  TEMPLATE_GUIDE_END,
  TEMPLATE_GUIDE_START,
  TEMPLATE_SYNTAX_HELP,
  type ReportVocabulary,
  type TemplateTag,
  type TemplateToken,
} from '../../../shared/reports/template-syntax';

const vocabulary: ReportVocabulary = {
  fields: ['period.label', 'hours_total', 'cil-name'],
  lists: { volunteers: ['name', 'hours'], meetings: ['date', 'kind'] },
  flags: ['blockers', 'on_track'],
};

describe('tokenizeTemplateText', () => {
  const lit = (text: string, start: number): TemplateToken => ({ kind: 'literal', text, start, end: start + text.length });
  const ph = (text: string, inner: string, start: number): TemplateToken => ({ kind: 'placeholder', text, inner, start, end: start + text.length });

  it.each<[string, TemplateToken[]]>([
    ['', []],
    ['No placeholders here.', [lit('No placeholders here.', 0)]],
    ['{{hours_total}}', [ph('{{hours_total}}', 'hours_total', 0)]],
    ['Hours: {{ hours_total }} h', [lit('Hours: ', 0), ph('{{ hours_total }}', 'hours_total', 7), lit(' h', 24)]],
    ['{{a}}{{b}}', [ph('{{a}}', 'a', 0), ph('{{b}}', 'b', 5)]],
    ['{{#if blockers}}', [ph('{{#if blockers}}', '#if blockers', 0)]],
    // A lone or unclosed brace pair is text; braces inside a placeholder end it early.
    ['{{a} and {b}}', [lit('{{a} and {b}}', 0)]],
    ['{{ {{a}} }}', [lit('{{ ', 0), ph('{{a}}', 'a', 3), lit(' }}', 8)]],
    ['{{}}', [ph('{{}}', '', 0)]],
    ['{{foo bar}}!', [ph('{{foo bar}}', 'foo bar', 0), lit('!', 11)]],
  ])('%j', (text, tokens) => {
    expect(tokenizeTemplateText(text)).toEqual(tokens);
    expect(tokens.map((t) => t.text).join('')).toBe(text);
  });

  it('placeholdersOf keeps only the placeholders', () => {
    expect(placeholdersOf('a {{x}} b {{ y }}').map((p) => p.inner)).toEqual(['x', 'y']);
  });
});

describe('classifyPlaceholder', () => {
  const classify = (text: string) => {
    const { inner } = placeholdersOf(text)[0]!;
    return classifyPlaceholder(inner, vocabulary, text);
  };

  it('names the placeholder by its inner text unless told how it was written', () => {
    expect(classifyPlaceholder('lede', vocabulary)).toEqual({ kind: 'invalid', reason: 'Unknown placeholder {{lede}}', hint: '' });
    expect(classifyPlaceholder('volunteers.hours', vocabulary)).toEqual({ kind: 'listField', list: 'volunteers', field: 'hours' });
  });

  it.each<[string, TemplateTag]>([
    ['{{hours_total}}', { kind: 'field', name: 'hours_total' }],
    ['{{ period.label }}', { kind: 'field', name: 'period.label' }],
    ['{{cil-name}}', { kind: 'field', name: 'cil-name' }],
    ['{{volunteers.name}}', { kind: 'listField', list: 'volunteers', field: 'name' }],
    ['{{#if blockers}}', { kind: 'open', section: 'if', flag: 'blockers' }],
    ['{{#unless  on_track}}', { kind: 'open', section: 'unless', flag: 'on_track' }],
    ['{{#if volunteers}}', { kind: 'open', section: 'if', flag: 'volunteers' }],
    ['{{/if}}', { kind: 'close', section: 'if' }],
    ['{{ /unless }}', { kind: 'close', section: 'unless' }],
    ['{{hours_totl}}', { kind: 'invalid', reason: 'Unknown placeholder {{hours_totl}}', hint: ', did you mean {{hours_total}}?' }],
    ['{{Period.Label}}', { kind: 'invalid', reason: 'Unknown placeholder {{Period.Label}}', hint: ', did you mean {{period.label}}?' }],
    ['{{volunteer.name}}', { kind: 'invalid', reason: 'Unknown placeholder {{volunteer.name}}', hint: ', did you mean {{volunteers.name}}?' }],
    ['{{budget}}', { kind: 'invalid', reason: 'Unknown placeholder {{budget}}', hint: '' }],
    ['{{volunteers.nmae}}', { kind: 'invalid', reason: 'Unknown list field {{volunteers.nmae}}', hint: ', did you mean {{volunteers.name}}?' }],
    ['{{volunteers.email}}', { kind: 'invalid', reason: 'Unknown list field {{volunteers.email}}', hint: ': the list volunteers has name, hours' }],
    ['{{#if blokers}}', { kind: 'invalid', reason: 'Unknown condition {{#if blokers}}', hint: ', did you mean {{#if blockers}}?' }],
    ['{{#unless sunny}}', { kind: 'invalid', reason: 'Unknown condition {{#unless sunny}}', hint: ': the conditions are blockers, on_track, volunteers, meetings' }],
    ['{{#each volunteers}}', { kind: 'invalid', reason: 'Unknown section marker {{#each volunteers}}', hint: ': write {{#if name}}, {{#unless name}}, {{/if}} or {{/unless}}' }],
    ['{{/if blockers}}', { kind: 'invalid', reason: 'Unknown section marker {{/if blockers}}', hint: ': write {{#if name}}, {{#unless name}}, {{/if}} or {{/unless}}' }],
    ['{{#if}}', { kind: 'invalid', reason: 'Unknown section marker {{#if}}', hint: ': write {{#if name}}, {{#unless name}}, {{/if}} or {{/unless}}' }],
    ['{{hours total}}', { kind: 'invalid', reason: 'Malformed placeholder {{hours total}}', hint: ': a name holds only letters, digits, dots, underscores and hyphens' }],
    ['{{}}', { kind: 'invalid', reason: 'Malformed placeholder {{}}', hint: ': a name holds only letters, digits, dots, underscores and hyphens' }],
    ['{{constructor}}', { kind: 'invalid', reason: 'Unknown placeholder {{constructor}}', hint: '' }],
    ['{{toString.name}}', { kind: 'invalid', reason: 'Unknown placeholder {{toString.name}}', hint: '' }],
  ])('%s', (text, tag) => {
    expect(classify(text)).toEqual(tag);
  });
});

describe('suggestName', () => {
  const names = ['hours_total', 'hours_week', 'period.label', 'lead', 'volunteers'];
  it.each<[string, string | undefined]>([
    ['hours_totl', 'hours_total'],
    ['hours_tota', 'hours_total'],
    ['huors_total', 'hours_total'], // a swap is one edit
    ['HOURS_WEEK', 'hours_week'],
    ['period.lable', 'period.label'],
    ['led', 'lead'],
    ['volunters', 'volunteers'],
    ['budget', undefined],
    ['x', undefined],
    ['', undefined],
  ])('%j → %j', (name, suggestion) => {
    expect(suggestName(name, names)).toBe(suggestion);
  });

  it('suggests nothing among no candidates', () => {
    expect(suggestName('lead', [])).toBeUndefined();
  });
});

describe('TemplateError', () => {
  const one = { placeholder: '{{x}}', place: 'paragraph 1 ("{{x}}")', message: 'Unknown placeholder {{x}} in paragraph 1 ("{{x}}")' };
  const two = { placeholder: '{{#if a}}', place: 'paragraph 2 ("{{#if a}}")', message: '{{#if a}} in paragraph 2 ("{{#if a}}") is never closed with {{/if}}' };

  it('names its one problem', () => {
    const error = new TemplateError([one]);
    expect(error.name).toBe('TemplateError');
    expect(error.message).toBe('The template has a mistake, so no report was written: Unknown placeholder {{x}} in paragraph 1 ("{{x}}")');
    expect(error.problems).toEqual([one]);
  });

  it('lists several, one a line', () => {
    expect(new TemplateError([one, two]).message).toBe(
      'The template has 2 mistakes, so no report was written:\n- Unknown placeholder {{x}} in paragraph 1 ("{{x}}")\n- {{#if a}} in paragraph 2 ("{{#if a}}") is never closed with {{/if}}',
    );
  });
});

describe('the template guide', () => {
  it('opens and closes with the lines the filling recognises, and explains every form', () => {
    expect(TEMPLATE_SYNTAX_HELP[0]).toBe(TEMPLATE_GUIDE_START);
    expect(TEMPLATE_SYNTAX_HELP.at(-1)).toBe(TEMPLATE_GUIDE_END);
    const text = TEMPLATE_SYNTAX_HELP.join('\n');
    for (const form of ['{{name}}', '{{ period.label }}', '{{volunteers.name}}', '{{#if name}}', '{{/if}}', '{{#unless name}}', '{{/unless}}']) {
      expect(text).toContain(form);
    }
  });

  it('lists the names a report offers before its last line', () => {
    const guide = templateGuide(vocabulary);
    expect(guide.slice(0, -4)).toEqual(TEMPLATE_SYNTAX_HELP.slice(0, -1));
    expect(guide.slice(-4)).toEqual([
      'Fields: {{period.label}}, {{hours_total}}, {{cil-name}}.',
      'Lists for repeating rows: volunteers ({{volunteers.name}}, {{volunteers.hours}}); meetings ({{meetings.date}}, {{meetings.kind}}).',
      'Names for optional parts (besides the lists): blockers, on_track.',
      TEMPLATE_GUIDE_END,
    ]);
    expect(templateGuide({ fields: ['a'], lists: {}, flags: [] }).slice(-2)).toEqual(['Fields: {{a}}.', TEMPLATE_GUIDE_END]);
  });
});
