import type { AccountabilityEvent, AccountabilityKind } from '../records/accountability';
import type { Attendance } from '../records/attendance';
import type { Deliverable } from '../records/deliverable';
import type { HoursEntry } from '../records/hours';
import type { Meeting } from '../records/meeting';
import type { Notice } from '../records/notice';
import type { Project } from '../records/project';
import type { Settings } from '../records/settings';
import type { Volunteer, VolunteerStatus } from '../records/volunteer';
import type { CalendarDay } from '../time/calendar-day';
import type { Instant } from '../time/instant';
import type { AccountabilityPolicy } from './policy';

/** The CIL's records as the tabs hold them (rows that failed validation left out by the reader). */
export interface CilRecords {
  volunteers: readonly Volunteer[];
  meetings: readonly Meeting[];
  attendance: readonly Attendance[];
  notices: readonly Notice[];
  hours: readonly HoursEntry[];
  deliverables: readonly Deliverable[];
  /** For the offboarding handover (projects the volunteer leads); optional. */
  projects?: readonly Project[];
  /** The accountability log: earlier steps, appeals, overrides. */
  log: readonly AccountabilityEvent[];
}

export interface EvaluateInput extends CilRecords {
  /** Today in the CIL's time zone. */
  today: CalendarDay;
  /** The moment of the check (an ISO UTC instant within `today`). Rows dated after it are not seen yet. */
  now: Instant;
  settings: Settings;
  /** Changes to the policy's defaults (policy.ts). */
  policy?: Partial<AccountabilityPolicy>;
}

/** Where the policy puts a volunteer today. */
export const STANDINGS = ['active', 'at risk', 'inactive'] as const;
export type Standing = (typeof STANDINGS)[number];

/** Tab names as in the CIL spreadsheet, so a lead can find each row. */
export type EvidenceTab =
  | 'Volunteers'
  | 'Meetings'
  | 'Attendance'
  | 'Notices'
  | 'Hours'
  | 'Deliverables'
  | 'Projects'
  | 'Accountability log';

/** A row a finding rests on: its tab and id, the day it is about, and what it shows. */
export interface EvidenceRef {
  tab: EvidenceTab;
  id: string;
  day?: CalendarDay;
  what: string;
}

export const REASON_CODES = [
  'missed meetings',
  'no communication',
  'missed deadline',
  'missing update',
  'offboarded',
  'alumni',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  code: ReasonCode;
  /** 'inactive' is the policy's inactivity; 'at risk' is one step short of it. */
  severity: 'inactive' | 'at risk';
  /** One sentence for a lead and the volunteer, with dates and the rows' ids. */
  summary: string;
  /** For inactivity: the first day it held (the episode it starts is what a warning's key names). */
  since?: CalendarDay;
  evidence: EvidenceRef[];
}

export const EXEMPTION_KINDS = ['new member', 'on leave', 'override'] as const;
export type ExemptionKind = (typeof EXEMPTION_KINDS)[number];

/** Why no steps are taken for a volunteer today; their standing is still worked out and shown. */
export interface Exemption {
  kind: ExemptionKind;
  /** Last exempt day; undefined for the roster status 'on leave', which has no end date. */
  until?: CalendarDay;
  evidence: EvidenceRef[];
}

export interface WarningCount {
  /** Warnings approved or sent within the validity period and since the last reintegration. */
  counted: number;
  eventIds: string[];
  /** When the last of them went out (email sent, else approved). */
  lastAt?: string;
  /** First activity after the last warning, if any: the warning was answered. */
  activeAgainAt?: string;
}

export interface ReintegrationProgress {
  appealEventId: string;
  appealedAt: string;
  hoursSince: number;
  hoursNeeded: number;
  meetingsSince: number;
  meetingsNeeded: number;
  met: boolean;
  evidence: EvidenceRef[];
}

