import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateCil } from '../../../shared/accountability';
import { accountabilityTab } from '../../../shared/records/accountability';
import { attendanceTab, type Attendance } from '../../../shared/records/attendance';
import { citizensTab, type Citizen } from '../../../shared/records/citizen';
import { deliverablesTab, type Deliverable } from '../../../shared/records/deliverable';
import { hoursTab } from '../../../shared/records/hours';
import { meetingsTab, type Meeting } from '../../../shared/records/meeting';
import { noticesTab } from '../../../shared/records/notice';
import { projectsTab, type Project } from '../../../shared/records/project';
import { readSettings } from '../../../shared/records/settings';
import { storiesTab, type Story } from '../../../shared/records/story';
import { LEAD_ROLES, type Volunteer } from '../../../shared/records/volunteer';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import { dayOf } from '../../../shared/time/zone';
import { toText } from '../../../sandbox/src/ui/html';
import { spreadsheetPage } from '../../../sandbox/src/ui/pages';
import { sheetState } from '../as-lead';
import { runOk } from '../built-bundle';
import { recordsOf, rosterOf, setUpDemo, TIME_ZONE, type Demo } from '../daily-run-fixture';
import { block, dashboardSheet, rowOf, table, typeRows } from './dashboard-fixture';

// The demo CIL's Dashboard against its records: every figure checked here is worked out again in the
// test, from the rows in the workspace, the plainest way the Dashboard's own definitions allow (each
// written out below), never read back from the code's output. Its Meet sessions all run well past the
// minimum minutes (checked), so a "present" row is presence. Standings are the rules engine's, so the
// engine is asked for them. A few rows are added to the demo's own to make the edge cases count: a
// dropped project, one without a partner, a redeployed one whose partner is another's spelt
// differently; a story of the last quarter and one not out yet; a citizen who withdrew consent.

const NOW = new Date('2026-11-27T05:00:00Z');
const TODAY: CalendarDay = '2026-11-27';
type Span = { first: CalendarDay; last: CalendarDay };
const QUARTER: Span = { first: '2026-10-01', last: '2026-12-31' };
const PREVIOUS: Span = { first: '2026-07-01', last: '2026-09-30' };
const THIS_WEEK: Span = { first: '2026-11-23', last: '2026-11-29' };
const MONDAYS = Array.from({ length: 8 }, (_, i) => addDays('2026-10-05', 7 * i));
const inSpan = (span: Span, day: string) => day >= span.first && day <= span.last;
const inQuarter = (day: string) => inSpan(QUARTER, day);

const extraProjects: Project[] = [
  { id: 'p-dropped', name: 'Old survey', status: 'dropped', partner: 'A partner who left', redeployments: 0 },
  { id: 'p-idea', name: 'Side idea', status: 'discovery', redeployments: 0 },
  { id: 'p-stops', name: 'Bus stop finder', status: 'redeployed', partner: "  lahore  COMMUTERS' forum ", impactStory: 'Now runs in Multan too.', redeployments: 0 },
];
const extraStories: Story[] = [
  { id: 's-x-1', kind: 'blog post', title: 'A summer of hack nights', publishedOn: '2026-08-20', views: 500 },
  { id: 's-x-2', kind: 'press mention', title: 'Coming in December', outlet: 'Dawn', publishedOn: '2026-12-05' },
];
const extraCitizens: Citizen[] = [
  { id: 'c-x-1', name: 'Kamran Ali', contact: 'kamran@example.org', consentGivenOn: '2026-10-24', consentText: 'Contact me.', consentWithdrawnOn: '2026-11-10' },
];

let demo: Demo;
let roster: Volunteer[];
let refreshed: { headline: Record<string, unknown>; atRisk: number; review: { quarter: string; met: number; behind: number } };

beforeAll(() => {
  demo = setUpDemo(NOW);
  typeRows(demo, projectsTab, extraProjects);
  typeRows(demo, storiesTab, extraStories);
  typeRows(demo, citizensTab, extraCitizens);
  refreshed = runOk(demo.sandbox, 'refreshDashboard', [demo.cilId]);
  roster = rosterOf(demo);
});

const rows = <T>(tab: Parameters<typeof recordsOf>[2]) => recordsOf(demo.sandbox, demo.spreadsheetId, tab) as T[];
function settingsOf() {
  const read = readSettings(sheetState(demo.sandbox, demo.spreadsheetId, 'Settings').values);
  if (!read.ok) throw new Error(read.message);
  return read.settings;
}
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

