import { z } from '../zod';
import { utf8Length } from '../encoding/utf8';
import { ACCOUNTABILITY_KINDS } from '../records/accountability';
import { ATTENDANCE_STATUSES } from '../records/attendance';
import { MEETING_KINDS } from '../records/meeting';
import { VOLUNTEER_ROLES, VOLUNTEER_STATUSES } from '../records/volunteer';
import { calendarDaySchema } from '../time/calendar-day';
import { instantSchema } from '../time/instant';
import { apiError, apiErrorSchema, API_ERRORS, type ApiError, type ApiErrorCode } from './errors';
import { entryResultSchema } from './sync-entry';

/**
 * The extension ↔ backend contract, version 1. The extension POSTs a JSON body as text/plain (Apps
 * Script answers no CORS preflight) to the CIL's web app; every answer is a JSON envelope.
 */
export const API_VERSION = 1;
export const API_OPS = ['enroll', 'sync', 'summary'] as const;
export type ApiOp = (typeof API_OPS)[number];

/** Largest request body, in UTF-8 bytes. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Most entries in one sync request. */
export const MAX_ENTRIES = 500;

/** Which CIL an enrollment belongs to: a short name or the spreadsheet's id. */
export const cilIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be a CIL id (letters, digits, - and _)' });
/** The enrollment token the lead issued: random base64url, stored by the backend only as a hash. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, { error: 'must be an enrollment token' });

const envelope = { v: z.literal(API_VERSION), cil: cilIdSchema, token: tokenSchema };

/** Checks the token and answers who the volunteer is and for which CIL. */
export const enrollRequestSchema = z.object({ ...envelope, op: z.literal('enroll') });
/** Entries queued by the extension; each is checked on its own with syncEntrySchema. */
export const syncRequestSchema = z.object({
  ...envelope,
  op: z.literal('sync'),
  entries: z.array(z.unknown()).max(MAX_ENTRIES),
});
/** The volunteer's week at a glance, for the popup. */
export const summaryRequestSchema = z.object({ ...envelope, op: z.literal('summary') });

export const apiRequestSchema = z.discriminatedUnion('op', [enrollRequestSchema, syncRequestSchema, summaryRequestSchema]);
export type ApiRequest = z.output<typeof apiRequestSchema>;
export type EnrollRequest = z.output<typeof enrollRequestSchema>;
export type SyncRequest = z.output<typeof syncRequestSchema>;
export type SummaryRequest = z.output<typeof summaryRequestSchema>;

const cilSchema = z.object({ id: cilIdSchema, name: z.string(), timeZone: z.string() });

export const enrollResultSchema = z.object({
  volunteer: z.object({
    id: z.string(),
    name: z.string(),
    role: z.enum(VOLUNTEER_ROLES),
    /** Hours a week the volunteer has committed to (their own, or the CIL's default for their role). */
    weeklyCommitmentHours: z.number(),
  }),
  cil: cilSchema.extend({
    /** A Meet session shorter than this counts as absent; the extension can say so before it syncs. */
    minimumMinutesPresent: z.number(),
  }),
});
export const syncResultSchema = z.object({ results: z.array(entryResultSchema) });

const hoursAgainstCommitment = z.object({ period: z.string(), hours: z.number(), commitment: z.number() });

