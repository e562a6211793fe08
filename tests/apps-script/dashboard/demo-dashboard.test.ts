import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateCil } from '../../../shared/accountability';
import { accountabilityTab } from '../../../shared/records/accountability';
import { attendanceTab } from '../../../shared/records/attendance';
import { citizensTab, type Citizen } from '../../../shared/records/citizen';
import { deliverablesTab } from '../../../shared/records/deliverable';
import { hoursTab } from '../../../shared/records/hours';
import { meetingsTab, type Meeting } from '../../../shared/records/meeting';
import { noticesTab } from '../../../shared/records/notice';
import { projectsTab } from '../../../shared/records/project';
import { readSettings } from '../../../shared/records/settings';
import { storiesTab, type Story } from '../../../shared/records/story';
import { LEAD_ROLES, type Volunteer } from '../../../shared/records/volunteer';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import { dayOf } from '../../../shared/time/zone';
import { sheetState } from '../as-lead';
import { runOk } from '../built-bundle';
import { recordsOf, rosterOf, setUpDemo, TIME_ZONE, type Demo } from '../daily-run-fixture';
import { block, table, typeRows } from './dashboard-fixture';

// The demo CIL's Dashboard against its records: every figure checked here is worked out again in the
// test, from the rows in the workspace, in the plainest way the demo's data allows (its Meet sessions
// all run well past the minimum minutes, so a "present" row is presence). Standings are the rules
// engine's, so the engine is asked for them.

const NOW = new Date('2026-11-27T05:00:00Z');
const TODAY: CalendarDay = '2026-11-27';
const QUARTER = { first: '2026-10-01', last: '2026-12-31' } as const;
const THIS_WEEK = { first: '2026-11-23', last: '2026-11-29' } as const;
const MONDAYS = Array.from({ length: 8 }, (_, i) => addDays('2026-10-05', 7 * i));
const inQuarter = (day: string) => day >= QUARTER.first && day <= QUARTER.last;

const stories: Story[] = [
  { id: 's-1', kind: 'blog post', title: 'What commuters told us', publishedOn: '2026-10-20', views: 340 },
  { id: 's-2', kind: 'social media', title: 'Open house photos', publishedOn: '2026-11-02', views: 1200, reactions: 85, shares: 14 },
  { id: 's-3', kind: 'blog post', title: 'A year of CIL Demo', publishedOn: '2026-09-15', views: 900 },
];
const citizens: Citizen[] = [
  { id: 'c-1', name: 'Rashid Mehmood', contact: 'rashid@example.org', consentGivenOn: '2026-05-10', consentText: 'Contact me about civic projects.' },
  { id: 'c-2', name: 'Saima Noor', contact: '+92 300 1234567', consentGivenOn: '2026-10-24', consentText: 'Contact me about civic projects.' },
  { id: 'c-3', name: 'Kamran Ali', contact: 'kamran@example.org', consentGivenOn: '2026-10-24', consentText: 'Contact me.', consentWithdrawnOn: '2026-11-10' },
];

let demo: Demo;
let roster: Volunteer[];
let refreshed: { headline: Record<string, unknown>; atRisk: number; review: { quarter: string; met: number; behind: number } };

beforeAll(() => {
  demo = setUpDemo(NOW);
  typeRows(demo, storiesTab, stories);
  typeRows(demo, citizensTab, citizens);
  refreshed = runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
  roster = rosterOf(demo);
});

const members = () => roster.filter((v) => v.status === 'active' || v.status === 'warned' || v.status === 'on leave');
const commitmentOf = (v: Volunteer) => v.weeklyCommitmentHours ?? (LEAD_ROLES.includes(v.role) ? 4 : 5);
const hoursSeen = () => recordsOf(demo.sandbox, demo.spreadsheetId, hoursTab).filter((h) => Date.parse(h.loggedAt) <= NOW.getTime() && h.day <= TODAY);
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
const dayOfMeeting = (m: Meeting) => dayOf(new Date(m.startsAt), TIME_ZONE);
function settingsOf(demo: Demo) {
  const read = readSettings(sheetState(demo.sandbox, demo.spreadsheetId, 'Settings').values);
  if (!read.ok) throw new Error(read.message);
  return read.settings;
}
const heldMeetings = () => recordsOf(demo.sandbox, demo.spreadsheetId, meetingsTab).filter((m) => Date.parse(m.endsAt) <= NOW.getTime());

