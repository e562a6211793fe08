import {
  completionSentences,
  MEETING_ROW_FIELDS,
  meetingRow,
  meetingsIn,
  projectsCompletedIn,
  STORY_ROW_FIELDS,
  storiesIn,
  storyCounts,
  storyRow,
} from './report-facts';
import { defineReport } from './report-kind';
import { fromRecordsOr, leadToWrite } from './report-text';

// The quarterly story write-up: the storyteller's output of the quarter (Stories tab), and the raw
// material of the story itself, the impact of projects completed and the events held.

export const quarterlyStory = defineReport({
  kind: 'quarterly story',
  title: 'Quarterly story write-up',
  about: "The quarter's story: impact, events, and what was published with its reach.",
  periodKind: 'quarter',
  fields: ['storyCount', 'blogPosts', 'pressMentions', 'socialPosts', 'views', 'reactions', 'shares', 'headline', 'story'],
  lists: { stories: STORY_ROW_FIELDS, impact: ['project', 'partner', 'story'], events: MEETING_ROW_FIELDS },
  flags: [],
  values({ records, period, settings }) {
    const stories = storiesIn(records, period);
    const counts = storyCounts(stories);
    const completed = projectsCompletedIn(records, period);
    return {
      fields: {
        storyCount: String(stories.length),
        blogPosts: String(counts.blogPosts),
        pressMentions: String(counts.pressMentions),
        socialPosts: String(counts.socialPosts),
        views: String(counts.views),
        reactions: String(counts.reactions),
        shares: String(counts.shares),
        headline: leadToWrite("the story's headline"),
        story: fromRecordsOr(completionSentences(completed), "the quarter's story: who the CIL helped, how, and what changed"),
      },
      lists: {
        stories: stories.map(storyRow),
        impact: completed
          .filter((project) => project.impactStory !== undefined)
          .map((project) => ({ project: project.name, partner: project.partner ?? '', story: project.impactStory! })),
        events: meetingsIn(records, period, settings).filter((h) => h.meeting.kind === 'event').map(meetingRow),
      },
      flags: {},
    };
  },
});
