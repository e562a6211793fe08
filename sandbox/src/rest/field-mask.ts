import { driveErrors } from './rest-errors';

// Drive v3's partial responses (developers.google.com/drive/api/guides/fields-parameter): without
// `fields` a method returns a few default fields; `fields` names what to return, e.g.
// 'nextPageToken, files(id, name, parents)', 'files/id' or '*'. A name the resource does not have is
// refused with "Invalid field selection …".

/** A resource's fields: true for a plain field, a nested schema for an object (or a list of objects). */
export interface Schema {
  readonly [field: string]: true | Schema;
}

type Selection = Map<string, Selection | true>;

function parseList(text: string, at: { i: number }, nested: boolean): Selection {
  const selection: Selection = new Map();
  for (;;) {
    const start = at.i;
    while (at.i < text.length && !',()'.includes(text[at.i]!)) at.i++;
    const path = text.slice(start, at.i).trim();
    if (path === '') throw driveErrors.invalidFieldSelection(text);
    let sub: Selection | true = true;
    if (text[at.i] === '(') {
      at.i++;
      sub = parseList(text, at, true);
      if (text[at.i] !== ')') throw driveErrors.invalidFieldSelection(text);
      at.i++;
      while (text[at.i] === ' ') at.i++;
    }
    // 'files/id' is 'files(id)'.
    const names = path.split('/').map((n) => n.trim());
    let leaf: Selection | true = sub;
    for (let k = names.length - 1; k > 0; k--) leaf = new Map([[names[k]!, leaf]]);
    merge(selection, names[0]!, leaf);
    if (text[at.i] === ',') {
      at.i++;
      continue;
    }
    if (at.i === text.length || (nested && text[at.i] === ')')) return selection;
    throw driveErrors.invalidFieldSelection(text);
  }
}

function merge(into: Selection, name: string, sub: Selection | true): void {
  const existing = into.get(name);
  if (existing === undefined || sub === true) into.set(name, existing === true ? true : sub);
  else if (existing !== true) for (const [k, v] of sub) merge(existing, k, v);
}

export interface FieldMask {
  apply<T>(value: T): T;
}

function check(selection: Selection, schema: Schema, whole: string): void {
  for (const [name, sub] of selection) {
    if (name === '*') continue;
    const field = schema[name];
    if (field === undefined) throw driveErrors.invalidFieldSelection(name);
    if (sub !== true) {
      if (field === true) throw driveErrors.invalidFieldSelection(whole);
      check(sub, field, whole);
    }
  }
}

function pick(value: unknown, selection: Selection | true): unknown {
  if (selection === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => pick(item, selection));
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const all = selection.get('*');
  if (all !== undefined) for (const [k, v] of Object.entries(source)) out[k] = pick(v, all);
  for (const [name, sub] of selection) {
    if (name !== '*' && source[name] !== undefined) out[name] = pick(source[name], sub);
  }
  return out;
}

/** The mask for `fields`, or the method's defaults when it is absent. */
export function fieldMask(fields: string | null, schema: Schema, defaults: string): FieldMask {
  const text = fields === null || fields.trim() === '' ? defaults : fields;
  const selection = parseList(text, { i: 0 }, false);
  check(selection, schema, text);
  return { apply: <T>(value: T) => pick(value, selection) as T };
}
