import type { CilEvaluation, ProposedAction } from '../../../shared/accountability';
import type { AccountabilityEvent } from '../../../shared/records/accountability';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import type { Instant } from '../../../shared/time/instant';
import type { OpenCil } from '../cil/open-cil';
import { emailForAction, type EmailContext } from '../email/accountability/emails-for-actions';
import { sendOrDefer, type SendOutcome } from '../mail/outbox';
import type { CilRecordsRead } from './cil-records';

// Sending the email of an approved step and what the log says about it: 'sent' with "Email sent at"
// once it went; 'approved' while it waits in the outbox for quota (the next daily run sends it and
// marks the row by its key) or when the volunteer turned reminders off.

/** The outbox's key for a step: check keys repeat across CILs (V-1, mentor check-ins), so it names the CIL too. */
export const deferredKeyOf = (cilId: string, checkKey: string) => `${cilId}|${checkKey}`;

/** The CIL's own check keys among those the outbox sent, with when. */
export function sentKeysOf(cilId: string, sent: Readonly<Record<string, Instant>>): Map<string, Instant> {
  const prefix = `${cilId}|`;
  return new Map(Object.entries(sent).flatMap(([key, at]) => (key.startsWith(prefix) ? [[key.slice(prefix.length), at] as const] : [])));
}

export function emailContextOf(cil: OpenCil, read: CilRecordsRead, evaluation: CilEvaluation, today: CalendarDay): EmailContext {
  return { settings: cil.settings, today, records: read.records, assessments: evaluation.volunteers };
}

export type MailOutcome = SendOutcome['status'] | 'no email';

/** Sends the step's email (or defers it) and gives the log row as it should now read. */
export function sendStepEmail(cilId: string, action: ProposedAction, event: AccountabilityEvent, context: EmailContext): { mail: MailOutcome; event: AccountabilityEvent } {
  const step = emailForAction(action, context);
  if (!step) return { mail: 'no email', event };
  const options = { mandatory: step.mandatory, checkKey: deferredKeyOf(cilId, action.checkKey), ...(step.reminders === undefined ? {} : { reminders: step.reminders }) };
  const outcome = sendOrDefer(step.email, options);
  return { mail: outcome.status, event: outcome.status === 'sent' ? { ...event, status: 'sent', emailSentAt: outcome.sentAt } : event };
}
