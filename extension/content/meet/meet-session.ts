import type { MeetPage } from './meet-page';

// The volunteer's own Meet session in one tab, as a small state machine over what the page shows.
// Pure: the caller reads the page (meet-page.ts), stamps the reading with the time and feeds it in;
// the machine answers with the join, heartbeat and leave events to report. It keeps no timers, so the
// caller must also feed it readings on a clock (the heartbeat and the "lost" check need them).
//
// Meet is a single-page app: one tab can hold several calls in a row without a page load, and the
// address keeps the code after leaving. So the code alone never means "in a call"; only a reading
// whose state is 'in-call' does.

/** A reading of the page at a moment (milliseconds since the epoch). */
export interface MeetObservation extends MeetPage {
  at: number;
}

/** Why a session ended: the tests tell the machine's transitions apart by it. */
type MeetLeaveReason =
  /** Meet's end screen: the volunteer left, was removed, or the call ended for everyone. */
  | 'ended'
  /** The tab went on to another call, or to another call's green room. */
  | 'other-call'
  /** The tab went back to a green room (pre-join screen). */
  | 'green-room'
  /** The call stopped showing for longer than `lostAfterMs`; the session ends when it was last seen. */
  | 'lost'
  /** The page went away (closed, reloaded, navigated off Meet), as reported by the caller. */
  | 'closed';

interface SessionEventBase {
  /** Names the session in every event about it: "<code>/<ISO time of joining>". */
  session: string;
  code: string;
  /** The latest title the page showed for the call, if any. */
  title?: string;
  /** ISO UTC time of the event. */
  at: string;
}

export type MeetSessionEvent =
  | (SessionEventBase & { type: 'join' })
  | (SessionEventBase & { type: 'heartbeat'; joinedAt: string })
  | (SessionEventBase & { type: 'leave'; joinedAt: string; reason: MeetLeaveReason });

export interface MeetSessionOptions {
  /** At most one heartbeat per this many ms while in a call (default one minute). */
  heartbeatMs?: number;
  /** A call not seen for this long (page in an unknown state) ends at its last sighting (default 2 min). */
  lostAfterMs?: number;
}

interface InCall {
  code: string;
  title?: string;
  joinedAt: number;
  lastSeen: number;
  lastBeat: number;
}

export interface MeetSession {
  /** Feeds one reading; returns the events it causes, oldest first (often none). */
  observe(reading: MeetObservation): MeetSessionEvent[];
  /** The page is going away at `at`: ends the session in progress, if any. */
  close(at: number): MeetSessionEvent[];
}

const iso = (ms: number) => new Date(ms).toISOString();

export function createMeetSession(options: MeetSessionOptions = {}): MeetSession {
  const heartbeatMs = options.heartbeatMs ?? 60_000;
  const lostAfterMs = options.lostAfterMs ?? 120_000;
  let call: InCall | undefined;
  let lastAt = -Infinity;

  const base = (c: InCall, at: number): SessionEventBase => ({
    session: `${c.code}/${iso(c.joinedAt)}`,
    code: c.code,
    ...(c.title ? { title: c.title } : {}),
    at: iso(at),
  });

  function leave(at: number, reason: MeetLeaveReason): MeetSessionEvent[] {
    if (!call) return [];
    const event: MeetSessionEvent = { ...base(call, at), type: 'leave', joinedAt: iso(call.joinedAt), reason };
    call = undefined;
    return [event];
  }

  function join(code: string, title: string | undefined, at: number): MeetSessionEvent[] {
    call = { code, joinedAt: at, lastSeen: at, lastBeat: at, ...(title ? { title } : {}) };
    return [{ ...base(call, at), type: 'join' }];
  }

  function observe(reading: MeetObservation): MeetSessionEvent[] {
    const { at, state, code, title } = reading;
    // Readings come from one clock; one from the past (a late throttled callback) says nothing new.
    if (!(at >= lastAt)) return [];
    lastAt = at;

    if (!call) {
      return state === 'in-call' && code ? join(code, title, at) : [];
    }

    const events: MeetSessionEvent[] = [];
    const otherCode = code !== undefined && code !== call.code;
    switch (state) {
      case 'in-call':
        if (otherCode) return [...leave(at, 'other-call'), ...join(code, title, at)];
        call.lastSeen = at;
        if (title) call.title = title;
        if (at - call.lastBeat >= heartbeatMs) {
          call.lastBeat = at;
          events.push({ ...base(call, at), type: 'heartbeat', joinedAt: iso(call.joinedAt) });
        }
        return events;
      case 'ended':
        return leave(at, 'ended');
      case 'pre-join':
        return leave(at, otherCode ? 'other-call' : 'green-room');
      case 'waiting':
        if (otherCode) return leave(at, 'other-call');
        break;
      case 'unknown':
        break;
    }
    // The page shows neither the call nor its end (loading, reconnecting, a layout not understood):
    // no heartbeat, and after `lostAfterMs` the session ends when the call was last seen.
    return at - call.lastSeen >= lostAfterMs ? leave(call.lastSeen, 'lost') : [];
  }

  return {
    observe,
    close(at) {
      return leave(Math.max(at, call?.lastSeen ?? at), 'closed');
    },
  };
}
