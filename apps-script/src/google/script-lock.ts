// The script lock (LockService), held around every read-modify-write of a CIL's tabs: the web app's
// syncs, roster changes and setup. Without it two executions at once lose each other's rows.

/** How long a lead's action waits for another execution to finish before giving up. */
export const LEAD_ACTION_LOCK_WAIT_MS = 30_000;

/** Runs `work` holding the script lock, or returns `busy()` when the lock did not come within `waitMs`. */
export function withScriptLock<T>(waitMs: number, work: () => T, busy: () => T): T {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return busy();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** A lead's action that found CIL Hub busy: said plainly, with the promise that nothing changed. */
export function busyForLead(): never {
  throw new Error('CIL Hub is busy with another task; try again in a minute. Nothing was changed.');
}
