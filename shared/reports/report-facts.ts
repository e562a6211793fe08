import { attendanceByMeeting, meetingAttendance, meetingFactsOf } from '../accountability/meeting-outcomes';
import type { AccountabilityEvent, AccountabilityKind } from '../records/accountability';
import type { Attendance } from '../records/attendance';
import type { Citizen } from '../records/citizen';
import type { Deliverable } from '../records/deliverable';
import { weeklyCommitmentOf } from '../records/expectations';
import type { HoursCategory, HoursEntry } from '../records/hours';
import type { Meeting, MeetingKind } from '../records/meeting';
import type { Notice } from '../records/notice';
import type { Project } from '../records/project';
import type { Settings } from '../records/settings';
import type { Story, StoryKind } from '../records/story';
import type { Volunteer } from '../records/volunteer';
import { daysBetween, type CalendarDay } from '../time/calendar-day';
import { instantMs } from '../time/instant';
import { dayOf } from '../time/zone';
import type { ReportPeriod } from './report-period';
import { dayText, hoursText, listText } from './report-text';

// What the reports say about a period, worked out from the records once, here, so every report kind
// counts hours, meetings, deliverables and stories the same way. Days are the CIL's: an hours entry
// has its day; a meeting, a notice or a log step is on the day its instant falls on in the CIL's zone.

/** Every tab a report reads, rows that failed validation left out by the reader. */
export interface ReportRecords {
  volunteers: readonly Volunteer[];
  hours: readonly HoursEntry[];
  meetings: readonly Meeting[];
  attendance: readonly Attendance[];
  notices: readonly Notice[];
  projects: readonly Project[];
  deliverables: readonly Deliverable[];
  stories: readonly Story[];
  citizens: readonly Citizen[];
  log: readonly AccountabilityEvent[];
}

type Span = Pick<ReportPeriod, 'first' | 'last'>;

export const within = (day: CalendarDay, span: Span) => day >= span.first && day <= span.last;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The day an instant falls on in the CIL's zone; undefined when it cannot be read. */
function dayOfInstant(instant: string, timeZone: string): CalendarDay | undefined {
  const ms = instantMs(instant);
  return ms === undefined ? undefined : dayOf(new Date(ms), timeZone);
}

export const sum = (numbers: readonly number[]) => numbers.reduce((total, n) => total + n, 0);

/** The fields every activity report opens with: the period's hours in all, and how many volunteers logged any. */
export function hoursFields(hours: readonly HoursEntry[]): { totalHours: string; volunteersLogging: string } {
  return {
    totalHours: hoursText(sum(hours.map((entry) => entry.hours))),
    volunteersLogging: String(new Set(hours.map((entry) => entry.volunteerId)).size),
  };
}

export function hoursIn(records: Pick<ReportRecords, 'hours'>, span: Span): HoursEntry[] {
  return records.hours.filter((entry) => within(entry.day, span));
}

// ---- volunteers --------------------------------------------------------------------------------------

export interface VolunteerFacts {
  volunteer: Volunteer;
  hours: number;
  /** The weekly commitment over the days of the period they were a member. */
  commitment: number;
  /** Meetings of the period they attended. */
  meetingsAttended: number;
}

/** Roster statuses of people no longer taking part; they appear only for hours they logged. */
const GONE = new Set(['offboarded', 'alumni']);

/**
 * One row per volunteer who logged hours in the period or was on the roster through it (joined by its
 * last day, not offboarded or alumni), by hours (most first), then name.
 */
export function volunteerFacts(records: ReportRecords, period: Span, settings: Settings): VolunteerFacts[] {
  const hours = new Map<string, number>();
  for (const entry of hoursIn(records, period)) hours.set(entry.volunteerId, (hours.get(entry.volunteerId) ?? 0) + entry.hours);
  const attended = new Map<string, number>();
  for (const held of meetingsIn(records, period, settings)) for (const id of held.presentIds) attended.set(id, (attended.get(id) ?? 0) + 1);
  return records.volunteers
    .filter((volunteer) => hours.has(volunteer.id) || (volunteer.joinedOn <= period.last && !GONE.has(volunteer.status)))
    .map((volunteer) => {
      const from = volunteer.joinedOn > period.first ? volunteer.joinedOn : period.first;
      const days = Math.max(0, daysBetween(from, period.last) + 1);
      return {
        volunteer,
        hours: hours.get(volunteer.id) ?? 0,
        commitment: (weeklyCommitmentOf(volunteer, settings) * days) / 7,
        meetingsAttended: attended.get(volunteer.id) ?? 0,
      };
    })
    .sort((a, b) => b.hours - a.hours || byText(a.volunteer.name, b.volunteer.name));
}

