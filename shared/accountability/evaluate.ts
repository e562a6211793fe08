import type { AccountabilityEvent } from '../records/accountability';
import type { Attendance } from '../records/attendance';
import type { Deliverable } from '../records/deliverable';
import { isExpectedAt, weeklyCommitmentOf } from '../records/expectations';
import type { HoursEntry } from '../records/hours';
import type { Notice } from '../records/notice';
import type { Project } from '../records/project';
import { LEAD_ROLES, type Volunteer } from '../records/volunteer';
import { addDays, daysBetween, isCalendarDay, partsOf, weekdayOf, type CalendarDay } from '../time/calendar-day';
import { instantMs } from '../time/instant';
import { monthOf, periodRange, quarterOf, weekOf } from '../time/period';
import { clockText, dayOf, startOfDay } from '../time/zone';
import {
  backToActiveKey,
  deadlineReminderKey,
  hoursReminderKey,
  meetingReminderKey,
  mentorCheckInKey,
  nationalMentorCheckInKey,
  normalCheckKey,
  offboardingKey,
  overrideUntil,
  reintegrationKey,
  warningKey,
  type MentorCheckInReason,
} from './check-keys';
import { dayRange, deliverableWords, evidenceText, hoursWords, listed, meetingWords, plural, refWords } from './evidence-text';
import {
  attendanceByMeeting,
  lateNoticesFor,
  meetingAttendance,
  meetingFactsOf,
  noticeArrivedMs,
  priorNoticeFor,
  type MeetingFacts,
} from './meeting-outcomes';
import { resolvePolicy, type AccountabilityPolicy } from './policy';
import type {
  ActionType,
  CilAssessment,
  CilEvaluation,
  CilReason,
  EvaluateInput,
  EvidenceRef,
  Exemption,
  HandoverStep,
  LoggedAction,
  OutdatedStep,
  ProposedAction,
  Reason,
  ReintegrationProgress,
  Standing,
  VolunteerAssessment,
  WarningCount,
} from './types';

// ─── The records, indexed once ──────────────────────────────────────────────────────────────────────

interface LogRow {
  event: AccountabilityEvent;
  atMs: number;
}

interface TimedHours {
  entry: HoursEntry;
  loggedMs: number;
}

