import { describe, expect, it } from 'vitest';
import { accountabilityTab } from '../../shared/records/accountability';
import { hoursTab, type HoursEntry } from '../../shared/records/hours';
import { meetingsTab, type Meeting } from '../../shared/records/meeting';
import { noticesTab } from '../../shared/records/notice';
import type { Instant } from '../../shared/time/instant';
import type { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { newSandbox, runOk } from './built-bundle';
import { pasteRecords, recordsOf } from './daily-run-fixture';

// Reminders before meetings, sent by the daily check through the built bundle: a CIL whose volunteers
// joined on 1 January 2027 (out of their first two weeks by the 19th), checked on Tuesday 19 January
// at 07:00 in Karachi. Tomorrow has a team check-in at noon and the weekly meetup at 18:00; Friday
// has a hack night.

const at = (day: string, time: string) => new Date(`${day}T${time}:00+05:00`).toISOString() as Instant;
const HOUR = 3600_000;
const HOSTILE_TITLE = 'Meetup <script>alert(1)</script> & "friends"';
const PEOPLE = [
  { id: 'V-1', name: 'Sana Mir', email: 'sana@cil.example', role: 'organizer', team: 'Leads' },
  { id: 'V-2', name: 'Bilal Ahmed', email: 'bilal@example.org', role: 'member', team: 'Data' },
  { id: 'V-3', name: 'Nadia Khan', email: 'nadia@example.org', role: 'member' },
  { id: 'V-4', name: 'Omar Farooq', email: 'omar@example.org', role: 'member', reminders: 'off' },
  { id: 'V-5', name: 'Maryam Siddiqui', email: 'maryam@example.org', role: 'member', status: 'on leave' },
  { id: 'V-6', name: '<b>Zara</b> & Co', email: 'zara@example.org', role: 'member' },
  { id: 'V-7', name: 'Noor Fatima', email: 'noor@example.org', role: 'member', joinedOn: '2027-01-12' },
];
const MEETINGS: Meeting[] = [
  { id: 'M-check-in', kind: 'check-in', title: 'Data team check-in', startsAt: at('2027-01-20', '12:00'), endsAt: at('2027-01-20', '12:30'), expectedAttendees: 'data' },
  { id: 'M-meetup', kind: 'CIL meetup', title: HOSTILE_TITLE, startsAt: at('2027-01-20', '18:00'), endsAt: at('2027-01-20', '19:30'), meetCode: 'abc-defg-hij', expectedAttendees: 'all' },
  { id: 'M-hack', kind: 'hack night', title: 'Hack night', startsAt: at('2027-01-22', '19:00'), endsAt: at('2027-01-22', '22:00'), expectedAttendees: 'all' },
];

function setUp(): { sandbox: Sandbox; cilId: string; spreadsheetId: string } {
  const sandbox = newSandbox(new Date(at('2027-01-18', '21:00')));
  const { cilId, spreadsheetId } = runOk<{ cilId: string; spreadsheetId: string }>(sandbox, 'setUpCil', [
    { name: 'CIL Lahore', city: 'Lahore', leadEmails: ['sana@cil.example'], cfpLeadEmail: 'cfp@codeforpakistan.example' },
  ]);
  for (const person of PEOPLE) runOk(sandbox, 'addVolunteer', [{ joinedOn: '2027-01-01', ...person }, cilId]);
  pasteRecords(sandbox, spreadsheetId, meetingsTab, MEETINGS);
  // Everyone logged hours on Monday, so no other rule has anything to say.
  const hours: HoursEntry[] = PEOPLE.map((p) => ({ id: `H-${p.id}`, volunteerId: p.id, day: '2027-01-18', hours: 2, category: 'project work', source: 'sheet', loggedAt: at('2027-01-18', '20:00') }));
  pasteRecords(sandbox, spreadsheetId, hoursTab, hours);
  pasteRecords(sandbox, spreadsheetId, noticesTab, [
    { id: 'N-1', volunteerId: 'V-3', kind: 'absence notice', givenAt: at('2027-01-18', '20:30'), meetingId: 'M-meetup', reason: 'Exams', source: 'sheet' },
  ]);
  sandbox.advance(10 * HOUR); // Tuesday 07:00
  return { sandbox, cilId, spreadsheetId };
}

interface Preview {
  cils: { steps: { checkKey: string; type: string }[]; emails: { checkKey: string; to: string[]; subject: string; optedOut: boolean }[] }[];
}

const MEETUP_SUBJECT = `Reminder: CIL meetup "${HOSTILE_TITLE}", Wednesday 20 January 2027`;
const CHECK_IN_SUBJECT = 'Reminder: check-in "Data team check-in", Wednesday 20 January 2027';

describe('reminders before meetings', () => {
  it('go once, the day before, to the volunteers expected at each meeting, with the Meet link, escaped', () => {
    const { sandbox, cilId, spreadsheetId } = setUp();
    const outbox = sandbox.state.mail.outbox;
    const before = outbox.length;

    // The dry run lists them, Omar's as opted out, and sends nothing.
    const preview = runOk<Preview>(sandbox, 'previewDailyCheck', [cilId]);
    const expectedEmails = [
      { checkKey: 'reminder:V-1:meeting:M-meetup:2027-01-20', to: ['sana@cil.example'], subject: MEETUP_SUBJECT, optedOut: false },
      { checkKey: 'reminder:V-2:meeting:M-check-in:2027-01-20', to: ['bilal@example.org'], subject: CHECK_IN_SUBJECT, optedOut: false },
      { checkKey: 'reminder:V-2:meeting:M-meetup:2027-01-20', to: ['bilal@example.org'], subject: MEETUP_SUBJECT, optedOut: false },
      { checkKey: 'reminder:V-4:meeting:M-meetup:2027-01-20', to: ['omar@example.org'], subject: MEETUP_SUBJECT, optedOut: true },
      { checkKey: 'reminder:V-6:meeting:M-meetup:2027-01-20', to: ['zara@example.org'], subject: MEETUP_SUBJECT, optedOut: false },
    ];
    expect(preview.cils[0]!.emails).toEqual(expectedEmails);
    expect(preview.cils[0]!.steps.map((step) => [step.type, step.checkKey])).toEqual(expectedEmails.map((email) => ['meeting reminder', email.checkKey]));
    expect(outbox.length).toBe(before);

    runOk(sandbox, 'runDailyCheck');
    const sent = outbox.slice(before);
    // Not Nadia (notice given), Maryam (on leave), Noor (her first two weeks), Omar (reminders off); the
    // team check-in only to the Data team.
    expect(sent.map((mail) => [mail.to.join(', '), mail.subject])).toEqual(
      expectedEmails.filter((email) => !email.optedOut).map((email) => [email.to.join(', '), email.subject]),
    );
    const log = recordsOf(sandbox, spreadsheetId, accountabilityTab);
    expect(log.map((row) => [row.kind, row.checkKey, row.status, row.emailSentAt !== undefined])).toEqual(
      expectedEmails.map((email) => ['reminder', email.checkKey, email.optedOut ? 'approved' : 'sent', !email.optedOut]),
    );
    expect(log[0]!.evidence).toBe(
      `Expected at CIL meetup "${HOSTILE_TITLE}" on 2027-01-20 [M-meetup], starting 2027-01-20 18:00 (expected: all).`,
    );

    const zara = sent.find((mail) => mail.to.includes('zara@example.org'))!;
    expect(zara.body).toContain('Hello <b>Zara</b> & Co,');
    expect(zara.body).toContain(`You are expected at the CIL meetup "${HOSTILE_TITLE}": Wednesday 20 January 2027, 18:00 to 19:30 (GMT+5).`);
    expect(zara.body).toContain('Join on Google Meet: https://meet.google.com/abc-defg-hij');
    expect(zara.htmlBody).toContain('https://meet.google.com/abc-defg-hij');
    expect(zara.htmlBody).not.toMatch(/<script>|<b>Zara/);
    expect(zara.htmlBody).toContain('Meetup &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;');
    expect(zara.htmlBody).toContain('&lt;b&gt;Zara&lt;/b&gt; &amp; Co');
    const checkIn = sent.find((mail) => mail.subject === CHECK_IN_SUBJECT)!;
    expect(checkIn.body).toContain('The meeting link is in the calendar invite.');
  });

  it('a second run that day sends and writes nothing; the next days remind only of what is new', () => {
    const { sandbox, spreadsheetId } = setUp();
    runOk(sandbox, 'runDailyCheck');
    const state = () => structuredClone({ spreadsheets: sandbox.state.spreadsheets, outbox: sandbox.state.mail.outbox });
    const after = state();

    sandbox.advance(14 * HOUR); // Tuesday 21:00: a later run that day finds nothing new
    runOk(sandbox, 'runDailyCheck');
    expect(state()).toEqual(after);

    // Wednesday 07:00: the day's meetings were reminded yesterday; Friday's hack night is two days off.
    sandbox.advance(10 * HOUR);
    runOk(sandbox, 'runDailyCheck');
    expect(state()).toEqual(after);

    // Thursday 07:00: the hack night, to everyone expected (Nadia's notice was for the meetup only).
    const before = sandbox.state.mail.outbox.length;
    sandbox.advance(24 * HOUR);
    runOk(sandbox, 'runDailyCheck');
    expect(sandbox.state.mail.outbox.slice(before).map((mail) => [mail.to.join(', '), mail.subject])).toEqual(
      ['sana@cil.example', 'bilal@example.org', 'nadia@example.org', 'zara@example.org'].map((to) => [to, 'Reminder: hack night "Hack night", Friday 22 January 2027']),
    );
    const hack = recordsOf(sandbox, spreadsheetId, accountabilityTab).filter((row) => row.checkKey?.includes(':M-hack:'));
    expect(hack.map((row) => [row.volunteerId, row.status])).toEqual([
      ['V-1', 'sent'],
      ['V-2', 'sent'],
      ['V-3', 'sent'],
      ['V-4', 'approved'],
      ['V-6', 'sent'],
    ]);
  });
});
