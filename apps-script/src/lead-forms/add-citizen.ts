import { citizensTab, type Citizen } from '../../../shared/records/citizen';
import { dayOf } from '../../../shared/time/zone';
import { rosterCil, withRosterLock } from '../roster/roster-cil';
import { appendOne, formFields, newRecordId, readForAppend, recordOf, refusal, type FormFields, type SavedRecord } from './form-record';

// "Add an active citizen" (the sidebar's form, or a script): one row of the Citizens tab, the local
// active-citizens database. Nobody goes in without consent: the form must say it was given (its
// checkbox), on which day (not a future one), and in which words; the words are kept with the row.

const WHAT = 'add the citizen';
const KEYS = ['name', 'contact', 'area', 'interests', 'consentGivenOn', 'consentText', 'consent'] as const;

/** What a lead reads and the citizen agreed to, prefilled in the form (the lead may change it). */
export function consentWords(cilName: string): string {
  return `I agree that ${cilName} may keep my name, contact and interests in its list of active citizens and contact me about civic projects and events. I can ask to be removed at any time.`;
}

const consented = (value: unknown) => value === true || value === 'true' || value === 'on';

const contactKey = (contact: string) => contact.trim().replace(/\s+/g, '').toLowerCase();

/** Entry point (the "Add active citizen…" sidebar's Save): appends the citizen with one write. */
export function addCitizen(fields: FormFields, cilId?: string | null): SavedRecord<Citizen> {
  const { consent, ...given } = formFields(WHAT, fields, KEYS);
  if (!consented(consent)) throw refusal(WHAT, ['a citizen is recorded only with their consent: tick "They agreed" once they have, and keep the words they agreed to']);
  const cil = rosterCil(cilId);
  const timeZone = cil.settings.timeZone;
  return withRosterLock(() => {
    const citizens = readForAppend(cil, citizensTab);
    const used = new Set(citizens.rows.map((row) => row.record.id));
    const citizen = recordOf(WHAT, citizensTab, { ...given, id: newRecordId('c', used) }, timeZone);
    const today = dayOf(new Date(), timeZone);
    if (citizen.consentGivenOn > today) throw refusal(WHAT, [`"Consent given on" is ${citizen.consentGivenOn}, after today (${today}): record consent once it is given`]);
    const same = citizens.rows.find((row) => contactKey(row.record.contact) === contactKey(citizen.contact));
    if (same) throw refusal(WHAT, [`${citizen.contact} is already in the Citizens tab (row ${same.rowNumber}, ${same.record.name})`]);
    const rowNumber = appendOne(cil, citizensTab, citizens, citizen);
    return { cilId: cil.registered.id, record: citizen, rowNumber, message: `Added ${citizen.name} to Citizens (row ${rowNumber}), with their consent of ${citizen.consentGivenOn}.` };
  });
}
