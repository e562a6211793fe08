import { describe, expect, it } from 'vitest';
import { hoursEntrySchema } from '../../../shared/records/hours';

const entry = {
  id: '0b6f3a2e-8d4c-4e1a-9f7b-2c5d6e7f8a9b',
  volunteerId: 'V-1',
  day: '2026-11-27',
  hours: 1.25,
  category: 'outreach',
  source: 'sheet',
  loggedAt: '2026-11-27T10:00:00.000Z',
};

const messages = (change: Record<string, unknown>) =>
  hoursEntrySchema.safeParse({ ...entry, ...change }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('hours entry', () => {
  it('accepts quarter hours up to a whole day', () => {
    for (const hours of [0.25, 0.5, 1.75, 24]) expect(hoursEntrySchema.safeParse({ ...entry, hours }).success).toBe(true);
  });

  it('refuses no hours, negative hours and more than a day', () => {
    expect(messages({ hours: 0 })).toEqual(['hours: must be more than 0']);
    expect(messages({ hours: -1 })).toEqual(['hours: must be more than 0']);
    expect(messages({ hours: 24.25 })).toEqual(['hours: must be at most 24']);
    expect(messages({ hours: '2' })).toEqual(['hours: must be a number']);
  });

  it('refuses unknown categories and sources', () => {
    expect(messages({ category: 'gaming' })?.[0]).toMatch(/^category: must be one of: project work/);
    expect(messages({ source: 'email' })).toEqual(['source: must be one of: extension, sheet, form']);
  });

  it('normalises the logged-at instant', () => {
    expect(hoursEntrySchema.parse({ ...entry, loggedAt: '2026-11-27T10:00Z' }).loggedAt).toBe('2026-11-27T10:00:00.000Z');
    expect(messages({ loggedAt: '2026-11-27 10:00' })?.[0]).toMatch(/^loggedAt: must be a UTC date and time/);
  });
});
