import { z } from '../shared/zod';
import { enrollResultSchema, summaryResultSchema } from '../shared/api/protocol';
import { hoursSyncEntrySchema, syncEntrySchema } from '../shared/api/sync-entry';
import { instantSchema } from '../shared/time/instant';
import { calendarDaySchema } from '../shared/time/calendar-day';
import { meetCodeSchema } from '../shared/meet-code';

// Every message between extension contexts is checked against these schemas when it arrives, in the
// service worker: the sender may be an older page left open across an update, or a content script on
// a page that is not ours to trust. Content scripts carry no zod (they must stay small); they send
// plain objects of these shapes and the service worker validates them.

// ---- what the service worker keeps and reports --------------------------------------------------

/** The volunteer this browser is enrolled as, from the enrollment code and the backend's `enroll`. */
export const Enrollment = z.strictObject({
  webAppUrl: z.string().url(),
  cilId: z.string(),
  ...enrollResultSchema.shape,
  enrolledAt: instantSchema,
});
export type Enrollment = z.infer<typeof Enrollment>;

/** An entry waiting in this browser's queue (IndexedDB), or one the backend rejected, with why. */
export const QueuedEntry = z.strictObject({
  entry: syncEntrySchema,
  state: z.enum(['pending', 'rejected']),
  /** The backend's reason for a rejected entry, or the last failure of a pending one. */
  reason: z.string().optional(),
  queuedAt: instantSchema,
  attempts: z.number().int().nonnegative(),
});
export type QueuedEntry = z.infer<typeof QueuedEntry>;

export const SyncState = z.strictObject({
  /** 'offline': the network or the web app cannot be reached; 'waiting': backing off after a failure. */
  state: z.enum(['idle', 'syncing', 'offline', 'waiting', 'signed-out']),
  lastSyncAt: instantSchema.optional(),
  lastError: z.string().optional(),
  nextAttemptAt: instantSchema.optional(),
});
export type SyncState = z.infer<typeof SyncState>;

// ---- the volunteer's own settings ---------------------------------------------------------------

const hourOfDay = z.number().int().min(0).max(23);

/**
 * The rule of each setting of what the service worker does on its own (which Meet sessions count,
 * when it reminds). background/settings.ts reads stored settings with these rules (a bad value falls
 * back to its default there); `save-settings` refuses a value that breaks one.
 */
export const settingRules = {
  /** Meet sessions shorter than this many minutes are dropped; unset: the CIL's minimum. */
  minimumSessionMinutes: z.number().min(0).max(600),
  /** A rejoin of the same Meet code within this many minutes of leaving continues the same session. */
  rejoinMergeMinutes: z.number().min(0).max(60),
  /** The weekly "your hours lag your commitment" reminder, in the CIL's time zone. */
  weeklyReminder: z.boolean(),
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weeklyReminderWeekday: z.number().int().min(1).max(7),
  weeklyReminderHour: hourOfDay,
  /** No notification from this hour until `quietHoursEnd` (CIL time); equal hours mean no quiet hours. */
  quietHoursStart: hourOfDay,
  quietHoursEnd: hourOfDay,
  /** Minutes before a CIL meeting to remind of it when it has neither attendance nor notice; 0: never. */
  meetingReminderMinutes: z.number().int().min(0).max(240),
};

/** The settings in effect, as pages see them; no `minimumSessionMinutes`: the CIL's minimum applies. */
export const SettingsView = z.strictObject({ ...settingRules, minimumSessionMinutes: settingRules.minimumSessionMinutes.optional() });
export type SettingsView = z.infer<typeof SettingsView>;

export const Status = z.strictObject({
  enrollment: Enrollment.nullable(),
  queue: z.array(QueuedEntry),
  sync: SyncState,
  /** The last `summary` from the backend, kept so the popup shows something offline. */
  summary: summaryResultSchema.nullable(),
  summaryAt: instantSchema.optional(),
  /** The volunteer's settings, for the options page (optional: added after the first release of this shape). */
  settings: SettingsView.optional(),
});
export type Status = z.infer<typeof Status>;

