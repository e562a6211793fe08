import { describe, expect, it } from 'vitest';
import { citizensTab } from '../../../shared/records/citizen';
import { deliverablesTab } from '../../../shared/records/deliverable';
import { hoursTab, type HoursEntry } from '../../../shared/records/hours';
import { meetingsTab, type Meeting } from '../../../shared/records/meeting';
import { projectsTab } from '../../../shared/records/project';
import { storiesTab } from '../../../shared/records/story';
import { volunteersTab } from '../../../shared/records/volunteer';
import { REPORT_CATALOG } from '../../../shared/reports/report-catalog';
import { TEMPLATE_GUIDE_START } from '../../../shared/reports/template-syntax';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { dateOfInstant, type Instant } from '../../../shared/time/instant';
import { dayOf } from '../../../shared/time/zone';
import { recordsOf, TIME_ZONE } from '../daily-run-fixture';
import { docLines, generated, idOf, setUpDemo, type Generated } from './report-fixture';

// Every report of the catalog generated for the demo CIL, and each Doc checked against the demo's
// rows: the numbers and the table rows are worked out here from the spreadsheet as the sandbox holds
// it, not copied from the report code. Today is Friday 27 Nov 2026 in Karachi.

const demo = setUpDemo();
const TODAY: CalendarDay = '2026-11-27';
const hours = recordsOf(demo.sandbox, demo.spreadsheetId, hoursTab);
const meetings = recordsOf(demo.sandbox, demo.spreadsheetId, meetingsTab);
const volunteers = recordsOf(demo.sandbox, demo.spreadsheetId, volunteersTab);
const projects = recordsOf(demo.sandbox, demo.spreadsheetId, projectsTab);
const stories = recordsOf(demo.sandbox, demo.spreadsheetId, storiesTab);
const transit = projects.find((project) => project.status === 'active')!;
const water = projects.find((project) => project.status === 'completed')!;

const text = (n: number) => String(Math.round(n * 100) / 100);
const between = (first: CalendarDay, last: CalendarDay) => (day: CalendarDay) => day >= first && day <= last;
const total = (entries: readonly HoursEntry[]) => text(entries.reduce((sum, entry) => sum + entry.hours, 0));
const hoursWithin = (first: CalendarDay, last: CalendarDay) => hours.filter((entry) => between(first, last)(entry.day));
const dayOfMeeting = (meeting: Meeting) => dayOf(dateOfInstant(meeting.startsAt as Instant), TIME_ZONE);
const meetingsWithin = (first: CalendarDay, last: CalendarDay) => meetings.filter((meeting) => between(first, last)(dayOfMeeting(meeting)));
const nameOf = (id: string | undefined) => volunteers.find((volunteer) => volunteer.id === id)?.name ?? '';

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

interface Case {
  kind: string;
  request: Record<string, unknown>;
  period: string;
  /** Lines the Doc must hold, from the demo's rows. */
  lines: () => string[];
  /** Text some line must contain. */
  contains?: () => string[];
}

const cases: Case[] = [
  {
    kind: 'weekly summary',
    request: {},
    period: '2026-W47',
    lines: () => {
      const week = hoursWithin('2026-11-16', '2026-11-22');
      return ['Week 47 of 2026 (16 Nov 2026 – 22 Nov 2026)', `Hours logged | ${total(week)}`, `Meetings held | ${meetingsWithin('2026-11-16', '2026-11-22').length}`];
    },
    contains: () => [...volunteerRows(hoursWithin('2026-11-16', '2026-11-22')), ...meetingsWithin('2026-11-16', '2026-11-22').map((m) => ` | ${m.title} | ${m.kind} | `)],
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
    ],
  },
  {
    kind: 'annual report',
    request: { period: '2026' },
    period: '2026',
    lines: () => [`Hours logged | ${total(hoursWithin('2026-01-01', TODAY))}`, `Partners | ${transit.partner} and ${water.partner}`],
  },
];

const reports = new Map<string, Generated>(cases.map((c) => [c.kind, generated(demo, { kind: c.kind, ...c.request })]));

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

describe('every report, generated for the demo CIL', () => {
  it('covers the whole catalog', () => {
    expect(cases.map((c) => c.kind).sort()).toEqual(REPORT_CATALOG.map((report) => report.kind).sort());
  });

  it.each(cases)('$kind says what the records say', ({ kind, period, lines, contains }) => {
    const report = reports.get(kind)!;
    const title = REPORT_CATALOG.find((r) => r.kind === kind)!.title;
    expect(report).toMatchObject({ ok: true, kind, period, outcome: 'created', version: 1 });
    const doc = docLines(demo.sandbox, idOf(report.docUrl));
    expect(doc[0]).toBe(`${title}: CIL Demo`);
    for (const line of lines()) expect(doc, line).toContain(line);
    for (const part of contains?.() ?? []) expect(doc.some((line) => line.includes(part)), part).toBe(true);
    // Every placeholder filled, every section marker and the guide left out.
    expect(doc.filter((line) => line.includes('{{'))).toEqual([]);
    expect(doc).not.toContain(TEMPLATE_GUIDE_START);
  });

  it('files each Doc in Reports/<year>/<period>', () => {
    const folders = Object.values(demo.sandbox.state.drive.items);
    for (const report of reports.values()) {
      const doc = demo.sandbox.state.drive.items[idOf(report.docUrl)]!;
      const folder = folders.find((item) => item.id === doc.parents[0])!;
      const year = folders.find((item) => item.id === folder.parents[0])!;
      const reportsFolder = folders.find((item) => item.id === year.parents[0])!;
      expect([reportsFolder.name, year.name, folder.name], report.kind).toEqual(['Reports', '2026', report.period]);
      expect(report.folderUrl).toBe(`https://drive.google.com/drive/folders/${folder.id}`);
    }
  });

  it('marks the Deliverables row of a report still owed drafted, with the link', () => {
    const story = reports.get('quarterly story')!;
    const row = recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab).find((d) => d.kind === 'quarterly story' && d.period === '2026-Q4')!;
    expect(row).toMatchObject({ status: 'drafted', link: story.docUrl });
    expect(row.submittedOn).toBeUndefined();
    expect(story.deliverable).toEqual({ id: row.id, title: row.title, status: 'drafted' });
  });

  it('leaves a submitted row as it is, and says so', () => {
    const closure = reports.get('project closure report')!;
    const row = recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab).find((d) => d.kind === 'project closure report')!;
    expect(row.status).toBe('submitted');
    expect(row.link).toBeUndefined();
    expect(closure.notes).toContain(`"${row.title}" is already submitted in the Deliverables tab; it was left as it is.`);
  });
});
