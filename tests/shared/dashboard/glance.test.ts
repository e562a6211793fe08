import { describe, expect, it } from 'vitest';
import { dashboardOf, glanceOf } from '../../../shared/dashboard';
import { at, dashboardInput, hours, meeting, volunteer, type DashboardWorld } from './world';

// The add-on card's glance (TODAY is Thursday 2026-11-19, in 2026-Q4) is the Dashboard's own figures:
// the members' hours this week against the expected members' commitments, and the quarter's held
// events against the Settings' target.

function both(world: DashboardWorld) {
  const input = dashboardInput(world);
  const dashboard = dashboardOf(input);
  return { glance: glanceOf(input), dashboard };
}

const ROSTER = [
  volunteer('V-1'),
  volunteer('V-2', { status: 'warned' }),
  volunteer('V-3', { status: 'on leave' }),
  volunteer('V-4', { status: 'offboarded' }),
  volunteer('V-5', { joinedOn: '2026-11-21' }),
];

describe('glanceOf', () => {
  it.each<[string, DashboardWorld, { hoursThisWeek: number; committedThisWeek: number }]>([
    ['an active member', { hours: [hours('V-1', '2026-11-17', 2)] }, { hoursThisWeek: 2, committedThisWeek: 15 }],
    ['a member on leave still counts their hours, not their commitment', { hours: [hours('V-3', '2026-11-17', 1.5)] }, { hoursThisWeek: 1.5, committedThisWeek: 15 }],
    ['a former member does not count', { hours: [hours('V-4', '2026-11-17', 4)] }, { hoursThisWeek: 0, committedThisWeek: 15 }],
    ['last week does not count', { hours: [hours('V-1', '2026-11-15', 3)] }, { hoursThisWeek: 0, committedThisWeek: 15 }],
    ['logged after now does not count yet', { hours: [hours('V-1', '2026-11-18', 1, { loggedAt: at('2026-11-19', '06:00') })] }, { hoursThisWeek: 0, committedThisWeek: 15 }],
  ])('counts the week: %s', (_, world, expected) => {
    const { glance, dashboard } = both({ volunteers: ROSTER, ...world });
    expect(glance).toMatchObject(expected);
    expect({ hoursThisWeek: dashboard.headline.hoursThisWeek, committedThisWeek: dashboard.headline.committedThisWeek }).toEqual(expected);
  });

  it.each<[string, DashboardWorld, { held: number; planned: number; required: number; met: boolean }]>([
    ['one held meets one', { meetings: [meeting('E-1', '2026-10-10', { kind: 'event' })] }, { held: 1, planned: 0, required: 1, met: true }],
    ['a planned one does not meet it yet', { meetings: [meeting('E-1', '2026-12-10', { kind: 'event' })] }, { held: 0, planned: 1, required: 1, met: false }],
    ['the target comes from Settings', { meetings: [meeting('E-1', '2026-10-10', { kind: 'event' })], settings: { targetEvents: 2 } }, { held: 1, planned: 0, required: 2, met: false }],
    ['last quarter and meetups are not events of this quarter', { meetings: [meeting('E-1', '2026-09-30', { kind: 'event' }), meeting('M-1', '2026-11-03', { kind: 'CIL meetup' })] }, { held: 0, planned: 0, required: 1, met: false }],
  ])('counts the events: %s', (_, world, expected) => {
    const { glance, dashboard } = both({ volunteers: ROSTER, ...world });
    expect(glance.events).toEqual(expected);
    expect(glance.quarter).toBe('2026-Q4');
    expect(dashboard.quarter.events).toEqual(expected);
    expect(dashboard.headline.eventsThisQuarter).toBe(expected.held);
  });
});
