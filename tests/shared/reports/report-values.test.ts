import { describe, expect, it } from 'vitest';
import { reportKindNamed } from '../../../shared/reports/report-catalog';
import type { ReportKindName } from '../../../shared/reports/report-kind';
import { projectPeriod, type ReportPeriod } from '../../../shared/reports/report-period';
import { LEAD_TO_WRITE } from '../../../shared/reports/report-text';
import type { ReportValues } from '../../../shared/reports/template-syntax';
import { at, citizen, deliverable, hours, marked, meeting, notice, present, period, project, records, settings, step, story, volunteer } from './report-world';

// Each report kind's values against one hand-made CIL: November 2026 in Lahore, with the edges of the
// month (and of Karachi's day) drawn on purpose.

const transit = project('P-1', { name: 'Transit Map', status: 'active', partner: 'Commuters Forum', leadVolunteerId: 'V-2', startedOn: '2026-09-01' });
const water = project('P-2', {
  name: 'Water Tracker',
  status: 'completed',
  partner: 'Residents Association',
  leadVolunteerId: 'V-1',
  startedOn: '2026-06-01',
  completedOn: '2026-11-20',
  impactStory: 'Residents filed 340 complaints; 41 were fixed',
  redeployments: 2,
});
const paused = project('P-3', { name: 'Budget Explorer', status: 'paused', startedOn: '2026-03-01' });

const meetup = meeting('M-1', '2026-11-07', { title: 'CIL meetup', takeaways: 'Agreed the survey questions' });
const call = meeting('M-2', '2026-11-03', { kind: 'monthly CfP call', title: 'CfP call', expectedAttendees: 'leads' });
const openHouse = meeting('M-3', '2026-11-15', { kind: 'event', title: 'Open house', participantCount: 42, takeaways: 'Commuters want live bus times' });
// 19:30 UTC on 30 November is 00:30 on 1 December in Karachi: December's.
const lateMeetup = meeting('M-4', '2026-11-30', { title: 'Late meetup' }, '19:30');
const hackNight = meeting('M-5', '2026-10-08', { kind: 'hack night', title: 'Hack night', participantCount: 9 });

const world = records({
  volunteers: [
    volunteer('V-1', { name: 'Ayesha', role: 'organizer' }),
    volunteer('V-2', { name: 'Hira', role: 'delivery lead' }),
    volunteer('V-3', { name: 'Omar' }),
    volunteer('V-4', { name: 'Noor', joinedOn: '2026-11-16' }),
    volunteer('V-5', { name: 'Maryam', status: 'on leave' }),
  ],
  hours: [
    hours('V-1', '2026-10-31', 5), // October's
    hours('V-1', '2026-11-01', 2, { projectId: 'P-2', category: 'research', note: 'Interviews with residents' }),
    hours('V-2', '2026-11-09', 6, { projectId: 'P-1' }),
    hours('V-2', '2026-11-30', 3, { projectId: 'P-1', category: 'research', note: 'Commuter survey' }),
    hours('V-3', '2026-11-10', 1.5),
    hours('V-4', '2026-11-20', 4, { projectId: 'P-1' }),
    hours('V-1', '2026-12-01', 7), // December's
  ],
  meetings: [call, meetup, openHouse, lateMeetup, hackNight],
  attendance: [
    present(call, 'V-1'),
    present(call, 'V-2'),
    present(meetup, 'V-1'),
    present(meetup, 'V-2'),
    marked(meetup, 'V-3', 'absent'),
    marked(meetup, 'V-5', 'absent with notice'),
    present(openHouse, 'V-3'),
  ],
  notices: [notice('V-5', at('2026-11-02'), { kind: 'absence notice', fromDay: '2026-11-01', toDay: '2026-11-30' })],
  projects: [transit, water, paused],
  deliverables: [
    deliverable('D-1', '2026-11-02', { kind: 'weekly summary', title: 'Weekly summary 2026-W44', status: 'submitted', submittedOn: '2026-11-02' }),
    deliverable('D-2', '2026-11-09', { kind: 'weekly summary', title: 'Weekly summary 2026-W45', status: 'submitted', submittedOn: '2026-11-11' }),
    deliverable('D-3', '2026-11-16', { kind: 'weekly summary', title: 'Weekly summary 2026-W46' }),
    deliverable('D-4', '2026-12-05', { kind: 'monthly progress update', title: 'Monthly progress update 2026-11', period: '2026-11' }),
  ],
  stories: [
    story('S-1', '2026-11-18', { title: 'Water complaints fixed', outlet: 'CIL blog', views: 300, reactions: 20, shares: 5 }),
    story('S-2', '2026-11-25', { kind: 'press mention', title: 'Dawn on the tracker', outlet: 'Dawn', views: 1000 }),
    story('S-3', '2026-10-02', { kind: 'social media', title: 'Hack night photos', reactions: 50 }),
  ],
  citizens: [citizen('C-1', '2026-10-10'), citizen('C-2', '2026-11-15'), citizen('C-3', '2026-11-16', { consentWithdrawnOn: '2026-11-29' })],
  log: [
    step('warning', at('2026-11-12'), { volunteerId: 'V-3' }),
    step('reminder', at('2026-11-13'), { volunteerId: 'V-3' }),
    step('warning', at('2026-11-14'), { volunteerId: 'V-4', status: 'dismissed' }),
  ],
});

