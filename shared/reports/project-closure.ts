import { daysBetween } from '../time/calendar-day';
import {
  CONTRIBUTOR_ROW_FIELDS,
  contributorRows,
  hoursByCategory,
  namesOf,
  PROJECT_FIELDS,
  projectEntries,
  projectFields,
  sentence,
  sum,
} from './report-facts';
import { defineReport, projectOf } from './report-kind';
import { countOf, fromRecordsOr, hoursText, leadToWrite } from './report-text';

// The project closure report: the project's whole life in hours and people, its outcome from the
// impact story in the Projects tab, and the challenges, lessons and recommendations for the lead.

export const projectClosure = defineReport({
  kind: 'project closure report',
  title: 'Project closure report',
  about: 'A finished project: outcomes, challenges, lessons and recommendations.',
  periodKind: 'project',
  fields: [...PROJECT_FIELDS, 'weeks', 'totalHours', 'contributorCount', 'redeployments', 'outcomes', 'challenges', 'lessons', 'recommendations'],
  lists: { contributors: CONTRIBUTOR_ROW_FIELDS, categories: ['category', 'hours'] },
  flags: ['completed', 'redeployed'],
  values(input) {
    const { records, period } = input;
    const project = projectOf(input);
    const entries = projectEntries(records, project, period);
    const contributors = contributorRows(records, entries);
    const redeployed = project.redeployments > 0;
    return {
      fields: {
        ...projectFields(project, namesOf(records)),
        weeks: String(Math.ceil((daysBetween(period.first, period.last) + 1) / 7)),
        totalHours: hoursText(sum(entries.map((entry) => entry.hours))),
        contributorCount: String(contributors.length),
        redeployments: String(project.redeployments),
        outcomes: fromRecordsOr(project.impactStory === undefined ? [] : [sentence(project.impactStory)], 'what the project achieved, for whom, with numbers'),
        challenges: leadToWrite('what made the project hard, and how the team dealt with it'),
        lessons: leadToWrite('what the team would keep and what it would do differently'),
        recommendations: fromRecordsOr(
          redeployed ? [`Set up again ${countOf(project.redeployments, 'time')} for other partners or cities; see the Projects tab.`] : [],
          'what CfP and other CILs should do with this project next',
        ),
      },
      lists: {
        contributors,
        categories: hoursByCategory(entries).map(({ category, hours }) => ({ category, hours: hoursText(hours) })),
      },
      flags: { completed: project.status === 'completed' || project.status === 'redeployed', redeployed },
    };
  },
});
