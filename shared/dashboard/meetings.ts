import { attendanceByMeeting, meetingAttendance, meetingFactsOf, priorNoticeFor, resolvePolicy } from '../accountability';
import type { Attendance } from '../records/attendance';
import { isExpectedAt } from '../records/expectations';
import { MEETING_KINDS, type Meeting, type MeetingKind } from '../records/meeting';
import type { Notice } from '../records/notice';
import type { Settings } from '../records/settings';
import { LEAD_ROLES, type Volunteer } from '../records/volunteer';
import { addDays } from '../time/calendar-day';
import { instantMs } from '../time/instant';
import { monthOf } from '../time/period';
import type { RosterTally } from './roster';
import type { AttendanceBlock, AttendanceCounts, AttendancePoint, HeldMeeting, QuarterBlock } from './types';
import { inSpan, monthIndexOf, round2, weekIndexOf, type Span, type Windows } from './windows';

/** The quarter figures the review compares. */
export interface MeetingQuarterFigures {
  events: number;
  meetups: number;
  /** Monthly CfP calls a lead of the CIL attended. */
  cfpCallsAttended: number;
}

export interface MeetingTally {
  attendance: AttendanceBlock;
  quarter: QuarterBlock;
  current: MeetingQuarterFigures;
  previous: MeetingQuarterFigures;
  /** Volunteers present at a meeting in the quarter reviewed, and in the one before. */
  activeIn: { current: Set<string>; previous: Set<string> };
}

export interface MeetingRecords {
  meetings: readonly Meeting[];
  attendance: readonly Attendance[];
  notices: readonly Notice[];
}

type Outcome = 'present' | 'withNotice' | 'absent';

const emptyCounts = (): AttendanceCounts => ({ expected: 0, present: 0, withNotice: 0, absent: 0, rate: null });

const countsByKind = () => Object.fromEntries(MEETING_KINDS.map((kind) => [kind, emptyCounts()])) as Record<MeetingKind, AttendanceCounts>;

const pointOf = (period: string, span: Pick<Span, 'first' | 'last'>): AttendancePoint => ({ period, first: span.first, last: span.last, all: emptyCounts(), byKind: countsByKind() });

function count(counts: AttendanceCounts, outcome: Outcome): void {
  counts.expected++;
  counts[outcome]++;
}

function finish(counts: AttendanceCounts): AttendanceCounts {
  counts.rate = counts.expected === 0 ? null : round2(counts.present / counts.expected);
  return counts;
}

function finishPoint(point: AttendancePoint): AttendancePoint {
  finish(point.all);
  for (const kind of MEETING_KINDS) finish(point.byKind[kind]);
  return point;
}

/** The lead roles of the CIL, as the rules engine counts them for a CfP call. */
const isLead = (volunteer: Volunteer | undefined) =>
  volunteer !== undefined && LEAD_ROLES.includes(volunteer.role) && volunteer.status !== 'offboarded' && volunteer.status !== 'alumni';

/**
 * Meetings, attendance and notices, each in one pass: what was held and planned in the quarter, and
 * attendance rates. A rate is over the members expected at a meeting (by its "Expected attendees",
 * joined by its day, on today's roster): present by the rules engine's reading of the attendance rows,
 * absent with prior notice (a row saying so, or a notice given in time), or absent. "All" is monthly
 * CfP calls and CIL meetups together, the meetings the handbook expects everyone at (the policy's
 * counted kinds); each kind also has its own rate.
 */