function valuesOf(kind: ReportKindName, span: ReportPeriod, about?: typeof water): ReportValues {
  return reportKindNamed(kind)!.values(world, span, settings(), about);
}

const column = (values: ReportValues, list: string, field: string) => values.lists[list]!.map((item) => item[field]);

describe('the monthly progress update for November 2026', () => {
  const values = valuesOf('monthly progress update', period('2026-11', 'month'));

  it.each([
    ['period.name', 'November 2026'],
    ['period.from', '1 Nov 2026'],
    ['period.to', '30 Nov 2026'],
    ['cil.city', 'Lahore'],
    ['totalHours', '16.5'],
    ['volunteersLogging', '4'],
    ['members', '5'],
    ['newMembers', '1'],
    ['meetingsHeld', '3'],
    ['cfpCallCount', '1'],
    ['meetupCount', '1'],
    ['eventCount', '1'],
    ['deliverablesDue', '3'],
    ['deliverablesOnTime', '1'],
    ['deliverablesLate', '1'],
    ['deliverablesOutstanding', '1'],
    ['warnings', '1'],
  ])('%s is %s', (field, value) => {
    expect(values.fields[field]).toBe(value);
  });

  it('has a row per volunteer, most hours first, with their commitment over the month', () => {
    expect(values.lists.volunteers!.map((row) => [row.name, row.hours, row.commitment, row.meetings])).toEqual([
      ['Hira', '9', '17.1', '2'],
      ['Noor', '4', '10.7', '0'],
      ['Ayesha', '2', '17.1', '2'],
      ['Omar', '1.5', '21.4', '1'],
      ['Maryam', '0', '21.4', '0'],
    ]);
  });

  it('lists the month\'s meetings with attendance, leaving out the one on 1 December in Karachi', () => {
    expect(values.lists.meetings!.map((row) => [row.date, row.title, row.present, row.withNotice, row.absent, row.participants])).toEqual([
      ['3 Nov 2026', 'CfP call', '2', '0', '0', '2'],
      ['7 Nov 2026', 'CIL meetup', '2', '1', '1', '2'],
      ['15 Nov 2026', 'Open house', '1', '0', '0', '42'],
    ]);
    expect(values.flags.cfpCallHeld).toBe(true);
  });

  it('lists the projects under way with their hours in the month', () => {
    expect(values.lists.projects!.map((row) => [row.name, row.status, row.lead, row.hours])).toEqual([
      ['Transit Map', 'active', 'Hira', '13'],
      ['Water Tracker', 'completed', 'Ayesha', '2'],
      ['Budget Explorer', 'paused', '', '0'],
    ]);
  });

  it('writes successes, blockers and next steps from the records', () => {
    expect(values.fields.successes).toBe(
      'Completed Water Tracker with Residents Association. Residents filed 340 complaints; 41 were fixed. ' +
        'Held Open house on 15 Nov 2026 with 42 participants. ' +
        'Published blog post "Water complaints fixed" (CIL blog). Published press mention "Dawn on the tracker" (Dawn). ' +
        '1 new member joined.',
    );
    expect(values.fields.blockers).toBe(
      'Overdue at the end of the month: Weekly summary 2026-W46 (due 16 Nov 2026). Paused: Budget Explorer. 1 formal warning for inactivity. ' +
        '4 of 4 volunteers logged fewer hours than they committed to.',
    );
    expect(values.fields.nextSteps).toBe('Planned: Late meetup (1 Dec 2026). Due: Monthly progress update 2026-11 on 5 Dec 2026 (Ayesha).');
  });

  it('lists the stories published in the month', () => {
    expect(column(values, 'stories', 'title')).toEqual(['Water complaints fixed', 'Dawn on the tracker']);
  });
});

