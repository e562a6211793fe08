/// <reference types="google-apps-script" />
import { describe, it, expect } from 'vitest';
import { accountabilityTab } from '../../shared/records/accountability';
import { attendanceTab, type Attendance } from '../../shared/records/attendance';
import { deliverablesTab } from '../../shared/records/deliverable';
import { hoursTab, type HoursEntry } from '../../shared/records/hours';
import { meetingsTab, type Meeting } from '../../shared/records/meeting';
import { noticesTab, type Notice } from '../../shared/records/notice';
import { cellsFromRecord, readHeader } from '../../shared/records/row-codec';
import type { CalendarDay } from '../../shared/time/calendar-day';
import type { Instant } from '../../shared/time/instant';
import type { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { nextRunOf } from '../../sandbox/src/services/trigger-schedule';
import { asLead, sheetState } from './as-lead';
import { newSandbox, runOk } from './built-bundle';
import { pasteRecords as paste, recordsOf, recordsWithoutDashboard, TIME_ZONE } from './daily-run-fixture';

// Twelve weeks of one CIL, run by the schedule on the sandbox clock, as DESIGN.md's accountability
// rules should play out: Sana leads, Bilal is steady, Danish drifts away, Nadia always gives notice,
// Asad is offboarded, appeals and comes back. Every evening at 21:00 (Karachi, UTC+5) the lead pastes
// the day's records; the daily check runs the next morning at 07:00.

const DAY = 24 * 3600_000;
const FIRST_DAY = '2027-01-03'; // a Sunday: the CIL is set up that evening, everyone joins that day
const DAYS = 84;

const dayAt = (n: number) => new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10) as CalendarDay;
const at = (day: string, time: string) => new Date(`${day}T${time}:00+05:00`).toISOString() as Instant;
const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday

const LEAD_EMAIL = 'sana@cil-lahore.example';
const PEOPLE = {
  lead: { id: 'V-1', name: 'Sana Mir', email: LEAD_EMAIL, role: 'organizer' },
  steady: { id: 'V-2', name: 'Bilal Ahmed', email: 'bilal@example.org', role: 'member' },
  drifter: { id: 'V-3', name: 'Danish Raza', email: 'danish@example.org', role: 'member' },
  notifier: { id: 'V-4', name: 'Nadia Khan', email: 'nadia@example.org', role: 'member' },
  appellant: { id: 'V-5', name: 'Asad Ali', email: 'asad@example.org', role: 'member' },
} as const;
type Who = keyof typeof PEOPLE;

/** The meetings of the twelve weeks: a meetup every Wednesday evening, a CfP call on a Saturday each month, one event. */
function meetingsOfTheQuarter(): Meeting[] {
  const meetings: Meeting[] = [];
  for (let n = 0; n <= DAYS; n++) {
    const day = dayAt(n);
    if (weekdayOf(day) === 3) {
      meetings.push({ id: `M-meetup-${day}`, kind: 'CIL meetup', title: `Meetup ${day}`, startsAt: at(day, '18:00'), endsAt: at(day, '19:30'), expectedAttendees: 'all' });
    }
  }
  for (const day of ['2027-01-09', '2027-02-06', '2027-03-06']) {
    meetings.push({ id: `M-cfp-${day}`, kind: 'monthly CfP call', title: `CfP call ${day}`, startsAt: at(day, '11:00'), endsAt: at(day, '12:00'), expectedAttendees: 'all' });
  }
  // The quarter's event, so the CIL is not "falling behind" on events.
  meetings.push({ id: 'M-event-2027-02-20', kind: 'event', title: 'Civic data day', startsAt: at('2027-02-20', '14:00'), endsAt: at('2027-02-20', '17:00'), expectedAttendees: 'all' });
  return meetings;
}

