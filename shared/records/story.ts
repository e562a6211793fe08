import { z } from '../zod';
import { column } from './columns';
import { defineTab } from './tab';

/** The storyteller's output. */
export const STORY_KINDS = ['blog post', 'press mention', 'social media'] as const;
export type StoryKind = (typeof STORY_KINDS)[number];

const count = { min: 0, integer: true } as const;

export const storySchema = z.object({
  id: column.id('Story ID'),
  kind: column.choice('Kind', STORY_KINDS),
  title: column.text('Title', { max: 500 }),
  /** Where it appeared: the blog, the paper, the platform. */
  outlet: column.text('Outlet', { max: 200 }).optional(),
  link: column.url('Link').optional(),
  publishedOn: column.date('Published on'),
  views: column.number('Views', count).optional(),
  reactions: column.number('Reactions', count).optional(),
  shares: column.number('Shares', count).optional(),
});
export type Story = z.output<typeof storySchema>;

export const storiesTab = defineTab('Stories', storySchema);
