import { attendanceSyncEntrySchema, type AttendanceSyncEntry } from '../../shared/api/sync-entry';
import { z } from '../../shared/zod';
import { instantFromDate, instantMs, instantSchema, isInstant, type Instant } from '../../shared/time/instant';
import type { MeetSessionEvent as MeetSessionEventSchema } from '../messages';
import { ENTRIES, MEET_SESSIONS, withCilHubDb } from './database';
import { readEnrollment } from './enrollment-store';
import { queuedEntryOf, refreshBadge } from './queue';
import { DEFAULT_MINIMUM_SESSION_MINUTES, readSettings } from './settings';

// The volunteer's own Meet sessions, from the Meet content script's join / heartbeat / leave events, to
// one attendance entry per session. A session is kept in IndexedDB (it must outlive the worker, and
// the browser: storage.session would not) while it is open, and for the rejoin window after it closed:
// a volunteer who drops and rejoins the same call within the window has one session, not two. When
// the window has passed the session is settled: queued as an attendance entry, or dropped when shorter
// than the minimum (a mis-click, a wrong link). Settling and queueing are one transaction.
//
// The content script cannot always say goodbye: a closed tab is seen here (tabs.onRemoved), a crashed
// or frozen one only by its heartbeats stopping, and a browser that quit by nothing at all until the
// next start. Each of those closes the session at the last moment it was known to be in the call.

type MeetSessionEvent = z.output<typeof MeetSessionEventSchema>;

export const MeetSessionRecord = z.object({
  /** The content script's session key: `<meet code>/<join time>`. */
  key: z.string(),
  /** The attendance entry's id, chosen when the session opens, so settling twice queues one entry. */
  entryId: z.uuid(),
  meetCode: z.string(),
  title: z.string().optional(),
  joinedAt: instantSchema,
  /** The last event from the call: join, heartbeat or (for a closed session) leave. */
  lastSeenAt: instantSchema,
  tabId: z.number().int().optional(),
  /** Set when the session closed; it is settled once the rejoin window after it has passed. */
  leftAt: instantSchema.optional(),
  /**
   * Set when the session was settled. The record stays a while after, so that a late event for it (a
   * leave that lost the race with the tab closing, a beat from a laptop that slept through the
   * lost-session close) is ignored instead of opening a second session for the same call.
   */
  settledAt: instantSchema.optional(),
});
export type MeetSessionRecord = z.output<typeof MeetSessionRecord>;

export interface SessionRules {
  /** Sessions shorter than this are dropped. */
  minimumMinutes: number;
  /** A rejoin of the same code this soon after leaving continues the session. */
  rejoinMergeMinutes: number;
}

/**
 * An open session with no event for this long is lost (the tab crashed or froze) and closes at its last
 * event. The content script beats every minute in a call; background tabs may be throttled to about one
 * timer a minute, so this leaves room for a few late beats.
 */
export const LOST_AFTER_MS = 5 * 60_000;

/** How long a settled session is remembered, to ignore its late events. */
export const SETTLED_KEPT_MS = 24 * 60 * 60_000;

/** Wakes the worker while sessions are open or settling, to close lost ones and settle due ones. */
export const MEET_SESSIONS_ALARM = 'cil-hub-meet-sessions';
const ALARM_PERIOD_MINUTES = 1;

const MINUTE_MS = 60_000;
const ms = (instant: string) => instantMs(instant) ?? 0;
const latest = (a: Instant, b: Instant) => (ms(a) >= ms(b) ? a : b);

/** The sessions, by key, as one operation sees and changes them. */
type Book = Map<string, MeetSessionRecord>;

/** The join time a session key names, when it names one no later than `at`. */
function joinTimeOfKey(key: string, at: Instant): Instant | undefined {
  const time = key.slice(key.indexOf('/') + 1);
  return isInstant(time) && ms(time) <= ms(at) ? instantFromDate(new Date(ms(time))) : undefined;
}

function close(book: Book, record: MeetSessionRecord, leftAt: Instant): void {
  book.set(record.key, { ...record, leftAt: latest(leftAt, record.joinedAt) });
}

