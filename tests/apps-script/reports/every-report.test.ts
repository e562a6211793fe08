import { describe, expect, it } from 'vitest';
import { accountabilityTab, type AccountabilityEvent } from '../../../shared/records/accountability';
import { attendanceTab } from '../../../shared/records/attendance';
import { citizensTab } from '../../../shared/records/citizen';
import { deliverablesTab, type Deliverable } from '../../../shared/records/deliverable';
import { hoursTab, type HoursEntry } from '../../../shared/records/hours';
import { meetingsTab, type Meeting } from '../../../shared/records/meeting';
import { noticesTab } from '../../../shared/records/notice';
import { projectsTab } from '../../../shared/records/project';
import { storiesTab } from '../../../shared/records/story';
import { volunteersTab } from '../../../shared/records/volunteer';
import { REPORT_CATALOG } from '../../../shared/reports/report-catalog';
import { TEMPLATE_GUIDE_START } from '../../../shared/reports/template-syntax';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { dateOfInstant, type Instant } from '../../../shared/time/instant';
import { dayOf } from '../../../shared/time/zone';
import { sheetState } from '../as-lead';
import { runOk } from '../built-bundle';
import { pasteRecords, recordsOf, setSetting, TIME_ZONE, volunteerNamed } from '../daily-run-fixture';
import { docLines, generated, idOf, setUpDemo, type Generated } from './report-fixture';

// Every report of the catalog generated for the demo CIL, and each Doc checked against the demo's
// rows: the numbers and the table rows are worked out here from the spreadsheet as the sandbox holds
// it, not copied from the report code. Today is Friday 27 Nov 2026 in Karachi. Before the reports,
// the daily check runs (in automatic mode, so its warnings are sent, not waiting for a lead) and the
// Accountability log gets a few steps of the week before as leads left them: one dismissed, one still
// proposed, one just past midnight in Karachi though not yet in UTC.

const demo = setUpDemo();
const TODAY: CalendarDay = '2026-11-27';
setSetting(demo, 'Mode', 'automatic');
runOk(demo.sandbox, 'runDailyCheck');
const earlierSteps: AccountabilityEvent[] = [
  { id: 'e-earlier-1', kind: 'mentor check-in', at: '2026-11-19T07:00:00.000Z', by: 'ayesha.khan@example.com', evidence: 'Two members quiet for a week.', status: 'approved' },
  { id: 'e-earlier-2', volunteerId: volunteerNamed(demo, 'Ali Hassan').id, kind: 'reminder', at: '2026-11-20T04:00:00.000Z', by: 'daily check', evidence: 'No hours since 12 Nov.', status: 'sent', emailSentAt: '2026-11-20T04:00:00.000Z' },
  { id: 'e-earlier-3', volunteerId: volunteerNamed(demo, 'Omar Farooq').id, kind: 'warning', at: '2026-11-21T04:00:00.000Z', by: 'daily check', evidence: 'Missed two meetups.', status: 'dismissed' },
  { id: 'e-earlier-4', volunteerId: volunteerNamed(demo, 'Omar Farooq').id, kind: 'warning', at: '2026-11-21T23:00:00.000Z', by: 'daily check', evidence: 'Missed two meetups.', status: 'proposed' },
  { id: 'e-earlier-5', volunteerId: volunteerNamed(demo, 'Sana Iqbal').id, kind: 'note', at: '2026-11-22T20:30:00.000Z', by: 'ayesha.khan@example.com', evidence: 'Thanked her for the dataset.', status: 'approved' },
];
pasteRecords(demo.sandbox, demo.spreadsheetId, accountabilityTab, earlierSteps);

