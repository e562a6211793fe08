import { factsTable, GATHERING_COLUMNS, heading, listTable, opening, paragraph, STORY_COLUMNS, unlessSection, type TemplatePart } from './parts';

// The templates of the quarterly reports: events and meetups, and the story write-up.

export const eventsMeetupsTemplate: TemplatePart[] = [
  ...opening('Events and meetups report'),
  factsTable([
    ['Events', '{{eventCount}}'],
    ['Meetups', '{{meetupCount}}'],
    ['Hack nights', '{{hackNightCount}}'],
    ['Monthly CfP calls', '{{cfpCallCount}}'],
    ['Participants in all', '{{participants}}'],
    ['Volunteers at a meetup, on average', '{{averageMeetupAttendance}}'],
  ]),
  ...unlessSection('events', [paragraph('The CIL held no event this quarter; the handbook asks for at least one.')]),
  heading('Key takeaways'),
  paragraph('{{keyTakeaways}}'),
  heading('Events'),
  ...listTable('events', GATHERING_COLUMNS, 'No events.'),
  heading('Meetups'),
  ...listTable('meetups', GATHERING_COLUMNS, 'No meetups.'),
  heading('Hack nights'),
  ...listTable('hackNights', GATHERING_COLUMNS, 'No hack nights.'),
];

export const quarterlyStoryTemplate: TemplatePart[] = [
  ...opening('Quarterly story write-up'),
  heading('{{headline}}'),
  paragraph('{{story}}'),
  heading('Impact'),
  ...listTable('impact', [['Project', 'project'], ['Partner', 'partner'], ['What changed', 'story']], 'No project was completed this quarter.'),
  heading('Events'),
  ...listTable('events', GATHERING_COLUMNS, 'No events this quarter.'),
  heading('Published'),
  factsTable([
    ['Stories', '{{storyCount}} (blog posts: {{blogPosts}}, press mentions: {{pressMentions}}, social media: {{socialPosts}})'],
    ['Reach', 'views: {{views}}, reactions: {{reactions}}, shares: {{shares}}'],
  ]),
  ...listTable('stories', STORY_COLUMNS, 'Nothing was published this quarter.'),
];
