import type { ReminderChoice } from '../../../shared/records/volunteer';
import { instantFromDate, type Instant } from '../../../shared/time/instant';
import type { AccountabilityEmail } from '../email/accountability/letter';
import { utf8Length } from '../../../shared/encoding/utf8';
import { messageOf } from '../error-message';

// Sending accountability email within MailApp's daily quota (100 recipients a day on consumer
// accounts, 1,500 on Workspace). A message that does not fit today's quota is DEFERRED, never lost:
// it is kept in the script properties (a key per message, split into parts below the 9 KB a value
// may hold) and sent by sendDeferred(), oldest first, once the quota allows. Script properties rather
// than a tab: deferred mail spans every CIL the deployment serves and includes digests, which have no
// log row. The properties hold 500 KB in all; a backlog larger than the share kept for mail (a
// consumer account's 100 recipients a day across many CILs) goes on in one JSON file in the deploying
// account's Drive, which holds megabytes, so no message is ever dropped. Opt-out is honoured here:
// callers pass the recipient's "Reminders" choice with each optional message.

/** MailApp's sender name is the message's; the address is the account running the script. */
const DEFERRED_PREFIX = 'deferredMail:';
/** Below the 9 KB (9,216 bytes) Google allows per property value. */
const PART_BYTES = 8 * 1024;
/** Deferred mail may fill the store up to here, leaving room for the CIL registry and other settings (500 KB in all). */
const DEFERRED_STORE_BYTES = 400 * 1024;
/** Recipients of today's quota kept for mandatory mail (warnings, offboarding), so optional reminders cannot use them up. */
export const MANDATORY_RESERVE = 5;
/** Google's text when a send goes over the daily quota (another execution may have used it since we looked). */
const QUOTA_EXCEEDED = 'Service invoked too many times for one day: email';
/** Google's text for an address MailApp will never send to. */
const INVALID_EMAIL = 'Invalid email: ';

export interface SendOptions {
  /** Warnings, offboarding and reintegration: always sent, and may use the reserve. */
  mandatory: boolean;
  /** The accountability log's check key the message is about; kept with a deferred message and given back when it goes. */
  checkKey?: string;
  /** The recipient volunteer's "Reminders" choice; 'off' skips a message that is not mandatory. */
  reminders?: ReminderChoice;
}

export type SendOutcome =
  | { status: 'sent'; sentAt: Instant }
  /** Kept for sendDeferred(): over today's quota, or past the batch's sending limit (`held`). */
  | { status: 'deferred'; deferredId: string; held?: true }
  | { status: 'opted out' }
  /** Gmail will never take it (an invalid address): not kept, and the problem is for the lead to fix. */
  | { status: 'refused'; problem: string };

interface DeferredMail {
  message: AccountabilityEmail;
  mandatory: boolean;
  checkKey?: string;
  deferredAt: Instant;
}

/**
 * The outbox of one piece of work (a CIL's daily check, a lead's approval): the quota and the deferred
 * store are read once, and the messages it defers are written once when the work ends (also when it
 * fails), so deferring many messages costs a constant number of calls, not a read and a rewrite each.
 */
interface MailBatch {
  store: GoogleAppsScript.Properties.Properties;
  quotaLeft: number;
  propertiesBytes: number;
  overflow: Overflow | null;
  latest: number;
  /** New parts for the script properties. */
  values: Record<string, string>;
  /** New messages for the Drive file; once one goes there, every later one follows, so none overtakes it. */
  spilled: OverflowEntry[];
}

/** The open batch: null outside inMailBatch, undefined inside it until its first message (a run with no mail reads nothing). */
let openBatch: MailBatch | null | undefined = null;

/**
 * How much a batch may send before it keeps the rest for sendDeferred() without trying: a card action
 * has 30 seconds in all and each MailApp call takes about a second, so its sending stops after `sends`
 * messages or at `untilMs` (Date.now()), whichever comes first.
 */
export interface SendLimit {
  sends: number;
  untilMs: number;
}

let openLimit: (SendLimit & { sent: number }) | null = null;

function pastLimit(): boolean {
  return openLimit !== null && (openLimit.sent >= openLimit.sends || Date.now() >= openLimit.untilMs);
}

function startBatch(): MailBatch {
  const store = PropertiesService.getScriptProperties();
  const properties = store.getProperties();
  const overflow = overflowIn(properties);
  return {
    store,
    quotaLeft: MailApp.getRemainingDailyQuota(),
    propertiesBytes: storeBytes(properties),
    overflow,
    latest: Math.max(latestSequenceIn(properties), overflow?.latest ?? 0),
    values: {},
    spilled: [],
  };
}

