// The Apps Script entry points, and nothing else: each export becomes a top-level function in Code.js.
export { about } from './about';
export { doGet } from './web-app/do-get';
export { onOpen } from './menu';
export { setUpCil, setUpThisCil } from './cil/set-up-cil';
export { doPost } from './web-app/do-post';
export { addVolunteer } from './roster/add-volunteer';
export { openAddVolunteerSidebar } from './sidebar/add-volunteer-sidebar';
export { sendEnrollment, revokeEnrollment, reissueEnrollment } from './roster/enrollment';
export { sendEnrollmentFromMenu, revokeEnrollmentFromMenu, reissueEnrollmentFromMenu } from './roster/enrollment-menu';
export { setUpDemoCil } from './demo/set-up-demo-cil';
export { openLinkAttendanceSidebar } from './sidebar/link-attendance-sidebar';
export { linkAttendance } from './attendance/link-attendance';
export { turnOnSchedule, turnOffSchedule, turnOnScheduleFromMenu, turnOffScheduleFromMenu } from './accountability/schedule';
export { runDailyCheck, previewDailyCheck } from './accountability/daily-run';
export { runWeeklyTasks } from './accountability/weekly-run';
export { approveAction, dismissAction, openPendingActionsSidebar } from './accountability/pending-actions';
export { sendDeferredMail } from './mail/send-deferred-mail';
export { openDailyCheckPreviewSidebar } from './sidebar/daily-check-preview-sidebar';
