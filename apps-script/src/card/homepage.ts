import { registeredCils } from '../cil-registry';
import { openCil } from '../cil/open-cil';
import { messageOf } from '../error-message';
import { answering, backHome, parameterOf, pushed, type ActionResponse, type Card, type CardEvent } from './card-parts';
import { callerEmail, leadsCil } from '../deployment-admin';
import { accessSection, chooserCard, noCilCard, notCilSection, notLeadCard, problemCard } from './chooser-card';
import { chosenAmong, cilNamed, ledCils, rememberChoice } from './cil-choice';
import { homeCard } from './home-card';

// The Workspace add-on's homepage (manifest addOns.common.homepageTrigger), the same in Sheets, Drive
// and Calendar. In Sheets it shows the CIL of the open spreadsheet, once the lead let CIL Hub see
// which spreadsheet that is (Google gives an add-on the file's id only after the person grants it the
// drive.file scope for that file); elsewhere, and until then, the CIL the person leads, with a
// chooser when they lead several.

type CardSection = GoogleAppsScript.Card_Service.CardSection;

/** The card for the CILs the person leads, with `before` on top. */
function ledCard(before: readonly CardSection[]): Card {
  const led = ledCils();
  const chosen = chosenAmong(led.cils);
  if (chosen) {
    const cil = led.opened.get(chosen.id) ?? openCil(chosen.id);
    if (cil) return homeCard(cil, before);
  }
  return led.cils.length === 0 && led.complete ? noCilCard(led, before) : chooserCard(led, before);
}

function homepageOf(e: CardEvent): Card {
  try {
    if (e.commonEventObject?.hostApp !== 'SHEETS') return ledCard([]);
    const sheets = e.sheets;
    if (!sheets?.addonHasFileScopePermission || !sheets.id) return ledCard([accessSection()]);
    const registered = registeredCils().find((cil) => cil.spreadsheetId === sheets.id);
    const cil = registered ? openCil(registered.id) : null;
    if (!cil) return ledCard([notCilSection(sheets.title ?? 'This spreadsheet')]);
    // Anyone the spreadsheet is shared with may open the side panel; its figures are for the leads.
    return leadsCil(cil) ? homeCard(cil) : notLeadCard(cil.settings.cilName, callerEmail());
  } catch (error) {
    return problemCard(messageOf(error));
  }
}

/** Entry point (manifest homepage trigger): the add-on's first card. */
export function onHomepage(e: CardEvent): Card {
  return homepageOf(e);
}

/** Entry point (manifest sheets.onFileScopeGrantedTrigger): the lead let CIL Hub see the open spreadsheet; show its CIL. */
export function onFileScopeGranted(e: CardEvent): Card {
  return homepageOf(e);
}

/** Entry point (the card's "Use this spreadsheet"): Sheets asks the lead to let CIL Hub open the spreadsheet. */
export function askSpreadsheetAccessFromCard(): GoogleAppsScript.Card_Service.EditorFileScopeActionResponse {
  return CardService.newEditorFileScopeActionResponseBuilder().requestFileScopeForActiveDocument().build();
}

/** Entry point (the chooser's "Open", the card's "Reload"): the CIL's card, current; remembered as the person's choice. */
export function openCilFromCard(e: CardEvent): ActionResponse {
  return answering(() => {
    const cil = cilNamed(parameterOf(e, 'cilId'));
    rememberChoice(cil.registered.id);
    return backHome(`Showing ${cil.settings.cilName} as of now.`, homeCard(cil));
  });
}

/** Entry point (the card's "Other CILs"): the CILs the person leads. */
export function openChooserFromCard(): ActionResponse {
  return answering(() => {
    const led = ledCils();
    return pushed(led.cils.length === 0 && led.complete ? noCilCard(led) : chooserCard(led));
  });
}
