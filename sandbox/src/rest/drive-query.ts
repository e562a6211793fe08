import type { DriveItemState } from '../workspace';
import { driveErrors } from './rest-errors';

// The `q` of files.list (developers.google.com/drive/api/guides/search-files and ref-search-terms):
// terms joined by `and` / `or`, negated by `not`, grouped by parentheses. Supported terms:
//   name = | != | contains 'text'      (contains matches a prefix of the name or of a word in it)
//   mimeType = | != | contains 'type'
//   trashed = | != true | false        (true also for what sits in a trashed folder)
//   starred = | != true | false        (nothing is starred in the sandbox)
//   'id' in parents · 'email' in owners | writers | readers
//   createdTime | modifiedTime  = != < <= > >=  'RFC 3339 date-time'
// Strings are single-quoted, with \' and \\ as escapes. Anything else is refused as Google refuses a
// query it cannot read: 400 "Invalid Value" at `q`.

export interface QueryEntry {
  item: DriveItemState;
  /** Trashed itself or inside a trashed folder. */
  trashed: boolean;
}

export type DriveQuery = (entry: QueryEntry) => boolean;

type Token = { kind: 'string'; text: string } | { kind: 'word'; text: string } | { kind: 'op'; text: string } | { kind: 'paren'; text: string };

const invalid = () => driveErrors.invalidValue('q');

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= q.length) throw invalid();
        const c = q[i]!;
        if (c === '\\') {
          if (i + 1 >= q.length) throw invalid();
          text += q[i + 1];
          i += 2;
        } else if (c === "'") {
          i++;
          break;
        } else {
          text += c;
          i++;
        }
      }
      tokens.push({ kind: 'string', text });
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: 'paren', text: ch });
      i++;
    } else if ('=!<>'.includes(ch)) {
      const two = q.slice(i, i + 2);
      const op = ['!=', '<=', '>='].includes(two) ? two : ch;
      if (op === '!') throw invalid();
      tokens.push({ kind: 'op', text: op });
      i += op.length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(q.slice(i))!;
      tokens.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    } else {
      throw invalid();
    }
  }
  return tokens;
}

const nameContains = (name: string, text: string) => {
  const lowerName = name.toLowerCase();
  const lowerText = text.toLowerCase();
  return lowerName.startsWith(lowerText) || lowerName.split(/\s+/).some((word) => word.startsWith(lowerText));
};

function compare(op: string, a: number | string | boolean, b: number | string | boolean): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      throw invalid();
  }
}

export function parseDriveQuery(q: string): DriveQuery {
  const tokens = tokenize(q);
  let at = 0;
  const peek = () => tokens[at];
  const next = (): Token => {
    const token = tokens[at++];
    if (!token) throw invalid();
    return token;
  };
  const isWord = (token: Token | undefined, word: string) => token?.kind === 'word' && token.text.toLowerCase() === word;

  function term(): DriveQuery {
    const first = next();
    if (first.kind === 'string') {
      if (!isWord(next(), 'in')) throw invalid();
      const field = next();
      const value = first.text;
      if (field.kind !== 'word') throw invalid();
      switch (field.text) {
        case 'parents':
          return ({ item }) => item.parents.includes(value);
        case 'owners':
          return ({ item }) => item.owner === value;
        case 'writers':
          return ({ item }) => item.owner === value || item.editors.includes(value);
        case 'readers':
          return ({ item }) => item.owner === value || item.editors.includes(value) || item.viewers.includes(value);
        default:
          throw invalid();
      }
    }
    if (first.kind !== 'word') throw invalid();
    const operator = next();
    const op = operator.kind === 'op' ? operator.text : isWord(operator, 'contains') ? 'contains' : null;
    if (op === null) throw invalid();
    const operand = next();
    switch (first.text) {
      case 'name':
      case 'mimeType': {
        if (operand.kind !== 'string' || !['=', '!=', 'contains'].includes(op)) throw invalid();
        const field = first.text;
        const text = operand.text;
        if (op === 'contains') return field === 'name' ? ({ item }) => nameContains(item.name, text) : ({ item }) => item.mimeType.includes(text);
        return ({ item }) => compare(op, item[field], text);
      }
      case 'trashed':
      case 'starred': {
        if (!['=', '!='].includes(op) || !(isWord(operand, 'true') || isWord(operand, 'false'))) throw invalid();
        const wanted = operand.text.toLowerCase() === 'true';
        return first.text === 'trashed' ? ({ trashed }) => compare(op, trashed, wanted) : () => compare(op, false, wanted);
      }
      case 'createdTime':
      case 'modifiedTime': {
        const when = operand.kind === 'string' ? Date.parse(operand.text) : NaN;
        if (op === 'contains' || Number.isNaN(when)) throw invalid();
        const field = first.text === 'createdTime' ? 'created' : 'updated';
        return ({ item }) => compare(op, item[field].getTime(), when);
      }
      default:
        throw invalid();
    }
  }

  function unary(): DriveQuery {
    if (isWord(peek(), 'not')) {
      at++;
      const inner = unary();
      return (entry) => !inner(entry);
    }
    if (peek()?.kind === 'paren' && peek()!.text === '(') {
      at++;
      const inner = or();
      const close = next();
      if (close.kind !== 'paren' || close.text !== ')') throw invalid();
      return inner;
    }
    return term();
  }

  function and(): DriveQuery {
    const parts = [unary()];
    while (isWord(peek(), 'and')) {
      at++;
      parts.push(unary());
    }
    return parts.length === 1 ? parts[0]! : (entry) => parts.every((part) => part(entry));
  }

  function or(): DriveQuery {
    const parts = [and()];
    while (isWord(peek(), 'or')) {
      at++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0]! : (entry) => parts.some((part) => part(entry));
  }

  if (tokens.length === 0) return () => true;
  const query = or();
  if (at !== tokens.length) throw invalid();
  return query;
}
