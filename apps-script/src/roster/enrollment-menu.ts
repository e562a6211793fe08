import {
  changeEnrollment,
  reissuePlan,
  revokePlan,
  sendPlan,
  volunteerWithEmail,
  type EnrollmentReport,
  type VolunteerRef,
} from './enrollment';
import { rosterCil } from './roster-cil';
import { messageOf } from '../error-message';

// The enrollment items of the CIL Hub menu, for the spreadsheet the lead has open. Each shows what it
// did (or what to fix) in an alert, which is plain text: names from the sheet are shown, never run.

type Ui = GoogleAppsScript.Base.Ui;

const nameOf = (volunteer: VolunteerRef) => volunteer.name ?? volunteer.id;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A report as a lead reads it in an alert. */
export function describeEnrollment(report: EnrollmentReport): string {
  const parts: string[] = [];
  if (report.revoked.length > 0) parts.push(`Revoked the enrollment code of ${report.revoked.map(nameOf).join(', ')}: it no longer works.`);
  if (report.sent.length > 0) parts.push(`Emailed a new enrollment code to ${plural(report.sent.length, 'volunteer')}: ${report.sent.map(nameOf).join(', ')}.`);
  if (report.skipped.length > 0) {
    parts.push(`Not done for ${plural(report.skipped.length, 'volunteer')}:\n${report.skipped.map((s) => `• ${nameOf(s.volunteer)}: ${s.reason}`).join('\n')}`);
  }
  if (report.filledIn.length > 0) {
    parts.push(`Completed ${plural(report.filledIn.length, 'typed row')} of Volunteers:\n${report.filledIn.map((f) => `• Row ${f.rowNumber}: ${f.filled.join(', ')} filled in (ID ${f.volunteerId})`).join('\n')}`);
  }
  if (report.invalidRows.length > 0) {
    parts.push(`${plural(report.invalidRows.length, 'row')} of Volunteers to fix (left as they are):\n${report.invalidRows.map((r) => `• Row ${r.rowNumber}: ${r.message}`).join('\n')}`);
  }
  return parts.length > 0 ? parts.join('\n\n') : 'Every active volunteer already has a working enrollment code. To send someone a new one, use CIL Hub › Re-issue enrollment…';
}

/** Runs `work` and shows its report, or the problem, in an alert titled `title`. */
function showing(title: string, work: (ui: Ui) => EnrollmentReport | null): void {
  const ui = SpreadsheetApp.getUi();
  let text: string;
  try {
    const report = work(ui);
    if (report === null) return;
    text = describeEnrollment(report);
  } catch (error) {
    text = messageOf(error);
  }
  ui.alert(title, text, ui.ButtonSet.OK);
}

/** The volunteer's email, asked for; null when the lead cancels. */
function askEmail(ui: Ui, title: string, question: string): string | null {
  const answer = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  return answer.getResponseText();
}

/** Menu "Send enrollment": codes for every active volunteer who has no working one. */
export function sendEnrollmentFromMenu(): void {
  showing('Send enrollment', () => {
    const cil = rosterCil(undefined);
    return changeEnrollment(cil, sendPlan(null, cil.settings.timeZone), true).report;
  });
}

/** Menu "Revoke enrollment…": asks whose, by email. */
export function revokeEnrollmentFromMenu(): void {
  showing('Revoke enrollment', (ui) => {
    const cil = rosterCil(undefined);
    const email = askEmail(ui, 'Revoke enrollment', "Whose enrollment code should stop working? Enter the volunteer's email address.");
    return email === null ? null : changeEnrollment(cil, revokePlan(volunteerWithEmail(email), cil.settings.timeZone), false).report;
  });
}

/** Menu "Re-issue enrollment…": asks whose, by email; the old code stops working and a new one is emailed. */
export function reissueEnrollmentFromMenu(): void {
  showing('Re-issue enrollment', (ui) => {
    const cil = rosterCil(undefined);
    const email = askEmail(ui, 'Re-issue enrollment', "Who should get a new enrollment code? Enter the volunteer's email address. Their current code stops working.");
    return email === null ? null : changeEnrollment(cil, reissuePlan(volunteerWithEmail(email)), false).report;
  });
}