/** Volunteers the handbook holds to their commitment: taking part (active or warned), not on leave. */
export const isHeldToCommitment = (volunteer: Volunteer) => volunteer.status === 'active' || volunteer.status === 'warned';

export const VOLUNTEER_ROW_FIELDS = ['name', 'role', 'team', 'status', 'hours', 'commitment', 'meetings'] as const;

export function volunteerRow(facts: VolunteerFacts): Record<(typeof VOLUNTEER_ROW_FIELDS)[number], string> {
  const { volunteer } = facts;
  return {
    name: volunteer.name,
    role: volunteer.role,
    team: volunteer.team ?? '',
    status: volunteer.status,
    hours: hoursText(facts.hours),
    commitment: hoursText(Math.round(facts.commitment * 10) / 10),
    meetings: String(facts.meetingsAttended),
  };
}

/** Who is a member at the end of the period, and who joined in it. */
export function membership(records: Pick<ReportRecords, 'volunteers'>, period: Span) {
  const members = records.volunteers.filter((volunteer) => volunteer.joinedOn <= period.last && !GONE.has(volunteer.status));
  return { members: members.length, joined: records.volunteers.filter((volunteer) => within(volunteer.joinedOn, period)).length };
}

// ---- meetings ----------------------------------------------------------------------------------------

export interface HeldMeeting {
  meeting: Meeting;
  day: CalendarDay;
  /** Volunteers present (enough minutes, or marked present). */
  presentIds: string[];
  withNotice: number;
  absent: number;
  /** The meeting's "Participants" when a lead counted them (events take people off the roster), else those present. */
  participants: number;
}

/** The meetings that started in the period, in time order, with their attendance. */
export function meetingsIn(records: ReportRecords, period: Span, settings: Settings): HeldMeeting[] {
  const byMeeting = attendanceByMeeting(records.attendance, records.meetings, Number.POSITIVE_INFINITY);
  return meetingFactsOf(records.meetings, settings.timeZone)
    .filter((facts) => within(facts.startDay, period))
    .map(({ meeting, startDay }) => {
      const presentIds: string[] = [];
      let withNotice = 0;
      let absent = 0;
      for (const [volunteerId, rows] of byMeeting.get(meeting.id) ?? []) {
        const outcome = meetingAttendance(rows, settings.minimumMinutesPresent);
        if (outcome.present) presentIds.push(volunteerId);
        else if (outcome.withNotice) withNotice++;
        else absent++;
      }
      return { meeting, day: startDay, presentIds, withNotice, absent, participants: meeting.participantCount ?? presentIds.length };
    });
}

export function meetingRow(held: HeldMeeting): Record<string, string> {
  return {
    date: dayText(held.day),
    kind: held.meeting.kind,
    title: held.meeting.title,
    present: String(held.presentIds.length),
    withNotice: String(held.withNotice),
    absent: String(held.absent),
    participants: String(held.participants),
    takeaways: held.meeting.takeaways ?? '',
  };
}

export const MEETING_ROW_FIELDS = ['date', 'kind', 'title', 'present', 'withNotice', 'absent', 'participants', 'takeaways'] as const;

export function countByKind(held: readonly HeldMeeting[], kind: MeetingKind): number {
  return held.filter((h) => h.meeting.kind === kind).length;
}

/** "Title (date): takeaways" for each meeting with takeaways. */
export function takeawaySentences(held: readonly HeldMeeting[]): string[] {
  return held.filter((h) => h.meeting.takeaways !== undefined).map((h) => `${h.meeting.title} (${dayText(h.day)}): ${sentence(h.meeting.takeaways!)}`);
}

/** Text as a sentence: ends with a full stop (or its own ! or ?). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

// ---- notices and the accountability log -----------------------------------------------------------

export function noticesIn(records: ReportRecords, period: Span, settings: Settings): Notice[] {
  return records.notices.filter((notice) => {
    const day = dayOfInstant(notice.givenAt, settings.timeZone);
    return day !== undefined && within(day, period);
  });
}

/** Steps taken in the period: not dismissed, and not still waiting for a lead. */
export function stepsIn(records: ReportRecords, period: Span, settings: Settings): { event: AccountabilityEvent; day: CalendarDay }[] {
  return records.log.flatMap((event) => {
    const day = dayOfInstant(event.at, settings.timeZone);
    if (day === undefined || !within(day, period) || event.status === 'dismissed' || event.status === 'proposed') return [];
    return [{ event, day }];
  });
}

export function stepCount(steps: readonly { event: AccountabilityEvent }[], kind: AccountabilityKind): number {
  return steps.filter((step) => step.event.kind === kind).length;
}

export function stepRow({ event, day }: { event: AccountabilityEvent; day: CalendarDay }, names: ReadonlyMap<string, string>): Record<string, string> {
  return {
    date: dayText(day),
    kind: event.kind,
    volunteer: event.volunteerId === undefined ? 'the whole CIL' : (names.get(event.volunteerId) ?? event.volunteerId),
    status: event.status,
  };
}