/** Runs `work` with one outbox batch, sending within `limit` when given; nested calls join the open one. */
export function inMailBatch<T>(work: () => T, limit?: SendLimit): T {
  if (openBatch !== null) return work();
  openBatch = undefined;
  openLimit = limit === undefined ? null : { ...limit, sent: 0 };
  try {
    return work();
  } finally {
    const batch = openBatch;
    openBatch = null;
    openLimit = null;
    if (batch) keepDeferred(batch);
  }
}

/**
 * How the execution log names an email: never its addresses or subject, which are personal data kept
 * in Google Cloud's logs; its deferred id or the step it is for, and how many it goes to.
 */
function logged(message: AccountabilityEmail, options: { checkKey?: string }): string {
  const to = `${message.to.length} recipient${message.to.length === 1 ? '' : 's'}`;
  return `an email to ${to}${options.checkKey === undefined ? '' : ` for ${options.checkKey}`}`;
}

/** Sends `message` now if today's quota allows, otherwise keeps it for sendDeferred(); skips optional mail the recipient turned off. */
export function sendOrDefer(message: AccountabilityEmail, options: SendOptions): SendOutcome {
  if (!options.mandatory && options.reminders === 'off') {
    console.info(`Not sent (reminders off): ${logged(message, options)}`);
    return { status: 'opted out' };
  }
  return inMailBatch(() => {
    const batch = (openBatch ??= startBatch());
    if (pastLimit()) return { status: 'deferred', deferredId: defer(batch, message, options, 'held past the sending limit'), held: true };
    const reserve = options.mandatory ? 0 : MANDATORY_RESERVE;
    if (batch.quotaLeft - reserve >= message.to.length) {
      const attempt = trySend(message);
      if (openLimit) openLimit.sent++;
      if (attempt.result === 'sent') {
        batch.quotaLeft -= message.to.length;
        return { status: 'sent', sentAt: instantFromDate(new Date()) };
      }
      if (attempt.result === 'refused') {
        console.error(`Gmail refused ${logged(message, options)}: ${attempt.problem}`);
        return { status: 'refused', problem: attempt.problem };
      }
      // Out of quota since the batch looked (another execution used it), or a failure that may pass: kept for the next run.
      if (attempt.result === 'quota') batch.quotaLeft = 0;
      else console.warn(`Sending ${logged(message, options)} failed (${attempt.problem}); it is kept and tried again at the next run.`);
    }
    return { status: 'deferred', deferredId: defer(batch, message, options, 'mail quota') };
  });
}

/**
 * What became of one attempt: 'quota' when the day's quota ran out since it was checked; 'refused' when
 * Gmail will never take it (an invalid address); 'failed' for anything else, which may pass next time.
 */
type Attempt = { result: 'sent' } | { result: 'quota' } | { result: 'refused'; problem: string } | { result: 'failed'; problem: string };

function trySend(message: AccountabilityEmail): Attempt {
  try {
    MailApp.sendEmail({
      to: message.to.join(','),
      subject: message.subject,
      body: message.text,
      htmlBody: message.html,
      name: message.fromName,
      ...(message.replyTo === undefined ? {} : { replyTo: message.replyTo }),
    });
    return { result: 'sent' };
  } catch (error) {
    const problem = messageOf(error);
    if (problem.startsWith(QUOTA_EXCEEDED)) return { result: 'quota' };
    return { result: problem.startsWith(INVALID_EMAIL) ? 'refused' : 'failed', problem };
  }
}

// ---- the deferred store ------------------------------------------------------------------------------

function defer(batch: MailBatch, message: AccountabilityEmail, options: SendOptions, why: string): string {
  // Ids sort oldest first: one more than the latest waiting (the clock may not move between two
  // deferrals), then a random tail so two executions at once never share a key.
  batch.latest += 1;
  const id = `${String(batch.latest).padStart(10, '0')}-${Utilities.getUuid().slice(0, 8)}`;
  const entry: DeferredMail = { message, mandatory: options.mandatory, deferredAt: instantFromDate(new Date()) };
  if (options.checkKey !== undefined) entry.checkKey = options.checkKey;
  let intoProperties = false;
  if (!batch.overflow && batch.spilled.length === 0) {
    const parts = splitByBytes(JSON.stringify(entry), PART_BYTES);
    const values: Record<string, string> = {};
    parts.forEach((part, i) => (values[partKey(id, i, parts.length)] = part));
    const adding = storeBytes(values);
    if (batch.propertiesBytes + adding <= DEFERRED_STORE_BYTES) {
      Object.assign(batch.values, values);
      batch.propertiesBytes += adding;
      intoProperties = true;
    }
  }
  if (!intoProperties) batch.spilled.push({ id, entry });
  const where = intoProperties ? 'the script properties' : 'Drive (the script properties are full)';
  console.info(`Deferred (${why}) into ${where}: ${logged(message, options)} as ${id}`);
  return id;
}

