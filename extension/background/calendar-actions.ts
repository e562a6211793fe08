import { instantFromDate, instantMs } from '../../shared/time/instant';
import { t } from '../i18n';
import type { z } from '../../shared/zod';
import type { CalendarAction } from '../messages';
import { checkedEntry, type EntryCheck } from './entry-check';

// What a click on the CIL Hub control of a Calendar event becomes: one queue entry, or the reason it
// cannot be one. Pure: the caller queues the entry.
//
// - "Log attendance": an attendance entry for the event's scheduled time with its Meet code, which is
//   how the backend matches it to the CIL's meeting. Only once the event has started; one still running
//   waits in the queue until its end (the backend refuses a session that has not ended). An event with
//   no Meet code cannot be matched, yet the volunteer said they were there: it becomes a notice of kind
//   'communication' naming the event, which counts as contact and shows the lead what to record.
// - "Can't attend": a notice of absence for the event, only before it starts (prior notice is what
//   the inactivity rules count).
// - "Log hours": hours on the event's day, category 'meetings', with the event's title as the note.

/** The note on a communication notice made by "Log attendance" on an event without a Meet link. */
export const ATTENDED_WITHOUT_MEET = 'Attended (logged from Google Calendar; the event has no Meet link)';

const text = (value: string | undefined, max: number) => {
  const trimmed = value?.trim().slice(0, max);
  return trimmed ? trimmed : undefined;
};

export function calendarEntry(action: z.output<typeof CalendarAction>, now: Date, id: string): EntryCheck {
  const { event } = action;
  const title = text(event.title, 500);
  const eventId = text(event.eventId, 1024);
  const startsMs = event.startsAt === undefined ? undefined : instantMs(event.startsAt);
  const givenAt = instantFromDate(now);
  switch (action.action) {
    case 'log-attendance': {
      if (event.startsAt === undefined || startsMs === undefined) return { ok: false, message: t('workerEventTimeUnknown') };
      if (now.getTime() < startsMs) return { ok: false, message: t('workerEventNotStarted') };
      if (event.meetCode === undefined) {
        return checkedEntry({
          kind: 'notice',
          id,
          noticeKind: 'communication',
          givenAt,
          reason: ATTENDED_WITHOUT_MEET,
          calendarEventId: eventId,
          title,
          startsAt: event.startsAt,
        });
      }
      return checkedEntry({
        kind: 'attendance',
        id,
        meetCode: event.meetCode,
        title,
        joinedAt: event.startsAt,
        leftAt: event.endsAt ?? givenAt,
      });
    }
    case 'cant-attend':
      if (startsMs !== undefined && now.getTime() >= startsMs) return { ok: false, message: t('workerEventStarted') };
      return checkedEntry({
        kind: 'notice',
        id,
        noticeKind: 'absence notice',
        givenAt,
        reason: text(action.reason, 2000),
        calendarEventId: eventId,
        meetCode: event.meetCode,
        title,
        startsAt: event.startsAt,
      });
    case 'log-hours':
      return checkedEntry({ kind: 'hours', id, day: action.day, hours: action.hours, category: 'meetings', note: text(event.title, 2000), loggedAt: givenAt });
  }
}
