import { describe, expect, it } from 'vitest';
import { z } from '../../../shared/zod';
import { column, columnMetaOf, COLUMN_KINDS, isRequiredField } from '../../../shared/records/columns';
import { hoursTab, HOURS_CATEGORIES } from '../../../shared/records/hours';
import { meetingsTab } from '../../../shared/records/meeting';
import { columnsOf, defineTab, headerKey, headerRow } from '../../../shared/records/tab';

describe('defineTab', () => {
  it('takes headers, kinds and order from the schema', () => {
    expect(hoursTab.name).toBe('Hours');
    expect(headerRow(hoursTab)).toEqual([
      'Entry ID',
      'Volunteer ID',
      'Day',
      'Hours',
      'Category',
      'Project ID',
      'Note',
      'Source',
      'Logged at',
    ]);
    expect(hoursTab.columns.map((c) => [c.key, c.kind])).toEqual([
      ['id', 'id'],
      ['volunteerId', 'id'],
      ['day', 'date'],
      ['hours', 'number'],
      ['category', 'choice'],
      ['projectId', 'id'],
      ['note', 'text'],
      ['source', 'choice'],
      ['loggedAt', 'datetime'],
    ]);
  });

  it('gives choice columns their options, and no others', () => {
    expect(hoursTab.columns.find((c) => c.key === 'category')?.options).toEqual(HOURS_CATEGORIES);
    expect(hoursTab.columns.find((c) => c.key === 'source')?.options).toEqual(['extension', 'sheet', 'form']);
    expect(hoursTab.columns.find((c) => c.key === 'note')).not.toHaveProperty('options');
  });

  it('marks optional and defaulted fields as not required', () => {
    const required = Object.fromEntries(meetingsTab.columns.map((c) => [c.key, c.required]));
    expect(required).toMatchObject({ id: true, title: true, startsAt: true, meetCode: false, expectedAttendees: false });
  });

  it('keeps the schema for parsing', () => {
    expect(hoursTab.schema.shape.hours).toBeDefined();
  });

  it('refuses a field built without a column helper', () => {
    const schema = z.object({ id: column.id('ID'), stray: z.string() });
    expect(() => defineTab('Broken', schema)).toThrow('Tab "Broken": field "stray" has no column; build it with a column helper');
  });

  it('refuses a header used twice, whatever its case', () => {
    const schema = z.object({ a: column.text('Name'), b: column.text(' name ') });
    expect(() => defineTab('Twice', schema)).toThrow(/header " name " is used twice/);
  });
});

describe('column helpers', () => {
  it('cover every kind', () => {
    const schema = z.object({
      a: column.id('A'),
      b: column.text('B'),
      c: column.email('C'),
      d: column.url('D'),
      e: column.date('E'),
      f: column.datetime('F'),
      g: column.number('G'),
      h: column.choice('H', ['x', 'y']),
      i: column.list('I', z.string()),
    });
    expect(new Set(columnsOf(schema, 'all').map((c) => c.kind))).toEqual(new Set(COLUMN_KINDS));
  });

  it('keep their metadata through .optional(), .default() and further checks', () => {
    expect(columnMetaOf(column.text('Notes').optional())).toEqual({ header: 'Notes', kind: 'text' });
    expect(columnMetaOf(column.number('N').default(3))).toEqual({ header: 'N', kind: 'number' });
    expect(columnMetaOf(column.text('T').regex(/^a/))).toEqual({ header: 'T', kind: 'text' });
    expect(columnMetaOf(z.string())).toBeUndefined();
    expect(isRequiredField(column.text('T'))).toBe(true);
    expect(isRequiredField(column.text('T').optional())).toBe(false);
  });

  it('build a fresh schema per column, so two columns of one kind keep their own headers', () => {
    const first = column.date('First');
    const second = column.date('Second');
    expect(columnMetaOf(first)?.header).toBe('First');
    expect(columnMetaOf(second)?.header).toBe('Second');
  });

  it('validate with messages a lead can act on', () => {
    const message = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;
    expect(message(column.id('ID'), 'a b')).toMatch(/no spaces/);
    expect(message(column.email('E'), 'nope')).toMatch(/email address/);
    expect(message(column.url('U'), 'example.org')).toMatch(/starting with https:\/\//);
    expect(message(column.number('N', { above: 0 }), 0)).toBe('must be more than 0');
    expect(message(column.number('N', { min: 1 }), 0)).toBe('must be at least 1');
    expect(message(column.number('N', { max: 24 }), 25)).toBe('must be at most 24');
    expect(message(column.number('N', { integer: true }), 1.5)).toBe('must be a whole number');
    expect(message(column.choice('C', ['a', 'b']), 'c')).toBe('must be one of: a, b');
    expect(message(column.text('T', { max: 3 }), 'abcd')).toBe('must be at most 3 characters');
    expect(message(column.date('D'), '2026-02-30')).toMatch(/real date/);
    expect(message(column.meetCode('M'), 'abc-defg')).toMatch(/abc-defg-hij/);
    expect(message(column.period('P'), '2026-Q5')).toMatch(/Q1 to Q4/);
  });

  it('normalise emails and trim text', () => {
    expect(column.email('E').parse(' Ali@Example.ORG ')).toBe('ali@example.org');
    expect(column.text('T').parse('  hi  ')).toBe('hi');
    expect(column.url('U').parse('https://codeforpakistan.org/x?y=1')).toBe('https://codeforpakistan.org/x?y=1');
  });
});

describe('headerKey', () => {
  it('ignores case and spacing', () => {
    expect(headerKey('  Weekly   commitment (H) ')).toBe(headerKey('Weekly commitment (h)'));
    expect(headerKey(undefined)).toBe('');
  });
});
