import {
  factsTable,
  GATHERING_COLUMNS,
  heading,
  listTable,
  opening,
  paragraph,
  PROJECT_COLUMNS,
  STORY_COLUMNS,
  VOLUNTEER_COLUMNS,
  type TemplatePart,
} from './parts';

// The templates of the CIL manager's mid-year and annual reports: one review over six or twelve
// months, the mid-year one with the members' survey.

function review(reportTitle: string, extra: readonly TemplatePart[]): TemplatePart[] {
  return [
    ...opening(reportTitle),
    heading('Highlights'),
    paragraph('{{highlights}}'),
    ...extra,
    heading('People'),
    factsTable([
      ['Members at the end of the period', '{{members}} ({{newMembers}} joined)'],
      ['Volunteers who logged hours', '{{volunteersLogging}}'],
      ['Hours logged', '{{totalHours}}'],
      ['Warnings, offboardings, reintegrations', '{{warnings}}, {{offboardings}}, {{reintegrations}}'],
      ['Mentor check-ins', '{{mentorCheckIns}}'],
    ]),
    ...listTable('months', [['Month', 'month'], ['Hours', 'hours'], ['Volunteers logging', 'volunteers'], ['Meetings', 'meetings']]),
    heading('Meetings and events'),
    factsTable([
      ['Meetings held', '{{meetingsHeld}}'],
      ['Monthly CfP calls, meetups, hack nights, events', '{{cfpCallCount}}, {{meetupCount}}, {{hackNightCount}}, {{eventCount}}'],
      ['Participants in all', '{{participants}}'],
    ]),
    ...listTable('events', GATHERING_COLUMNS, 'No events in this period.'),
    heading('Projects and partners'),
    factsTable([
      ['Projects under way', '{{projectsActive}}'],
      ['Completed', '{{projectsCompleted}}'],
      ['Redeployments', '{{redeployments}}'],
      ['Partners', '{{partners}}'],
    ]),
    ...listTable('projects', PROJECT_COLUMNS, 'No project was under way.'),
    heading('Stories and citizens'),
    factsTable([
      ['Stories published', '{{storyCount}} (blog posts: {{blogPosts}}, press mentions: {{pressMentions}}, social media: {{socialPosts}})'],
      ['Citizens who joined the database', '{{citizensJoined}} ({{citizensConsenting}} with consent at the end of the period)'],
    ]),
    ...listTable('stories', STORY_COLUMNS, 'Nothing was published.'),
    heading('Reports to CfP'),
    factsTable([['Due', '{{deliverablesDue}} (on time: {{deliverablesOnTime}}, late: {{deliverablesLate}}, outstanding: {{deliverablesOutstanding}})']]),
    heading('Volunteers'),
    ...listTable('volunteers', VOLUNTEER_COLUMNS, 'Nobody was on the roster.'),
    heading('Challenges'),
    paragraph('{{challenges}}'),
    heading('Goals'),
    paragraph('{{goals}}'),
  ];
}

export const midYearTemplate = review('Mid-year report', [heading('Mid-year survey'), paragraph('{{surveyFindings}}')]);

export const annualTemplate = review('Annual report', []);