// ---- from the popup and the options page --------------------------------------------------------

export const StatusRequest = z.strictObject({ type: z.literal('status') });
/** Paste of the code from the enrollment email; the service worker checks it with `enroll`. */
export const EnrollRequest = z.strictObject({ type: z.literal('enroll'), code: z.string().max(4096) });
export const SignOutRequest = z.strictObject({ type: z.literal('sign-out') });
/** The popup's "log hours" form; the service worker adds the id and the time. */
export const LogHoursRequest = z.strictObject({
  type: z.literal('log-hours'),
  hours: hoursSyncEntrySchema.pick({ day: true, hours: true, category: true, projectId: true, note: true }),
});
/** Try sending now (every pending entry, or sends a rejected one again after the volunteer fixed nothing but wants to). */
export const SyncNowRequest = z.strictObject({ type: z.literal('sync-now') });
export const DiscardRequest = z.strictObject({ type: z.literal('discard'), id: z.uuid() });
/**
 * The options page changes settings: only the ones named; `minimumSessionMinutes: null` goes back to
 * the CIL's minimum. Answered with the status, whose `settings` are the ones now in effect.
 */
export const SaveSettingsRequest = z.strictObject({
  type: z.literal('save-settings'),
  settings: z
    .strictObject(settingRules)
    .partial()
    .extend({ minimumSessionMinutes: settingRules.minimumSessionMinutes.nullable().optional() }),
});
export type SettingsChange = z.infer<typeof SaveSettingsRequest>['settings'];

// ---- from the content scripts ------------------------------------------------------------------

/** The volunteer's own Meet session, as the Meet content script sees it. */
export const MeetSessionEvent = z.strictObject({
  type: z.literal('meet-session'),
  event: z.enum(['join', 'heartbeat', 'leave']),
  /** `<meet code>/<join time>`, the same for every event of one session. */
  sessionKey: z.string().max(200),
  meetCode: meetCodeSchema,
  title: z.string().max(500).optional(),
  at: instantSchema,
});

/**
 * The enrollment email's link opened on Google's answer page: the service worker shows the options
 * page with this code filled in. It does not enroll: that stays the volunteer's click on "Enroll".
 */
export const EnrollmentLinkRequest = z.strictObject({ type: z.literal('enrollment-link'), code: z.string().max(4096) });

const calendarEvent = z.strictObject({
  eventId: z.string().max(1024),
  title: z.string().max(500).optional(),
  startsAt: instantSchema.optional(),
  endsAt: instantSchema.optional(),
  meetCode: meetCodeSchema.optional(),
});

/** A click on the CIL Hub control of a Calendar event. */
export const CalendarAction = z.discriminatedUnion('action', [
  z.strictObject({ type: z.literal('calendar-action'), action: z.literal('log-attendance'), event: calendarEvent }),
  z.strictObject({ type: z.literal('calendar-action'), action: z.literal('cant-attend'), event: calendarEvent, reason: z.string().max(2000).optional() }),
  z.strictObject({ type: z.literal('calendar-action'), action: z.literal('log-hours'), event: calendarEvent, day: calendarDaySchema, hours: z.number() }),
]);

/** Everything the service worker answers, told apart by `type` (calendar actions also by `action`). */
export const BackgroundRequest = z.union([
  z.discriminatedUnion('type', [StatusRequest, EnrollRequest, SignOutRequest, LogHoursRequest, SyncNowRequest, DiscardRequest, SaveSettingsRequest, MeetSessionEvent, EnrollmentLinkRequest]),
  CalendarAction,
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;

/** Every answer: what was asked for, or a message a volunteer can act on. */
export const Reply = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), status: Status }),
  z.strictObject({ ok: z.literal(false), message: z.string() }),
]);
export type Reply = z.infer<typeof Reply>;