/** Opens the session of an event whose key is new: a rejoin continues the closed session it follows. */
function open(book: Book, event: MeetSessionEvent, tabId: number | undefined, rules: SessionRules, newId: () => string): MeetSessionRecord {
  // One tab holds one call: a session still open there lost its leave (the content script was reloaded).
  for (const record of book.values()) {
    if (tabId !== undefined && record.tabId === tabId && record.leftAt === undefined) close(book, record, record.lastSeenAt);
  }
  const joinedAt = event.event === 'join' ? event.at : (joinTimeOfKey(event.sessionKey, event.at) ?? event.at);
  const window = rules.rejoinMergeMinutes * MINUTE_MS;
  let rejoined: MeetSessionRecord | undefined;
  for (const record of book.values()) {
    if (record.leftAt === undefined || record.settledAt !== undefined) continue;
    if (record.meetCode !== event.meetCode || ms(joinedAt) - ms(record.leftAt) > window) continue;
    if (!rejoined || ms(record.leftAt) > ms(rejoined.leftAt!)) rejoined = record;
  }
  let kept: Pick<MeetSessionRecord, 'entryId' | 'meetCode' | 'joinedAt' | 'title'> = { entryId: newId(), meetCode: event.meetCode, joinedAt };
  let lastSeenAt = event.at;
  if (rejoined) {
    // The rejoin continues the earlier session: its entry id, its join, and its title until a newer one.
    const { entryId, meetCode, joinedAt: firstJoin, title } = rejoined;
    kept = { entryId, meetCode, joinedAt: firstJoin, ...(title ? { title } : {}) };
    lastSeenAt = latest(event.at, rejoined.leftAt!);
    book.delete(rejoined.key);
  }
  const record: MeetSessionRecord = { ...kept, key: event.sessionKey, lastSeenAt, ...(tabId !== undefined ? { tabId } : {}) };
  book.set(record.key, record);
  return record;
}

/** Applies one event from the content script. */
export function applyMeetEvent(book: Book, event: MeetSessionEvent, tabId: number | undefined, rules: SessionRules, newId: () => string): void {
  const known = book.get(event.sessionKey);
  // An event for a session that closed already (a beat that lost the race with its leave) says nothing.
  if (known?.leftAt !== undefined) return;
  const record = known ?? open(book, event, tabId, rules, newId);
  const title = event.title?.trim() || undefined;
  const updated: MeetSessionRecord = { ...record, lastSeenAt: latest(event.at, record.lastSeenAt), ...(title ? { title } : {}) };
  if (tabId !== undefined) updated.tabId = tabId;
  book.set(record.key, updated);
  if (event.event === 'leave') close(book, updated, event.at);
}

/** The tab of open sessions was closed at `now`: they end now, or at their last event if that is long past. */
export function closeTab(book: Book, tabId: number, now: Date): void {
  for (const record of book.values()) {
    if (record.tabId !== tabId || record.leftAt !== undefined) continue;
    const recent = now.getTime() - ms(record.lastSeenAt) <= LOST_AFTER_MS;
    close(book, record, recent ? instantFromDate(now) : record.lastSeenAt);
  }
}

/** Open sessions that stopped beating (or, at browser start, every open one) close at their last event. */
export function closeLost(book: Book, now: Date, everyOpen: boolean): void {
  for (const record of book.values()) {
    if (record.leftAt !== undefined) continue;
    if (everyOpen || now.getTime() - ms(record.lastSeenAt) > LOST_AFTER_MS) close(book, record, record.lastSeenAt);
  }
}

/**
 * Closed sessions whose rejoin window has passed are settled; those long enough become entries. Settled
 * sessions leave the book a day later.
 */
export function settle(book: Book, now: Date, rules: SessionRules): AttendanceSyncEntry[] {
  const entries: AttendanceSyncEntry[] = [];
  for (const record of [...book.values()]) {
    if (record.settledAt !== undefined) {
      if (now.getTime() - ms(record.settledAt) > SETTLED_KEPT_MS) book.delete(record.key);
      continue;
    }
    if (record.leftAt === undefined || now.getTime() < ms(record.leftAt) + rules.rejoinMergeMinutes * MINUTE_MS) continue;
    book.set(record.key, { ...record, settledAt: instantFromDate(now) });
    if (ms(record.leftAt) - ms(record.joinedAt) < rules.minimumMinutes * MINUTE_MS) continue;
    const entry = attendanceSyncEntrySchema.safeParse({
      kind: 'attendance',
      id: record.entryId,
      meetCode: record.meetCode,
      ...(record.title ? { title: record.title.slice(0, 500) } : {}),
      joinedAt: record.joinedAt,
      leftAt: record.leftAt,
    });
    if (entry.success) entries.push(entry.data);
    else console.warn('CIL Hub: a Meet session did not make a valid attendance entry', entry.error.issues);
  }
  return entries;
}

