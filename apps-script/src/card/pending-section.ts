import { dateOfInstant, type Instant } from '../../../shared/time/instant';
import { dayOf } from '../../../shared/time/zone';
import { OUTDATED_TEXT, type PendingAction } from '../accountability/pending-actions';
import { actionButton, cardText, dayText, paragraph, plural, shortened } from './card-parts';

// "Waiting for you": the steps the daily check proposed (log rows 'proposed'), each with its evidence,
// an Approve button and a Dismiss button with the reason it needs. The buttons run approveFromCard and
// dismissFromCard, which carry out the same approveAction and dismissAction as the spreadsheet's sidebar.

/** Steps shown on the card; the spreadsheet's "Review pending actions…" sidebar lists them all. */
const SHOWN_STEPS = 5;
/** Evidence beyond this is cut on the card; the Accountability log keeps it whole. */
const EVIDENCE_CHARACTERS = 900;

/** The dismiss reason's input of a step. */
export const dismissReasonField = (eventId: string) => `dismissReason-${eventId}`;

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function pendingSection(cilId: string, pending: readonly PendingAction[], timeZone: string): GoogleAppsScript.Card_Service.CardSection {
  const section = CardService.newCardSection().setHeader(`Waiting for you (${pending.length})`);
  if (pending.length === 0) {
    return section.addWidget(paragraph('Nothing waits for you: every step the daily check proposed has been decided.'));
  }
  pending.slice(0, SHOWN_STEPS).forEach((step, index) => {
    const { event } = step;
    if (index > 0) section.addWidget(CardService.newDivider());
    const proposed = dayText(dayOf(dateOfInstant(event.at as Instant), timeZone));
    section
      .addWidget(
        CardService.newDecoratedText()
          .setTopLabel(`${capitalized(event.kind)} · proposed ${proposed} · row ${step.rowNumber}`)
          .setText(step.volunteer === undefined ? 'The whole CIL' : `<b>${cardText(step.volunteer)}</b>`)
          .setWrapText(true),
      )
      .addWidget(paragraph(cardText(shortened(event.evidence, EVIDENCE_CHARACTERS))));
    if (step.outdated !== undefined) section.addWidget(paragraph(`<i>${OUTDATED_TEXT[step.outdated]}</i>`));
    const parameters = { cilId, eventId: event.id };
    section
      .addWidget(CardService.newTextInput().setFieldName(dismissReasonField(event.id)).setTitle('Reason to dismiss').setHint('Kept in the log with the evidence').setMultiline(true))
      .addWidget(
        CardService.newButtonSet()
          .addButton(actionButton('Approve', 'approveFromCard', parameters, true))
          .addButton(actionButton('Dismiss', 'dismissFromCard', parameters)),
      );
  });
  const more = pending.length - SHOWN_STEPS;
  if (more > 0) {
    section.addWidget(paragraph(`And ${plural(more, 'more step')}: decide them here as these are done, or all at once with CIL Hub › Review pending actions… in the spreadsheet.`));
  }
  return section;
}
