import { z } from '../zod';
import { instantMs } from '../time/instant';
import { column } from './columns';
import { defineTab } from './tab';

export const MEETING_KINDS = ['monthly CfP call', 'CIL meetup', 'hack night', 'event', 'check-in'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const meetingSchema = z
  .object({
    id: column.id('Meeting ID'),
    kind: column.choice('Kind', MEETING_KINDS),
    title: column.text('Title', { max: 500 }),
    startsAt: column.datetime('Starts at'),
    endsAt: column.datetime('Ends at'),
    meetCode: column.meetCode('Meet code').optional(),
    calendarEventId: column.text('Calendar event ID', { max: 1024 }).optional(),
    /**
     * Who is expected: 'all' (every active volunteer), 'leads' (the lead roles), or a team's name as
     * written in the Volunteers tab.
     */
    expectedAttendees: column.text('Expected attendees', { max: 200 }).default('all'),
    participantCount: column.number('Participants', { min: 0, integer: true }).optional(),
    takeaways: column.text('Takeaways').optional(),
  })
  .refine((meeting) => (instantMs(meeting.endsAt) ?? 0) > (instantMs(meeting.startsAt) ?? 0), {
    path: ['endsAt'],
    error: 'must be after "Starts at"',
  });
export type Meeting = z.output<typeof meetingSchema>;

export const meetingsTab = defineTab('Meetings', meetingSchema);
