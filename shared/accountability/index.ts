// The accountability rules engine: evaluateCil and what it reads and returns.
export { evaluateCil } from './evaluate';
export { defaultPolicy, resolvePolicy, type AccountabilityPolicy } from './policy';
export {
  backToActiveKey,
  deadlineReminderKey,
  hoursReminderKey,
  meetingReminderKey,
  MENTOR_CHECK_IN_REASONS,
  mentorCheckInKey,
  nationalMentorCheckInKey,
  normalCheckKey,
  offboardingKey,
  overrideKey,
  overrideUntil,
  reintegrationKey,
  warningKey,
  type MentorCheckInReason,
} from './check-keys';
export { isLogged, logEventOf, type LogRowOptions } from './log-rows';
export {
  attendanceByMeeting,
  isPriorTo,
  lateNoticesFor,
  meetingAttendance,
  meetingFactsOf,
  noticeArrivedMs,
  priorNoticeFor,
  rowMinutes,
  type MeetingAttendance,
  type MeetingFacts,
} from './meeting-outcomes';
export * from './types';
