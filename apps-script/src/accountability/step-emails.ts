import type { CilEvaluation, ProposedAction } from '../../../shared/accountability';
import type { AccountabilityEvent } from '../../../shared/records/accountability';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import type { Instant } from '../../../shared/time/instant';
import { openCil, type OpenCil } from '../cil/open-cil';
import type { RecordRow } from '../google/tab-sheet';
import { readLog, rewriteLogRows } from '../records/accountability-log';
import { emailForAction, type EmailContext } from '../email/accountability/emails-for-actions';
import { sendOrDefer, type SendOutcome } from '../mail/outbox';
import type { CilRecordsRead } from './cil-records';
import { messageOf } from '../error-message';

// Sending the email of an approved step and what the log says about it: 'sent' with "Email sent at"
// once it went; 'approved' while it waits in the outbox for quota (the next daily run sends it and
// marks the row by its key), when the volunteer turned reminders off, or when Gmail refused it (an
// invalid address: the lead is told, and fixes the roster).

/** The outbox's key for a step: check keys repeat across CILs (V-1, mentor check-ins), so it names the CIL too. */
export const deferredKeyOf = (cilId: string, checkKey: string) => `${cilId}|${checkKey}`;

/** Log rows still 'approved' whose emails the outbox has since sent, as they should now read. */
export function rowsNowSent(rows: readonly RecordRow<AccountabilityEvent>[], sentAt: ReadonlyMap<string, Instant>): RecordRow<AccountabilityEvent>[] {
  return rows.flatMap((row) => {
    const at = row.record.checkKey === undefined ? undefined : sentAt.get(row.record.checkKey);
    return at !== undefined && row.record.status === 'approved' ? [{ rowNumber: row.rowNumber, record: { ...row.record, status: 'sent' as const, emailSentAt: at } }] : [];
  });
}

/** Marks the log rows of deferred emails just sent (outbox key → sent at): one log read and one write per CIL they belong to. */
export function markStepsSent(sent: Readonly<Record<string, Instant>>): void {
  const cilIds = new Set(Object.keys(sent).flatMap((key) => (key.includes('|') ? [key.slice(0, key.indexOf('|'))] : [])));
  for (const cilId of cilIds) {
    try {
      const cil = openCil(cilId);
      if (!cil) continue;
      const timeZone = cil.settings.timeZone;
      const log = readLog(cil.spreadsheet, timeZone);
      rewriteLogRows(cil.spreadsheet, log.header, rowsNowSent(log.rows, sentKeysOf(cilId, sent)), timeZone);
    } catch (error) {
      console.warn(`CIL Hub: could not mark the sent emails in the log of CIL ${cilId} (the emails went): ${messageOf(error)}`);
    }
  }
}

/** The CIL's own check keys among those the outbox sent, with when. */
export function sentKeysOf(cilId: string, sent: Readonly<Record<string, Instant>>): Map<string, Instant> {
  const prefix = `${cilId}|`;
  return new Map(Object.entries(sent).flatMap(([key, at]) => (key.startsWith(prefix) ? [[key.slice(prefix.length), at] as const] : [])));
}

export function emailContextOf(cil: OpenCil, read: CilRecordsRead, evaluation: CilEvaluation, today: CalendarDay): EmailContext {
  return { settings: cil.settings, today, records: read.records, assessments: evaluation.volunteers };
}

/** 'held': the card's check ran out of sending time; it waits in the outbox like a deferred one. */
export type MailOutcome = SendOutcome['status'] | 'held' | 'no email';

/** Sends the step's email (or defers it) and gives the log row as it should now read. */
export function sendStepEmail(cilId: string, action: ProposedAction, event: AccountabilityEvent, context: EmailContext): { mail: MailOutcome; event: AccountabilityEvent; mailProblem?: string } {
  const step = emailForAction(action, context);
  if (!step) return { mail: 'no email', event };
  const options = { mandatory: step.mandatory, checkKey: deferredKeyOf(cilId, action.checkKey), ...(step.reminders === undefined ? {} : { reminders: step.reminders }) };
  const outcome = sendOrDefer(step.email, options);
  if (outcome.status === 'refused') return { mail: 'refused', event, mailProblem: `Gmail refused the email to ${step.email.to.join(', ')} (${outcome.problem}): correct the address in the Volunteers tab and write to them yourself.` };
  if (outcome.status === 'deferred' && outcome.held) return { mail: 'held', event };
  return { mail: outcome.status, event: outcome.status === 'sent' ? { ...event, status: 'sent', emailSentAt: outcome.sentAt } : event };
}
