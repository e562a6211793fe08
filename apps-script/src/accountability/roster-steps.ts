import type { VolunteerStatus } from '../../../shared/records/volunteer';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import type { Instant } from '../../../shared/time/instant';
import type { OpenCil } from '../cil/open-cil';
import { readRosterForEdit, rewriteVolunteers, type EditableVolunteer } from '../records/volunteers';

// The roster change a carried-out step leads to: a warning makes the volunteer 'warned', an
// offboarding 'offboarded' (and their enrollment code stops working, as Revoke enrollment does), a
// reintegration or a "back to active" note 'active' again. All of a run's changes go in one write.
// The caller holds the script lock.

export interface RosterStep {
  volunteerId: string;
  status: VolunteerStatus;
}

export interface RosterChange extends RosterStep {
  from: VolunteerStatus;
  /** The volunteer's enrollment code was revoked (offboarding). */
  tokenRevoked: boolean;
}

export function applyRosterSteps(cil: OpenCil, steps: readonly RosterStep[], now: Instant, today: CalendarDay): RosterChange[] {
  if (steps.length === 0) return [];
  const timeZone = cil.settings.timeZone;
  const roster = readRosterForEdit(cil.spreadsheet, timeZone, today);
  const changed = new Map<number, EditableVolunteer>();
  const changes: RosterChange[] = [];
  for (const step of steps) {
    const row = roster.rows.find((candidate) => candidate.record.id === step.volunteerId);
    if (!row) {
      console.warn(`CIL Hub: volunteer ${step.volunteerId} is not on the roster of ${cil.settings.cilName} (or their row has a problem to fix), so their status was not set to ${step.status}.`);
      continue;
    }
    const current = changed.get(row.rowNumber) ?? row;
    const record = current.record;
    if (record.status === step.status) continue;
    const revoke = step.status === 'offboarded' && record.tokenHash !== undefined && record.tokenRevokedAt === undefined;
    changed.set(row.rowNumber, { ...current, record: { ...record, status: step.status, ...(revoke ? { tokenRevokedAt: now } : {}) } });
    changes.push({ ...step, from: record.status, tokenRevoked: revoke });
  }
  rewriteVolunteers(roster, [...changed.values()], timeZone);
  return changes;
}
