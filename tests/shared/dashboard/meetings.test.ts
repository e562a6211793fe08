import { describe, expect, it } from 'vitest';
import { dashboardOf, type AttendanceCounts } from '../../../shared/dashboard';
import { at, dashboardInput, marked, meeting, notice, session, volunteer, type DashboardWorld } from './world';

// TODAY is Thursday 2026-11-19 (ISO week W47), now 09:00 in Karachi; meetings run 14:00–15:00 UTC.

const dashboard = (world: DashboardWorld) => dashboardOf(dashboardInput(world));
const counts = (expected: number, present: number, withNotice: number, absent: number): AttendanceCounts => ({
  expected,
  present,
  withNotice,
  absent,
  rate: expected === 0 ? null : Math.round((present / expected) * 100) / 100,
});

const meetup = meeting('M-1', '2026-11-17');

describe('attendance at a meetup', () => {
  it.each([
    ['a Meet session long enough', [session(meetup, 'V-1', 30)], [], counts(1, 1, 0, 0)],
    ['a session under the minimum minutes', [session(meetup, 'V-1', 3)], [], counts(1, 0, 0, 1)],
    ['sessions that add up to the minimum', [session(meetup, 'V-1', 3), session(meetup, 'V-1', 3)], [], counts(1, 1, 0, 0)],
    ["a lead's present mark", [marked(meetup, 'V-1', 'present')], [], counts(1, 1, 0, 0)],
    ['a row saying absent with notice', [marked(meetup, 'V-1', 'absent with notice')], [], counts(1, 0, 1, 0)],
    ['notice given the day before', [], [notice('V-1', at('2026-11-16'), { meetingId: 'M-1' })], counts(1, 0, 1, 0)],
    ['notice for the days around it', [], [notice('V-1', at('2026-11-10'), { fromDay: '2026-11-16', toDay: '2026-11-18' })], counts(1, 0, 1, 0)],
    ['notice given after it started', [], [notice('V-1', at('2026-11-17', '14:30'), { meetingId: 'M-1' })], counts(1, 0, 0, 1)],
    ['a plain absence', [marked(meetup, 'V-1', 'absent')], [], counts(1, 0, 0, 1)],
    ['no row at all', [], [], counts(1, 0, 0, 1)],
  ])('%s', (_, attendance, notices, expected) => {
    const result = dashboard({ meetings: [meetup], attendance, notices });
    expect(result.attendance.byVolunteer[0]!.counts).toEqual(expected);
    expect(result.attendance.byKind['CIL meetup']).toEqual(expected);
    expect(result.attendance.weekly.at(-1)!.all).toEqual(expected);
    expect(result.attendance.monthly.at(-1)!.all).toEqual(expected);
  });

  it.each([
    ['a team meeting of another team', meeting('M-1', '2026-11-17', { expectedAttendees: 'Transit' }), volunteer('V-1', { team: 'Water' })],
    ['a leads-only call, for a member', meeting('M-1', '2026-11-17', { kind: 'monthly CfP call', expectedAttendees: 'leads' }), volunteer('V-1')],
    ['a meeting before they joined', meeting('M-1', '2026-11-17'), volunteer('V-1', { joinedOn: '2026-11-18' })],
    ['a meeting not over yet', meeting('M-1', '2026-11-19', { startsAt: at('2026-11-19', '03:30'), endsAt: at('2026-11-19', '04:30') }), volunteer('V-1')],
  ])('expects nobody at %s', (_, m, v) => {
    const result = dashboard({ meetings: [m], volunteers: [v] });
    expect(result.attendance.byVolunteer[0]!.counts).toEqual(counts(0, 0, 0, 0));
    expect(Object.values(result.attendance.byKind).every((c) => c.expected === 0)).toBe(true);
  });

  it('rates calls and meetups together as "all", and every kind on its own', () => {
    const call = meeting('C-1', '2026-11-03', { kind: 'monthly CfP call' });
    const hackNight = meeting('H-1', '2026-11-12', { kind: 'hack night' });
    const result = dashboard({
      volunteers: [volunteer('V-1'), volunteer('V-2')],
      meetings: [meetup, call, hackNight],
      attendance: [session(meetup, 'V-1'), session(call, 'V-1'), session(call, 'V-2'), session(hackNight, 'V-2')],
    });
    expect(result.attendance.byKind['CIL meetup']).toEqual(counts(2, 1, 0, 1));
    expect(result.attendance.byKind['monthly CfP call']).toEqual(counts(2, 2, 0, 0));
    expect(result.attendance.byKind['hack night']).toEqual(counts(2, 1, 0, 1));
    expect(result.attendance.byKind.event).toEqual(counts(0, 0, 0, 0));
    expect(result.attendance.byVolunteer.map((v) => v.counts)).toEqual([counts(2, 2, 0, 0), counts(2, 1, 0, 1)]);
    expect(result.attendance.monthly.at(-1)!.all).toEqual(counts(4, 3, 0, 1));
    expect(result.attendance.weekly.map((point) => [point.period, point.all.expected])).toEqual([
      ['2026-W40', 0], ['2026-W41', 0], ['2026-W42', 0], ['2026-W43', 0], ['2026-W44', 0], ['2026-W45', 2], ['2026-W46', 0], ['2026-W47', 2],
    ]);
  });

  it('keeps six months of trend, older meetings in their month but outside the weeks shown', () => {
    const june = meeting('M-0', '2026-06-02');
    const result = dashboard({ meetings: [june], attendance: [session(june, 'V-1')] });
    expect(result.attendance.monthly.map((point) => point.period)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(result.attendance.monthly[0]!.all).toEqual(counts(1, 1, 0, 0));
    expect(result.attendance.byVolunteer[0]!.counts).toEqual(counts(0, 0, 0, 0));
  });
});

describe('the quarter block', () => {
  const lead = volunteer('V-9', { role: 'organizer' });
  const world: DashboardWorld = {
    volunteers: [volunteer('V-1'), lead],
    meetings: [
      meeting('E-0', '2026-09-26', { kind: 'event' }),
      meeting('C-0', '2026-09-01', { kind: 'monthly CfP call', expectedAttendees: 'leads' }),
      meeting('C-1', '2026-10-06', { kind: 'monthly CfP call', expectedAttendees: 'leads' }),
      meeting('C-2', '2026-11-03', { kind: 'monthly CfP call', expectedAttendees: 'leads' }),
      meeting('C-3', '2026-12-01', { kind: 'monthly CfP call', expectedAttendees: 'leads' }),
      meetup,
      meeting('M-2', '2026-11-24'),
      meeting('E-1', '2026-12-05', { kind: 'event', participantCount: 40 }),
    ],
  };

  it('counts what was held and what is planned, by month, with who came', () => {
    const [, c0, c1, c2] = world.meetings!;
    const result = dashboard({ ...world, attendance: [session(c0!, 'V-9'), session(c1!, 'V-9'), session(c2!, 'V-1'), session(meetup, 'V-1'), session(meetup, 'V-9')] });
    expect(result.quarter).toMatchObject({
      quarter: '2026-Q4',
      first: '2026-10-01',
      last: '2026-12-31',
      events: { held: 0, planned: 1, required: 1, met: false },
      meetups: { held: 1, planned: 1 },
      cfpCalls: { held: 2, planned: 1, attendedByLeads: 1 },
      months: [
        { month: '2026-10', cfpCalls: 1, meetups: 0, events: 0 },
        { month: '2026-11', cfpCalls: 1, meetups: 1, events: 0 },
        { month: '2026-12', cfpCalls: 0, meetups: 0, events: 0 },
      ],
    });
    expect(result.quarter.held).toEqual([
      { meetingId: 'C-1', kind: 'monthly CfP call', title: 'Meetup 2026-10-06', day: '2026-10-06', present: 1 },
      { meetingId: 'C-2', kind: 'monthly CfP call', title: 'Meetup 2026-11-03', day: '2026-11-03', present: 1 },
      { meetingId: 'M-1', kind: 'CIL meetup', title: 'Meetup 2026-11-17', day: '2026-11-17', present: 2 },
    ]);
    expect(result.headline.eventsThisQuarter).toBe(0);
  });

  it('meets the one-event rule once an event is held, against the target in Settings', () => {
    const held = { ...world, today: '2026-12-07' as const };
    expect(dashboard(held).quarter.events).toEqual({ held: 1, planned: 0, required: 1, met: true });
    expect(dashboard({ ...held, settings: { targetEvents: 2 } }).quarter.events).toEqual({ held: 1, planned: 0, required: 2, met: false });
    const row = dashboard(held).quarter.held.find((m) => m.meetingId === 'E-1');
    expect(row).toMatchObject({ participants: 40, present: 0 });
  });
});
