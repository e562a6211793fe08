/// <reference types="google-apps-script" />
import { beforeEach, describe, expect, it } from 'vitest';
import { attendanceTab } from '../../shared/records/attendance';
import { meetingsTab } from '../../shared/records/meeting';
import { holdLock } from '../../sandbox/src/services/lock-service';
import { asLead } from './as-lead';
import { appendAsLead, editVolunteer, MEET_CODE, NOW, newApiCil, post, recordsOf, spreadsheetsNow, TOKENS, uuid, type ApiCil } from './api-fixture';

// "Link unmatched attendance…": Meet sessions sync could not match to a meeting are kept with a blank
// Meeting ID; the sidebar lists them with the meetings they may have been, and linkAttendance (its
// Link button) writes the Meeting ID and the status again, in one write under the script lock.

let cil: ApiCil;
/** 45 minutes under a Meet code no meeting has, during the meetup of 26 November. */
let otherCode: { id: string };
/** 3 minutes under the meetup's code on a day with no meetup. */
let wrongDay: { id: string };

const session = (meetCode: string, joinedAt: string, leftAt: string) => ({ kind: 'attendance', id: uuid(), meetCode, joinedAt, leftAt });

beforeEach(() => {
  cil = newApiCil();
  otherCode = session('zzz-zzzz-zzz', '2026-11-26T14:05:00.000Z', '2026-11-26T14:50:00.000Z');
  wrongDay = session(MEET_CODE, '2026-11-22T14:00:00.000Z', '2026-11-22T14:03:00.000Z');
  const matched = session(MEET_CODE, '2026-11-26T14:00:00.000Z', '2026-11-26T14:55:00.000Z');
  expect(post(cil, { op: 'sync', token: TOKENS.member, entries: [otherCode, wrongDay] }).json.ok).toBe(true);
  expect(post(cil, { op: 'sync', token: TOKENS.organizer, entries: [matched] }).json.ok).toBe(true);
});

function openSidebar(): string {
  cil.sandbox.openSpreadsheet(cil.spreadsheetId);
  const chosen = cil.sandbox.chooseMenuItem(cil.spreadsheetId, 'openLinkAttendanceSidebar');
  expect(chosen.error).toBeNull();
  const sidebar = cil.sandbox.state.ui.shown.filter((shown) => shown.kind === 'sidebar').at(-1)!;
  expect(sidebar.title).toBe('Link unmatched attendance');
  return sidebar.content;
}

