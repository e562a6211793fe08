import type { Attendance } from '../../../shared/records/attendance';
import type { Citizen } from '../../../shared/records/citizen';
import type { Deliverable } from '../../../shared/records/deliverable';
import type { HoursCategory, HoursEntry } from '../../../shared/records/hours';
import type { Meeting, MeetingKind } from '../../../shared/records/meeting';
import type { Notice } from '../../../shared/records/notice';
import type { Project } from '../../../shared/records/project';
import type { Story } from '../../../shared/records/story';
import { LEAD_ROLES, type Volunteer, type VolunteerRole } from '../../../shared/records/volunteer';
import { addDays, dayFromParts, dayNumberOf, MONTH_NAMES, partsOf, weekdayOf, type CalendarDay } from '../../../shared/time/calendar-day';
import { dateOfInstant, instantFromDate, type Instant } from '../../../shared/time/instant';
import { monthOf, periodRange, quarterOf, weekOf } from '../../../shared/time/period';
import { dayOf, instantFromWallClock } from '../../../shared/time/zone';
import { seededRandom, type SeededRandom } from './seeded-random';

// The demo CIL's records: a dozen volunteers in the handbook's roles and eight weeks of CIL life before
// "now" (meetups, monthly CfP calls, a hack night, an event, with takeaways; attendance, notices, hours;
// two projects, one completed, and the reports owed to CfP; the stories told and the citizens met),
// with a couple of volunteers drifting into inactivity for the daily check to find. Pure and
// deterministic: the same moment and time zone give the same records.

const SEED = 0x0c11_2026;
const WEEKS = 8;
const MS_PER_DAY = 86_400_000;

type Pattern =
  /** Comes to meetings, logs hours every week. */
  | 'steady'
  /** Missed the last two meetups without notice and has logged nothing for three weeks. */
  | 'drifting'
  /** Missed the last meetup without notice; nothing logged for two weeks; went quiet after one message. */
  | 'fading'
  /** On leave for exams, with notice. */
  | 'on leave'
  /** Joined twelve days ago. */
  | 'new';

interface DemoPerson {
  name: string;
  role: VolunteerRole;
  team: string;
  joinedDaysAgo: number;
  pattern: Pattern;
  /** Index of the mentor in PEOPLE. */
  mentor?: number;
  notes?: string;
}

const PEOPLE: readonly DemoPerson[] = [
  { name: 'Ayesha Khan', role: 'organizer', team: 'Leads', joinedDaysAgo: 420, pattern: 'steady' },
  { name: 'Bilal Ahmed', role: 'manager', team: 'Leads', joinedDaysAgo: 390, pattern: 'steady' },
  { name: 'Hira Baig', role: 'delivery lead', team: 'Transit Map', joinedDaysAgo: 330, pattern: 'steady' },
  { name: 'Usman Tariq', role: 'community organizer', team: 'Outreach', joinedDaysAgo: 300, pattern: 'steady' },
  { name: 'Zainab Malik', role: 'storyteller', team: 'Outreach', joinedDaysAgo: 240, pattern: 'steady' },
  { name: 'Fatima Raza', role: 'member', team: 'Transit Map', joinedDaysAgo: 200, pattern: 'steady', mentor: 2 },
  { name: 'Hamza Qureshi', role: 'member', team: 'Transit Map', joinedDaysAgo: 160, pattern: 'steady', mentor: 2 },
  { name: 'Sana Iqbal', role: 'member', team: 'Water Tracker', joinedDaysAgo: 150, pattern: 'steady', mentor: 0 },
  { name: 'Omar Farooq', role: 'member', team: 'Water Tracker', joinedDaysAgo: 130, pattern: 'drifting', mentor: 0 },
  { name: 'Maryam Siddiqui', role: 'member', team: 'Outreach', joinedDaysAgo: 110, pattern: 'on leave', mentor: 3, notes: 'Final exams; back next month' },
  { name: 'Ali Hassan', role: 'member', team: 'Water Tracker', joinedDaysAgo: 90, pattern: 'fading', mentor: 0 },
  { name: 'Noor Fatima', role: 'member', team: 'Transit Map', joinedDaysAgo: 12, pattern: 'new', mentor: 2, notes: 'Met us at the open house' },
];

