import { describe, expect, it } from 'vitest';
import {
  citizenCounts,
  deliverableCounts,
  deliverablesDueIn,
  hoursIn,
  meetingsIn,
  membership,
  overdueAt,
  projectsDuring,
  stepsIn,
  storyCounts,
  volunteerFacts,
} from '../../../shared/reports/report-facts';
import { at, citizen, deliverable, hours, marked, meeting, notice, present, period, project, records, settings, step, story, volunteer } from './report-world';

const november = period('2026-11', 'month');

describe('hours in a period', () => {
  const entries = [
    hours('V-1', '2026-10-31', 1),
    hours('V-1', '2026-11-01', 2),
    hours('V-1', '2026-11-30', 4),
    hours('V-1', '2026-12-01', 8),
  ];
  it.each([
    ['the month', november, ['2026-11-01', '2026-11-30']],
    ['the first week of December (from Monday 30 November)', period('2026-W49', 'week'), ['2026-11-30', '2026-12-01']],
    ['a week with nothing logged', period('2026-W40', 'week'), []],
  ])('%s takes the entries on its first and last day, and none outside', (_, span, days) => {
    expect(hoursIn(records({ hours: entries }), span).map((entry) => entry.day)).toEqual(days);
  });
});

describe('meetings in a period, by their day in the CIL\'s time zone', () => {
  const cases = [
    // 19:30 UTC is 00:30 the next day in Karachi.
    { name: 'the last evening of October in UTC is 1 November in Karachi', startsAt: '2026-10-31', time: '19:30', inNovember: true },
    { name: 'the last evening of November in UTC is 1 December in Karachi', startsAt: '2026-11-30', time: '19:30', inNovember: false },
    { name: 'late on 30 November in Karachi', startsAt: '2026-11-30', time: '18:00', inNovember: true },
    { name: '1 November at 05:00 in Karachi', startsAt: '2026-11-01', time: '00:00', inNovember: true },
  ] as const;
  it.each(cases)('$name', ({ startsAt, time, inNovember }) => {
    const held = meetingsIn(records({ meetings: [meeting('M-1', startsAt, {}, time)] }), november, settings());
    expect(held.length).toBe(inNovember ? 1 : 0);
  });

  it('counts present, excused and absent volunteers, and participants', () => {
    const meetup = meeting('M-1', '2026-11-10');
    const event = meeting('M-2', '2026-11-14', { kind: 'event', participantCount: 35 });
    const world = records({
      meetings: [event, meetup],
      attendance: [
        present(meetup, 'V-1'),
        present(meetup, 'V-2', 3), // under the CIL's 5 minutes: not present
        marked(meetup, 'V-3', 'absent with notice'),
        marked(meetup, 'V-4', 'present'),
        present(event, 'V-1'),
      ],
    });
    const held = meetingsIn(world, november, settings());
    expect(held.map((h) => [h.meeting.id, h.presentIds.sort(), h.withNotice, h.absent, h.participants])).toEqual([
      ['M-1', ['V-1', 'V-4'], 1, 1, 2],
      ['M-2', ['V-1'], 0, 0, 35],
    ]);
  });
});

describe('volunteer rows', () => {
  const meetup = meeting('M-1', '2026-11-10');
  const world = records({
    volunteers: [
      volunteer('V-1', { name: 'Ayesha', role: 'organizer' }),
      volunteer('V-2', { name: 'Bilal' }),
      volunteer('V-3', { name: 'Chand', joinedOn: '2026-11-24' }),
      volunteer('V-4', { name: 'Dua', joinedOn: '2026-12-02' }),
      volunteer('V-5', { name: 'Emaan', status: 'offboarded' }),
      volunteer('V-6', { name: 'Faraz', status: 'offboarded' }),
      volunteer('V-7', { name: 'Ghazal', weeklyCommitmentHours: 7 }),
    ],
    hours: [hours('V-2', '2026-11-03', 2.5), hours('V-2', '2026-11-20', 1.25), hours('V-5', '2026-11-02', 3), hours('V-1', '2026-10-30', 9)],
    meetings: [meetup],
    attendance: [present(meetup, 'V-2'), present(meetup, 'V-7')],
  });
  const rows = volunteerFacts(world, november, settings());

  it('lists who logged hours or was a member through the period, most hours first', () => {
    // Dua joined after November; Faraz was offboarded and logged nothing.
    expect(rows.map((row) => row.volunteer.name)).toEqual(['Bilal', 'Emaan', 'Ayesha', 'Chand', 'Ghazal']);
  });

  it.each([
    ['Bilal', 3.75, (5 * 30) / 7, 1],
    ['Ayesha', 0, (4 * 30) / 7, 0],
    ['Chand', 0, (5 * 7) / 7, 0],
    ['Ghazal', 0, (7 * 30) / 7, 1],
  ])('%s: %s hours against a commitment of %s over the days they were a member, %s meetings', (name, total, commitment, meetings) => {
    const row = rows.find((r) => r.volunteer.name === name)!;
    expect(row.hours).toBe(total);
    expect(row.commitment).toBeCloseTo(commitment, 10);
    expect(row.meetingsAttended).toBe(meetings);
  });

  it('counts members at the end of the period and those who joined in it', () => {
    expect(membership(world, november)).toEqual({ members: 4, joined: 1 });
  });
});

