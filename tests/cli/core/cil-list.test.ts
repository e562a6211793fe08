import { describe, expect, it } from 'vitest';
import { readCilList } from '../../../cli/src/core/cil-list';

// The CSV list of CILs `cil provision` reads: as people save it, checked whole, every problem named
// with its line.

const HEADER = 'Name,City,Time zone,Lead emails,CfP lead email';

describe('readCilList', () => {
  it('reads each CIL with the settings it becomes, leaving out what is blank', () => {
    const text = `${HEADER}\nCIL Lahore, Lahore ,Asia/Karachi,Ayesha@Example.pk; bilal@example.pk  ayesha@example.pk,CFP@example.pk\nCIL Quetta,,,,\n`;
    expect(readCilList(text)).toEqual({
      ok: true,
      cils: [
        { line: 2, name: 'CIL Lahore', city: 'Lahore', timeZone: 'Asia/Karachi', leadEmails: ['ayesha@example.pk', 'bilal@example.pk'], cfpLeadEmail: 'cfp@example.pk' },
        { line: 3, name: 'CIL Quetta', leadEmails: [] },
      ],
    });
  });

  it.each([
    ['CRLF line ends and a last line without one', `${HEADER}\r\nCIL Lahore,,,,`],
    ["a spreadsheet program's byte-order mark and blank lines", `\uFEFF${HEADER}\n\nCIL Lahore,,,,\n,,,,\n\n`],
    ['columns in another order and case, some left out', 'lead EMAILS , name\n,CIL Lahore'],
    ['a quoted name and quoted lead emails separated by commas', `${HEADER}\n"CIL Lahore",,,"a@example.pk, b@example.pk",`],
  ])('reads %s', (_what, text) => {
    const read = readCilList(text);
    expect(read.ok).toBe(true);
    expect(read.ok && read.cils.map((cil) => cil.name)).toEqual(['CIL Lahore']);
  });

  it('counts lines as the file has them, a quoted field over two lines included', () => {
    const read = readCilList(`${HEADER}\n"CIL\nLahore",,,,\nCIL Quetta,,Mars/Olympus,,`);
    expect(read).toEqual({ ok: false, problems: ['line 4: Time zone "Mars/Olympus" must be a time zone name like Asia/Karachi'] });
  });

  it.each([
    ['an empty file', '', ['the file is empty; its first line names the columns: Name, City, Time zone, Lead emails, CfP lead email']],
    ['a header alone', `${HEADER}\n`, ['no CILs are listed below the header on line 1']],
    [
      'an unknown column and no Name',
      'CIL,City,Leads\nCIL Lahore,Lahore,a@example.pk',
      [
        'line 1: there is no column "CIL"; the columns are Name, City, Time zone, Lead emails, CfP lead email',
        'line 1: there is no column "Leads"; the columns are Name, City, Time zone, Lead emails, CfP lead email',
        'line 1: the header has no "Name" column; the columns are Name, City, Time zone, Lead emails, CfP lead email',
      ],
    ],
    ['a column twice', 'Name,City,city\nCIL Lahore,Lahore,Lahore', ['line 1: the column "City" appears twice']],
    [
      'every problem of every line',
      `${HEADER}\n,Lahore,Asia/Lahore,ayesha@,cfp\nCIL Karachi,,,,\ncil  karachi,,,,\nCIL Quetta,,,,,extra`,
      [
        'line 2: Name is blank; Time zone "Asia/Lahore" must be a time zone name like Asia/Karachi; CfP lead email "cfp" must be an email address like name@example.org; Lead emails "ayesha@" must be an email address like name@example.org',
        'line 4: the CIL "cil  karachi" is already listed on line 3',
        'line 5: there are 6 values but 5 columns',
      ],
    ],
    ['a name too long for the Settings tab', `${HEADER}\n${'x'.repeat(201)},,,,`, ['line 2: Name "' + 'x'.repeat(201) + '" must be at most 200 characters']],
    ['a stray quote', `${HEADER}\nCIL "Lahore",,,,`, ['line 2: a double quote inside an unquoted field']],
  ])('names every problem of %s', (_what, text, problems) => {
    expect(readCilList(text)).toEqual({ ok: false, problems });
  });
});