/** The active member whose enrollment code the demo prints, so a person can try the extension at once. */
export const DEMO_MEMBER = 'Fatima Raza';

/** Days before today that the on-leave volunteer's leave began, and days after today it ends. */
const LEAVE = { from: -15, to: 13 };

const CATEGORIES: Record<VolunteerRole, readonly HoursCategory[]> = {
  organizer: ['project work', 'meetings', 'mentoring', 'writing & reporting'],
  manager: ['meetings', 'writing & reporting', 'outreach'],
  'delivery lead': ['project work', 'meetings', 'research'],
  'community organizer': ['outreach', 'events', 'meetings'],
  storyteller: ['writing & reporting', 'outreach', 'events'],
  member: ['project work', 'research', 'learning', 'meetings'],
};

const NOTES: Partial<Record<HoursCategory, readonly string[]>> = {
  'project work': ['Bus stop data cleanup', 'Map layer for route 12', 'Fixed the complaint form', 'Code review'],
  research: ['Commuter interviews', 'Read the WASA service charter', 'Survey analysis'],
  outreach: ['Called partner organisations', 'University society talk', 'Posted the meetup invite'],
  'writing & reporting': ['Weekly summary draft', 'Blog post draft', 'Monthly update for CfP'],
  events: ['Open house logistics', 'Volunteer sign-up desk'],
  mentoring: ['Pairing with new members'],
  learning: ['GIS tutorial', 'Civic tech reading group'],
};

/** People at the open house who are not on the roster. */
const OPEN_HOUSE_VISITORS = 28;

const CITIZENS = [
  { name: 'Rubina Shah', contact: 'rubina.shah@example.com', area: 'Model Town', interests: ['water', 'sanitation'] },
  { name: 'Tariq Mehmood', contact: '+92 300 1234567', area: 'Gulberg', interests: ['transit'] },
  { name: 'Asma Javed', contact: 'asma.javed@example.com', area: 'Johar Town', interests: ['transit', 'open data'] },
  { name: 'Kamran Ali', contact: 'kamran.ali@example.com', area: 'Model Town', interests: ['water'] },
] as const;

const ABSENCE_REASONS = ['University exam that day', 'Family commitment', 'Travelling to Islamabad', 'Unwell', 'Office deadline'];

export interface DemoRecords {
  volunteers: Volunteer[];
  meetings: Meeting[];
  attendance: Attendance[];
  notices: Notice[];
  hours: HoursEntry[];
  projects: Project[];
  deliverables: Deliverable[];
  stories: Story[];
  citizens: Citizen[];
}

const emailOf = (name: string) => `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`;

/** The instant the wall clock in `timeZone` reads `hour:minute` on `day`. */
function atTime(day: CalendarDay, hour: number, minute: number, timeZone: string): Instant {
  return instantFromDate(instantFromWallClock(dayNumberOf(day) * MS_PER_DAY + (hour * 60 + minute) * 60_000, timeZone));
}

/** Days and instants sort as text; compared by code unit, not by a locale's collation. */
const inOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const plusMinutes = (instant: Instant, minutes: number): Instant => instantFromDate(new Date(dateOfInstant(instant).getTime() + minutes * 60_000));

interface Scheduled {
  kind: MeetingKind;
  title: string;
  day: CalendarDay;
  start: [number, number];
  minutes: number;
  expectedAttendees: string;
  online: boolean;
  takeaways?: string;
}

