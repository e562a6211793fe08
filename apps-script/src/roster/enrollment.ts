import { encodeEnrollmentCode, enrollmentSchema } from '../../../shared/api/enrollment-code';
import type { Volunteer, VolunteerStatus } from '../../../shared/records/volunteer';
import { dateOfInstant, instantFromDate, type Instant } from '../../../shared/time/instant';
import { dayOf } from '../../../shared/time/zone';
import type { OpenCil } from '../cil/open-cil';
import { enrollmentEmail } from '../email/enrollment-email';
import { TabProblem, type InvalidRow } from '../google/tab-sheet';
import { readRosterForEdit, rewriteVolunteers, type EditableVolunteer, type RosterForEdit } from '../records/volunteers';
import { newEnrollmentToken, tokenHash } from './enrollment-token';
import { rosterCil, withRosterLock } from './roster-cil';
import { messageOf } from '../error-message';

// Enrollment: a lead sends each volunteer a code (web app address + CIL + a fresh token) by email; the
// roster keeps only the token's SHA-256 hash and when it was issued or revoked. The web app checks the
// hash and "Token revoked at" on every request, so revoking takes effect at once.
//
// Order matters for "no lost codes": mail goes out first and a hash is stored only for a volunteer whose
// email was sent; then every roster change of the run is written with one setValues.

export interface VolunteerRef {
  id: string;
  name?: string;
  email?: string;
}

export interface SkippedVolunteer {
  volunteer: VolunteerRef;
  reason: string;
}

export interface FilledRow {
  rowNumber: number;
  volunteerId: string;
  /** Headers of the cells CIL Hub filled in, e.g. ["Volunteer ID", "Status"]. */
  filled: string[];
}

export interface EnrollmentReport {
  cilId: string;
  /** Volunteers emailed a new code. */
  sent: VolunteerRef[];
  /** Volunteers whose code stopped working. */
  revoked: VolunteerRef[];
  skipped: SkippedVolunteer[];
  /** Rows of the Volunteers tab a lead must fix; none of them was written. */
  invalidRows: InvalidRow[];
  /** Typed rows completed with an id, status or joined-on date. */
  filledIn: FilledRow[];
}

interface EnrollmentPlan {
  /** Volunteers whose current code is revoked. */
  revoke: EditableVolunteer[];
  /** Volunteers emailed a new code, in this order while the mail quota lasts. */
  issue: EditableVolunteer[];
  skipped: SkippedVolunteer[];
}

type Planner = (roster: RosterForEdit) => EnrollmentPlan;

/** The codes that went out, by volunteer id: for the demo to show one, never returned by an entry point. */
export interface EnrollmentRun {
  report: EnrollmentReport;
  codes: Map<string, string>;
}

/** Statuses whose volunteers are sent a code when a lead sends enrollment to everyone who needs one. */
const TAKING_PART: readonly VolunteerStatus[] = ['active', 'warned'];
const GONE: readonly VolunteerStatus[] = ['offboarded', 'alumni'];

const TOKEN_COLUMNS = ['tokenHash', 'tokenIssuedAt', 'tokenRevokedAt'] as const;

const refOf = (volunteer: Volunteer): VolunteerRef => ({ id: volunteer.id, name: volunteer.name, email: volunteer.email });

const hasLiveCode = (volunteer: Volunteer) => volunteer.tokenHash !== undefined && volunteer.tokenRevokedAt === undefined;

function requireTokenColumns(roster: RosterForEdit): void {
  const missing = TOKEN_COLUMNS.filter((key) => !roster.header.positions.has(key));
  if (missing.length === 0) return;
  const headers = { tokenHash: 'Token hash', tokenIssuedAt: 'Token issued at', tokenRevokedAt: 'Token revoked at' };
  const names = missing.map((key) => `"${headers[key]}"`).join(', ');
  throw new TabProblem(`The "Volunteers" tab has no ${names} column, where enrollment codes are recorded. Run CIL Hub › Set up this CIL… to restore it. Nothing was changed.`);
}

/**
 * The address enrollment codes point at: the web app's deployed /exec address. Google gives null when
 * the script has no web app deployment; the /dev address of a test deployment answers only the
 * script's editors. Either way the codes would not work, so nothing is sent.
 */
export function enrollmentWebAppUrl(): string {
  // Typed as string, but null without a deployment (developers.google.com/apps-script/reference/script/service#getUrl()).
  const url = ScriptApp.getService().getUrl() as string | null;
  if (url !== null && enrollmentSchema.shape.url.safeParse(url).success) return url;
  const found = url === null || url === '' ? 'it has no web app deployment yet' : `its web app address is ${url}, not a deployed /exec address`;
  throw new Error(
    `Deploy CIL Hub as a web app first: ${found}, and enrollment codes carry that address. In the Apps Script editor choose Deploy › New deployment › Web app (execute as me, access: anyone), then send enrollment again. Nothing was sent and no code was issued.`,
  );
}

