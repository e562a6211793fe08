import { evaluateCil, logEventOf, type ActionType, type CilEvaluation, type ProposedAction } from '../../../shared/accountability';
import type { AccountabilityEvent, AccountabilityKind, AccountabilityStatus } from '../../../shared/records/accountability';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { instantFromDate, type Instant } from '../../../shared/time/instant';
import { dayOf } from '../../../shared/time/zone';
import { findCil, registeredCils, type RegisteredCil } from '../cil-registry';
import { busyForLead } from '../google/script-lock';
import { openCil, type OpenCil } from '../cil/open-cil';
import { emailForAction } from '../email/accountability/emails-for-actions';
import type { RecordRow } from '../google/tab-sheet';
import { inMailBatch, sendDeferred, type SendLimit } from '../mail/outbox';
import { appendLogEvents, rewriteLogRows } from '../records/accountability-log';
import { readCilRecords, type CilRecordsRead } from './cil-records';
import { refreshAfterCheck } from '../dashboard/refresh-dashboard';
import { rollUpAfterDailyCheck } from '../rollup/run-national-rollup';
import { serveReportQueue } from '../reports/report-queue';
import { emailContextOf, rowsNowSent, sendStepEmail, sentKeysOf, type MailOutcome } from './step-emails';
import { applyRosterSteps, type RosterChange, type RosterStep } from './roster-steps';
import { messageOf } from '../error-message';

// The daily check (issue 6): for every CIL this deployment serves, read each tab once, let the rules
// engine say what is due, write the new steps to the Accountability log with their evidence (one append
// per CIL) and carry out the approved ones. The engine proposes only steps whose check key is not in the
// log yet, so a second run on the same day finds nothing new.
//
// Apps Script stops an execution at 6 minutes. Before each CIL the run looks at the time it has used;
// past its budget it stops between CILs, remembers which are done (a script property) and sets a
// one-off trigger that carries on a minute later with the rest.
//
// Emails: after the log rows are appended, each approved step's email is sent (or deferred for quota,
// or skipped for a volunteer who turned reminders off), and the rows that went are marked 'sent' with
// one more write per CIL. The run first sends what earlier runs deferred and marks those rows too.
//
// The run also looks at the queue of reports asked for on the add-on card, and arms its trigger again
// if a stopped run left requests waiting with none to come (reports/report-queue.ts).
//
// The Dashboard is refreshed last, from the records as the run left them: its log rows, the emails it
// marked sent and the roster changes are applied to what it read, in memory, and the (pure, fast)
// rules engine evaluates them again, so a warning or an offboarding shows at once without reading the
// tabs again.

/** Time a run may use before it stops between CILs: well inside 6 minutes, leaving room for the CIL in hand. */
export const DAILY_RUN_BUDGET_MS = 270_000;
/** A script property that lowers the budget (milliseconds), for tests and for a deployment with slow sheets. */
export const BUDGET_PROPERTY = 'accountability:dailyRunBudgetMs';
/** Where a run that stopped early says which CILs are done and which trigger carries on. */
export const CURSOR_PROPERTY = 'accountability:dailyRunCursor';
export const DAILY_HANDLER = 'runDailyCheck';
const FOLLOW_UP_AFTER_MS = 60_000;
/** How long the run waits for a web app sync or a lead's action on the same spreadsheets. */
const LOCK_WAIT_MS = 30_000;

/** How a check by a lead (the card, the menu) differs from the scheduled one: a shorter wait for the lock, a limit on its sending. */
export interface CheckLimits {
  lockWaitMs: number;
  sendLimit?: SendLimit;
}

/** A step as the run reports it. */
export interface StepTaken {
  /** The log row's Event ID; absent in a preview, which writes nothing. */
  eventId?: string;
  checkKey: string;
  kind: AccountabilityKind;
  type: ActionType;
  volunteerId?: string;
  status: AccountabilityStatus;
  evidence: string;
  /** Approved steps go out by email; proposed ones wait for a lead. */
  email: boolean;
  setsRosterStatus?: RosterStep['status'];
  /** What became of its email in a run (absent in a preview and for a proposed step). */
  mail?: MailOutcome;
  /** Why Gmail refused it, for the lead to fix (an invalid address on the roster). */
  mailProblem?: string;
}

export interface CilCheck {
  cilId: string;
  name: string;
  today: CalendarDay;
  steps: StepTaken[];
  /** Steps a lead still has to approve or dismiss (review mode). */
  awaitingLead: number;
  rosterChanges: RosterChange[];
}

export interface CilCheckFailure {
  cilId: string;
  name: string;
  problem: string;
}

