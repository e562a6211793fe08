import { describe, expect, it } from 'vitest';
import { storySchema } from '../../../shared/records/story';

const story = {
  id: 'S-1',
  kind: 'press mention',
  title: 'Volunteers map Lahore bus stops',
  outlet: 'Dawn',
  link: 'https://www.dawn.com/news/1',
  publishedOn: '2026-11-20',
  views: 5400,
  reactions: 120,
  shares: 33,
};

const messages = (change: Record<string, unknown>) =>
  storySchema.safeParse({ ...story, ...change }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('story', () => {
  it('accepts a story with and without reach figures', () => {
    expect(storySchema.parse(story)).toEqual(story);
    const { views, reactions, shares, outlet, link, ...bare } = story;
    expect(storySchema.parse(bare)).toEqual(bare);
  });

  it('refuses unknown kinds and impossible figures', () => {
    expect(messages({ kind: 'podcast' })).toEqual(['kind: must be one of: blog post, press mention, social media']);
    expect(messages({ views: -1 })).toEqual(['views: must be at least 0']);
    expect(messages({ shares: 1.5 })).toEqual(['shares: must be a whole number']);
  });
});
