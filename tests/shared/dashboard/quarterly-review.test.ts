import { describe, expect, it } from 'vitest';
import { dashboardOf, quarterlyReviewOf, type Kpi, type KpiKey } from '../../../shared/dashboard';
import { dashboardInput, deliverable, hours, meeting, session, story, volunteer, type DashboardWorld } from './world';

// TODAY is 2026-11-19: 2026-Q4 is under way, 2026-Q3 is the quarter before.

const lead = volunteer('V-9', { role: 'organizer', joinedOn: '2026-01-05' });
const calls = (['2026-07-07', '2026-08-04', '2026-09-01', '2026-10-06', '2026-11-03'] as const).map((day, i) => meeting(`C-${i}`, day, { kind: 'monthly CfP call', expectedAttendees: 'leads' }));
const meetups = (['2026-07-18', '2026-08-15', '2026-10-17', '2026-11-14', '2026-11-28'] as const).map((day, i) => meeting(`M-${i}`, day));
const world: DashboardWorld = {
  volunteers: [lead, volunteer('V-1', { joinedOn: '2026-08-10' }), volunteer('V-2', { joinedOn: '2026-10-02' }), volunteer('V-3', { joinedOn: '2026-11-02' }), volunteer('V-4', { joinedOn: '2026-01-05' })],
  meetings: [...calls, ...meetups, meeting('E-1', '2026-09-12', { kind: 'event' }), meeting('E-2', '2026-12-12', { kind: 'event' })],
  attendance: [session(calls[0]!, 'V-9'), session(calls[1]!, 'V-9'), session(calls[3]!, 'V-9'), session(calls[4]!, 'V-1'), session(meetups[2]!, 'V-2')],
  hours: [hours('V-1', '2026-09-01', 10), hours('V-4', '2026-09-02', 5), hours('V-1', '2026-10-05', 6.5), hours('V-3', '2026-11-10', 2)],
  deliverables: [
    deliverable('V-9', '2026-08-05', { submittedOn: '2026-08-05' }),
    deliverable('V-9', '2026-09-05', { submittedOn: '2026-09-08' }),
    deliverable('V-9', '2026-10-05', { submittedOn: '2026-10-01' }),
    deliverable('V-9', '2026-11-05', { submittedOn: '2026-11-04' }),
    deliverable('V-9', '2026-11-12'),
  ],
  stories: [story('2026-08-01'), story('2026-10-10'), story('2026-11-01', { kind: 'press mention' }), story('2026-11-11', { kind: 'social media' })],
};

const kpi = (kpis: readonly Kpi[], key: KpiKey) => kpis.find((k) => k.key === key)!;

describe('quarterlyReviewOf', () => {
  const review = quarterlyReviewOf({ ...dashboardInput(world), quarter: '2026-Q4' });

  it.each([
    // key, actual, target (defaults), status, previous, trend
    ['events', 0, 1, 'behind', 1, 'down'],
    ['meetups', 2, 3, 'behind', 2, 'same'],
    ['cfpCallsAttended', 1, 3, 'behind', 2, 'down'],
    ['activeMembers', 4, 8, 'behind', 3, 'up'],
    ['newMembers', 2, 3, 'behind', 1, 'up'],
    ['hours', 8.5, 5 * 4 * 13 + 4 * 13, 'behind', 15, 'down'],
    ['reportsOnTime', 67, 90, 'behind', 50, 'up'],
    ['stories', 3, 3, 'met', 1, 'up'],
  ] as const)('%s: %d against %d, %s; %d the quarter before', (key, actual, target, status, previous, trend) => {
    expect(kpi(review.kpis, key)).toMatchObject({ actual, target, status, previous, trend });
  });

  it('names the quarter and counts what is met', () => {
    expect(review).toMatchObject({ quarter: '2026-Q4', first: '2026-10-01', last: '2026-12-31', previousQuarter: '2026-Q3', complete: false, met: 1, behind: 7 });
    expect(review.kpis.map((k) => [k.key, k.unit])).toEqual([
      ['events', 'count'], ['meetups', 'count'], ['cfpCallsAttended', 'count'], ['activeMembers', 'count'],
      ['newMembers', 'count'], ['hours', 'hours'], ['reportsOnTime', 'percent'], ['stories', 'count'],
    ]);
  });

  it('compares with the targets the lead set in Settings', () => {
    const settings = { targetMeetups: 2, targetCfpCalls: 1, targetActiveMembers: 4, targetNewMembers: 2, targetHours: 8, targetReportsOnTime: 60, targetStories: 4, targetEvents: 0 };
    const set = quarterlyReviewOf({ ...dashboardInput({ ...world, settings }), quarter: '2026-Q4' });
    expect(set.kpis.map((k) => [k.key, k.target, k.status])).toEqual([
      ['events', 0, 'met'], ['meetups', 2, 'met'], ['cfpCallsAttended', 1, 'met'], ['activeMembers', 4, 'met'],
      ['newMembers', 2, 'met'], ['hours', 8, 'met'], ['reportsOnTime', 60, 'met'], ['stories', 4, 'behind'],
    ]);
    expect([set.met, set.behind]).toEqual([7, 1]);
  });

  it('reviews a quarter that has ended, with the one before it', () => {
    const q3 = quarterlyReviewOf({ ...dashboardInput(world), quarter: '2026-Q3' });
    expect(q3).toMatchObject({ quarter: '2026-Q3', previousQuarter: '2026-Q2', complete: true });
    expect(q3.kpis.map((k) => [k.key, k.actual, k.previous])).toEqual([
      ['events', 1, 0], ['meetups', 2, 0], ['cfpCallsAttended', 2, 0], ['activeMembers', 3, 0],
      ['newMembers', 1, 0], ['hours', 15, 0], ['reportsOnTime', 50, 100], ['stories', 1, 0],
    ]);
  });

  it('is the review the dashboard shows for the current quarter', () => {
    expect(dashboardOf(dashboardInput(world)).review).toEqual(review);
  });

  it('refuses a label that is not a quarter', () => {
    expect(() => quarterlyReviewOf({ ...dashboardInput(world), quarter: '2026-11' })).toThrow('"2026-11" is not a quarter like 2026-Q4');
  });
});