interface Context {
  input: EvaluateInput;
  policy: AccountabilityPolicy;
  timeZone: string;
  today: CalendarDay;
  nowMs: number;
  meetings: MeetingFacts[];
  meetingById: Map<string, MeetingFacts>;
  /** The calls and meetups whose misses count, in time order. */
  counted: MeetingFacts[];
  /** Meetings not started yet whose reminders are due today (policy's `meetingReminderDays`), in time order. */
  upcoming: MeetingFacts[];
  attendance: Map<string, Map<string, Attendance[]>>;
  attendanceOf: Map<string, Attendance[]>;
  noticesOf: Map<string, Notice[]>;
  hoursOf: Map<string, TimedHours[]>;
  deliverablesOf: Map<string, Deliverable[]>;
  projectsOf: Map<string, Project[]>;
  logOf: Map<string, LogRow[]>;
  /** Log rows about the whole CIL (no volunteer). */
  cilLog: LogRow[];
  /** Every check key in the log, with the first row that has it. */
  keys: Map<string, AccountabilityEvent>;
  dayOfMs: (ms: number) => CalendarDay;
  dayStartMs: (day: CalendarDay) => number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const maxDay = (a: CalendarDay, b: CalendarDay): CalendarDay => (a > b ? a : b);

function contextOf(input: EvaluateInput): Context {
  const { settings, today } = input;
  if (!isCalendarDay(today)) throw new RangeError(`today "${String(today)}" is not a calendar day (YYYY-MM-DD)`);
  const nowMs = instantMs(input.now);
  if (nowMs === undefined) throw new RangeError(`now "${input.now}" is not an ISO UTC instant`);
  const timeZone = settings.timeZone;
  const policy = resolvePolicy(settings, input.policy);
  const seen = (instant: string | undefined) => {
    if (instant === undefined) return false;
    const ms = instantMs(instant);
    return ms !== undefined && ms <= nowMs;
  };

  const meetings = meetingFactsOf(input.meetings, timeZone);
  const countedKinds = new Set<string>(policy.countedMeetingKinds);
  const remindUntil = addDays(today, policy.meetingReminderDays);

  const attendanceOf = new Map<string, Attendance[]>();
  for (const row of input.attendance) if (row.joinedAt === undefined || seen(row.joinedAt)) push(attendanceOf, row.volunteerId, row);

  const noticesOf = new Map<string, Notice[]>();
  for (const notice of input.notices) if (seen(notice.receivedAt ?? notice.givenAt)) push(noticesOf, notice.volunteerId, notice);

  const hoursOf = new Map<string, TimedHours[]>();
  for (const entry of input.hours) {
    const loggedMs = instantMs(entry.loggedAt);
    if (loggedMs !== undefined && loggedMs <= nowMs) push(hoursOf, entry.volunteerId, { entry, loggedMs });
  }

  const deliverablesOf = new Map<string, Deliverable[]>();
  for (const deliverable of input.deliverables) push(deliverablesOf, deliverable.ownerVolunteerId, deliverable);

  const projectsOf = new Map<string, Project[]>();
  for (const project of input.projects ?? []) if (project.leadVolunteerId !== undefined) push(projectsOf, project.leadVolunteerId, project);

  const logOf = new Map<string, LogRow[]>();
  const cilLog: LogRow[] = [];
  const keys = new Map<string, AccountabilityEvent>();
  const rows: LogRow[] = [];
  for (const event of input.log) {
    const atMs = instantMs(event.at);
    if (atMs === undefined || atMs > nowMs) continue;
    rows.push({ event, atMs });
  }
  rows.sort((a, b) => a.atMs - b.atMs || compareText(a.event.id, b.event.id));
  for (const row of rows) {
    if (row.event.volunteerId === undefined) cilLog.push(row);
    else push(logOf, row.event.volunteerId, row);
    if (row.event.checkKey !== undefined) {
      const key = normalCheckKey(row.event.checkKey);
      if (key !== '' && !keys.has(key)) keys.set(key, row.event);
    }
  }

  const dayCache = new Map<number, CalendarDay>();
  return {
    input,
    policy,
    timeZone,
    today,
    nowMs,
    meetings,
    meetingById: new Map(meetings.map((facts) => [facts.meeting.id, facts])),
    counted: meetings.filter((facts) => countedKinds.has(facts.meeting.kind)),
    upcoming: meetings.filter((facts) => facts.startMs > nowMs && facts.startDay <= remindUntil),
    attendance: attendanceByMeeting(input.attendance, input.meetings, nowMs),
    attendanceOf,
    noticesOf,
    hoursOf,
    deliverablesOf,
    projectsOf,
    logOf,
    cilLog,
    keys,
    dayOfMs: (ms) => {
      let day = dayCache.get(ms);
      if (day === undefined) dayCache.set(ms, (day = dayOf(new Date(ms), timeZone)));
      return day;
    },
    dayStartMs: (day) => startOfDay(day, timeZone).getTime(),
  };
}

// ─── Refs ───────────────────────────────────────────────────────────────────────────────────────────

const meetingRef = (facts: MeetingFacts, what: string): EvidenceRef => ({
  tab: 'Meetings',
  id: facts.meeting.id,
  day: facts.startDay,
  what: `${what}: ${facts.meeting.kind} "${facts.meeting.title}"`,
});

const deliverableRef = (deliverable: Deliverable, what: string): EvidenceRef => ({
  tab: 'Deliverables',
  id: deliverable.id,
  day: deliverable.dueOn,
  what: `${what}: ${deliverable.kind} "${deliverable.title}" due ${deliverable.dueOn}`,
});

const logRef = (row: LogRow, day: CalendarDay, what: string): EvidenceRef => ({
  tab: 'Accountability log',
  id: row.event.id,
  day,
  what,
});

// ─── One volunteer ──────────────────────────────────────────────────────────────────────────────────

type Hold = 'override' | 'awaiting lead';

interface Candidate {
  action: ProposedAction;
  hold?: Hold;
}

interface LeaveRange {
  from: CalendarDay;
  to: CalendarDay;
  arrivedMs: number;
  notice: Notice;
}

const ESCALATIONS = new Set(['warning', 'offboarding']);
const DONE = new Set(['approved', 'sent']);
const REVIEWED_TYPES = new Set<ActionType>(['warning', 'offboarding', 'reintegration', 'mentor check-in']);

function logStatusOf(ctx: Context, type: ActionType): ProposedAction['logStatus'] {
  return ctx.input.settings.mode === 'review' && REVIEWED_TYPES.has(type) ? 'proposed' : 'approved';
}

/** The overrides in force for a volunteer (theirs and the CIL's): the latest last day of each kind. */
function overridesOf(ctx: Context, rows: readonly LogRow[]): { active?: { until: CalendarDay; row: LogRow }; expiredUntil?: CalendarDay } {
  let active: { until: CalendarDay; row: LogRow } | undefined;
  let expiredUntil: CalendarDay | undefined;
  for (const row of rows) {
    if (row.event.kind !== 'note' || row.event.status === 'dismissed') continue;
    const until = overrideUntil(row.event.checkKey);
    if (until === undefined) continue;
    if (until >= ctx.today) {
      if (!active || until > active.until) active = { until, row };
    } else if (expiredUntil === undefined || until > expiredUntil) expiredUntil = until;
  }
  const found: { active?: { until: CalendarDay; row: LogRow }; expiredUntil?: CalendarDay } = {};
  if (active) found.active = active;
  if (expiredUntil !== undefined) found.expiredUntil = expiredUntil;
  return found;
}

const deliveredMs = (row: LogRow) => (row.event.emailSentAt === undefined ? row.atMs : (instantMs(row.event.emailSentAt) ?? row.atMs));

interface Activity {
  ms: number;
  ref: EvidenceRef;
}

/** The first thing the volunteer did after `afterMs`: attended a meeting, logged hours, submitted a deliverable. */
function firstActivityAfter(ctx: Context, volunteer: Volunteer, afterMs: number): Activity | undefined {
  let first: Activity | undefined;
  const consider = (activity: Activity) => {
    if (!first || activity.ms < first.ms) first = activity;
  };
  const minimum = ctx.input.settings.minimumMinutesPresent;
  for (const facts of ctx.meetings) {
    if (facts.startMs < afterMs || facts.startMs > ctx.nowMs) continue;
    const rows = ctx.attendance.get(facts.meeting.id)?.get(volunteer.id);
    if (rows && meetingAttendance(rows, minimum).present) consider({ ms: facts.startMs, ref: meetingRef(facts, 'Attended') });
  }
  for (const { entry, loggedMs } of ctx.hoursOf.get(volunteer.id) ?? []) {
    if (loggedMs > afterMs) {
      consider({ ms: loggedMs, ref: { tab: 'Hours', id: entry.id, day: entry.day, what: `Logged ${hoursWords(entry.hours)}` } });
    }
  }
  const afterDay = ctx.dayOfMs(afterMs);
  for (const deliverable of ctx.deliverablesOf.get(volunteer.id) ?? []) {
    const submitted = deliverable.submittedOn;
    if (submitted === undefined || submitted < afterDay || submitted > ctx.today) continue;
    consider({
      ms: Math.max(afterMs + 1, ctx.dayStartMs(submitted)),
      ref: { tab: 'Deliverables', id: deliverable.id, day: submitted, what: `Submitted ${deliverable.kind} "${deliverable.title}"` },
    });
  }
  return first;
}

interface Contact {
  day: CalendarDay;
  ref: EvidenceRef;
}

/** The volunteer's last contact of any kind: hours, attendance, a notice, an appeal or a note they wrote, a submission. */
function lastContactOf(ctx: Context, volunteer: Volunteer, logRows: readonly LogRow[]): Contact | undefined {
  let best: { ms: number; ref: EvidenceRef } | undefined;
  const consider = (ms: number, ref: () => EvidenceRef) => {
    if (ms <= ctx.nowMs && (!best || ms > best.ms)) best = { ms, ref: ref() };
  };
  for (const { entry, loggedMs } of ctx.hoursOf.get(volunteer.id) ?? []) {
    consider(loggedMs, () => ({ tab: 'Hours', id: entry.id, what: `Logged ${hoursWords(entry.hours)} for ${entry.day}` }));
  }
  for (const row of ctx.attendanceOf.get(volunteer.id) ?? []) {
    const facts = row.meetingId === undefined ? undefined : ctx.meetingById.get(row.meetingId);
    const joined = row.joinedAt === undefined ? undefined : instantMs(row.joinedAt);
    const ms = joined ?? (row.status !== 'absent' ? facts?.startMs : undefined);
    if (ms === undefined) continue;
    consider(ms, () => ({
      tab: 'Attendance',
      id: row.id,
      what: facts ? `${row.status} at ${facts.meeting.kind} "${facts.meeting.title}"` : `Meet session (${row.status})`,
    }));
  }
  for (const notice of ctx.noticesOf.get(volunteer.id) ?? []) {
    const ms = noticeArrivedMs(notice);
    if (ms === undefined) continue;
    const what = notice.kind === 'communication' ? 'Gave a communication' : 'Gave an absence notice';
    consider(Math.min(ms, ctx.nowMs), () => ({ tab: 'Notices', id: notice.id, what }));
  }
  for (const row of logRows) {
    const theirs = row.event.kind === 'appeal' || (row.event.kind === 'note' && row.event.by.trim().toLowerCase() === volunteer.email);
    const what = row.event.kind === 'appeal' ? 'Appealed' : 'Responded';
    if (theirs) consider(row.atMs, () => ({ tab: 'Accountability log', id: row.event.id, what }));
  }
  let contact: Contact | undefined = best ? { day: ctx.dayOfMs(best.ms), ref: { ...best.ref, day: ctx.dayOfMs(best.ms) } } : undefined;
  for (const deliverable of ctx.deliverablesOf.get(volunteer.id) ?? []) {
    const submitted = deliverable.submittedOn;
    if (submitted === undefined || submitted > ctx.today || (contact && submitted <= contact.day)) continue;
    const what = `Submitted ${deliverable.kind} "${deliverable.title}"`;
    contact = { day: submitted, ref: { tab: 'Deliverables', id: deliverable.id, day: submitted, what } };
  }
  return contact;
}

interface VolunteerResult {
  assessment: VolunteerAssessment;
  candidates: Candidate[];
  outdated: OutdatedStep[];
}

function assessVolunteer(ctx: Context, volunteer: Volunteer): VolunteerResult {
  const { settings } = ctx.input;
  const { policy, today } = ctx;
  const logRows = ctx.logOf.get(volunteer.id) ?? [];
  const notices = ctx.noticesOf.get(volunteer.id) ?? [];
  const commitment = weeklyCommitmentOf(volunteer, settings);
  const joinedOn = volunteer.joinedOn;
  /** The first day the policy applies: the day after the new member's grace. */
  const graceEnd = addDays(joinedOn, settings.newMemberGraceDays);
  const inGrace = today < graceEnd;

  // ── The log: reintegrations, offboardings, warnings, dismissals, overrides.
  let reintegrated: LogRow | undefined;
  for (const row of logRows) if (row.event.kind === 'reintegration' && DONE.has(row.event.status)) reintegrated = row;
  const sinceReintegration = (row: LogRow) => !reintegrated || row.atMs > reintegrated.atMs;

  let offboardedRow: LogRow | undefined;
  const warningRows: LogRow[] = [];
  let pending: LogRow | undefined;
  const proposedSteps: LogRow[] = [];
  let dismissedMs: number | undefined;
  for (const row of logRows) {
    const { kind, status } = row.event;
    if (!ESCALATIONS.has(kind)) continue;
    if (status === 'dismissed') dismissedMs = Math.max(dismissedMs ?? row.atMs, row.atMs);
    else if (status === 'proposed') {
      pending = row;
      proposedSteps.push(row);
    } else if (sinceReintegration(row)) {
      if (kind === 'offboarding') offboardedRow = row;
      else warningRows.push(row);
    }
  }
  const lastWarning = warningRows.reduce<LogRow | undefined>((last, row) => (!last || deliveredMs(row) >= deliveredMs(last) ? row : last), undefined);
  const countedWarnings = warningRows.filter((row) => daysBetween(ctx.dayOfMs(deliveredMs(row)), today) <= policy.warningValidityDays);
  const activeAgain = lastWarning ? firstActivityAfter(ctx, volunteer, deliveredMs(lastWarning)) : undefined;

  const overrides = overridesOf(ctx, mergeByTime(logRows, ctx.cilLog));

  // Evidence before a floor is settled. A lead's decision (a dismissed step, an override that ran
  // out) and a reintegration settle everything before them; activity after a warning settles the
  // misses and the silence before it, but not a deliverable still owed (submitting it settles that).
  const decisions: number[] = [];
  if (dismissedMs !== undefined) decisions.push(dismissedMs);
  if (reintegrated) decisions.push(reintegrated.atMs);
  if (overrides.expiredUntil !== undefined) decisions.push(ctx.dayStartMs(addDays(overrides.expiredUntil, 1)));
  const decisionFloorMs = decisions.length === 0 ? undefined : Math.max(...decisions);
  const floorMs = activeAgain ? Math.max(activeAgain.ms, decisionFloorMs ?? activeAgain.ms) : decisionFloorMs;
  const settledBefore = (ms: number) => floorMs !== undefined && ms < floorMs;

  // ── Leave: absence notices over days, and the roster status.
  const leaves: LeaveRange[] = [];
  for (const notice of notices) {
    if (notice.kind !== 'absence notice' || notice.fromDay === undefined) continue;
    const arrivedMs = noticeArrivedMs(notice);
    if (arrivedMs === undefined) continue;
    leaves.push({ from: notice.fromDay, to: notice.toDay ?? notice.fromDay, arrivedMs, notice });
  }
  const leaveToday = leaves.filter((leave) => leave.from <= today && today <= leave.to).sort((a, b) => compareText(b.to, a.to))[0];
  const onLeaveRoster = volunteer.status === 'on leave';

  const exemptions: Exemption[] = [];
  if (inGrace) {
    exemptions.push({
      kind: 'new member',
      until: addDays(graceEnd, -1),
      evidence: [{ tab: 'Volunteers', id: volunteer.id, day: joinedOn, what: `Joined on ${joinedOn}` }],
    });
  }
  if (onLeaveRoster) {
    exemptions.push({ kind: 'on leave', evidence: [{ tab: 'Volunteers', id: volunteer.id, what: 'Status "on leave" in the roster' }] });
  } else if (leaveToday) {
    exemptions.push({
      kind: 'on leave',
      until: leaveToday.to,
      evidence: [
        { tab: 'Notices', id: leaveToday.notice.id, day: leaveToday.from, what: `Leave of absence ${dayRange(leaveToday.from, leaveToday.to)}` },
      ],
    });
  }
  if (overrides.active) {
    const { until, row } = overrides.active;
    exemptions.push({
      kind: 'override',
      until,
      evidence: [logRef(row, ctx.dayOfMs(row.atMs), `Override by ${row.event.by} until ${until}`)],
    });
  }

  const tracked = volunteer.status === 'active' || volunteer.status === 'warned';
  const reasons: Reason[] = [];

  // ── Rule 1: consecutive calls and meetups missed without prior notice.
  const minimum = settings.minimumMinutesPresent;
  let streak: { facts: MeetingFacts; evidence: EvidenceRef[] }[] = [];
  for (const facts of ctx.counted) {
    if (facts.endDay >= today || facts.endMs > ctx.nowMs) continue;
    if (facts.startDay < graceEnd || settledBefore(facts.startMs) || !isExpectedAt(facts.meeting, volunteer)) continue;
    const rows = ctx.attendance.get(facts.meeting.id)?.get(volunteer.id) ?? [];
    const attended = meetingAttendance(rows, minimum);
    if (attended.present || attended.withNotice || priorNoticeFor(facts, notices)) {
      streak = [];
      continue;
    }
    const evidence: EvidenceRef[] = [meetingRef(facts, 'Missed without prior notice')];
    for (const row of rows) {
      const minutes = attended.minutes === undefined ? '' : ` (${plural(attended.minutes, 'minute')} in all, ${minimum} needed)`;
      evidence.push({ tab: 'Attendance', id: row.id, day: facts.startDay, what: `${row.status}${minutes}` });
    }
    for (const late of lateNoticesFor(facts, notices)) {
      const given = instantMs(late.givenAt) ?? facts.startMs;
      const what =
        given < facts.startMs
          ? 'Notice dated before the meeting but received after it started (for a lead to judge)'
          : 'Notice given after the meeting started';
      evidence.push({ tab: 'Notices', id: late.id, day: ctx.dayOfMs(noticeArrivedMs(late) ?? given), what });
    }
    streak.push({ facts, evidence });
  }
  const threshold = settings.consecutiveMissesForInactivity;
  if (streak.length > 0) {
    const inactive = streak.length >= threshold;
    const trigger = streak[threshold - 1];
    const words = listed(streak.map((miss) => meetingWords(miss.facts)));
    const reason: Reason = {
      code: 'missed meetings',
      severity: inactive ? 'inactive' : 'at risk',
      summary: inactive
        ? `Missed ${plural(streak.length, 'consecutive call or meetup', 'consecutive calls and meetups')} without prior notice: ${words}.`
        : `Missed ${plural(streak.length, 'call or meetup', 'calls and meetups')} without prior notice ` +
          `(${threshold} in a row is inactivity): ${words}.`,
      evidence: streak.flatMap((miss) => miss.evidence),
    };
    if (inactive && trigger) reason.since = addDays(trigger.facts.endDay, 1);
    reasons.push(reason);
  }

  // ── Rule 2: no communication for more than "Days without communication".
  const contact = lastContactOf(ctx, volunteer, logRows);
  let reference: CalendarDay = maxDay(contact?.day ?? joinedOn, joinedOn);
  if (floorMs !== undefined) reference = maxDay(reference, ctx.dayOfMs(floorMs));
  for (const leave of leaves) if (leave.to < today) reference = maxDay(reference, leave.to);
  const silentDays = Math.max(0, daysBetween(reference, today));
  const silenceLimit = settings.daysWithoutCommunication;
  if (!inGrace && !leaveToday && !onLeaveRoster && silentDays > policy.atRiskSilenceDays) {
    const inactive = silentDays > silenceLimit;
    const last = contact ? `last contact on ${contact.day}: ${refWords(contact.ref)}` : `no contact since joining on ${joinedOn}`;
    const counted = reference === (contact?.day ?? joinedOn) ? '' : ` (counted from ${reference})`;
    const reason: Reason = {
      code: 'no communication',
      severity: inactive ? 'inactive' : 'at risk',
      summary:
        `No communication for ${plural(silentDays, 'day')}${counted}, ` +
        `${inactive ? 'more than' : 'close to'} the ${silenceLimit} allowed; ${last}.`,
      evidence: contact ? [contact.ref] : [{ tab: 'Volunteers', id: volunteer.id, day: joinedOn, what: `Joined on ${joinedOn}; no contact since` }],
    };
    if (inactive) reason.since = addDays(reference, silenceLimit + 1);
    reasons.push(reason);
  }

  // ── Rule 3: a missed deadline or a missing update.
  const overdueDeliverables: EvidenceRef[] = [];
  const late: { deadline: Deliverable[]; update: Deliverable[] } = { deadline: [], update: [] };
  const updateKinds = new Set<string>(policy.updateKinds);
  for (const deliverable of ctx.deliverablesOf.get(volunteer.id) ?? []) {
    if (!isOutstanding(deliverable, today)) continue;
    const dueOn = deliverable.dueOn;
    if (dueOn >= today) continue;
    overdueDeliverables.push(deliverableRef(deliverable, 'Not submitted'));
    if (dueOn < graceEnd) continue;
    const deadlineEndMs = ctx.dayStartMs(addDays(dueOn, 1));
    if (decisionFloorMs !== undefined && deadlineEndMs <= decisionFloorMs) continue;
    if (leaves.some((leave) => leave.from <= dueOn && dueOn <= leave.to && leave.arrivedMs < deadlineEndMs)) continue;
    (updateKinds.has(deliverable.kind) ? late.update : late.deadline).push(deliverable);
  }
  for (const [code, list] of [
    ['missed deadline', late.deadline],
    ['missing update', late.update],
  ] as const) {
    if (list.length === 0) continue;
    const earliest = list.reduce((a, b) => (b.dueOn < a.dueOn ? b : a));
    reasons.push({
      code,
      severity: 'inactive',
      summary: `${code === 'missing update' ? 'Update not submitted' : 'Deadline missed'}: ${listed(list.map(deliverableWords))}.`,
      since: addDays(earliest.dueOn, 1),
      evidence: list.map((deliverable) => deliverableRef(deliverable, 'Past due, not submitted')),
    });
  }

  // ── Standing.
  let standing: Standing = reasons.some((r) => r.severity === 'inactive') ? 'inactive' : reasons.length > 0 ? 'at risk' : 'active';
  const shownReasons = [...reasons];
  if (onLeaveRoster) {
    standing = 'active';
    shownReasons.length = 0;
  } else if (volunteer.status === 'offboarded' || volunteer.status === 'alumni') {
    standing = 'inactive';
    shownReasons.unshift({
      code: volunteer.status,
      severity: 'inactive',
      summary: volunteer.status === 'offboarded' ? 'Offboarded.' : 'Alumni: left in good standing.',
      evidence: [{ tab: 'Volunteers', id: volunteer.id, what: `Status "${volunteer.status}" in the roster` }],
    });
  }

  const week = weekOf(today);
  const weekFirst = periodRange(week).first;
  let hoursThisWeek = 0;
  const weekEntries: HoursEntry[] = [];
  for (const { entry } of ctx.hoursOf.get(volunteer.id) ?? []) {
    if (entry.day >= weekFirst && entry.day <= today) {
      hoursThisWeek += entry.hours;
      weekEntries.push(entry);
    }
  }
  hoursThisWeek = Math.round(hoursThisWeek * 100) / 100;

  const warnings: WarningCount = { counted: countedWarnings.length, eventIds: countedWarnings.map((row) => row.event.id) };
  if (lastWarning) warnings.lastAt = new Date(deliveredMs(lastWarning)).toISOString();
  if (activeAgain) warnings.activeAgainAt = new Date(activeAgain.ms).toISOString();

  const assessment: VolunteerAssessment = {
    volunteerId: volunteer.id,
    name: volunteer.name,
    rosterStatus: volunteer.status,
    standing,
    reasons: shownReasons,
    exemptions,
    daysWithoutCommunication: silentDays,
    consecutiveMisses: streak.map((miss) => meetingRef(miss.facts, 'Missed without prior notice')),
    overdueDeliverables,
    weeklyCommitment: commitment,
    hoursThisWeek,
    warnings,
  };
  if (contact) assessment.lastCommunication = contact.ref;
  if (floorMs !== undefined) assessment.settledBefore = new Date(floorMs).toISOString();

  // ── Steps due.
  const candidates: Candidate[] = [];
  const hold: Hold | undefined = overrides.active ? 'override' : undefined;
  const base = (type: ActionType, checkKey: string): Pick<ProposedAction, 'type' | 'checkKey' | 'volunteerId' | 'logStatus'> => ({
    type,
    checkKey,
    volunteerId: volunteer.id,
    logStatus: logStatusOf(ctx, type),
  });
  const offer = (action: ProposedAction, why: Hold | undefined = hold) => candidates.push(why ? { action, hold: why } : { action });

  if (volunteer.status === 'offboarded') {
    const progress = reintegrationProgress(ctx, volunteer, logRows, commitment);
    if (progress) {
      assessment.reintegration = progress;
      if (progress.met) {
        offer({
          ...base('reintegration', reintegrationKey(volunteer.id, progress.appealEventId)),
          kind: 'reintegration',
          mandatory: true,
          evidenceText: evidenceText(`Re-engagement terms met since the appeal [${progress.appealEventId}] on ${ctx.dayOfMs(instantMs(progress.appealedAt) ?? ctx.nowMs)}:`, [], [
            `${hoursWords(progress.hoursSince)} logged (${hoursWords(progress.hoursNeeded)} needed),`,
            `${plural(progress.meetingsSince, 'meeting')} attended (${progress.meetingsNeeded} needed).`,
          ]),
          evidence: progress.evidence,
          reasons: [],
          setsRosterStatus: 'active',
          terms: progress,
        });
      }
    }
  }

  const excusedToday = inGrace || leaveToday !== undefined || onLeaveRoster;
  const outdated: OutdatedStep[] = [];
  const outdatedWhy: OutdatedStep['why'] | undefined =
    volunteer.status === 'offboarded' || volunteer.status === 'alumni'
      ? 'not on the active roster'
      : excusedToday || overrides.active
        ? 'exempt today'
        : standing !== 'inactive'
          ? 'no longer inactive'
          : undefined;
  if (outdatedWhy) {
    for (const row of proposedSteps) {
      const step: OutdatedStep = { eventId: row.event.id, volunteerId: volunteer.id, why: outdatedWhy };
      if (row.event.checkKey !== undefined) step.checkKey = row.event.checkKey;
      outdated.push(step);
    }
  }
  if (!tracked || excusedToday) return { assessment, candidates, outdated };

  const inactivity = reasons.filter((r) => r.severity === 'inactive');
  if (inactivity.length > 0 && !offboardedRow) {
    const since = inactivity.reduce<CalendarDay>((day, r) => (r.since !== undefined && r.since < day ? r.since : day), today);
    const n = countedWarnings.length;
    // The next step is due at once for inactivity that began after the last warning (the volunteer
    // answered it, or this is new), else once they have had "responseDays" to answer.
    const lastDay = lastWarning ? ctx.dayOfMs(deliveredMs(lastWarning)) : undefined;
    const fresh = lastDay === undefined || since > lastDay;
    const responseOver = lastDay !== undefined && daysBetween(lastDay, today) >= policy.responseDays;
    const ready = n === 0 || fresh || responseOver;
    const why = hold ?? (pending ? 'awaiting lead' : undefined);
    if (ready && n < settings.warningsBeforeOffboarding) {
      const number = n + 1;
      const earlier = countedWarnings.map((row) => `[${row.event.id}] on ${ctx.dayOfMs(deliveredMs(row))}`);
      offer(
        {
          ...base('warning', warningKey(volunteer.id, number, since)),
          kind: 'warning',
          mandatory: true,
          evidenceText: evidenceText(
            `Warning ${number} of ${settings.warningsBeforeOffboarding}, inactive since ${since}${earlier.length ? ` (earlier: ${earlier.join(', ')})` : ''}:`,
            inactivity,
          ),
          evidence: inactivity.flatMap((r) => r.evidence),
          reasons: inactivity,
          setsRosterStatus: 'warned',
          warningNumber: number,
        },
        why,
      );
    } else if (ready) {
      const earlier = countedWarnings.map((row) => `[${row.event.id}] on ${ctx.dayOfMs(deliveredMs(row))}`);
      const after = fresh ? 'inactive again after the last' : `still inactive ${plural(policy.responseDays, 'day')} after the last`;
      offer(
        {
          ...base('offboarding', offboardingKey(volunteer.id, since)),
          kind: 'offboarding',
          mandatory: true,
          evidenceText: evidenceText(`Offboarding after ${plural(n, 'warning')} (${earlier.join(', ')}), ${after}; inactive since ${since}:`, inactivity),
          evidence: [
            ...countedWarnings.map((row) => logRef(row, ctx.dayOfMs(deliveredMs(row)), 'Warning')),
            ...inactivity.flatMap((r) => r.evidence),
          ],
          reasons: inactivity,
          setsRosterStatus: 'offboarded',
          handover: handoverOf(ctx, volunteer),
        },
        why,
      );
    }
  }

  if (volunteer.status === 'warned' && lastWarning && activeAgain && standing !== 'inactive') {
    offer({
      ...base('back to active', backToActiveKey(volunteer.id, lastWarning.event.id)),
      kind: 'note',
      mandatory: false,
      evidenceText: `Active again after the warning [${lastWarning.event.id}]: ${refWords(activeAgain.ref)} on ${ctx.dayOfMs(activeAgain.ms)}.`,
      evidence: [activeAgain.ref],
      reasons: [],
      setsRosterStatus: 'active',
    });
  }

  const leaveThisWeek = leaves.some((leave) => leave.from <= today && leave.to >= weekFirst);
  if (weekdayOf(today) >= policy.hoursReminderFromWeekday && commitment > 0 && hoursThisWeek < commitment && !leaveThisWeek) {
    const entries = weekEntries.map((entry) => `${hoursWords(entry.hours)} on ${entry.day} [${entry.id}]`);
    offer({
      ...base('hours reminder', hoursReminderKey(volunteer.id, week)),
      kind: 'reminder',
      mandatory: false,
      evidenceText: `Logged ${hoursWords(hoursThisWeek)} of ${hoursWords(commitment)} for ${week} (${dayRange(weekFirst, today)})${entries.length ? `: ${listed(entries)}` : ''}.`,
      evidence: weekEntries.map((entry) => ({ tab: 'Hours', id: entry.id, day: entry.day, what: `Logged ${hoursWords(entry.hours)}` })),
      reasons: [],
    });
  }

  const soon = addDays(today, policy.deadlineReminderDays);
  for (const deliverable of ctx.deliverablesOf.get(volunteer.id) ?? []) {
    const dueOn = deliverable.dueOn;
    if (!isOutstanding(deliverable, today) || dueOn < today || dueOn > soon) continue;
    const when = dueOn === today ? 'today' : `in ${plural(daysBetween(today, dueOn), 'day')}`;
    offer({
      ...base('deadline reminder', deadlineReminderKey(volunteer.id, deliverable.id, dueOn)),
      kind: 'reminder',
      mandatory: false,
      evidenceText: `Due ${when}: ${deliverableWords(deliverable)}.`,
      evidence: [deliverableRef(deliverable, 'Due soon')],
      reasons: [],
    });
  }

  // A meeting they are expected at, unless they already said they cannot come or their attendance is
  // recorded (a lead marked it ahead). Keyed by the meeting's day: moved to another day, it is worth
  // a new reminder; moved within its day, the calendar invite carries the new time.
  for (const facts of ctx.upcoming) {
    const { meeting } = facts;
    if (!isExpectedAt(meeting, volunteer) || priorNoticeFor(facts, notices) || ctx.attendance.get(meeting.id)?.has(volunteer.id)) continue;
    offer({
      ...base('meeting reminder', meetingReminderKey(volunteer.id, meeting.id, facts.startDay)),
      kind: 'reminder',
      mandatory: false,
      evidenceText: `Expected at ${meetingWords(facts)}, starting ${clockText(new Date(facts.startMs), ctx.timeZone)} (expected: ${meeting.expectedAttendees}).`,
      evidence: [meetingRef(facts, 'Expected at')],
      reasons: [],
    });
  }

  return { assessment, candidates, outdated };
}

/** Pending: neither submitted by `today` nor waived. */
function isOutstanding(deliverable: Deliverable, today: CalendarDay): boolean {
  if (deliverable.status === 'waived') return false;
  return deliverable.submittedOn === undefined || deliverable.submittedOn > today;
}

function mergeByTime(a: readonly LogRow[], b: readonly LogRow[]): LogRow[] {
  return [...a, ...b].sort((x, y) => x.atMs - y.atMs || compareText(x.event.id, y.event.id));
}

function reintegrationProgress(
  ctx: Context,
  volunteer: Volunteer,
  logRows: readonly LogRow[],
  commitment: number,
): ReintegrationProgress | undefined {
  let offboardedMs: number | undefined;
  for (const row of logRows) if (row.event.kind === 'offboarding' && DONE.has(row.event.status)) offboardedMs = row.atMs;
  let appeal: LogRow | undefined;
  for (const row of logRows) {
    if (row.event.kind !== 'appeal' || row.event.status === 'dismissed') continue;
    if (offboardedMs === undefined || row.atMs > offboardedMs) appeal = row;
  }
  if (!appeal) return undefined;
  const appealDay = ctx.dayOfMs(appeal.atMs);
  const evidence: EvidenceRef[] = [logRef(appeal, appealDay, 'Appeal')];
  let hoursSince = 0;
  for (const { entry, loggedMs } of ctx.hoursOf.get(volunteer.id) ?? []) {
    if (loggedMs <= appeal.atMs || entry.day < appealDay || entry.day > ctx.today) continue;
    hoursSince += entry.hours;
    evidence.push({ tab: 'Hours', id: entry.id, day: entry.day, what: `Logged ${hoursWords(entry.hours)}` });
  }
  let meetingsSince = 0;
  const minimum = ctx.input.settings.minimumMinutesPresent;
  for (const facts of ctx.meetings) {
    if (facts.startMs < appeal.atMs || facts.startMs > ctx.nowMs) continue;
    const rows = ctx.attendance.get(facts.meeting.id)?.get(volunteer.id);
    if (!rows || !meetingAttendance(rows, minimum).present) continue;
    meetingsSince += 1;
    evidence.push(meetingRef(facts, 'Attended'));
  }
  hoursSince = Math.round(hoursSince * 100) / 100;
  const hoursNeeded = ctx.policy.reintegrationHours ?? commitment;
  const meetingsNeeded = ctx.policy.reintegrationMeetings;
  return {
    appealEventId: appeal.event.id,
    appealedAt: appeal.event.at,
    hoursSince,
    hoursNeeded,
    meetingsSince,
    meetingsNeeded,
    met: hoursSince >= hoursNeeded && meetingsSince >= meetingsNeeded,
    evidence,
  };
}

const ONGOING_PROJECTS = new Set(['discovery', 'active', 'paused']);

/** The offboarding checklist (hackforla/311-data #1561): work to hand over, then access to take back. */
function handoverOf(ctx: Context, volunteer: Volunteer): HandoverStep[] {
  const projects = (ctx.projectsOf.get(volunteer.id) ?? []).filter((project) => ONGOING_PROJECTS.has(project.status));
  const deliverables = (ctx.deliverablesOf.get(volunteer.id) ?? []).filter((d) => isOutstanding(d, ctx.today));
  const upcoming = ctx.meetings.filter((facts) => facts.startMs > ctx.nowMs && isExpectedAt(facts.meeting, volunteer));
  const invites = new Map<string, MeetingFacts>();
  for (const facts of upcoming) {
    const key = facts.meeting.calendarEventId ?? facts.meeting.id;
    if (!invites.has(key)) invites.set(key, facts);
  }
  const steps: HandoverStep[] = [
    {
      item: 'projects',
      text: projects.length
        ? `Hand over the ${plural(projects.length, 'project')} they lead to another lead: ${listed(projects.map((p) => `"${p.name}" [${p.id}]`))}.`
        : 'They lead no ongoing project.',
      refs: projects.map((project) => ({ tab: 'Projects', id: project.id, what: `Leads "${project.name}" (${project.status})` })),
    },
    {
      item: 'deliverables',
      text: deliverables.length
        ? `Reassign the ${plural(deliverables.length, 'pending deliverable')} they own: ${listed(deliverables.map(deliverableWords))}.`
        : 'They own no pending deliverable.',
      refs: deliverables.map((deliverable) => deliverableRef(deliverable, 'Owns')),
    },
    {
      item: 'calendar',
      text: invites.size
        ? `Remove them from the CIL's calendar invites: ${listed([...invites.values()].map(meetingWords))}.`
        : "Remove them from the CIL's recurring calendar invites.",
      refs: [...invites.values()].map((facts) => meetingRef(facts, 'Invited')),
    },
    {
      item: 'drive',
      text: "Change their access to the CIL's Drive folder to viewer.",
      refs: [],
    },
  ];
  if (volunteer.tokenHash !== undefined && volunteer.tokenRevokedAt === undefined) {
    steps.push({
      item: 'token',
      text: 'Revoke their enrollment token, so the extension stops writing for them.',
      refs: [{ tab: 'Volunteers', id: volunteer.id, what: 'Enrollment token in use' }],
    });
  }
  steps.push({
    item: 'roster',
    text: 'Set their status to "offboarded" in the Volunteers tab.',
    refs: [{ tab: 'Volunteers', id: volunteer.id, what: `Status "${volunteer.status}"` }],
  });
  return steps;
}

// ─── The CIL as a whole ─────────────────────────────────────────────────────────────────────────────

function assessCil(ctx: Context, assessments: readonly VolunteerAssessment[]): { cil: CilAssessment; candidates: Candidate[] } {
  const { today, policy } = ctx;
  const { settings, volunteers } = ctx.input;
  const counts: CilAssessment['counts'] = { volunteers: volunteers.length, tracked: 0, active: 0, atRisk: 0, inactive: 0, onLeave: 0, newMembers: 0 };
  for (const assessment of assessments) {
    const onLeave = assessment.exemptions.some((e) => e.kind === 'on leave');
    const isNew = assessment.exemptions.some((e) => e.kind === 'new member');
    if (onLeave) counts.onLeave += 1;
    if (isNew) counts.newMembers += 1;
    if ((assessment.rosterStatus === 'active' || assessment.rosterStatus === 'warned') && !onLeave && !isNew) {
      counts.tracked += 1;
      if (assessment.standing === 'active') counts.active += 1;
      else if (assessment.standing === 'at risk') counts.atRisk += 1;
      else counts.inactive += 1;
    }
  }

  // The CIL is judged on periods it existed for: from its first member or meeting.
  let start: CalendarDay | undefined;
  for (const volunteer of volunteers) if (start === undefined || volunteer.joinedOn < start) start = volunteer.joinedOn;
  for (const facts of ctx.meetings) if (start === undefined || facts.startDay < start) start = facts.startDay;

  const reasons: { reason: CilReason; key: MentorCheckInReason }[] = [];
  if (start !== undefined) {
    const quarter = quarterOf(today);
    const quarterRange = periodRange(quarter);
    if (partsOf(today).month % 3 === 0 && start <= quarterRange.first) {
      const events = ctx.meetings.filter((f) => f.meeting.kind === 'event' && f.startDay >= quarterRange.first && f.startDay <= quarterRange.last);
      if (events.length === 0) {
        reasons.push({
          key: 'no-event',
          reason: {
            code: 'no event this quarter',
            period: quarter,
            summary: `No event held or planned in ${quarter} (at least one a quarter), and its last month has begun.`,
            evidence: [],
          },
        });
      }
    }

    const lastMonth = monthOf(addDays(periodRange(monthOf(today)).first, -1));
    const monthRange = periodRange(lastMonth);
    if (start <= monthRange.first) {
      const calls = ctx.meetings.filter(
        (f) => f.meeting.kind === 'monthly CfP call' && f.startDay >= monthRange.first && f.startDay <= monthRange.last && f.endMs <= ctx.nowMs,
      );
      if (calls.length === 0) {
        reasons.push({
          key: 'cfp-call',
          reason: { code: 'no CfP call', period: lastMonth, summary: `No monthly CfP call in ${lastMonth}.`, evidence: [] },
        });
      } else {
        const leads = volunteers.filter((v) => LEAD_ROLES.includes(v.role) && v.status !== 'offboarded' && v.status !== 'alumni');
        const attendedBy = calls.some((facts) =>
          leads.some((lead) => {
            const rows = ctx.attendance.get(facts.meeting.id)?.get(lead.id);
            return rows !== undefined && meetingAttendance(rows, settings.minimumMinutesPresent).present;
          }),
        );
        if (!attendedBy) {
          reasons.push({
            key: 'cfp-call',
            reason: {
              code: 'CfP call without leads',
              period: lastMonth,
              summary: `No lead of the CIL attended the monthly CfP call in ${lastMonth}: ${listed(calls.map(meetingWords))}.`,
              evidence: calls.map((facts) => meetingRef(facts, 'No lead present')),
            },
          });
        }
      }
    }
  }

  const overdue = ctx.input.deliverables.filter(
    (d) => isOutstanding(d, today) && daysBetween(d.dueOn, today) > policy.reportsOverdueDaysForCheckIn,
  );
  if (overdue.length > 0) {
    reasons.push({
      key: 'reports-overdue',
      reason: {
        code: 'reports overdue',
        period: monthOf(today),
        summary:
          `${plural(overdue.length, 'report')} more than ${plural(policy.reportsOverdueDaysForCheckIn, 'day')} overdue: ` +
          `${listed(overdue.map(deliverableWords))}.`,
        evidence: overdue.map((d) => deliverableRef(d, 'Overdue')),
      },
    });
  }

  if (counts.tracked >= policy.minimumMembersForShare && counts.inactive / counts.tracked >= policy.inactiveShareForCheckIn) {
    const inactive = assessments.filter(
      (a) =>
        a.standing === 'inactive' &&
        (a.rosterStatus === 'active' || a.rosterStatus === 'warned') &&
        a.exemptions.every((e) => e.kind === 'override'),
    );
    reasons.push({
      key: 'inactive-share',
      reason: {
        code: 'many inactive',
        period: monthOf(today),
        summary:
          `${counts.inactive} of ${counts.tracked} members are inactive ` +
          `(${Math.round(policy.inactiveShareForCheckIn * 100)}% or more calls for a check-in).`,
        evidence: inactive.map((a) => ({ tab: 'Volunteers', id: a.volunteerId, what: `Inactive: ${a.name}` })),
      },
    });
  }

  const overrides = overridesOf(ctx, ctx.cilLog);
  const hold: Hold | undefined = overrides.active ? 'override' : undefined;
  const candidates: Candidate[] = reasons.map(({ reason, key }) => {
    const action: ProposedAction = {
      kind: 'mentor check-in',
      type: 'mentor check-in',
      checkKey: mentorCheckInKey(key, reason.period),
      logStatus: logStatusOf(ctx, 'mentor check-in'),
      mandatory: true,
      evidenceText: evidenceText(`Mentor check-in: ${settings.cilName} is falling behind.`, [reason]),
      evidence: reason.evidence,
      reasons: [reason],
    };
    return hold ? { action, hold } : { action };
  });
  return {
    cil: { fallingBehind: reasons.length > 0, reasons: reasons.map((r) => r.reason), counts },
    candidates,
  };
}

// ─── The engine ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The accountability rules over a CIL's records (DESIGN.md, "Accountability rules"): each volunteer's
 * standing with its reasons and evidence, the CIL's health, and the steps due today that the log does
 * not hold yet. Pure: the same input gives the same output, and nothing is read from the clock.
 */
export function evaluateCil(input: EvaluateInput): CilEvaluation {
  const ctx = contextOf(input);
  const volunteers: VolunteerAssessment[] = [];
  const candidates: Candidate[] = [];
  const outdated: OutdatedStep[] = [];
  for (const volunteer of input.volunteers) {
    const result = assessVolunteer(ctx, volunteer);
    volunteers.push(result.assessment);
    candidates.push(...result.candidates);
    outdated.push(...result.outdated);
  }
  const cil = assessCil(ctx, volunteers);
  candidates.push(...cil.candidates);

  const actions: ProposedAction[] = [];
  const alreadyLogged: LoggedAction[] = [];
  const held: CilEvaluation['held'] = [];
  const offered = new Set<string>();
  // The national rollup's check-in this quarter (approved or sent: it went, or waits for quota, to the
  // CfP lead) stands for the CIL's own: one per CIL and quarter to the CfP lead.
  const nationalKey = nationalMentorCheckInKey(quarterOf(ctx.today));
  const nationalCheckIn = ctx.cilLog.find((row) => row.event.checkKey !== undefined && normalCheckKey(row.event.checkKey) === nationalKey && DONE.has(row.event.status))?.event;
  for (const { action, hold } of candidates) {
    if (offered.has(action.checkKey)) continue;
    offered.add(action.checkKey);
    const logged = ctx.keys.get(action.checkKey) ?? (action.type === 'mentor check-in' ? nationalCheckIn : undefined);
    if (logged) alreadyLogged.push({ checkKey: action.checkKey, eventId: logged.id, status: logged.status });
    else if (hold) held.push({ checkKey: action.checkKey, why: hold });
    else actions.push(action);
  }
  return { today: ctx.today, now: input.now, volunteers, cil: cil.cil, actions, alreadyLogged, held, outdated };
}
