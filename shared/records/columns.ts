import { z } from '../zod';
import { calendarDaySchema } from '../time/calendar-day';
import { instantSchema } from '../time/instant';
import { periodLabelSchema } from '../time/period';
import { meetCodeSchema } from '../meet-code';

/**
 * What a sheet column holds, which decides how its cells are read and written (row-codec.ts):
 *   id        a record's stable id (UUIDs from clients and the backend; a lead may type their own)
 *   text      free text a person wrote
 *   email     an email address, stored lower-case
 *   url       a web address (http/https)
 *   date      a calendar day, shown as a real sheet date
 *   datetime  an instant, shown as a real sheet date and time
 *   number    a number
 *   choice    one of a fixed list of options, offered in a dropdown
 *   list      several short items in one cell, separated by commas
 */
export const COLUMN_KINDS = ['id', 'text', 'email', 'url', 'date', 'datetime', 'number', 'choice', 'list'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export interface ColumnMeta {
  /** The header as a lead sees it in row 1, e.g. 'Weekly commitment (h)'. */
  header: string;
  kind: ColumnKind;
  /** The allowed values of a choice column, for its dropdown. */
  options?: readonly string[];
}

/** Column metadata, attached to each field schema by the helpers below. */
export const columnRegistry = z.registry<ColumnMeta>();

function described<T extends z.ZodType>(schema: T, meta: ColumnMeta): T {
  columnRegistry.add(schema, meta);
  return schema;
}

// A sheet cell holds at most 50,000 characters.
const CELL_LIMIT = 50_000;

const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const URL_SHAPE = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

export interface NumberBounds {
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Values must be greater than this (exclusive). */
  above?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  integer?: boolean;
}

/**
 * Field schemas for record objects, each carrying its column's header and kind, so a record schema
 * states its sheet layout once. Chain `.optional()` (blank allowed) or `.default(x)` (blank means x)
 * as usual; the tab definition sees through those wrappers.
 */
export const column = {
  id(header: string) {
    return described(
      z
        .string()
        .trim()
        .min(1, { error: 'is blank' })
        .max(64, { error: 'must be at most 64 characters' })
        .regex(ID_SHAPE, { error: 'must be letters, digits and - _ . : with no spaces' }),
      { header, kind: 'id' },
    );
  },

  text(header: string, { max = CELL_LIMIT }: { max?: number } = {}) {
    return described(
      z
        .string()
        .trim()
        .min(1, { error: 'is blank' })
        .max(max, { error: `must be at most ${max.toLocaleString('en-US')} characters` }),
      { header, kind: 'text' },
    );
  },

  email(header: string) {
    return described(
      z.string().trim().toLowerCase().regex(z.regexes.email, { error: 'must be an email address like name@example.org' }),
      { header, kind: 'email' },
    );
  },

  url(header: string) {
    return described(
      z
        .string()
        .trim()
        .max(2000, { error: 'must be at most 2,000 characters' })
        .regex(URL_SHAPE, { error: 'must be a web address starting with https://' }),
      { header, kind: 'url' },
    );
  },

  date(header: string) {
    return described(calendarDaySchema.clone(), { header, kind: 'date' });
  },

  datetime(header: string) {
    return described(instantSchema.clone(), { header, kind: 'datetime' });
  },

  number(header: string, bounds: NumberBounds = {}) {
    let schema = z.number({ error: 'must be a number' });
    if (bounds.integer) schema = schema.int({ error: 'must be a whole number' });
    if (bounds.min !== undefined) schema = schema.min(bounds.min, { error: `must be at least ${bounds.min}` });
    if (bounds.above !== undefined) schema = schema.gt(bounds.above, { error: `must be more than ${bounds.above}` });
    if (bounds.max !== undefined) schema = schema.max(bounds.max, { error: `must be at most ${bounds.max}` });
    return described(schema, { header, kind: 'number' });
  },

  choice<const Options extends readonly [string, ...string[]]>(header: string, options: Options) {
    return described(z.enum(options, { error: `must be one of: ${options.join(', ')}` }), {
      header,
      kind: 'choice',
      options,
    });
  },

  /** A cell of comma-separated items, e.g. lead emails; `item` validates each one. */
  list<Item extends z.ZodType<string>>(header: string, item: Item) {
    return described(z.array(item), { header, kind: 'list' });
  },

  meetCode(header: string) {
    return described(meetCodeSchema.clone(), { header, kind: 'text' });
  },

  /** A reporting period label such as '2026-W48' or '2026-Q4' (see time/period.ts). */
  period(header: string) {
    return described(periodLabelSchema.clone(), { header, kind: 'text' });
  },
};

/** The column metadata of a field schema, looking through `.optional()` and `.default()`. */
export function columnMetaOf(field: z.ZodType): ColumnMeta | undefined {
  let schema: z.ZodType = field;
  while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
  return columnRegistry.get(schema);
}

/** Whether a blank cell is acceptable for this field: it is optional or has a default. */
export function isRequiredField(field: z.ZodType): boolean {
  return !(field instanceof z.ZodOptional || field instanceof z.ZodDefault);
}