/** The meetings from eight weeks ago to two weeks ahead: biweekly Saturday meetups, first-Tuesday CfP calls, a hack night, an event. */
function schedule(today: CalendarDay): Scheduled[] {
  const scheduled: Scheduled[] = [];
  for (let day = addDays(today, -7 * WEEKS); day <= addDays(today, 14); day = addDays(day, 1)) {
    if (weekdayOf(day) === 6 && Math.floor(dayNumberOf(day) / 7) % 2 === 0) {
      scheduled.push({ kind: 'CIL meetup', title: 'CIL meetup', day, start: [11, 0], minutes: 90, expectedAttendees: 'all', online: true });
    }
    const { month, day: dayOfMonth } = partsOf(day);
    if (weekdayOf(day) === 2 && dayOfMonth <= 7) {
      scheduled.push({ kind: 'monthly CfP call', title: `Monthly CfP call, ${MONTH_NAMES[month - 1]}`, day, start: [18, 0], minutes: 60, expectedAttendees: 'leads', online: true });
    }
  }
  const threeWeeksAgo = addDays(today, -21);
  scheduled.push({
    kind: 'hack night',
    title: 'Hack night: transit data',
    day: addDays(threeWeeksAgo, 4 - weekdayOf(threeWeeksAgo)),
    start: [19, 0],
    minutes: 180,
    expectedAttendees: 'all',
    online: true,
    takeaways: 'Mapped 120 bus stops on routes 12 and 18; the stop names need checking against the Metro list.',
  });
  const fiveWeeksAgo = addDays(today, -35);
  scheduled.push({
    kind: 'event',
    title: 'Civic tech open house',
    day: addDays(fiveWeeksAgo, 7 - weekdayOf(fiveWeeksAgo)),
    start: [14, 0],
    minutes: 180,
    expectedAttendees: 'all',
    online: false,
    takeaways: 'Residents want complaint tracking beyond water; three students signed up to volunteer.',
  });
  return scheduled.sort((a, b) => inOrder(a.day, b.day) || a.start[0] - b.start[0]);
}

const meetCode = (random: SeededRandom) => `${random.letters(3)}-${random.letters(4)}-${random.letters(3)}`;

