import vm from 'node:vm';
import type { WorkspaceState, ExecutionRecord, TriggerState } from '../workspace';
import { createExecutionContext, type ExecutionMeter, type ExecutionSurface } from '../execution';
import { createServices } from '../services';
import { releaseLocksOf } from '../services/lock-service';
import { nextRunOf, isOneShot } from '../services/trigger-schedule';
import { fail, googleErrors } from '../google-errors';
import { createBoundary } from './boundary';
import { refusalFor } from './auth-mode';
import { createScriptContext } from './script-realm';
import type { AppsScriptBundle } from './apps-script-bundle';

export type ExecutionTrigger = ExecutionRecord['trigger'];

export interface ExecutionResult {
  executionId: string;
  functionName: string;
  /** What the function returned, as host values (Google objects stay as the service objects). */
  value: unknown;
  /** The uncaught error's "Name: message", as Apps Script's execution log shows it; null when it completed. */
  error: string | null;
  meter: ExecutionMeter;
  startedAt: Date;
  endedAt: Date;
}

export interface RunOptions extends ExecutionSurface {
  trigger?: ExecutionTrigger;
  /**
   * Lets another execution run in the middle of this one, just before its `afterCalls`-th service call:
   * how two web app requests interleave in Google, for tests of locking and lost updates.
   */
  interleave?: { afterCalls: number; run(): void };
}

/** Globals that are part of the runtime rather than a Google service: their calls are not counted. */
const uncountedGlobals = new Set(['console']);

/** Real time a runaway script may take before the sandbox stops it; Apps Script's 6-minute limit is kept on the simulated clock. */
const realTimeBackstopMillis = 5 * 60 * 1000;

/**
 * Runs a built Apps Script bundle against a Workspace state, as Apps Script would: each execution in
 * a fresh context with the services as globals, counted, on the simulated clock.
 */
export class Sandbox {
  constructor(
    readonly state: WorkspaceState,
    readonly bundle: AppsScriptBundle,
  ) {}

  /**
   * Runs one execution of `functionName`. `args` may be a function of the execution's services, for
   * event objects that carry Google objects (onOpen's `e.source`).
   */
  run(functionName: string, args: unknown[] | ((services: Record<string, object>) => unknown[]) = [], options: RunOptions = {}): ExecutionResult {
    const state = this.state;
    const executionId = `exec-${state.nextId++}`;
    const ctx = createExecutionContext(state, executionId, options);
    const startedAt = ctx.now();
    // Workspace add-on executions (homepage, contextual triggers, card actions) stop at 30 s
    // (developers.google.com/apps-script/guides/services/quotas).
    const limit = options.trigger === 'add-on' ? ctx.quotas.addOnExecutionMillis : ctx.quotas.executionMillis;
    const deadline = startedAt.getTime() + limit;
    const { context, realm } = createScriptContext(() => state.clock.getTime());
    const authMode = options.authMode ?? 'FULL';
    const grantedScopes = this.bundle.manifest?.oauthScopes ?? null;
    const interleave = options.interleave;
    let callsMade = 0;
    const boundary = createBoundary(realm, ctx.meter, (method) => {
      if (state.clock.getTime() > deadline) fail(googleErrors.executionTimeLimit());
      const refusal = refusalFor(authMode, method, grantedScopes);
      if (refusal) fail(refusal);
      if (interleave && ++callsMade === interleave.afterCalls) interleave.run();
    });
    const services = createServices(ctx);
    for (const [name, service] of Object.entries(services)) {
      context[name] = boundary.expose(service, name, !uncountedGlobals.has(name));
    }

    let value: unknown;
    let error: string | null = null;
    // A script's local-time Date methods use the project's time zone, not the machine's.
    const hostTimeZone = process.env.TZ;
    process.env.TZ = state.scriptTimeZone;
    try {
      if (!this.bundle.entryPoints.includes(functionName)) {
        throw new Error(googleErrors.scriptFunctionNotFound(functionName));
      }
      this.bundle.script.runInContext(context, { timeout: realTimeBackstopMillis });
      context.__sandboxArguments = boundary.toScript(typeof args === 'function' ? args(services) : args);
      const call = `(function (args) { delete globalThis.__sandboxArguments; return ${functionName}.apply(null, args); })(globalThis.__sandboxArguments)`;
      value = boundary.toHost(vm.runInContext(call, context, { timeout: realTimeBackstopMillis }));
    } catch (thrown) {
      error = describeError(thrown);
    } finally {
      releaseLocksOf(state, executionId);
      if (hostTimeZone === undefined) delete process.env.TZ;
      else process.env.TZ = hostTimeZone;
    }
    const endedAt = ctx.now();
    state.executions.push({
      id: executionId,
      functionName,
      trigger: options.trigger ?? 'call',
      startedAt,
      endedAt,
      status: error === null ? 'completed' : 'failed',
      error,
      serviceCalls: ctx.meter.serviceCalls,
      cellsRead: ctx.meter.cellsRead,
      cellsWritten: ctx.meter.cellsWritten,
    });
    return { executionId, functionName, value, error, meter: ctx.meter, startedAt, endedAt };
  }

