import { z } from '../zod';
import { column } from './columns';
import { ENTRY_SOURCES } from './hours';
import { defineTab } from './tab';

/**
 * An 'absence notice' is prior notice of missing a meeting (or days), which keeps the miss from counting
 * towards inactivity; a 'communication' is any contact that shows the volunteer is still around.
 */
export const NOTICE_KINDS = ['absence notice', 'communication'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const noticeSchema = z
  .object({
    id: column.id('Notice ID'),
    volunteerId: column.id('Volunteer ID'),
    kind: column.choice('Kind', NOTICE_KINDS),
    givenAt: column.datetime('Given at'),
    meetingId: column.id('For meeting ID').optional(),
    fromDay: column.date('From').optional(),
    toDay: column.date('To').optional(),
    reason: column.text('Reason', { max: 2000 }).optional(),
    source: column.choice('Source', ENTRY_SOURCES),
    /**
     * When CIL Hub received the notice (the server's clock), beside "Given at" (the volunteer's: a notice
     * queued offline keeps its time, and a computer clock can be set back). The rules compare both with
     * the meeting: a notice claimed before the meeting but received after it began is for a lead to judge,
     * not prior notice by itself. Blank on rows a lead typed.
     */
    receivedAt: column.datetime('Received at').optional(),
  })
  .refine((notice) => notice.fromDay === undefined || notice.toDay === undefined || notice.toDay >= notice.fromDay, {
    path: ['toDay'],
    error: 'must not be before "From"',
  })
  .refine((notice) => notice.toDay === undefined || notice.fromDay !== undefined, {
    path: ['fromDay'],
    error: 'is needed when "To" is filled in',
  });
export type Notice = z.output<typeof noticeSchema>;

export const noticesTab = defineTab('Notices', noticeSchema);