/** Writes what a batch deferred: one setProperties, and the Drive file once if any spilled over. */
function keepDeferred(batch: MailBatch): void {
  if (Object.keys(batch.values).length > 0) batch.store.setProperties(batch.values);
  if (batch.spilled.length === 0) return;
  const file = overflowFile(batch.overflow);
  const waiting = batch.overflow ? overflowEntries(file) : [];
  writeOverflow(batch.store, file, [...waiting, ...batch.spilled], batch.latest);
}

// ---- the overflow file in Drive ----------------------------------------------------------------------

/** Names the Drive file holding the backlog and the latest sequence in it; present only while it holds mail. */
const OVERFLOW_PROPERTY = 'deferredMailOverflow';
const OVERFLOW_FILE_NAME = 'CIL Hub deferred email (sent automatically; do not edit).json';

interface Overflow {
  fileId: string;
  latest: number;
}

interface OverflowEntry {
  id: string;
  entry: DeferredMail;
}

function overflowIn(properties: Record<string, string>): Overflow | null {
  const text = properties[OVERFLOW_PROPERTY];
  return text === undefined ? null : (JSON.parse(text) as Overflow);
}

/** The backlog's file: the one the property names (found in the trash too), else a new one in My Drive. */
function overflowFile(overflow: Overflow | null): GoogleAppsScript.Drive.File {
  if (overflow) {
    let file: GoogleAppsScript.Drive.File | null = null;
    try {
      file = DriveApp.getFileById(overflow.fileId);
    } catch (error) {
      // Deleted for good by someone: what it held is gone, but the mail that comes next must not be.
      console.error(`The Drive file of deferred email (${overflow.fileId}) is gone, with the emails it held; a new one is made. ${messageOf(error)}`);
    }
    if (file) {
      // Trashed by someone: Drive would delete it for good in 30 days, and the mail in it with it.
      if (file.isTrashed()) file.setTrashed(false);
      return file;
    }
  }
  return DriveApp.createFile(OVERFLOW_FILE_NAME, '[]', 'application/json');
}

const overflowEntries = (file: GoogleAppsScript.Drive.File) => JSON.parse(file.getBlob().getDataAsString()) as OverflowEntry[];

/** Writes the backlog (or, once empty, trashes its file and forgets it). */
function writeOverflow(store: GoogleAppsScript.Properties.Properties, file: GoogleAppsScript.Drive.File, entries: OverflowEntry[], latest: number): void {
  if (entries.length === 0) {
    file.setTrashed(true);
    store.deleteProperty(OVERFLOW_PROPERTY);
    return;
  }
  file.setContent(JSON.stringify(entries));
  store.setProperty(OVERFLOW_PROPERTY, JSON.stringify({ fileId: file.getId(), latest } satisfies Overflow));
}

const partKey = (id: string, part: number, parts: number) => `${DEFERRED_PREFIX}${id}:${part + 1}/${parts}`;
/** deferredMail:<sequence>-<tail>:<part>/<parts> */
const PART_KEY = /^deferredMail:((\d+)-[0-9a-f]+):(\d+)\/(\d+)$/;

const latestSequenceIn = (properties: Record<string, string>) =>
  Object.keys(properties).reduce((max, key) => Math.max(max, Number(PART_KEY.exec(key)?.[2] ?? 0)), 0);

const storeBytes = (values: Record<string, string>) =>
  Object.entries(values).reduce((sum, [key, value]) => sum + utf8Length(key) + utf8Length(value), 0);

/** Pieces of at most `limit` UTF-8 bytes, never splitting a surrogate pair. */
export function splitByBytes(text: string, limit: number): string[] {
  const parts: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > limit) {
      parts.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    if (pair) i++;
  }
  parts.push(text.slice(start));
  return parts;
}

export interface DeferredRun {
  /** Sent now, oldest first, with their check keys (for the caller to mark log rows sent). */
  sent: { deferredId: string; checkKey?: string; subject: string; sentAt: Instant }[];
  /** Still waiting for quota. */
  waiting: number;
  /** Refused by Gmail for good (e.g. an invalid address): taken out of the queue and reported, never retried. */
  refused: { deferredId: string; checkKey?: string; subject: string; to: string[]; problem: string }[];
}

