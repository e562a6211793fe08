import { okResponse, type ApiResponse, type SummaryResult } from '../../../shared/api/protocol';
import { accountabilityTab } from '../../../shared/records/accountability';
import { attendanceTab, type AttendanceStatus } from '../../../shared/records/attendance';
import { hoursTab } from '../../../shared/records/hours';
import { isExpectedAt, weeklyCommitmentOf } from '../../../shared/records/expectations';
import { daysInMonth, partsOf } from '../../../shared/time/calendar-day';
import { instantFromDate } from '../../../shared/time/instant';
import { monthOf, periodRange, weekOf } from '../../../shared/time/period';
import { dayOf } from '../../../shared/time/zone';
import { readAttendanceOf } from '../records/attendance';
import { readPolicyStepsOf } from '../records/accountability-log';
import { readHoursOf } from '../records/hours';
import { readMeetings } from '../records/meetings';
import { warnInvalidRows } from '../google/tab-sheet';
import type { Caller } from './authenticate';

// summary: the volunteer's own week at a glance, for the extension's popup. Only rows whose Volunteer ID
// is the token owner's are read; of Hours, Attendance and the Accountability log (the long tabs) only
// the few columns needed, Meetings whole. Rows a lead must fix are left out of the totals, and logged.

const UPCOMING_DAYS = 14;
const RECENT_MEETINGS = 5;
const DAY_MS = 86_400_000;

type RecentItem = SummaryResult['recentAttendance'][number];

const STATUS_RANK: Record<AttendanceStatus, number> = { absent: 0, 'absent with notice': 1, present: 2 };

const roundHours = (hours: number) => Math.round(hours * 100) / 100;

export function summary({ cil, volunteer }: Caller): ApiResponse<SummaryResult> {
  const { spreadsheet, settings, registered } = cil;
  const timeZone = settings.timeZone;
  const now = new Date();
  const nowInstant = instantFromDate(now);
  const today = dayOf(now, timeZone);

  const week = { period: weekOf(today), ...periodRange(weekOf(today)), hours: 0 };
  const month = { period: monthOf(today), ...periodRange(monthOf(today)), hours: 0 };
  const leftOut = `they were left out of volunteer ${volunteer.id}'s summary`;
  const hoursRead = readHoursOf(spreadsheet, volunteer.id, timeZone);
  warnInvalidRows(hoursTab.name, hoursRead.unreadable, leftOut);
  for (const { fields } of hoursRead.rows) {
    if (fields.day >= week.first && fields.day <= week.last) week.hours += fields.hours;
    if (fields.day >= month.first && fields.day <= month.last) month.hours += fields.hours;
  }
  const commitment = weeklyCommitmentOf(volunteer, settings);
  const { year, month: monthNumber } = partsOf(today);
  const monthCommitment = Math.round(((commitment * daysInMonth(year, monthNumber)) / 7) * 10) / 10;

  const meetings = readMeetings(spreadsheet, timeZone);
  const meetingsById = new Map(meetings.map((meeting) => [meeting.id, meeting]));
  // One item per meeting: a volunteer who dropped and rejoined has a row per session.
  const recent = new Map<string, RecentItem>();
  const attendanceRead = readAttendanceOf(spreadsheet, volunteer.id, timeZone);
  warnInvalidRows(attendanceTab.name, attendanceRead.unreadable, leftOut);
  for (const { rowNumber, fields } of attendanceRead.rows) {
    const meeting = fields.meetingId === undefined ? undefined : meetingsById.get(fields.meetingId);
    const at = meeting?.startsAt ?? fields.joinedAt;
    if (at === undefined) continue;
    const key = fields.meetingId ?? `row ${rowNumber}`;
    const earlier = recent.get(key);
    if (earlier) {
      if (STATUS_RANK[fields.status] > STATUS_RANK[earlier.status]) earlier.status = fields.status;
      if (fields.minutes !== undefined) earlier.minutes = (earlier.minutes ?? 0) + fields.minutes;
      if (at < earlier.at) earlier.at = at;
      continue;
    }
    recent.set(key, {
      meetingId: fields.meetingId,
      title: meeting?.title,
      kind: meeting?.kind,
      meetCode: meeting?.meetCode ?? fields.meetCode,
      at,
      status: fields.status,
      minutes: fields.minutes,
    });
  }
  const recentAttendance = [...recent.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, RECENT_MEETINGS);

  const horizon = instantFromDate(new Date(now.getTime() + UPCOMING_DAYS * DAY_MS));
  const upcomingMeetings = meetings
    .filter((meeting) => meeting.endsAt > nowInstant && meeting.startsAt < horizon && isExpectedAt(meeting, volunteer))
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0))
    .map(({ id, kind, title, startsAt, endsAt, meetCode }) => ({ id, kind, title, startsAt, endsAt, meetCode }));

  // Proposed steps wait for a lead and dismissed ones never happened: the volunteer sees neither.
  let lastStep: SummaryResult['lastStep'] = null;
  const stepsRead = readPolicyStepsOf(spreadsheet, volunteer.id, timeZone);
  warnInvalidRows(accountabilityTab.name, stepsRead.unreadable, leftOut);
  for (const { fields } of stepsRead.rows) {
    if (fields.kind === 'note' || (fields.status !== 'approved' && fields.status !== 'sent')) continue;
    if (lastStep === null || fields.at > lastStep.at) lastStep = { kind: fields.kind, at: fields.at };
  }

  return okResponse({
    volunteer: { id: volunteer.id, name: volunteer.name, role: volunteer.role, status: volunteer.status },
    cil: { id: registered.id, name: settings.cilName, timeZone },
    today,
    week: { period: week.period, hours: roundHours(week.hours), commitment },
    month: { period: month.period, hours: roundHours(month.hours), commitment: monthCommitment },
    recentAttendance,
    upcomingMeetings,
    lastStep,
  });
}
