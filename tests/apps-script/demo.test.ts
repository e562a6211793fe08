/// <reference types="google-apps-script" />
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnrollmentCode } from '../../shared/api/enrollment-code';
import { attendanceTab } from '../../shared/records/attendance';
import { deliverablesTab } from '../../shared/records/deliverable';
import { hoursTab } from '../../shared/records/hours';
import { meetingsTab, type Meeting } from '../../shared/records/meeting';
import { noticesTab } from '../../shared/records/notice';
import { projectsTab } from '../../shared/records/project';
import { readHeader, rowFromCells } from '../../shared/records/row-codec';
import { readSettings } from '../../shared/records/settings';
import type { TabDefinition, TabRecord } from '../../shared/records/tab';
import { LEAD_ROLES, VOLUNTEER_ROLES, volunteersTab, type Volunteer } from '../../shared/records/volunteer';
import { addDays, type CalendarDay } from '../../shared/time/calendar-day';
import { dateOfInstant, type Instant } from '../../shared/time/instant';
import { dayOf } from '../../shared/time/zone';
import type { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { SANDBOX_WEB_APP_URL } from '../../sandbox/src/workspace';
import { DEMO_CIL } from '../../apps-script/src/demo/set-up-demo-cil';
import { sheetState, snapshot } from './as-lead';
import { newSandbox, runOk } from './built-bundle';
import { enroll, sha256, TIME_ZONE } from './roster-fixture';

// The demo CIL (`setUpDemoCil`, which `cil-sandbox demo` and `npm start` run): a dozen volunteers and
// eight weeks of CIL life, set up through the same code as a lead's CIL, deterministic, enrolled.

/** Friday 27 November 2026, 10:00 in Karachi. */
const NOW = new Date('2026-11-27T05:00:00Z');
const TODAY: CalendarDay = '2026-11-27';

interface DemoCil {
  cilId: string;
  spreadsheetId: string;
  spreadsheetUrl: string;
  webAppUrl: string;
  volunteer: { name: string; email: string };
  enrollmentCode: string;
}

function setUpDemo(now = NOW): { sandbox: Sandbox; demo: DemoCil } {
  const sandbox = newSandbox(now);
  return { sandbox, demo: runOk<DemoCil>(sandbox, 'setUpDemoCil') };
}

/** A tab of the demo spreadsheet as records; every row must read with the shared schema. */
function records<Tab extends TabDefinition>(sandbox: Sandbox, demo: DemoCil, tab: Tab): TabRecord<Tab>[] {
  const [header = [], ...rows] = sheetState(sandbox, demo.spreadsheetId, tab.name).values;
  const read = readHeader(tab, header);
  if (!read.ok) throw new Error(read.message);
  return rows.map((cells, i) => {
    const row = rowFromCells(tab, read.index, cells, { timeZone: TIME_ZONE });
    if (!row.ok) throw new Error(`${tab.name} row ${i + 2}: ${row.error.message}`);
    return row.record;
  });
}

const dayOfInstant = (instant: string) => dayOf(dateOfInstant(instant as Instant), TIME_ZONE);

// One demo for the tests that only look at it.
const { sandbox, demo } = setUpDemo();
const volunteers = records(sandbox, demo, volunteersTab);
const meetings = records(sandbox, demo, meetingsTab);
const attendance = records(sandbox, demo, attendanceTab);
const notices = records(sandbox, demo, noticesTab);
const hours = records(sandbox, demo, hoursTab);
const named = (name: string) => volunteers.find((volunteer) => volunteer.name === name)!;
const past = meetings.filter((meeting) => dateOfInstant(meeting.endsAt as Instant) <= NOW);
const pastMeetups = past.filter((meeting) => meeting.kind === 'CIL meetup');

function statusAt(meeting: Meeting, volunteer: Volunteer) {
  const rows = attendance.filter((row) => row.meetingId === meeting.id && row.volunteerId === volunteer.id);
  expect(rows.length, `${volunteer.name} at ${meeting.title} ${meeting.startsAt}`).toBeLessThanOrEqual(1);
  return rows[0]?.status;
}

const lastHoursDay = (volunteer: Volunteer) => hours.filter((entry) => entry.volunteerId === volunteer.id).map((entry) => entry.day).sort().at(-1);

describe('setUpDemoCil', () => {
  it('sets up "CIL Demo" in Lahore and answers with an active member\'s code that the web app accepts', () => {
    expect(demo).toEqual({
      cilId: 'cil-demo',
      spreadsheetId: expect.any(String),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${demo.spreadsheetId}/edit`,
      webAppUrl: SANDBOX_WEB_APP_URL,
      volunteer: { name: 'Fatima Raza', email: 'fatima.raza@example.com' },
      enrollmentCode: expect.stringMatching(/^cilhub1\./),
    });
    const read = parseEnrollmentCode(demo.enrollmentCode);
    if (!read.ok) throw new Error(read.message);
    expect(read.enrollment).toMatchObject({ url: SANDBOX_WEB_APP_URL, cil: 'cil-demo' });
    expect(named('Fatima Raza')).toMatchObject({ role: 'member', status: 'active', tokenHash: sha256(read.enrollment.token) });
    const answer = enroll(sandbox, read.enrollment);
    expect(answer.ok).toBe(true);
    expect(answer.result!.volunteer.id).toBe(named('Fatima Raza').id);
    const settings = readSettings(sheetState(sandbox, demo.spreadsheetId, 'Settings').values);
    expect(settings.ok && settings.settings).toMatchObject({ cilName: 'CIL Demo', city: 'Lahore', timeZone: 'Asia/Karachi', leadEmails: ['lead@cil-demo.example'] });
  });

  it('has a dozen volunteers in every role of the handbook, each emailed an enrollment code', () => {
    expect(volunteers).toHaveLength(12);
    expect(new Set(volunteers.map((v) => v.role))).toEqual(new Set(VOLUNTEER_ROLES));
    expect(volunteers.every((v) => v.tokenHash !== undefined && v.tokenIssuedAt === NOW.toISOString())).toBe(true);
    expect(sandbox.state.mail.outbox.map((message) => message.to[0]).sort()).toEqual(volunteers.map((v) => v.email).sort());
  });

  it('holds eight weeks of meetups, monthly CfP calls, a hack night and an event, and the next meetings', () => {
    const kinds = (kind: string) => past.filter((meeting) => meeting.kind === kind).length;
    expect([kinds('CIL meetup'), kinds('monthly CfP call'), kinds('hack night'), kinds('event')]).toEqual([4, 2, 1, 1]);
    for (const meeting of past) expect(dayOfInstant(meeting.startsAt) >= addDays(TODAY, -56), meeting.title).toBe(true);
    for (const meeting of meetings.filter((m) => m.kind !== 'event')) expect(meeting.meetCode, meeting.title).toMatch(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    const upcoming = meetings.filter((meeting) => !past.includes(meeting));
    expect(upcoming.map((m) => m.kind).sort()).toEqual(['CIL meetup', 'monthly CfP call']);
    expect(upcoming.every((m) => dayOfInstant(m.startsAt) <= addDays(TODAY, 14))).toBe(true);
  });

  it('records attendance as it happens: each expected volunteer once, most present, absences with notice backed by a notice', () => {
    let expected = 0;
    for (const meeting of past.filter((m) => m.kind === 'CIL meetup' || m.kind === 'monthly CfP call')) {
      for (const volunteer of volunteers) {
        const isExpected = volunteer.joinedOn <= dayOfInstant(meeting.startsAt) && (meeting.expectedAttendees === 'all' || LEAD_ROLES.includes(volunteer.role));
        const status = statusAt(meeting, volunteer);
        expect(status !== undefined, `${volunteer.name} at ${meeting.title} ${meeting.startsAt}`).toBe(isExpected);
        if (!isExpected) continue;
        expected++;
        if (status === 'absent with notice') {
          const notice = notices.find(
            (n) =>
              n.volunteerId === volunteer.id &&
              n.kind === 'absence notice' &&
              (n.meetingId === meeting.id || (n.fromDay! <= dayOfInstant(meeting.startsAt) && dayOfInstant(meeting.startsAt) <= n.toDay!)),
          );
          expect(notice, `notice of ${volunteer.name} for ${meeting.startsAt}`).toBeDefined();
          expect(notice!.givenAt < meeting.startsAt).toBe(true);
        }
      }
    }
    const counted = attendance.filter((row) => past.find((m) => m.id === row.meetingId && (m.kind === 'CIL meetup' || m.kind === 'monthly CfP call')));
    expect(counted).toHaveLength(expected);
    const present = counted.filter((row) => row.status === 'present').length;
    expect(present / expected).toBeGreaterThan(0.75);
    expect(counted.some((row) => row.status === 'absent with notice')).toBe(true);
    for (const row of attendance.filter((r) => r.status === 'present' && r.meetCode !== undefined)) {
      expect(row.minutes).toBe(Math.round((dateOfInstant(row.leftAt as Instant).getTime() - dateOfInstant(row.joinedAt as Instant).getTime()) / 60_000));
      expect(row.meetCode).toBe(meetings.find((m) => m.id === row.meetingId)!.meetCode);
    }
    expect(attendance.filter((row) => past.find((m) => m.id === row.meetingId)?.kind === 'event').length).toBeGreaterThan(3);
  });

  it('has one volunteer drifting into inactivity and one fading, for the daily check to find', () => {
    const [secondLast, last] = pastMeetups.slice(-2) as [Meeting, Meeting];
    const active = volunteers.filter((v) => v.status === 'active');
    const missedBothWithoutNotice = active.filter((v) => statusAt(secondLast, v) === 'absent' && statusAt(last, v) === 'absent');
    const missedLastWithoutNotice = active.filter((v) => statusAt(last, v) === 'absent');
    const noHoursForThreeWeeks = active.filter((v) => v.joinedOn < addDays(TODAY, -21) && !(lastHoursDay(v)! >= addDays(TODAY, -21)));
    const noHoursForTwoWeeks = active.filter((v) => v.joinedOn < addDays(TODAY, -14) && !(lastHoursDay(v)! >= addDays(TODAY, -14)));

    expect(missedBothWithoutNotice.map((v) => v.name)).toEqual(['Omar Farooq']);
    expect(missedLastWithoutNotice.map((v) => v.name)).toEqual(['Omar Farooq', 'Ali Hassan']);
    expect(noHoursForThreeWeeks.map((v) => v.name)).toEqual(['Omar Farooq']);
    expect(noHoursForTwoWeeks.map((v) => v.name)).toEqual(['Omar Farooq', 'Ali Hassan']);
    expect(notices.filter((n) => n.volunteerId === named('Omar Farooq').id)).toEqual([]);
    expect(named('Maryam Siddiqui').status).toBe('on leave');
  });

  it('logs about each steady volunteer\'s weekly commitment in hours', () => {
    const steady = volunteers.filter((v) => v.status === 'active' && v.joinedOn < addDays(TODAY, -56) && !['Omar Farooq', 'Ali Hassan'].includes(v.name));
    expect(steady.length).toBeGreaterThanOrEqual(7);
    for (const volunteer of steady) {
      const total = hours.filter((entry) => entry.volunteerId === volunteer.id).reduce((sum, entry) => sum + entry.hours, 0);
      const commitment = LEAD_ROLES.includes(volunteer.role) ? 4 : 5;
      expect(total / 8, volunteer.name).toBeGreaterThan(0.6 * commitment);
      expect(total / 8, volunteer.name).toBeLessThan(1.35 * commitment);
      expect(lastHoursDay(volunteer)! >= addDays(TODAY, -7), volunteer.name).toBe(true);
    }
    expect(hours.every((entry) => entry.day < TODAY && entry.loggedAt <= NOW.toISOString())).toBe(true);
  });

  it('has two projects and the reports the leads owe CfP, some submitted and some due', () => {
    const projects = records(sandbox, demo, projectsTab);
    const deliverables = records(sandbox, demo, deliverablesTab);
    expect(projects.map((p) => [p.name, p.status])).toEqual([
      ['Lahore Transit Map', 'active'],
      ['Clean Water Complaints Tracker', 'completed'],
    ]);
    expect(projects[1]!.impactStory).toBeDefined();
    expect(hours.some((entry) => entry.projectId === projects[0]!.id)).toBe(true);
    expect(new Set(deliverables.map((d) => d.status))).toEqual(new Set(['submitted', 'pending']));
    expect(deliverables.some((d) => d.submittedOn !== undefined && d.submittedOn > d.dueOn)).toBe(true);
    for (const deliverable of deliverables) expect(volunteers.map((v) => v.id)).toContain(deliverable.ownerVolunteerId);
  });

  it('writes each records tab once, Volunteers once more for the enrollment codes, and the Dashboard once', () => {
    const plain = newSandbox(NOW);
    const setUp = plain.run('setUpCil', [{ ...DEMO_CIL, leadEmails: ['lead@cil-demo.example'] }]);
    const full = newSandbox(NOW);
    const demoRun = full.run('setUpDemoCil');

    const writes = (run: typeof setUp) => run.meter.callsByMethod['Range.setValues'] ?? 0;
    expect(writes(demoRun) - writes(setUp)).toBe(9 + 1 + 1);
  });

  it('is the same every time at the same moment, apart from the tokens', () => {
    const again = setUpDemo();
    const withoutTokens = (state: Sandbox['state']) => {
      const spreadsheets = structuredClone(state.spreadsheets);
      const sheet = spreadsheets[demo.spreadsheetId]!.sheets.find((s) => s.name === 'Volunteers')!;
      const column = sheet.values[0]!.indexOf('Token hash');
      for (const row of sheet.values.slice(1)) row[column] = '';
      return spreadsheets;
    };

    expect(again.demo).toEqual({ ...demo, enrollmentCode: expect.stringMatching(/^cilhub1\./) });
    expect(withoutTokens(again.sandbox.state)).toEqual(withoutTokens(sandbox.state));
    // Everything is relative to now: a week later, so are the meetings.
    const later = setUpDemo(new Date(NOW.getTime() + 7 * 86_400_000));
    const laterMeetings = records(later.sandbox, later.demo, meetingsTab);
    expect(laterMeetings[0]!.startsAt > meetings[0]!.startsAt).toBe(true);
  });

  it('refuses to set up a second demo beside the first, changing nothing', () => {
    const { sandbox: twice } = setUpDemo();
    const before = snapshot(twice);
    const mail = twice.state.mail.outbox.length;

    const result = twice.run('setUpDemoCil');

    expect(result.error).toMatch(/^Error: The demo CIL is already set up here \(spreadsheet "CIL Demo — CIL Hub", https:\/\/docs\.google\.com\/.*\); nothing was added\./);
    expect(snapshot(twice)).toEqual(before);
    expect(twice.state.mail.outbox).toHaveLength(mail);
  });

  it('never runs in a deployment that serves a real CIL, changing nothing', () => {
    const real = newSandbox(NOW);
    runOk(real, 'setUpCil', [{ name: 'CIL Lahore' }]);
    const before = snapshot(real);

    const result = real.run('setUpDemoCil');

    expect(result.error).toBe(
      'Error: This deployment serves "CIL Lahore", so the demo CIL is not set up here: its made-up volunteers would be emailed from it. Try the demo in the sandbox (`npm start`, or `cil-sandbox demo`) or in an Apps Script project of its own. Nothing was changed.',
    );
    expect(snapshot(real)).toEqual(before);
    expect(real.state.mail.outbox).toEqual([]);
  });

  it('refuses before making anything when the script is not deployed as a web app', () => {
    const undeployed = newSandbox(NOW);
    undeployed.state.webAppUrl = null;
    const before = snapshot(undeployed);

    expect(undeployed.run('setUpDemoCil').error).toMatch(/^Error: Deploy CIL Hub as a web app first: it has no web app deployment yet/);
    expect(snapshot(undeployed)).toEqual(before);
  });
});

describe('cil-sandbox demo', () => {
  it('sets up the demo CIL with the built bundle and prints the enrollment code', () => {
    const bin = fileURLToPath(new URL('../../sandbox/bin/cil-sandbox.js', import.meta.url));
    const state = join(mkdtempSync(join(tmpdir(), 'cil-demo-')), 'state.json');

    const run = spawnSync(process.execPath, [bin, 'demo', '--now', NOW.toISOString(), '--state', state], { encoding: 'utf8' });

    expect(run.status, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed).toMatchObject({ clock: NOW.toISOString(), error: null, demo: { cilId: 'cil-demo', volunteer: { name: 'Fatima Raza' } } });
    const read = parseEnrollmentCode(printed.demo.enrollmentCode);
    expect(read.ok && read.enrollment.url).toBe(SANDBOX_WEB_APP_URL);
  });
});
