/// <reference types="google-apps-script" />
import { describe, it, expect } from 'vitest';
import { volunteersTab } from '../../shared/records/volunteer';
import { asLead, sheetState, snapshot } from './as-lead';
import { runOk } from './built-bundle';
import { addVolunteer, leadRearranges, roster, sandboxWithCil, volunteerValues, type AddedVolunteer } from './roster-fixture';

// "Add volunteer": the addVolunteer entry point (what the sidebar calls) and the sidebar itself.

const AYESHA = { name: 'Ayesha Khan', email: 'Ayesha@Example.org', role: 'organizer' };

describe('addVolunteer', () => {
  it('adds one row with a new id, status active and joined today, in one write', () => {
    const { sandbox, cil } = sandboxWithCil();

    const result = sandbox.run('addVolunteer', [AYESHA]);

    expect(result.error).toBeNull();
    const added = result.value as AddedVolunteer;
    expect(added).toMatchObject({ cilId: cil.cilId, rowNumber: 2 });
    expect(added.volunteer).toEqual({
      id: expect.stringMatching(/^v-[0-9a-f]{8}$/),
      name: 'Ayesha Khan',
      email: 'ayesha@example.org',
      role: 'organizer',
      status: 'active',
      // Friday 27 November 2026, 10:00 in Karachi.
      joinedOn: '2026-11-27',
    });
    expect(roster(sandbox, cil)).toEqual([added.volunteer]);
    expect(result.meter.callsByMethod['Range.setValues']).toBe(1);
    expect(result.meter.callsByMethod['Range.getValues']).toBe(2); // Settings and Volunteers
  });

  it('reads each field as the same text typed into the tab would be read', () => {
    const { sandbox, cil } = sandboxWithCil();

    const { volunteer } = addVolunteer(sandbox, {
      name: '  Bilal Ahmed ',
      email: 'bilal@example.org',
      role: 'Delivery  Lead',
      team: 'Transit Map',
      status: 'On leave',
      joinedOn: '1/11/2026',
      weeklyCommitmentHours: '3.5',
      mentorEmail: 'ayesha@example.org',
      notes: 'Back after exams',
      id: 'v-bilal',
    });

    expect(volunteer).toEqual({
      id: 'v-bilal',
      name: 'Bilal Ahmed',
      email: 'bilal@example.org',
      role: 'delivery lead',
      team: 'Transit Map',
      status: 'on leave',
      joinedOn: '2026-11-01', // day first, as Pakistan writes dates
      weeklyCommitmentHours: 3.5,
      mentorEmail: 'ayesha@example.org',
      notes: 'Back after exams',
    });
    expect(roster(sandbox, cil)).toEqual([volunteer]);
  });

  it('appends below the roster, into the columns as the lead arranged them', () => {
    const { sandbox, cil } = sandboxWithCil();
    addVolunteer(sandbox, AYESHA);
    leadRearranges(sandbox, cil, ["'0300 1234567"]);

    const added = addVolunteer(sandbox, { name: 'Sana Iqbal', email: 'sana@example.org', role: 'member' });

    expect(added.rowNumber).toBe(3);
    const [header, ayesha, sana] = volunteerValues(sandbox, cil);
    expect(header![0]).toBe('Email');
    expect(header!.slice(-2)).toEqual(['Phone', 'Name length']);
    expect(ayesha![0]).toBe('ayesha@example.org');
    expect(ayesha!.at(-2)).toBe('0300 1234567');
    expect(sana![0]).toBe('sana@example.org');
    expect(sana!.slice(-2)).toEqual(['', '']);
    expect(roster(sandbox, cil).map((v) => v.name)).toEqual(['Ayesha Khan', 'Sana Iqbal']);
  });

  it('keeps typed text as text, never a formula', () => {
    const { sandbox, cil } = sandboxWithCil();

    addVolunteer(sandbox, { name: '=HYPERLINK("https://evil.example","Ayesha")', email: 'ayesha@example.org', role: 'member', notes: '+92 300 1234567' });

    const sheet = sheetState(sandbox, cil.spreadsheetId, 'Volunteers');
    expect(sheet.formulas ?? {}).toEqual({});
    const [volunteer] = roster(sandbox, cil);
    expect(volunteer!.name).toBe('=HYPERLINK("https://evil.example","Ayesha")');
    expect(volunteer!.notes).toBe('+92 300 1234567');
  });

  it.each([
    [{ name: 'Ayesha Khan', email: 'not-an-email', role: 'boss' }, ['"Email" must be an email address like name@example.org (found "not-an-email")', '"Role" must be one of: organizer, manager, delivery lead, community organizer, storyteller, member (found "boss")']],
    [{ email: 'ayesha@example.org', role: 'member' }, ['"Name" is blank']],
    [{ ...AYESHA, joinedOn: '31/02/2026' }, ['"Joined on" must be a date: "31/02/2026" is not a real date: February 2026 has 28 days.']],
    [{ ...AYESHA, weeklyCommitmentHours: 'five' }, ['"Weekly commitment (h)" must be a number (found "five")']],
    [{ ...AYESHA, nickname: 'Ash' }, ['there is no field "nickname"']],
    [{ ...AYESHA, tokenHash: 'a'.repeat(64) }, ['"tokenHash" is set by Send enrollment, not by hand']],
    [{ ...AYESHA, status: 'retired' }, ['"Status" must be one of: active, on leave, warned, offboarded, alumni (found "retired")']],
    ['Ayesha', ['give the fields as an object']],
  ])('refuses %j, naming each problem, and writes nothing', (fields, problems) => {
    const { sandbox } = sandboxWithCil();
    const before = snapshot(sandbox);

    const result = sandbox.run('addVolunteer', [fields]);

    expect(result.error).toMatch(/^Error: Cannot add the volunteer: .*\. Nothing was written\.$/);
    for (const problem of problems) expect(result.error).toContain(problem);
    expect(snapshot(sandbox)).toEqual(before);
  });

  it('refuses a second row for the same email or id', () => {
    const { sandbox } = sandboxWithCil();
    const { volunteer } = addVolunteer(sandbox, AYESHA);
    const before = snapshot(sandbox);

    const sameEmail = sandbox.run('addVolunteer', [{ name: 'A. Khan', email: 'AYESHA@example.org', role: 'member' }]);
    const sameId = sandbox.run('addVolunteer', [{ name: 'Bilal Ahmed', email: 'bilal@example.org', role: 'member', id: volunteer.id }]);

    expect(sameEmail.error).toContain('ayesha@example.org is already on the roster (row 2, Ayesha Khan)');
    expect(sameId.error).toContain(`the Volunteer ID ${volunteer.id} is already in use`);
    expect(snapshot(sandbox)).toEqual(before);
  });

  it('asks which CIL when the deployment serves several and no CIL spreadsheet is open', () => {
    const { sandbox, cil } = sandboxWithCil();
    const karachi = runOk<{ cilId: string }>(sandbox, 'setUpCil', [{ name: 'CIL Karachi' }]);

    const unnamed = sandbox.run('addVolunteer', [AYESHA]);
    const named = sandbox.run('addVolunteer', [AYESHA, karachi.cilId]);
    const unknown = sandbox.run('addVolunteer', [AYESHA, 'cil-nowhere']);

    expect(unnamed.error).toBe('Error: This deployment serves 2 CILs (cil-karachi, cil-lahore); name the one you mean by its id.');
    expect(named.error).toBeNull();
    expect((named.value as AddedVolunteer).cilId).toBe('cil-karachi');
    expect(unknown.error).toBe('Error: No CIL with the id "cil-nowhere" is set up in this deployment.');
    expect(roster(sandbox, cil)).toEqual([]);
  });
});