const hours = recordsOf(demo.sandbox, demo.spreadsheetId, hoursTab);
const meetings = recordsOf(demo.sandbox, demo.spreadsheetId, meetingsTab);
const attendance = recordsOf(demo.sandbox, demo.spreadsheetId, attendanceTab);
const notices = recordsOf(demo.sandbox, demo.spreadsheetId, noticesTab);
const volunteers = recordsOf(demo.sandbox, demo.spreadsheetId, volunteersTab);
const projects = recordsOf(demo.sandbox, demo.spreadsheetId, projectsTab);
const deliverables = recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab);
const stories = recordsOf(demo.sandbox, demo.spreadsheetId, storiesTab);
const log = recordsOf(demo.sandbox, demo.spreadsheetId, accountabilityTab);
const transit = projects.find((project) => project.status === 'active')!;
const water = projects.find((project) => project.status === 'completed')!;
const settingsRows = sheetState(demo.sandbox, demo.spreadsheetId, 'Settings').values;
const MINIMUM_MINUTES = Number(settingsRows.find((cells) => cells[0] === 'Minimum minutes to count present')?.[1] || 5);

const text = (n: number) => String(Math.round(n * 100) / 100);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** '21 Nov 2026', as a lead reads a day. */
const dayLabel = (day: CalendarDay) => `${Number(day.slice(8))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
const between = (first: CalendarDay, last: CalendarDay) => (day: CalendarDay) => day >= first && day <= last;
const total = (entries: readonly HoursEntry[]) => text(entries.reduce((sum, entry) => sum + entry.hours, 0));
const hoursWithin = (first: CalendarDay, last: CalendarDay) => hours.filter((entry) => between(first, last)(entry.day));
/** The day an instant falls on in Karachi. */
const karachiDay = (instant: string) => dayOf(dateOfInstant(instant as Instant), TIME_ZONE);
const dayOfMeeting = (meeting: Meeting) => karachiDay(meeting.startsAt);
const meetingsWithin = (first: CalendarDay, last: CalendarDay) =>
  meetings.filter((meeting) => between(first, last)(dayOfMeeting(meeting))).sort((a, b) => dateOfInstant(a.startsAt as Instant).getTime() - dateOfInstant(b.startsAt as Instant).getTime());
const nameOf = (id: string | undefined) => volunteers.find((volunteer) => volunteer.id === id)?.name ?? '';
const noticesWithin = (first: CalendarDay, last: CalendarDay) => notices.filter((notice) => between(first, last)(karachiDay(notice.givenAt)));
/** Steps taken in the span: what a lead dismissed or has yet to decide on is no step taken. */
const stepsWithin = (first: CalendarDay, last: CalendarDay) =>
  log.filter((event) => between(first, last)(karachiDay(event.at)) && event.status !== 'dismissed' && event.status !== 'proposed');
const stepsOfKind = (first: CalendarDay, last: CalendarDay, kind: AccountabilityEvent['kind']) => stepsWithin(first, last).filter((event) => event.kind === kind).length;

/** Who was present, absent with notice or absent at a meeting, from its Attendance rows. */
function attendanceAt(meeting: Meeting) {
  const byVolunteer = new Map<string, typeof attendance>();
  for (const row of attendance.filter((r) => r.meetingId === meeting.id)) byVolunteer.set(row.volunteerId, [...(byVolunteer.get(row.volunteerId) ?? []), row]);
  let present = 0;
  let withNotice = 0;
  let absent = 0;
  for (const rows of byVolunteer.values()) {
    if (rows.some((row) => row.status === 'present' && (row.minutes === undefined || row.minutes >= MINIMUM_MINUTES))) present++;
    else if (rows.some((row) => row.status === 'absent with notice')) withNotice++;
    else absent++;
  }
  return { present, withNotice, absent };
}

/** "date | meeting | kind | present | absent with notice | absent | takeaways" of each meeting in the span. */
const meetingRows = (first: CalendarDay, last: CalendarDay) =>
  meetingsWithin(first, last).map((meeting) => {
    const { present, withNotice, absent } = attendanceAt(meeting);
    return `${dayLabel(dayOfMeeting(meeting))} | ${meeting.title} | ${meeting.kind} | ${present} | ${withNotice} | ${absent} | ${meeting.takeaways ?? ''}`;
  });

/** "report | owner | due | status | submitted" of each deliverable due in the span, and the counts. */
function deliverablesDue(first: CalendarDay, last: CalendarDay) {
  const due = deliverables
    .filter((d) => between(first, last)(d.dueOn) && d.status !== 'waived')
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title));
  const onTime = (d: Deliverable) => d.submittedOn !== undefined && d.submittedOn <= d.dueOn;
  const status = (d: Deliverable) => (d.submittedOn === undefined ? d.status : onTime(d) ? 'submitted on time' : 'submitted late');
  const submitted = due.filter((d) => d.submittedOn !== undefined);
  return {
    rows: due.map((d) => `${d.title} | ${nameOf(d.ownerVolunteerId)} | ${dayLabel(d.dueOn)} | ${status(d)} | ${d.submittedOn === undefined ? '' : dayLabel(d.submittedOn)}`),
    counts: `${due.length} (on time: ${due.filter(onTime).length}, late: ${submitted.filter((d) => !onTime(d)).length}, outstanding: ${due.length - submitted.length})`,
  };
}

/** "date | step | volunteer | status" of each step taken in the span. */
const stepRows = (first: CalendarDay, last: CalendarDay) =>
  stepsWithin(first, last).map((event) => `${dayLabel(karachiDay(event.at))} | ${event.kind} | ${event.volunteerId === undefined ? 'the whole CIL' : nameOf(event.volunteerId)} | ${event.status}`);

/** The week's attendance over all its meetings. */
function attendanceLine(first: CalendarDay, last: CalendarDay): string {
  const all = meetingsWithin(first, last).map(attendanceAt);
  const sum = (pick: (a: ReturnType<typeof attendanceAt>) => number) => all.reduce((n, a) => n + pick(a), 0);
  return `Attendance | ${sum((a) => a.present)} present, ${sum((a) => a.withNotice)} absent with notice, ${sum((a) => a.absent)} absent`;
}

/** "name | role | team | hours" of each volunteer who logged hours in the entries. */
function volunteerRows(entries: readonly HoursEntry[]): string[] {
  const ids = [...new Set(entries.map((entry) => entry.volunteerId))];
  return ids.map((id) => {
    const volunteer = volunteers.find((v) => v.id === id)!;
    return `${volunteer.name} | ${volunteer.role} | ${volunteer.team ?? ''} | ${total(entries.filter((entry) => entry.volunteerId === id))} |`;
  });
}

function contributorRows(entries: readonly HoursEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.volunteerId))].map((id) => {
    const volunteer = volunteers.find((v) => v.id === id)!;
    return `${volunteer.name} | ${volunteer.role} | ${total(entries.filter((entry) => entry.volunteerId === id))}`;
  });
}

const count = (list: readonly Meeting[], kind: Meeting['kind']) => list.filter((meeting) => meeting.kind === kind).length;

/** The review's policy lines, from the log. */
const policyLines = (first: CalendarDay, last: CalendarDay) => [
  `Warnings, offboardings, reintegrations | ${stepsOfKind(first, last, 'warning')}, ${stepsOfKind(first, last, 'offboarding')}, ${stepsOfKind(first, last, 'reintegration')}`,
  `Mentor check-ins | ${stepsOfKind(first, last, 'mentor check-in')}`,
];

/** A table of the Doc: its header row, then exactly these rows; with no rows, the line the template shows instead. */
interface TableCheck {
  header: string;
  rows: string[];
  none?: string;
}

const MEETINGS_HEADER = 'Date | Meeting | Kind | Present | Absent with notice | Absent | Takeaways';
const DELIVERABLES_HEADER = 'Report | Owner | Due | Status | Submitted';
const STEPS_HEADER = 'Date | Step | Volunteer | Status';

interface Case {
  kind: string;
  request: Record<string, unknown>;
  period: string;
  /** Lines the Doc must hold, from the demo's rows. */
  lines: () => string[];
  /** Text some line must contain. */
  contains?: () => string[];
  /** Tables the Doc must hold, row for row. */
  tables?: () => TableCheck[];
}

const cases: Case[] = [
  {
    kind: 'weekly summary',
    request: {},
    period: '2026-W47',
    lines: () => {
      const week = hoursWithin('2026-11-16', '2026-11-22');
      return [
        'Week 47 of 2026 (16 Nov 2026 – 22 Nov 2026)',
        `Hours logged | ${total(week)}`,
        `Meetings held | ${meetingsWithin('2026-11-16', '2026-11-22').length}`,
        attendanceLine('2026-11-16', '2026-11-22'),
        `Notices given | ${noticesWithin('2026-11-16', '2026-11-22').length}`,
      ];
    },
    contains: () => volunteerRows(hoursWithin('2026-11-16', '2026-11-22')),
    tables: () => [
      { header: MEETINGS_HEADER, rows: meetingRows('2026-11-16', '2026-11-22') },
      { header: DELIVERABLES_HEADER, rows: deliverablesDue('2026-11-16', '2026-11-22').rows },
      { header: STEPS_HEADER, rows: stepRows('2026-11-16', '2026-11-22') },
    ],
  },
  {
    kind: 'weekly summary',
    request: { period: '2026-W48' },
    period: '2026-W48',
    lines: () => [
      `Hours logged | ${total(hoursWithin('2026-11-23', TODAY))}`,
      attendanceLine('2026-11-23', TODAY),
      `Notices given | ${noticesWithin('2026-11-23', TODAY).length}`,
    ],
    tables: () => [
      { header: MEETINGS_HEADER, rows: meetingRows('2026-11-23', TODAY), none: 'No meetings this week.' },
      { header: STEPS_HEADER, rows: stepRows('2026-11-23', TODAY) },
    ],
  },
  {
    kind: 'biweekly update',
    request: {},
    period: '2026-B23',
    lines: () => {
      const fortnight = hoursWithin('2026-11-02', '2026-11-15');
      const onProject = (id: string) => fortnight.filter((entry) => entry.projectId === id);
      return [
        `Hours logged | ${total(fortnight)}`,
        ...projects.map((p) => `${p.name} | ${p.status} | ${p.partner ?? ''} | ${nameOf(p.leadVolunteerId)} | ${total(onProject(p.id))}`),
      ];
    },
  },
  {
    kind: 'monthly progress update',
    request: {},
    period: '2026-10',
    lines: () => {
      const held = meetingsWithin('2026-10-01', '2026-10-31');
      return [
        'October 2026',
        `Hours logged | ${total(hoursWithin('2026-10-01', '2026-10-31'))}`,
        `Meetings held | ${held.length} (CfP calls: ${count(held, 'monthly CfP call')}, meetups: ${count(held, 'CIL meetup')}, events: ${count(held, 'event')})`,
      ];
    },
    contains: () => {
      const event = meetingsWithin('2026-10-01', '2026-10-31').find((m) => m.kind === 'event')!;
      return [`Held ${event.title} on `, ` with ${event.participantCount} participants.`, ...volunteerRows(hoursWithin('2026-10-01', '2026-10-31'))];
    },
    tables: () => [
      { header: MEETINGS_HEADER, rows: meetingRows('2026-10-01', '2026-10-31') },
      { header: DELIVERABLES_HEADER, rows: deliverablesDue('2026-10-01', '2026-10-31').rows },
    ],
  },
  {
    kind: 'monthly progress update',
    request: { period: '2026-11' },
    period: '2026-11',
    lines: () => [
      'November 2026, up to 27 Nov 2026',
      `Reports due | ${deliverablesDue('2026-11-01', TODAY).counts}`,
      `Formal warnings | ${stepsOfKind('2026-11-01', TODAY, 'warning')}`,
    ],
    contains: () => [`${stepsOfKind('2026-11-01', TODAY, 'warning')} formal warnings for inactivity.`],
    tables: () => [
      { header: MEETINGS_HEADER, rows: meetingRows('2026-11-01', TODAY) },
      { header: DELIVERABLES_HEADER, rows: deliverablesDue('2026-11-01', TODAY).rows },
    ],
  },
  {
    kind: 'discovery research report',
    request: { projectId: transit.id },
    period: transit.name,
    lines: () => {
      const entries = hours.filter((entry) => entry.projectId === transit.id);
      return [`Project | ${transit.name}`, `Partner | ${transit.partner}`, `Hours on the project | ${total(entries)}`, ...contributorRows(entries)];
    },
  },
  {
    kind: 'project closure report',
    request: { projectId: water.id },
    period: water.name,
    lines: () => {
      const entries = hours.filter((entry) => entry.projectId === water.id);
      return [`Project | ${water.name}`, `Hours logged | ${total(entries)}`, water.impactStory!, ...contributorRows(entries)];
    },
  },
  {
    kind: 'events & meetups report',
    request: { period: '2026-Q4' },
    period: '2026-Q4',
    lines: () => {
      const held = meetingsWithin('2026-10-01', TODAY);
      return [
        'Q4 2026 (October – December), up to 27 Nov 2026',
        `Events | ${count(held, 'event')}`,
        `Meetups | ${count(held, 'CIL meetup')}`,
        `Hack nights | ${count(held, 'hack night')}`,
      ];
    },
    contains: () => meetingsWithin('2026-10-01', TODAY).flatMap((m) => (m.takeaways === undefined ? [] : [m.takeaways])),
  },
  {
    kind: 'quarterly story',
    request: { period: '2026-Q4' },
    period: '2026-Q4',
    lines: () => {
      const told = stories.filter((story) => between('2026-10-01', TODAY)(story.publishedOn));
      const of = (kind: string) => told.filter((story) => story.kind === kind).length;
      return [`Stories | ${told.length} (blog posts: ${of('blog post')}, press mentions: ${of('press mention')}, social media: ${of('social media')})`];
    },
    contains: () => stories.map((story) => ` | ${story.title} | `),
  },
  {
    kind: 'mid-year report',
    request: { period: '2026-H2' },
    period: '2026-H2',
    lines: () => [
      `Hours logged | ${total(hoursWithin('2026-07-01', TODAY))}`,
      `October 2026 | ${total(hoursWithin('2026-10-01', '2026-10-31'))} | ${new Set(hoursWithin('2026-10-01', '2026-10-31').map((e) => e.volunteerId)).size} | ${meetingsWithin('2026-10-01', '2026-10-31').length}`,
      ...policyLines('2026-07-01', TODAY),
      `Due | ${deliverablesDue('2026-07-01', TODAY).counts}`,
    ],
  },
  {
    kind: 'annual report',
    request: { period: '2026' },
    period: '2026',
    lines: () => [
      `Hours logged | ${total(hoursWithin('2026-01-01', TODAY))}`,
      `Partners | ${transit.partner} and ${water.partner}`,
      ...policyLines('2026-01-01', TODAY),
      `Due | ${deliverablesDue('2026-01-01', TODAY).counts}`,
    ],
  },
];

const reports = new Map<Case, Generated>(cases.map((c) => [c, generated(demo, { kind: c.kind, ...c.request })]));
/** The report of a kind (its first case). */
const reportOf = (kind: string) => reports.get(cases.find((c) => c.kind === kind)!)!;

describe('the demo CIL', () => {
  it('has what the reports draw on: events with takeaways and visitors, stories, citizens, a completed project', () => {
    const gatherings = meetings.filter((meeting) => meeting.kind === 'event' || meeting.kind === 'hack night');
    expect(gatherings.map((meeting) => meeting.takeaways !== undefined)).toEqual([true, true]);
    const event = meetings.find((meeting) => meeting.kind === 'event')!;
    expect(event.participantCount).toBeGreaterThan(volunteers.length);
    expect(new Set(stories.map((story) => story.kind))).toEqual(new Set(['blog post', 'press mention', 'social media']));
    expect(stories.every((story) => story.publishedOn < TODAY)).toBe(true);
    expect(recordsOf(demo.sandbox, demo.spreadsheetId, citizensTab).length).toBeGreaterThan(2);
    expect(water.impactStory).toBeDefined();
  });
});

describe('the demo CIL, after the daily check', () => {
  it('has steps of the policy, notices, absences and a late report for the reports to count', () => {
    expect(stepsOfKind('2026-11-01', TODAY, 'warning')).toBeGreaterThan(0);
    expect(stepRows('2026-11-16', '2026-11-22').length).toBeGreaterThan(0);
    expect(stepRows('2026-11-23', TODAY).length).toBeGreaterThan(stepRows('2026-11-16', '2026-11-22').length);
    expect(noticesWithin('2026-11-16', '2026-11-22').length).toBeGreaterThan(0);
    const outcomes = meetingsWithin('2026-11-01', TODAY).map(attendanceAt);
    expect(outcomes.some((o) => o.withNotice > 0) && outcomes.some((o) => o.absent > 0)).toBe(true);
    expect(deliverablesDue('2026-11-01', TODAY).counts).toMatch(/late: [1-9]/);
  });
});

describe('every report, generated for the demo CIL', () => {
  it('covers the whole catalog', () => {
    expect([...new Set(cases.map((c) => c.kind))].sort()).toEqual(REPORT_CATALOG.map((report) => report.kind).sort());
  });

  it.each(cases)('$kind, $period, says what the records say', (c) => {
    const { kind, period, lines, contains, tables } = c;
    const report = reports.get(c)!;
    const title = REPORT_CATALOG.find((r) => r.kind === kind)!.title;
    expect(report).toMatchObject({ ok: true, kind, period, outcome: 'created', version: 1 });
    const doc = docLines(demo.sandbox, idOf(report.docUrl));
    expect(doc[0]).toBe(`${title}: CIL Demo`);
    for (const line of lines()) expect(doc, line).toContain(line);
    for (const part of contains?.() ?? []) expect(doc.some((line) => line.includes(part)), part).toBe(true);
    for (const { header, rows, none } of tables?.() ?? []) {
      if (rows.length === 0 && none !== undefined) {
        expect(doc, header).not.toContain(header);
        expect(doc).toContain(none);
        continue;
      }
      const at = doc.indexOf(header);
      expect(at, header).toBeGreaterThanOrEqual(0);
      expect(doc.slice(at + 1, at + 1 + rows.length), header).toEqual(rows);
      // The table ends there: what follows is not another row of it.
      expect(doc[at + 1 + rows.length]?.split(' | ').length ?? 0, header).not.toBe(header.split(' | ').length);
    }
    // Every placeholder filled, every section marker and the guide left out.
    expect(doc.filter((line) => line.includes('{{'))).toEqual([]);
    expect(doc).not.toContain(TEMPLATE_GUIDE_START);
  });

  it('files each Doc in Reports/<year>/<period>', () => {
    const folders = Object.values(demo.sandbox.state.drive.items);
    for (const [{ period }, report] of reports) {
      const doc = demo.sandbox.state.drive.items[idOf(report.docUrl)]!;
      const folder = folders.find((item) => item.id === doc.parents[0])!;
      const year = folders.find((item) => item.id === folder.parents[0])!;
      const reportsFolder = folders.find((item) => item.id === year.parents[0])!;
      expect([reportsFolder.name, year.name, folder.name], report.kind).toEqual(['Reports', '2026', period]);
      expect(report.folderUrl).toBe(`https://drive.google.com/drive/folders/${folder.id}`);
    }
  });

  it('marks the Deliverables row of a report still owed drafted, with the link', () => {
    const story = reportOf('quarterly story');
    const row = recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab).find((d) => d.kind === 'quarterly story' && d.period === '2026-Q4')!;
    expect(row).toMatchObject({ status: 'drafted', link: story.docUrl });
    expect(row.submittedOn).toBeUndefined();
    expect(story.deliverable).toEqual({ id: row.id, title: row.title, status: 'drafted' });
  });

  it('leaves a submitted row as it is, and says so', () => {
    const closure = reportOf('project closure report');
    const row = recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab).find((d) => d.kind === 'project closure report')!;
    expect(row.status).toBe('submitted');
    expect(row.link).toBeUndefined();
    expect(closure.notes).toContain(`"${row.title}" is already submitted in the Deliverables tab; it was left as it is.`);
  });
});
