import { readHeader, rowFromCells } from '../../../shared/records/row-codec';
import { headerRow } from '../../../shared/records/tab';
import { volunteersTab, type Volunteer } from '../../../shared/records/volunteer';
import { dayOf } from '../../../shared/time/zone';
import { appendRecords } from '../google/tab-sheet';
import { fillVolunteerBlanks, readRosterForEdit } from '../records/volunteers';
import { rosterCil, withRosterLock } from './roster-cil';

// "Add volunteer": one new row on the roster, from the sidebar form or a script. The fields are read
// exactly as the same values typed into the Volunteers tab would be (a date may be 27/11/2026, a role
// any case), checked with the shared schema, and refused with every problem named by its column.

/** What a lead fills in; blank id, status and joined-on become a new id, 'active' and today. */
export interface VolunteerFields {
  name: string;
  email: string;
  role: string;
  team?: string;
  status?: string;
  joinedOn?: string;
  weeklyCommitmentHours?: number | string;
  mentorEmail?: string;
  notes?: string;
  id?: string;
}

export interface AddedVolunteer {
  cilId: string;
  volunteer: Volunteer;
  /** Where it landed in the Volunteers tab. */
  rowNumber: number;
}

/** Set by enrollment, never by hand. */
const TOKEN_KEYS = ['tokenHash', 'tokenIssuedAt', 'tokenRevokedAt'];
const FIELD_KEYS = volunteersTab.columns.map((column) => column.key).filter((key) => !TOKEN_KEYS.includes(key));

// The tab's own column order: the fields become a row of it before the sheet's header is consulted.
const canonicalHeader = (() => {
  const read = readHeader(volunteersTab, headerRow(volunteersTab));
  if (!read.ok) throw new Error(read.message);
  return read.index;
})();

const refused = (problems: string[]) => new Error(`Cannot add the volunteer: ${problems.join('; ')}. Nothing was written.`);

/** The fields as a row of cells in the tab's column order; unknown or token fields are refused. */
function cellsOf(fields: unknown): unknown[] {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw refused(['give the fields as an object, such as { name: "Ayesha Khan", email: "ayesha@example.org", role: "member" }']);
  }
  const given = fields as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !FIELD_KEYS.includes(key));
  if (unknown.length > 0) {
    throw refused(
      unknown.map((key) =>
        TOKEN_KEYS.includes(key) ? `"${key}" is set by Send enrollment, not by hand` : `there is no field "${key}" (the fields are ${FIELD_KEYS.join(', ')})`,
      ),
    );
  }
  return volunteersTab.columns.map((column) => given[column.key] ?? '');
}

/** Entry point (also the sidebar's): adds one volunteer to the roster with one write. */
export function addVolunteer(fields: VolunteerFields, cilId?: string | null): AddedVolunteer {
  const cells = cellsOf(fields);
  const cil = rosterCil(cilId);
  const timeZone = cil.settings.timeZone;
  return withRosterLock(() => {
    const today = dayOf(new Date(), timeZone);
    const roster = readRosterForEdit(cil.spreadsheet, timeZone, today);
    const givenId = cells[canonicalHeader.positions.get('id')!];
    fillVolunteerBlanks(cells, canonicalHeader, today, new Set(roster.usedIds), timeZone);
    const decoded = rowFromCells(volunteersTab, canonicalHeader, cells, { timeZone });
    if (!decoded.ok) throw refused(decoded.error.issues.map((issue) => (issue.header ? `"${issue.header}" ${issue.problem}` : issue.problem)));
    const volunteer = decoded.record;
    const sameEmail = roster.rows.find((row) => row.record.email === volunteer.email);
    if (sameEmail) throw refused([`${volunteer.email} is already on the roster (row ${sameEmail.rowNumber}, ${sameEmail.record.name})`]);
    if (givenId !== '' && roster.usedIds.has(volunteer.id)) throw refused([`the Volunteer ID ${volunteer.id} is already in use`]);
    appendRecords(roster.sheet, volunteersTab, roster.header, roster.lastRow, [volunteer], timeZone);
    return { cilId: cil.registered.id, volunteer, rowNumber: roster.lastRow + 1 };
  });
}
