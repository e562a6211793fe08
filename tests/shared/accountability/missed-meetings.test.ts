import { describe, expect, it } from 'vitest';
import type { Attendance } from '../../../shared/records/attendance';
import type { Meeting } from '../../../shared/records/meeting';
import type { Notice } from '../../../shared/records/notice';
import type { Standing } from '../../../shared/accountability/types';
import { actionsOf, assessmentOf, at, evaluate, inTouch, marked, meeting, notice, session, TUESDAYS, volunteer } from './world';

// Three meetups before today (Thursday 2026-11-19): Tuesdays 3, 10 and 17 November.
const [m1, m2, m3] = TUESDAYS.slice(0, 3).map((day, i) => meeting(`M-${i + 1}`, day, { meetCode: 'abc-defg-hij' })) as [Meeting, Meeting, Meeting];

type Case = {
  name: string;
  meetings?: Meeting[];
  attendance?: Attendance[];
  notices?: Notice[];
  settings?: { consecutiveMissesForInactivity?: number; minimumMinutesPresent?: number };
  standing: Standing;
  misses: string[];
};

const cases: Case[] = [
  { name: 'attended all three', attendance: [session(m1, 'V-1'), session(m2, 'V-1'), session(m3, 'V-1')], standing: 'active', misses: [] },
  { name: 'two consecutive misses (the last two)', attendance: [session(m1, 'V-1')], standing: 'inactive', misses: ['M-2', 'M-3'] },
  { name: 'three consecutive misses', standing: 'inactive', misses: ['M-1', 'M-2', 'M-3'] },
  { name: 'two non-consecutive misses (miss, attend, miss)', attendance: [session(m2, 'V-1')], standing: 'at risk', misses: ['M-3'] },
  { name: 'one miss, the last', attendance: [session(m1, 'V-1'), session(m2, 'V-1')], standing: 'at risk', misses: ['M-3'] },
  { name: 'two misses, then back at the last meetup', attendance: [session(m3, 'V-1')], standing: 'active', misses: [] },
  {
    name: 'prior notice for the middle meeting breaks the run',
    notices: [notice('V-1', at('2026-11-09', '10:00'), { meetingId: 'M-2' })],
    standing: 'at risk',
    misses: ['M-3'],
  },
  {
    name: 'notice one minute before the meeting starts counts',
    attendance: [session(m1, 'V-1')],
    notices: [notice('V-1', at('2026-11-17', '13:59'), { meetingId: 'M-3' })],
    standing: 'active',
    misses: [],
  },
  {
    name: 'notice given as the meeting starts does not count',
    attendance: [session(m1, 'V-1')],
    notices: [notice('V-1', at('2026-11-17', '14:00'), { meetingId: 'M-3' })],
    standing: 'inactive',
    misses: ['M-2', 'M-3'],
  },
  {
    name: 'notice given after the meeting does not count',
    attendance: [session(m1, 'V-1')],
    notices: [notice('V-1', at('2026-11-18', '09:00'), { meetingId: 'M-3' })],
    standing: 'inactive',
    misses: ['M-2', 'M-3'],
  },
  {
    name: 'a notice dated before the meeting and received before it counts',
    attendance: [session(m1, 'V-1')],
    notices: [notice('V-1', at('2026-11-17', '09:00'), { meetingId: 'M-3', receivedAt: at('2026-11-17', '09:01') })],
    standing: 'active',
    misses: [],
  },
  {
    name: 'a notice dated before the meeting but received after it started does not count',
    attendance: [session(m1, 'V-1')],
    notices: [notice('V-1', at('2026-11-17', '09:00'), { meetingId: 'M-3', receivedAt: at('2026-11-17', '14:30') })],
    standing: 'inactive',
    misses: ['M-2', 'M-3'],
  },
  {
    name: 'a notice for days covering the meeting, given before, counts',
    attendance: [session(m1, 'V-1')],
    notices: [notice('V-1', at('2026-11-01', '09:00'), { fromDay: '2026-11-15', toDay: '2026-11-18' })],
    standing: 'active',
    misses: [],
  },
  {
    name: 'a notice for one day (From only) covering the meeting counts',
    attendance: [session(m1, 'V-1')],
    notices: [notice('V-1', at('2026-11-01', '09:00'), { fromDay: '2026-11-17' })],
    standing: 'active',
    misses: [],
  },
  {
    name: 'a notice for days, given after the meeting, does not count',
    attendance: [session(m1, 'V-1')],
    notices: [notice('V-1', at('2026-11-18', '09:00'), { fromDay: '2026-11-15', toDay: '2026-11-18' })],
    standing: 'inactive',
    misses: ['M-2', 'M-3'],
  },
  {
    name: 'a communication is not an absence notice',
    attendance: [session(m1, 'V-1')],
    notices: [notice('V-1', at('2026-11-09', '10:00'), { kind: 'communication', meetingId: 'M-3' })],
    standing: 'inactive',
    misses: ['M-2', 'M-3'],
  },
  {
    name: 'an attendance row "absent with notice" excuses',
    attendance: [session(m1, 'V-1'), marked(m2, 'V-1', 'absent with notice')],
    standing: 'at risk',
    misses: ['M-3'],
  },
  {
    name: 'a session shorter than the minimum is a miss',
    attendance: [session(m1, 'V-1'), session(m2, 'V-1', 4), session(m3, 'V-1', 4)],
    standing: 'inactive',
    misses: ['M-2', 'M-3'],
  },
  {
    name: 'exactly the minimum is present',
    attendance: [session(m1, 'V-1'), session(m2, 'V-1', 5), session(m3, 'V-1', 5)],
    standing: 'active',
    misses: [],
  },
  {
    name: 'two short sessions of one meeting add up to the minimum',
    attendance: [session(m1, 'V-1'), session(m2, 'V-1', 3), session(m2, 'V-1', 2), session(m3, 'V-1')],
    standing: 'active',
    misses: [],
  },
  {
    name: 'a higher minimum turns a 20-minute session into a miss',
    settings: { minimumMinutesPresent: 30 },
    attendance: [session(m1, 'V-1'), session(m2, 'V-1', 20), session(m3, 'V-1', 20)],
    standing: 'inactive',
    misses: ['M-2', 'M-3'],
  },
  {
    name: 'a lead marking "present" by hand counts',
    attendance: [session(m1, 'V-1'), marked(m2, 'V-1', 'present'), marked(m3, 'V-1', 'present')],
    standing: 'active',
    misses: [],
  },
  {
    name: 'an unlinked Meet session is matched to its meeting by code and time',
    attendance: [session(m1, 'V-1'), session(m2, 'V-1', 60, { meetingId: undefined }), session(m3, 'V-1', 60, { meetingId: undefined })],
    standing: 'active',
    misses: [],
  },
  {
    name: 'not expected at the middle meeting: the misses around it are consecutive',
    meetings: [m1, { ...m2, expectedAttendees: 'leads' }, m3],
    standing: 'inactive',
    misses: ['M-1', 'M-3'],
  },
  {
    name: 'not expected at any (team meetings of another team)',
    meetings: [m1, m2, m3].map((m) => ({ ...m, expectedAttendees: 'Outreach' })),
    standing: 'active',
    misses: [],
  },
  {
    name: 'hack nights and events do not count',
    meetings: [{ ...m1, kind: 'hack night' }, { ...m2, kind: 'event' }, { ...m3, kind: 'check-in' }],
    standing: 'active',
    misses: [],
  },
  {
    name: 'monthly CfP calls and meetups make one run',
    meetings: [m1, { ...m2, kind: 'monthly CfP call' }, m3],
    attendance: [session(m1, 'V-1')],
    standing: 'inactive',
    misses: ['M-2', 'M-3'],
  },
  {
    name: 'three in a row needed when the setting says 3',
    settings: { consecutiveMissesForInactivity: 3 },
    attendance: [session(m1, 'V-1')],
    standing: 'at risk',
    misses: ['M-2', 'M-3'],
  },
  {
    name: 'a meeting held today is not judged until tomorrow',
    meetings: [m1, m2, { ...m3, startsAt: at('2026-11-19', '03:00'), endsAt: at('2026-11-19', '03:30') }],
    attendance: [session(m1, 'V-1')],
    standing: 'at risk',
    misses: ['M-2'],
  },
  {
    name: 'meetings before the volunteer joined do not count',
    meetings: [{ ...m1, startsAt: at('2025-11-04'), endsAt: at('2025-11-04', '15:00') }, { ...m2, startsAt: at('2025-11-11'), endsAt: at('2025-11-11', '15:00') }, m3],
    attendance: [session(m3, 'V-1')],
    standing: 'active',
    misses: [],
  },
];

