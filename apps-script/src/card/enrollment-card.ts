import type { Volunteer } from '../../../shared/records/volunteer';
import { dateOfInstant, type Instant } from '../../../shared/time/instant';
import { dayOf } from '../../../shared/time/zone';
import type { OpenCil } from '../cil/open-cil';
import { readVolunteers } from '../records/volunteers';
import { sendEnrollment, type EnrollmentReport } from '../roster/enrollment';
import { actionButton, answering, backHome, BUSY, dayText, inputOf, lockIsFree, paragraph, parameterOf, pushed, told, type ActionResponse, type Card, type CardEvent } from './card-parts';
import { cilNamed } from './cil-choice';
import { homeCard } from './home-card';

// "Send enrollment" on the card: the volunteers taking part who have no working code (never sent one,
// or theirs was revoked), to pick from; the codes go out through the same sendEnrollment as the menu's.

const ENROLLMENT_CARD = 'enrollment';
const VOLUNTEERS_FIELD = 'volunteers';

/** Statuses a code may be sent to (offboarded and alumni volunteers are refused by sendEnrollment). */
const TAKING_PART: readonly Volunteer['status'][] = ['active', 'warned', 'on leave'];

const needsCode = (volunteer: Volunteer) => TAKING_PART.includes(volunteer.status) && (volunteer.tokenHash === undefined || volunteer.tokenRevokedAt !== undefined);

/** How a volunteer reads in the chooser (a plain-text field): name, address, and a revoked code's day. */
function choiceText(volunteer: Volunteer, timeZone: string): string {
  const revoked = volunteer.tokenRevokedAt === undefined ? '' : `, code revoked ${dayText(dayOf(dateOfInstant(volunteer.tokenRevokedAt as Instant), timeZone))}`;
  return `${volunteer.name} (${volunteer.email}${revoked})`;
}

function enrollmentCard(cil: OpenCil, volunteers: readonly Volunteer[]): Card {
  const choice = CardService.newSelectionInput().setType(CardService.SelectionInputType.CHECK_BOX).setFieldName(VOLUNTEERS_FIELD).setTitle('Volunteers without a working code');
  for (const volunteer of volunteers) choice.addItem(choiceText(volunteer, cil.settings.timeZone), volunteer.id, false);
  return CardService.newCardBuilder()
    .setName(ENROLLMENT_CARD)
    .setHeader(CardService.newCardHeader().setTitle('Send enrollment').setSubtitle(cil.settings.cilName))
    .addSection(
      CardService.newCardSection()
        .addWidget(paragraph('Each volunteer you pick is emailed a code to enroll the CIL Hub extension, which logs their hours and meetings.'))
        .addWidget(choice)
        .addWidget(CardService.newButtonSet().addButton(actionButton('Send codes', 'sendEnrollmentFromCard', { cilId: cil.registered.id }, true))),
    )
    .build();
}

/** Entry point (the card's "Send enrollment"): the volunteers to pick from, on a card of their own. */
export function showEnrollmentFromCard(e: CardEvent): ActionResponse {
  return answering(() => {
    const cil = cilNamed(parameterOf(e, 'cilId'));
    const waiting = readVolunteers(cil.spreadsheet, cil.settings.timeZone).rows.map((row) => row.record).filter(needsCode);
    if (waiting.length === 0) {
      return told('Every volunteer taking part has a working enrollment code. To send someone a new one, use CIL Hub › Re-issue enrollment… in the spreadsheet.');
    }
    return pushed(enrollmentCard(cil, waiting));
  });
}

function sentText(report: EnrollmentReport): string {
  const name = (volunteer: { id: string; name?: string }) => volunteer.name ?? volunteer.id;
  const parts: string[] = [];
  if (report.sent.length > 0) parts.push(`Emailed an enrollment code to ${report.sent.map(name).join(', ')}.`);
  for (const skipped of report.skipped) parts.push(`Not sent to ${name(skipped.volunteer)}: ${skipped.reason}.`);
  return parts.join(' ');
}

/** Entry point (the enrollment card's "Send codes"). */
export function sendEnrollmentFromCard(e: CardEvent): ActionResponse {
  return answering(() => {
    const cil = cilNamed(parameterOf(e, 'cilId'));
    const ids = inputOf(e, VOLUNTEERS_FIELD);
    if (ids.length === 0) return told('Pick at least one volunteer. Nothing was sent.');
    if (!lockIsFree()) return told(BUSY);
    const report = sendEnrollment(ids, cil.registered.id);
    return backHome(sentText(report), homeCard(cil));
  });
}
