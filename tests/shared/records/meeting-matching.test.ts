import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../shared/records/meeting';
import {
  MATCH_MARGIN_MINUTES,
  meetingCandidates,
  meetingOfNotice,
  meetingOfSession,
  sessionMinutes,
  sessionStatus,
} from '../../../shared/records/meeting-matching';

const meeting = (id: string, startsAt: string, endsAt: string, extra: Partial<Meeting> = {}): Meeting => ({
  id,
  kind: 'CIL meetup',
  title: 'Weekly meetup',
  startsAt: startsAt as Meeting['startsAt'],
  endsAt: endsAt as Meeting['endsAt'],
  meetCode: 'abc-defg-hij',
  expectedAttendees: 'all',
  ...extra,
});

// One Meet code reused every week, as a recurring meetup keeps its code.
const week1 = meeting('w1', '2026-11-19T14:00:00.000Z', '2026-11-19T15:00:00.000Z');
const week2 = meeting('w2', '2026-11-26T14:00:00.000Z', '2026-11-26T15:00:00.000Z', { calendarEventId: 'event-2' });
const other = meeting('other', '2026-11-26T14:00:00.000Z', '2026-11-26T15:00:00.000Z', { meetCode: 'xyz-wxyz-xyz', title: 'Hack night', kind: 'hack night' });
const noCode = meeting('no-code', '2026-11-28T10:00:00.000Z', '2026-11-28T12:00:00.000Z', { meetCode: undefined, title: 'Street survey' });
const meetings = [week1, week2, other, noCode];

const session = (joinedAt: string, leftAt: string, meetCode = 'abc-defg-hij') => ({ meetCode, joinedAt, leftAt });

describe('meetingOfSession', () => {
  it('picks the meeting with the code whose time the session overlaps', () => {
    expect(meetingOfSession(meetings, session('2026-11-26T14:03:00.000Z', '2026-11-26T14:58:00.000Z'))?.id).toBe('w2');
    expect(meetingOfSession(meetings, session('2026-11-19T14:03:00.000Z', '2026-11-19T14:20:00.000Z'))?.id).toBe('w1');
    expect(meetingOfSession(meetings, session('2026-11-26T14:03:00.000Z', '2026-11-26T14:58:00.000Z', 'xyz-wxyz-xyz'))?.id).toBe('other');
  });

  it(`accepts a session up to ${MATCH_MARGIN_MINUTES} minutes outside the meeting, not more`, () => {
    expect(meetingOfSession(meetings, session('2026-11-26T13:31:00.000Z', '2026-11-26T13:35:00.000Z'))?.id).toBe('w2');
    expect(meetingOfSession(meetings, session('2026-11-26T15:29:00.000Z', '2026-11-26T15:40:00.000Z'))?.id).toBe('w2');
    expect(meetingOfSession(meetings, session('2026-11-26T13:00:00.000Z', '2026-11-26T13:29:00.000Z'))).toBeUndefined();
    expect(meetingOfSession(meetings, session('2026-11-26T15:31:00.000Z', '2026-11-26T16:00:00.000Z'))).toBeUndefined();
  });

  it('leaves a session with an unknown code unmatched', () => {
    expect(meetingOfSession(meetings, session('2026-11-26T14:03:00.000Z', '2026-11-26T14:58:00.000Z', 'qqq-qqqq-qqq'))).toBeUndefined();
  });

  it('prefers the meeting the session overlaps longest when two qualify', () => {
    const early = meeting('early', '2026-11-26T10:00:00.000Z', '2026-11-26T11:00:00.000Z');
    const late = meeting('late', '2026-11-26T11:15:00.000Z', '2026-11-26T12:00:00.000Z');
    expect(meetingOfSession([early, late], session('2026-11-26T10:50:00.000Z', '2026-11-26T11:55:00.000Z'))?.id).toBe('late');
    expect(meetingOfSession([late, early], session('2026-11-26T10:05:00.000Z', '2026-11-26T11:05:00.000Z'))?.id).toBe('early');
  });
});

describe('session minutes and status', () => {
  it('rounds to the nearest minute', () => {
    expect(sessionMinutes({ joinedAt: '2026-11-26T14:00:00.000Z', leftAt: '2026-11-26T14:47:29.000Z' })).toBe(47);
    expect(sessionMinutes({ joinedAt: '2026-11-26T14:00:00.000Z', leftAt: '2026-11-26T14:47:30.000Z' })).toBe(48);
    expect(sessionMinutes({ joinedAt: '2026-11-26T14:00:00.000Z', leftAt: '2026-11-26T14:00:00.000Z' })).toBe(0);
  });

  it('counts present from the minimum on', () => {
    expect(sessionStatus(5, 5)).toBe('present');
    expect(sessionStatus(4, 5)).toBe('absent');
    expect(sessionStatus(0, 0)).toBe('present');
  });
});

