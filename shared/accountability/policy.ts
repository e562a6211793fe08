import type { DeliverableKind } from '../records/deliverable';
import type { MeetingKind } from '../records/meeting';
import type { Settings } from '../records/settings';

/**
 * The numbers of the inactivity policy that the Settings tab does not hold (yet). Each has a default
 * chosen from the CIL handbook's intent, several derived from a setting, and a caller (a test, a
 * future setting) may change any of them.
 */
export interface AccountabilityPolicy {
  /**
   * Meetings whose consecutive misses count: the handbook's "calls or meetups". Hack nights and events
   * are optional work sessions a volunteer picks, and a check-in is a one-to-one with a mentor.
   */
  countedMeetingKinds: readonly MeetingKind[];
  /** Deliverables that are "updates": not submitting one is a missing update (the other kinds are deadlines). */
  updateKinds: readonly DeliverableKind[];
  /**
   * A warning counts towards offboarding for this many days after it went out (a quarter, the period
   * of the CIL's own review), even if the volunteer became active in between; a reintegration clears it.
   */
  warningValidityDays: number;
  /**
   * Days a warned volunteer has to respond before the next step (second warning, offboarding) is due,
   * when they show no activity. Default: "Days without communication".
   */
  responseDays: number;
  /** From this ISO weekday (1 = Monday … 7 = Sunday) on, a volunteer behind on this week's hours gets a reminder. */
  hoursReminderFromWeekday: number;
  /** A pending deliverable due within this many days (today included) gets one reminder to its owner. */
  deadlineReminderDays: number;
  /**
   * A meeting that has not started yet and starts today or within this many days after today gets one
   * reminder to each volunteer expected at it. A window of whole days, not hours, so that the daily
   * run, at whatever hour it is set to (and a trigger may fire late in its hour), reminds of every
   * meeting on the day before it, and a second run later the same day finds nothing new. A meeting
   * added on its own day is still reminded that day, if it has not started.
   */
  meetingReminderDays: number;
  /** Silent for more than this many days is "at risk". Default: half of "Days without communication". */
  atRiskSilenceDays: number;
  /** Re-engagement terms after an appeal: hours logged since the appeal. Undefined: one week's commitment. */
  reintegrationHours: number | undefined;
  /** Re-engagement terms after an appeal: meetings (of any kind) attended since the appeal. */
  reintegrationMeetings: number;
  /** A CIL with a deliverable overdue by more than this many days is falling behind on its reports. */
  reportsOverdueDaysForCheckIn: number;
  /** A CIL with at least this share of its tracked members inactive is falling behind. */
  inactiveShareForCheckIn: number;
  /** …judged only when it tracks at least this many members (two of three is not a trend). */
  minimumMembersForShare: number;
}

export function defaultPolicy(settings: Pick<Settings, 'daysWithoutCommunication'>): AccountabilityPolicy {
  return {
    countedMeetingKinds: ['monthly CfP call', 'CIL meetup'],
    updateKinds: ['weekly summary', 'biweekly update', 'monthly progress update'],
    warningValidityDays: 90,
    responseDays: settings.daysWithoutCommunication,
    hoursReminderFromWeekday: 5,
    deadlineReminderDays: 3,
    meetingReminderDays: 1,
    atRiskSilenceDays: Math.floor(settings.daysWithoutCommunication / 2),
    reintegrationHours: undefined,
    reintegrationMeetings: 1,
    reportsOverdueDaysForCheckIn: 7,
    inactiveShareForCheckIn: 0.5,
    minimumMembersForShare: 3,
  };
}

export function resolvePolicy(
  settings: Pick<Settings, 'daysWithoutCommunication'>,
  overrides: Partial<AccountabilityPolicy> = {},
): AccountabilityPolicy {
  const policy: AccountabilityPolicy = { ...defaultPolicy(settings) };
  for (const [key, value] of Object.entries(overrides) as [keyof AccountabilityPolicy, never][]) {
    if (value !== undefined || key === 'reintegrationHours') policy[key] = value;
  }
  return policy;
}