// The definitions the Dashboard states, written out plainly.
/** On the roster now: active, warned or on leave. */
const members = () => roster.filter((v) => v.status === 'active' || v.status === 'warned' || v.status === 'on leave');
/** Expected to put in their hours: active or warned. */
const expected = () => roster.filter((v) => v.status === 'active' || v.status === 'warned');
const commitmentOf = (v: Volunteer) => v.weeklyCommitmentHours ?? (LEAD_ROLES.includes(v.role) ? 4 : 5);
/** Hours count once logged, for the day worked, up to today. */
const hoursSeen = () => rows<{ volunteerId: string; day: string; hours: number; loggedAt: string }>(hoursTab).filter((h) => Date.parse(h.loggedAt) <= NOW.getTime() && h.day <= TODAY);
const dayOfMeeting = (m: Meeting) => dayOf(new Date(m.startsAt), TIME_ZONE);
const meetings = () => rows<Meeting>(meetingsTab);
/** Held: over by now. */
const held = (m: Meeting) => Date.parse(m.endsAt) <= NOW.getTime();
const attendance = () => rows<Attendance>(attendanceTab);
const presentAt = (m: Meeting) => attendance().filter((a) => a.meetingId === m.id && a.status === 'present').map((a) => a.volunteerId);
const isLead = (id: string) => {
  const v = roster.find((candidate) => candidate.id === id);
  return v !== undefined && LEAD_ROLES.includes(v.role) && v.status !== 'offboarded' && v.status !== 'alumni';
};
/** A deliverable counts for a quarter once it is due (on time, late, or overdue); waived ones never. */
function reportsDue(span: Span) {
  const submitted = (d: Deliverable) => d.submittedOn !== undefined && d.submittedOn <= TODAY;
  const due = rows<Deliverable>(deliverablesTab).filter((d) => inSpan(span, d.dueOn) && d.status !== 'waived');
  const onTime = due.filter((d) => submitted(d) && d.submittedOn! <= d.dueOn).length;
  const late = due.filter((d) => submitted(d) && d.submittedOn! > d.dueOn).length;
  const overdue = due.filter((d) => !submitted(d) && d.dueOn < TODAY).length;
  return { due, onTime, late, overdue, later: due.filter((d) => !submitted(d) && d.dueOn >= TODAY).length };
}

/** A quarter's key results, each from the rows. */
function keyResults(span: Span) {
  const heldIn = (kind: Meeting['kind']) => meetings().filter((m) => m.kind === kind && held(m) && inSpan(span, dayOfMeeting(m)));
  const hours = hoursSeen().filter((h) => inSpan(span, h.day));
  const active = new Set([...hours.map((h) => h.volunteerId), ...meetings().filter((m) => held(m) && inSpan(span, dayOfMeeting(m))).flatMap(presentAt)]);
  const reports = reportsDue(span);
  return {
    'Events held': heldIn('event').length,
    'CIL meetups held': heldIn('CIL meetup').length,
    'Monthly CfP calls a lead attended': heldIn('monthly CfP call').filter((m) => presentAt(m).some(isLead)).length,
    'Active members (hours or a meeting)': active.size,
    'New members': roster.filter((v) => inSpan(span, v.joinedOn) && v.joinedOn <= TODAY).length,
    'Hours logged': sum(hours.map((h) => h.hours)),
    'Reports submitted on time': reports.due.length === reports.later ? 1 : Math.round((100 * reports.onTime) / (reports.onTime + reports.late + reports.overdue)) / 100,
    'Stories published': rows<Story>(storiesTab).filter((s) => s.publishedOn <= TODAY && inSpan(span, s.publishedOn)).length,
  };
}

