import type { AccountabilityKind } from '../../shared/records/accountability';
import type { AttendanceStatus } from '../../shared/records/attendance';
import type { HoursCategory } from '../../shared/records/hours';
import type { MeetingKind } from '../../shared/records/meeting';
import type { VolunteerRole, VolunteerStatus } from '../../shared/records/volunteer';
import { t, type MessageKey } from '../i18n';

// The CIL's words (stored in the sheet in English) as the volunteer's language shows them. Each table
// names every value, so a value added to the shared records without a label is a compile error.

const CATEGORY: Record<HoursCategory, MessageKey> = {
  'project work': 'categoryProjectWork',
  meetings: 'categoryMeetings',
  events: 'categoryEvents',
  outreach: 'categoryOutreach',
  research: 'categoryResearch',
  'writing & reporting': 'categoryWritingReporting',
  mentoring: 'categoryMentoring',
  learning: 'categoryLearning',
  other: 'categoryOther',
};

const ROLE: Record<VolunteerRole, MessageKey> = {
  organizer: 'roleOrganizer',
  manager: 'roleManager',
  'delivery lead': 'roleDeliveryLead',
  'community organizer': 'roleCommunityOrganizer',
  storyteller: 'roleStoryteller',
  member: 'roleMember',
};

const STANDING: Record<VolunteerStatus, MessageKey> = {
  active: 'standingActive',
  'on leave': 'standingOnLeave',
  warned: 'standingWarned',
  offboarded: 'standingOffboarded',
  alumni: 'standingAlumni',
};

const STEP: Record<AccountabilityKind, MessageKey> = {
  reminder: 'stepReminder',
  warning: 'stepWarning',
  'mentor check-in': 'stepMentorCheckIn',
  offboarding: 'stepOffboarding',
  appeal: 'stepAppeal',
  reintegration: 'stepReintegration',
  note: 'stepNote',
};

const MEETING: Record<MeetingKind, MessageKey> = {
  'monthly CfP call': 'meetingMonthlyCall',
  'CIL meetup': 'meetingMeetup',
  'hack night': 'meetingHackNight',
  event: 'meetingEvent',
  'check-in': 'meetingCheckIn',
};

const ATTENDANCE: Record<AttendanceStatus, MessageKey> = {
  present: 'attendancePresent',
  'absent with notice': 'attendanceAbsentWithNotice',
  absent: 'attendanceAbsent',
};

export const categoryLabel = (category: HoursCategory) => t(CATEGORY[category]);
export const roleLabel = (role: VolunteerRole) => t(ROLE[role]);
export const standingLabel = (status: VolunteerStatus) => t(STANDING[status]);
export const stepLabel = (kind: AccountabilityKind) => t(STEP[kind]);
export const meetingKindLabel = (kind: MeetingKind) => t(MEETING[kind]);
export const attendanceLabel = (status: AttendanceStatus) => t(ATTENDANCE[status]);