/**
 * Reads the roster, lets `plan` choose, revokes and sends, then writes every changed row at once; with
 * `completeTypedRows`, typed rows missing an id, status or joined-on date are completed too. The whole
 * run holds the script lock.
 */
export function changeEnrollment(cil: OpenCil, plan: Planner, completeTypedRows: boolean): EnrollmentRun {
  return withRosterLock(() => {
    const { settings, registered } = cil;
    const timeZone = settings.timeZone;
    const now = instantFromDate(new Date());
    const roster = readRosterForEdit(cil.spreadsheet, timeZone, dayOf(dateOfInstant(now), timeZone));
    requireTokenColumns(roster);
    const { revoke, issue, skipped } = plan(roster);

    const changed = new Map<number, EditableVolunteer>();
    if (completeTypedRows) for (const row of roster.rows) if (row.filled.length > 0) changed.set(row.rowNumber, row);
    const current = (row: EditableVolunteer) => changed.get(row.rowNumber) ?? row;
    const update = (row: EditableVolunteer, record: Volunteer) => changed.set(row.rowNumber, { ...current(row), record });

    const revoked: VolunteerRef[] = [];
    for (const row of revoke) {
      update(row, { ...current(row).record, tokenRevokedAt: now });
      revoked.push(refOf(row.record));
    }

    const sent: VolunteerRef[] = [];
    const codes = new Map<string, string>();
    if (issue.length > 0) {
      const url = enrollmentWebAppUrl();
      const quota = MailApp.getRemainingDailyQuota();
      issue.forEach((row, index) => {
        const volunteer = current(row).record;
        if (index >= quota) {
          skipped.push({
            volunteer: refOf(volunteer),
            reason: `not sent: today's email quota ran out after ${quota} message${quota === 1 ? '' : 's'}; send enrollment again tomorrow`,
          });
          return;
        }
        const token = newEnrollmentToken();
        const code = encodeEnrollmentCode({ url, cil: registered.id, token });
        const email = enrollmentEmail({ volunteerName: volunteer.name, cilName: settings.cilName, code, leadEmail: settings.leadEmails[0] });
        try {
          MailApp.sendEmail({
            to: volunteer.email,
            subject: email.subject,
            body: email.body,
            htmlBody: email.htmlBody,
            name: `${settings.cilName} via CIL Hub`.replace(/\s+/g, ' '),
            ...(settings.leadEmails[0] === undefined ? {} : { replyTo: settings.leadEmails[0] }),
          });
        } catch (error) {
          skipped.push({ volunteer: refOf(volunteer), reason: `not sent: ${messageOf(error)}` });
          return;
        }
        update(row, { ...volunteer, tokenHash: tokenHash(token), tokenIssuedAt: now, tokenRevokedAt: undefined });
        sent.push(refOf(volunteer));
        codes.set(volunteer.id, code);
      });
    }

    const written = [...changed.values()];
    rewriteVolunteers(roster, written, timeZone);
    const filledIn = written
      .filter((row) => row.filled.length > 0)
      .sort((a, b) => a.rowNumber - b.rowNumber)
      .map((row) => ({ rowNumber: row.rowNumber, volunteerId: row.record.id, filled: row.filled }));
    return { report: { cilId: registered.id, sent, revoked, skipped, invalidRows: roster.invalid, filledIn }, codes };
  });
}

// ---- who a run is for --------------------------------------------------------------------------------

/** The day of a "Token issued at" or "Token revoked at" instant, as a lead reads it. */
function dayOfInstant(instant: string, timeZone: string): string {
  return dayOf(dateOfInstant(instant as Instant), timeZone);
}

/** Why a volunteer is not sent a code when a lead names them; null when they may be. */
function refusalOf(volunteer: Volunteer): string | null {
  return GONE.includes(volunteer.status) ? `is ${volunteer.status}; set their status back to active before sending a code` : null;
}

/** Send enrollment: the named volunteers, or every volunteer taking part who has no working code. */
export function sendPlan(volunteerIds: readonly string[] | null, timeZone: string): Planner {
  return (roster) => {
    if (volunteerIds === null) {
      return { revoke: [], issue: roster.rows.filter((row) => TAKING_PART.includes(row.record.status) && !hasLiveCode(row.record)), skipped: [] };
    }
    const issue: EditableVolunteer[] = [];
    const skipped: SkippedVolunteer[] = [];
    for (const id of new Set(volunteerIds.map((id) => id.trim()))) {
      const row = roster.rows.find((candidate) => candidate.record.id === id);
      if (!row) {
        skipped.push({ volunteer: { id }, reason: 'no volunteer with this ID is on the roster' });
        continue;
      }
      const { record } = row;
      const refusal =
        refusalOf(record) ??
        (hasLiveCode(record)
          ? `already has a working enrollment code${record.tokenIssuedAt === undefined ? '' : ` (sent ${dayOfInstant(record.tokenIssuedAt, timeZone)})`}; use Re-issue enrollment to send a new one`
          : null);
      if (refusal) skipped.push({ volunteer: refOf(record), reason: refusal });
      else issue.push(row);
    }
    return { revoke: [], issue, skipped };
  };
}

