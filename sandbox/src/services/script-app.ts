import type { ExecutionContext } from '../execution';
import type { TriggerSchedule, TriggerState } from '../workspace';
import { fail, googleErrors } from '../google-errors';
import { isTimeZone } from '../../../shared/time/zone';
import { WEEK_DAYS, nextRunAfter, weekDayAt, zonedInstant } from './trigger-schedule';

// ScriptApp (developers.google.com/apps-script/reference/script/script-app): installable triggers,
// kept in `state.triggers` and fired by the runtime when their `nextRunAt` comes, and the project's
// identity (script id, web app URL, OAuth token).

/** A project id shaped like Google's (57 characters); the sandbox has exactly one project. */
export const SCRIPT_ID = '1CilHubSandboxScriptProject'.padEnd(57, '0');


const enumOf = <const T extends readonly string[]>(names: T): { readonly [K in T[number]]: K } =>
  Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as { readonly [K in T[number]]: K };

const WeekDay = enumOf(WEEK_DAYS);
const EventType = enumOf(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const);
const TriggerSource = enumOf(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);
const AuthMode = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
const AuthorizationStatus = enumOf(['REQUIRED', 'NOT_REQUIRED'] as const);

// developers.google.com/apps-script/reference/script/clock-trigger-builder#everyminutesn, #everyhoursn
const MINUTE_INTERVALS = [1, 5, 10, 15, 30];
const HOUR_INTERVALS = [1, 2, 4, 6, 8, 12];

type SpreadsheetEvent = Extract<TriggerSchedule, { kind: 'spreadsheetEvent' }>['event'];

/** A trigger as the script holds it: a view of one stored trigger. */
export class Trigger {
  readonly #id: string;
  readonly #handler: string;
  readonly #schedule: TriggerSchedule;

  constructor(stored: TriggerState) {
    this.#id = stored.id;
    this.#handler = stored.handler;
    this.#schedule = stored.schedule;
  }

  getUniqueId(): string {
    return this.#id;
  }

  getHandlerFunction(): string {
    return this.#handler;
  }

  getEventType(): string {
    return this.#schedule.kind === 'spreadsheetEvent' ? this.#schedule.event : EventType.CLOCK;
  }

  getTriggerSource(): string {
    return this.#schedule.kind === 'spreadsheetEvent' ? TriggerSource.SPREADSHEETS : TriggerSource.CLOCK;
  }

  /** The spreadsheet's id for a spreadsheet trigger; null for a clock trigger (it has no source document). */
  getTriggerSourceId(): string | null {
    return this.#schedule.kind === 'spreadsheetEvent' ? this.#schedule.spreadsheetId : null;
  }
}

function storeTrigger(ctx: ExecutionContext, handler: string, schedule: TriggerSchedule, timeZone: string | null): Trigger {
  const owner = ctx.state.user.email;
  // 20 triggers per user per script (developers.google.com/apps-script/guides/services/quotas).
  if (ctx.state.triggers.filter((t) => t.owner === owner).length >= ctx.quotas.triggersPerUserPerScript) {
    fail(googleErrors.tooManyTriggers());
  }
  const now = ctx.now();
  const stored: TriggerState = {
    id: ctx.newId('trigger-'),
    handler,
    owner,
    schedule,
    createdAt: now,
    // A one-shot trigger set in the past runs as soon as the runtime looks, hence `at` as it is.
    nextRunAt:
      schedule.kind === 'at' ? new Date(schedule.at.getTime()) : nextRunAfter(schedule, now, timeZone ?? ctx.state.scriptTimeZone, now),
    timeZone,
  };
  ctx.state.triggers.push(stored);
  return new Trigger(stored);
}

type Recurrence =
  | { kind: 'everyMinutes' | 'everyHours' | 'everyDays' | 'everyWeeks'; n: number }
  | { kind: 'at'; at: Date }
  | { kind: 'after'; millis: number }
  | { kind: 'atDate'; year: number; month: number; day: number };

