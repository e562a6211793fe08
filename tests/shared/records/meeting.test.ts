import { describe, expect, it } from 'vitest';
import { meetingSchema, MEETING_KINDS } from '../../../shared/records/meeting';

const meeting = {
  id: 'M-1',
  kind: 'monthly CfP call',
  title: 'November CfP call',
  startsAt: '2026-11-27T14:00:00.000Z',
  endsAt: '2026-11-27T15:00:00.000Z',
  meetCode: 'abc-defg-hij',
  calendarEventId: '4k3j2h1g0f_20261127T140000Z',
  expectedAttendees: 'leads',
  participantCount: 12,
  takeaways: 'Q4 story due 15 December',
};

const messages = (change: Record<string, unknown>) =>
  meetingSchema.safeParse({ ...meeting, ...change }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('meeting', () => {
  it('accepts a meeting, defaulting expected attendees to all', () => {
    expect(meetingSchema.parse(meeting)).toEqual(meeting);
    expect(meetingSchema.parse({ ...meeting, expectedAttendees: undefined }).expectedAttendees).toBe('all');
  });

  it('knows the CIL\'s kinds of meeting', () => {
    expect(MEETING_KINDS).toEqual(['monthly CfP call', 'CIL meetup', 'hack night', 'event', 'check-in']);
    expect(messages({ kind: 'party' })?.[0]).toMatch(/^kind: must be one of/);
  });

  it('refuses a meeting that ends before it starts, or when it starts', () => {
    expect(messages({ endsAt: '2026-11-27T13:00:00.000Z' })).toEqual(['endsAt: must be after "Starts at"']);
    expect(messages({ endsAt: meeting.startsAt })).toEqual(['endsAt: must be after "Starts at"']);
  });

  it('checks the Meet code and counts', () => {
    expect(messages({ meetCode: 'abc-defg-hi' })).toEqual(['meetCode: must be a Meet code like abc-defg-hij']);
    expect(messages({ participantCount: 2.5 })).toEqual(['participantCount: must be a whole number']);
  });
});
