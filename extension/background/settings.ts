import { z } from '../../shared/zod';

// The volunteer's own settings for what the service worker does on its own: which Meet sessions count
// and when it reminds. Kept in chrome.storage.local under SETTINGS_KEY (the options page may write
// them). Every field falls back to its default on its own, so one bad value (an older version's, or
// one typed by hand in the devtools) changes nothing else.

export const SETTINGS_KEY = 'settings';

const whole = (min: number, max: number, fallback: number) => z.number().int().min(min).max(max).catch(fallback);

export const Settings = z.object({
  /**
   * Meet sessions shorter than this many minutes are dropped (a mis-click, a wrong link). When unset,
   * the CIL's own "minimum minutes to count present" from the enrollment applies, else 5.
   */
  minimumSessionMinutes: z.number().min(0).max(600).optional().catch(undefined),
  /** A rejoin of the same Meet code within this many minutes of leaving continues the same session. */
  rejoinMergeMinutes: z.number().min(0).max(60).catch(5),
  /** The weekly "your hours lag your commitment" reminder, in the CIL's time zone. */
  weeklyReminder: z.boolean().catch(true),
  /** ISO weekday, 1 = Monday … 7 = Sunday (default Friday). */
  weeklyReminderWeekday: whole(1, 7, 5),
  weeklyReminderHour: whole(0, 23, 18),
  /** No notification from this hour until `quietHoursEnd` (CIL time); equal hours mean no quiet hours. */
  quietHoursStart: whole(0, 23, 21),
  quietHoursEnd: whole(0, 23, 8),
  /** Minutes before a CIL meeting to remind of it when it has neither attendance nor notice; 0 turns it off. */
  meetingReminderMinutes: whole(0, 240, 30),
});
export type Settings = z.output<typeof Settings>;

/** Default when no session minimum is set and the enrollment names none. */
export const DEFAULT_MINIMUM_SESSION_MINUTES = 5;

export async function readSettings(): Promise<Settings> {
  const stored = (await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return Settings.parse(typeof stored === 'object' && stored !== null ? stored : {});
}
