import { dayOf } from '../../../shared/time/zone';
import { registeredCils } from '../cil-registry';
import { openCil } from '../cil/open-cil';
import { warnInvalidRows } from '../google/tab-sheet';
import { appendDeliverables, readDeliverables } from '../records/deliverables';
import { readVolunteers } from '../records/volunteers';
import { recurringDeliverablesDue, reportOwnerOf } from './recurring-deliverables';

// The weekly tasks: each CIL's recurring deliverables for the current periods, added to its
// Deliverables tab with their due dates (one read of Volunteers and Deliverables, one append). Every
// row's id names its kind and period, so a second run in the same week adds nothing.

export const WEEKLY_HANDLER = 'runWeeklyTasks';
const LOCK_WAIT_MS = 30_000;

export interface WeeklyCilResult {
  cilId: string;
  /** The ids of the deliverables added. */
  added: string[];
  problem?: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function addRecurringDeliverables(cilId: string, now: Date): string[] {
  const cil = openCil(cilId);
  if (!cil) throw new Error('it is no longer registered');
  const { spreadsheet, settings } = cil;
  const timeZone = settings.timeZone;
  const owner = reportOwnerOf(readVolunteers(spreadsheet, timeZone).rows.map((row) => row.record), settings);
  if (!owner) throw new Error('no organizer or other lead is on the roster to owe the reports; add one to the Volunteers tab');
  const deliverables = readDeliverables(spreadsheet, timeZone);
  warnInvalidRows('Deliverables', deliverables.invalid, 'a report they hold may be added again');
  const due = recurringDeliverablesDue(dayOf(now, timeZone), owner, deliverables.rows.map((row) => row.record));
  appendDeliverables(spreadsheet, deliverables, due, timeZone);
  return due.map((deliverable) => deliverable.id);
}

/** Entry point (the weekly trigger): adds the current periods' recurring deliverables to every CIL. */
export function runWeeklyTasks(): WeeklyCilResult[] {
  return registeredCils().map(({ id, name }) => {
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) return { cilId: id, added: [], problem: 'CIL Hub was busy with another task; run runWeeklyTasks again to add this CIL\'s reports' };
    try {
      return { cilId: id, added: addRecurringDeliverables(id, new Date()) };
    } catch (error) {
      console.warn(`CIL Hub: the weekly tasks of "${name}" stopped: ${messageOf(error)}`);
      return { cilId: id, added: [], problem: messageOf(error) };
    } finally {
      lock.releaseLock();
    }
  });
}
