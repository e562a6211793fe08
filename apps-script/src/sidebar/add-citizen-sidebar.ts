import { dayOf } from '../../../shared/time/zone';
import { html } from '../html/escape';
import { consentWords } from '../lead-forms/add-citizen';
import { field, formPage } from './form-sidebar';
import { showCilSidebar } from './cil-sidebar';

// The "Add active citizen…" sidebar: the form of addCitizen, with the words of consent prefilled (the
// lead reads them to the citizen and may change them) and the box that says they agreed.

function addCitizenPage(cilName: string, today: string): string {
  return formPage({
    intro: html`Add someone to <strong>${cilName}</strong>'s active citizens, with their consent: read them the words below and tick the box once they agree.`,
    save: 'addCitizen',
    submit: 'Add citizen',
    fields: html`${field('Name', html`<input name="name" required maxlength="200" autocomplete="off">`)}
${field('Contact', html`<input name="contact" required maxlength="200" autocomplete="off">`, 'email or phone, as they gave it')}
${field('Area', html`<input name="area" maxlength="200">`)}
${field('Interests', html`<input name="interests" maxlength="1000">`, 'separated by commas')}
${field('Consent given on', html`<input name="consentGivenOn" type="date" required value="${today}" max="${today}">`)}
${field('Words they agreed to', html`<textarea name="consentText" rows="5" required maxlength="5000">${consentWords(cilName)}</textarea>`)}
<label class="check"><input name="consent" type="checkbox" required>They agreed to these words</label>`,
  });
}

/** Entry point (menu "Add active citizen…"). */
export function openAddCitizenSidebar(): void {
  showCilSidebar('Add active citizen', (cil) => addCitizenPage(cil.settings.cilName, dayOf(new Date(), cil.settings.timeZone)));
}