export const summaryResultSchema = z.object({
  volunteer: z.object({
    id: z.string(),
    name: z.string(),
    role: z.enum(VOLUNTEER_ROLES),
    status: z.enum(VOLUNTEER_STATUSES),
  }),
  cil: cilSchema,
  /** Today in the CIL's time zone. */
  today: calendarDaySchema,
  /** This ISO week's hours against the volunteer's weekly commitment. */
  week: hoursAgainstCommitment,
  /** This month's hours against the weekly commitment spread over the month's days (weekly × days / 7). */
  month: hoursAgainstCommitment,
  /** The volunteer's last meetings, newest first: one item per meeting (sessions of one meeting combined). */
  recentAttendance: z.array(
    z.object({
      /** Absent for a Meet session no meeting in the Meetings tab matched (yet). */
      meetingId: z.string().optional(),
      title: z.string().optional(),
      kind: z.enum(MEETING_KINDS).optional(),
      meetCode: z.string().optional(),
      /** The meeting's start, or the join time of an unmatched session. */
      at: instantSchema,
      status: z.enum(ATTENDANCE_STATUSES),
      minutes: z.number().optional(),
    }),
  ),
  /** Meetings the volunteer is expected at, not over yet and starting within 14 days, soonest first. */
  upcomingMeetings: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(MEETING_KINDS),
      title: z.string(),
      startsAt: instantSchema,
      endsAt: instantSchema,
      meetCode: z.string().optional(),
    }),
  ),
  /**
   * With `volunteer.status`, where the volunteer stands: the latest step of the inactivity policy a
   * lead approved or sent about them (a reminder, a warning…), or null when there is none.
   */
  lastStep: z.object({ kind: z.enum(ACCOUNTABILITY_KINDS), at: instantSchema }).nullable(),
});
export type EnrollResult = z.output<typeof enrollResultSchema>;
export type SyncResult = z.output<typeof syncResultSchema>;
export type SummaryResult = z.output<typeof summaryResultSchema>;

const errorResponseSchema = z.object({ v: z.literal(API_VERSION), ok: z.literal(false), error: apiErrorSchema });

/** `{v:1, ok:true, result}` or `{v:1, ok:false, error}` around `result`. */
export function responseSchemaOf<Result extends z.ZodType>(result: Result) {
  return z.discriminatedUnion('ok', [
    z.object({ v: z.literal(API_VERSION), ok: z.literal(true), result }),
    errorResponseSchema,
  ]);
}

export const responseSchemas = {
  enroll: responseSchemaOf(enrollResultSchema),
  sync: responseSchemaOf(syncResultSchema),
  summary: responseSchemaOf(summaryResultSchema),
} as const;

export type ApiResponse<Result> = { v: typeof API_VERSION; ok: true; result: Result } | ErrorResponse;
export type ErrorResponse = z.output<typeof errorResponseSchema>;

export function okResponse<Result>(result: Result): ApiResponse<Result> {
  return { v: API_VERSION, ok: true, result };
}

export function errorResponse(error: ApiError): ErrorResponse {
  return { v: API_VERSION, ok: false, error };
}

export type RequestRead = { ok: true; request: ApiRequest } | { ok: false; error: ApiError };

/**
 * A field's value as a message shows it: a short primitive as JSON, anything else by its kind. Never
 * the value itself: a hostile body may put 256 KB, or nesting deep enough to overflow JSON.stringify,
 * in any field.
 */
function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, 40))}…`;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

function refuse(code: ApiErrorCode, detail: string): RequestRead {
  return { ok: false, error: apiError(code, `${API_ERRORS[code].message} (${detail})`) };
}

/**
 * A request body as the backend receives it, checked step by step so each failure gets its own code:
 * size, JSON, version, op, token, entry count, then the envelope's shape. Entries are not checked
 * here; see checkSyncEntry.
 */
export function parseRequest(body: string): RequestRead {
  const bytes = utf8Length(body);
  if (bytes > MAX_BODY_BYTES) return refuse('body_too_large', `${bytes} bytes; the limit is ${MAX_BODY_BYTES}`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return refuse('malformed_json', error instanceof Error ? error.message : 'not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return refuse('invalid_request', 'the body must be a JSON object');
  }
  const fields = json as Record<string, unknown>;
  if (fields.v !== API_VERSION) {
    return refuse('unsupported_version', `the request is version ${shown(fields.v)}; this web app speaks version ${API_VERSION}`);
  }
  if (!API_OPS.includes(fields.op as ApiOp)) {
    return refuse('unknown_op', `op ${shown(fields.op)} is not one of ${API_OPS.join(', ')}`);
  }
  if (fields.token === undefined || fields.token === null || fields.token === '') {
    return refuse('missing_token', 'the request has no token');
  }
  if (fields.op === 'sync' && Array.isArray(fields.entries) && fields.entries.length > MAX_ENTRIES) {
    return refuse('too_many_entries', `${fields.entries.length} entries; the limit is ${MAX_ENTRIES}`);
  }
  const parsed = apiRequestSchema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')} ${issue.message}` : issue.message))
      .join('; ');
    return refuse('invalid_request', detail);
  }
  return { ok: true, request: parsed.data };
}