/** The minimum and the rejoin window: the volunteer's settings, else the CIL's minimum from the enrollment. */
export async function readSessionRules(): Promise<SessionRules> {
  const [settings, enrollment] = await Promise.all([readSettings(), readEnrollment()]);
  return {
    minimumMinutes: settings.minimumSessionMinutes ?? enrollment?.cil.minimumMinutesPresent ?? DEFAULT_MINIMUM_SESSION_MINUTES,
    rejoinMergeMinutes: settings.rejoinMergeMinutes,
  };
}

/**
 * Runs `change` on the stored sessions, settles what is due, and queues the entries, all in one
 * transaction (IndexedDB runs overlapping read-write transactions one after another, so two events at
 * once cannot lose each other's change). Returns how many entries were queued.
 */
async function updateSessions(now: Date, change: (book: Book, rules: SessionRules) => void): Promise<number> {
  const rules = await readSessionRules();
  const { queued, left } = await withCilHubDb(async (db) => {
    const tx = db.transaction([MEET_SESSIONS, ENTRIES], 'readwrite');
    const sessions = tx.objectStore(MEET_SESSIONS);
    const before: Book = new Map();
    for (const item of await sessions.getAll()) {
      const read = MeetSessionRecord.safeParse(item);
      if (read.success) before.set(read.data.key, read.data);
    }
    const book: Book = new Map(before);
    change(book, rules);
    const entries = settle(book, now, rules);
    for (const key of before.keys()) if (!book.has(key)) await sessions.delete(key);
    for (const record of book.values()) if (record !== before.get(record.key)) await sessions.put(record);
    const queue = tx.objectStore(ENTRIES);
    for (const entry of entries) {
      if ((await queue.getKey(entry.id)) === undefined) await queue.put(queuedEntryOf(entry, now));
    }
    await tx.done;
    return { queued: entries.length, left: [...book.values()].filter((record) => record.settledAt === undefined).length };
  });
  await keepAlarmWhile(left > 0);
  if (queued > 0) await refreshBadge();
  return queued;
}

async function keepAlarmWhile(sessionsLeft: boolean): Promise<void> {
  if (!sessionsLeft) await chrome.alarms.clear(MEET_SESSIONS_ALARM);
  else if (!(await chrome.alarms.get(MEET_SESSIONS_ALARM))) {
    await chrome.alarms.create(MEET_SESSIONS_ALARM, { delayInMinutes: ALARM_PERIOD_MINUTES, periodInMinutes: ALARM_PERIOD_MINUTES });
  }
}

/** A `meet-session` message from the Meet tab `tabId`. Returns how many entries it queued. */
export function recordMeetEvent(event: MeetSessionEvent, tabId: number | undefined, now: Date): Promise<number> {
  return updateSessions(now, (book, rules) => applyMeetEvent(book, event, tabId, rules, () => crypto.randomUUID()));
}

export function closeSessionsOfTab(tabId: number, now: Date): Promise<number> {
  return updateSessions(now, (book) => closeTab(book, tabId, now));
}

/** On the sessions alarm: lost sessions close, due ones settle. At browser start every open one closes. */
export function closeLostSessions(now: Date, everyOpen: boolean): Promise<number> {
  return updateSessions(now, (book) => closeLost(book, now, everyOpen));
}

export async function forgetMeetSessions(): Promise<void> {
  await withCilHubDb((db) => db.clear(MEET_SESSIONS));
  await keepAlarmWhile(false);
}

/** The codes of the calls the volunteer is in now (for the meeting reminder). */
export async function openMeetCodes(): Promise<Set<string>> {
  const records = await withCilHubDb((db) => db.getAll(MEET_SESSIONS));
  return new Set(records.filter((record) => record.leftAt === undefined).map((record) => record.meetCode));
}
