import { z } from '../zod';
import { meetCodeSchema } from '../meet-code';
import { HOURS_CATEGORIES, hoursAmountBounds } from '../records/hours';
import { NOTICE_KINDS } from '../records/notice';
import { calendarDaySchema } from '../time/calendar-day';
import { instantMs, instantSchema } from '../time/instant';

/** Made by the extension when the entry is queued, so a batch sent twice is stored once. */
const entryId = z.uuid({ error: 'must be a UUID' });
const personText = (max: number) =>
  z.string().trim().min(1, { error: 'is empty' }).max(max, { error: `must be at most ${max} characters` });
const later = (after: string | undefined, before: string | undefined) =>
  after === undefined || before === undefined || (instantMs(after) ?? 0) >= (instantMs(before) ?? 0);

/** Hours the volunteer logged; the volunteer is the token's owner. */
export const hoursSyncEntrySchema = z.object({
  kind: z.literal('hours'),
  id: entryId,
  day: calendarDaySchema,
  hours: z
    .number({ error: 'must be a number' })
    .gt(hoursAmountBounds.above, { error: 'must be more than 0' })
    .max(hoursAmountBounds.max, { error: 'must be at most 24' }),
  category: z.enum(HOURS_CATEGORIES, { error: `must be one of: ${HOURS_CATEGORIES.join(', ')}` }),
  projectId: personText(64).optional(),
  note: personText(2000).optional(),
  loggedAt: instantSchema,
});

/** A Meet session the volunteer's own browser saw; the backend matches it to a meeting by code and time. */
export const attendanceSyncEntrySchema = z
  .object({
    kind: z.literal('attendance'),
    id: entryId,
    meetCode: meetCodeSchema,
    title: personText(500).optional(),
    joinedAt: instantSchema,
    leftAt: instantSchema,
  })
  .refine((entry) => later(entry.leftAt, entry.joinedAt), { path: ['leftAt'], error: 'must not be before joinedAt' });

/**
 * Notice given from the extension, usually "Can't attend" on a Calendar event. An absence notice names
 * what it is for: a Calendar event, a Meet code, a start time, or a day range.
 */
export const noticeSyncEntrySchema = z
  .object({
    kind: z.literal('notice'),
    id: entryId,
    noticeKind: z.enum(NOTICE_KINDS, { error: `must be one of: ${NOTICE_KINDS.join(', ')}` }).default('absence notice'),
    givenAt: instantSchema,
    reason: personText(2000).optional(),
    calendarEventId: personText(1024).optional(),
    meetCode: meetCodeSchema.optional(),
    title: personText(500).optional(),
    startsAt: instantSchema.optional(),
    fromDay: calendarDaySchema.optional(),
    toDay: calendarDaySchema.optional(),
  })
  .refine((entry) => entry.fromDay === undefined || entry.toDay === undefined || entry.toDay >= entry.fromDay, {
    path: ['toDay'],
    error: 'must not be before fromDay',
  })
  .refine(
    (entry) =>
      entry.noticeKind !== 'absence notice' ||
      entry.calendarEventId !== undefined ||
      entry.meetCode !== undefined ||
      entry.startsAt !== undefined ||
      entry.fromDay !== undefined,
    { error: 'an absence notice needs calendarEventId, meetCode, startsAt or fromDay' },
  );

export const syncEntrySchema = z.discriminatedUnion('kind', [
  hoursSyncEntrySchema,
  attendanceSyncEntrySchema,
  noticeSyncEntrySchema,
]);
export type SyncEntry = z.output<typeof syncEntrySchema>;
export type HoursSyncEntry = z.output<typeof hoursSyncEntrySchema>;
export type AttendanceSyncEntry = z.output<typeof attendanceSyncEntrySchema>;
export type NoticeSyncEntry = z.output<typeof noticeSyncEntrySchema>;

export const ENTRY_STATUSES = ['stored', 'duplicate', 'rejected'] as const;

/** The answer for one entry: 'duplicate' means an entry with this id was stored before. */
export const entryResultSchema = z.object({
  id: z.string(),
  status: z.enum(ENTRY_STATUSES),
  reason: z.string().optional(),
});
export type EntryResult = z.output<typeof entryResultSchema>;

export type SyncEntryCheck = { ok: true; entry: SyncEntry } | { ok: false; result: EntryResult };

/**
 * Validates one entry on its own, so a bad entry is rejected with its reason and the rest of the batch
 * is stored. The result carries the entry's id when it has a readable one ('' otherwise); results are
 * returned in the order of the entries.
 */
export function checkSyncEntry(entry: unknown): SyncEntryCheck {
  const parsed = syncEntrySchema.safeParse(entry);
  if (parsed.success) return { ok: true, entry: parsed.data };
  const rawId = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
  const reason = parsed.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')} ${issue.message}` : issue.message))
    .join('; ');
  return { ok: false, result: { id: typeof rawId === 'string' ? rawId : '', status: 'rejected', reason } };
}
