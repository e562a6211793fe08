import { requireAdmin } from '../deployment-admin';
import { rosterCil } from '../roster/roster-cil';
import { DAILY_HANDLER, forgetDailyRunCursor } from './daily-run';
import { WEEKLY_HANDLER } from './weekly-run';
import { messageOf } from '../error-message';

// The schedule: one daily trigger for the accountability check and one weekly trigger for the period's
// recurring deliverables. Triggers belong to the deployment (one set, whatever the number of CILs),
// so the hour and time zone are those of the CIL whose spreadsheet is open. Turning it on again
// replaces the triggers (so a changed "Daily check hour" takes effect) and never adds a second set.
// Only the deployment's admin turns it on or off: the triggers run as, and mail from, their owner
// (deployment-admin.ts).

const HANDLERS = [DAILY_HANDLER, WEEKLY_HANDLER];
/**
 * Set while the admin's schedule is on. A person sees only their own triggers ("all installable
 * triggers associated with the current project and current user", ScriptApp.getProjectTriggers), so
 * a co-lead learns from this script property whether the admin's schedule runs.
 */
const SCHEDULE_ON_PROPERTY = 'schedule:on';

export interface Schedule {
  daily: { triggerId: string; hour: number; timeZone: string };
  weekly: { triggerId: string; weekDay: 'MONDAY'; hour: number; timeZone: string };
}

function deleteScheduleTriggers(): number {
  const ours = ScriptApp.getProjectTriggers().filter((trigger) => HANDLERS.includes(trigger.getHandlerFunction()));
  for (const trigger of ours) ScriptApp.deleteTrigger(trigger);
  return ours.length;
}

/** Whether the daily check is scheduled: for the admin their own triggers; the others are told by the admin's last turn on or off. */
export function scheduleIsOn(asAdmin: boolean): boolean {
  if (!asAdmin) return PropertiesService.getScriptProperties().getProperty(SCHEDULE_ON_PROPERTY) !== null;
  return ScriptApp.getProjectTriggers().some((trigger) => trigger.getHandlerFunction() === DAILY_HANDLER);
}

/** What a lead is told once the schedule is on. */
export function scheduleOnText({ daily }: Schedule): string {
  return `The daily check runs every day in the hour after ${daily.hour}:00 (${daily.timeZone}, Google picks the minute) for every CIL this deployment serves; the weekly tasks (the period's reports owed to CfP) every Monday at that hour.`;
}

export const SCHEDULE_OFF_TEXT = 'The daily check and the weekly tasks no longer run.';
export const SCHEDULE_WAS_OFF_TEXT = 'The schedule was not on; nothing changed.';

/** Entry point: the daily check at the Settings' "Daily check hour", and the weekly tasks on Monday at that hour. */
export function turnOnSchedule(cilId?: string | null): Schedule {
  requireAdmin('turn the daily check on');
  const { settings } = rosterCil(cilId);
  const { dailyCheckHour: hour, timeZone } = settings;
  forgetDailyRunCursor();
  deleteScheduleTriggers();
  const daily = ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(hour).inTimezone(timeZone).create();
  const weekly = ScriptApp.newTrigger(WEEKLY_HANDLER).timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(hour).inTimezone(timeZone).create();
  PropertiesService.getScriptProperties().setProperty(SCHEDULE_ON_PROPERTY, new Date().toISOString());
  return {
    daily: { triggerId: daily.getUniqueId(), hour, timeZone },
    weekly: { triggerId: weekly.getUniqueId(), weekDay: 'MONDAY', hour, timeZone },
  };
}

/** Entry point: deletes the schedule's triggers, a pending follow-up run's included. */
export function turnOffSchedule(): { deleted: number } {
  requireAdmin('turn the daily check off');
  forgetDailyRunCursor();
  PropertiesService.getScriptProperties().deleteProperty(SCHEDULE_ON_PROPERTY);
  return { deleted: deleteScheduleTriggers() };
}

/** Runs `work` and shows what it did, or the problem, in an alert: a menu item has no other way to answer. */
function showing(title: string, work: () => string): void {
  const ui = SpreadsheetApp.getUi();
  let text: string;
  try {
    text = work();
  } catch (error) {
    text = messageOf(error);
  }
  ui.alert(title, text, ui.ButtonSet.OK);
}

/** Menu "Turn on schedule", for the CIL whose spreadsheet is open. */
export function turnOnScheduleFromMenu(): void {
  showing('Turn on schedule', () => scheduleOnText(turnOnSchedule(undefined)));
}

/** Menu "Turn off schedule". */
export function turnOffScheduleFromMenu(): void {
  showing('Turn off schedule', () => (turnOffSchedule().deleted === 0 ? SCHEDULE_WAS_OFF_TEXT : SCHEDULE_OFF_TEXT));
}
