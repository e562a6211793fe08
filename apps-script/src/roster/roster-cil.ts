import { registeredCils } from '../cil-registry';
import { openCil, type OpenCil } from '../cil/open-cil';
import { busyForLead, LEAD_ACTION_LOCK_WAIT_MS, withScriptLock } from '../google/script-lock';

// Which CIL a roster entry point works on. From the menu or the sidebar it is the spreadsheet the lead
// has open; called by name (clasp, the sandbox's `call`) it is the CIL named by id, or the only one
// this deployment serves.

export function rosterCil(cilId: string | null | undefined): OpenCil {
  if (cilId !== undefined && cilId !== null) {
    const cil = typeof cilId === 'string' ? openCil(cilId) : null;
    if (!cil) throw new Error(`No CIL with the id ${JSON.stringify(cilId)} is set up in this deployment.`);
    return cil;
  }
  const registry = registeredCils();
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) {
    const id = active.getId();
    const mine = registry.find((cil) => cil.spreadsheetId === id);
    if (!mine) throw new Error('This spreadsheet is not set up as a CIL yet. Run CIL Hub › Set up this CIL… first.');
    return openCil(mine.id)!;
  }
  if (registry.length === 1) return openCil(registry[0]!.id)!;
  if (registry.length === 0) throw new Error('No CIL is set up in this deployment yet. Run setUpCil first.');
  throw new Error(`This deployment serves ${registry.length} CILs (${registry.map((cil) => cil.id).join(', ')}); name the one you mean by its id.`);
}

/**
 * Roster changes are read-modify-write of the Volunteers tab: two at once (two leads, or a lead and the
 * demo) would lose one's rows. The script lock is the one the web app holds while it writes.
 */
export function withRosterLock<T>(run: () => T): T {
  return withScriptLock(LEAD_ACTION_LOCK_WAIT_MS, run, busyForLead);
}