export interface DailyRunResult {
  checked: CilCheck[];
  failed: CilCheckFailure[];
  /** CILs left for the follow-up run, when the run stopped near the time limit. */
  remaining: string[];
  followUpTriggerId: string | null;
}

interface Cursor {
  /** CILs already checked by this day's run. */
  done: string[];
  followUpTriggerId: string | null;
  /** Deferred emails this day's run sent whose CILs it has not marked yet: outbox key → sent at. */
  deferredSent?: Record<string, Instant>;
}

function stepOf(action: ProposedAction, event?: AccountabilityEvent): StepTaken {
  const step: StepTaken = {
    checkKey: action.checkKey,
    kind: action.kind,
    type: action.type,
    status: action.logStatus,
    evidence: action.evidenceText,
    email: action.logStatus === 'approved',
  };
  if (event) step.eventId = event.id;
  if (action.volunteerId !== undefined) step.volunteerId = action.volunteerId;
  if (action.setsRosterStatus !== undefined) step.setsRosterStatus = action.setsRosterStatus;
  return step;
}

/** A log row's Event ID: short, and unlike a row number it survives a lead sorting the tab. */
export function newEventId(): string {
  return `a-${Utilities.getUuid().replace(/-/g, '').slice(0, 12)}`;
}

/** What the engine says is due today for one CIL, from one read of each tab. */
function evaluate(cil: OpenCil, now: Date) {
  const today = dayOf(now, cil.settings.timeZone);
  const read = readCilRecords(cil);
  const evaluation = evaluateCil({ ...read.records, today, now: instantFromDate(now), settings: cil.settings });
  return { today, read, evaluation };
}

/** The roster changes that approved steps lead to. */
export function rosterStepsOf(steps: readonly Pick<StepTaken, 'status' | 'volunteerId' | 'setsRosterStatus'>[]): RosterStep[] {
  return steps.flatMap((step) =>
    step.status === 'approved' && step.volunteerId !== undefined && step.setsRosterStatus !== undefined
      ? [{ volunteerId: step.volunteerId, status: step.setsRosterStatus }]
      : [],
  );
}

/** A check done, with the CIL as it left it: its records (read, then changed in memory as written) evaluated again. */
export interface CheckedCil {
  check: CilCheck;
  cil: OpenCil;
  now: Date;
  today: CalendarDay;
  after: CilRecordsRead;
  evaluation: CilEvaluation;
}

/**
 * The records as a check left them, without reading them again: the log with its rows rewritten and
 * its new rows below, and the roster with its changes (an offboarding's revoked code included).
 */
function recordsAfter(read: CilRecordsRead, rewritten: readonly RecordRow<AccountabilityEvent>[], appended: readonly AccountabilityEvent[], changes: readonly RosterChange[], at: Instant): CilRecordsRead {
  const byRow = new Map(rewritten.map((row) => [row.rowNumber, row.record]));
  const rows = [
    ...read.log.rows.map((row) => ({ rowNumber: row.rowNumber, record: byRow.get(row.rowNumber) ?? row.record })),
    ...appended.map((record, i) => ({ rowNumber: read.log.lastRow + 1 + i, record: byRow.get(read.log.lastRow + 1 + i) ?? record })),
  ];
  const changed = new Map(changes.map((change) => [change.volunteerId, change]));
  const volunteers = read.records.volunteers.map((volunteer) => {
    const change = changed.get(volunteer.id);
    if (!change) return volunteer;
    return { ...volunteer, status: change.status, ...(change.tokenRevoked ? { tokenRevokedAt: at } : {}) };
  });
  return {
    records: { ...read.records, volunteers, log: rows.map((row) => row.record) },
    log: { ...read.log, rows, lastRow: read.log.lastRow + appended.length },
  };
}

