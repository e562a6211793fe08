import { instantMs } from '../time/instant';
import type { AttendanceStatus } from './attendance';
import type { Meeting } from './meeting';

/**
 * How far outside a meeting's scheduled time a Meet session (or a notice's start time) may lie and
 * still belong to it: people join a few minutes early and meetings overrun. Meet codes are reused (a
 * monthly call keeps its code), so the time decides which of the code's meetings a session was.
 */
export const MATCH_MARGIN_MINUTES = 30;
const MARGIN_MS = MATCH_MARGIN_MINUTES * 60_000;

const msOf = (instant: string) => instantMs(instant) ?? Number.NaN;

export interface MeetSession {
  meetCode: string;
  joinedAt: string;
  leftAt: string;
}

/**
 * The meeting a Meet session was: one with the session's code whose time, widened by the margin,
 * overlaps the session. Of several, the one the session overlaps longest (then the one starting
 * nearest the join); undefined when none, and the session is kept unlinked for a lead to link.
 */
export function meetingOfSession(meetings: readonly Meeting[], session: MeetSession): Meeting | undefined {
  const joined = msOf(session.joinedAt);
  const left = msOf(session.leftAt);
  let best: { meeting: Meeting; overlap: number; distance: number } | undefined;
  for (const meeting of meetings) {
    if (meeting.meetCode !== session.meetCode) continue;
    const starts = msOf(meeting.startsAt);
    const ends = msOf(meeting.endsAt);
    if (joined > ends + MARGIN_MS || left < starts - MARGIN_MS) continue;
    const overlap = Math.max(0, Math.min(left, ends) - Math.max(joined, starts));
    const distance = Math.abs(joined - starts);
    if (!best || overlap > best.overlap || (overlap === best.overlap && distance < best.distance)) {
      best = { meeting, overlap, distance };
    }
  }
  return best?.meeting;
}

/** A session as an Attendance row holds it: a lead's row may lack the code or the times. */
export interface SessionOutline {
  meetCode?: string | undefined;
  joinedAt?: string | undefined;
  leftAt?: string | undefined;
}

/**
 * The meetings a lead may link a session that matched none to, likeliest first: meetings whose time,
 * widened by the margin, overlaps the session whatever their Meet code (typed without the code, or
 * with another), those with the session's code first; then meetings with the session's code at other
 * times (typed with the wrong date), nearest first. At most `limit`.
 */
export function meetingCandidates(meetings: readonly Meeting[], session: SessionOutline, limit = 5): Meeting[] {
  const joined = session.joinedAt === undefined ? Number.NaN : msOf(session.joinedAt);
  const left = session.leftAt === undefined ? joined : msOf(session.leftAt);
  const timed = !Number.isNaN(joined) && !Number.isNaN(left);
  const ranked = meetings.flatMap((meeting) => {
    const starts = msOf(meeting.startsAt);
    const ends = msOf(meeting.endsAt);
    const overlaps = timed && joined <= ends + MARGIN_MS && left >= starts - MARGIN_MS;
    const sameCode = session.meetCode !== undefined && meeting.meetCode === session.meetCode;
    if (!overlaps && !sameCode) return [];
    // Without the session's times, the latest meetings of its code come first.
    const distance = timed ? Math.abs(joined - starts) : -starts;
    return [{ meeting, rank: overlaps ? (sameCode ? 0 : 1) : 2, distance }];
  });
  ranked.sort((a, b) => a.rank - b.rank || a.distance - b.distance);
  return ranked.slice(0, limit).map((candidate) => candidate.meeting);
}

/** Whole minutes between join and leave, rounded to the nearest minute. */
export function sessionMinutes(session: { joinedAt: string; leftAt: string }): number {
  return Math.max(0, Math.round((msOf(session.leftAt) - msOf(session.joinedAt)) / 60_000));
}

/**
 * A session counts as present when it lasted at least the CIL's minimum ("Minimum minutes to count
 * present"); a shorter one (a mis-click, a dropped call) is recorded as absent. Each session is its
 * own row, so a volunteer who dropped and rejoined has several rows for one meeting: whoever reads
 * attendance per meeting takes the best of them (any 'present', or the minutes added up).
 */
export function sessionStatus(minutes: number, minimumMinutesPresent: number): AttendanceStatus {
  return minutes >= minimumMinutesPresent ? 'present' : 'absent';
}

export interface NoticeTarget {
  calendarEventId?: string | undefined;
  meetCode?: string | undefined;
  startsAt?: string | undefined;
  title?: string | undefined;
  givenAt: string;
}

const sameText = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

function nearestStart(meetings: readonly Meeting[], startsAt: number, title: string | undefined): Meeting | undefined {
  let best: { meeting: Meeting; distance: number; titled: boolean } | undefined;
  for (const meeting of meetings) {
    const distance = Math.abs(msOf(meeting.startsAt) - startsAt);
    if (!(distance <= MARGIN_MS)) continue;
    const titled = sameText(meeting.title, title);
    if (!best || distance < best.distance || (distance === best.distance && titled && !best.titled)) {
      best = { meeting, distance, titled };
    }
  }
  return best?.meeting;
}

/**
 * The meeting an absence notice is for, by what the notice names, most specific first: its Calendar
 * event; its Meet code at its start time (or, without one, the code's next meeting not over when the
 * notice was given); its start time alone (preferring the same title), among meetings whose own Meet
 * code and Calendar event do not contradict the notice's. Undefined when none matches.
 */
export function meetingOfNotice(meetings: readonly Meeting[], notice: NoticeTarget): Meeting | undefined {
  const startsAt = notice.startsAt === undefined ? undefined : msOf(notice.startsAt);
  if (notice.calendarEventId !== undefined) {
    const byEvent = meetings.filter((meeting) => meeting.calendarEventId === notice.calendarEventId);
    // A recurring event's instances may share an id in the Meetings tab: the start time picks one.
    const found = startsAt === undefined ? byEvent[0] : (nearestStart(byEvent, startsAt, notice.title) ?? byEvent[0]);
    if (found) return found;
  }
  if (notice.meetCode !== undefined) {
    const byCode = meetings.filter((meeting) => meeting.meetCode === notice.meetCode);
    if (startsAt !== undefined) {
      const found = nearestStart(byCode, startsAt, notice.title);
      if (found) return found;
    } else {
      const given = msOf(notice.givenAt);
      const next = byCode
        .filter((meeting) => msOf(meeting.endsAt) + MARGIN_MS >= given)
        .sort((a, b) => msOf(a.startsAt) - msOf(b.startsAt))[0];
      if (next) return next;
    }
  }
  if (startsAt === undefined) return undefined;
  const consistent = meetings.filter(
    (meeting) =>
      (meeting.meetCode === undefined || notice.meetCode === undefined || meeting.meetCode === notice.meetCode) &&
      (meeting.calendarEventId === undefined || notice.calendarEventId === undefined || meeting.calendarEventId === notice.calendarEventId),
  );
  return nearestStart(consistent, startsAt, notice.title);
}