/** The lead submits every report CfP is owed on the day the weekly tasks add it. */
function submitDeliverables(sandbox: Sandbox, spreadsheetId: string, day: CalendarDay): void {
  const values = sheetState(sandbox, spreadsheetId, deliverablesTab.name).values;
  const header = readHeader(deliverablesTab, values[0]!);
  if (!header.ok) throw new Error(header.message);
  const records = recordsOf(sandbox, spreadsheetId, deliverablesTab);
  const changed = records.flatMap((record, i) =>
    record.status === 'pending'
      ? [{ row: i + 2, cells: cellsFromRecord(deliverablesTab, header.index, { ...record, status: 'submitted', submittedOn: day }, { timeZone: TIME_ZONE, keep: values[i + 1] }) }]
      : [],
  );
  if (changed.length === 0) return;
  asLead(
    sandbox,
    (id: string, changed: { row: number; cells: unknown[] }[]) => {
      const sheet = SpreadsheetApp.openById(id).getSheetByName('Deliverables')!;
      for (const { row, cells } of changed) sheet.getRange(row, 1, 1, cells.length).setValues([cells as string[]]);
    },
    [spreadsheetId, changed],
  );
}

// Who does what, by day.
const APPEAL_DAY = '2027-02-16'; // the Tuesday after Asad's offboarding was approved
const DISMISSED_ON = '2027-03-04'; // Danish's first offboarding proposal: the lead gives him another chance
const driftsFrom = '2027-01-25'; // Monday of week 4
const nadiaMisses = (meeting: Meeting) => meeting.kind === 'monthly CfP call' || Number(meeting.startsAt.slice(8, 10)) % 14 < 7; // every CfP call and every other meetup (6 Jan, 20 Jan, 3 Feb, …), so some of her misses are consecutive

function attends(who: Who, meeting: Meeting, day: string): boolean {
  switch (who) {
    case 'lead':
    case 'steady':
      return true;
    case 'drifter':
      return day < driftsFrom;
    case 'notifier':
      return !nadiaMisses(meeting);
    case 'appellant':
      return day > APPEAL_DAY;
  }
}

function logsHoursOn(who: Who, day: string): boolean {
  if (weekdayOf(day) !== 4) return false; // Thursdays, for the week so far
  if (who === 'drifter') return day < driftsFrom;
  if (who === 'appellant') return day > APPEAL_DAY;
  return true;
}

function recordsOfTheEvening(day: CalendarDay, meetings: readonly Meeting[]) {
  const evening = at(day, '21:00');
  const attendance: Attendance[] = [];
  const hours: HoursEntry[] = [];
  const notices: Notice[] = [];
  const localDay = (instant: string) => new Date(Date.parse(instant) + 5 * 3600_000).toISOString().slice(0, 10);
  const tomorrow = new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  for (const [who, person] of Object.entries(PEOPLE) as [Who, (typeof PEOPLE)[Who]][]) {
    for (const meeting of meetings) {
      if (localDay(meeting.startsAt) === day && attends(who, meeting, day)) {
        attendance.push({ id: `A-${meeting.id}-${person.id}`, meetingId: meeting.id, volunteerId: person.id, status: 'present', source: 'sheet' });
      }
      // Nadia says she cannot come the evening before, always.
      if (who === 'notifier' && localDay(meeting.startsAt) === tomorrow && nadiaMisses(meeting)) {
        notices.push({ id: `N-${meeting.id}`, volunteerId: person.id, kind: 'absence notice', givenAt: evening, meetingId: meeting.id, reason: 'Exams', source: 'sheet' });
      }
    }
    if (logsHoursOn(who, day)) {
      hours.push({ id: `H-${person.id}-${day}`, volunteerId: person.id, day, hours: who === 'lead' ? 4 : 5, category: 'project work', source: 'sheet', loggedAt: evening });
    }
  }
  return { attendance, hours, notices };
}

interface LogLine {
  day: string;
  kind: string;
  who: string;
  status: string;
}

