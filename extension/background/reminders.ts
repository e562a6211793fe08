import type { SummaryResult } from '../../shared/api/protocol';
import type { NoticeSyncEntry } from '../../shared/api/sync-entry';
import { MATCH_MARGIN_MINUTES } from '../../shared/records/meeting-matching';
import { weekdayOf } from '../../shared/time/calendar-day';
import { instantMs } from '../../shared/time/instant';
import { periodRange, weekOf } from '../../shared/time/period';
import { wallClockOf } from '../../shared/time/zone';
import { z } from '../../shared/zod';
import { t } from '../i18n';
import type { QueuedEntry } from '../messages';
import { readEnrollment } from './enrollment-store';
import { openMeetCodes } from './meet-sessions';
import { listQueue } from './queue';
import { readSettings, type Settings } from './settings';
import { readCachedSummary } from './summary-cache';
import { refreshSummary } from './sync';

// Two notifications, both in the CIL's time zone and never in the volunteer's quiet hours:
// - once a week, from the configured day and hour (default Friday 18:00), when the hours logged this
//   week (the last summary's, plus hours still queued) are below the weekly commitment;
// - some minutes before a CIL meeting the volunteer is expected at (the summary's upcoming meetings)
//   that has neither attendance (they are in the call already) nor a notice given from this browser.
// A periodic alarm checks; a notification shown is remembered, so none is shown twice. A reminder
// whose moment fell in quiet hours (or while the browser was closed) comes at the end of them, as long
// as its week, or its meeting, has not passed.

export const REMINDER_ALARM = 'cil-hub-reminders';
/** Often enough for a "30 minutes before" reminder to come 25–30 minutes before. */
export const REMINDER_PERIOD_MINUTES = 5;

const NOTIFICATION_PREFIX = 'cil-hub-';
const REMINDERS_KEY = 'reminders';
const MINUTE_MS = 60_000;
const MARGIN_MS = MATCH_MARGIN_MINUTES * MINUTE_MS;
/** Notices are remembered this long: long enough for any meeting in the summary's 14 days ahead. */
const NOTICE_MEMORY_MS = 30 * 24 * 60 * MINUTE_MS;

// A small "hub" mark in CIL Hub blue; notifications need an icon and the extension ships none yet.
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAvklEQVR42u2a0Q2AQAhD/XdA13YjXcGEtkAtiZ9e+3Lx4MDjSBjFed3Pl2el6XEwVeNtIGjjUhC2eRqEyjgFpMs8BKLbfBmCISYDYItQ11d+aBQt9XEH1es6q2G6ndmyrD2hZil5QAEw3oUAIAzQ1lAmKcouqDMsfBcqgowaJwABCEAAzI7R8YlsfSnxi2JufDm9/kJjcaVcf6m3aKusb2xZtBYtmrvr2+sWAw6LEZPNkM9izGoz6Lb51SBRjBfkZST0OuQmMgAAAABJRU5ErkJggg==';

const GivenNotice = z.object({
  meetCode: z.string().optional(),
  startsAt: z.string().optional(),
  title: z.string().optional(),
  givenAt: z.string(),
});
type GivenNotice = z.output<typeof GivenNotice>;

const RemindersMemory = z.object({
  /** The ISO week ('2026-W48') whose hours reminder was shown. */
  weekReminded: z.string().optional().catch(undefined),
  /** Meetings whose reminder was shown (ids; pruned once the meeting has started). */
  meetingsReminded: z.array(z.string()).catch([]),
  /** Notices of absence given from this browser, to tell which meetings need no reminder. */
  noticesGiven: z.array(GivenNotice).catch([]),
});
type RemindersMemory = z.output<typeof RemindersMemory>;

async function readMemory(): Promise<RemindersMemory> {
  const stored = (await chrome.storage.local.get(REMINDERS_KEY))[REMINDERS_KEY];
  return RemindersMemory.parse(typeof stored === 'object' && stored !== null ? stored : {});
}

async function writeMemory(memory: RemindersMemory): Promise<void> {
  await chrome.storage.local.set({ [REMINDERS_KEY]: memory });
}

export async function forgetReminders(): Promise<void> {
  await chrome.storage.local.remove(REMINDERS_KEY);
}

