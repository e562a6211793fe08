import { z } from '../../shared/zod';
import { settingRules, type SettingsChange } from '../messages';

// The volunteer's own settings for what the service worker does on its own: which Meet sessions count
// and when it reminds. Kept in chrome.storage.local under SETTINGS_KEY (the options page changes them
// with `save-settings`). Every field falls back to its default on its own, so one bad value (an older
// version's, or one typed by hand in the devtools) changes nothing else.

export const SETTINGS_KEY = 'settings';

/** Every setting by the contract's rule (messages.ts), each with its own fallback. */
export const Settings = z.object({
  /** Unset: the CIL's own "minimum minutes to count present" from the enrollment applies, else 5. */
  minimumSessionMinutes: settingRules.minimumSessionMinutes.optional().catch(undefined),
  rejoinMergeMinutes: settingRules.rejoinMergeMinutes.catch(5),
  weeklyReminder: settingRules.weeklyReminder.catch(true),
  /** Default Friday, 18:00. */
  weeklyReminderWeekday: settingRules.weeklyReminderWeekday.catch(5),
  weeklyReminderHour: settingRules.weeklyReminderHour.catch(18),
  quietHoursStart: settingRules.quietHoursStart.catch(21),
  quietHoursEnd: settingRules.quietHoursEnd.catch(8),
  meetingReminderMinutes: settingRules.meetingReminderMinutes.catch(30),
});
export type Settings = z.output<typeof Settings>;

/** Default when no session minimum is set and the enrollment names none. */
export const DEFAULT_MINIMUM_SESSION_MINUTES = 5;

export async function readSettings(): Promise<Settings> {
  const stored = (await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return Settings.parse(typeof stored === 'object' && stored !== null ? stored : {});
}

/** Applies the options page's change (already checked against the rules) to the stored settings. */
export async function saveSettings(change: SettingsChange): Promise<void> {
  const { minimumSessionMinutes, ...rest } = change;
  const next: Settings = { ...(await readSettings()), ...rest };
  if (minimumSessionMinutes !== undefined) next.minimumSessionMinutes = minimumSessionMinutes ?? undefined;
  // Stored without an unset minimum: undefined is not a value chrome.storage keeps.
  const { minimumSessionMinutes: minimum, ...always } = next;
  await chrome.storage.local.set({ [SETTINGS_KEY]: minimum === undefined ? always : next });
}