export function tallyMeetings(records: MeetingRecords, windows: Windows, roster: RosterTally, settings: Settings): MeetingTally {
  const counted = new Set<MeetingKind>(resolvePolicy(settings).countedMeetingKinds);
  const minimum = settings.minimumMinutesPresent;
  const facts = meetingFactsOf(records.meetings, settings.timeZone);
  const rowsByMeeting = attendanceByMeeting(records.attendance, records.meetings, windows.nowMs);
  const noticesOf = new Map<string, Notice[]>();
  for (const notice of records.notices) {
    const seenMs = instantMs(notice.receivedAt ?? notice.givenAt);
    if (seenMs === undefined || seenMs > windows.nowMs) continue;
    const list = noticesOf.get(notice.volunteerId);
    if (list) list.push(notice);
    else noticesOf.set(notice.volunteerId, [notice]);
  }

  const byVolunteer = new Map(roster.members.map(({ volunteer }) => [volunteer.id, emptyCounts()]));
  const byKind = countsByKind();
  const weekly = windows.weeks.map((week) => pointOf(week.label, week));
  const monthly = windows.months.map((month) => pointOf(month.label, month));
  // A quarter starts on the 1st: 0, 31 and 62 days on fall in its three months.
  const quarterMonths = [0, 31, 62].map((days) => monthOf(addDays(windows.quarter.first, days)));
  const months = quarterMonths.map((month) => ({ month, cfpCalls: 0, meetups: 0, events: 0 }));
  const quarter: QuarterBlock = {
    quarter: windows.quarter.label,
    first: windows.quarter.first,
    last: windows.quarter.last,
    events: { held: 0, planned: 0, required: settings.targetEvents, met: false },
    meetups: { held: 0, planned: 0 },
    cfpCalls: { held: 0, planned: 0, attendedByLeads: 0 },
    months,
    held: [],
  };
  const current: MeetingQuarterFigures = { events: 0, meetups: 0, cfpCallsAttended: 0 };
  const previous: MeetingQuarterFigures = { events: 0, meetups: 0, cfpCallsAttended: 0 };
  const activeIn = { current: new Set<string>(), previous: new Set<string>() };

  for (const f of facts) {
    if (f.startDay < windows.from || (f.startDay > windows.quarter.last && f.startDay > windows.today)) continue;
    const kind = f.meeting.kind;
    const held = f.endMs <= windows.nowMs;
    const inQuarter = inSpan(windows.quarter, f.startDay);
    const inPrevious = inSpan(windows.previous, f.startDay);
    if (inQuarter) {
      const tallied = kind === 'event' ? quarter.events : kind === 'CIL meetup' ? quarter.meetups : kind === 'monthly CfP call' ? quarter.cfpCalls : null;
      if (tallied) tallied[held ? 'held' : 'planned']++;
    }
    if (!held) continue;

    const rows = rowsByMeeting.get(f.meeting.id);
    let present = 0;
    let leadPresent = false;
    for (const [volunteerId, list] of rows ?? []) {
      if (!meetingAttendance(list, minimum).present) continue;
      present++;
      if (isLead(roster.byId.get(volunteerId))) leadPresent = true;
      if (inQuarter) activeIn.current.add(volunteerId);
      else if (inPrevious) activeIn.previous.add(volunteerId);
    }
    const figures = inQuarter ? current : inPrevious ? previous : null;
    if (figures) {
      if (kind === 'event') figures.events++;
      else if (kind === 'CIL meetup') figures.meetups++;
      else if (kind === 'monthly CfP call' && leadPresent) figures.cfpCallsAttended++;
    }
    if (inQuarter) {
      const month = months[quarterMonths.indexOf(monthOf(f.startDay))]!;
      if (kind === 'event') month.events++;
      else if (kind === 'CIL meetup') month.meetups++;
      else if (kind === 'monthly CfP call') month.cfpCalls++;
      const shown: HeldMeeting = { meetingId: f.meeting.id, kind, title: f.meeting.title, day: f.startDay, present };
      if (f.meeting.participantCount !== undefined) shown.participants = f.meeting.participantCount;
      quarter.held.push(shown);
    }

    const week = weekIndexOf(windows, f.startDay);
    const month = monthIndexOf(windows, f.startDay);
    if (week < 0 && month < 0) continue;
    for (const { volunteer } of roster.members) {
      if (volunteer.joinedOn > f.startDay || !isExpectedAt(f.meeting, volunteer)) continue;
      const list = rows?.get(volunteer.id) ?? [];
      const attended = meetingAttendance(list, minimum);
      const outcome: Outcome = attended.present
        ? 'present'
        : attended.withNotice || priorNoticeFor(f, noticesOf.get(volunteer.id) ?? []) !== undefined
          ? 'withNotice'
          : 'absent';
      if (week >= 0) {
        count(byKind[kind], outcome);
        count(weekly[week]!.byKind[kind], outcome);
        if (counted.has(kind)) {
          count(weekly[week]!.all, outcome);
          count(byVolunteer.get(volunteer.id)!, outcome);
        }
      }
      if (month >= 0) {
        count(monthly[month]!.byKind[kind], outcome);
        if (counted.has(kind)) count(monthly[month]!.all, outcome);
      }
    }
  }
  quarter.events.met = quarter.events.held >= quarter.events.required;
  quarter.cfpCalls.attendedByLeads = current.cfpCallsAttended;

  for (const kind of MEETING_KINDS) finish(byKind[kind]);
  return {
    attendance: {
      byVolunteer: roster.members.map(({ volunteer }) => ({ volunteerId: volunteer.id, name: volunteer.name, counts: finish(byVolunteer.get(volunteer.id)!) })),
      byKind,
      weekly: weekly.map(finishPoint),
      monthly: monthly.map(finishPoint),
    },
    quarter,
    current,
    previous,
    activeIn,
  };
}

