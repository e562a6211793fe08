import { SCHEDULE_OFF_TEXT, SCHEDULE_WAS_OFF_TEXT, scheduleOnText, turnOffSchedule, turnOnSchedule } from '../accountability/schedule';
import { answering, parameterOf, updated, type ActionResponse, type CardEvent } from './card-parts';
import { cilNamed } from './cil-choice';
import { homeCard } from './home-card';

// The card's "Turn on schedule" / "Turn off schedule": the same triggers as the menu items (one daily
// check at the CIL's "Daily check hour", one weekly run), answered with what changed and the card as
// it is now, which offers the other button.

/** Entry point (the card's "Turn on schedule"), at the hour and in the zone of the CIL on the card. */
export function turnOnScheduleFromCard(e: CardEvent): ActionResponse {
  return answering(() => {
    const cil = cilNamed(parameterOf(e, 'cilId'));
    const text = scheduleOnText(turnOnSchedule(cil.registered.id));
    return updated(text, homeCard(cil));
  });
}

/** Entry point (the card's "Turn off schedule"). */
export function turnOffScheduleFromCard(e: CardEvent): ActionResponse {
  return answering(() => {
    const cil = cilNamed(parameterOf(e, 'cilId'));
    const text = turnOffSchedule().deleted === 0 ? SCHEDULE_WAS_OFF_TEXT : SCHEDULE_OFF_TEXT;
    return updated(text, homeCard(cil));
  });
}
