import { actionButton, cardText, linkButton, paragraph } from './card-parts';

// The lead's buttons under the figures: run the daily check now, send enrollment codes, generate a
// report, open and refresh the Dashboard tab, turn the schedule on or off, and (when this deployment
// serves several CILs) switch to another CIL. The schedule's buttons are the admin's alone (its
// triggers send every CIL's mail from their owner's Gmail); a co-lead reads whether it is on, and whose.

export interface ActionsOptions {
  cilId: string;
  /** The Dashboard tab's address, or null when the spreadsheet has none (set up again to restore it). */
  dashboardUrl: string | null;
  otherCils: boolean;
  scheduleOn: boolean;
  /** The deployment's admin, who alone turns the schedule on or off; null when none is recorded yet. */
  admin: string | null;
  /** Whether the person looking is the admin. */
  isAdmin: boolean;
}

export function actionsSection({ cilId, dashboardUrl, otherCils, scheduleOn, admin, isAdmin }: ActionsOptions): GoogleAppsScript.Card_Service.CardSection {
  const parameters = { cilId };
  const checks = CardService.newButtonSet()
    .addButton(actionButton('Run check now', 'runCheckFromCard', parameters, true))
    .addButton(actionButton('Send enrollment', 'showEnrollmentFromCard', parameters))
    .addButton(actionButton('Generate report', 'showReportsFromCard', parameters));
  const dashboard = CardService.newButtonSet();
  if (dashboardUrl !== null) dashboard.addButton(linkButton('Open dashboard', dashboardUrl));
  dashboard.addButton(actionButton('Refresh dashboard', 'refreshDashboardFromCard', parameters));
  const schedule = isAdmin
    ? CardService.newButtonSet().addButton(
        scheduleOn ? actionButton('Turn off schedule', 'turnOffScheduleFromCard', parameters) : actionButton('Turn on schedule', 'turnOnScheduleFromCard', parameters),
      )
    : paragraph(`The daily check is ${scheduleOn ? 'on' : 'off'}, run by ${cardText(admin ?? 'the account that runs this deployment')}.`);
  const card = CardService.newButtonSet().addButton(actionButton('Reload', 'openCilFromCard', parameters));
  if (otherCils) card.addButton(actionButton('Other CILs', 'openChooserFromCard', {}));
  return CardService.newCardSection().setHeader('Actions').addWidget(checks).addWidget(dashboard).addWidget(schedule).addWidget(card);
}
