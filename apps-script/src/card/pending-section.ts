import type { CilEvaluation, OutdatedStep } from '../../../shared/accountability';
import { dateOfInstant, type Instant } from '../../../shared/time/instant';
import { dayOf } from '../../../shared/time/zone';
import type { CilRecordsRead } from '../accountability/cil-records';
import type { PendingAction } from '../accountability/pending-actions';
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

const OUTDATED: Record<OutdatedStep['why'], string> = {
  'no longer inactive': 'The records no longer show this volunteer as inactive: think twice before approving.',
  'exempt today': 'This volunteer is exempt today (new, on leave, or under an override): think twice before approving.',
  'not on the active roster': 'This volunteer is no longer on the active roster: think twice before approving.',
};

/**
 * The proposed steps in a log already read, oldest first, each marked when `evaluation` (of the same
 * records) no longer supports it: what pendingActionsOf gives, without reading the tabs again.
 */
export function pendingIn(read: CilRecordsRead, evaluation: CilEvaluation): PendingAction[] {
  const outdated = new Map(evaluation.outdated.map((step) => [step.eventId, step.why]));
  const names = new Map(read.records.volunteers.map((volunteer) => [volunteer.id, volunteer.name]));
  return read.log.rows
    .filter((row) => row.record.status === 'proposed')
    .map((row) => {
      const pending: PendingAction = { event: row.record, rowNumber: row.rowNumber };
      const { volunteerId, id } = row.record;
      if (volunteerId !== undefined) pending.volunteer = names.get(volunteerId) ?? volunteerId;
      const why = outdated.get(id);
      if (why !== undefined) pending.outdated = why;
      return pending;
    });
}

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
    if (step.outdated !== undefined) section.addWidget(paragraph(`<i>${OUTDATED[step.outdated]}</i>`));
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
