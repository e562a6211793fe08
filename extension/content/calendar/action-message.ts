import type { CalendarAction } from './event-control';

// A click on the Calendar control in the shape the service worker accepts (`CalendarAction` in
// extension/messages.ts): only the event's fields the contract names, since it refuses unknown ones.
// Typed by hand, not with zod, to keep the content script small; the service worker validates it and
// tests/extension/content/content-messages.test.ts checks these objects against the real schema.

/** The most of a title the service worker takes; a longer one would get the whole action refused. */
export const TITLE_MAX = 500;

export interface CalendarEventMessage {
  eventId: string;
  title?: string;
  startsAt?: string;
  endsAt?: string;
  meetCode?: string;
}

export type CalendarActionMessage =
  | { type: 'calendar-action'; action: 'log-attendance'; event: CalendarEventMessage }
  | { type: 'calendar-action'; action: 'cant-attend'; event: CalendarEventMessage; reason?: string }
  | { type: 'calendar-action'; action: 'log-hours'; event: CalendarEventMessage; day: string; hours: number };

export function calendarActionMessage(action: CalendarAction): CalendarActionMessage {
  // The click's own time stays here: the service worker stamps what it queues with its own clock.
  const { type, event, at: _at, ...details } = action;
  const { eventId, title, startsAt, endsAt, meetCode } = event;
  // Fields left undefined vanish on the way: runtime messages are serialised as JSON.
  return {
    type: 'calendar-action',
    action: type,
    event: { eventId, title: title?.slice(0, TITLE_MAX), startsAt, endsAt, meetCode },
    ...details,
  } as CalendarActionMessage;
}