describe('meetingOfNotice', () => {
  const givenAt = '2026-11-25T09:00:00.000Z';

  it('finds the meeting by its Calendar event first', () => {
    expect(meetingOfNotice(meetings, { calendarEventId: 'event-2', givenAt })?.id).toBe('w2');
    // The event wins over a start time that would pick another meeting.
    expect(meetingOfNotice(meetings, { calendarEventId: 'event-2', startsAt: week1.startsAt, givenAt })?.id).toBe('w2');
  });

  it('finds it by Meet code and start time, or the code’s next meeting', () => {
    expect(meetingOfNotice(meetings, { meetCode: 'abc-defg-hij', startsAt: '2026-11-19T14:00:00.000Z', givenAt })?.id).toBe('w1');
    expect(meetingOfNotice(meetings, { meetCode: 'abc-defg-hij', givenAt })?.id).toBe('w2');
    // Given while week 2 runs: still that one.
    expect(meetingOfNotice(meetings, { meetCode: 'abc-defg-hij', givenAt: '2026-11-26T14:30:00.000Z' })?.id).toBe('w2');
    expect(meetingOfNotice(meetings, { meetCode: 'abc-defg-hij', givenAt: '2026-11-27T09:00:00.000Z' })).toBeUndefined();
  });

  it('falls back to the start time, preferring the same title, never contradicting a code', () => {
    expect(meetingOfNotice(meetings, { startsAt: '2026-11-28T10:00:00.000Z', givenAt })?.id).toBe('no-code');
    expect(meetingOfNotice(meetings, { startsAt: '2026-11-26T14:00:00.000Z', title: 'hack night', givenAt })?.id).toBe('other');
    expect(meetingOfNotice(meetings, { startsAt: '2026-11-26T14:00:00.000Z', title: 'Weekly meetup', givenAt })?.id).toBe('w2');
    // An unknown event at a known meeting's time: the one with no code of its own may match.
    expect(meetingOfNotice(meetings, { calendarEventId: 'unknown', startsAt: '2026-11-28T10:10:00.000Z', givenAt })?.id).toBe('no-code');
    // A code the tab does not know does not match a meeting that has another code.
    expect(meetingOfNotice(meetings, { meetCode: 'qqq-qqqq-qqq', startsAt: '2026-11-26T14:00:00.000Z', givenAt })).toBeUndefined();
    expect(meetingOfNotice(meetings, { startsAt: '2026-11-30T10:00:00.000Z', givenAt })).toBeUndefined();
    expect(meetingOfNotice(meetings, { calendarEventId: 'unknown', givenAt })).toBeUndefined();
  });
});

describe('meetingCandidates', () => {
  const ids = (found: Meeting[]) => found.map((m) => m.id);

  it('offers meetings at the time of the session whatever their code, then the code\'s meetings at other times, nearest first', () => {
    // A session with a code no meeting has, at the time of w2 and "other": both are candidates.
    expect(ids(meetingCandidates(meetings, session('2026-11-26T14:03:00.000Z', '2026-11-26T14:50:00.000Z', 'new-code-abc')))).toEqual(['w2', 'other']);
    // The code's own meeting at that time first; the code's meeting a week earlier after the rest.
    expect(ids(meetingCandidates(meetings, session('2026-11-26T14:03:00.000Z', '2026-11-26T14:50:00.000Z')))).toEqual(['w2', 'other', 'w1']);
    // Typed with the wrong date: only the code links it, nearest first.
    expect(ids(meetingCandidates(meetings, session('2026-11-21T14:00:00.000Z', '2026-11-21T15:00:00.000Z')))).toEqual(['w1', 'w2']);
    // A meeting with no code at all is offered by its time alone.
    expect(ids(meetingCandidates(meetings, session('2026-11-28T10:10:00.000Z', '2026-11-28T11:00:00.000Z')))).toEqual(['no-code', 'w2', 'w1']);
  });

  it('offers nothing for a session no meeting is near in time or code, and at most `limit`', () => {
    expect(meetingCandidates(meetings, session('2026-10-01T10:00:00.000Z', '2026-10-01T11:00:00.000Z', 'zzz-zzzz-zzz'))).toEqual([]);
    expect(ids(meetingCandidates(meetings, session('2026-11-26T14:03:00.000Z', '2026-11-26T14:50:00.000Z'), 1))).toEqual(['w2']);
  });

  it('offers the latest meetings of its code for a row without times', () => {
    expect(ids(meetingCandidates(meetings, { meetCode: 'abc-defg-hij' }))).toEqual(['w2', 'w1']);
    expect(meetingCandidates(meetings, {})).toEqual([]);
  });
});
