import type { z } from '../zod';
import { columnMetaOf, isRequiredField, type ColumnKind } from './columns';

export interface ColumnDefinition {
  /** The record field, e.g. 'weeklyCommitmentHours'. */
  key: string;
  /** The header in the sheet, e.g. 'Weekly commitment (h)'. */
  header: string;
  kind: ColumnKind;
  /** Allowed values of a choice column, for dropdown validation. */
  options?: readonly string[];
  /** A blank cell is an error (the field is neither optional nor defaulted). */
  required: boolean;
}

export interface TabDefinition<Schema extends z.ZodObject = z.ZodObject> {
  /** The tab's name in the CIL spreadsheet, e.g. 'Volunteers'. */
  name: string;
  /** In the order the tab is created with; the codec finds them by header, wherever they are. */
  columns: readonly ColumnDefinition[];
  schema: Schema;
}

export type TabRecord<Tab extends TabDefinition> = z.output<Tab['schema']>;

/** Compares headers as a lead would: ignoring case and spacing. */
export function headerKey(header: unknown): string {
  return String(header ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The columns a record schema declares through its column helpers, in field order. */
export function columnsOf(schema: z.ZodObject, where: string): ColumnDefinition[] {
  const seen = new Set<string>();
  return Object.entries(schema.shape).map(([key, field]) => {
    const meta = columnMetaOf(field as z.ZodType);
    if (!meta) throw new Error(`${where}: field "${key}" has no column; build it with a column helper`);
    if (seen.has(headerKey(meta.header))) throw new Error(`${where}: header "${meta.header}" is used twice`);
    seen.add(headerKey(meta.header));
    const definition: ColumnDefinition = {
      key,
      header: meta.header,
      kind: meta.kind,
      required: isRequiredField(field as z.ZodType),
    };
    if (meta.options) definition.options = meta.options;
    return definition;
  });
}

/** A tab whose header row and row codec come from `schema`: headers and kinds are written once, there. */
export function defineTab<Schema extends z.ZodObject>(name: string, schema: Schema): TabDefinition<Schema> {
  return { name, columns: columnsOf(schema, `Tab "${name}"`), schema };
}

/** Row 1 of a new tab. */
export function headerRow(tab: TabDefinition): string[] {
  return tab.columns.map((c) => c.header);
}
