import { checkCilNow } from '../accountability/daily-run';
import { describeCheck } from '../accountability/run-check-now';
import { describeRefresh, refreshDashboardWithin } from '../dashboard/refresh-dashboard';
import { answering, CARD_LOCK_WAIT_MS, parameterOf, updated, type ActionResponse, type CardEvent } from './card-parts';
import { cilNamed } from './cil-choice';
import { homeCard, homeCardOf } from './home-card';

// The card's "Run check now" (the daily check of this CIL only, at once) and "Refresh dashboard" (the
// Dashboard tab rewritten from the records), each answered with what it did and the card as it is now.
//
// A card action has 30 seconds. The check reads each tab once, writes the log, the roster and the
// Dashboard and answers with the card built from the records as it left them (no second read); what
// it cannot bound is its email, about a second per message in MailApp, so it sends at most
// CARD_CHECK_SENDS and stops sending CARD_CHECK_SENDING_MS after the click. The rest wait in the
// outbox, which the next daily run (or CIL Hub › Send deferred emails) empties first.

/** Emails the card's check sends itself; more wait in the outbox. */
export const CARD_CHECK_SENDS = 8;
/** Time after the click past which the card's check sends nothing more, leaving the rest of the 30 seconds to its writes and its card. */
export const CARD_CHECK_SENDING_MS = 15_000;

/** Entry point (the card's "Run check now"). */
export function runCheckFromCard(e: CardEvent): ActionResponse {
  const clickedMs = Date.now();
  return answering(() => {
    const cilId = cilNamed(parameterOf(e, 'cilId')).registered.id;
    const done = checkCilNow(cilId, { lockWaitMs: CARD_LOCK_WAIT_MS, sendLimit: { sends: CARD_CHECK_SENDS, untilMs: clickedMs + CARD_CHECK_SENDING_MS } });
    const { cil, now, today, after, evaluation } = done;
    return updated(describeCheck(done.check), homeCardOf({ cil, now, today, read: after, evaluation }));
  });
}

/** Entry point (the card's "Refresh dashboard"). */
export function refreshDashboardFromCard(e: CardEvent): ActionResponse {
  return answering(() => {
    const cil = cilNamed(parameterOf(e, 'cilId'));
    const refresh = refreshDashboardWithin(CARD_LOCK_WAIT_MS, cil.registered.id);
    return updated(describeRefresh(refresh), homeCard(cil));
  });
}
