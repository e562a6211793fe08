import { inMailBatch, sendDeferred, sendOrDefer } from '../../../apps-script/src/mail/outbox';
import { formalWarningEmail } from '../../../apps-script/src/email/accountability/formal-warning';
import { hoursReminderEmail } from '../../../apps-script/src/email/accountability/hours-reminder';

// A test-only script for the sandbox (never part of Code.js): the outbox as the daily run calls it,
// with messages from the real builders. outbox.test.ts bundles it as vite bundles Code.js.

const cil = { cilName: 'CIL Test', leadEmails: ['lead@cil.example'] };

export function sendReminders(count: number, reminders: 'on' | 'off' | undefined) {
  const outcomes = [];
  for (let i = 0; i < count; i++) {
    const volunteer = { name: `Volunteer ${i}`, email: `v${i}@example.org` };
    const message = hoursReminderEmail({ cil, volunteer, week: '2026-W48', weekFirst: '2026-11-23', today: '2026-11-27', logged: [], weeklyCommitment: 5 });
    outcomes.push(sendOrDefer(message, { mandatory: false, checkKey: `reminder:V-${i}:hours:2026-W48`, ...(reminders === undefined ? {} : { reminders }) }));
  }
  return outcomes;
}

export function sendWarning(i: number, reasonText: string, email = `v${i}@example.org`) {
  const volunteer = { name: `Volunteer ${i}`, email };
  const reason = { code: 'no communication' as const, severity: 'inactive' as const, summary: reasonText, evidence: [] };
  const message = formalWarningEmail({ cil, volunteer, warningNumber: 1, warningsBeforeOffboarding: 2, respondWithinDays: 14, reasons: [reason], today: '2026-11-27' });
  return sendOrDefer(message, { mandatory: true, checkKey: `warning:V-${i}:1:2026-11-13`, reminders: 'off' });
}

export function sendWaiting() {
  return sendDeferred();
}

/** Warnings with a long reason, deferred in one batch as the daily run defers a CIL's steps. */
export function sendWarningsInOneBatch(count: number, reasonText: string) {
  return inMailBatch(() => Array.from({ length: count }, (_, i) => sendWarning(500 + i, reasonText)));
}
