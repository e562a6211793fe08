import { MONTH_NAMES, partsOf, type CalendarDay } from '../../../shared/time/calendar-day';
import { escapeHtml } from '../html/escape';
import { messageOf } from '../error-message';

// What every card of the add-on shares: the event object as the host hands it, text made safe for the
// widgets that read HTML, buttons that run an entry point, and the ActionResponse each action returns.
//
// TextParagraph and DecoratedText's text read a small HTML subset (developers.google.com/apps-script/
// reference/card-service/text-paragraph), so a volunteer called "<b>Omar</b>" would turn bold and
// evidence with "<" would break the card: everything a person typed goes in through `cardText`. Labels,
// titles, button texts and notifications are plain text, and carry only CIL Hub's own words or names
// given plainly.

/** The parts of the Workspace add-on event object the cards read (homepage events have no parameters or inputs). */
export interface CardEvent {
  commonEventObject?: {
    hostApp?: string;
    parameters?: Record<string, string>;
    formInputs?: Record<string, { stringInputs?: { value?: string[] } }>;
  };
  sheets?: { addonHasFileScopePermission?: boolean; id?: string; title?: string };
}

export type Card = GoogleAppsScript.Card_Service.Card;
export type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

/** A person's text as card markup: escaped, line breaks kept. */
export function cardText(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

/** At most `max` characters, cut at a word with an ellipsis. */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A day as a lead reads it on a card: '27 Nov 2026'. */
export function dayText(day: CalendarDay): string {
  const { year, month, day: date } = partsOf(day);
  return `${date} ${MONTH_NAMES[month - 1]!.slice(0, 3)} ${year}`;
}

export function parameterOf(e: CardEvent, name: string): string {
  const value = e.commonEventObject?.parameters?.[name];
  if (typeof value !== 'string' || value === '') throw new Error(`This button lost its ${name}; reopen CIL Hub and try again. Nothing was changed.`);
  return value;
}

/** What the person typed or picked in an input of the card: its values, [] when none. */
export function inputOf(e: CardEvent, fieldName: string): string[] {
  return e.commonEventObject?.formInputs?.[fieldName]?.stringInputs?.value ?? [];
}

/** A button that runs `functionName` (an entry point in main.ts) with `parameters`. */
export function actionButton(text: string, functionName: string, parameters: Record<string, string>, filled = false): GoogleAppsScript.Card_Service.TextButton {
  const button = CardService.newTextButton()
    .setText(text)
    .setOnClickAction(CardService.newAction().setFunctionName(functionName).setParameters(parameters));
  return filled ? button.setTextButtonStyle(CardService.TextButtonStyle.FILLED) : button;
}

export function linkButton(text: string, url: string): GoogleAppsScript.Card_Service.TextButton {
  return CardService.newTextButton().setText(text).setOpenLink(CardService.newOpenLink().setUrl(url));
}

export function paragraph(markup: string): GoogleAppsScript.Card_Service.TextParagraph {
  return CardService.newTextParagraph().setText(markup);
}

const notification = (text: string) => CardService.newNotification().setText(text);

/** The action's answer: what happened, and the card as it is now in place of the one shown. */
export function updated(text: string, card: Card): ActionResponse {
  return CardService.newActionResponseBuilder().setNotification(notification(text)).setNavigation(CardService.newNavigation().updateCard(card)).build();
}

/** The action's answer: what happened, back on the first card, shown as it is now. */
export function backHome(text: string, card: Card): ActionResponse {
  return CardService.newActionResponseBuilder()
    .setNotification(notification(text))
    .setNavigation(CardService.newNavigation().popToRoot().updateCard(card))
    .build();
}

export function pushed(card: Card): ActionResponse {
  return CardService.newActionResponseBuilder().setNavigation(CardService.newNavigation().pushCard(card)).build();
}

/** The action's answer: what happened, back on the first card as it was shown (nothing on it changed). */
export function toRoot(text: string): ActionResponse {
  return CardService.newActionResponseBuilder().setNotification(notification(text)).setNavigation(CardService.newNavigation().popToRoot()).build();
}

/** The action's answer when nothing changed: a notification, the card left as it is. */
export function told(text: string): ActionResponse {
  return CardService.newActionResponseBuilder().setNotification(notification(text)).build();
}

/**
 * Runs a card action; a failure becomes a notification with its message, never a stack trace (the
 * messages CIL Hub throws say what to do and whether anything changed).
 */
export function answering(work: () => ActionResponse): ActionResponse {
  try {
    return work();
  } catch (error) {
    return told(messageOf(error));
  }
}

/** How long a card action waits for the script lock: well inside the 30 seconds an add-on action may run. */
export const CARD_LOCK_WAIT_MS = 5_000;

/**
 * Whether the script lock (held by a sync, the daily run or another lead) comes free within a few
 * seconds. The lead's actions wait for it up to 30 s themselves, which would run a card action out of
 * time; a card action goes ahead only when the lock is free now.
 */
export function lockIsFree(): boolean {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(CARD_LOCK_WAIT_MS)) return false;
  lock.releaseLock();
  return true;
}

export const BUSY = 'CIL Hub is busy with another task (a sync or the daily check); try again in a minute. Nothing was changed.';