/** Checks one CIL and writes what is due, under the script lock so a sync or a lead's review cannot interleave. */
function checkCil(registered: RegisteredCil, now: Date, deferredSent: Readonly<Record<string, Instant>>, limits: CheckLimits = { lockWaitMs: LOCK_WAIT_MS }, busy = busyForRun): CheckedCil {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(limits.lockWaitMs)) busy();
  try {
    const cil = openCil(registered.id);
    if (!cil) throw new Error('it is no longer registered');
    const { today, read, evaluation } = evaluate(cil, now);
    const at = instantFromDate(now);
    const events = evaluation.actions.map((action) => logEventOf(action, { id: newEventId(), at }));
    appendLogEvents(cil.spreadsheet, read.log, events, cil.settings.timeZone);
    const steps = evaluation.actions.map((action, i) => stepOf(action, events[i]));
    const rosterChanges = applyRosterSteps(cil, rosterStepsOf(steps), at, today);

    const sent = rowsNowSent(read.log.rows, sentKeysOf(registered.id, deferredSent));
    const context = emailContextOf(cil, read, evaluation, today);
    inMailBatch(
      () =>
        evaluation.actions.forEach((action, i) => {
          if (events[i]!.status !== 'approved') return;
          const { mail, event, mailProblem } = sendStepEmail(registered.id, action, events[i]!, context);
          steps[i]!.mail = mail;
          if (mailProblem !== undefined) steps[i]!.mailProblem = mailProblem;
          if (mail === 'sent') sent.push({ rowNumber: read.log.lastRow + 1 + i, record: event });
        }),
      limits.sendLimit,
    );
    rewriteLogRows(cil.spreadsheet, read.log.header, sent, cil.settings.timeZone);
    const after = recordsAfter(read, sent, events, rosterChanges, at);
    const evaluationAfter = evaluateCil({ ...after.records, today, now: at, settings: cil.settings });
    refreshAfterCheck(cil, after.records, evaluationAfter);

    const awaitingLead = [...read.records.log, ...events].filter((event) => event.status === 'proposed').length;
    const check = { cilId: registered.id, name: registered.name, today, steps, awaitingLead, rosterChanges };
    return { check, cil, now, today, after, evaluation: evaluationAfter };
  } finally {
    lock.releaseLock();
  }
}

function busyForRun(): never {
  throw new Error('CIL Hub was busy with another task on this CIL; the next run checks it.');
}

/** Sends what earlier runs deferred, under the script lock (left for the next run when busy): outbox key → sent at. */
function sendDeferredMail(): Record<string, Instant> {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return {};
  try {
    return Object.fromEntries(sendDeferred().sent.flatMap((mail) => (mail.checkKey === undefined ? [] : [[mail.checkKey, mail.sentAt]])));
  } finally {
    lock.releaseLock();
  }
}

function budgetMs(): number {
  const text = PropertiesService.getScriptProperties().getProperty(BUDGET_PROPERTY);
  const set = text === null ? NaN : Number(text);
  return Number.isFinite(set) && set >= 0 ? set : DAILY_RUN_BUDGET_MS;
}

function readCursor(): Cursor | null {
  const text = PropertiesService.getScriptProperties().getProperty(CURSOR_PROPERTY);
  if (text === null) return null;
  try {
    const cursor = JSON.parse(text) as Cursor;
    return Array.isArray(cursor.done) ? cursor : null;
  } catch {
    return null;
  }
}

/** Deletes the one-off follow-up trigger: it stays listed after it fired, counting toward the 20-trigger limit. */
function deleteFollowUp(triggerId: string | null): void {
  if (triggerId === null) return;
  const trigger = ScriptApp.getProjectTriggers().find((candidate) => candidate.getUniqueId() === triggerId);
  if (trigger) ScriptApp.deleteTrigger(trigger);
}

/** Deletes a left-over follow-up and forgets where an earlier run stopped (turning the schedule off). */
export function forgetDailyRunCursor(): void {
  const cursor = readCursor();
  if (cursor) deleteFollowUp(cursor.followUpTriggerId);
  PropertiesService.getScriptProperties().deleteProperty(CURSOR_PROPERTY);
}

/**
 * Entry point (the daily trigger, or its one-off follow-up): checks every CIL the deployment serves.
 * A follow-up (its trigger id is the one the cursor names) carries on with the CILs not yet done.
 */
