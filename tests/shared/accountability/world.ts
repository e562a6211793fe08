// Builders for the accountability engine's tests: a small CIL in Asia/Karachi (UTC+5, no summer
// time), with meetups on Tuesdays at 19:00 local (14:00 UTC) lasting an hour. Every record is built
// from a day and a few overrides, so each test states only what it is about.
import { evaluateCil } from '../../../shared/accountability/evaluate';
import type { CilEvaluation, EvaluateInput, ProposedAction, VolunteerAssessment } from '../../../shared/accountability/types';
import type { AccountabilityEvent } from '../../../shared/records/accountability';
import type { Attendance } from '../../../shared/records/attendance';
import type { Deliverable } from '../../../shared/records/deliverable';
import type { HoursEntry } from '../../../shared/records/hours';
import type { Meeting } from '../../../shared/records/meeting';
import type { Notice } from '../../../shared/records/notice';
import type { Project } from '../../../shared/records/project';
import { settingsSchema, type Settings } from '../../../shared/records/settings';
import type { Volunteer } from '../../../shared/records/volunteer';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import type { Instant } from '../../../shared/time/instant';

/** Thursday. */
export const TODAY: CalendarDay = '2026-11-19';
/** Tuesdays in November 2026, and the first in December. */
export const TUESDAYS: CalendarDay[] = ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24', '2026-12-01'];

export const at = (day: CalendarDay, time = '14:00'): Instant => `${day}T${time}:00.000Z` as Instant;
/** 09:00 in Karachi, when the daily check runs. */
export const morning = (day: CalendarDay): Instant => at(day, '04:00');

export function settings(change: Partial<Settings> = {}): Settings {
  return { ...settingsSchema.parse({ cilName: 'CIL Lahore', timeZone: 'Asia/Karachi' }), ...change };
}

export function volunteer(id: string, change: Partial<Volunteer> = {}): Volunteer {
  return {
    id,
    name: `Volunteer ${id}`,
    email: `${id.toLowerCase()}@example.org`,
    role: 'member',
    status: 'active',
    joinedOn: '2026-01-05',
    ...change,
  };
}

export function meeting(id: string, day: CalendarDay, change: Partial<Meeting> = {}): Meeting {
  return {
    id,
    kind: 'CIL meetup',
    title: `Meetup ${day}`,
    startsAt: at(day, '14:00'),
    endsAt: at(day, '15:00'),
    expectedAttendees: 'all',
    ...change,
  };
}

let rowCounter = 0;
const nextId = (prefix: string) => `${prefix}-${++rowCounter}`;

/** A Meet session seen by the extension, `minutes` long from the meeting's start. */
export function session(m: Meeting, volunteerId: string, minutes = 60, change: Partial<Attendance> = {}): Attendance {
  const joinedMs = Date.parse(m.startsAt);
  return {
    id: nextId('A'),
    meetingId: m.id,
    volunteerId,
    status: minutes >= 5 ? 'present' : 'absent',
    joinedAt: new Date(joinedMs).toISOString() as Instant,
    leftAt: new Date(joinedMs + minutes * 60_000).toISOString() as Instant,
    minutes,
    meetCode: m.meetCode,
    source: 'extension',
    ...change,
  };
}

/** An attendance row a lead typed: a status, no times. */
export function marked(m: Meeting, volunteerId: string, status: Attendance['status']): Attendance {
  return { id: nextId('A'), meetingId: m.id, volunteerId, status, source: 'sheet' };
}

export function notice(volunteerId: string, givenAt: Instant, change: Partial<Notice> = {}): Notice {
  return { id: nextId('N'), volunteerId, kind: 'absence notice', givenAt, source: 'extension', ...change };
}

export function hours(volunteerId: string, day: CalendarDay, amount = 1, change: Partial<HoursEntry> = {}): HoursEntry {
  return {
    id: nextId('H'),
    volunteerId,
    day,
    hours: amount,
    category: 'project work',
    source: 'extension',
    loggedAt: at(day, '12:00'),
    ...change,
  };
}

export function deliverable(ownerVolunteerId: string, dueOn: CalendarDay, change: Partial<Deliverable> = {}): Deliverable {
  return {
    id: nextId('D'),
    kind: 'discovery research report',
    title: `Report due ${dueOn}`,
    ownerVolunteerId,
    dueOn,
    status: 'pending',
    ...change,
  };
}

export function project(leadVolunteerId: string, change: Partial<Project> = {}): Project {
  return { id: nextId('P'), name: 'Bus stops map', status: 'active', leadVolunteerId, redeployments: 0, ...change };
}

export function logged(change: Partial<AccountabilityEvent> & Pick<AccountabilityEvent, 'kind'>): AccountabilityEvent {
  return {
    id: nextId('E'),
    at: morning(TODAY),
    by: 'lead@example.org',
    evidence: 'Test row.',
    status: 'sent',
    ...change,
  };
}

/** A sent warning for the volunteer, delivered on `day`. */
export const sentWarning = (volunteerId: string, day: CalendarDay, change: Partial<AccountabilityEvent> = {}) =>
  logged({ kind: 'warning', volunteerId, at: morning(day), status: 'sent', by: 'daily check', checkKey: `warning:${volunteerId}:test:${day}`, ...change });

/** An override row as a lead writes it. */
export const override = (volunteerId: string | undefined, until: CalendarDay, change: Partial<AccountabilityEvent> = {}) =>
  logged({ kind: 'note', volunteerId, checkKey: `override:${until}`, status: 'approved', evidence: 'Lead override', ...change });

export type World = Partial<Omit<EvaluateInput, 'settings'>> & { settings?: Partial<Settings> };

export function input(world: World = {}): EvaluateInput {
  const today = world.today ?? TODAY;
  return {
    volunteers: world.volunteers ?? [volunteer('V-1')],
    meetings: world.meetings ?? [],
    attendance: world.attendance ?? [],
    notices: world.notices ?? [],
    hours: world.hours ?? [],
    deliverables: world.deliverables ?? [],
    projects: world.projects ?? [],
    log: world.log ?? [],
    today,
    now: world.now ?? morning(today),
    settings: settings(world.settings),
    ...(world.policy ? { policy: world.policy } : {}),
  };
}

export const evaluate = (world: World = {}): CilEvaluation => evaluateCil(input(world));

export function assessmentOf(result: CilEvaluation, volunteerId = 'V-1'): VolunteerAssessment {
  const found = result.volunteers.find((v) => v.volunteerId === volunteerId);
  if (!found) throw new Error(`no assessment for ${volunteerId}`);
  return found;
}

export const actionsOf = (result: CilEvaluation, type?: ProposedAction['type'], volunteerId?: string) =>
  result.actions.filter((a) => (type === undefined || a.type === type) && (volunteerId === undefined || a.volunteerId === volunteerId));

/** Hours logged yesterday: keeps the communication rule quiet in tests about other rules. */
export const inTouch = (volunteerId = 'V-1', today: CalendarDay = TODAY) => hours(volunteerId, addDays(today, -1));
