import type { ReminderChoice } from '../../../shared/records/volunteer';
import { instantFromDate, type Instant } from '../../../shared/time/instant';
import type { AccountabilityEmail } from '../email/accountability/letter';
import { utf8Length } from '../../../shared/encoding/utf8';

// Sending accountability email within MailApp's daily quota (100 recipients a day on consumer
// accounts, 1,500 on Workspace). A message that does not fit today's quota is DEFERRED, never lost:
// it is kept in the script properties (a key per message, split into parts below the 9 KB a value
// may hold) and sent by sendDeferred(), oldest first, once the quota allows. Script properties rather
// than a tab: deferred mail spans every CIL the deployment serves and includes digests, which have no
// log row. Opt-out is honoured here: callers pass the recipient's "Reminders" choice with each
// optional message.

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
  | { status: 'deferred'; deferredId: string }
  | { status: 'opted out' };

interface DeferredMail {
  message: AccountabilityEmail;
  mandatory: boolean;
  checkKey?: string;
  deferredAt: Instant;
}

/** Sends `message` now if today's quota allows, otherwise keeps it for sendDeferred(); skips optional mail the recipient turned off. */
export function sendOrDefer(message: AccountabilityEmail, options: SendOptions): SendOutcome {
  if (!options.mandatory && options.reminders === 'off') {
    console.info(`Not sent (reminders off): "${message.subject}" to ${message.to.join(', ')}`);
    return { status: 'opted out' };
  }
  if (fitsQuota(message, options.mandatory) && trySend(message)) return { status: 'sent', sentAt: instantFromDate(new Date()) };
  return { status: 'deferred', deferredId: defer(message, options) };
}

function fitsQuota(message: AccountabilityEmail, mandatory: boolean): boolean {
  const reserve = mandatory ? 0 : MANDATORY_RESERVE;
  return MailApp.getRemainingDailyQuota() - reserve >= message.to.length;
}

/** True when sent; false when the quota ran out since it was checked. Any other failure is the caller's to see. */
function trySend(message: AccountabilityEmail): boolean {
  try {
    MailApp.sendEmail({
      to: message.to.join(','),
      subject: message.subject,
      body: message.text,
      htmlBody: message.html,
      name: message.fromName,
      ...(message.replyTo === undefined ? {} : { replyTo: message.replyTo }),
    });
    return true;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(QUOTA_EXCEEDED)) return false;
    throw error;
  }
}

// ---- the deferred store ------------------------------------------------------------------------------

function defer(message: AccountabilityEmail, options: SendOptions): string {
  const store = PropertiesService.getScriptProperties();
  const properties = store.getProperties();
  // Ids sort oldest first: one more than the latest waiting (the clock may not move between two
  // deferrals), then a random tail so two executions at once never share a key.
  const latest = Object.keys(properties).reduce((max, key) => Math.max(max, Number(PART_KEY.exec(key)?.[2] ?? 0)), 0);
  const id = `${String(latest + 1).padStart(10, '0')}-${Utilities.getUuid().slice(0, 8)}`;
  const now = new Date();
  const entry: DeferredMail = { message, mandatory: options.mandatory, deferredAt: instantFromDate(now) };
  if (options.checkKey !== undefined) entry.checkKey = options.checkKey;
  const parts = splitByBytes(JSON.stringify(entry), PART_BYTES);
  const values: Record<string, string> = {};
  parts.forEach((part, i) => (values[partKey(id, i, parts.length)] = part));

  const used = storeBytes(properties);
  const adding = storeBytes(values);
  if (used + adding > DEFERRED_STORE_BYTES) {
    throw new Error(
      `Could not send or keep the email "${message.subject}" to ${message.to.join(', ')}: today's mail quota is used up ` +
        `and the store of deferred email is full (${Math.round(used / 1024)} KB). Send deferred emails tomorrow; this step stays unsent until then.`,
    );
  }
  store.setProperties(values);
  console.info(`Deferred (mail quota): "${message.subject}" to ${message.to.join(', ')} as ${id}${options.checkKey === undefined ? '' : ` for ${options.checkKey}`}`);
  return id;
}

const partKey = (id: string, part: number, parts: number) => `${DEFERRED_PREFIX}${id}:${part + 1}/${parts}`;
/** deferredMail:<sequence>-<tail>:<part>/<parts> */
const PART_KEY = /^deferredMail:((\d+)-[0-9a-f]+):(\d+)\/(\d+)$/;

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
}

/**
 * Sends deferred mail, oldest first, while the quota allows; a message is removed from the store only
 * after it went. Call it holding the script lock (the daily run does; the menu item takes it), so two
 * executions never send the same message.
 */
export function sendDeferred(): DeferredRun {
  const store = PropertiesService.getScriptProperties();
  const waiting = deferredIn(store.getProperties());
  const run: DeferredRun = { sent: [], waiting: 0 };
  let quotaLeft = MailApp.getRemainingDailyQuota();
  for (const { id, keys, entry } of waiting) {
    // Oldest first, strictly: a later message never overtakes one that does not fit yet.
    const reserve = entry.mandatory ? 0 : MANDATORY_RESERVE;
    if (run.waiting > 0 || quotaLeft - reserve < entry.message.to.length || !trySend(entry.message)) {
      run.waiting++;
      continue;
    }
    quotaLeft -= entry.message.to.length;
    for (const key of keys) store.deleteProperty(key);
    const sent: DeferredRun['sent'][number] = { deferredId: id, subject: entry.message.subject, sentAt: instantFromDate(new Date()) };
    if (entry.checkKey !== undefined) sent.checkKey = entry.checkKey;
    run.sent.push(sent);
    console.info(`Sent deferred email ${id}: "${entry.message.subject}" to ${entry.message.to.join(', ')}`);
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