export function demoRecords(now: Date, timeZone: string): DemoRecords {
  const random = seededRandom(SEED);
  const today = dayOf(now, timeZone);
  const nowInstant = instantFromDate(now);
  const at = (day: CalendarDay, hour: number, minute: number) => atTime(day, hour, minute, timeZone);

  const volunteers: Volunteer[] = PEOPLE.map((person) => ({
    id: `v-${random.hex(8)}`,
    name: person.name,
    email: emailOf(person.name),
    role: person.role,
    team: person.team,
    status: person.pattern === 'on leave' ? 'on leave' : 'active',
    joinedOn: addDays(today, -person.joinedDaysAgo),
  }));
  PEOPLE.forEach((person, i) => {
    if (person.mentor !== undefined) volunteers[i]!.mentorEmail = volunteers[person.mentor]!.email;
    if (person.notes !== undefined) volunteers[i]!.notes = person.notes;
  });
  const byName = (name: string) => volunteers[PEOPLE.findIndex((person) => person.name === name)]!;
  const byRole = (role: VolunteerRole) => volunteers.find((volunteer) => volunteer.role === role)!;

  const projects: Project[] = [
    {
      id: `p-${random.hex(8)}`,
      name: 'Lahore Transit Map',
      status: 'active',
      partner: "Lahore Commuters' Forum",
      leadVolunteerId: byRole('delivery lead').id,
      startedOn: addDays(today, -150),
      redeployments: 0,
    },
    {
      id: `p-${random.hex(8)}`,
      name: 'Clean Water Complaints Tracker',
      status: 'completed',
      partner: "Model Town Residents' Association",
      leadVolunteerId: byRole('organizer').id,
      startedOn: addDays(today, -200),
      completedOn: addDays(today, -20),
      impactStory: 'Residents filed 340 water complaints through the tracker in its first month; the association took the 60 oldest to the utility, which fixed 41 within a week.',
      redeployments: 0,
    },
  ];
  const [transit, water] = projects as [Project, Project];
  const projectOf = (team: string, day: CalendarDay): string | undefined =>
    team === 'Transit Map' ? transit.id : team === 'Water Tracker' && day <= water.completedOn! ? water.id : undefined;

  // Meetings, and attendance at those already over.
  const meetings: Meeting[] = [];
  const attendance: Attendance[] = [];
  const notices: Notice[] = [];
  const scheduled = schedule(today);
  const pastMeetups = scheduled.filter((s) => s.kind === 'CIL meetup' && atTime(s.day, s.start[0], s.start[1] + s.minutes, timeZone) <= nowInstant);
  const lastMeetups = (count: number) => pastMeetups.slice(-count).map((s) => s.day);
  for (const s of scheduled) {
    const startsAt = at(s.day, s.start[0], s.start[1]);
    const endsAt = plusMinutes(startsAt, s.minutes);
    const meeting: Meeting = { id: `m-${random.hex(8)}`, kind: s.kind, title: s.title, startsAt, endsAt, expectedAttendees: s.expectedAttendees };
    if (s.online) meeting.meetCode = meetCode(random);
    if (s.takeaways !== undefined) meeting.takeaways = s.takeaways;
    meetings.push(meeting);
    if (endsAt > nowInstant) continue;

    let present = 0;
    PEOPLE.forEach((person, i) => {
      const volunteer = volunteers[i]!;
      if (volunteer.joinedOn > s.day) return;
      if (s.expectedAttendees === 'leads' && !LEAD_ROLES.includes(person.role)) return;
      const row = { meetingId: meeting.id, volunteerId: volunteer.id };
      const onLeave = person.pattern === 'on leave' && s.day >= addDays(today, LEAVE.from);
      const missedWithoutNotice =
        (person.pattern === 'drifting' && lastMeetups(2).includes(s.day)) || (person.pattern === 'fading' && lastMeetups(1).includes(s.day));
      if (s.kind === 'hack night' || s.kind === 'event') {
        // Open invitations: only those who came are recorded.
        if (onLeave || person.pattern === 'drifting' || !random.chance(s.kind === 'event' ? 0.7 : 0.55)) return;
      } else if (onLeave || missedWithoutNotice) {
        attendance.push({ id: random.uuid(), ...row, status: onLeave ? 'absent with notice' : 'absent', source: 'daily check' });
        return;
      } else if (person.pattern === 'steady' && random.chance(0.12)) {
        attendance.push({ id: random.uuid(), ...row, status: 'absent with notice', source: 'daily check' });
        notices.push({
          id: random.uuid(),
          volunteerId: volunteer.id,
          kind: 'absence notice',
          givenAt: plusMinutes(startsAt, -60 * random.int(20, 60)),
          meetingId: meeting.id,
          reason: random.pick(ABSENCE_REASONS),
          source: 'extension',
        });
        return;
      }
      present++;
      if (!meeting.meetCode) {
        attendance.push({ id: random.uuid(), ...row, status: 'present', source: 'sheet' });
        return;
      }
      const joinedAt = plusMinutes(startsAt, random.int(-3, 8));
      const leftAt = plusMinutes(endsAt, -random.int(0, 12));
      const minutes = Math.round((dateOfInstant(leftAt).getTime() - dateOfInstant(joinedAt).getTime()) / 60_000);
      attendance.push({ id: random.uuid(), ...row, status: 'present', joinedAt, leftAt, minutes, meetCode: meeting.meetCode, source: 'extension' });
    });
    // The open house drew visitors who are not on the roster.
    meeting.participantCount = s.kind === 'event' ? present + OPEN_HOUSE_VISITORS : present;
  }
  const pastMeetupRows = meetings.filter((m) => m.kind === 'CIL meetup' && m.endsAt <= nowInstant);
  const lastPastMeetup = pastMeetupRows[pastMeetupRows.length - 1];
  if (lastPastMeetup) lastPastMeetup.takeaways = 'Agreed the commuter survey questions; Noor joins the Transit Map team.';

  // Notices that are not about one meeting: the leave, and messages that count as contact.
  const person = (pattern: Pattern) => volunteers[PEOPLE.findIndex((p) => p.pattern === pattern)]!;
  notices.push(
    {
      id: random.uuid(),
      volunteerId: person('on leave').id,
      kind: 'absence notice',
      givenAt: at(addDays(today, LEAVE.from - 2), 20, 15),
      fromDay: addDays(today, LEAVE.from),
      toDay: addDays(today, LEAVE.to),
      reason: 'Final exams at university',
      source: 'sheet',
    },
    {
      id: random.uuid(),
      volunteerId: person('fading').id,
      kind: 'communication',
      givenAt: at(addDays(today, -16), 13, 5),
      reason: 'Family wedding this week; will catch up on the survey after.',
      source: 'extension',
    },
    {
      id: random.uuid(),
      volunteerId: byName('Sana Iqbal').id,
      kind: 'communication',
      givenAt: at(addDays(today, -9), 17, 40),
      reason: 'Shared the complaints dataset with the residents association.',
      source: 'extension',
    },
  );
  notices.sort((a, b) => inOrder(a.givenAt, b.givenAt));

  // Hours: each week about the volunteer's commitment, in two or three entries, until they drifted off.
  const hours: HoursEntry[] = [];
  PEOPLE.forEach((p, i) => {
    const volunteer = volunteers[i]!;
    // Days before today with no hours at all: three weeks for the drifting volunteer, since the leave began for the one on leave.
    const silentDays = { steady: 0, new: 0, drifting: 21, fading: 14, 'on leave': -LEAVE.from }[p.pattern];
    const lastDay = addDays(today, -1 - silentDays);
    const commitment = LEAD_ROLES.includes(p.role) ? 4 : 5;
    for (let week = 0; week < WEEKS; week++) {
      const days: CalendarDay[] = [];
      for (let d = 0; d < 7; d++) {
        const day = addDays(today, -7 * WEEKS + 7 * week + d);
        if (day >= volunteer.joinedOn && day <= lastDay) days.push(day);
      }
      if (days.length === 0) continue;
      const entries = Math.min(days.length, random.int(2, 3));
      const target = commitment * (0.7 + 0.55 * random.next());
      const chosen = new Set<CalendarDay>();
      while (chosen.size < entries) chosen.add(random.pick(days));
      for (const day of [...chosen].sort()) {
        const category = random.pick(CATEGORIES[p.role]);
        const entry: HoursEntry = {
          id: random.uuid(),
          volunteerId: volunteer.id,
          day,
          hours: Math.max(0.5, Math.round((target / entries) * 2) / 2),
          category,
          source: random.chance(0.85) ? 'extension' : 'sheet',
          loggedAt: at(day, 21, random.int(0, 59)),
        };
        const project = category === 'project work' || category === 'research' ? projectOf(p.team, day) : undefined;
        if (project) entry.projectId = project;
        const notes = NOTES[category];
        if (notes) entry.note = random.pick(notes);
        hours.push(entry);
      }
    }
  });
  hours.sort((a, b) => inOrder(a.loggedAt, b.loggedAt));

  const event = scheduled.find((s) => s.kind === 'event')!;
  const hackNight = scheduled.find((s) => s.kind === 'hack night')!;
  const deliverables = deliverablesFor(random, today, event, water, byRole);
  return { volunteers, meetings, attendance, notices, hours, projects, deliverables, ...storiesAndCitizens(random, event, hackNight, water) };
}

