import type { AccountabilityEvent } from '../../../shared/records/accountability';
import { approveWithin, dismissWithin, type Decision } from '../accountability/pending-actions';
import { answering, CARD_LOCK_WAIT_MS, inputOf, parameterOf, told, updated, type ActionResponse, type CardEvent } from './card-parts';
import { cilNamed } from './cil-choice';
import { cilView, homeCardOf, nameIn, type CilView } from './home-card';
import { dismissReasonField } from './pending-section';

// The Approve and Dismiss buttons of "Waiting for you": the same approveAction and dismissAction as
// the spreadsheet's review sidebar (the roster follows, the email goes out), waiting only a few seconds
// for the script lock, then the card as it is now.

const MAIL_TEXT: Partial<Record<NonNullable<Decision['mail']>, string>> = {
  sent: 'The email went out.',
  deferred: 'The email waits for mail quota; the next daily check sends it.',
  'opted out': 'No email: they turned reminders off.',
};

function whom(view: CilView, event: AccountabilityEvent): string {
  return event.volunteerId === undefined ? 'the CIL' : nameIn(view, event.volunteerId);
}

function approvedText(decision: Decision, view: CilView): string {
  const parts = [`Approved the ${decision.event.kind} for ${whom(view, decision.event)}.`];
  for (const change of decision.rosterChanges) {
    parts.push(`The roster now shows ${nameIn(view, change.volunteerId)} as ${change.status}${change.tokenRevoked ? ', and their enrollment code no longer works' : ''}.`);
  }
  const mail = decision.mail === undefined ? undefined : MAIL_TEXT[decision.mail];
  if (mail !== undefined) parts.push(mail);
  if (decision.mailProblem !== undefined) parts.push(decision.mailProblem);
  return parts.join(' ');
}

/** Entry point (a step's Approve button). */
export function approveFromCard(e: CardEvent): ActionResponse {
  return answering(() => {
    const cil = cilNamed(parameterOf(e, 'cilId'));
    const eventId = parameterOf(e, 'eventId');
    const decision = approveWithin(CARD_LOCK_WAIT_MS, eventId, cil.registered.id);
    const view = cilView(cil);
    return updated(approvedText(decision, view), homeCardOf(view));
  });
}

/** Entry point (a step's Dismiss button): needs the reason typed above it, which the log keeps with the evidence. */
export function dismissFromCard(e: CardEvent): ActionResponse {
  return answering(() => {
    const cil = cilNamed(parameterOf(e, 'cilId'));
    const eventId = parameterOf(e, 'eventId');
    const reason = (inputOf(e, dismissReasonField(eventId))[0] ?? '').trim();
    if (reason === '') return told('Write why you dismiss it in "Reason to dismiss" first: the log keeps the reason with the evidence. Nothing was changed.');
    const decision = dismissWithin(CARD_LOCK_WAIT_MS, eventId, reason, cil.registered.id);
    const view = cilView(cil);
    return updated(`Dismissed the ${decision.event.kind} for ${whom(view, decision.event)}; the reason is kept in the log and the daily check will not propose it again.`, homeCardOf(view));
  });
}