describe('rule: two consecutive calls or meetups missed without prior notice', () => {
  it.each(cases)('$name → $standing', ({ meetings, attendance, notices, settings, standing, misses }) => {
    const result = evaluate({ meetings: meetings ?? [m1, m2, m3], attendance, notices, settings, hours: [inTouch()] });
    const assessment = assessmentOf(result);
    expect(assessment.standing).toBe(standing);
    expect(assessment.consecutiveMisses.map((ref) => ref.id)).toEqual(misses);
    const reason = assessment.reasons.find((r) => r.code === 'missed meetings');
    if (misses.length === 0) expect(reason).toBeUndefined();
    else expect(reason?.evidence.filter((ref) => ref.tab === 'Meetings').map((ref) => ref.id)).toEqual(misses);
    expect(actionsOf(result, 'warning').length).toBe(standing === 'inactive' ? 1 : 0);
  });

  it('states the meetings, the attendance rows and the late notice as evidence, and dates inactivity from the day after the second miss', () => {
    const late = notice('V-1', at('2026-11-18', '09:00'), { meetingId: 'M-3' });
    const short = session(m3, 'V-1', 2);
    const result = evaluate({ meetings: [m1, m2, m3], attendance: [session(m1, 'V-1'), short], notices: [late], hours: [inTouch()] });
    const reason = assessmentOf(result).reasons.find((r) => r.code === 'missed meetings');
    expect(reason).toMatchObject({ severity: 'inactive', since: '2026-11-18' });
    expect(reason?.evidence).toEqual([
      { tab: 'Meetings', id: 'M-2', day: '2026-11-10', what: 'Missed without prior notice: CIL meetup "Meetup 2026-11-10"' },
      { tab: 'Meetings', id: 'M-3', day: '2026-11-17', what: 'Missed without prior notice: CIL meetup "Meetup 2026-11-17"' },
      { tab: 'Attendance', id: short.id, day: '2026-11-17', what: 'absent (2 minutes in all, 5 needed)' },
      { tab: 'Notices', id: late.id, day: '2026-11-18', what: 'Notice given after the meeting started' },
    ]);
    const [warning] = actionsOf(result, 'warning');
    expect(warning?.checkKey).toBe('warning:V-1:1:2026-11-18');
    expect(warning?.evidenceText).toBe(
      'Warning 1 of 2, inactive since 2026-11-18: Missed 2 consecutive calls and meetups without prior notice: ' +
        'CIL meetup "Meetup 2026-11-10" on 2026-11-10 [M-2]; CIL meetup "Meetup 2026-11-17" on 2026-11-17 [M-3].',
    );
  });

  it('names a notice received too late for a lead to judge', () => {
    const queued = notice('V-1', at('2026-11-17', '09:00'), { meetingId: 'M-3', receivedAt: at('2026-11-18', '02:00') });
    const result = evaluate({ meetings: [m1, m2, m3], attendance: [session(m1, 'V-1')], notices: [queued], hours: [inTouch()] });
    const evidence = assessmentOf(result).reasons[0]?.evidence.filter((ref) => ref.tab === 'Notices');
    expect(evidence).toEqual([
      { tab: 'Notices', id: queued.id, day: '2026-11-18', what: 'Notice dated before the meeting but received after it started (for a lead to judge)' },
    ]);
  });

  it('judges each volunteer on the meetings they were expected at', () => {
    const leadsOnly = [m1, m2, m3].map((m) => ({ ...m, expectedAttendees: 'leads' }));
    const result = evaluate({
      volunteers: [volunteer('V-1'), volunteer('V-2', { role: 'organizer' })],
      meetings: leadsOnly,
      hours: [inTouch('V-1'), inTouch('V-2')],
    });
    expect(assessmentOf(result, 'V-1').standing).toBe('active');
    expect(assessmentOf(result, 'V-2').standing).toBe('inactive');
  });
});
