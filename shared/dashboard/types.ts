import type { CilEvaluation, CilRecords, ReasonCode, Standing } from '../accountability/types';
import type { Citizen } from '../records/citizen';
import type { MeetingKind } from '../records/meeting';
import type { Project } from '../records/project';
import type { Settings } from '../records/settings';
import type { Story, StoryKind } from '../records/story';
import type { VolunteerRole, VolunteerStatus } from '../records/volunteer';
import type { CalendarDay } from '../time/calendar-day';
import type { Instant } from '../time/instant';

/** Every tab the dashboard reads: the rules engine's records plus the storyteller's and community organizer's. */
export interface DashboardRecords extends CilRecords {
  projects: readonly Project[];
  stories: readonly Story[];
  citizens: readonly Citizen[];
}

export interface DashboardInput {
  records: DashboardRecords;
  /** Today in the CIL's time zone. */
  today: CalendarDay;
  /** The moment of the refresh; rows dated after it are not counted, as in the rules engine. */
  now: Instant;
  settings: Settings;
  /** The rules engine's result for the same records, day and moment, when the caller has it already (the daily run). */
  evaluation?: CilEvaluation;
}

/** The figures a lead sees first (and the add-on's homepage card shows). */
export interface DashboardHeadline {
  /** Rows in the Volunteers tab. */
  volunteers: number;
  /** Members the policy tracks (roster active or warned, not on leave, past their first days) whose standing is active. */
  activeMembers: number;
  /** Joined this quarter. */
  newMembers: number;
  atRisk: number;
  inactive: number;
  onLeave: number;
  /** Logged this week by the members on the roster (active, warned, on leave), as the add-on's card shows it. */
  hoursThisWeek: number;
  /** The weekly commitments of the members expected this week (active and warned, joined by its last day). */
  committedThisWeek: number;
  hoursThisQuarter: number;
  eventsThisQuarter: number;
  /** The rules engine says the CIL is falling behind (a mentor check-in is due). */
  fallingBehind: boolean;
  /** Why, one sentence each. */
  fallingBehindReasons: string[];
}

export interface WeekColumn {
  /** '2026-W48' */
  label: string;
  first: CalendarDay;
  last: CalendarDay;
}

export interface VolunteerWeeklyHours {
  volunteerId: string;
  name: string;
  role: VolunteerRole;
  rosterStatus: VolunteerStatus;
  joinedOn: CalendarDay;
  /** Hours a week they committed to. */
  commitment: number;
  /** Hours logged in each week of `WeeklyHoursTable.weeks`, in the same order. */
  hours: number[];
  /** Weeks shown since they joined with hours at or above the commitment (the current week once it is met). */
  weeksMet: number;
  /** Hours a week over the complete weeks shown since they joined (this week's hours while there are none). */
  average: number;
}

/** The last "Dashboard weeks" (Settings) ISO weeks, the current one last. */
export interface WeeklyHoursTable {
  weeks: WeekColumn[];
  /** Current members (roster active, warned or on leave), in roster order. */
  rows: VolunteerWeeklyHours[];
  /** Hours logged by everyone each week (former members included). */
  totals: number[];
  /** The weekly commitments of the members on the roster that week (joined by its last day). */
  committed: number[];
}

/** Attendance at meetings the person (or people) was expected at. */
export interface AttendanceCounts {
  expected: number;
  present: number;
  /** Absent with prior notice: shown apart from plain absences. */
  withNotice: number;
  absent: number;
  /** present ÷ expected, or null when nobody was expected. */
  rate: number | null;
}

export interface AttendancePoint {
  /** '2026-W48' or '2026-11' */
  period: string;
  first: CalendarDay;
  last: CalendarDay;
  /** Monthly CfP calls and CIL meetups together: the meetings the handbook expects members at. */
  all: AttendanceCounts;
  byKind: Record<MeetingKind, AttendanceCounts>;
}

export interface AttendanceBlock {
  /** Each member's calls and meetups held within the weeks shown (`WeeklyHoursTable.weeks`). */
  byVolunteer: { volunteerId: string; name: string; counts: AttendanceCounts }[];
  /** Every kind of meeting held within the weeks shown. */
  byKind: Record<MeetingKind, AttendanceCounts>;
  weekly: AttendancePoint[];
  /** The last six months, the current one last. */
  monthly: AttendancePoint[];
}

export interface HeldMeeting {
  meetingId: string;
  kind: MeetingKind;
  title: string;
  day: CalendarDay;
  /** Volunteers present (by the attendance rows), and the participant count a lead typed, if any. */
  present: number;
  participants?: number;
}

