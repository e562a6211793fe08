import { nationalMentorCheckInKey, normalCheckKey } from '../accountability/check-keys';
import { evidenceText } from '../accountability/evidence-text';
import type { AccountabilityEvent, AccountabilityStatus } from '../records/accountability';
import { dateOfInstant, instantMs, type Instant } from '../time/instant';
import { quarterOf } from '../time/period';
import { dayOf } from '../time/zone';

// The mentor check-in of a CIL falling behind is CfP's oversight: one per CIL and quarter that reached
// the national CfP lead. The rules engine proposes its own (one per reason and period, check keys
// `mentor-check-in:cil:…`), which a CIL lead approves or dismisses; only one sent to the national CfP
// lead counts here, so a CIL lead cannot silence CfP by dismissing it or leaving it proposed. The
// rollup proposes one, with the key `mentor-check-in:cil:national:<quarter>`, in a quarter whose log
// holds no check-in that reached the CfP lead; the engine holds back its own while that key is logged.

/** A mentor check-in already in a CIL's log. */
export interface LoggedCheckIn {
  eventId: string;
  status: AccountabilityStatus;
  at: Instant;
  by: string;
  checkKey?: string;
}

/** Who the rollup's log rows and emails are from. */
export const ROLLUP_BY = 'national rollup';

const DONE = new Set<AccountabilityStatus>(['approved', 'sent']);

/** Email addresses compare without case, as Gmail delivers them. */
export const sameAddress = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The first mentor check-in of the CIL's `quarter` that reached the national CfP lead: the rollup's
 * own (its key for the quarter, approved or sent), or one of the CIL's own 'sent' in that quarter (by
 * the day of its "At" in the CIL's time zone) when `ownGoToNationalLead` (the CIL's "CfP lead email"
 * is the national CfP lead's). A proposed or dismissed one does not count. Rows dated after `now` are
 * not seen yet, as in the rules engine.
 */
export function checkInOf(log: readonly AccountabilityEvent[], quarter: string, timeZone: string, now: Instant, ownGoToNationalLead: boolean): LoggedCheckIn | undefined {
  const nowMs = instantMs(now) ?? Number.POSITIVE_INFINITY;
  const nationalKey = nationalMentorCheckInKey(quarter);
  let first: { ms: number; event: AccountabilityEvent } | undefined;
  for (const event of log) {
    const ms = instantMs(event.at);
    if (ms === undefined || ms > nowMs) continue;
    const national = event.checkKey !== undefined && normalCheckKey(event.checkKey) === nationalKey && DONE.has(event.status);
    const ownSent =
      ownGoToNationalLead && event.kind === 'mentor check-in' && event.status === 'sent' && quarterOf(dayOf(dateOfInstant(event.at), timeZone)) === quarter;
    if ((national || ownSent) && (!first || ms < first.ms)) first = { ms, event };
  }
  if (!first) return undefined;
  const { id, status, at, by, checkKey } = first.event;
  return { eventId: id, status, at, by, ...(checkKey === undefined ? {} : { checkKey }) };
}

export interface CheckInRow {
  /** The new row's Event ID. */
  id: string;
  at: Instant;
  cilName: string;
  quarter: string;
  cfpLeadEmail: string;
  /** Why the CIL is falling behind, one sentence each. */
  reasons: readonly string[];
  /** 'sent' once the email to the CfP lead went, else 'approved' (it waits in the outbox for quota). */
  status: Extract<AccountabilityStatus, 'sent' | 'approved'>;
  emailSentAt?: Instant;
  /**
   * What became of the email when it did not go: 'deferred' (it waits in the outbox for the day's
   * quota; the row stays 'approved' when it goes later), or the reason Gmail refused it.
   */
  notSent?: { deferred: true } | { refused: string };
}

/** The accountability log row of the rollup's mentor check-in, with its evidence and the quarter's key. */
export function checkInEvent(row: CheckInRow): AccountabilityEvent {
  const heading = `Mentor check-in proposed to the CfP lead (${row.cfpLeadEmail}) by the ${ROLLUP_BY}: ${row.cilName} is falling behind in ${row.quarter}.`;
  const event: AccountabilityEvent = {
    id: row.id,
    kind: 'mentor check-in',
    at: row.at,
    by: ROLLUP_BY,
    evidence: evidenceText(heading, [], [...row.reasons, ...notSentWords(row.notSent)]),
    status: row.status,
    checkKey: nationalMentorCheckInKey(row.quarter),
  };
  if (row.emailSentAt !== undefined) event.emailSentAt = row.emailSentAt;
  return event;
}

function notSentWords(notSent: CheckInRow['notSent']): string[] {
  if (notSent === undefined) return [];
  if ('deferred' in notSent) {
    return ['The email to the CfP lead waits in CIL Hub\'s outbox for the day\'s mail quota; it goes with a later run, and this row stays "approved" when it does.'];
  }
  return [`The email to the CfP lead was refused: ${notSent.refused}`];
}
