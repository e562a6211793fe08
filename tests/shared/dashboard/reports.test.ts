import { describe, expect, it } from 'vitest';
import { dashboardOf } from '../../../shared/dashboard';
import { reportStateOf } from '../../../shared/dashboard/reports';
import { dashboardInput, deliverable, volunteer, TODAY, type DashboardWorld } from './world';

// TODAY is 2026-11-19, in 2026-Q4 (1 Oct – 31 Dec); the quarter before is 2026-Q3.

const dashboard = (world: DashboardWorld) => dashboardOf(dashboardInput(world));

describe('reportStateOf', () => {
  it.each([
    ['submitted before the due day', { submittedOn: '2026-11-10', status: 'submitted' }, '2026-11-12', 'on time'],
    ['submitted on the due day', { submittedOn: '2026-11-12', status: 'submitted' }, '2026-11-12', 'on time'],
    ['submitted the day after', { submittedOn: '2026-11-13', status: 'submitted' }, '2026-11-12', 'late'],
    ['a submission dated after today', { submittedOn: '2026-11-20', status: 'submitted' }, '2026-11-12', 'overdue'],
    ['pending, due yesterday', {}, '2026-11-18', 'overdue'],
    ['pending, due today', {}, TODAY, 'not due yet'],
    ['pending, due next week', {}, '2026-11-26', 'not due yet'],
    ['waived, though overdue', { status: 'waived' }, '2026-11-01', 'waived'],
  ] as const)('%s', (_, change, dueOn, state) => {
    expect(reportStateOf(deliverable('V-1', dueOn, change), TODAY)).toBe(state);
  });
});

describe('the reports block', () => {
  const world: DashboardWorld = {
    volunteers: [volunteer('V-1', { name: 'Ayesha' })],
    deliverables: [
      deliverable('V-1', '2026-10-05', { submittedOn: '2026-10-04', status: 'submitted' }),
      deliverable('V-1', '2026-10-12', { submittedOn: '2026-10-15', status: 'submitted' }),
      deliverable('V-1', '2026-11-02', { title: 'Monthly update 2026-10', kind: 'monthly progress update' }),
      deliverable('V-1', '2026-11-16', { title: 'Weekly summary W46', kind: 'weekly summary' }),
      deliverable('V-1', '2026-11-20', { title: 'Due tomorrow' }),
      deliverable('V-1', '2026-12-01', { kind: 'monthly progress update', submittedOn: '2026-11-18', status: 'submitted' }),
      deliverable('V-1', '2026-10-20', { status: 'waived' }),
      deliverable('V-1', '2026-09-10', { title: 'Old report', submittedOn: '2026-09-09', status: 'submitted' }),
      deliverable('V-1', '2026-09-20', { title: 'Older, still owed' }),
      deliverable('V-404', '2026-11-17', { title: 'Owner left the roster' }),
    ],
  };

  it("counts the quarter's reports and lists everything overdue, most overdue first", () => {
    expect(dashboard(world).reports).toEqual({
      quarter: '2026-Q4',
      due: 6,
      onTime: 2,
      late: 1,
      pendingOverdue: 3,
      onTimeRate: 0.33,
      upcoming: 1,
      overdue: [
        { deliverableId: expect.any(String), title: 'Older, still owed', ownerVolunteerId: 'V-1', ownerName: 'Ayesha', dueOn: '2026-09-20', daysOverdue: 60 },
        { deliverableId: expect.any(String), title: 'Monthly update 2026-10', ownerVolunteerId: 'V-1', ownerName: 'Ayesha', dueOn: '2026-11-02', daysOverdue: 17 },
        { deliverableId: expect.any(String), title: 'Weekly summary W46', ownerVolunteerId: 'V-1', ownerName: 'Ayesha', dueOn: '2026-11-16', daysOverdue: 3 },
        { deliverableId: expect.any(String), title: 'Owner left the roster', ownerVolunteerId: 'V-404', ownerName: 'V-404', dueOn: '2026-11-17', daysOverdue: 2 },
      ],
    });
  });

  it("gives the manager the quarter's monthly updates", () => {
    expect(dashboard(world).roles.manager.monthlyReports).toEqual({ due: 2, onTime: 1, late: 0, overdue: 1 });
  });

  it('has no rate when nothing was due yet', () => {
    expect(dashboard({ deliverables: [deliverable('V-1', '2026-12-01')] }).reports).toMatchObject({ due: 0, onTimeRate: null, upcoming: 1 });
  });

  it.each([
    ['none in the tab', [], { state: 'none' }],
    ['the latest due this year', [deliverable('V-1', '2025-07-15', { kind: 'mid-year report', title: '2025' }), deliverable('V-1', '2026-07-15', { kind: 'mid-year report', title: '2026', submittedOn: '2026-07-20' })], { title: '2026', dueOn: '2026-07-15', state: 'late' }],
    ['not one due next year', [deliverable('V-1', '2026-07-15', { kind: 'mid-year report', title: '2026' }), deliverable('V-1', '2027-07-15', { kind: 'mid-year report', title: '2027' })], { title: '2026', dueOn: '2026-07-15', state: 'overdue' }],
  ])("shows the mid-year survey: %s", (_, deliverables, line) => {
    expect(dashboard({ deliverables }).roles.manager.midYearSurvey).toEqual(line);
  });

  it('shows the annual report', () => {
    const deliverables = [deliverable('V-1', '2026-01-31', { kind: 'annual report', title: 'Annual report 2025', submittedOn: '2026-01-30' })];
    expect(dashboard({ deliverables }).roles.manager.annualReport).toEqual({ title: 'Annual report 2025', dueOn: '2026-01-31', state: 'on time' });
  });
});
