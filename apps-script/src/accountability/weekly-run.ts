import { dayOf } from '../../../shared/time/zone';
import { registeredCils } from '../cil-registry';
import { openCil } from '../cil/open-cil';
import { warnInvalidRows } from '../google/tab-sheet';
import { appendDeliverables, readDeliverables } from '../records/deliverables';
import { readVolunteers } from '../records/volunteers';
import { sendDigests, type DigestReport } from './digests';
import { recurringDeliverablesDue, reportOwnerOf } from './recurring-deliverables';
import { messageOf } from '../error-message';

// The weekly tasks: each CIL's recurring deliverables for the current periods, added to its
// Deliverables tab with their due dates (one read of Volunteers and Deliverables, one append). Every
// row's id names its kind and period, so a second run in the same week adds nothing. Then the CIL's
// digests (digests.ts), from the same reads, so the leads' digest shows the reports just added.

export const WEEKLY_HANDLER = 'runWeeklyTasks';
const LOCK_WAIT_MS = 30_000;

export interface WeeklyCilResult {
  cilId: string;
  /** The ids of the deliverables added. */
  added: string[];
  /** The digests due this run: sent, deferred for quota, or not sent for want of a recipient. */
  digests: DigestReport[];
  problem?: string;
}

function runCilWeeklyTasks(cilId: string, now: Date): Omit<WeeklyCilResult, 'cilId'> {
  const cil = openCil(cilId);
  if (!cil) throw new Error('it is no longer registered');
  const { spreadsheet, settings } = cil;
  const timeZone = settings.timeZone;
  const volunteers = readVolunteers(spreadsheet, timeZone).rows.map((row) => row.record);
  const deliverables = readDeliverables(spreadsheet, timeZone);
  warnInvalidRows('Deliverables', deliverables.invalid, 'a report they hold may be added again');
  const held = deliverables.rows.map((row) => row.record);
  // A roster without a lead to owe the reports still gets its digests, which say how it stands.
  const owner = reportOwnerOf(volunteers, settings);
  const due = owner ? recurringDeliverablesDue(dayOf(now, timeZone), owner, held) : [];
  appendDeliverables(spreadsheet, deliverables, due, timeZone);
  const digests = sendDigests(cil, { volunteers, deliverables: [...held, ...due] }, now);
  const result: Omit<WeeklyCilResult, 'cilId'> = { added: due.map((deliverable) => deliverable.id), digests };
  if (!owner) result.problem = 'no organizer or other lead is on the roster to owe the reports; add one to the Volunteers tab';
  return result;
}

/** Entry point (the weekly trigger): adds the current periods' recurring deliverables to every CIL and sends its digests. */
export function runWeeklyTasks(): WeeklyCilResult[] {
  return registeredCils().map(({ id, name }) => {
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) return { cilId: id, added: [], digests: [], problem: 'CIL Hub was busy with another task; run runWeeklyTasks again to add this CIL\'s reports and send its digests' };
    try {
      return { cilId: id, ...runCilWeeklyTasks(id, new Date()) };
    } catch (error) {
      console.warn(`CIL Hub: the weekly tasks of "${name}" stopped: ${messageOf(error)}`);
      return { cilId: id, added: [], digests: [], problem: messageOf(error) };
    } finally {
      lock.releaseLock();
    }
  });
}