/** Each listed session's HTML, by its Attendance ID. */
function sessionsIn(page: string): Map<string, string> {
  return new Map(page.split('<section class="session" ').slice(1).map((part) => [/^data-attendance="([^"]+)"/.exec(part)![1]!, part]));
}

const meetingsOffered = (part: string) => [...part.matchAll(/data-meeting="([^"]+)"/g)].map((m) => m[1]);

/** What the sidebar's Link button runs: linkAttendance from the open spreadsheet. */
function link(attendanceId: string, meetingId: string) {
  return cil.sandbox.run('linkAttendance', [attendanceId, meetingId], { activeSpreadsheetId: cil.spreadsheetId, trigger: 'menu' });
}

const rowOf = (id: string) => recordsOf(cil, attendanceTab).find((row) => row.id === id)!;

describe('the "Link unmatched attendance…" sidebar', () => {
  it('lists each session linked to no meeting, with who, Meet code, join time and minutes, and the meetings it may have been', () => {
    const page = openSidebar();
    const listed = sessionsIn(page);

    expect([...listed.keys()]).toEqual([otherCode.id, wrongDay.id]);
    const first = listed.get(otherCode.id)!;
    expect(first).toContain('<strong>Bilal Ahmed</strong>');
    expect(first).toContain('Meet zzz-zzzz-zzz · joined 2026-11-26 19:05 · 45 min');
    // Another code at the meetup's time: the meetup is offered by its time.
    expect(meetingsOffered(first)).toEqual(['m-meetup-1']);
    // The meetup's code on the wrong day: its meetings, nearest first.
    expect(meetingsOffered(listed.get(wrongDay.id)!)).toEqual(['m-meetup-1', 'm-meetup-2']);
    expect(page).toContain('.linkAttendance(session.getAttribute(\'data-attendance\'), button.getAttribute(\'data-meeting\'))');
  });

  it('escapes every name and title, and shows answers as text only', () => {
    editVolunteer(cil, 'v-2', 'Name', '<img src=x onerror=alert(1)>');
    appendAsLead(cil, meetingsTab, [
      { id: 'm-x', kind: 'hack night', title: 'Hack "night" <script>alert(1)</script> & more', startsAt: '2026-11-26T14:00:00.000Z', endsAt: '2026-11-26T16:00:00.000Z', expectedAttendees: 'all' },
    ]);

    const page = openSidebar();

    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('<strong>&lt;img src=x onerror=alert(1)&gt;</strong>');
    expect(page).toContain('data-title="Hack &quot;night&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"');
    expect(page).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('says when every session is linked', () => {
    expect(link(otherCode.id, 'm-meetup-1').error).toBeNull();
    expect(link(wrongDay.id, 'm-meetup-1').error).toBeNull();
    const page = openSidebar();
    expect(sessionsIn(page).size).toBe(0);
    expect(page).toContain('is linked to a meeting.');
  });
});

describe('linkAttendance', () => {
  it('writes the Meeting ID and the status again, in one write under the lock', () => {
    const linked = link(otherCode.id, 'm-meetup-1');

    expect(linked.error).toBeNull();
    expect(linked.value).toEqual({ attendanceId: otherCode.id, meetingId: 'm-meetup-1', rowNumber: 2, status: 'present', changed: true });
    expect(rowOf(otherCode.id)).toMatchObject({ meetingId: 'm-meetup-1', status: 'present', minutes: 45, meetCode: 'zzz-zzzz-zzz' });
    expect(linked.meter.callsByMethod['Range.setValues']).toBe(1);
    expect(Object.keys(linked.meter.callsByMethod).filter((method) => /\.set|\.insert|\.delete|\.clear/.test(method))).toEqual(['Range.setValues']);
    // Meeting ID to Status: three cells, the volunteer's between them written back as it was.
    expect(linked.meter.cellsWritten).toBe(3);
    expect(rowOf(otherCode.id).volunteerId).toBe('v-2');
    expect(cil.sandbox.state.locks.script).toBeNull();
  });

  it("works the status out again with the CIL's minimum minutes", () => {
    // Three minutes were absent under the default five; the lead has since lowered the minimum to two.
    expect(rowOf(wrongDay.id).status).toBe('absent');
    asLead(cil.sandbox, (id: string) => {
      const sheet = SpreadsheetApp.openById(id).getSheetByName('Settings')!;
      const labels = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().map((row) => row[0]);
      sheet.getRange(labels.indexOf('Minimum minutes to count present') + 1, 2).setValue(2);
    }, [cil.spreadsheetId]);

    expect(link(wrongDay.id, 'm-meetup-1').value).toMatchObject({ status: 'present' });
    expect(rowOf(wrongDay.id)).toMatchObject({ meetingId: 'm-meetup-1', status: 'present' });
  });

  it('writes nothing the second time, and refuses to move a linked session to another meeting', () => {
    link(otherCode.id, 'm-meetup-1');
    const before = spreadsheetsNow(cil);

    const again = link(otherCode.id, 'm-meetup-1');
    const elsewhere = link(otherCode.id, 'm-meetup-2');

    expect(again.value).toMatchObject({ changed: false });
    expect(again.meter.cellsWritten).toBe(0);
    expect(elsewhere.error).toBe('Error: Row 2 of the Attendance tab is already linked to meeting "m-meetup-1"; clear its Meeting ID first to link it elsewhere. Nothing was changed.');
    expect(spreadsheetsNow(cil)).toBe(before);
  });

  it('refuses an unknown meeting or session, bad arguments, and a busy CIL, changing nothing', () => {
    const before = spreadsheetsNow(cil);

    expect(link(otherCode.id, 'm-nowhere').error).toBe('Error: No meeting with the ID "m-nowhere" is in the Meetings tab (rows with a problem to fix are not counted). Nothing was changed.');
    expect(link('5f0c3e2a-0000-4000-8000-000000000000', 'm-meetup-1').error).toBe(
      'Error: No row of the Attendance tab has the ID "5f0c3e2a-0000-4000-8000-000000000000"; was it deleted? Nothing was changed.',
    );
    expect(cil.sandbox.run('linkAttendance', [otherCode.id], { activeSpreadsheetId: cil.spreadsheetId }).error).toMatch(/^Error: linkAttendance takes a Meeting ID/);
    holdLock(cil.sandbox.state, 'script', 'another-execution', new Date(NOW.getTime() + 3_600_000));
    expect(link(otherCode.id, 'm-meetup-1').error).toBe('Error: CIL Hub is busy with another task; try again in a minute. Nothing was changed.');

    expect(spreadsheetsNow(cil)).toBe(before);
  });
});
