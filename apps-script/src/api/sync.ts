import { apiError } from '../../../shared/api/errors';
import { errorResponse, okResponse, type ApiResponse, type SyncRequest, type SyncResult } from '../../../shared/api/protocol';
import {
  checkSyncEntry,
  type AttendanceSyncEntry,
  type EntryResult,
  type HoursSyncEntry,
  type NoticeSyncEntry,
  type SyncEntry,
} from '../../../shared/api/sync-entry';
import { attendanceTab, type Attendance } from '../../../shared/records/attendance';
import { hoursTab, type HoursEntry } from '../../../shared/records/hours';
import type { Meeting } from '../../../shared/records/meeting';
import { meetingOfNotice, meetingOfSession, sessionMinutes, sessionStatus } from '../../../shared/records/meeting-matching';
import { noticesTab, type Notice } from '../../../shared/records/notice';
import type { TabDefinition, TabRecord } from '../../../shared/records/tab';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import { dateOfInstant, instantFromDate, instantMs, type Instant } from '../../../shared/time/instant';
import { clockText, dayOf } from '../../../shared/time/zone';
import { entryIdKey, type EntryIds } from '../google/tab-columns';
import { appendAttendance, readAttendanceIds } from '../records/attendance';
import { appendHours, readHoursIds } from '../records/hours';
import { readMeetings } from '../records/meetings';
import { appendNotices, readNoticeIds } from '../records/notices';
import type { Caller } from './authenticate';
import { withScriptLock } from '../google/script-lock';

// sync: the extension's queued hours, Meet sessions and notices. Each entry is checked on its own and
// answered stored / duplicate / rejected, in request order. Everything that decides "duplicate" (the
// id columns) is read under the script lock, and each tab is written once, before the lock is let go:
// two syncs at once cannot both find an id missing and both append it.
//
// If a write fails half-way (Hours appended, then the Attendance write throws), doPost answers
// `internal`, which is retryable, and the extension keeps the whole batch. Its replay finds the hours'
// ids in the tab and answers them `duplicate` (done, for the extension) and stores the rest: ids make
// a retry safe, never a second row.

/**
 * How long a sync waits for another execution's write before answering lock_timeout: well inside the
 * 30 s the extension's service worker waits for an answer.
 */
const LOCK_WAIT_MS = 10_000;

/** How far the volunteer's computer clock may run ahead of Google's before a time counts as future. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Older hours are a lead's to add in the sheet: from the extension they are a wrong date. */
const OLDEST_HOURS_DAYS = 366;
/** A Meet session longer than a day is a leave the extension missed, not a meeting. */
const LONGEST_SESSION_MS = 24 * 3_600_000;

/** What building a row needs besides the entry. */
interface SyncContext {
  volunteerId: string;
  now: Date;
  loggedAt: Instant;
  today: CalendarDay;
  timeZone: string;
  minimumMinutesPresent: number;
  meetings: readonly Meeting[];
}

type Built<Row> = { ok: true; row: Row } | { ok: false; reason: string };

