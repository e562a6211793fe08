import { requireAdmin } from '../deployment-admin';
import { busyForLead, LEAD_ACTION_LOCK_WAIT_MS, withScriptLock } from '../google/script-lock';
import { markStepsSent } from '../accountability/step-emails';
import { sendDeferred, type DeferredRun } from './outbox';

// "CIL Hub › Send deferred emails": sends now the emails that waited for the daily mail quota, oldest
// first, for a lead who does not want to wait for the next daily run (which sends them first anyway);
// the log rows of the steps whose emails went are marked sent, as the daily run marks them. Only the
// admin sends them: they go from the daily check's account, whose quota they wait for.

/** Sends what waits as the quota allows, under the script lock; shows what it did when run from the menu. */
export function sendDeferredMail(): DeferredRun {
  requireAdmin('send the deferred emails now; they go out with the next daily check');
  const run = withScriptLock(
    LEAD_ACTION_LOCK_WAIT_MS,
    () => {
      const done = sendDeferred();
      markStepsSent(Object.fromEntries(done.sent.flatMap((mail) => (mail.checkKey === undefined ? [] : [[mail.checkKey, mail.sentAt]]))));
      return done;
    },
    busyForLead,
  );
  const text =
    run.sent.length === 0 && run.waiting === 0 && run.refused.length === 0
      ? 'No email is waiting: everything has been sent.'
      : [
          `Sent ${run.sent.length} deferred email${run.sent.length === 1 ? '' : 's'}.`,
          ...(run.waiting === 0 ? [] : [`${run.waiting} still wait for tomorrow's mail quota; the daily run sends them first.`]),
          ...run.refused.map((mail) => `Gmail refused "${mail.subject}" to ${mail.to.join(', ')}: ${mail.problem}`),
        ].join(' ');
  console.info(text);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (spreadsheet !== null) spreadsheet.toast(text, 'CIL Hub', 10);
  return run;
}