describe('twelve weeks of accountability', () => {
  it('warns, offboards and reintegrates as the rules say, and every day runs twice to the same result', { timeout: 30_000 }, () => {
    const sandbox = newSandbox(new Date(at(FIRST_DAY, '21:00')));
    const { cilId, spreadsheetId } = runOk<{ cilId: string; spreadsheetId: string }>(sandbox, 'setUpCil', [
      { name: 'CIL Lahore', city: 'Lahore', leadEmails: [LEAD_EMAIL], cfpLeadEmail: 'cfp@codeforpakistan.example' },
    ]);
    for (const person of Object.values(PEOPLE)) runOk(sandbox, 'addVolunteer', [{ ...person }, cilId]);
    const meetings = meetingsOfTheQuarter();
    paste(sandbox, spreadsheetId, meetingsTab, meetings);
    runOk(sandbox, 'turnOnSchedule', [cilId]);
    // Google picks the minute within the hour a daily or weekly trigger runs at (the sandbox from its
    // id counter, which setup moves on). On Mondays this scenario has the daily check run before the
    // weekly tasks, so its digests count that morning's steps: the minutes are pinned.
    for (const trigger of sandbox.state.triggers) {
      if (trigger.schedule.kind !== 'everyDays' && trigger.schedule.kind !== 'everyWeeks') continue;
      trigger.schedule.nearMinute = trigger.handler === 'runDailyCheck' ? 10 : 40;
      trigger.nextRunAt = nextRunOf(trigger, sandbox.state.clock, sandbox.state.scriptTimeZone);
    }

    const nameOf = new Map(Object.values(PEOPLE).map((p) => [p.id as string, p.name as string]));
    const workspace = () => ({ spreadsheets: recordsWithoutDashboard(sandbox), outbox: sandbox.state.mail.outbox.length });
    for (let n = 1; n <= DAYS; n++) {
      const day = dayAt(n);
      const ran = sandbox.advance(DAY);
      expect(ran.map((r) => r.error).filter((e) => e !== null), day).toEqual([]);
      // The check again that evening, on the same records, changes nothing. (Before the lead's decisions:
      // a decision changes the records, and the next run rightly acts on it; Asad, reintegrated on the
      // evening of Fri 19 Feb, is expected at the next day's event.)
      const before = workspace();
      runOk(sandbox, 'runDailyCheck');
      expect(workspace(), `a second run on ${day}`).toEqual(before);
      // The lead decides the same evening.
      for (const step of recordsOf(sandbox, spreadsheetId, accountabilityTab).filter((e) => e.status === 'proposed')) {
        if (step.kind === 'offboarding' && step.volunteerId === PEOPLE.drifter.id && day === DISMISSED_ON) {
          runOk(sandbox, 'dismissAction', [step.id, 'Danish phoned: family emergency, he will be back next week', cilId]);
        } else {
          runOk(sandbox, 'approveAction', [step.id, cilId]);
        }
      }
      if (day === APPEAL_DAY) {
        paste(sandbox, spreadsheetId, accountabilityTab, [
          { id: 'a-appeal-asad', volunteerId: PEOPLE.appellant.id, kind: 'appeal', at: at(day, '20:00'), by: LEAD_EMAIL, evidence: 'Asad asked to come back: he commits to the weekly meetup and 5 hours a week.', status: 'approved' },
        ]);
      }
      const evening = recordsOfTheEvening(day, meetings);
      paste(sandbox, spreadsheetId, attendanceTab, evening.attendance);
      paste(sandbox, spreadsheetId, hoursTab, evening.hours);
      paste(sandbox, spreadsheetId, noticesTab, evening.notices);
      submitDeliverables(sandbox, spreadsheetId, day);
    }

    const log: LogLine[] = recordsOf(sandbox, spreadsheetId, accountabilityTab).map((e) => ({
      day: new Date(Date.parse(e.at) + 5 * 3600_000).toISOString().slice(0, 10),
      kind: e.kind,
      who: e.volunteerId === undefined ? 'CIL' : nameOf.get(e.volunteerId)!,
      status: e.status,
    }));
    expect(log).toEqual(EXPECTED_LOG.map(([day, kind, who, status]) => ({ day, kind, who, status })));
    expect(sandbox.state.mail.outbox.map((m) => [m.to.join(', '), m.subject])).toEqual(EXPECTED_OUTBOX);

    // The leads' digest lists the reports due in its week: each added by the Monday run two weeks or a
    // month before, and submitted by Sana that evening.
    const dueThisWeek = (week: string) => {
      const digest = sandbox.state.mail.outbox.find((m) => m.subject.startsWith(`CIL Lahore weekly health, ${week}:`))!;
      return /\nDue this week\n-+\n\n([\s\S]*?)\n\n/.exec(digest.body)?.[1]?.split('\n');
    };
    expect(dueThisWeek('2027-W01')).toEqual(['No deliverable is due this week.']);
    expect(dueThisWeek('2027-W03')).toEqual([
      '- biweekly update "Biweekly update 2027-B01" (d-biweekly-update-2027-B01), Sana Mir, due Monday 18 January 2027: submitted on Monday 4 January 2027',
    ]);
    expect(dueThisWeek('2027-W05')).toEqual([
      '- biweekly update "Biweekly update 2027-B02" (d-biweekly-update-2027-B02), Sana Mir, due Monday 1 February 2027: submitted on Monday 18 January 2027',
      '- monthly progress update "Monthly progress update 2027-01" (d-monthly-progress-update-2027-01), Sana Mir, due Friday 5 February 2027: submitted on Monday 4 January 2027',
    ]);
    // A meeting reminder names its meeting, when, and how to join.
    const reminder = sandbox.state.mail.outbox.find((m) => m.to.includes(PEOPLE.appellant.email) && m.subject.includes('Civic data day'))!;
    expect(reminder.body).toContain('You are expected at the event "Civic data day": Saturday 20 February 2027, 14:00 to 17:00 (GMT+5).');
  });
});