/** Time sendDeferred may take, leaving the rest of an execution's 6 minutes to the checks that follow it. */
export const DEFERRED_SEND_BUDGET_MS = 120_000;
/** The Drive backlog is rewritten after this many sends, so an execution cut short sends little twice. */
const OVERFLOW_SAVE_EVERY = 20;

/**
 * Sends deferred mail, oldest first, while the quota and its time budget allow; a message is removed
 * from the store only after it went. Call it holding the script lock (the daily run does; the menu item
 * takes it), so two executions never send the same message.
 */
export function sendDeferred(budgetMs = DEFERRED_SEND_BUDGET_MS): DeferredRun {
  const startedMs = Date.now();
  const store = PropertiesService.getScriptProperties();
  const properties = store.getProperties();
  const run: DeferredRun = { sent: [], waiting: 0, refused: [] };
  let quotaLeft = MailApp.getRemainingDailyQuota();
  // Once one message does not fit, later ones wait too: strictly oldest first, none overtakes it.
  let stopped = false;
  /** True when the message is done with (sent, or refused for good) and leaves the store. */
  const sendInTurn = (id: string, entry: DeferredMail): boolean => {
    const reserve = entry.mandatory ? 0 : MANDATORY_RESERVE;
    stopped ||= quotaLeft - reserve < entry.message.to.length || Date.now() - startedMs >= budgetMs;
    if (stopped) {
      run.waiting++;
      return false;
    }
    const attempt = trySend(entry.message);
    const what = `Deferred email ${id} (${logged(entry.message, entry)})`;
    if (attempt.result === 'refused') {
      console.error(`${what} was refused by Gmail and is not kept: ${attempt.problem}`);
      run.refused.push({ deferredId: id, subject: entry.message.subject, to: entry.message.to, problem: attempt.problem, ...(entry.checkKey === undefined ? {} : { checkKey: entry.checkKey }) });
      return true;
    }
    if (attempt.result !== 'sent') {
      if (attempt.result === 'quota') stopped = true;
      else console.warn(`${what} could not be sent (${attempt.problem}); it stays for the next run.`);
      run.waiting++;
      return false;
    }
    quotaLeft -= entry.message.to.length;
    const sent: DeferredRun['sent'][number] = { deferredId: id, subject: entry.message.subject, sentAt: instantFromDate(new Date()) };
    if (entry.checkKey !== undefined) sent.checkKey = entry.checkKey;
    run.sent.push(sent);
    console.info(`Sent ${what}.`);
    return true;
  };

  for (const { id, keys, entry } of deferredIn(properties)) {
    if (sendInTurn(id, entry)) for (const key of keys) store.deleteProperty(key);
  }
  const overflow = overflowIn(properties);
  if (overflow) {
    const file = overflowFile(overflow);
    const entries = overflowEntries(file);
    const done = new Set<string>();
    let unsaved = 0;
    const save = () => writeOverflow(store, file, entries.filter(({ id }) => !done.has(id)), overflow.latest);
    for (const { id, entry } of entries) {
      if (!sendInTurn(id, entry)) continue;
      done.add(id);
      if (++unsaved === OVERFLOW_SAVE_EVERY) {
        save();
        unsaved = 0;
      }
    }
    if (unsaved > 0 || entries.length === 0) save();
  }
  return run;
}

/** The complete deferred messages in the store, oldest first; a message missing a part is left alone and logged. */
function deferredIn(properties: Record<string, string>): { id: string; keys: string[]; entry: DeferredMail }[] {
  const byId = new Map<string, { parts: string[]; keys: string[]; count: number }>();
  for (const key of Object.keys(properties)) {
    const match = PART_KEY.exec(key);
    if (!match) continue;
    const [, id, , part, count] = match as unknown as [string, string, string, string, string];
    const found = byId.get(id) ?? { parts: [], keys: [], count: Number(count) };
    found.parts[Number(part) - 1] = properties[key]!;
    found.keys.push(key);
    byId.set(id, found);
  }
  const complete: { id: string; keys: string[]; entry: DeferredMail }[] = [];
  for (const [id, { parts, keys, count }] of [...byId].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (keys.length !== count || Array.from({ length: count }, (_, i) => parts[i]).includes(undefined as unknown as string)) {
      console.warn(`Deferred email ${id} has ${keys.length} of its ${count} parts in the script properties; left as it is.`);
      continue;
    }
    complete.push({ id, keys, entry: JSON.parse(parts.join('')) as DeferredMail });
  }
  return complete;
}