describe("the demo CIL's Dashboard", () => {
  it('shows the headline figures the records give', () => {
    const hours = hoursSeen();
    const evaluation = evaluateCil({
      volunteers: roster,
      meetings: recordsOf(demo.sandbox, demo.spreadsheetId, meetingsTab),
      attendance: recordsOf(demo.sandbox, demo.spreadsheetId, attendanceTab),
      notices: recordsOf(demo.sandbox, demo.spreadsheetId, noticesTab),
      hours: recordsOf(demo.sandbox, demo.spreadsheetId, hoursTab),
      deliverables: recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab),
      projects: recordsOf(demo.sandbox, demo.spreadsheetId, projectsTab),
      log: recordsOf(demo.sandbox, demo.spreadsheetId, accountabilityTab),
      today: TODAY,
      now: NOW.toISOString() as never,
      settings: settingsOf(demo),
    });
    const expected = {
      Volunteers: roster.length,
      'Active members': evaluation.cil.counts.active,
      'New this quarter': roster.filter((v) => inQuarter(v.joinedOn) && v.joinedOn <= TODAY).length,
      'At risk': evaluation.cil.counts.atRisk,
      Inactive: evaluation.cil.counts.inactive,
      'On leave': evaluation.cil.counts.onLeave,
      'Hours this week': sum(hours.filter((h) => h.day >= THIS_WEEK.first).map((h) => h.hours)),
      'Hours this quarter': sum(hours.filter((h) => inQuarter(h.day)).map((h) => h.hours)),
      'Events this quarter': heldMeetings().filter((m) => m.kind === 'event' && inQuarter(dayOfMeeting(m))).length,
    };
    expect(table(demo, 'At a glance')[0]).toEqual(expected);
    expect(expected['Hours this quarter']).toBeGreaterThan(100);
    expect(expected['Events this quarter']).toBe(1);
    expect(refreshed.headline).toMatchObject({ volunteers: expected.Volunteers, hoursThisQuarter: expected['Hours this quarter'] });

    const listed = evaluation.volunteers.filter((a) => a.standing !== 'active' && (a.rosterStatus === 'active' || a.rosterStatus === 'warned'));
    expect(table(demo, 'At risk').map((row) => [row.Name, row.Standing, row.Why])).toEqual(
      [...listed].sort((a, b) => (a.standing === b.standing ? 0 : a.standing === 'inactive' ? -1 : 1)).map((a) => [a.name, a.standing, a.reasons.map((r) => r.summary).join(' ')]),
    );
    expect(listed.map((a) => a.name)).toEqual(['Omar Farooq', 'Ali Hassan']);
    expect(refreshed.atRisk).toBe(2);
  });

  it("shows each member's hours in each of the last eight weeks, with everyone's total and the commitment", () => {
    const hours = hoursSeen();
    const weekOfDay = (day: string) => MONDAYS.findIndex((monday) => day >= monday && day <= addDays(monday, 6));
    const perWeek = (filter: (volunteerId: string) => boolean) =>
      MONDAYS.map((_, w) => sum(hours.filter((h) => filter(h.volunteerId) && weekOfDay(h.day) === w).map((h) => h.hours)));
    const rows = block(demo, 'Hours a week against commitment');
    expect(rows[0]).toEqual(['Name', 'Role', 'Status', 'Commitment (h)', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', 'Average', 'Weeks met']);
    const shown = members();
    expect(rows.slice(1, -2).map((row) => row.slice(0, 12))).toEqual(
      shown.map((v) => [v.name, v.role, v.status, commitmentOf(v), ...perWeek((id) => id === v.id)]),
    );
    expect(rows.at(-2)!.slice(4)).toEqual(perWeek(() => true));
    const committed = MONDAYS.map((monday) => sum(roster.filter((v) => (v.status === 'active' || v.status === 'warned') && v.joinedOn <= addDays(monday, 6)).map(commitmentOf)));
    expect(rows.at(-1)!.slice(4)).toEqual(committed);
  });

  it('shows attendance at calls and meetups, notice-given absences apart', () => {
    const attendance = recordsOf(demo.sandbox, demo.spreadsheetId, attendanceTab);
    const statusOf = (meetingId: string, volunteerId: string) => attendance.find((a) => a.meetingId === meetingId && a.volunteerId === volunteerId)?.status;
    const tally = (kind: Meeting['kind']) => {
      const counts = { Expected: 0, Present: 0, 'Absent with notice': 0, Absent: 0 };
      for (const m of heldMeetings().filter((m) => m.kind === kind && dayOfMeeting(m) >= MONDAYS[0]!)) {
        for (const v of members()) {
          if (v.joinedOn > dayOfMeeting(m) || (m.expectedAttendees === 'leads' && !LEAD_ROLES.includes(v.role))) continue;
          counts.Expected++;
          const status = statusOf(m.id, v.id);
          if (status === 'present') counts.Present++;
          else if (status === 'absent with notice') counts['Absent with notice']++;
          else counts.Absent++;
        }
      }
      return { ...counts, Attendance: Math.round((counts.Present / counts.Expected) * 100) / 100 };
    };
    const byKind = table(demo, 'Attendance by kind of meeting');
    expect(byKind.find((row) => row['Meeting kind'] === 'CIL meetups')).toEqual({ 'Meeting kind': 'CIL meetups', ...tally('CIL meetup') });
    expect(byKind.find((row) => row['Meeting kind'] === 'Monthly CfP calls')).toEqual({ 'Meeting kind': 'Monthly CfP calls', ...tally('monthly CfP call') });
    expect(tally('CIL meetup')['Absent with notice']).toBeGreaterThan(0);
    expect(tally('CIL meetup').Absent).toBeGreaterThan(0);
  });

  it("shows the quarter's meetings and reports", () => {
    const held = heldMeetings().filter((m) => inQuarter(dayOfMeeting(m)));
    const planned = recordsOf(demo.sandbox, demo.spreadsheetId, meetingsTab).filter((m) => Date.parse(m.endsAt) > NOW.getTime() && inQuarter(dayOfMeeting(m)));
    const count = (list: Meeting[], kind: Meeting['kind']) => list.filter((m) => m.kind === kind).length;
    expect(block(demo, 'This quarter: 2026-Q4').slice(1, 4).map((row) => row.slice(0, 3))).toEqual([
      ['Events', count(held, 'event'), count(planned, 'event')],
      ['CIL meetups', count(held, 'CIL meetup'), count(planned, 'CIL meetup')],
      ['Monthly CfP calls', count(held, 'monthly CfP call'), count(planned, 'monthly CfP call')],
    ]);

    const due = recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab).filter((d) => inQuarter(d.dueOn) && d.status !== 'waived');
    const submitted = (d: (typeof due)[number]) => d.submittedOn !== undefined && d.submittedOn <= TODAY;
    const onTime = due.filter((d) => submitted(d) && d.submittedOn! <= d.dueOn).length;
    const late = due.filter((d) => submitted(d) && d.submittedOn! > d.dueOn).length;
    const overdue = due.filter((d) => !submitted(d) && d.dueOn < TODAY).length;
    expect(table(demo, 'Reports due this quarter')[0]).toEqual({
      'Due so far': onTime + late + overdue,
      'On time': onTime,
      Late: late,
      Overdue: overdue,
      'Due later': due.filter((d) => !submitted(d) && d.dueOn >= TODAY).length,
      'On time (%)': Math.round((onTime / (onTime + late + overdue)) * 100) / 100,
    });
    expect(late).toBe(1);
  });

  it('reviews the quarter against the targets in Settings', () => {
    const review = table(demo, 'Quarterly review 2026-Q4');
    const hours = sum(hoursSeen().filter((h) => inQuarter(h.day)).map((h) => h.hours));
    const target = 13 * sum(roster.filter((v) => v.status === 'active' || v.status === 'warned').map(commitmentOf));
    expect(review.find((row) => row['Key result'] === 'Hours logged')).toMatchObject({ Actual: hours, Target: target, Status: hours >= target ? 'met' : 'behind' });
    expect(review.find((row) => row['Key result'] === 'Events held')).toMatchObject({ Actual: 1, Target: 1, Status: 'met' });
    expect(review.find((row) => row['Key result'] === 'Stories published')).toMatchObject({ Actual: 2, Target: 3, Status: 'behind', '2026-Q3': 1, Trend: '▲ up' });
    expect(review.map((row) => row.Status).filter((s) => s === 'met').length).toBe(refreshed.review.met);
  });

  it("shows every role's metrics", () => {
    const metrics = Object.fromEntries(table(demo, 'Role metrics').map((row) => [`${row.Role}: ${row.Metric}`, row.Value]));
    const projects = recordsOf(demo.sandbox, demo.spreadsheetId, projectsTab);
    expect(metrics).toMatchObject({
      'Organizer: Active projects with partners': projects.filter((p) => p.status === 'active' && p.partner !== undefined).length,
      'Organizer: Completed projects': projects.filter((p) => p.status === 'completed').length,
      'Organizer: Impact stories': projects.filter((p) => p.impactStory !== undefined).length,
      'Manager: Partners': new Set(projects.map((p) => p.partner)).size,
      'Delivery lead: Active projects': projects.filter((p) => p.status === 'active').length,
      'Community organizer: Active citizens (consent given)': 2,
      'Community organizer: New active citizens this quarter': 1,
      'Storyteller: Blog posts this quarter': 1,
      'Storyteller: Social media posts this quarter': 1,
      'Storyteller: Views, reactions, shares': '1540 views, 85 reactions, 14 shares',
    });
    const byRole = table(demo, 'Every role: hours a week against commitment');
    expect(byRole.map((row) => [row.Role, row.Members])).toEqual(
      ['organizer', 'manager', 'delivery lead', 'community organizer', 'storyteller', 'member'].map((role) => [role, roster.filter((v) => v.role === role && (v.status === 'active' || v.status === 'warned')).length]),
    );
  });
});
