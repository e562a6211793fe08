import { checkCilNow } from '../accountability/daily-run';
import { describeCheck } from '../accountability/run-check-now';
import { refreshDashboard } from '../dashboard/refresh-dashboard';
import { answering, BUSY, lockIsFree, parameterOf, told, updated, type ActionResponse, type CardEvent } from './card-parts';
import { cilNamed } from './cil-choice';
import { homeCard } from './home-card';

// The card's "Run check now" (the daily check of this CIL only, at once) and "Refresh dashboard" (the
// Dashboard tab rewritten from the records), each answered with what it did and the card as it is now.

/** Entry point (the card's "Run check now"). */
export function runCheckFromCard(e: CardEvent): ActionResponse {
  return answering(() => {
    const cilId = parameterOf(e, 'cilId');
    if (!lockIsFree()) return told(BUSY);
    const check = checkCilNow(cilId);
    return updated(describeCheck(check), homeCard(cilNamed(cilId)));
  });
}

/** Entry point (the card's "Refresh dashboard"). */
export function refreshDashboardFromCard(e: CardEvent): ActionResponse {
  return answering(() => {
    const cilId = parameterOf(e, 'cilId');
    if (!lockIsFree()) return told(BUSY);
    const refresh = refreshDashboard(cilId);
    const { quarter, met, behind } = refresh.review;
    return updated(
      `Refreshed the Dashboard of ${refresh.name}: ${refresh.atRisk} on the at-risk list; ${quarter} targets: ${met} met, ${behind} behind.`,
      homeCard(cilNamed(cilId)),
    );
  });
}