const describe = (recurrence: Recurrence): string => {
  switch (recurrence.kind) {
    case 'at':
      return `at(${recurrence.at.toISOString()})`;
    case 'after':
      return `after(${recurrence.millis})`;
    case 'atDate':
      return `atDate(${recurrence.year}, ${recurrence.month}, ${recurrence.day})`;
    default:
      return `${recurrence.kind}(${recurrence.n})`;
  }
};

const isWholeNumber = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

export class ClockTriggerBuilder {
  readonly #ctx: ExecutionContext;
  readonly #handler: string;
  #recurrence: Recurrence | null = null;
  #weekDay: string | null = null;
  #hour: number | null = null;
  #minute: number | null = null;
  #timeZone: string | null = null;

  constructor(ctx: ExecutionContext, handler: string) {
    this.#ctx = ctx;
    this.#handler = handler;
  }

  #recur(recurrence: Recurrence): this {
    if (this.#recurrence) fail(googleErrors.triggerRecurrenceConflict(describe(this.#recurrence), describe(recurrence)));
    this.#recurrence = recurrence;
    return this;
  }

  everyMinutes(n: number): this {
    if (!MINUTE_INTERVALS.includes(n)) fail(googleErrors.triggerIntervalInvalid('minute', '1, 5, 10, 15 or 30'));
    return this.#recur({ kind: 'everyMinutes', n });
  }

  everyHours(n: number): this {
    if (!HOUR_INTERVALS.includes(n)) fail(googleErrors.triggerIntervalInvalid('hour', '1, 2, 4, 6, 8 or 12'));
    return this.#recur({ kind: 'everyHours', n });
  }

  everyDays(n: number): this {
    if (!isWholeNumber(n) || n < 1) fail(googleErrors.triggerIntervalNotPositive('day'));
    return this.#recur({ kind: 'everyDays', n });
  }

  everyWeeks(n: number): this {
    if (!isWholeNumber(n) || n < 1) fail(googleErrors.triggerIntervalNotPositive('week'));
    return this.#recur({ kind: 'everyWeeks', n });
  }

