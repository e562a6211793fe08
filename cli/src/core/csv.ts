// CSV as RFC 4180 describes it (www.rfc-editor.org/rfc/rfc4180): records end with CRLF, fields are
// separated by commas, and a field holding a comma, a double quote, CR or LF is enclosed in double
// quotes with its quotes doubled. Backups are rectangular, one record per sheet row.
//
// The reader is strict: a backup is only ever read to be restored, so a file that is not what this
// writer writes (a stray quote, an unterminated field, a missing final CRLF) is refused, never guessed.

export class CsvError extends Error {}

const NEEDS_QUOTES = /[",\r\n]/;

function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of `rows`: every record, the last included, ends with CRLF; no rows is the empty text. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(field).join(',')}\r\n`;
  return out;
}

/** The records of a CSV text written by writeCsv; throws CsvError naming the line of the first fault. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let value: string;
    if (text[i] === '"') {
      let end = i + 1;
      let parts = '';
      for (;;) {
        const quote = text.indexOf('"', end);
        if (quote < 0) throw new CsvError(`line ${line}: a quoted field is never closed`);
        parts += text.slice(end, quote);
        if (text[quote + 1] === '"') {
          parts += '"';
          end = quote + 2;
        } else {
          end = quote + 1;
          break;
        }
      }
      for (const ch of parts) if (ch === '\n') line++;
      value = parts;
      i = end;
    } else {
      let end = i;
      while (end < n && text[end] !== ',' && text[end] !== '\r' && text[end] !== '\n') {
        if (text[end] === '"') throw new CsvError(`line ${line}: a double quote inside an unquoted field`);
        end++;
      }
      value = text.slice(i, end);
      i = end;
    }
    row.push(value);
    if (text[i] === ',') {
      i++;
      if (i === n) throw new CsvError(`line ${line}: the file ends in the middle of a record`);
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
      line++;
    } else if (i === n) {
      throw new CsvError(`line ${line}: the last record does not end with CRLF (the file may be cut short)`);
    } else {
      throw new CsvError(`line ${line}: a bare ${text[i] === '\r' ? 'CR' : text[i] === '\n' ? 'LF' : 'character after a quoted field'} where a record should end with CRLF`);
    }
  }
  return rows;
}