describe('deliverables due in a period', () => {
  const world = records({
    deliverables: [
      deliverable('D-1', '2026-11-05', { status: 'submitted', submittedOn: '2026-11-04' }),
      deliverable('D-2', '2026-11-10', { status: 'submitted', submittedOn: '2026-11-12' }),
      deliverable('D-3', '2026-11-30', { status: 'drafted', link: 'https://docs.google.com/document/d/x/edit' }),
      deliverable('D-4', '2026-11-20', { status: 'waived' }),
      deliverable('D-5', '2026-10-31'),
      deliverable('D-6', '2026-12-01'),
    ],
  });

  it('counts on time, late and outstanding, leaving out waived ones', () => {
    const due = deliverablesDueIn(world, november);
    expect(due.map((d) => d.id)).toEqual(['D-1', 'D-2', 'D-3']);
    expect(deliverableCounts(due)).toEqual({ due: 3, onTime: 1, late: 1, outstanding: 1 });
  });

  it('names a drafted one as overdue, like a pending one, once its day has passed', () => {
    expect(overdueAt(world, '2026-11-30').map((d) => d.id)).toEqual(['D-3', 'D-5']);
    expect(overdueAt(world, '2026-11-29').map((d) => d.id)).toEqual(['D-5']);
  });
});

describe('the rest of the records in a period', () => {
  it('takes log steps by their day in Karachi, leaving out dismissed and proposed ones', () => {
    const world = records({
      log: [
        step('warning', at('2026-10-31', '19:30')),
        step('warning', at('2026-11-30', '19:30')),
        step('reminder', at('2026-11-10'), { status: 'dismissed' }),
        step('offboarding', at('2026-11-11'), { status: 'proposed' }),
        step('mentor check-in', at('2026-11-12'), { status: 'approved' }),
      ],
    });
    expect(stepsIn(world, november, settings()).map((s) => [s.event.kind, s.day])).toEqual([
      ['warning', '2026-11-01'],
      ['mentor check-in', '2026-11-12'],
    ]);
  });

  it('counts projects under way in the period', () => {
    const world = records({
      projects: [
        project('P-1', { startedOn: '2026-12-01' }),
        project('P-2', { startedOn: '2026-01-01', completedOn: '2026-10-31', status: 'completed' }),
        project('P-3', { startedOn: '2026-01-01', completedOn: '2026-11-01', status: 'completed' }),
        project('P-4'),
        project('P-5', { status: 'dropped' }),
      ],
    });
    expect(projectsDuring(world, november).map((p) => p.id)).toEqual(['P-3', 'P-4']);
  });

  it('adds up stories and their reach', () => {
    const stories = [story('S-1', '2026-11-01', { views: 10, shares: 2 }), story('S-2', '2026-11-02', { kind: 'press mention', reactions: 5 })];
    expect(storyCounts(stories)).toEqual({ blogPosts: 1, pressMentions: 1, socialPosts: 0, views: 10, reactions: 5, shares: 2 });
  });

  it('counts citizens who consented in the period and those whose consent stands at its end', () => {
    const world = records({
      citizens: [
        citizen('C-1', '2026-10-01'),
        citizen('C-2', '2026-11-05'),
        citizen('C-3', '2026-11-06', { consentWithdrawnOn: '2026-11-20' }),
        citizen('C-4', '2026-12-01'),
      ],
    });
    expect(citizenCounts(world, november)).toEqual({ joined: 2, consenting: 2 });
  });

  it('has nothing to count in an empty period', () => {
    const world = records({ notices: [notice('V-1', at('2026-11-03'))] });
    expect(meetingsIn(world, november, settings())).toEqual([]);
    expect(volunteerFacts(world, november, settings())).toEqual([]);
    expect(deliverableCounts(deliverablesDueIn(world, november))).toEqual({ due: 0, onTime: 0, late: 0, outstanding: 0 });
  });
});
