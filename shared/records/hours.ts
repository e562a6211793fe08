import { z } from '../zod';
import { column } from './columns';
import { defineTab } from './tab';

export const HOURS_CATEGORIES = [
  'project work',
  'meetings',
  'events',
  'outreach',
  'research',
  'writing & reporting',
  'mentoring',
  'learning',
  'other',
] as const;
export type HoursCategory = (typeof HOURS_CATEGORIES)[number];

/** Where a row came from: the extension's sync, a lead typing in the sheet, or a form. */
export const ENTRY_SOURCES = ['extension', 'sheet', 'form'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/** Hours in one entry: more than none, at most a whole day; quarter hours and finer are fine. */
export const hoursAmountBounds = { above: 0, max: 24 } as const;

export const hoursEntrySchema = z.object({
  /** The client's UUID for entries from the extension, so a replayed sync stores nothing twice. */
  id: column.id('Entry ID'),
  volunteerId: column.id('Volunteer ID'),
  day: column.date('Day'),
  hours: column.number('Hours', hoursAmountBounds),
  category: column.choice('Category', HOURS_CATEGORIES),
  projectId: column.id('Project ID').optional(),
  note: column.text('Note', { max: 2000 }).optional(),
  source: column.choice('Source', ENTRY_SOURCES),
  loggedAt: column.datetime('Logged at'),
});
export type HoursEntry = z.output<typeof hoursEntrySchema>;

export const hoursTab = defineTab('Hours', hoursEntrySchema);
