import { isBlankCell, isBlankRow, unmarkText } from '../../../shared/records/cells';
import { cellsFromRecord, readHeader, rowFromCells, type HeaderIndex } from '../../../shared/records/row-codec';
import { volunteersTab, type Volunteer } from '../../../shared/records/volunteer';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { startOfDay } from '../../../shared/time/zone';
import { readTab, reentered, sheetOf, TabProblem, type InvalidRow, type TabRead } from '../google/tab-sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The roster, in one read. */
export function readVolunteers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): TabRead<typeof volunteersTab> {
  return readTab(sheetOf(spreadsheet, volunteersTab), volunteersTab, timeZone);
}

/** The volunteer holding a token with this hash, revoked or not; the caller decides what a revoked one may do. */
export function volunteerWithTokenHash(roster: TabRead<typeof volunteersTab>, hash: string): Volunteer | null {
  return roster.rows.find((row) => row.record.tokenHash === hash)?.record ?? null;
}

// ---- the roster as a lead edits it ------------------------------------------------------------------
//
// Leads add volunteers by typing rows into the tab, often just a name, an email and a role. When CIL Hub
// next works on the roster it completes such rows (an id, status active, joined today) and rewrites
// the rows it changed in place, keeping every other cell as the lead left it.

/** A new volunteer id: short enough to type into an Hours row by hand, checked against the ids in use. */
export function newVolunteerId(used: ReadonlySet<string>): string {
  for (;;) {
    const id = `v-${Utilities.getUuid().replace(/-/g, '').slice(0, 8)}`;
    if (!used.has(id)) return id;
  }
}

export interface EditableVolunteer {
  rowNumber: number;
  record: Volunteer;
  /** Headers of the cells CIL Hub filled in (in memory) because the lead left them blank. */
  filled: string[];
}

export interface RosterForEdit {
  sheet: Sheet;
  header: HeaderIndex;
  rows: EditableVolunteer[];
  /** Rows a lead must fix; CIL Hub never writes them. */
  invalid: InvalidRow[];
  lastRow: number;
  /** Every id in the tab, valid row or not, so a new one repeats none. */
  usedIds: Set<string>;
  /** The tab's cells as read, header first: the rows around a rewritten one are written back from these. */
  values: unknown[][];
}

const FILLED_COLUMNS = ['id', 'status', 'joinedOn'] as const;

function positionOf(header: HeaderIndex, key: string): number {
  // Required columns: readHeader has refused a header without them.
  return header.positions.get(key)!;
}

function textIn(cell: unknown): string {
  return typeof cell === 'string' ? unmarkText(cell).trim() : String(cell);
}

/**
 * Fills a new volunteer's blank id (one not in `usedIds`, which it joins), status (active) and joined-on
 * (`today`, in the CIL's zone) cells, in place; returns the headers of the cells it filled.
 */
export function fillVolunteerBlanks(cells: unknown[], header: HeaderIndex, today: CalendarDay, usedIds: Set<string>, timeZone: string): string[] {
  const fillings: Record<(typeof FILLED_COLUMNS)[number], () => unknown> = {
    id: () => {
      const id = newVolunteerId(usedIds);
      usedIds.add(id);
      return id;
    },
    status: () => 'active',
    joinedOn: () => startOfDay(today, timeZone),
  };
  const filled: string[] = [];
  for (const key of FILLED_COLUMNS) {
    const at = positionOf(header, key);
    if (!isBlankCell(cells[at])) continue;
    cells[at] = fillings[key]();
    filled.push(volunteersTab.columns.find((column) => column.key === key)!.header);
  }
  return filled;
}

/**
 * The roster in one read, each row checked with the shared schema after a typed row's blank id, status
 * and joined-on cells are filled in (in memory: rows that gain them are marked `filled`, and are written
 * only if the caller rewrites them). A second row with an id or email already above it is refused by
 * row number.
 */
export function readRosterForEdit(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string, today: CalendarDay): RosterForEdit {
  const sheet = sheetOf(spreadsheet, volunteersTab);
  const values = sheet.getDataRange().getValues();
  const read = readHeader(volunteersTab, values[0] ?? []);
  if (!read.ok) throw new TabProblem(read.message);
  const header = read.index;
  const idAt = positionOf(header, 'id');
  const usedIds = new Set<string>();
  for (const cells of values.slice(1)) if (!isBlankCell(cells[idAt])) usedIds.add(textIn(cells[idAt]));

  const rows: EditableVolunteer[] = [];
  const invalid: InvalidRow[] = [];
  const rowOfId = new Map<string, number>();
  const rowOfEmail = new Map<string, number>();
  let lastRow = values.length > 0 && !isBlankRow(values[0]!) ? 1 : 0;
  values.forEach((original, index) => {
    const rowNumber = index + 1;
    if (index === 0 || isBlankRow(original)) return;
    lastRow = rowNumber;
    const cells = [...original];
    const filled = fillVolunteerBlanks(cells, header, today, usedIds, timeZone);
    const decoded = rowFromCells(volunteersTab, header, cells, { timeZone });
    if (!decoded.ok) {
      invalid.push({ rowNumber, message: decoded.error.message });
      return;
    }
    const record = decoded.record;
    const sameId = rowOfId.get(record.id);
    const sameEmail = rowOfEmail.get(record.email);
    if (sameId !== undefined || sameEmail !== undefined) {
      const problems = [
        ...(sameId === undefined ? [] : [`"Volunteer ID" ${record.id} is also in row ${sameId}; each volunteer needs an ID of their own`]),
        ...(sameEmail === undefined ? [] : [`"Email" ${record.email} is also in row ${sameEmail}; one row per volunteer`]),
      ];
      invalid.push({ rowNumber, message: `${volunteersTab.name}: ${problems.join('; ')}` });
      return;
    }
    rowOfId.set(record.id, rowNumber);
    rowOfEmail.set(record.email, rowNumber);
    rows.push({ rowNumber, record, filled });
  });
  return { sheet, header, rows, invalid, lastRow, usedIds, values };
}

/**
 * Writes the changed rows back in place with one setValues over the rows from the first to the last of
 * them (whatever their number). Columns CIL Hub does not know, and the rows in between, are written
 * back as they were, formulas included, so a lead's own columns survive.
 */
export function rewriteVolunteers(roster: RosterForEdit, changed: readonly EditableVolunteer[], timeZone: string): void {
  if (changed.length === 0) return;
  const numbers = changed.map((row) => row.rowNumber);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const width = roster.header.width;
  const range = roster.sheet.getRange(first, 1, last - first + 1, width);
  const formulas = range.getFormulas();
  const byNumber = new Map(changed.map((row) => [row.rowNumber, row]));
  const cells = formulas.map((rowFormulas, i) => {
    const rowNumber = first + i;
    const asWas = rowFormulas.map((formula, column) => reentered(roster.values[rowNumber - 1]?.[column] ?? '', formula));
    const row = byNumber.get(rowNumber);
    return row ? cellsFromRecord(volunteersTab, roster.header, row.record, { timeZone, keep: asWas }) : asWas;
  });
  range.setValues(cells);
}