/** What the storyteller published about the open house, the hack night and the tracker, and the citizens met at the open house. */
function storiesAndCitizens(random: SeededRandom, event: Scheduled, hackNight: Scheduled, water: Project): Pick<DemoRecords, 'stories' | 'citizens'> {
  const stories: Story[] = [
    {
      id: `s-${random.hex(8)}`,
      kind: 'blog post',
      title: 'What Lahore told us at the civic tech open house',
      outlet: 'CIL Demo blog',
      link: 'https://blog.cil-demo.example/open-house',
      publishedOn: addDays(event.day, 3),
      views: 420,
      reactions: 36,
      shares: 12,
    },
    { id: `s-${random.hex(8)}`, kind: 'social media', title: "Mapping Lahore's bus stops at hack night", outlet: 'Instagram', publishedOn: addDays(hackNight.day, 1), views: 1800, reactions: 240, shares: 31 },
    { id: `s-${random.hex(8)}`, kind: 'press mention', title: 'Residents’ app gets water complaints fixed', outlet: 'Dawn', publishedOn: addDays(water.completedOn!, 6) },
  ];
  const consentText = 'I agree that CIL Demo may keep my name and contact to invite me to its events and research. I can withdraw at any time.';
  const citizens: Citizen[] = CITIZENS.map((person, i) => ({
    id: `c-${random.hex(8)}`,
    name: person.name,
    contact: person.contact,
    area: person.area,
    interests: [...person.interests],
    consentGivenOn: event.day,
    consentText,
    ...(i === CITIZENS.length - 1 ? { consentWithdrawnOn: addDays(event.day, 10) } : {}),
  }));
  return { stories, citizens };
}