/** How a single-volunteer entry point finds its volunteer: by id when called, by email from the menu. */
export interface VolunteerChoice {
  /** E.g. 'with the ID v-1a2b3c4d'. */
  described: string;
  find(roster: RosterForEdit): EditableVolunteer | undefined;
}

export const volunteerWithId = (id: string): VolunteerChoice => ({
  described: `with the ID ${JSON.stringify(id)}`,
  find: (roster) => roster.rows.find((row) => row.record.id === id.trim()),
});

export const volunteerWithEmail = (email: string): VolunteerChoice => ({
  described: `with the email ${JSON.stringify(email.trim())}`,
  find: (roster) => roster.rows.find((row) => row.record.email === email.trim().toLowerCase()),
});

function chosen(choice: VolunteerChoice, roster: RosterForEdit): EditableVolunteer {
  const row = choice.find(roster);
  if (!row) throw new Error(`No volunteer ${choice.described} is on the roster (rows with a problem to fix are not counted). Nothing was changed.`);
  return row;
}

export function revokePlan(choice: VolunteerChoice, timeZone: string): Planner {
  return (roster) => {
    const row = chosen(choice, roster);
    const { record } = row;
    if (record.tokenHash === undefined) return { revoke: [], issue: [], skipped: [{ volunteer: refOf(record), reason: 'has no enrollment code to revoke' }] };
    if (record.tokenRevokedAt !== undefined) {
      return { revoke: [], issue: [], skipped: [{ volunteer: refOf(record), reason: `their code was already revoked on ${dayOfInstant(record.tokenRevokedAt, timeZone)}` }] };
    }
    return { revoke: [row], issue: [], skipped: [] };
  };
}

/** Revoke (when there is a working code) and send a new one; the old code stops working even if the email cannot go out. */
export function reissuePlan(choice: VolunteerChoice): Planner {
  return (roster) => {
    const row = chosen(choice, roster);
    const refusal = refusalOf(row.record);
    if (refusal) return { revoke: [], issue: [], skipped: [{ volunteer: refOf(row.record), reason: refusal }] };
    return { revoke: hasLiveCode(row.record) ? [row] : [], issue: [row], skipped: [] };
  };
}

// ---- entry points ------------------------------------------------------------------------------------

function idsArgument(volunteerIds: unknown): string[] | null {
  if (volunteerIds === undefined || volunteerIds === null) return null;
  if (Array.isArray(volunteerIds) && volunteerIds.every((id) => typeof id === 'string')) return volunteerIds;
  throw new Error('sendEnrollment takes a list of volunteer IDs, such as ["v-1a2b3c4d"], or nothing for every active volunteer without a working code. Nothing was sent.');
}

function idArgument(volunteerId: unknown, entryPoint: string): string {
  if (typeof volunteerId === 'string' && volunteerId.trim() !== '') return volunteerId;
  throw new Error(`${entryPoint} takes a volunteer ID, such as "v-1a2b3c4d". Nothing was changed.`);
}

/**
 * Entry point: emails an enrollment code to each named volunteer, or (without ids) to every active or
 * warned volunteer who has no working code. Typed rows are completed first. `cilId` is needed only when
 * the deployment serves several CILs and no CIL spreadsheet is open.
 */
export function sendEnrollment(volunteerIds?: string[] | null, cilId?: string | null): EnrollmentReport {
  const ids = idsArgument(volunteerIds);
  const cil = rosterCil(cilId);
  return changeEnrollment(cil, sendPlan(ids, cil.settings.timeZone), true).report;
}

/** Entry point: the volunteer's code stops working at once (the web app refuses it on the next request). */
export function revokeEnrollment(volunteerId: string, cilId?: string | null): EnrollmentReport {
  const id = idArgument(volunteerId, 'revokeEnrollment');
  const cil = rosterCil(cilId);
  return changeEnrollment(cil, revokePlan(volunteerWithId(id), cil.settings.timeZone), false).report;
}

/** Entry point: revokes the volunteer's code and emails them a new one. */
export function reissueEnrollment(volunteerId: string, cilId?: string | null): EnrollmentReport {
  const id = idArgument(volunteerId, 'reissueEnrollment');
  return changeEnrollment(rosterCil(cilId), reissuePlan(volunteerWithId(id)), false).report;
}
