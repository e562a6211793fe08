import { settingsSchema } from '../../../shared/records/settings';
import { headerKey } from '../../../shared/records/tab';
import type { z } from '../../../shared/zod';
import { CsvError, readCsv } from './csv';

// The list of CILs `cil provision` sets up: a CSV file with a header row, one CIL a line, e.g.
//
//   Name,City,Time zone,Lead emails,CfP lead email
//   CIL Lahore,Lahore,Asia/Karachi,ayesha@example.pk; bilal@example.pk,cfp@example.pk
//
// Columns are found by their header, in any order and any case; only Name is required. Lead emails
// are separated by spaces, semicolons or commas (a field holding commas is quoted, as CSV quotes it).
// A spreadsheet program's export is read as written: LF or CRLF line ends, a UTF-8 byte-order mark,
// no line end after the last row, blank lines. Each value is checked with the schema of the setting
// it becomes (shared/records/settings.ts), so a list that passes here is one setUpCil accepts.

export interface CilToProvision {
  /** The line of the file the CIL is on, for messages. */
  line: number;
  name: string;
  city?: string;
  timeZone?: string;
  leadEmails: string[];
  cfpLeadEmail?: string;
}

export type CilList = { ok: true; cils: CilToProvision[] } | { ok: false; problems: string[] };

type Key = 'name' | 'city' | 'timeZone' | 'leadEmails' | 'cfpLeadEmail';

const COLUMNS: readonly { key: Key; header: string }[] = [
  { key: 'name', header: 'Name' },
  { key: 'city', header: 'City' },
  { key: 'timeZone', header: 'Time zone' },
  { key: 'leadEmails', header: 'Lead emails' },
  { key: 'cfpLeadEmail', header: 'CfP lead email' },
];

const email = settingsSchema.shape.cfpLeadEmail.unwrap();

const VALUE_SCHEMAS: Record<Exclude<Key, 'leadEmails'>, z.ZodType<string>> = {
  name: settingsSchema.shape.cilName,
  city: settingsSchema.shape.city.unwrap(),
  timeZone: settingsSchema.shape.timeZone.unwrap(),
  cfpLeadEmail: email,
};

const headerOf = (key: Key) => COLUMNS.find((column) => column.key === key)!.header;

/** The records with the line each starts on; CSV as people save it, made into what readCsv reads. */
function records(text: string): { line: number; fields: string[] }[] {
  let normalized = text.replace(/^\uFEFF/, '').replace(/\r\n|\r|\n/g, '\r\n');
  if (normalized !== '' && !normalized.endsWith('\r\n')) normalized += '\r\n';
  let line = 1;
  return readCsv(normalized).map((fields) => {
    const at = line;
    line += 1 + fields.reduce((sum, field) => sum + (field.match(/\n/g)?.length ?? 0), 0);
    return { line: at, fields };
  });
}

const isBlank = (fields: readonly string[]) => fields.every((field) => field.trim() === '');

/** The CILs in the file's text, or every problem with it, each with its line number. */
export function readCilList(text: string): CilList {
  let rows: { line: number; fields: string[] }[];
  try {
    rows = records(text).filter((row) => !isBlank(row.fields));
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, problems: [error.message] };
    throw error;
  }
  const [header, ...body] = rows;
  const expected = COLUMNS.map((column) => column.header).join(', ');
  if (!header) return { ok: false, problems: [`the file is empty; its first line names the columns: ${expected}`] };

  const problems: string[] = [];
  const positions = new Map<Key, number>();
  header.fields.forEach((cell, at) => {
    const column = COLUMNS.find((known) => headerKey(known.header) === headerKey(cell));
    if (!column) problems.push(`line ${header.line}: there is no column "${cell.trim()}"; the columns are ${expected}`);
    else if (positions.has(column.key)) problems.push(`line ${header.line}: the column "${column.header}" appears twice`);
    else positions.set(column.key, at);
  });
  if (!positions.has('name')) problems.push(`line ${header.line}: the header has no "Name" column; the columns are ${expected}`);
  if (problems.length > 0) return { ok: false, problems };
  if (body.length === 0) return { ok: false, problems: [`no CILs are listed below the header on line ${header.line}`] };

  const cils: CilToProvision[] = [];
  const lineOfName = new Map<string, number>();
  for (const { line, fields } of body) {
    const cell = (key: Key) => {
      const at = positions.get(key);
      return at === undefined ? '' : (fields[at] ?? '').trim();
    };
    const rowProblems: string[] = [];
    const value = (key: Exclude<Key, 'leadEmails'>): string | undefined => {
      const given = cell(key);
      if (given === '' && key !== 'name') return undefined;
      const parsed = VALUE_SCHEMAS[key].safeParse(given);
      if (parsed.success) return parsed.data;
      rowProblems.push(given === '' ? `${headerOf(key)} is blank` : `${headerOf(key)} "${given}" ${parsed.error.issues[0]!.message}`);
      return undefined;
    };
    const name = value('name');
    const city = value('city');
    const timeZone = value('timeZone');
    const cfpLeadEmail = value('cfpLeadEmail');
    const leadEmails: string[] = [];
    for (const given of cell('leadEmails').split(/[\s;,]+/).filter((item) => item !== '')) {
      const parsed = email.safeParse(given);
      if (!parsed.success) rowProblems.push(`${headerOf('leadEmails')} "${given}" ${parsed.error.issues[0]!.message}`);
      else if (!leadEmails.includes(parsed.data)) leadEmails.push(parsed.data);
    }
    // setUpCil finds a registered CIL by its name, whatever its case and spacing: two such rows are one CIL.
    if (name !== undefined) {
      const earlier = lineOfName.get(headerKey(name));
      if (earlier !== undefined) rowProblems.push(`the CIL "${name}" is already listed on line ${earlier}`);
      else lineOfName.set(headerKey(name), line);
    }
    if (fields.length > header.fields.length && !isBlank(fields.slice(header.fields.length))) {
      rowProblems.push(`there are ${fields.length} values but ${header.fields.length} columns`);
    }
    if (rowProblems.length > 0 || name === undefined) {
      problems.push(`line ${line}: ${rowProblems.join('; ')}`);
      continue;
    }
    cils.push({
      line,
      name,
      ...(city !== undefined ? { city } : {}),
      ...(timeZone !== undefined ? { timeZone } : {}),
      leadEmails,
      ...(cfpLeadEmail !== undefined ? { cfpLeadEmail } : {}),
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cils };
}