export function runDailyCheck(e?: { triggerUid?: string }): DailyRunResult {
  const startedMs = Date.now();
  const budget = budgetMs();
  const properties = PropertiesService.getScriptProperties();
  const cursor = readCursor();
  const continuing = cursor !== null && e?.triggerUid !== undefined && cursor.followUpTriggerId === e.triggerUid;
  if (cursor) deleteFollowUp(cursor.followUpTriggerId);
  const done = new Set(continuing ? cursor.done : []);
  const cils = registeredCils().filter((cil) => !done.has(cil.id));
  const deferredSent = { ...(continuing ? cursor.deferredSent : {}), ...sendDeferredMail() };
  try {
    serveReportQueue();
  } catch (error) {
    console.warn(`CIL Hub: the daily run could not look at the queue of reports: ${messageOf(error)}`);
  }

  const result: DailyRunResult = { checked: [], failed: [], remaining: [], followUpTriggerId: null };
  for (const [index, registered] of cils.entries()) {
    // At least one CIL per run, so a run always makes progress however slow the sheets are.
    if (index > 0 && Date.now() - startedMs >= budget) {
      result.remaining = cils.slice(index).map((cil) => cil.id);
      break;
    }
    try {
      result.checked.push(checkCil(registered, new Date(), deferredSent).check);
      for (const key of sentKeysOf(registered.id, deferredSent).keys()) delete deferredSent[`${registered.id}|${key}`];
    } catch (error) {
      console.warn(`CIL Hub: the daily check of "${registered.name}" stopped: ${messageOf(error)}`);
      result.failed.push({ cilId: registered.id, name: registered.name, problem: messageOf(error) });
    }
    done.add(registered.id);
  }

  if (result.remaining.length === 0) rollUpAfterDailyCheck(startedMs, budget);
  if (result.remaining.length === 0) {
    properties.deleteProperty(CURSOR_PROPERTY);
    return result;
  }
  const followUp = ScriptApp.newTrigger(DAILY_HANDLER).timeBased().after(FOLLOW_UP_AFTER_MS).create();
  result.followUpTriggerId = followUp.getUniqueId();
  const next: Cursor = { done: [...done], followUpTriggerId: result.followUpTriggerId, deferredSent };
  properties.setProperty(CURSOR_PROPERTY, JSON.stringify(next));
  return result;
}

/**
 * The daily check of one CIL, now: the lead's "Run check now" (homepage card, menu). The same steps, log
 * rows and emails as the scheduled run, within `limits`; mail that earlier runs deferred is left to that run.
 */
export function checkCilNow(cilId: string, limits?: CheckLimits): CheckedCil {
  const registered = findCil(cilId);
  if (!registered) throw new Error(`No CIL with the id ${JSON.stringify(cilId)} is set up in this deployment.`);
  return checkCil(registered, new Date(), {}, limits, busyForLead);
}

/** An email a preview says the run would send (or skip: the volunteer turned reminders off). */
export interface EmailPreview {
  checkKey: string;
  to: string[];
  subject: string;
  optedOut: boolean;
}

export interface DailyCheckPreview {
  /** `names`: the volunteers the steps are about, by ID, for a lead to read. */
  cils: ((CilCheck & { emails: EmailPreview[]; names: Record<string, string> }) | CilCheckFailure)[];
}

/**
 * Entry point: what the daily check would do now (steps, their statuses, the emails it would send with
 * their recipients and subjects, roster changes) for one CIL or every CIL, writing and sending nothing.
 */
export function previewDailyCheck(cilId?: string | null): DailyCheckPreview {
  let cils: RegisteredCil[];
  if (cilId === undefined || cilId === null) cils = registeredCils();
  else {
    const found = typeof cilId === 'string' ? findCil(cilId) : null;
    if (!found) throw new Error(`No CIL with the id ${JSON.stringify(cilId)} is set up in this deployment.`);
    cils = [found];
  }
  const now = new Date();
  return {
    cils: cils.map((registered) => {
      try {
        const cil = openCil(registered.id)!;
        const { today, read, evaluation } = evaluate(cil, now);
        const steps = evaluation.actions.map((action) => stepOf(action));
        const awaitingLead = read.records.log.filter((event) => event.status === 'proposed').length + steps.filter((step) => step.status === 'proposed').length;
        const rosterChanges = rosterStepsOf(steps).flatMap((step): RosterChange[] => {
          const volunteer = read.records.volunteers.find((candidate) => candidate.id === step.volunteerId);
          if (!volunteer || volunteer.status === step.status) return [];
          const tokenRevoked = step.status === 'offboarded' && volunteer.tokenHash !== undefined && volunteer.tokenRevokedAt === undefined;
          return [{ ...step, from: volunteer.status, tokenRevoked }];
        });
        const context = emailContextOf(cil, read, evaluation, today);
        const emails = evaluation.actions.flatMap((action): EmailPreview[] => {
          const step = action.logStatus === 'approved' ? emailForAction(action, context) : null;
          if (!step) return [];
          return [{ checkKey: action.checkKey, to: step.email.to, subject: step.email.subject, optedOut: !step.mandatory && step.reminders === 'off' }];
        });
        const about = new Set(steps.map((step) => step.volunteerId));
        const names = Object.fromEntries(read.records.volunteers.filter((volunteer) => about.has(volunteer.id)).map((volunteer) => [volunteer.id, volunteer.name]));
        return { cilId: registered.id, name: registered.name, today, steps, awaitingLead, rosterChanges, emails, names };
      } catch (error) {
        return { cilId: registered.id, name: registered.name, problem: messageOf(error) };
      }
    }),
  };
}