export interface QuarterBlock {
  /** '2026-Q4' */
  quarter: string;
  first: CalendarDay;
  last: CalendarDay;
  events: { held: number; planned: number; required: number; met: boolean };
  meetups: { held: number; planned: number };
  cfpCalls: { held: number; planned: number; attendedByLeads: number };
  /** Calls, meetups and events per month of the quarter. */
  months: { month: string; cfpCalls: number; meetups: number; events: number }[];
  /** Meetings held this quarter, in time order. */
  held: HeldMeeting[];
}

export interface OverdueReport {
  deliverableId: string;
  title: string;
  ownerVolunteerId: string;
  ownerName: string;
  dueOn: CalendarDay;
  daysOverdue: number;
}

/** Deliverables due this quarter up to today (waived ones left out). */
export interface ReportsBlock {
  quarter: string;
  due: number;
  /** Submitted on or before the due day. */
  onTime: number;
  late: number;
  /** Still pending after the due day. */
  pendingOverdue: number;
  /** onTime ÷ due, or null when nothing was due. */
  onTimeRate: number | null;
  /** Due later this quarter, not submitted yet. */
  upcoming: number;
  /** Every pending deliverable past its due day (any quarter), most overdue first. */
  overdue: OverdueReport[];
}

export interface AtRiskRow {
  volunteerId: string;
  name: string;
  role: VolunteerRole;
  rosterStatus: VolunteerStatus;
  standing: Exclude<Standing, 'active'>;
  reasonCodes: ReasonCode[];
  /** The rules engine's sentences. */
  reasons: string[];
  daysWithoutCommunication: number;
  hoursThisWeek: number;
  commitment: number;
  warnings: number;
  /** Why no step is taken for now ('new member', 'on leave', 'override'), if any. */
  exemptions: string[];
}

export interface RoleHours {
  role: VolunteerRole;
  /** Current members with the role. */
  volunteers: number;
  names: string[];
  /** Their weekly commitments added up. */
  commitment: number;
  /** Their hours a week, averaged over the weeks shown. */
  hoursPerWeek: number;
}

export interface DeliverableStatusLine {
  /** The latest of the kind by due day; undefined when the tab has none. */
  title?: string;
  dueOn?: CalendarDay;
  state: 'none' | 'on time' | 'late' | 'overdue' | 'not due yet' | 'waived';
}

/** DESIGN.md "Role metrics the dashboards must show". */
export interface RoleMetrics {
  organizer: { activeProjectsWithPartners: number; completedProjects: number; impactStories: number; hoursThisQuarter: number };
  manager: {
    /** Distinct partners of projects not dropped. */
    partners: number;
    /** Monthly progress updates due this quarter so far. */
    monthlyReports: { due: number; onTime: number; late: number; overdue: number };
    /** The 'mid-year report' deliverable of this year (CfP's mid-year survey). */
    midYearSurvey: DeliverableStatusLine;
    annualReport: DeliverableStatusLine;
  };
  deliveryLead: { activeProjects: number; completedProjects: number; redeployments: number };
  communityOrganizer: { newMembers: number; activeMembers: number; activeCitizens: number; newCitizens: number };
  storyteller: Record<StoryKind, number> & { views: number; reactions: number; shares: number };
  /** Every role: hours a week against commitment. */
  hours: RoleHours[];
}

export const KPI_KEYS = [
  'events',
  'meetups',
  'cfpCallsAttended',
  'activeMembers',
  'newMembers',
  'hours',
  'reportsOnTime',
  'stories',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export interface Kpi {
  key: KpiKey;
  /** As the dashboard shows it, e.g. 'Events held'. */
  label: string;
  unit: 'count' | 'hours' | 'percent';
  actual: number;
  target: number;
  /** actual ≥ target; 'behind' otherwise (for the quarter so far, while it runs). */
  status: 'met' | 'behind';
  /** The same figure for the quarter before. */
  previous: number;
  trend: 'up' | 'down' | 'same';
}

/** The quarter's KPIs against the lead's targets (Settings), with the quarter before for trend. */
export interface QuarterlyReview {
  quarter: string;
  first: CalendarDay;
  last: CalendarDay;
  previousQuarter: string;
  /** The quarter has ended (by `today`); otherwise the figures are for the quarter so far. */
  complete: boolean;
  kpis: Kpi[];
  met: number;
  behind: number;
}

export interface QuarterlyReviewInput {
  records: DashboardRecords;
  /** The quarter reviewed, e.g. '2026-Q4'. */
  quarter: string;
  today: CalendarDay;
  now: Instant;
  settings: Settings;
}

/** The Dashboard tab's figures, plain data. */
export interface CilDashboard {
  cilName: string;
  today: CalendarDay;
  now: Instant;
  headline: DashboardHeadline;
  weeklyHours: WeeklyHoursTable;
  attendance: AttendanceBlock;
  quarter: QuarterBlock;
  reports: ReportsBlock;
  /** Standing at risk or inactive today, inactive first. */
  atRisk: AtRiskRow[];
  roles: RoleMetrics;
  review: QuarterlyReview;
}
