import { z } from '../../../shared/zod';
import { bullets, letter, paragraph, type AccountabilityEmail } from '../email/accountability/letter';
import { busyForLead, withScriptLock } from '../google/script-lock';
import { openCil } from '../cil/open-cil';
import { requireLead } from '../deployment-admin';
import { sendOrDefer } from '../mail/outbox';
import { generateReportHoldingLock, type GenerateReportRequest, type GenerateReportResult } from './generate-report';
import { messageOf } from '../error-message';

// Reports asked for on the add-on card. Filling a report costs hundreds of Docs calls, more than a card
// action's 30 seconds allow, so the card only queues the request (a script property) and makes sure a
// one-off trigger will run `runQueuedReports` shortly; the lead is told at once and emailed the Doc's
// link (or what went wrong) when it is made. Each person has a queue of their own, in their user
// properties: a trigger runs as, and reads the user properties of, the person who made it, so a
// request is only ever generated, and its email sent, under the account of the lead who asked (the
// daily run's look at the queue serves only its owner's). The lead check is made again before each
// generation, in case the lead was taken off the CIL's Settings since.
//
// - Never two triggers for one queue: the queue names the trigger armed for it (and when it is due) and
//   the run in progress; a request joins them rather than arm another. A trigger or a run that should
//   have ended long ago is taken as lost (its execution was stopped), and the next request arms anew.
// - Never a request lost silently: a request leaves the queue only once its lead has been emailed the
//   outcome (the email itself waits in the outbox when the quota is used up). Each attempt is counted
//   before it starts, so a request whose generation stopped the execution twice is given up, and its
//   lead told so, rather than tried forever.
// - Each request is generated under the script lock (the handler holds it; generateReportHoldingLock
//   does not take it again), and the queue is read and written only under it.
// - A run stops taking requests near Apps Script's 6 minutes and arms a follow-up trigger for the rest.
// - A one-off trigger stays listed (and counts toward the 20 a person may have) after it fired, so the
//   handler deletes its own first, as the daily run deletes its follow-up.

export const REPORT_QUEUE_PROPERTY = 'reports:queue';
export const QUEUE_HANDLER = 'runQueuedReports';
/** A script property that lowers the run's time budget (milliseconds), for tests and slow Docs. */
export const QUEUE_BUDGET_PROPERTY = 'reports:queueBudgetMs';
/** Time a run may use before it leaves the rest to a follow-up: a report takes well under the minute left. */
const QUEUE_BUDGET_MS = 240_000;
const FIRST_RUN_AFTER_MS = 10_000;
const FOLLOW_UP_AFTER_MS = 60_000;
/** Requests waiting at most; each is a few hundred bytes of the 9 KB a property may hold. */
export const MAX_QUEUED = 10;
const MAX_ATTEMPTS = 2;
/** Past its due time by this much, an armed trigger is taken as lost (Google fires one-off triggers late, never this late). */
const TRIGGER_LOST_AFTER_MS = 15 * 60_000;
/** A run cannot last longer than Apps Script's 6 minutes. */
const RUN_LOST_AFTER_MS = 7 * 60_000;
const LOCK_WAIT_MS = 30_000;