describe('the "Add volunteer…" sidebar', () => {
  function openSidebar(cilName: string) {
    const { sandbox, cil } = sandboxWithCil(cilName);
    sandbox.openSpreadsheet(cil.spreadsheetId);
    const chosen = sandbox.chooseMenuItem(cil.spreadsheetId, 'openAddVolunteerSidebar');
    expect(chosen.error).toBeNull();
    const sidebars = sandbox.state.ui.shown.filter((shown) => shown.kind === 'sidebar');
    expect(sidebars).toHaveLength(1);
    return { sandbox, cil, sidebar: sidebars[0]! };
  }

  it('opens from the menu with a form whose fields addVolunteer accepts', () => {
    const { sandbox, cil, sidebar } = openSidebar('CIL Lahore');

    expect(sidebar.title).toBe('Add volunteer');
    expect(sidebar.content).toContain('google.script.run');
    expect(sidebar.content).toContain('.addVolunteer(fields)');
    for (const role of volunteersTab.columns.find((c) => c.key === 'role')!.options!) expect(sidebar.content).toContain(`<option value="${role}"`);
    // What the form submits: every named control but the "send now" box, filled in as a lead would.
    const names = [...sidebar.content.matchAll(/<(?:input|select|textarea) name="(\w+)"/g)].map((m) => m[1]!).filter((name) => name !== 'sendCode');
    const sample: Record<string, string> = {
      name: 'Hira Baig',
      email: 'hira@example.org',
      role: 'delivery lead',
      team: 'Transit Map',
      weeklyCommitmentHours: '4',
      mentorEmail: 'ayesha@example.org',
      joinedOn: '2026-11-20',
      notes: 'Joined at the open house',
    };
    expect(names.sort()).toEqual(Object.keys(sample).sort());
    const added = sandbox.run('addVolunteer', [sample], { activeSpreadsheetId: cil.spreadsheetId, trigger: 'menu' });
    expect(added.error).toBeNull();
    expect(roster(sandbox, cil).map((v) => v.name)).toEqual(['Hira Baig']);
  });

  it('escapes the CIL name and shows answers as text only', () => {
    const { sidebar } = openSidebar('CIL <b>Lahore</b> & "Friends"');

    expect(sidebar.content).toContain('CIL &lt;b&gt;Lahore&lt;/b&gt; &amp; &quot;Friends&quot;');
    expect(sidebar.content).not.toContain('<b>Lahore</b>');
    expect(sidebar.content).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(sidebar.content).toContain('textContent');
  });

  it('tells the lead to set up the CIL first in a spreadsheet that is not one', () => {
    const { sandbox } = sandboxWithCil();
    const spreadsheetId = asLead(sandbox, () => SpreadsheetApp.create('Scratch').getId(), []);
    sandbox.openSpreadsheet(spreadsheetId);

    sandbox.chooseMenuItem(spreadsheetId, 'openAddVolunteerSidebar');

    expect(sandbox.state.ui.shown.map((shown) => [shown.kind, shown.content])).toEqual([
      ['alert', 'This spreadsheet is not set up as a CIL yet. Run CIL Hub › Set up this CIL… first.'],
    ]);
  });
});