/** Whether `hour` (0–23, CIL time) is in the quiet hours, which may run past midnight (21 → 8). */
export function isQuiet(hour: number, settings: Settings): boolean {
  const { quietHoursStart: start, quietHoursEnd: end } = settings;
  if (start === end) return false;
  return start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

/** The ISO week whose hours reminder is due at `now`, or undefined: not yet, already shown, or quiet. */
export function weekReminderDue(now: Date, timeZone: string, settings: Settings, weekReminded: string | undefined): string | undefined {
  if (!settings.weeklyReminder) return undefined;
  const wall = wallClockOf(now, timeZone);
  if (isQuiet(wall.hour, settings)) return undefined;
  const weekday = weekdayOf(wall.day);
  const reached =
    weekday > settings.weeklyReminderWeekday || (weekday === settings.weeklyReminderWeekday && wall.hour >= settings.weeklyReminderHour);
  const week = weekOf(wall.day);
  return reached && week !== weekReminded ? week : undefined;
}

/** Hours logged in `week`: the summary's, when it is of that week, plus hours still waiting to be sent. */
export function hoursOfWeek(week: string, summary: SummaryResult | null, queue: readonly QueuedEntry[]): number {
  const { first, last } = periodRange(week);
  let hours = summary?.week.period === week ? summary.week.hours : 0;
  for (const { entry, state } of queue) {
    if (state === 'pending' && entry.kind === 'hours' && entry.day >= first && entry.day <= last) hours += entry.hours;
  }
  return Math.round(hours * 100) / 100;
}

type UpcomingMeeting = SummaryResult['upcomingMeetings'][number];

const ms = (instant: string | undefined) => (instant === undefined ? undefined : instantMs(instant));
const sameText = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether a notice given from this browser is for `meeting`: its Meet code, or its title, at about its time. */
export function noticeIsFor(notice: GivenNotice, meeting: UpcomingMeeting): boolean {
  const noticeStart = ms(notice.startsAt);
  const meetingStart = ms(meeting.startsAt)!;
  const nearInTime = noticeStart !== undefined && Math.abs(noticeStart - meetingStart) <= MARGIN_MS;
  if (notice.meetCode !== undefined && notice.meetCode === meeting.meetCode) return noticeStart === undefined || nearInTime;
  return nearInTime && sameText(notice.title, meeting.title);
}

/** Meetings to remind of at `now`: starting within the lead time, and with no attendance, notice or reminder yet. */
export function meetingsToRemind(
  now: Date,
  timeZone: string,
  settings: Settings,
  summary: SummaryResult,
  memory: RemindersMemory,
  inCall: ReadonlySet<string>,
): UpcomingMeeting[] {
  const lead = settings.meetingReminderMinutes * MINUTE_MS;
  if (lead === 0 || isQuiet(wallClockOf(now, timeZone).hour, settings)) return [];
  const attended = new Set(summary.recentAttendance.map((item) => item.meetingId));
  return summary.upcomingMeetings.filter((meeting) => {
    const starts = ms(meeting.startsAt)!;
    if (now.getTime() < starts - lead || now.getTime() >= starts) return false;
    if (memory.meetingsReminded.includes(meeting.id) || attended.has(meeting.id)) return false;
    if (meeting.meetCode !== undefined && inCall.has(meeting.meetCode)) return false;
    return !memory.noticesGiven.some((notice) => noticeIsFor(notice, meeting));
  });
}

/** Remembers a notice of absence given from this browser, so its meeting gets no reminder. */
export async function rememberNotice(entry: NoticeSyncEntry, now: Date): Promise<void> {
  if (entry.noticeKind !== 'absence notice') return;
  const memory = await readMemory();
  const recent = memory.noticesGiven.filter((notice) => now.getTime() - (ms(notice.givenAt) ?? 0) < NOTICE_MEMORY_MS);
  const { meetCode, startsAt, title, givenAt } = entry;
  recent.push({ givenAt, ...(meetCode ? { meetCode } : {}), ...(startsAt ? { startsAt } : {}), ...(title ? { title } : {}) });
  await writeMemory({ ...memory, noticesGiven: recent });
}

export async function ensureReminderAlarm(): Promise<void> {
  if (await chrome.alarms.get(REMINDER_ALARM)) return;
  await chrome.alarms.create(REMINDER_ALARM, { delayInMinutes: 1, periodInMinutes: REMINDER_PERIOD_MINUTES });
}

function clockText(instant: string, timeZone: string): string {
  const { hour, minute } = wallClockOf(new Date(ms(instant)!), timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

async function notify(id: string, title: string, message: string): Promise<void> {
  await chrome.notifications.create(NOTIFICATION_PREFIX + id, { type: 'basic', iconUrl: ICON, title, message, priority: 1 });
}

/** The alarm's check: shows what is due at `now`. Nothing without an enrollment. */
export async function checkReminders(now: Date): Promise<void> {
  const enrollment = await readEnrollment();
  if (!enrollment) return;
  const timeZone = enrollment.cil.timeZone;
  const [settings, memory] = await Promise.all([readSettings(), readMemory()]);

  const week = weekReminderDue(now, timeZone, settings, memory.weekReminded);
  if (week !== undefined) {
    // Hours sent since the last summary are in neither the summary nor the queue: ask for a fresh one.
    await refreshSummary();
    const summary = (await readCachedSummary())?.summary ?? null;
    const hours = hoursOfWeek(week, summary, await listQueue());
    const commitment = summary?.week.period === week ? summary.week.commitment : enrollment.volunteer.weeklyCommitmentHours;
    if (hours < commitment) {
      const number = new Intl.NumberFormat(t('pageLanguage'), { maximumFractionDigits: 2 });
      await notify(`week-${week}`, t('notifyWeekTitle'), t('notifyWeekMessage', [number.format(hours), number.format(commitment)]));
    }
    memory.weekReminded = week;
  }

  const summary = (await readCachedSummary())?.summary;
  if (summary) {
    for (const meeting of meetingsToRemind(now, timeZone, settings, summary, memory, await openMeetCodes())) {
      await notify(`meeting-${meeting.id}`, t('notifyMeetingTitle', [meeting.title, clockText(meeting.startsAt, timeZone)]), t('notifyMeetingMessage'));
      memory.meetingsReminded.push(meeting.id);
    }
    const upcoming = new Set(summary.upcomingMeetings.filter((meeting) => (ms(meeting.startsAt) ?? 0) > now.getTime()).map((meeting) => meeting.id));
    memory.meetingsReminded = memory.meetingsReminded.filter((id) => upcoming.has(id));
  }
  await writeMemory(memory);
}

/**
 * A click on one of CIL Hub's notifications opens the popup, where the volunteer logs hours or sees
 * the meeting; in a tab when Chrome cannot open the popup (no focused window).
 */
export async function openFromNotification(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  await chrome.notifications.clear(notificationId);
  try {
    await chrome.action.openPopup();
  } catch {
    const popup = chrome.runtime.getManifest().action?.default_popup ?? 'popup/index.html';
    await chrome.tabs.create({ url: chrome.runtime.getURL(popup) });
  }
}
