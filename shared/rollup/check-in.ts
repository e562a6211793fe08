import { nationalMentorCheckInKey, normalCheckKey } from '../accountability/check-keys';
import { evidenceText } from '../accountability/evidence-text';
import type { AccountabilityEvent, AccountabilityStatus } from '../records/accountability';
import { dateOfInstant, instantMs, type Instant } from '../time/instant';
import { quarterOf } from '../time/period';
import { dayOf } from '../time/zone';

// The mentor check-in of a CIL falling behind: one per CIL and quarter, whoever proposes it. The rules
// engine proposes its own (one per reason and period, check keys `mentor-check-in:cil:…`); the national
// rollup proposes one only in a quarter whose log holds none, with the key
// `mentor-check-in:cil:national:<quarter>`, and the engine holds back its own while that key is logged.

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

/**
 * The first mentor check-in (any status: one a lead dismissed stays dismissed) logged in the CIL's
 * `quarter`, by the day of its "At" in the CIL's time zone, or under the rollup's key for the quarter;
 * rows dated after `now` are not seen yet, as in the rules engine.
 */
export function checkInOf(log: readonly AccountabilityEvent[], quarter: string, timeZone: string, now: Instant): LoggedCheckIn | undefined {
  const nowMs = instantMs(now) ?? Number.POSITIVE_INFINITY;
  const nationalKey = nationalMentorCheckInKey(quarter);
  let first: { ms: number; event: AccountabilityEvent } | undefined;
  for (const event of log) {
    const ms = instantMs(event.at);
    if (ms === undefined || ms > nowMs) continue;
    const national = event.checkKey !== undefined && normalCheckKey(event.checkKey) === nationalKey;
    const inQuarter = event.kind === 'mentor check-in' && quarterOf(dayOf(dateOfInstant(event.at), timeZone)) === quarter;
    if ((national || inQuarter) && (!first || ms < first.ms)) first = { ms, event };
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
}

/** The accountability log row of the rollup's mentor check-in, with its evidence and the quarter's key. */
export function checkInEvent(row: CheckInRow): AccountabilityEvent {
  const heading = `Mentor check-in proposed to the CfP lead (${row.cfpLeadEmail}) by the ${ROLLUP_BY}: ${row.cilName} is falling behind in ${row.quarter}.`;
  const event: AccountabilityEvent = {
    id: row.id,
    kind: 'mentor check-in',
    at: row.at,
    by: ROLLUP_BY,
    evidence: evidenceText(heading, [], row.reasons),
    status: row.status,
    checkKey: nationalMentorCheckInKey(row.quarter),
  };
  if (row.emailSentAt !== undefined) event.emailSentAt = row.emailSentAt;
  return event;
}