  /**
   * Moves the clock forward by `millis`, running each time-driven trigger when it falls due, in time
   * order (a trigger due twice in the span runs twice), and returns what ran.
   */
  advance(millis: number): ExecutionResult[] {
    const target = this.state.clock.getTime() + millis;
    const ran: ExecutionResult[] = [];
    for (;;) {
      const due = this.state.triggers
        .filter((trigger) => trigger.nextRunAt !== null && trigger.nextRunAt.getTime() <= target)
        .sort((a, b) => a.nextRunAt!.getTime() - b.nextRunAt!.getTime() || a.createdAt.getTime() - b.createdAt.getTime())[0];
      if (!due) break;
      const firesAt = due.nextRunAt!;
      if (firesAt.getTime() > this.state.clock.getTime()) this.state.clock = new Date(firesAt.getTime());
      // A one-shot trigger stays listed (and counts toward the 20-trigger limit) until the script deletes it.
      due.nextRunAt = isOneShot(due.schedule) ? null : nextRunOf(due, firesAt, this.state.scriptTimeZone);
      ran.push(this.#runAsOwner(due, [timeDrivenEvent(due.id, firesAt)]));
    }
    if (target > this.state.clock.getTime()) this.state.clock = new Date(target);
    return ran;
  }

  /**
   * A person opens the spreadsheet: its onOpen simple trigger runs (LIMITED mode, with the UI), which
   * is how the add-on's menu appears. Answers null when the script has no onOpen, or reaches the person
   * only as a Workspace add-on (`state.workspaceAddOnOnly`), whose simple triggers Google never runs.
   */
  openSpreadsheet(spreadsheetId: string): ExecutionResult | null {
    if (!this.state.spreadsheets[spreadsheetId]) throw new Error(`No spreadsheet with id ${spreadsheetId}.`);
    if (!this.bundle.entryPoints.includes('onOpen') || this.state.workspaceAddOnOnly === true) return null;
    // developers.google.com/apps-script/guides/triggers/events#open
    return this.run(
      'onOpen',
      (services) => [
        {
          authMode: 'LIMITED',
          source: (services.SpreadsheetApp as { openById(id: string): object }).openById(spreadsheetId),
          user: { email: this.state.user.email },
        },
      ],
      { trigger: 'simple trigger', authMode: 'LIMITED', activeSpreadsheetId: spreadsheetId, hasUi: true },
    );
  }

  /**
   * A person installs the script as an Editor add-on from inside the spreadsheet: its onInstall runs in
   * FULL mode with the UI (developers.google.com/apps-script/guides/triggers#oninstalle), which is where
   * an add-on builds its menu the first time, before the spreadsheet is next opened. Answers null when
   * the script has no onInstall.
   */
  installEditorAddOn(spreadsheetId: string): ExecutionResult | null {
    if (!this.state.spreadsheets[spreadsheetId]) throw new Error(`No spreadsheet with id ${spreadsheetId}.`);
    // Installed as an Editor add-on, its simple triggers run from now on, Workspace add-on or not.
    delete this.state.workspaceAddOnOnly;
    if (!this.bundle.entryPoints.includes('onInstall')) return null;
    // developers.google.com/apps-script/guides/triggers/events#install
    return this.run('onInstall', [{ authMode: 'FULL' }], { trigger: 'simple trigger', authMode: 'FULL', activeSpreadsheetId: spreadsheetId, hasUi: true });
  }

  /** A person picks an item of the script's menu in the spreadsheet. */
  chooseMenuItem(spreadsheetId: string, functionName: string, uiResponses: RunOptions['uiResponses'] = []): ExecutionResult {
    const offered = this.state.ui.menus
      .filter((menu) => menu.spreadsheetId === spreadsheetId)
      .flatMap((menu) => menu.items.flatMap((item) => ('subMenu' in item ? item.items : 'functionName' in item ? [item] : [])));
    if (!offered.some((item) => item.functionName === functionName)) {
      throw new Error(`The menu of spreadsheet ${spreadsheetId} has no item that runs ${functionName}.`);
    }
    return this.run(functionName, [], { trigger: 'menu', activeSpreadsheetId: spreadsheetId, hasUi: true, uiResponses });
  }

  /** Runs a trigger now, whatever its schedule, as the sandbox UI's "run now" does. */
  runTrigger(triggerId: string): ExecutionResult {
    const trigger = this.state.triggers.find((t) => t.id === triggerId);
    if (!trigger) throw new Error(`No trigger with id ${triggerId}.`);
    return this.#runAsOwner(trigger, [timeDrivenEvent(trigger.id, this.state.clock)]);
  }

  /**
   * "Installable triggers always run under the account of the person who created them"
   * (developers.google.com/apps-script/guides/triggers/installable): the execution is that person's,
   * whoever is at the keyboard in the sandbox.
   */
  #runAsOwner(trigger: TriggerState, args: unknown[]): ExecutionResult {
    const person = this.state.user;
    this.state.user = { ...person, email: trigger.owner, domain: trigger.owner.split('@')[1] ?? '' };
    try {
      return this.run(trigger.handler, args, { trigger: 'time-driven' });
    } finally {
      this.state.user = person;
    }
  }
}

/** The event object of a time-driven trigger (developers.google.com/apps-script/guides/triggers/events#time-driven_events). */
function timeDrivenEvent(triggerUid: string, at: Date): Record<string, unknown> {
  return {
    authMode: 'FULL',
    triggerUid,
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    'day-of-month': at.getUTCDate(),
    'day-of-week': at.getUTCDay() === 0 ? 7 : at.getUTCDay(),
    'week-of-year': isoWeekNumber(at),
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    second: at.getUTCSeconds(),
    timezone: 'UTC',
  };
}

function isoWeekNumber(at: Date): number {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = day - weekday * 86_400_000 + 3 * 86_400_000;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - yearStart) / (7 * 86_400_000)) + 1;
}

function describeError(thrown: unknown): string {
  if (thrown && typeof thrown === 'object' && 'message' in thrown) {
    const name = 'name' in thrown && typeof thrown.name === 'string' ? thrown.name : 'Error';
    return `${name}: ${String(thrown.message)}`;
  }
  return `Error: ${String(thrown)}`;
}