// What the rules imply, day by day (Karachi days; "At" of the row as the lead last left it). Everyone
// joined on Sun 3 Jan, so the grace covers 3–16 Jan: no step before Sun 17 Jan. The steady Bilal, the
// lead Sana (who attends, logs her 4 h and submits each report the day it is added) and Nadia (every
// miss covered by a notice the evening before) get no policy step, not even an hours reminder, since
// they log on Thursdays, before the Friday reminder. No mentor check-in: the CIL's first periods (Q1,
// January) began before its first member and are not judged; February had a CfP call the lead
// attended; the Q1 event is planned/held on 20 Feb; no report is ever overdue; and at most 2 of 5
// tracked members are inactive at once (40% < 50%).
//
// Meeting reminders: the 07:00 run reminds of the meetings starting later that day or the next day,
// so the Wednesday 18:00 meetups on Tuesday, the Saturday CfP calls and the event on Friday. Every
// meeting expects all, so each tracked member (active or warned) out of grace gets one, in roster
// order, after their other reminders of the day. Nadia too: her notice comes the evening before, after
// the reminder. Not an offboarded member (Asad 15–19 Feb, Danish from 11 Mar), none in the grace (the
// meetup of 13 Jan, the call of 9 Jan).
const EXPECTED_LOG: [day: string, kind: string, who: string, status: string][] = [
  // Mon 4 Jan: the first weekly tasks send the lead the W01 digest (everyone still in grace, so none
  // counted) and the CfP lead the digest of the month just ended.
  ['2027-01-04', 'note', 'CIL', 'sent'],
  ['2027-01-04', 'note', 'CIL', 'sent'],
  ['2027-01-11', 'note', 'CIL', 'sent'], // W02 digest
  // Sun 17 Jan, the first day out of grace: Asad has logged nothing in W02, and the Friday reminder
  // could not go during grace, so it goes now (once for the week).
  ['2027-01-17', 'reminder', 'Asad Ali', 'sent'],
  // Mon 18 Jan: no contact at all since joining, 15 days > 14 → inactive → warning 1 proposed,
  // approved by the lead that evening (roster → warned, email sent).
  ['2027-01-18', 'warning', 'Asad Ali', 'sent'],
  ['2027-01-18', 'note', 'CIL', 'sent'], // W03 digest: 1 inactive, 1 waiting (the daily check ran first)
  // Tue 19 Jan: the meetup of Wed 20 Jan, to all five (Asad is warned, still tracked).
  ['2027-01-19', 'reminder', 'Sana Mir', 'sent'],
  ['2027-01-19', 'reminder', 'Bilal Ahmed', 'sent'],
  ['2027-01-19', 'reminder', 'Danish Raza', 'sent'],
  ['2027-01-19', 'reminder', 'Nadia Khan', 'sent'],
  ['2027-01-19', 'reminder', 'Asad Ali', 'sent'],
  ['2027-01-22', 'reminder', 'Asad Ali', 'sent'], // Fri, W03: 0 of 5 h
  ['2027-01-25', 'note', 'CIL', 'sent'], // W04 digest
  // Tue 26 Jan: the meetup of 27 Jan, to all five (Danish, drifting since Monday, is still active).
  ['2027-01-26', 'reminder', 'Sana Mir', 'sent'],
  ['2027-01-26', 'reminder', 'Bilal Ahmed', 'sent'],
  ['2027-01-26', 'reminder', 'Danish Raza', 'sent'],
  ['2027-01-26', 'reminder', 'Nadia Khan', 'sent'],
  ['2027-01-26', 'reminder', 'Asad Ali', 'sent'],
  // Fri 29 Jan: Danish has drifted since Mon 25 Jan: his first hours reminder, with Asad's.
  ['2027-01-29', 'reminder', 'Danish Raza', 'sent'],
  ['2027-01-29', 'reminder', 'Asad Ali', 'sent'],
  // Mon 1 Feb: Asad still inactive 14 days (responseDays) after warning 1 → warning 2.
  ['2027-02-01', 'warning', 'Asad Ali', 'sent'],
  ['2027-02-01', 'note', 'CIL', 'sent'], // W05 digest: Danish at risk (1 miss on 27 Jan), Asad inactive
  ['2027-02-01', 'note', 'CIL', 'sent'], // January's monthly digest to the CfP lead
  // Tue 2 Feb: the meetup of 3 Feb, to all five.
  ['2027-02-02', 'reminder', 'Sana Mir', 'sent'],
  ['2027-02-02', 'reminder', 'Bilal Ahmed', 'sent'],
  ['2027-02-02', 'reminder', 'Danish Raza', 'sent'],
  ['2027-02-02', 'reminder', 'Nadia Khan', 'sent'],
  ['2027-02-02', 'reminder', 'Asad Ali', 'sent'],
  // Thu 4 Feb: Danish missed the meetups of 27 Jan and 3 Feb without notice (judged the day after the
  // second) → 2 consecutive misses → warning 1. (His silence since 21 Jan would only pass 14 days on 5 Feb.)
  ['2027-02-04', 'warning', 'Danish Raza', 'sent'],
  // Fri 5 Feb: the CfP call of Sat 6 Feb, to all five; Danish and Asad get their W05 hours reminder first.
  ['2027-02-05', 'reminder', 'Sana Mir', 'sent'],
  ['2027-02-05', 'reminder', 'Bilal Ahmed', 'sent'],
  ['2027-02-05', 'reminder', 'Danish Raza', 'sent'], // hours, W05
  ['2027-02-05', 'reminder', 'Danish Raza', 'sent'], // the call
  ['2027-02-05', 'reminder', 'Nadia Khan', 'sent'],
  ['2027-02-05', 'reminder', 'Asad Ali', 'sent'], // hours, W05
  ['2027-02-05', 'reminder', 'Asad Ali', 'sent'], // the call
  ['2027-02-08', 'note', 'CIL', 'sent'], // W06 digest
  // Tue 9 Feb: the meetup of 10 Feb, to all five (Danish and Asad warned).
  ['2027-02-09', 'reminder', 'Sana Mir', 'sent'],
  ['2027-02-09', 'reminder', 'Bilal Ahmed', 'sent'],
  ['2027-02-09', 'reminder', 'Danish Raza', 'sent'],
  ['2027-02-09', 'reminder', 'Nadia Khan', 'sent'],
  ['2027-02-09', 'reminder', 'Asad Ali', 'sent'],
  ['2027-02-12', 'reminder', 'Danish Raza', 'sent'], // W06
  ['2027-02-12', 'reminder', 'Asad Ali', 'sent'],
  // Mon 15 Feb: Asad, two warnings, still inactive 14 days after the second → offboarding, approved:
  // roster → offboarded, so no more reminders for him.
  ['2027-02-15', 'offboarding', 'Asad Ali', 'sent'],
  ['2027-02-15', 'note', 'CIL', 'sent'], // W07 digest
  // Tue 16 Feb: the meetup of 17 Feb, to the four still on the active roster.
  ['2027-02-16', 'reminder', 'Sana Mir', 'sent'],
  ['2027-02-16', 'reminder', 'Bilal Ahmed', 'sent'],
  ['2027-02-16', 'reminder', 'Danish Raza', 'sent'],
  ['2027-02-16', 'reminder', 'Nadia Khan', 'sent'],
  ['2027-02-16', 'appeal', 'Asad Ali', 'approved'], // the lead records Asad's appeal that evening
  // Thu 18 Feb: Danish still inactive 14 days after warning 1 → warning 2.
  ['2027-02-18', 'warning', 'Danish Raza', 'sent'],
  // Fri 19 Feb: the event of Sat 20 Feb, to the four (Danish after his W07 hours reminder). Since the
  // appeal Asad attended the meetup of 17 Feb (1 meeting) and logged 5 h on 18 Feb (one week's
  // commitment) → the terms are met → reintegration, approved that evening, and its letter sent.
  ['2027-02-19', 'reminder', 'Sana Mir', 'sent'],
  ['2027-02-19', 'reminder', 'Bilal Ahmed', 'sent'],
  ['2027-02-19', 'reminder', 'Danish Raza', 'sent'], // hours, W07
  ['2027-02-19', 'reminder', 'Danish Raza', 'sent'], // the event
  ['2027-02-19', 'reminder', 'Nadia Khan', 'sent'],
  ['2027-02-19', 'reintegration', 'Asad Ali', 'sent'],
  // Sat 20 Feb: Asad is back on the roster and the event starts at 14:00, after the 07:00 run: his
  // reminder goes the same day.
  ['2027-02-20', 'reminder', 'Asad Ali', 'sent'],
  ['2027-02-22', 'note', 'CIL', 'sent'], // W08 digest
  // Tue 23 Feb: the meetup of 24 Feb, to all five.
  ['2027-02-23', 'reminder', 'Sana Mir', 'sent'],
  ['2027-02-23', 'reminder', 'Bilal Ahmed', 'sent'],
  ['2027-02-23', 'reminder', 'Danish Raza', 'sent'],
  ['2027-02-23', 'reminder', 'Nadia Khan', 'sent'],
  ['2027-02-23', 'reminder', 'Asad Ali', 'sent'],
  ['2027-02-26', 'reminder', 'Danish Raza', 'sent'], // W08
  ['2027-03-01', 'note', 'CIL', 'sent'], // W09 digest
  ['2027-03-01', 'note', 'CIL', 'sent'], // February's monthly digest
  // Tue 2 Mar: the meetup of 3 Mar, to all five.
  ['2027-03-02', 'reminder', 'Sana Mir', 'sent'],
  ['2027-03-02', 'reminder', 'Bilal Ahmed', 'sent'],
  ['2027-03-02', 'reminder', 'Danish Raza', 'sent'],
  ['2027-03-02', 'reminder', 'Nadia Khan', 'sent'],
  ['2027-03-02', 'reminder', 'Asad Ali', 'sent'],
  // Thu 4 Mar: Danish still inactive 14 days after warning 2 → offboarding proposed; the lead dismisses
  // it with a reason. It is never proposed again: its evidence is settled.
  ['2027-03-04', 'offboarding', 'Danish Raza', 'dismissed'],
  // Fri 5 Mar: the CfP call of Sat 6 Mar, to all five; Danish, still warned and not offboarded, also
  // gets his W09 hours reminder.
  ['2027-03-05', 'reminder', 'Sana Mir', 'sent'],
  ['2027-03-05', 'reminder', 'Bilal Ahmed', 'sent'],
  ['2027-03-05', 'reminder', 'Danish Raza', 'sent'], // hours, W09
  ['2027-03-05', 'reminder', 'Danish Raza', 'sent'], // the call
  ['2027-03-05', 'reminder', 'Nadia Khan', 'sent'],
  ['2027-03-05', 'reminder', 'Asad Ali', 'sent'],
  ['2027-03-08', 'note', 'CIL', 'sent'], // W10 digest: Danish at risk again (missed the 6 Mar call)
  // Tue 9 Mar: the meetup of 10 Mar, to all five.
  ['2027-03-09', 'reminder', 'Sana Mir', 'sent'],
  ['2027-03-09', 'reminder', 'Bilal Ahmed', 'sent'],
  ['2027-03-09', 'reminder', 'Danish Raza', 'sent'],
  ['2027-03-09', 'reminder', 'Nadia Khan', 'sent'],
  ['2027-03-09', 'reminder', 'Asad Ali', 'sent'],
  // Thu 11 Mar: new evidence after the dismissal — the CfP call of 6 Mar and the meetup of 10 Mar
  // missed without notice. Both warnings still count (< 90 days) and this inactivity began after the
  // last one, so the offboarding comes at once, under a new check key. Approved.
  ['2027-03-11', 'offboarding', 'Danish Raza', 'sent'],
  ['2027-03-15', 'note', 'CIL', 'sent'], // W11 digest
  // Tue 16 Mar: the meetup of 17 Mar, to the four left (Danish is offboarded).
  ['2027-03-16', 'reminder', 'Sana Mir', 'sent'],
  ['2027-03-16', 'reminder', 'Bilal Ahmed', 'sent'],
  ['2027-03-16', 'reminder', 'Nadia Khan', 'sent'],
  ['2027-03-16', 'reminder', 'Asad Ali', 'sent'],
  ['2027-03-22', 'note', 'CIL', 'sent'], // W12 digest
  // Tue 23 Mar: the meetup of 24 Mar, to the four.
  ['2027-03-23', 'reminder', 'Sana Mir', 'sent'],
  ['2027-03-23', 'reminder', 'Bilal Ahmed', 'sent'],
  ['2027-03-23', 'reminder', 'Nadia Khan', 'sent'],
  ['2027-03-23', 'reminder', 'Asad Ali', 'sent'],
];

