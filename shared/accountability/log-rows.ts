import type { AccountabilityEvent } from '../records/accountability';
import type { Instant } from '../time/instant';
import { normalCheckKey } from './check-keys';
import type { ProposedAction } from './types';

export interface LogRowOptions {
  /** The new row's Event ID (the caller makes it: a UUID, or a sequence the sandbox can predict). */
  id: string;
  /** When the step was taken. */
  at: Instant;
  /** 'daily check' (default) or the email of the lead who acted. */
  by?: string;
}

/** The accountability log row that records a proposed step, with its check key and evidence. */
export function logEventOf(action: ProposedAction, { id, at, by = 'daily check' }: LogRowOptions): AccountabilityEvent {
  const event: AccountabilityEvent = {
    id,
    kind: action.kind,
    at,
    by,
    evidence: action.evidenceText,
    status: action.logStatus,
    checkKey: action.checkKey,
  };
  if (action.volunteerId !== undefined) event.volunteerId = action.volunteerId;
  return event;
}

/** Whether the log already holds a step with this check key, whatever its status. */
export function isLogged(log: readonly Pick<AccountabilityEvent, 'checkKey'>[], checkKey: string): boolean {
  const key = normalCheckKey(checkKey);
  return log.some((event) => event.checkKey !== undefined && normalCheckKey(event.checkKey) === key);
}