export const STEP_ROW_FIELDS = ['date', 'kind', 'volunteer', 'status'] as const;

export const namesOf = (records: Pick<ReportRecords, 'volunteers'>) => new Map(records.volunteers.map((volunteer) => [volunteer.id, volunteer.name]));

// ---- deliverables ------------------------------------------------------------------------------------

/** Deliverables due in the period (waived ones left out), by due day. */
export function deliverablesDueIn(records: ReportRecords, period: Span): Deliverable[] {
  return records.deliverables
    .filter((deliverable) => within(deliverable.dueOn, period) && deliverable.status !== 'waived')
    .sort((a, b) => byText(a.dueOn, b.dueOn) || byText(a.title, b.title));
}

const isOnTime = (deliverable: Deliverable) => deliverable.submittedOn !== undefined && deliverable.submittedOn <= deliverable.dueOn;

export function deliverableCounts(due: readonly Deliverable[]) {
  const submitted = due.filter((deliverable) => deliverable.submittedOn !== undefined);
  const onTime = submitted.filter(isOnTime).length;
  return { due: due.length, onTime, late: submitted.length - onTime, outstanding: due.length - submitted.length };
}

export function deliverableRow(deliverable: Deliverable, names: ReadonlyMap<string, string>): Record<string, string> {
  const submitted = deliverable.submittedOn;
  return {
    title: deliverable.title,
    kind: deliverable.kind,
    owner: names.get(deliverable.ownerVolunteerId) ?? deliverable.ownerVolunteerId,
    due: dayText(deliverable.dueOn),
    status: submitted === undefined ? deliverable.status : isOnTime(deliverable) ? 'submitted on time' : 'submitted late',
    submitted: submitted === undefined ? '' : dayText(submitted),
  };
}

export const DELIVERABLE_ROW_FIELDS = ['title', 'kind', 'owner', 'due', 'status', 'submitted'] as const;

/** Overdue at the end of `day`: due by then, not submitted by then, not waived. */
export function overdueAt(records: ReportRecords, day: CalendarDay): Deliverable[] {
  return records.deliverables.filter(
    (deliverable) => deliverable.status !== 'waived' && deliverable.dueOn <= day && (deliverable.submittedOn === undefined || deliverable.submittedOn > day),
  );
}

// ---- projects ----------------------------------------------------------------------------------------

/** Projects under way at some time in the period: started by its end (or undated), not completed before it. */
export function projectsDuring(records: ReportRecords, period: Span): Project[] {
  return records.projects.filter(
    (project) =>
      project.status !== 'dropped' &&
      (project.startedOn === undefined || project.startedOn <= period.last) &&
      (project.completedOn === undefined || project.completedOn >= period.first),
  );
}

export function projectsCompletedIn(records: ReportRecords, period: Span): Project[] {
  return records.projects.filter((project) => project.completedOn !== undefined && within(project.completedOn, period));
}

export function projectHours(records: ReportRecords, project: Project, period: Span): number {
  return sum(hoursIn(records, period).filter((entry) => entry.projectId === project.id).map((entry) => entry.hours));
}

export function projectRow(records: ReportRecords, project: Project, period: Span, names: ReadonlyMap<string, string>): Record<string, string> {
  return {
    name: project.name,
    status: project.status,
    partner: project.partner ?? '',
    lead: project.leadVolunteerId === undefined ? '' : (names.get(project.leadVolunteerId) ?? project.leadVolunteerId),
    hours: hoursText(projectHours(records, project, period)),
  };
}

export const PROJECT_ROW_FIELDS = ['name', 'status', 'partner', 'lead', 'hours'] as const;

/** "Completed X with partner: impact story." for each project completed in the period. */
export function completionSentences(completed: readonly Project[]): string[] {
  return completed.map((project) => {
    const withPartner = project.partner === undefined ? '' : ` with ${project.partner}`;
    const story = project.impactStory === undefined ? '' : ` ${sentence(project.impactStory)}`;
    return `Completed ${project.name}${withPartner}.${story}`;
  });
}

/** Hours by category, most first. */
export function hoursByCategory(entries: readonly HoursEntry[]): { category: HoursCategory; hours: number }[] {
  const totals = new Map<HoursCategory, number>();
  for (const entry of entries) totals.set(entry.category, (totals.get(entry.category) ?? 0) + entry.hours);
  return [...totals].map(([category, hours]) => ({ category, hours })).sort((a, b) => b.hours - a.hours || byText(a.category, b.category));
}

// ---- stories and citizens ----------------------------------------------------------------------------