describe('the weekly summary', () => {
  it('for week 46 (9–15 Nov): hours, meetings and the steps taken', () => {
    const values = valuesOf('weekly summary', period('2026-W46', 'week'));
    expect(values.fields).toMatchObject({
      'period.name': 'Week 46 of 2026 (9 Nov 2026 – 15 Nov 2026)',
      totalHours: '7.5',
      volunteersLogging: '2',
      meetingsHeld: '1',
      present: '1',
      noticesGiven: '0',
      highlights: 'Open house (15 Nov 2026): Commuters want live bus times.',
      nextWeek: 'Due: Weekly summary 2026-W46 on 16 Nov 2026 (Ayesha).',
    });
    expect(values.lists.steps!.map((row) => [row.kind, row.volunteer])).toEqual([
      ['warning', 'Omar'],
      ['reminder', 'Omar'],
    ]);
    expect(values.lists.belowCommitment!.map((row) => row.name)).toEqual(['Omar', 'Ayesha']);
    expect(values.lists.deliverables!.map((row) => [row.title, row.status])).toEqual([['Weekly summary 2026-W45', 'submitted late']]);
  });

  it('for a week with nothing in it: zeros, empty lists, and gaps for the lead', () => {
    const values = valuesOf('weekly summary', period('2026-W30', 'week'));
    expect(values.fields).toMatchObject({ totalHours: '0', volunteersLogging: '0', meetingsHeld: '0', present: '0' });
    expect(values.fields.highlights).toMatch(new RegExp(`^\\${LEAD_TO_WRITE}`));
    expect(values.lists.meetings).toEqual([]);
    expect(values.lists.steps).toEqual([]);
  });
});

describe('the biweekly update for weeks 47–48 (16–29 Nov)', () => {
  const values = valuesOf('biweekly update', period('2026-B24', 'biweek'));
  it('counts the fortnight and says how each project moved', () => {
    expect(values.fields).toMatchObject({ totalHours: '4', volunteersLogging: '1', newMembers: '1', meetingsHeld: '0' });
    expect(values.fields.progress).toBe('Completed Water Tracker with Residents Association. Residents filed 340 complaints; 41 were fixed. Transit Map: 4 hours.');
    expect(values.fields.support).toMatch(new RegExp(`^\\${LEAD_TO_WRITE}`));
  });
});

describe('the events and meetups report for Q4 2026', () => {
  const values = valuesOf('events & meetups report', period('2026-Q4', 'quarter'));
  it('counts events and meetups, participants and takeaways', () => {
    expect(values.fields).toMatchObject({
      eventCount: '1',
      meetupCount: '2',
      hackNightCount: '1',
      cfpCallCount: '1',
      // 42 at the open house, 2 at the first meetup, 0 at the late one, 9 at the hack night.
      participants: '53',
      averageMeetupAttendance: '1',
      keyTakeaways: 'CIL meetup (7 Nov 2026): Agreed the survey questions. Open house (15 Nov 2026): Commuters want live bus times.',
    });
    expect(column(values, 'events', 'participants')).toEqual(['42']);
    expect(column(values, 'meetups', 'date')).toEqual(['7 Nov 2026', '1 Dec 2026']);
  });
});