  /** One run at `date` (developers.google.com/apps-script/reference/script/clock-trigger-builder#atdate). */
  at(date: Date): this {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) fail(googleErrors.invalidArgument('date'));
    return this.#recur({ kind: 'at', at: new Date(date.getTime()) });
  }

  /** One run `millis` from now; Google says "won't be less than" that, the sandbox runs it exactly then. */
  after(millis: number): this {
    if (!isWholeNumber(millis) || millis < 0) fail(googleErrors.invalidArgument('durationMilliseconds'));
    return this.#recur({ kind: 'after', millis });
  }

  /** One run on that date, at atHour:nearMinute if given, else midnight ("near midnight" at Google). */
  atDate(year: number, month: number, day: number): this {
    const valid = isWholeNumber(year) && isWholeNumber(month) && isWholeNumber(day) && month >= 1 && month <= 12 && day >= 1;
    if (!valid || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) fail(googleErrors.invalidArgument('day'));
    return this.#recur({ kind: 'atDate', year, month, day });
  }

  onWeekDay(day: string): this {
    if (!(WEEK_DAYS as readonly unknown[]).includes(day)) fail(googleErrors.invalidArgument('day'));
    this.#weekDay = day;
    return this;
  }

  atHour(hour: number): this {
    if (!isWholeNumber(hour) || hour < 0 || hour > 23) fail(googleErrors.triggerHourOutOfRange());
    this.#hour = hour;
    return this;
  }

  nearMinute(minute: number): this {
    if (!isWholeNumber(minute) || minute < 0 || minute > 59) fail(googleErrors.triggerMinuteOutOfRange());
    this.#minute = minute;
    return this;
  }

  inTimezone(timeZone: string): this {
    if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) fail(googleErrors.invalidArgument('timezone'));
    this.#timeZone = timeZone;
    return this;
  }

  create(): Trigger {
    return storeTrigger(this.#ctx, this.#handler, this.#schedule(), this.#timeZone);
  }

  #schedule(): TriggerSchedule {
    const recurrence = this.#recurrence;
    const weekly = this.#weekDay !== null;
    if (!recurrence && !weekly) fail(googleErrors.triggerWithoutSchedule());
    if (weekly && recurrence && recurrence.kind !== 'everyWeeks') {
      fail(googleErrors.triggerRecurrenceConflict(describe(recurrence), `onWeekDay(${this.#weekDay})`));
    }
    const daily = weekly || recurrence?.kind === 'everyDays' || recurrence?.kind === 'everyWeeks' || recurrence?.kind === 'atDate';
    if ((this.#hour !== null || this.#minute !== null) && !daily) fail(googleErrors.triggerTimeOfDayNeedsDays());
    const timeZone = this.#timeZone ?? this.#ctx.state.scriptTimeZone;
    const now = this.#ctx.now();
    switch (recurrence?.kind) {
      case 'everyMinutes':
        return { kind: 'everyMinutes', minutes: recurrence.n };
      case 'everyHours':
        return { kind: 'everyHours', hours: recurrence.n };
      case 'everyDays':
        return { kind: 'everyDays', days: recurrence.n, atHour: this.#hour, nearMinute: this.#runMinute() };
      case 'at':
        return { kind: 'at', at: recurrence.at };
      case 'after':
        return { kind: 'at', at: new Date(now.getTime() + recurrence.millis) };
      case 'atDate':
        return {
          kind: 'at',
          at: zonedInstant(recurrence.year, recurrence.month, recurrence.day, this.#hour ?? 0, this.#minute ?? 0, timeZone),
        };
      default:
        // everyWeeks(n) without onWeekDay runs on the weekday it was made; onWeekDay alone is weekly.
        return {
          kind: 'everyWeeks',
          weeks: recurrence?.n ?? 1,
          onWeekDay: this.#weekDay ?? weekDayAt(now, timeZone),
          atHour: this.#hour,
          nearMinute: this.#runMinute(),
        };
    }
  }

  /**
   * The minute a daily or weekly trigger really runs at. Google picks one when the trigger is made and
   * keeps it ("if you create a recurring 9 a.m. trigger, Apps Script chooses a time between 9 a.m. and
   * 10 a.m., then keeps that timing consistent from day to day"; nearMinute is ±15 minutes). The
   * sandbox picks it the same way, from a hash of the handler and the state's id counter, so runs are
   * reproducible yet code cannot rely on :00.
   */
  #runMinute(): number | null {
    if (this.#hour === null) return this.#minute;
    let hash = 2166136261;
    for (const c of `${this.#handler}#${this.#ctx.state.nextId}`) hash = Math.imul(hash ^ c.charCodeAt(0), 16777619) >>> 0;
    if (this.#minute === null) return hash % 60;
    return Math.min(59, Math.max(0, this.#minute + (hash % 31) - 15));
  }
}

export class SpreadsheetTriggerBuilder {
  readonly #ctx: ExecutionContext;
  readonly #handler: string;
  readonly #spreadsheetId: string;
  #event: SpreadsheetEvent | null = null;

  constructor(ctx: ExecutionContext, handler: string, spreadsheetId: string) {
    this.#ctx = ctx;
    this.#handler = handler;
    this.#spreadsheetId = spreadsheetId;
  }

  onOpen(): this {
    this.#event = 'ON_OPEN';
    return this;
  }

  onEdit(): this {
    this.#event = 'ON_EDIT';
    return this;
  }

  onChange(): this {
    this.#event = 'ON_CHANGE';
    return this;
  }

  onFormSubmit(): this {
    this.#event = 'ON_FORM_SUBMIT';
    return this;
  }

  create(): Trigger {
    if (!this.#event) fail(googleErrors.triggerWithoutEvent());
    return storeTrigger(this.#ctx, this.#handler, { kind: 'spreadsheetEvent', event: this.#event, spreadsheetId: this.#spreadsheetId }, null);
  }
}

/** The id of a Spreadsheet object (any service's, by its documented getId()) or of an id string. */
function spreadsheetIdOf(ctx: ExecutionContext, spreadsheet: unknown): string {
  const id =
    typeof spreadsheet === 'string'
      ? spreadsheet
      : typeof (spreadsheet as { getId?: unknown } | null)?.getId === 'function'
        ? String((spreadsheet as { getId(): unknown }).getId())
        : fail(googleErrors.invalidArgument('spreadsheet'));
  if (!ctx.state.spreadsheets[id]) fail(googleErrors.driveItemNotFound());
  return id;
}

export class TriggerBuilder {
  readonly #ctx: ExecutionContext;
  readonly #handler: string;

  constructor(ctx: ExecutionContext, handler: string) {
    this.#ctx = ctx;
    this.#handler = handler;
  }

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.#ctx, this.#handler);
  }

  forSpreadsheet(spreadsheet: unknown): SpreadsheetTriggerBuilder {
    return new SpreadsheetTriggerBuilder(this.#ctx, this.#handler, spreadsheetIdOf(this.#ctx, spreadsheet));
  }
}

class Service {
  #ctx: ExecutionContext;

  constructor(ctx: ExecutionContext) {
    this.#ctx = ctx;
  }

  /**
   * The sandbox's web app is its own server, so codes and links made by the script work locally; null
   * when the workspace models a script with no web app deployment, as Google answers then.
   */
  getUrl(): string | null {
    return this.#ctx.state.webAppUrl;
  }

  isEnabled(): boolean {
    return this.#ctx.state.webAppUrl !== null;
  }
}

class AuthorizationInfo {
  getAuthorizationStatus(): string {
    return AuthorizationStatus.NOT_REQUIRED;
  }

  /** Null when no authorization is required, as Google documents. */
  getAuthorizationUrl(): string | null {
    return null;
  }
}

export function createScriptApp(ctx: ExecutionContext) {
  const ownTriggers = () => ctx.state.triggers.filter((t) => t.owner === ctx.state.user.email);
  return {
    WeekDay,
    EventType,
    TriggerSource,
    AuthMode,
    AuthorizationStatus,

    newTrigger(functionName: string): TriggerBuilder {
      if (typeof functionName !== 'string' || functionName === '') fail(googleErrors.invalidArgument('functionName'));
      return new TriggerBuilder(ctx, functionName);
    },

    /** The current user's installable triggers in this project. */
    getProjectTriggers(): Trigger[] {
      return ownTriggers().map((stored) => new Trigger(stored));
    },

    /** The current user's triggers for this script in the given spreadsheet. */
    getUserTriggers(spreadsheet: unknown): Trigger[] {
      const id = spreadsheetIdOf(ctx, spreadsheet);
      return ownTriggers()
        .filter((t) => t.schedule.kind === 'spreadsheetEvent' && t.schedule.spreadsheetId === id)
        .map((stored) => new Trigger(stored));
    },

    deleteTrigger(trigger: unknown): void {
      if (!(trigger instanceof Trigger)) fail(googleErrors.invalidArgument('trigger'));
      const index = ctx.state.triggers.findIndex((t) => t.id === trigger.getUniqueId());
      if (index < 0) fail(googleErrors.triggerNotFound());
      ctx.state.triggers.splice(index, 1);
    },

    getScriptId(): string {
      return SCRIPT_ID;
    },

    getService(): Service {
      return new Service(ctx);
    },

    /** An opaque access token, shaped like Google's (`ya29.…`); nothing in the sandbox checks it. */
    getOAuthToken(): string {
      return `ya29.sandbox-${ctx.executionId}`;
    },

    getAuthorizationInfo(authMode: string): AuthorizationInfo {
      if (!(authMode in AuthMode)) fail(googleErrors.invalidArgument('authMode'));
      return new AuthorizationInfo();
    },
  };
}
