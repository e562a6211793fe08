import {
  comingUpSentences,
  completionSentences,
  DELIVERABLE_ROW_FIELDS,
  deliverableRow,
  deliverablesDueIn,
  hoursFields,
  hoursIn,
  isHeldToCommitment,
  MEETING_ROW_FIELDS,
  meetingRow,
  meetingsIn,
  membership,
  namesOf,
  noticesIn,
  projectsCompletedIn,
  STEP_ROW_FIELDS,
  stepRow,
  stepsIn,
  storiesIn,
  sum,
  takeawaySentences,
  VOLUNTEER_ROW_FIELDS,
  volunteerFacts,
  volunteerRow,
} from './report-facts';
import { defineReport } from './report-kind';
import { nextPeriod } from './report-period';
import { fromRecordsOr } from './report-text';

// The weekly activity summary: the lead's own look at the week, volunteer by volunteer, meeting by
// meeting, with the steps of the inactivity policy taken. Not sent to CfP as it is.

export const weeklySummary = defineReport({
  kind: 'weekly summary',
  title: 'Weekly activity summary',
  about: "The week's hours per volunteer, meetings and attendance, notices and the policy's steps.",
  periodKind: 'week',
  fields: ['totalHours', 'volunteersLogging', 'members', 'meetingsHeld', 'present', 'absentWithNotice', 'absent', 'noticesGiven', 'highlights', 'nextWeek'],
  lists: {
    volunteers: VOLUNTEER_ROW_FIELDS,
    belowCommitment: ['name', 'hours', 'commitment'],
    meetings: MEETING_ROW_FIELDS,
    deliverables: DELIVERABLE_ROW_FIELDS,
    steps: STEP_ROW_FIELDS,
  },
  flags: [],
  values({ records, period, settings }) {
    const names = namesOf(records);
    const hours = hoursIn(records, period);
    const volunteers = volunteerFacts(records, period, settings);
    const held = meetingsIn(records, period, settings);
    const stories = storiesIn(records, period);
    return {
      fields: {
        ...hoursFields(hours),
        members: String(membership(records, period).members),
        meetingsHeld: String(held.length),
        present: String(sum(held.map((h) => h.presentIds.length))),
        absentWithNotice: String(sum(held.map((h) => h.withNotice))),
        absent: String(sum(held.map((h) => h.absent))),
        noticesGiven: String(noticesIn(records, period, settings).length),
        highlights: fromRecordsOr(
          [
            ...completionSentences(projectsCompletedIn(records, period)),
            ...takeawaySentences(held),
            ...stories.map((story) => `Published: ${story.title}.`),
          ],
          "the week's highlights: what moved forward, and who made it happen",
        ),
        nextWeek: fromRecordsOr(comingUpSentences(records, nextPeriod(period), settings), 'what the CIL will do next week'),
      },
      lists: {
        volunteers: volunteers.map(volunteerRow),
        belowCommitment: volunteers
          .filter((facts) => isHeldToCommitment(facts.volunteer) && facts.hours < facts.commitment)
          .map((facts) => {
            const { name, hours, commitment } = volunteerRow(facts);
            return { name, hours, commitment };
          }),
        meetings: held.map(meetingRow),
        deliverables: deliverablesDueIn(records, period).map((deliverable) => deliverableRow(deliverable, names)),
        steps: stepsIn(records, period, settings).map((step) => stepRow(step, names)),
      },
      flags: {},
    };
  },
});