/** A row the tab's schema accepts, or the reason it does not (the sync entry and the tab differ, e.g. a project id with spaces). */
function accepted<Tab extends TabDefinition>(tab: Tab, row: TabRecord<Tab>): Built<TabRecord<Tab>> {
  const parsed = tab.schema.safeParse(row);
  if (parsed.success) return { ok: true, row: parsed.data as TabRecord<Tab> };
  return { ok: false, reason: parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`.trim()).join('; ') };
}

function hoursRow(entry: HoursSyncEntry, id: string, context: SyncContext): Built<HoursEntry> {
  // A day or so ahead is a volunteer east of the CIL's time zone; more is a mistake.
  if (entry.day > addDays(context.today, 1)) return { ok: false, reason: `day must not be in the future (${entry.day})` };
  if (entry.day < addDays(context.today, -OLDEST_HOURS_DAYS)) {
    return { ok: false, reason: `day must be within the last year (${entry.day}); ask your CIL lead to add older hours in the sheet` };
  }
  return accepted(hoursTab, {
    id,
    volunteerId: context.volunteerId,
    day: entry.day,
    hours: entry.hours,
    category: entry.category,
    projectId: entry.projectId,
    note: entry.note,
    source: 'extension',
    // The server's time: the extension's clock is the volunteer's to set.
    loggedAt: context.loggedAt,
  });
}

function attendanceRow(entry: AttendanceSyncEntry, id: string, context: SyncContext): Built<Attendance> {
  if ((instantMs(entry.leftAt) ?? 0) > context.now.getTime() + CLOCK_SKEW_MS) {
    return { ok: false, reason: `leftAt must not be in the future (${entry.leftAt})` };
  }
  if ((instantMs(entry.leftAt) ?? 0) - (instantMs(entry.joinedAt) ?? 0) > LONGEST_SESSION_MS) {
    return { ok: false, reason: 'leftAt must be within 24 hours of joinedAt' };
  }
  const minutes = sessionMinutes(entry);
  return accepted(attendanceTab, {
    id,
    meetingId: meetingOfSession(context.meetings, entry)?.id,
    volunteerId: context.volunteerId,
    status: sessionStatus(minutes, context.minimumMinutesPresent),
    joinedAt: entry.joinedAt,
    leftAt: entry.leftAt,
    minutes,
    meetCode: entry.meetCode,
    source: 'extension',
  });
}

/** What an unmatched absence notice was for, in the CIL's time, so a lead can link it to its meeting. */
function describeTarget(entry: NoticeSyncEntry, timeZone: string): string {
  const parts: string[] = [];
  if (entry.title !== undefined) parts.push(`"${entry.title}"`);
  if (entry.startsAt !== undefined) {
    parts.push(`starting ${clockText(dateOfInstant(entry.startsAt as Instant), timeZone)}`);
  }
  if (entry.meetCode !== undefined) parts.push(`Meet ${entry.meetCode}`);
  if (parts.length === 0 && entry.calendarEventId !== undefined) parts.push(`Calendar event ${entry.calendarEventId}`);
  return parts.join(', ');
}

const NOTICE_REASON_MAX = 2000;

function noticeRow(entry: NoticeSyncEntry, id: string, context: SyncContext): Built<Notice> {
  // Given-at is when the volunteer gave notice, as their extension saw it: a notice queued offline
  // keeps its time. It is never later than now, and a notice given after its meeting began keeps that
  // later time, so the rules can tell it was not prior notice. Received-at is this server's time: a
  // backdated Given-at shows against it.
  const givenAt = instantFromDate(new Date(Math.min(instantMs(entry.givenAt) ?? 0, context.now.getTime())));
  let meetingId: string | undefined;
  let fromDay = entry.fromDay;
  let toDay = entry.toDay;
  let reason = entry.reason;
  if (entry.noticeKind === 'absence notice') {
    const meeting = meetingOfNotice(context.meetings, entry);
    if (meeting) meetingId = meeting.id;
    else {
      // Kept unlinked: it covers its meeting's day, and says what it was for, until a lead links it.
      if (fromDay === undefined && toDay === undefined && entry.startsAt !== undefined) {
        fromDay = dayOf(dateOfInstant(entry.startsAt as Instant), context.timeZone);
        toDay = fromDay;
      }
      const target = describeTarget(entry, context.timeZone);
      const described = reason === undefined ? `For ${target}` : `${reason} (for ${target})`;
      if (target !== '' && described.length <= NOTICE_REASON_MAX) reason = described;
    }
  }
  return accepted(noticesTab, {
    id,
    volunteerId: context.volunteerId,
    kind: entry.noticeKind,
    givenAt,
    meetingId,
    fromDay,
    toDay,
    reason,
    source: 'extension',
    receivedAt: context.loggedAt,
  });
}

interface Pending<Row> {
  ids: EntryIds | null;
  rows: Row[];
}

function pendingFor<Row>(needed: boolean, readIds: () => EntryIds): Pending<Row> {
  return { ids: needed ? readIds() : null, rows: [] };
}

/** Reads the id columns, builds the rows and writes each tab once. Runs under the script lock. */
function storeEntries(valid: readonly { index: number; entry: SyncEntry }[], results: EntryResult[], { cil, volunteer }: Caller): void {
  const { spreadsheet, settings } = cil;
  const timeZone = settings.timeZone;
  const has = (kind: SyncEntry['kind']) => valid.some(({ entry }) => entry.kind === kind);
  const hours = pendingFor<HoursEntry>(has('hours'), () => readHoursIds(spreadsheet));
  const attendance = pendingFor<Attendance>(has('attendance'), () => readAttendanceIds(spreadsheet));
  const notices = pendingFor<Notice>(has('notice'), () => readNoticeIds(spreadsheet));
  const needsMeetings = valid.some(({ entry }) => entry.kind === 'attendance' || (entry.kind === 'notice' && entry.noticeKind === 'absence notice'));
  const now = new Date();
  const context: SyncContext = {
    volunteerId: volunteer.id,
    now,
    loggedAt: instantFromDate(now),
    today: dayOf(now, timeZone),
    timeZone,
    minimumMinutesPresent: settings.minimumMinutesPresent,
    meetings: needsMeetings ? readMeetings(spreadsheet, timeZone) : [],
  };

  // An id seen earlier in this batch is a duplicate too, whatever its kind.
  const batch = new Set<string>();
  const take = <Row>(index: number, entry: SyncEntry, pending: Pending<Row>, build: (id: string) => Built<Row>) => {
    const id = entryIdKey(entry.id);
    if (batch.has(id) || pending.ids!.ids.has(id)) {
      results[index] = { id: entry.id, status: 'duplicate' };
      return;
    }
    const built = build(id);
    if (!built.ok) {
      results[index] = { id: entry.id, status: 'rejected', reason: built.reason };
      return;
    }
    batch.add(id);
    pending.rows.push(built.row);
    results[index] = { id: entry.id, status: 'stored' };
  };
  for (const { index, entry } of valid) {
    switch (entry.kind) {
      case 'hours':
        take(index, entry, hours, (id) => hoursRow(entry, id, context));
        break;
      case 'attendance':
        take(index, entry, attendance, (id) => attendanceRow(entry, id, context));
        break;
      case 'notice':
        take(index, entry, notices, (id) => noticeRow(entry, id, context));
        break;
    }
  }

  if (hours.ids) appendHours(hours.ids, hours.rows, timeZone);
  if (attendance.ids) appendAttendance(attendance.ids, attendance.rows, timeZone);
  if (notices.ids) appendNotices(notices.ids, notices.rows, timeZone);
}

export function sync(request: SyncRequest, caller: Caller): ApiResponse<SyncResult> {
  const results: EntryResult[] = [];
  const valid: { index: number; entry: SyncEntry }[] = [];
  request.entries.forEach((raw, index) => {
    const check = checkSyncEntry(raw);
    if (check.ok) valid.push({ index, entry: check.entry });
    else results[index] = check.result;
  });
  // Nothing to store: no lock, no reads.
  if (valid.length === 0) return okResponse({ results });

  return withScriptLock(
    LOCK_WAIT_MS,
    (): ApiResponse<SyncResult> => {
      storeEntries(valid, results, caller);
      return okResponse({ results });
    },
    () => errorResponse(apiError('lock_timeout')),
  );
}
