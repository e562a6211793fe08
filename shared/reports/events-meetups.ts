import { countByKind, MEETING_ROW_FIELDS, meetingRow, meetingsIn, sum, takeawaySentences, type HeldMeeting } from './report-facts';
import { defineReport } from './report-kind';
import { fromRecordsOr } from './report-text';

// The events and meetups report: how many events and meetups the CIL held in the quarter (the handbook
// asks for at least one event a quarter), who came, and the takeaways written in the Meetings tab.

const averagePresent = (held: readonly HeldMeeting[]) =>
  held.length === 0 ? '0' : String(Math.round((sum(held.map((h) => h.presentIds.length)) / held.length) * 10) / 10);

export const eventsMeetups = defineReport({
  kind: 'events & meetups report',
  title: 'Events and meetups report',
  about: 'The quarter: number of events and meetups, who came, and the key takeaways.',
  periodKind: 'quarter',
  fields: ['eventCount', 'meetupCount', 'hackNightCount', 'cfpCallCount', 'participants', 'averageMeetupAttendance', 'keyTakeaways'],
  lists: { events: MEETING_ROW_FIELDS, meetups: MEETING_ROW_FIELDS, hackNights: MEETING_ROW_FIELDS },
  flags: [],
  values({ records, period, settings }) {
    const held = meetingsIn(records, period, settings);
    const ofKind = (kind: HeldMeeting['meeting']['kind']) => held.filter((h) => h.meeting.kind === kind);
    const gatherings = held.filter((h) => h.meeting.kind !== 'monthly CfP call' && h.meeting.kind !== 'check-in');
    return {
      fields: {
        eventCount: String(countByKind(held, 'event')),
        meetupCount: String(countByKind(held, 'CIL meetup')),
        hackNightCount: String(countByKind(held, 'hack night')),
        cfpCallCount: String(countByKind(held, 'monthly CfP call')),
        participants: String(sum(gatherings.map((h) => h.participants))),
        averageMeetupAttendance: averagePresent(ofKind('CIL meetup')),
        keyTakeaways: fromRecordsOr(takeawaySentences(held), 'the key takeaways from the events and meetups'),
      },
      lists: {
        events: ofKind('event').map(meetingRow),
        meetups: ofKind('CIL meetup').map(meetingRow),
        hackNights: ofKind('hack night').map(meetingRow),
      },
      flags: {},
    };
  },
});
