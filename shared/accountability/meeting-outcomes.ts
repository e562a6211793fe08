import type { Attendance } from '../records/attendance';
import type { Meeting } from '../records/meeting';
import { meetingOfSession, sessionMinutes } from '../records/meeting-matching';
import type { Notice } from '../records/notice';
import type { CalendarDay } from '../time/calendar-day';
import { instantMs } from '../time/instant';
import { dayOf } from '../time/zone';

/** A meeting with its times worked out once: instants in ms, days in the CIL's time zone. */
export interface MeetingFacts {
  meeting: Meeting;
  startMs: number;
  endMs: number;
  startDay: CalendarDay;
  endDay: CalendarDay;
}

const byStart = (a: MeetingFacts, b: MeetingFacts) =>
  a.startMs - b.startMs || (a.meeting.id < b.meeting.id ? -1 : a.meeting.id > b.meeting.id ? 1 : 0);

/** Meetings in time order (then by id), skipping any whose times cannot be read. */
export function meetingFactsOf(meetings: readonly Meeting[], timeZone: string): MeetingFacts[] {
  const facts: MeetingFacts[] = [];
  for (const meeting of meetings) {
    const startMs = instantMs(meeting.startsAt);
    const endMs = instantMs(meeting.endsAt);
    if (startMs === undefined || endMs === undefined) continue;
    facts.push({
      meeting,
      startMs,
      endMs,
      startDay: dayOf(new Date(startMs), timeZone),
      endDay: dayOf(new Date(endMs), timeZone),
    });
  }
  return facts.sort(byStart);
}

/** Minutes of one attendance row: its "Minutes", else from its join and leave times; undefined when neither. */
export function rowMinutes(row: Pick<Attendance, 'minutes' | 'joinedAt' | 'leftAt'>): number | undefined {
  if (row.minutes !== undefined) return row.minutes;
  if (row.joinedAt !== undefined && row.leftAt !== undefined) return sessionMinutes({ joinedAt: row.joinedAt, leftAt: row.leftAt });
  return undefined;
}

export interface MeetingAttendance {
  /** At least the minimum minutes over all the volunteer's sessions of the meeting, or marked present by hand. */
  present: boolean;
  /** Minutes added up over the rows that have them; undefined when none has. */
  minutes: number | undefined;
  /** A row says 'absent with notice' (a lead or the daily check recorded the notice). */
  withNotice: boolean;
  rows: readonly Attendance[];
}

/**
 * One volunteer's attendance at one meeting from all their rows for it (a volunteer who dropped and
 * rejoined has a row per session). Minutes decide when any row has them: their sum must reach the
 * CIL's minimum, whatever each row's status says; a row marked 'present' with no minutes and no
 * times (a lead's or a form's word) counts as present.
 */
export function meetingAttendance(rows: readonly Attendance[], minimumMinutesPresent: number): MeetingAttendance {
  let minutes: number | undefined;
  let vouched = false;
  let withNotice = false;
  for (const row of rows) {
    const rowMins = rowMinutes(row);
    if (rowMins !== undefined) minutes = (minutes ?? 0) + rowMins;
    else if (row.status === 'present') vouched = true;
    if (row.status === 'absent with notice') withNotice = true;
  }
  const present = vouched || (minutes !== undefined && minutes >= minimumMinutesPresent);
  return { present, minutes, withNotice, rows };
}

/**
 * Attendance rows by meeting id, then volunteer id. A row with no meeting id whose Meet session
 * matches a meeting (meeting-matching.ts) is filed under that meeting; other unlinked rows are left out.
 */
export function attendanceByMeeting(
  attendance: readonly Attendance[],
  meetings: readonly Meeting[],
  seenBy: number,
): Map<string, Map<string, Attendance[]>> {
  const byCode = new Map<string, Meeting[]>();
  for (const meeting of meetings) {
    if (meeting.meetCode === undefined) continue;
    const list = byCode.get(meeting.meetCode);
    if (list) list.push(meeting);
    else byCode.set(meeting.meetCode, [meeting]);
  }
  const index = new Map<string, Map<string, Attendance[]>>();
  for (const row of attendance) {
    const joined = row.joinedAt === undefined ? undefined : instantMs(row.joinedAt);
    if (joined !== undefined && joined > seenBy) continue;
    let meetingId = row.meetingId;
    if (meetingId === undefined && row.meetCode !== undefined && row.joinedAt !== undefined && row.leftAt !== undefined) {
      meetingId = meetingOfSession(byCode.get(row.meetCode) ?? [], {
        meetCode: row.meetCode,
        joinedAt: row.joinedAt,
        leftAt: row.leftAt,
      })?.id;
    }
    if (meetingId === undefined) continue;
    let perVolunteer = index.get(meetingId);
    if (!perVolunteer) index.set(meetingId, (perVolunteer = new Map()));
    const rows = perVolunteer.get(row.volunteerId);
    if (rows) rows.push(row);
    else perVolunteer.set(row.volunteerId, [row]);
  }
  return index;
}

/**
 * When a notice reached CIL Hub: the later of "Given at" (the volunteer's clock) and "Received at" (the
 * server's, blank on rows a lead typed). Undefined when "Given at" cannot be read.
 */
export function noticeArrivedMs(notice: Pick<Notice, 'givenAt' | 'receivedAt'>): number | undefined {
  const given = instantMs(notice.givenAt);
  if (given === undefined) return undefined;
  const received = notice.receivedAt === undefined ? undefined : instantMs(notice.receivedAt);
  return received === undefined ? given : Math.max(given, received);
}

/**
 * Whether a notice was prior notice for something starting at `startMs`: given before it, and, when
 * the server recorded its arrival, received before it too. A notice the volunteer's device dates
 * before the meeting but that reached CIL Hub after it began is not prior notice by itself (the
 * evidence names it, for a lead to judge).
 */
export function isPriorTo(notice: Pick<Notice, 'givenAt' | 'receivedAt'>, startMs: number): boolean {
  const arrived = noticeArrivedMs(notice);
  return arrived !== undefined && arrived < startMs;
}

function isFor(notice: Notice, facts: MeetingFacts): boolean {
  if (notice.kind !== 'absence notice') return false;
  if (notice.meetingId === facts.meeting.id) return true;
  if (notice.fromDay === undefined) return false;
  return notice.fromDay <= facts.startDay && facts.startDay <= (notice.toDay ?? notice.fromDay);
}

/**
 * The absence notice that excuses the volunteer from the meeting: one for that meeting, or one whose
 * days (From, To or just From) cover the meeting's day, given (and received) before the meeting
 * started. A notice given once the meeting has started is not prior notice. `notices` are the
 * volunteer's own.
 */
export function priorNoticeFor(facts: MeetingFacts, notices: readonly Notice[]): Notice | undefined {
  return notices.find((notice) => isFor(notice, facts) && isPriorTo(notice, facts.startMs));
}

/** Notices for a meeting that came too late: given, or received, once it had started. */
export function lateNoticesFor(facts: MeetingFacts, notices: readonly Notice[]): Notice[] {
  return notices.filter((notice) => isFor(notice, facts) && !isPriorTo(notice, facts.startMs));
}