export function storiesIn(records: ReportRecords, period: Span): Story[] {
  return records.stories.filter((story) => within(story.publishedOn, period)).sort((a, b) => byText(a.publishedOn, b.publishedOn) || byText(a.title, b.title));
}

export function storyRow(story: Story): Record<string, string> {
  const figure = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    published: dayText(story.publishedOn),
    kind: story.kind,
    title: story.title,
    outlet: story.outlet ?? '',
    link: story.link ?? '',
    views: figure(story.views),
    reactions: figure(story.reactions),
    shares: figure(story.shares),
  };
}

export const STORY_ROW_FIELDS = ['published', 'kind', 'title', 'outlet', 'link', 'views', 'reactions', 'shares'] as const;

export function storyCounts(stories: readonly Story[]) {
  const ofKind = (kind: StoryKind) => stories.filter((story) => story.kind === kind).length;
  return {
    blogPosts: ofKind('blog post'),
    pressMentions: ofKind('press mention'),
    socialPosts: ofKind('social media'),
    views: sum(stories.map((story) => story.views ?? 0)),
    reactions: sum(stories.map((story) => story.reactions ?? 0)),
    shares: sum(stories.map((story) => story.shares ?? 0)),
  };
}

/** Citizens who gave consent in the period, and those whose consent stands at its end. */
export function citizenCounts(records: Pick<ReportRecords, 'citizens'>, period: Span) {
  const consenting = records.citizens.filter(
    (citizen) => citizen.consentGivenOn <= period.last && (citizen.consentWithdrawnOn === undefined || citizen.consentWithdrawnOn > period.last),
  );
  return { joined: records.citizens.filter((citizen) => within(citizen.consentGivenOn, period)).length, consenting: consenting.length };
}

// ---- what comes next ---------------------------------------------------------------------------------

/** The meetings planned and the deliverables due in the next period, as sentences. */
export function comingUpSentences(records: ReportRecords, next: Span, settings: Settings): string[] {
  const names = namesOf(records);
  const meetings = meetingFactsOf(records.meetings, settings.timeZone).filter((facts) => within(facts.startDay, next));
  const due = deliverablesDueIn(records, next).filter((deliverable) => deliverable.submittedOn === undefined);
  const sentences: string[] = [];
  if (meetings.length > 0) sentences.push(`Planned: ${listText(meetings.map((facts) => `${facts.meeting.title} (${dayText(facts.startDay)})`))}.`);
  if (due.length > 0) {
    sentences.push(`Due: ${listText(due.map((d) => `${d.title} on ${dayText(d.dueOn)} (${names.get(d.ownerVolunteerId) ?? d.ownerVolunteerId})`))}.`);
  }
  return sentences;
}

// ---- one project -------------------------------------------------------------------------------------

export const PROJECT_FIELDS = ['project.name', 'project.partner', 'project.status', 'project.lead', 'project.started', 'project.completed', 'project.link'] as const;

export function projectFields(project: Project, names: ReadonlyMap<string, string>): Record<(typeof PROJECT_FIELDS)[number], string> {
  return {
    'project.name': project.name,
    'project.partner': project.partner ?? '',
    'project.status': project.status,
    'project.lead': project.leadVolunteerId === undefined ? '' : (names.get(project.leadVolunteerId) ?? project.leadVolunteerId),
    'project.started': project.startedOn === undefined ? '' : dayText(project.startedOn),
    'project.completed': project.completedOn === undefined ? '' : dayText(project.completedOn),
    'project.link': project.link ?? '',
  };
}

/** The project's hours entries in the period, by day. */
export function projectEntries(records: ReportRecords, project: Project, period: Span): HoursEntry[] {
  return hoursIn(records, period)
    .filter((entry) => entry.projectId === project.id)
    .sort((a, b) => byText(a.day, b.day));
}

export const CONTRIBUTOR_ROW_FIELDS = ['name', 'role', 'hours'] as const;

/** Who logged hours on the project, most hours first. */
export function contributorRows(records: ReportRecords, entries: readonly HoursEntry[]): Record<(typeof CONTRIBUTOR_ROW_FIELDS)[number], string>[] {
  const byVolunteer = new Map<string, number>();
  for (const entry of entries) byVolunteer.set(entry.volunteerId, (byVolunteer.get(entry.volunteerId) ?? 0) + entry.hours);
  const volunteers = new Map(records.volunteers.map((volunteer) => [volunteer.id, volunteer]));
  return [...byVolunteer]
    .map(([id, hours]) => ({ volunteer: volunteers.get(id), id, hours }))
    .sort((a, b) => b.hours - a.hours || byText(a.volunteer?.name ?? a.id, b.volunteer?.name ?? b.id))
    .map(({ volunteer, id, hours }) => ({ name: volunteer?.name ?? id, role: volunteer?.role ?? '', hours: hoursText(hours) }));
}
