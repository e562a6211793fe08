import type { MeetSessionEvent } from './meet-session';

// The Meet content script's events in the shape the service worker accepts (`MeetSessionEvent` in
// extension/messages.ts). Typed by hand, not with zod: the content script must stay small, and the
// service worker validates every message anyway. tests/extension/content/content-messages.test.ts
// checks these objects against the real schema.

/** The most of a title the service worker takes; a longer one would get the whole event refused. */
export const TITLE_MAX = 500;

export interface MeetSessionMessage {
  type: 'meet-session';
  event: 'join' | 'heartbeat' | 'leave';
  sessionKey: string;
  meetCode: string;
  title?: string;
  at: string;
}

export function meetSessionMessage(event: MeetSessionEvent): MeetSessionMessage {
  const message: MeetSessionMessage = { type: 'meet-session', event: event.type, sessionKey: event.session, meetCode: event.code, at: event.at };
  if (event.title) message.title = event.title.slice(0, TITLE_MAX);
  return message;
}