describe("the demo CIL's Dashboard", () => {
  it('has only Meet sessions long enough to count, so a "present" row is presence', () => {
    const minimum = settingsOf().minimumMinutesPresent;
    const short = attendance().filter((a) => a.status === 'present' && a.minutes !== undefined && a.minutes < minimum);
    expect(short).toEqual([]);
    expect(attendance().filter((a) => a.meetingId === undefined)).toEqual([]);
  });

  it('shows the headline figures the records give', () => {
    const hours = hoursSeen();
    const evaluation = evaluateCil({
      volunteers: roster,
      meetings: meetings(),
      attendance: attendance(),
      notices: rows(noticesTab),
      hours: rows(hoursTab),
      deliverables: rows(deliverablesTab),
      projects: rows(projectsTab),
      log: rows(accountabilityTab),
      today: TODAY,
      now: NOW.toISOString() as never,
      settings: settingsOf(),
    });
    const memberIds = new Set(members().map((v) => v.id));
    const glance = {
      Volunteers: roster.length,
      'Active members': evaluation.cil.counts.active,
      'New this quarter': roster.filter((v) => inQuarter(v.joinedOn) && v.joinedOn <= TODAY).length,
      'At risk': evaluation.cil.counts.atRisk,
      Inactive: evaluation.cil.counts.inactive,
      'On leave': evaluation.cil.counts.onLeave,
      'Hours this week': sum(hours.filter((h) => inSpan(THIS_WEEK, h.day) && memberIds.has(h.volunteerId)).map((h) => h.hours)),
      'Committed this week': sum(expected().filter((v) => v.joinedOn <= THIS_WEEK.last).map(commitmentOf)),
      'Hours this quarter': sum(hours.filter((h) => inQuarter(h.day)).map((h) => h.hours)),
      'Events this quarter': meetings().filter((m) => m.kind === 'event' && held(m) && inQuarter(dayOfMeeting(m))).length,
    };
    expect(table(demo, 'At a glance')[0]).toEqual(glance);
    expect(glance['Hours this quarter']).toBeGreaterThan(100);
    expect(glance['Events this quarter']).toBe(1);
    expect(refreshed.headline).toMatchObject({ volunteers: glance.Volunteers, hoursThisQuarter: glance['Hours this quarter'] });

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
    const shown = block(demo, 'Hours a week against commitment');
    expect(shown[0]).toEqual(['Name', 'Role', 'Status', 'Commitment (h)', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', 'Average', 'Weeks met']);
    expect(shown.slice(1, -2).map((row) => row.slice(0, 12))).toEqual(members().map((v) => [v.name, v.role, v.status, commitmentOf(v), ...perWeek((id) => id === v.id)]));
    expect(shown.at(-2)!.slice(4)).toEqual(perWeek(() => true));
    const committed = MONDAYS.map((monday) => sum(expected().filter((v) => v.joinedOn <= addDays(monday, 6)).map(commitmentOf)));
    expect(shown.at(-1)!.slice(4)).toEqual(committed);
  });

  it('shows attendance at calls and meetups, notice-given absences apart', () => {
    const statusOf = (meetingId: string, volunteerId: string) => attendance().find((a) => a.meetingId === meetingId && a.volunteerId === volunteerId)?.status;
    const tally = (kind: Meeting['kind']) => {
      const counts = { Expected: 0, Present: 0, 'Absent with notice': 0, Absent: 0 };
      for (const m of meetings().filter((m) => m.kind === kind && held(m) && dayOfMeeting(m) >= MONDAYS[0]!)) {
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
    const quarter = meetings().filter((m) => inQuarter(dayOfMeeting(m)));
    const count = (kind: Meeting['kind'], isHeld: boolean) => quarter.filter((m) => m.kind === kind && held(m) === isHeld).length;
    expect(block(demo, 'This quarter: 2026-Q4').slice(1, 4).map((row) => row.slice(0, 3))).toEqual([
      ['Events', count('event', true), count('event', false)],
      ['CIL meetups', count('CIL meetup', true), count('CIL meetup', false)],
      ['Monthly CfP calls', count('monthly CfP call', true), count('monthly CfP call', false)],
    ]);

    const { onTime, late, overdue, later } = reportsDue(QUARTER);
    expect(table(demo, 'Reports due this quarter')[0]).toEqual({
      'Due so far': onTime + late + overdue,
      'On time': onTime,
      Late: late,
      Overdue: overdue,
      'Due later': later,
      'On time (%)': Math.round((onTime / (onTime + late + overdue)) * 100) / 100,
    });
    expect(late).toBe(1);
  });

  it('reviews the quarter against the targets in Settings, every key result from the rows', () => {
    const settings = settingsOf();
    const targets: Record<string, number> = {
      'Events held': settings.targetEvents,
      'CIL meetups held': settings.targetMeetups,
      'Monthly CfP calls a lead attended': settings.targetCfpCalls,
      'Active members (hours or a meeting)': settings.targetActiveMembers,
      'New members': settings.targetNewMembers,
      'Hours logged': settings.targetHours ?? 13 * sum(expected().map(commitmentOf)),
      'Reports submitted on time': settings.targetReportsOnTime / 100,
      'Stories published': settings.targetStories,
    };
    const now = keyResults(QUARTER);
    const before = keyResults(PREVIOUS);
    const expectedRows = Object.entries(now).map(([label, actual]) => ({
      'Key result': label,
      Actual: actual,
      Target: targets[label],
      Status: actual >= targets[label]! ? 'met' : 'behind',
      '2026-Q3': before[label as keyof typeof before],
      Trend: actual > before[label as keyof typeof before] ? '▲ up' : actual < before[label as keyof typeof before] ? '▼ down' : '= same',
    }));
    const [note, ...review] = table(demo, 'Quarterly review 2026-Q4').reverse();
    expect(note!['Key result']).toBe('Targets are set in the Settings tab (rows "Target: …").');
    expect(review.reverse()).toEqual(expectedRows);
    // The demo gives every key result something to count, this quarter and the last.
    for (const label of ['Events held', 'CIL meetups held', 'Monthly CfP calls a lead attended', 'Active members (hours or a meeting)', 'New members', 'Stories published']) {
      expect(now[label as keyof typeof now], label).toBeGreaterThan(0);
    }
    const met = expectedRows.filter((row) => row.Status === 'met').length;
    expect(refreshed.review).toEqual({ quarter: '2026-Q4', met, behind: expectedRows.length - met });
    expect(dashboardSheet(demo).values[rowOf(demo, 'Quarterly review 2026-Q4') - 1]![0]).toBe(`Quarterly review 2026-Q4 (so far): ${met} of ${expectedRows.length} targets met`);
  });

  it("shows every role's metrics", () => {
    const metrics = Object.fromEntries(table(demo, 'Role metrics').map((row) => [`${row.Role}: ${row.Metric}`, row.Value]));
    const projects = rows<Project>(projectsTab);
    const stories = rows<Story>(storiesTab).filter((s) => s.publishedOn <= TODAY && inQuarter(s.publishedOn));
    const citizens = rows<Citizen>(citizensTab).filter((c) => c.consentGivenOn <= TODAY && (c.consentWithdrawnOn === undefined || c.consentWithdrawnOn > TODAY));
    const running = (p: Project) => p.status === 'discovery' || p.status === 'active';
    const finished = (p: Project) => p.status === 'completed' || p.status === 'redeployed';
    const spelt = (partner: string) => partner.trim().replace(/\s+/g, ' ').toLowerCase();
    const partners = new Set(projects.filter((p) => p.partner !== undefined && p.status !== 'dropped').map((p) => spelt(p.partner!)));
    const ofKind = (kind: Story['kind']) => stories.filter((s) => s.kind === kind).length;
    const reach = (field: 'views' | 'reactions' | 'shares') => stories.reduce((total, s) => total + (s[field] ?? 0), 0);
    expect(metrics).toMatchObject({
      'Organizer: Active projects with partners': projects.filter((p) => running(p) && p.partner !== undefined).length,
      'Organizer: Completed projects': projects.filter(finished).length,
      'Organizer: Impact stories': projects.filter((p) => p.impactStory !== undefined).length,
      'Manager: Partners': partners.size,
      'Delivery lead: Active projects': projects.filter(running).length,
      'Delivery lead: Completed projects': projects.filter(finished).length,
      'Delivery lead: App redeployments': projects.reduce((total, p) => total + (p.status === 'redeployed' ? Math.max(1, p.redeployments) : p.redeployments), 0),
      'Community organizer: Active citizens (consent given)': citizens.length,
      'Community organizer: New active citizens this quarter': citizens.filter((c) => inQuarter(c.consentGivenOn)).length,
      'Storyteller: Blog posts this quarter': ofKind('blog post'),
      'Storyteller: Press mentions this quarter': ofKind('press mention'),
      'Storyteller: Social media posts this quarter': ofKind('social media'),
      'Storyteller: Views, reactions, shares': `${reach('views')} views, ${reach('reactions')} reactions, ${reach('shares')} shares`,
    });
    // The added rows make each edge count: the redeployed project is completed, its partner the same
    // as another's; the dropped project's partner and the one without a partner are not counted.
    expect(partners.size).toBeLessThan(new Set(projects.map((p) => p.partner)).size);
    expect(projects.filter(finished).length).toBeGreaterThan(projects.filter((p) => p.status === 'completed').length);
    const byRole = table(demo, 'Every role: hours a week against commitment');
    expect(byRole.map((row) => [row.Role, row.Members])).toEqual(
      ['organizer', 'manager', 'delivery lead', 'community organizer', 'storyteller', 'member'].map((role) => [role, expected().filter((v) => v.role === role).length]),
    );
  });
});

describe("the demo's Dashboard in the sandbox UI (npm start)", () => {
  it('is filled when the demo is set up, and the page draws its two charts', () => {
    const fresh = setUpDemo(NOW);
    const sheet = sheetState(fresh.sandbox, fresh.spreadsheetId, 'Dashboard');
    expect(sheet.values[0]![0]).toBe('CIL Demo dashboard');
    expect(sheet.charts).toHaveLength(2);
    const page = toText(spreadsheetPage(fresh.sandbox.state, fresh.spreadsheetId, 'Dashboard')!);
    const svgs = page.match(/<svg [^>]*>/g) ?? [];
    expect(svgs).toHaveLength(2);
    expect(svgs.map((svg) => /aria-label="([^"]*)"/.exec(svg)![1])).toEqual(sheet.charts.map((chart) => chart.options.title));
    expect(page).toMatch(/<polyline|<rect/);
  });
});
