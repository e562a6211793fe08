import {
  citizenCounts,
  CONTRIBUTOR_ROW_FIELDS,
  contributorRows,
  namesOf,
  PROJECT_FIELDS,
  projectEntries,
  projectFields,
  sum,
} from './report-facts';
import { defineReport, projectOf } from './report-kind';
import { dayText, fromRecordsOr, hoursText, leadToWrite, listText } from './report-text';

// The discovery research report on a project: what the research logged against it shows (hours,
// who took part, the research notes), with user needs and problem statements left to the lead, since
// no tab records them.

export const discoveryResearch = defineReport({
  kind: 'discovery research report',
  title: 'Discovery research report',
  about: "A project's discovery: user needs, interview and testing insights, KPIs, problem statements.",
  periodKind: 'project',
  fields: [...PROJECT_FIELDS, 'totalHours', 'researchHours', 'contributorCount', 'userNeeds', 'insights', 'kpiTargets', 'problemStatements'],
  lists: { research: ['date', 'volunteer', 'hours', 'note'], contributors: CONTRIBUTOR_ROW_FIELDS, kpis: ['name', 'value'] },
  flags: [],
  values(input) {
    const { records, period } = input;
    const project = projectOf(input);
    const names = namesOf(records);
    const entries = projectEntries(records, project, period);
    const research = entries.filter((entry) => entry.category === 'research');
    const contributors = contributorRows(records, entries);
    const notes = [...new Set(research.flatMap((entry) => (entry.note === undefined ? [] : [entry.note])))];
    const totalHours = hoursText(sum(entries.map((entry) => entry.hours)));
    const researchHours = hoursText(sum(research.map((entry) => entry.hours)));
    return {
      fields: {
        ...projectFields(project, names),
        totalHours,
        researchHours,
        contributorCount: String(contributors.length),
        userNeeds: leadToWrite('the needs of the people this project serves, in their words'),
        insights: fromRecordsOr(
          notes.length > 0 ? [`Research logged: ${listText(notes)}.`] : [],
          'what the interviews and user testing showed',
        ),
        kpiTargets: leadToWrite('the KPIs the project will be judged by, and their targets'),
        problemStatements: leadToWrite('the problem statements the research supports'),
      },
      lists: {
        research: research.map((entry) => ({
          date: dayText(entry.day),
          volunteer: names.get(entry.volunteerId) ?? entry.volunteerId,
          hours: hoursText(entry.hours),
          note: entry.note ?? '',
        })),
        contributors,
        kpis: [
          { name: 'Hours on the project', value: totalHours },
          { name: 'Research hours', value: researchHours },
          { name: 'Research entries logged', value: String(research.length) },
          { name: 'Volunteers who contributed', value: String(contributors.length) },
          { name: "Citizens in the CIL's database (with consent)", value: String(citizenCounts(records, period).consenting) },
        ],
      },
      flags: {},
    };
  },
});
