import { apiError, API_ERRORS, type ApiError } from '../../../shared/api/errors';
import { volunteersTab, type Volunteer } from '../../../shared/records/volunteer';
import { openCil, type OpenCil } from '../cil/open-cil';
import { warnInvalidRows } from '../google/tab-sheet';
import { readVolunteers, volunteerWithTokenHash } from '../records/volunteers';
import { tokenHash } from '../roster/enrollment-token';

/** Who is calling: an enrolled volunteer of a CIL this deployment serves. */
export interface Caller {
  cil: OpenCil;
  volunteer: Volunteer;
}

export type Authentication = { ok: true; caller: Caller } | { ok: false; error: ApiError };

const refuse = (error: ApiError): Authentication => ({ ok: false, error });

/**
 * The volunteer whose enrollment token this is, in the CIL the request names. The token is compared
 * only as its SHA-256 hash, which is all the Volunteers tab keeps; a token whose row has "Token revoked
 * at" filled in, or whose volunteer is offboarded or alumni, is refused from that moment on (the
 * roster is read on every request).
 */
export function authenticate(cilId: string, token: string): Authentication {
  const cil = openCil(cilId);
  if (!cil) return refuse(apiError('wrong_cil', `${API_ERRORS.wrong_cil.message} (this web app serves no CIL "${cilId}")`));
  const roster = readVolunteers(cil.spreadsheet, cil.settings.timeZone);
  const volunteer = volunteerWithTokenHash(roster, tokenHash(token));
  // A row that does not read is no one's: its volunteer's code is refused until a lead fixes the row.
  warnInvalidRows(
    volunteersTab.name,
    roster.invalid,
    volunteer
      ? 'their volunteers cannot use CIL Hub'
      : `a request to CIL "${cilId}" was refused as unknown_token, and one of these rows may hold its enrollment token`,
  );
  if (!volunteer) return refuse(apiError('unknown_token'));
  // Offboarding ends an enrollment even if the lead has not revoked the token yet.
  if (volunteer.tokenRevokedAt !== undefined || volunteer.status === 'offboarded' || volunteer.status === 'alumni') {
    return refuse(apiError('revoked_token'));
  }
  return { ok: true, caller: { cil, volunteer } };
}
