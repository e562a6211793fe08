import {
  comingUpSentences,
  completionSentences,
  countByKind,
  DELIVERABLE_ROW_FIELDS,
  deliverableRow,
  deliverablesDueIn,
  hoursFields,
  hoursIn,
  MEETING_ROW_FIELDS,
  meetingRow,
  meetingsIn,
  membership,
  namesOf,
  PROJECT_ROW_FIELDS,
  projectHours,
  projectRow,
  projectsCompletedIn,
  projectsDuring,
} from './report-facts';
import { defineReport } from './report-kind';
import { nextPeriod } from './report-period';
import { fromRecordsOr, hoursText, leadToWrite } from './report-text';

// The biweekly update to CfP: two weeks of the CIL in a page, project by project.

export const biweeklyUpdate = defineReport({
  kind: 'biweekly update',
  title: 'Biweekly update to CfP',
  about: 'Two weeks for CfP: hours, members, meetings, project progress and what the CIL needs.',
  periodKind: 'biweek',
  fields: ['totalHours', 'volunteersLogging', 'members', 'newMembers', 'meetingsHeld', 'meetupCount', 'eventCount', 'progress', 'support', 'nextSteps'],
  lists: { projects: PROJECT_ROW_FIELDS, meetings: MEETING_ROW_FIELDS, deliverables: DELIVERABLE_ROW_FIELDS },
  flags: [],
  values({ records, period, settings }) {
    const names = namesOf(records);
    const hours = hoursIn(records, period);
    const held = meetingsIn(records, period, settings);
    const projects = projectsDuring(records, period);
    const { members, joined } = membership(records, period);
    const worked = projects
      .map((project) => ({ project, hours: projectHours(records, project, period) }))
      .filter((p) => p.hours > 0)
      .map((p) => `${p.project.name}: ${hoursText(p.hours)} hours.`);
    return {
      fields: {
        ...hoursFields(hours),
        members: String(members),
        newMembers: String(joined),
        meetingsHeld: String(held.length),
        meetupCount: String(countByKind(held, 'CIL meetup')),
        eventCount: String(countByKind(held, 'event')),
        progress: fromRecordsOr([...completionSentences(projectsCompletedIn(records, period)), ...worked], 'how each project moved forward'),
        support: leadToWrite('what the CIL needs from CfP, if anything'),
        nextSteps: fromRecordsOr(comingUpSentences(records, nextPeriod(period), settings), 'the next two weeks'),
      },
      lists: {
        projects: projects.map((project) => projectRow(records, project, period, names)),
        meetings: held.map(meetingRow),
        deliverables: deliverablesDueIn(records, period).map((deliverable) => deliverableRow(deliverable, names)),
      },
      flags: {},
    };
  },
});