export interface VolunteerAssessment {
  volunteerId: string;
  name: string;
  rosterStatus: VolunteerStatus;
  standing: Standing;
  reasons: Reason[];
  exemptions: Exemption[];
  /** Last contact of any kind, as the communication rule reads it; undefined when none since joining. */
  lastCommunication?: EvidenceRef;
  /** Days the communication rule counts as silent today (from the last contact, joining, leave or settlement). */
  daysWithoutCommunication: number;
  /** The unbroken run of expected calls and meetups missed without notice, most recent last. */
  consecutiveMisses: EvidenceRef[];
  /** Pending deliverables past their due day, whether or not they still count (settled, excused). */
  overdueDeliverables: EvidenceRef[];
  weeklyCommitment: number;
  /** Hours logged for this ISO week (Monday to today). */
  hoursThisWeek: number;
  warnings: WarningCount;
  /** Evidence up to this instant is settled (a dismissed step, a warning answered, a reintegration, an override). */
  settledBefore?: string;
  reintegration?: ReintegrationProgress;
}

export const CIL_REASON_CODES = ['no event this quarter', 'no CfP call', 'CfP call without leads', 'reports overdue', 'many inactive'] as const;
export type CilReasonCode = (typeof CIL_REASON_CODES)[number];

export interface CilReason {
  code: CilReasonCode;
  /** The period it is about: '2026-Q4', '2026-10'. */
  period: string;
  summary: string;
  evidence: EvidenceRef[];
}

export interface CilAssessment {
  fallingBehind: boolean;
  reasons: CilReason[];
  counts: {
    volunteers: number;
    /** On the roster as active or warned, not on leave, not new: the members the policy applies to. */
    tracked: number;
    active: number;
    atRisk: number;
    inactive: number;
    onLeave: number;
    newMembers: number;
  };
}

export const ACTION_TYPES = [
  'hours reminder',
  'deadline reminder',
  'meeting reminder',
  'warning',
  'offboarding',
  'back to active',
  'reintegration',
  'mentor check-in',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const HANDOVER_ITEMS = ['projects', 'deliverables', 'calendar', 'drive', 'token', 'roster'] as const;
export type HandoverItem = (typeof HANDOVER_ITEMS)[number];

export interface HandoverStep {
  item: HandoverItem;
  text: string;
  refs: EvidenceRef[];
}

/** A step due today that is not in the log yet. */
export interface ProposedAction {
  /** The accountability log's kind for the row. */
  kind: AccountabilityKind;
  type: ActionType;
  checkKey: string;
  /** Undefined for a step about the whole CIL. */
  volunteerId?: string;
  /**
   * The status its log row starts with: 'proposed' for a lead to approve in review mode (warnings,
   * offboardings, reintegrations, mentor check-ins), else 'approved'.
   */
  logStatus: 'proposed' | 'approved';
  /** A volunteer may not opt out of it (reminders are optional; policy steps are not). */
  mandatory: boolean;
  /** The Evidence column: the reasons in words, with dates and row ids. */
  evidenceText: string;
  evidence: EvidenceRef[];
  reasons: (Reason | CilReason)[];
  /** The roster status the step leads to once carried out. */
  setsRosterStatus?: VolunteerStatus;
  /** 1 for the first warning, 2 for the second… */
  warningNumber?: number;
  handover?: HandoverStep[];
  terms?: ReintegrationProgress;
}

/** A step due today that the log already holds (so it is not proposed again). */
export interface LoggedAction {
  checkKey: string;
  eventId: string;
  status: AccountabilityEvent['status'];
}

export interface CilEvaluation {
  today: CalendarDay;
  now: Instant;
  volunteers: VolunteerAssessment[];
  cil: CilAssessment;
  /** New steps, in a stable order: each volunteer in roster order, then the CIL's. */
  actions: ProposedAction[];
  /** Steps due today already in the log. */
  alreadyLogged: LoggedAction[];
  /** Steps due today held back by a lead's override, or while an earlier step waits for a lead. */
  held: { checkKey: string; why: 'override' | 'awaiting lead' }[];
  /**
   * Warnings and offboardings still 'proposed' in the log that today's records no longer support (the
   * volunteer is not inactive, is exempt, or has left the roster): the pending list should tell the
   * lead before approving.
   */
  outdated: OutdatedStep[];
}

export interface OutdatedStep {
  eventId: string;
  checkKey?: string;
  volunteerId: string;
  why: 'no longer inactive' | 'exempt today' | 'not on the active roster';
}
