import { rosterCil } from '../roster/roster-cil';
import { checkCilNow, type CilCheck } from './daily-run';
import { messageOf } from '../error-message';

// "Run check now", from the menu and the homepage card: the daily check of one CIL at once, and what it
// did in a sentence a lead reads.

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What a check did, e.g. "Checked CIL Demo: 2 new steps in the log; 2 wait for you; 1 email sent." */
export function describeCheck(check: CilCheck): string {
  const waitingBefore = check.awaitingLead - check.steps.filter((step) => step.status === 'proposed').length;
  if (check.steps.length === 0) {
    return `Checked ${check.name}: nothing new is due today.${check.awaitingLead > 0 ? ` ${plural(check.awaitingLead, 'step')} still wait${check.awaitingLead === 1 ? 's' : ''} for you.` : ''}`;
  }
  const count = (mail: string) => check.steps.filter((step) => step.mail === mail).length;
  const parts = [
    `${plural(check.steps.length, 'new step')} in the log`,
    check.awaitingLead > 0 ? `${check.awaitingLead} wait${check.awaitingLead === 1 ? 's' : ''} for you${waitingBefore > 0 ? ` (${waitingBefore} from before)` : ''}` : '',
    count('sent') > 0 ? `${plural(count('sent'), 'email')} sent` : '',
    count('deferred') > 0 ? `${plural(count('deferred'), 'email')} held back for the mail quota` : '',
    count('held') > 0 ? `${plural(count('held'), 'email')} wait${count('held') === 1 ? 's' : ''} in the outbox (no time left to send ${count('held') === 1 ? 'it' : 'them'} here): the next daily run sends ${count('held') === 1 ? 'it' : 'them'}, or CIL Hub › Send deferred emails now` : '',
    check.rosterChanges.length > 0 ? `${plural(check.rosterChanges.length, 'roster change')}` : '',
  ].filter((part) => part !== '');
  return `Checked ${check.name}: ${parts.join('; ')}.`;
}

/** Entry point (menu "Run check now"): the daily check of the CIL whose spreadsheet is open. */
export function runCheckNowFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  let text: string;
  try {
    text = describeCheck(checkCilNow(rosterCil(undefined).registered.id).check);
  } catch (error) {
    text = messageOf(error);
  }
  ui.alert('Run check now', text, ui.ButtonSet.OK);
}
