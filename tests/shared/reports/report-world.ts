// Hand-made records for the report catalog's tests: a small CIL in Asia/Karachi (UTC+5, no summer
// time). Each builder takes a day and a few overrides, so a test states only what it is about.
import type { AccountabilityEvent } from '../../../shared/records/accountability';
import type { Attendance } from '../../../shared/records/attendance';
import type { Citizen } from '../../../shared/records/citizen';
import type { Deliverable } from '../../../shared/records/deliverable';
import type { HoursEntry } from '../../../shared/records/hours';
import type { Meeting } from '../../../shared/records/meeting';
import type { Notice } from '../../../shared/records/notice';
import type { Project } from '../../../shared/records/project';
import { settingsSchema, type Settings } from '../../../shared/records/settings';
import type { Story } from '../../../shared/records/story';
import type { Volunteer } from '../../../shared/records/volunteer';
import type { ReportRecords } from '../../../shared/reports/report-facts';
import { readReportPeriod, type ReportPeriod } from '../../../shared/reports/report-period';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import type { Instant } from '../../../shared/time/instant';
import type { PeriodKind } from '../../../shared/time/period';

export const at = (day: CalendarDay, time = '14:00'): Instant => `${day}T${time}:00.000Z` as Instant;

export function settings(change: Partial<Settings> = {}): Settings {
  return { ...settingsSchema.parse({ cilName: 'CIL Lahore', city: 'Lahore', timeZone: 'Asia/Karachi' }), ...change };
}

export function period(label: string, kind: PeriodKind): ReportPeriod {
  const read = readReportPeriod(label, kind);
  if (!read.ok) throw new Error(read.message);
  return read.period;
}

export function volunteer(id: string, change: Partial<Volunteer> = {}): Volunteer {
  return { id, name: `Volunteer ${id}`, email: `${id.toLowerCase()}@example.org`, role: 'member', status: 'active', joinedOn: '2026-01-05', ...change };
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

export function hours(volunteerId: string, day: CalendarDay, amount: number, change: Partial<HoursEntry> = {}): HoursEntry {
  return { id: nextId('H'), volunteerId, day, hours: amount, category: 'project work', source: 'sheet', loggedAt: at(day, '16:00'), ...change };
}

/** A meeting starting at `time` UTC on `day` (14:00 UTC is 19:00 in Karachi), an hour long. */
export function meeting(id: string, day: CalendarDay, change: Partial<Meeting> = {}, time = '14:00'): Meeting {
  const start = at(day, time);
  const end = new Date(Date.parse(start) + 3_600_000).toISOString() as Instant;
  return { id, kind: 'CIL meetup', title: `Meetup ${day}`, startsAt: start, endsAt: end, expectedAttendees: 'all', ...change };
}

export function present(m: Meeting, volunteerId: string, minutes = 60): Attendance {
  return { id: nextId('A'), meetingId: m.id, volunteerId, status: 'present', joinedAt: m.startsAt, minutes, source: 'extension' };
}

export function marked(m: Meeting, volunteerId: string, status: Attendance['status']): Attendance {
  return { id: nextId('A'), meetingId: m.id, volunteerId, status, source: 'daily check' };
}

export function notice(volunteerId: string, givenAt: Instant, change: Partial<Notice> = {}): Notice {
  return { id: nextId('N'), volunteerId, kind: 'communication', givenAt, source: 'sheet', ...change };
}

export function project(id: string, change: Partial<Project> = {}): Project {
  return { id, name: `Project ${id}`, status: 'active', redeployments: 0, ...change };
}

export function deliverable(id: string, dueOn: CalendarDay, change: Partial<Deliverable> = {}): Deliverable {
  return { id, kind: 'weekly summary', title: `Deliverable ${id}`, ownerVolunteerId: 'V-1', dueOn, status: 'pending', ...change } as Deliverable;
}

export function story(id: string, publishedOn: CalendarDay, change: Partial<Story> = {}): Story {
  return { id, kind: 'blog post', title: `Story ${id}`, publishedOn, ...change };
}

export function citizen(id: string, consentGivenOn: CalendarDay, change: Partial<Citizen> = {}): Citizen {
  return { id, name: `Citizen ${id}`, contact: `${id}@example.org`, consentGivenOn, consentText: 'I agree to be contacted by CIL Lahore.', ...change } as Citizen;
}

export function step(kind: AccountabilityEvent['kind'], atInstant: Instant, change: Partial<AccountabilityEvent> = {}): AccountabilityEvent {
  return { id: nextId('E'), kind, at: atInstant, by: 'daily check', evidence: 'test', status: 'sent', ...change };
}

export function records(change: Partial<ReportRecords> = {}): ReportRecords {
  return { volunteers: [], hours: [], meetings: [], attendance: [], notices: [], projects: [], deliverables: [], stories: [], citizens: [], log: [], ...change };
}
