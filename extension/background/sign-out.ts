import { forgetEnrollment } from './enrollment-store';
import { forgetMeetSessions } from './meet-sessions';
import { clearQueue } from './queue';
import { forgetReminders } from './reminders';
import { forgetSummary } from './summary-cache';
import { clearRetryAlarm } from './sync-alarm';
import { forgetSyncRecord } from './sync-state';

/**
 * Sign-out forgets everything of the volunteer's in this browser: enrollment and token, the summary,
 * open Meet sessions, reminders, and the entries still queued. Those belong to the volunteer and could
 * only be sent with the token being forgotten, and keeping them would risk sending them in the name of
 * whoever enrolls next; so the options page shows how many there are and asks before sending `sign-out`.
 */
export async function signOut(): Promise<void> {
  await forgetEnrollment();
  await Promise.all([forgetSummary(), forgetSyncRecord(), forgetReminders(), forgetMeetSessions(), clearRetryAlarm()]);
  await clearQueue();
}
