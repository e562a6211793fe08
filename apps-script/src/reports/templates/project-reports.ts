import { CONTRIBUTOR_COLUMNS, factsTable, heading, ifSection, listTable, opening, paragraph, type TemplatePart } from './parts';

// The templates of the two reports on one project: its discovery, and its closure.

const aboutProject = factsTable([
  ['Project', '{{project.name}}'],
  ['Partner', '{{project.partner}}'],
  ['Status', '{{project.status}}'],
  ['Project lead', '{{project.lead}}'],
  ['Started', '{{project.started}}'],
]);

export const discoveryResearchTemplate: TemplatePart[] = [
  ...opening('Discovery research report'),
  aboutProject,
  heading('User needs'),
  paragraph('{{userNeeds}}'),
  heading('Interview and testing insights'),
  paragraph('{{insights}}'),
  ...listTable('research', [['Date', 'date'], ['Volunteer', 'volunteer'], ['Hours', 'hours'], ['What was done', 'note']], 'No research hours are logged against this project yet.'),
  heading('KPIs'),
  ...listTable('kpis', [['Measure', 'name'], ['So far', 'value']], 'No measures yet.'),
  paragraph('{{kpiTargets}}'),
  heading('Problem statements'),
  paragraph('{{problemStatements}}'),
  heading('Who took part'),
  ...listTable('contributors', CONTRIBUTOR_COLUMNS, 'Nobody has logged hours on this project yet.'),
];

export const projectClosureTemplate: TemplatePart[] = [
  ...opening('Project closure report'),
  aboutProject,
  factsTable([
    ['Completed', '{{project.completed}}'],
    ['Duration (weeks)', '{{weeks}}'],
    ['Hours logged', '{{totalHours}}'],
    ['Volunteers who logged hours', '{{contributorCount}}'],
  ]),
  ...ifSection('redeployed', [paragraph('Redeployments so far: {{redeployments}}.')]),
  heading('Outcomes'),
  paragraph('{{outcomes}}'),
  heading('Challenges'),
  paragraph('{{challenges}}'),
  heading('Lessons'),
  paragraph('{{lessons}}'),
  heading('Recommendations'),
  paragraph('{{recommendations}}'),
  heading('Who did the work'),
  ...listTable('contributors', CONTRIBUTOR_COLUMNS, 'Nobody logged hours on this project.'),
  ...listTable('categories', [['Kind of work', 'category'], ['Hours', 'hours']]),
];