const queuedSchema = z.strictObject({
  id: z.string(),
  cilId: z.string(),
  cilName: z.string(),
  kind: z.string(),
  title: z.string(),
  period: z.string().optional(),
  projectId: z.string().optional(),
  pdf: z.boolean(),
  emailCfpLead: z.boolean(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  attempts: z.number(),
});

const queueSchema = z.strictObject({
  requests: z.array(queuedSchema),
  trigger: z.strictObject({ id: z.string(), dueMs: z.number() }).nullable(),
  runningSinceMs: z.number().nullable(),
});

export type QueuedReport = z.output<typeof queuedSchema>;
type ReportQueue = z.output<typeof queueSchema>;

/** What the card asks for; the queue adds who asked, when, and the attempts. */
export type ReportAsked = Omit<QueuedReport, 'id' | 'requestedAt' | 'attempts'>;

export interface QueueRun {
  /** Requests generated (or refused) and their leads emailed. */
  done: { id: string; ok: boolean }[];
  /** Requests given up after MAX_ATTEMPTS stopped runs. */
  givenUp: string[];
  /** Left for the follow-up run. */
  remaining: number;
  followUpTriggerId: string | null;
}

const emptyQueue = (): ReportQueue => ({ requests: [], trigger: null, runningSinceMs: null });

function readQueue(): ReportQueue {
  const text = PropertiesService.getUserProperties().getProperty(REPORT_QUEUE_PROPERTY);
  if (text === null) return emptyQueue();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const parsed = queueSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  console.error(`CIL Hub: the queue of reports (user property ${REPORT_QUEUE_PROPERTY}, ${text.length} characters) does not read and is started again.`);
  return emptyQueue();
}

function writeQueue(queue: ReportQueue): void {
  const properties = PropertiesService.getUserProperties();
  if (queue.requests.length === 0 && queue.trigger === null && queue.runningSinceMs === null) properties.deleteProperty(REPORT_QUEUE_PROPERTY);
  else properties.setProperty(REPORT_QUEUE_PROPERTY, JSON.stringify(queue));
}

/** Whether a trigger armed for the queue, or a run of it, is still to be counted on. */
function served(queue: ReportQueue, nowMs: number): boolean {
  const armed = queue.trigger !== null && nowMs < queue.trigger.dueMs + TRIGGER_LOST_AFTER_MS;
  const running = queue.runningSinceMs !== null && nowMs < queue.runningSinceMs + RUN_LOST_AFTER_MS;
  return armed || running;
}

/** Deletes one of the person's own triggers; another person's are not theirs to see. */
function deleteTrigger(triggerId: string): void {
  const trigger = ScriptApp.getProjectTriggers().find((candidate) => candidate.getUniqueId() === triggerId);
  if (trigger) ScriptApp.deleteTrigger(trigger);
}

function arm(queue: ReportQueue, afterMs: number): string {
  if (queue.trigger !== null) deleteTrigger(queue.trigger.id);
  const id = ScriptApp.newTrigger(QUEUE_HANDLER).timeBased().after(afterMs).create().getUniqueId();
  queue.trigger = { id, dueMs: Date.now() + afterMs };
  return id;
}

/**
 * Adds a request to the queue (waiting up to `lockWaitMs` for the script lock) and arms the trigger
 * unless one is armed or a run is on. Answers how many requests were waiting before it. A request that
 * cannot be queued (the queue is full, no trigger can be made) is refused and nothing is kept.
 */
export function queueReport(asked: ReportAsked, lockWaitMs: number): { ahead: number } {
  return withScriptLock(
    lockWaitMs,
    () => {
      const queue = readQueue();
      if (queue.requests.length >= MAX_QUEUED) {
        throw new Error(`${queue.requests.length} reports already wait to be drafted; ask again in a few minutes, or use CIL Hub › Generate report… in the spreadsheet. Nothing was queued.`);
      }
      const ahead = queue.requests.length;
      queue.requests.push({ ...asked, id: Utilities.getUuid(), requestedAt: new Date().toISOString(), attempts: 0 });
      if (!served(queue, Date.now())) {
        try {
          arm(queue, FIRST_RUN_AFTER_MS);
        } catch (error) {
          throw new Error(`CIL Hub could not schedule the draft (${messageOf(error)}). Nothing was queued; use CIL Hub › Generate report… in the spreadsheet.`);
        }
      }
      writeQueue(queue);
      return { ahead };
    },
    busyForLead,
  );
}

/**
 * The daily run's look at the queue: requests left waiting by a run that was stopped (and no trigger to
 * come) get one again. When the lock is busy the next daily run looks.
 */
export function serveReportQueue(): void {
  withScriptLock(
    LOCK_WAIT_MS,
    () => {
      const queue = readQueue();
      if (queue.requests.length === 0 || served(queue, Date.now())) return;
      arm(queue, FIRST_RUN_AFTER_MS);
      queue.runningSinceMs = null;
      writeQueue(queue);
    },
    () => undefined,
  );
}

function budgetMs(): number {
  const text = PropertiesService.getScriptProperties().getProperty(QUEUE_BUDGET_PROPERTY);
  const set = text === null ? NaN : Number(text);
  return Number.isFinite(set) && set >= 0 ? set : QUEUE_BUDGET_MS;
}

/** The email telling the lead who asked what became of their request. */
function outcomeEmail(request: QueuedReport, result: GenerateReportResult | { ok: false; message: string }): AccountabilityEmail {
  const cil = { cilName: request.cilName, leadEmails: [] };
  if (!result.ok) {
    return letter({
      to: [request.requestedBy],
      subject: `${request.cilName}: the ${request.title} could not be drafted`,
      cil,
      greeting: 'Hello,',
      blocks: [
        paragraph(`CIL Hub could not draft the ${request.title} you asked for on the CIL Hub card:`),
        paragraph(result.message),
        paragraph('Ask again on the card once it is fixed, or use CIL Hub › Generate report… in the spreadsheet.'),
      ],
    });
  }
  return letter({
    to: [request.requestedBy],
    subject: `${request.cilName}: ${result.docName} is drafted`,
    cil,
    greeting: 'Hello,',
    blocks: [
      paragraph(`The ${request.title} you asked for on the CIL Hub card is drafted in Google Docs: ${result.docUrl}`),
      ...(result.pdfUrl === undefined ? [] : [paragraph(`As a PDF: ${result.pdfUrl}`)]),
      bullets(result.notes),
    ],
  });
}

function tell(request: QueuedReport, result: GenerateReportResult | { ok: false; message: string }): void {
  sendOrDefer(outcomeEmail(request, result), { mandatory: true });
}

function requestOf(request: QueuedReport): GenerateReportRequest {
  return {
    cilId: request.cilId,
    kind: request.kind,
    pdf: request.pdf,
    emailCfpLead: request.emailCfpLead,
    ...(request.period === undefined ? {} : { period: request.period }),
    ...(request.projectId === undefined ? {} : { projectId: request.projectId }),
  };
}

/** Null when the person who asked still leads the CIL; otherwise why nothing is generated. */
function stillLeads(request: QueuedReport): { ok: false; message: string } | null {
  try {
    const cil = openCil(request.cilId);
    if (!cil) return { ok: false, message: 'This CIL is no longer set up in this deployment.' };
    requireLead(cil);
    return null;
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

type Turn = { kind: 'empty' } | { kind: 'out of time'; triggerId: string; remaining: number } | { kind: 'done'; id: string; ok: boolean } | { kind: 'given up'; id: string };

/** One request, oldest first, from claim to email, under the script lock; past the budget (but never before the run's first), none. */
function takeTurn(startedMs: number, budget: number, first: boolean): Turn {
  const queue = readQueue();
  const request = queue.requests[0];
  if (request === undefined) {
    queue.runningSinceMs = null;
    writeQueue(queue);
    return { kind: 'empty' };
  }
  if (!first && Date.now() - startedMs >= budget) {
    const triggerId = arm(queue, FOLLOW_UP_AFTER_MS);
    queue.runningSinceMs = null;
    writeQueue(queue);
    return { kind: 'out of time', triggerId, remaining: queue.requests.length };
  }
  if (request.attempts >= MAX_ATTEMPTS) {
    tell(request, { ok: false, message: `CIL Hub started it ${MAX_ATTEMPTS} times and each time ran out of time before it was done. Nothing more will be tried for this request.` });
    queue.requests.shift();
    writeQueue(queue);
    console.error(`CIL Hub: gave up queued report ${request.id} after ${MAX_ATTEMPTS} stopped attempts.`);
    return { kind: 'given up', id: request.id };
  }
  // Counted before it starts: if this execution is stopped while generating, the next run knows.
  request.attempts += 1;
  writeQueue(queue);
  const result = stillLeads(request) ?? generateReportHoldingLock(requestOf(request));
  tell(request, result);
  writeQueue({ ...queue, requests: queue.requests.filter((candidate) => candidate.id !== request.id) });
  return { kind: 'done', id: request.id, ok: result.ok };
}

/**
 * Entry point (the queue's one-off trigger): generates the queued reports oldest first, each emailed to
 * the lead who asked, until the queue is empty or the run's time is up (then a follow-up carries on).
 * The script lock is taken for each request and let go between them, so syncs are not held up for long.
 */
export function runQueuedReports(e?: { triggerUid?: string }): QueueRun {
  const startedMs = Date.now();
  if (e?.triggerUid !== undefined) deleteTrigger(e.triggerUid);
  const budget = budgetMs();
  const run: QueueRun = { done: [], givenUp: [], remaining: 0, followUpTriggerId: null };
  const lock = LockService.getScriptLock();
  /**
   * Another task kept the lock, or a request stopped with an error: a follow-up tries again. The queue
   * is left as it is (it cannot be written without the lock); its run counts as on until the follow-up
   * takes over, so no request arms another trigger meanwhile.
   */
  const followUp = (why: string): QueueRun => {
    run.followUpTriggerId = ScriptApp.newTrigger(QUEUE_HANDLER).timeBased().after(FOLLOW_UP_AFTER_MS).create().getUniqueId();
    console.warn(`CIL Hub: the queued reports wait (${why}); a follow-up run tries again in a minute.`);
    return run;
  };
  if (!lock.tryLock(LOCK_WAIT_MS)) return followUp('another task kept the script lock');
  try {
    const queue = readQueue();
    if (queue.trigger?.id === e?.triggerUid) queue.trigger = null;
    queue.runningSinceMs = startedMs;
    writeQueue(queue);
  } finally {
    lock.releaseLock();
  }
  for (;;) {
    if (!lock.tryLock(LOCK_WAIT_MS)) return followUp('another task kept the script lock');
    let turn: Turn;
    try {
      turn = takeTurn(startedMs, budget, run.done.length + run.givenUp.length === 0);
    } catch (error) {
      console.error(`CIL Hub: a queued report stopped: ${messageOf(error)}`);
      return followUp('a report stopped with an error');
    } finally {
      lock.releaseLock();
    }
    if (turn.kind === 'empty') return run;
    if (turn.kind === 'out of time') {
      run.followUpTriggerId = turn.triggerId;
      run.remaining = turn.remaining;
      return run;
    }
    if (turn.kind === 'given up') run.givenUp.push(turn.id);
    else run.done.push({ id: turn.id, ok: turn.ok });
  }
}
