import {
  comingUpSentences,
  completionSentences,
  countByKind,
  DELIVERABLE_ROW_FIELDS,
  deliverableCounts,
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
  overdueAt,
  PROJECT_ROW_FIELDS,
  projectRow,
  projectsCompletedIn,
  projectsDuring,
  stepCount,
  stepsIn,
  storiesIn,
  STORY_ROW_FIELDS,
  storyRow,
  VOLUNTEER_ROW_FIELDS,
  volunteerFacts,
  volunteerRow,
} from './report-facts';
import { defineReport } from './report-kind';
import { nextPeriod } from './report-period';
import { countOf, dayText, fromRecordsOr, listText } from './report-text';

// The monthly progress update to CfP: the month's numbers, then successes, blockers and next steps,
// each drawn from the records as far as they go (completed projects and their impact, events, stories;
// overdue reports, paused projects, warnings; meetings planned and reports due), else left to the lead.

export const monthlyProgress = defineReport({
  kind: 'monthly progress update',
  title: 'Monthly progress update',
  about: "The month for CfP: numbers, successes, blockers and next steps.",
  periodKind: 'month',
  fields: [
    'totalHours', 'volunteersLogging', 'members', 'newMembers', 'meetingsHeld', 'cfpCallCount', 'meetupCount', 'eventCount',
    'deliverablesDue', 'deliverablesOnTime', 'deliverablesLate', 'deliverablesOutstanding', 'warnings',
    'successes', 'blockers', 'nextSteps',
  ],
  lists: {
    volunteers: VOLUNTEER_ROW_FIELDS,
    projects: PROJECT_ROW_FIELDS,
    meetings: MEETING_ROW_FIELDS,
    deliverables: DELIVERABLE_ROW_FIELDS,
    stories: STORY_ROW_FIELDS,
  },
  flags: ['cfpCallHeld'],
  values({ records, period, settings }) {
    const names = namesOf(records);
    const hours = hoursIn(records, period);
    const volunteers = volunteerFacts(records, period, settings);
    const held = meetingsIn(records, period, settings);
    const due = deliverablesDueIn(records, period);
    const counts = deliverableCounts(due);
    const steps = stepsIn(records, period, settings);
    const stories = storiesIn(records, period);
    const { members, joined } = membership(records, period);
    const cfpCalls = countByKind(held, 'monthly CfP call');

    const successes = [
      ...completionSentences(projectsCompletedIn(records, period)),
      ...held.filter((h) => h.meeting.kind === 'event').map((h) => `Held ${h.meeting.title} on ${dayText(h.day)} with ${countOf(h.participants, 'participant')}.`),
      ...stories.map((story) => `Published ${story.kind} "${story.title}"${story.outlet === undefined ? '' : ` (${story.outlet})`}.`),
      ...(joined > 0 ? [`${countOf(joined, 'new member')} joined.`] : []),
    ];
    const overdue = overdueAt(records, period.last);
    const paused = projectsDuring(records, period).filter((project) => project.status === 'paused');
    const tracked = volunteers.filter((facts) => isHeldToCommitment(facts.volunteer));
    const below = tracked.filter((facts) => facts.hours < facts.commitment);
    const warnings = stepCount(steps, 'warning');
    const blockers = [
      ...(overdue.length > 0 ? [`Overdue at the end of the month: ${listText(overdue.map((d) => `${d.title} (due ${dayText(d.dueOn)})`))}.`] : []),
      ...(paused.length > 0 ? [`Paused: ${listText(paused.map((project) => project.name))}.`] : []),
      ...(warnings > 0 ? [`${countOf(warnings, 'formal warning')} for inactivity.`] : []),
      ...(below.length > 0 ? [`${below.length} of ${tracked.length} volunteers logged fewer hours than they committed to.`] : []),
    ];
    return {
      fields: {
        ...hoursFields(hours),
        members: String(members),
        newMembers: String(joined),
        meetingsHeld: String(held.length),
        cfpCallCount: String(cfpCalls),
        meetupCount: String(countByKind(held, 'CIL meetup')),
        eventCount: String(countByKind(held, 'event')),
        deliverablesDue: String(counts.due),
        deliverablesOnTime: String(counts.onTime),
        deliverablesLate: String(counts.late),
        deliverablesOutstanding: String(counts.outstanding),
        warnings: String(warnings),
        successes: fromRecordsOr(successes, "the month's successes, with numbers where you have them"),
        blockers: fromRecordsOr(blockers, 'what held the CIL back this month, and what would help'),
        nextSteps: fromRecordsOr(comingUpSentences(records, nextPeriod(period), settings), 'the next steps for next month'),
      },
      lists: {
        volunteers: volunteers.map(volunteerRow),
        projects: projectsDuring(records, period).map((project) => projectRow(records, project, period, names)),
        meetings: held.map(meetingRow),
        deliverables: due.map((deliverable) => deliverableRow(deliverable, names)),
        stories: stories.map(storyRow),
      },
      flags: { cfpCallHeld: cfpCalls > 0 },
    };
  },
});