const LEAD = LEAD_EMAIL;
const CFP = 'cfp@codeforpakistan.example';
const HOURS = 'CIL Lahore: 0 hours of 5 hours logged this week';
const digest = (week: string, atRisk: number, inactive: number, waiting: number) =>
  [LEAD, `CIL Lahore weekly health, ${week}: ${atRisk} at risk, ${inactive} inactive, ${waiting} waiting for you`] as const;
const EVERYONE = [LEAD, 'bilal@example.org', 'danish@example.org', 'nadia@example.org', 'asad@example.org'];
/** The reminders of one meeting, to each address in turn. */
const reminded = (to: readonly string[], subject: string) => to.map((address) => [address, subject] as const);
const meetup = (day: string, weekday: string) => `Reminder: CIL meetup "Meetup ${day}", ${weekday}`;
const call = (day: string, weekday: string) => `Reminder: monthly CfP call "CfP call ${day}", ${weekday}`;

/**
 * The emails of the steps above, as they went: the 07:00 run's in the order of its rows, then the
 * Monday digests, then the letters of the steps the lead approved that evening.
 */
const EXPECTED_OUTBOX: (readonly [to: string, subject: string])[] = [
  digest('2027-W01', 0, 0, 0),
  [CFP, 'CIL Lahore monthly digest, 2026-12'],
  digest('2027-W02', 0, 0, 0),
  ['asad@example.org', HOURS],
  digest('2027-W03', 0, 1, 1),
  ['asad@example.org', 'Formal warning 1 of 2: inactivity in CIL Lahore'],
  ...reminded(EVERYONE, meetup('2027-01-20', 'Wednesday 20 January 2027')),
  ['asad@example.org', HOURS],
  digest('2027-W04', 0, 1, 0),
  ...reminded(EVERYONE, meetup('2027-01-27', 'Wednesday 27 January 2027')),
  ['danish@example.org', HOURS],
  ['asad@example.org', HOURS],
  digest('2027-W05', 1, 1, 1),
  [CFP, 'CIL Lahore monthly digest, 2027-01'],
  ['asad@example.org', 'Formal warning 2 of 2: inactivity in CIL Lahore'],
  ...reminded(EVERYONE, meetup('2027-02-03', 'Wednesday 3 February 2027')),
  ['danish@example.org', 'Formal warning 1 of 2: inactivity in CIL Lahore'],
  ...reminded([LEAD, 'bilal@example.org'], call('2027-02-06', 'Saturday 6 February 2027')),
  ['danish@example.org', HOURS],
  ['danish@example.org', call('2027-02-06', 'Saturday 6 February 2027')],
  ['nadia@example.org', call('2027-02-06', 'Saturday 6 February 2027')],
  ['asad@example.org', HOURS],
  ['asad@example.org', call('2027-02-06', 'Saturday 6 February 2027')],
  digest('2027-W06', 0, 2, 0),
  ...reminded(EVERYONE, meetup('2027-02-10', 'Wednesday 10 February 2027')),
  ['danish@example.org', HOURS],
  ['asad@example.org', HOURS],
  digest('2027-W07', 0, 2, 1),
  [`asad@example.org, ${LEAD}`, 'Offboarding from CIL Lahore: Asad Ali'],
  ...reminded(EVERYONE.slice(0, 4), meetup('2027-02-17', 'Wednesday 17 February 2027')),
  ['danish@example.org', 'Formal warning 2 of 2: inactivity in CIL Lahore'],
  ...reminded([LEAD, 'bilal@example.org'], 'Reminder: event "Civic data day", Saturday 20 February 2027'),
  ['danish@example.org', HOURS],
  ...reminded(['danish@example.org', 'nadia@example.org'], 'Reminder: event "Civic data day", Saturday 20 February 2027'),
  [`asad@example.org, ${LEAD}`, 'Welcome back to CIL Lahore, Asad Ali'],
  ['asad@example.org', 'Reminder: event "Civic data day", Saturday 20 February 2027'],
  digest('2027-W08', 0, 1, 0),
  ...reminded(EVERYONE, meetup('2027-02-24', 'Wednesday 24 February 2027')),
  ['danish@example.org', HOURS],
  digest('2027-W09', 0, 1, 0),
  [CFP, 'CIL Lahore monthly digest, 2027-02'],
  ...reminded(EVERYONE, meetup('2027-03-03', 'Wednesday 3 March 2027')),
  ...reminded([LEAD, 'bilal@example.org'], call('2027-03-06', 'Saturday 6 March 2027')),
  ['danish@example.org', HOURS],
  ...reminded(['danish@example.org', 'nadia@example.org', 'asad@example.org'], call('2027-03-06', 'Saturday 6 March 2027')),
  digest('2027-W10', 1, 0, 0),
  ...reminded(EVERYONE, meetup('2027-03-10', 'Wednesday 10 March 2027')),
  [`danish@example.org, ${LEAD}`, 'Offboarding from CIL Lahore: Danish Raza'],
  digest('2027-W11', 0, 0, 0),
  ...reminded([LEAD, 'bilal@example.org', 'nadia@example.org', 'asad@example.org'], meetup('2027-03-17', 'Wednesday 17 March 2027')),
  digest('2027-W12', 0, 0, 0),
  ...reminded([LEAD, 'bilal@example.org', 'nadia@example.org', 'asad@example.org'], meetup('2027-03-24', 'Wednesday 24 March 2027')),
];
