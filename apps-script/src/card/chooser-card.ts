import type { LedCils } from './cil-choice';
import { actionButton, cardText, paragraph, type Card } from './card-parts';

// The cards shown before a CIL is chosen: the CILs the person leads, each a click from its card; a
// plain explanation when they lead none; and the sections the Sheets side panel puts on top (asking to
// see the open spreadsheet, or saying it is not a CIL's).

const CHOOSER_CARD = 'choose';

type CardSection = GoogleAppsScript.Card_Service.CardSection;

const header = () => CardService.newCardHeader().setTitle('CIL Hub').setSubtitle('The CIL lead’s view');

function built(sections: readonly CardSection[]): Card {
  const card = CardService.newCardBuilder().setName(CHOOSER_CARD).setHeader(header());
  for (const section of sections) card.addSection(section);
  return card.build();
}

export function chooserCard(led: LedCils, before: readonly CardSection[] = []): Card {
  const section = CardService.newCardSection().setHeader('Your CILs');
  for (const cil of led.cils) {
    section.addWidget(CardService.newDecoratedText().setTopLabel('CIL').setText(cardText(cil.name)).setWrapText(true).setButton(actionButton('Open', 'openCilFromCard', { cilId: cil.id })));
  }
  if (!led.complete) {
    section.addWidget(paragraph('This deployment serves many CILs and not all of them could be checked in time. If yours is missing, open its spreadsheet and use CIL Hub there.'));
  }
  return built([...before, section]);
}

/** For someone no CIL lists as a lead (or whom Google does not name). */
export function noCilCard(led: LedCils, before: readonly CardSection[] = []): Card {
  const text =
    led.email === ''
      ? 'CIL Hub cannot tell who you are here, so it cannot find your CIL. Open your CIL’s spreadsheet and use CIL Hub there.'
      : `No CIL in this deployment lists ${cardText(led.email)} among its lead emails. Ask your CIL’s lead to add your address to “Lead emails” in the Settings tab, or open the CIL’s spreadsheet and use CIL Hub there.`;
  return built([...before, CardService.newCardSection().addWidget(paragraph(text))]);
}

/** Sheets, when the open spreadsheet is a CIL's the person does not lead: no figures, no actions. */
export function notLeadCard(cilName: string, email: string): Card {
  const who = email === '' ? 'CIL Hub cannot tell who you are here, so it' : `${cardText(email)} is not among the lead emails of ${cardText(cilName)}, so CIL Hub`;
  return built([
    CardService.newCardSection().addWidget(
      paragraph(`${who} shows this CIL only to its leads. Ask its lead to add your address to “Lead emails” in the Settings tab.`),
    ),
  ]);
}

/** A homepage that could not be built: what went wrong, in CIL Hub's words. */
export function problemCard(message: string): Card {
  return built([CardService.newCardSection().setHeader('Something needs fixing').addWidget(paragraph(cardText(message)))]);
}

/** Sheets, before the person let CIL Hub see the open spreadsheet. */
export function accessSection(): CardSection {
  return CardService.newCardSection()
    .addWidget(paragraph('To show the CIL of this spreadsheet, CIL Hub needs your permission to open it.'))
    .addWidget(CardService.newButtonSet().addButton(actionButton('Use this spreadsheet', 'askSpreadsheetAccessFromCard', {}, true)));
}

/** Sheets, when the open spreadsheet is no CIL's. */
export function notCilSection(title: string): CardSection {
  return CardService.newCardSection().addWidget(
    paragraph(`“${cardText(title)}” is not a CIL spreadsheet of this deployment. To make it one, choose CIL Hub › Set up this CIL… in its menu.`),
  );
}