describe('the quarterly story for Q4 2026', () => {
  const values = valuesOf('quarterly story', period('2026-Q4', 'quarter'));
  it('adds up the stories and their reach, and offers the impact as the story', () => {
    expect(values.fields).toMatchObject({ storyCount: '3', blogPosts: '1', pressMentions: '1', socialPosts: '1', views: '1300', reactions: '70', shares: '5' });
    expect(values.lists.impact).toEqual([{ project: 'Water Tracker', partner: 'Residents Association', story: 'Residents filed 340 complaints; 41 were fixed' }]);
    expect(values.fields.headline).toMatch(new RegExp(`^\\${LEAD_TO_WRITE}`));
  });
});

describe('the project reports', () => {
  it('closure: the project\'s whole life, its impact story as its outcome', () => {
    const span = projectPeriod(water, world.hours, '2026-11-27');
    expect(span).toMatchObject({ first: '2026-06-01', last: '2026-11-20', label: 'Water Tracker' });
    const values = valuesOf('project closure report', span, water);
    expect(values.fields).toMatchObject({
      'project.name': 'Water Tracker',
      'project.lead': 'Ayesha',
      'project.completed': '20 Nov 2026',
      weeks: '25',
      totalHours: '2',
      contributorCount: '1',
      redeployments: '2',
      outcomes: 'Residents filed 340 complaints; 41 were fixed.',
      recommendations: 'Set up again 2 times for other partners or cities; see the Projects tab.',
    });
    expect(values.fields.lessons).toMatch(new RegExp(`^\\${LEAD_TO_WRITE}`));
    expect(values.flags).toEqual({ completed: true, redeployed: true });
    expect(values.lists.categories).toEqual([{ category: 'research', hours: '2' }]);
  });

  it('discovery: the research logged on the project, and KPIs from the records', () => {
    const span = projectPeriod(transit, world.hours, '2026-11-27');
    expect(span).toMatchObject({ first: '2026-09-01', last: '2026-11-27' });
    const values = valuesOf('discovery research report', span, transit);
    expect(values.fields).toMatchObject({ totalHours: '10', researchHours: '0', contributorCount: '2' });
    expect(values.lists.contributors).toEqual([
      { name: 'Hira', role: 'delivery lead', hours: '6' },
      { name: 'Noor', role: 'member', hours: '4' },
    ]);
    // The survey on 30 November is after today's end of the span.
    expect(values.lists.research).toEqual([]);
    expect(values.fields.insights).toMatch(new RegExp(`^\\${LEAD_TO_WRITE}`));
    const later = valuesOf('discovery research report', projectPeriod(transit, world.hours, '2026-12-02'), transit);
    expect(later.lists.research).toEqual([{ date: '30 Nov 2026', volunteer: 'Hira', hours: '3', note: 'Commuter survey' }]);
    expect(later.fields.insights).toBe('Research logged: Commuter survey.');
  });

  it('a project with no start date begins at its first logged hours', () => {
    expect(projectPeriod(project('P-9', { startedOn: undefined }), [hours('V-1', '2026-05-05', 1, { projectId: 'P-9' })], '2026-11-27')).toMatchObject({ first: '2026-05-05', last: '2026-11-27' });
  });
});

describe('the mid-year and annual reports', () => {
  it('the second half of 2026 month by month', () => {
    const values = valuesOf('mid-year report', period('2026-H2', 'half'));
    expect(values.lists.months!.map((row) => [row.month, row.hours, row.volunteers, row.meetings])).toEqual([
      ['July 2026', '0', '0', '0'],
      ['August 2026', '0', '0', '0'],
      ['September 2026', '0', '0', '0'],
      ['October 2026', '5', '1', '1'],
      ['November 2026', '16.5', '4', '3'],
      ['December 2026', '7', '1', '1'],
    ]);
    expect(values.fields).toMatchObject({
      totalHours: '28.5',
      projectsActive: '3',
      projectsCompleted: '1',
      redeployments: '2',
      partners: 'Commuters Forum and Residents Association',
      citizensJoined: '3',
      citizensConsenting: '2',
      warnings: '1',
    });
    expect(values.fields.surveyFindings).toMatch(new RegExp(`^\\${LEAD_TO_WRITE}`));
  });

  it('the annual report has no survey, and covers the whole year', () => {
    const values = valuesOf('annual report', period('2026', 'year'));
    expect(values.fields.surveyFindings).toBeUndefined();
    expect(values.lists.months).toHaveLength(12);
    expect(values.fields.goals).toContain('next year');
  });
});
