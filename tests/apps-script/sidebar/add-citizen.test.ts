import { describe, it, expect } from 'vitest';
import { citizensTab, type Citizen } from '../../../shared/records/citizen';
import { expectFormSavesWith, expectOneWrite, noFormulas, openSidebar, refusedWith, rows, saveOk, setUpDemo } from './form-fixture';

// "Add active citizen…": the sidebar and its Save (addCitizen), one row of Citizens, never without consent.

const CONSENT = 'I agree that CIL Demo may keep my name, contact and interests in its list of active citizens and contact me about civic projects and events. I can ask to be removed at any time.';

const RABIA = {
  name: 'Rabia Anwar',
  contact: '+92 321 7654321',
  area: 'Gulberg',
  interests: 'public transport, open data',
  consentGivenOn: '2026-11-26',
  consentText: CONSENT,
  consent: true,
};

describe('addCitizen', () => {
  it('appends one citizen with the consent they gave, in one write', () => {
    const demo = setUpDemo();
    const before = rows(demo, citizensTab);
    const { saved, result } = saveOk<Citizen>(demo, 'addCitizen', RABIA);
    const row = before.length + 2;
    const expected = {
      id: expect.stringMatching(/^c-[0-9a-f]{8}$/),
      name: 'Rabia Anwar',
      contact: '+92 321 7654321',
      area: 'Gulberg',
      interests: ['public transport', 'open data'],
      consentGivenOn: '2026-11-26',
      consentText: CONSENT,
    };
    expect(saved.record).toEqual(expected);
    expect(rows(demo, citizensTab)).toEqual([...before, expected]);
    expect(saved).toMatchObject({ rowNumber: row, message: `Added Rabia Anwar to Citizens (row ${row}), with their consent of 2026-11-26.` });
    expectOneWrite(result, citizensTab.columns.length);
    // The phone number stays text: Sheets would read "+92 300…" as a formula.
    noFormulas(demo, 'Citizens');
  });

  it('records nobody without consent, or with consent dated in the future', () => {
    const demo = setUpDemo();
    expect(refusedWith(demo, 'addCitizen', { ...RABIA, consent: false })).toBe(
      'Cannot add the citizen: a citizen is recorded only with their consent: tick "They agreed" once they have, and keep the words they agreed to. Nothing was written.',
    );
    expect(refusedWith(demo, 'addCitizen', { ...RABIA, consentGivenOn: '28/11/2026' })).toBe(
      'Cannot add the citizen: "Consent given on" is 2026-11-28, after today (2026-11-27): record consent once it is given. Nothing was written.',
    );
    expect(refusedWith(demo, 'addCitizen', { ...RABIA, consentText: '   ', name: '' })).toBe('Cannot add the citizen: "Name" is blank; "Consent text" is blank. Nothing was written.');
    expect(refusedWith(demo, 'addCitizen', { ...RABIA, consentWithdrawnOn: '2026-11-27' })).toMatch(/^Cannot add the citizen: there is no field "consentWithdrawnOn"/);
    expect(refusedWith(demo, 'addCitizen', 'Rabia')).toBe(
      'Cannot add the citizen: give the fields as an object with the keys name, contact, area, interests, consentGivenOn, consentText, consent. Nothing was written.',
    );
  });

  it('refuses a contact already in the list', () => {
    const demo = setUpDemo();
    const { saved } = saveOk<Citizen>(demo, 'addCitizen', RABIA);
    expect(refusedWith(demo, 'addCitizen', { ...RABIA, name: 'R. Anwar', contact: '+923217654321' })).toBe(
      `Cannot add the citizen: +923217654321 is already in the Citizens tab (row ${saved.rowNumber}, Rabia Anwar). Nothing was written.`,
    );
  });

  it('keeps hostile text as text', () => {
    const demo = setUpDemo();
    const name = '=HYPERLINK("http://evil.example","Rabia")';
    const area = '<img src=x onerror=alert(1)>';
    saveOk(demo, 'addCitizen', { ...RABIA, name, area });
    expect(rows(demo, citizensTab).at(-1)).toMatchObject({ name, area });
    noFormulas(demo, 'Citizens');
  });
});

describe('the "Add active citizen…" sidebar', () => {
  it('prefills the words of consent and today, and needs the box ticked', () => {
    const demo = setUpDemo();
    const { title, html } = openSidebar(demo, 'openAddCitizenSidebar');
    expect(title).toBe('Add active citizen');
    expectFormSavesWith(html, 'addCitizen');
    expect(html).toContain(`<textarea name="consentText" rows="5" required maxlength="5000">${CONSENT}</textarea>`);
    expect(html).toContain('<input name="consentGivenOn" type="date" required value="2026-11-27" max="2026-11-27">');
    expect(html).toContain('<input name="consent" type="checkbox" required>');
  });
});