/** What the leads owe CfP around now: weekly summaries (one late), last month's update, the event report, a closure report, the quarter's story. */
function deliverablesFor(
  random: SeededRandom,
  today: CalendarDay,
  event: Scheduled,
  water: Project,
  byRole: (role: VolunteerRole) => Volunteer,
): Deliverable[] {
  const id = () => `d-${random.hex(8)}`;
  const earlier = (a: CalendarDay, b: CalendarDay) => (a < b ? a : b);
  const deliverables: Deliverable[] = [];
  const organizer = byRole('organizer').id;
  for (let weeksAgo = 5; weeksAgo >= 0; weeksAgo--) {
    const inWeek = addDays(today, -7 * weeksAgo);
    const period = weekOf(inWeek);
    const dueOn = addDays(periodRange(period).last, 1);
    const late = weeksAgo === 3;
    const done = dueOn <= today && weeksAgo > 0;
    deliverables.push({
      id: id(),
      kind: 'weekly summary',
      title: `Weekly summary ${period}`,
      ownerVolunteerId: organizer,
      period,
      dueOn,
      status: done ? 'submitted' : 'pending',
      ...(done ? { submittedOn: earlier(addDays(dueOn, late ? 2 : 0), today) } : {}),
    });
  }
  const { year, month } = partsOf(today);
  const firstOfMonth = dayFromParts(year, month, 1);
  const lastMonth = monthOf(addDays(firstOfMonth, -1));
  const monthlyDue = addDays(firstOfMonth, 4);
  deliverables.push({
    id: id(),
    kind: 'monthly progress update',
    title: `Monthly progress update ${lastMonth}`,
    ownerVolunteerId: byRole('manager').id,
    period: lastMonth,
    dueOn: monthlyDue,
    status: monthlyDue <= today ? 'submitted' : 'pending',
    ...(monthlyDue <= today ? { submittedOn: addDays(monthlyDue, -1) } : {}),
  });
  deliverables.push({
    id: id(),
    kind: 'events & meetups report',
    title: `Events & meetups report: ${event.title}`,
    ownerVolunteerId: byRole('community organizer').id,
    dueOn: addDays(event.day, 7),
    submittedOn: addDays(event.day, 6),
    status: 'submitted',
  });
  deliverables.push({
    id: id(),
    kind: 'project closure report',
    title: `Project closure report: ${water.name}`,
    ownerVolunteerId: organizer,
    dueOn: addDays(water.completedOn!, 14),
    submittedOn: addDays(water.completedOn!, 10),
    status: 'submitted',
  });
  const quarter = quarterOf(today);
  deliverables.push({
    id: id(),
    kind: 'quarterly story',
    title: `Quarterly story ${quarter}`,
    ownerVolunteerId: byRole('storyteller').id,
    period: quarter,
    dueOn: addDays(periodRange(quarter).last, 7),
    status: 'pending',
  });
  return deliverables;
}
