import {
  checkInEvent,
  checkInOf,
  checkInWords,
  fallingBehindList,
  fallingBehindTab,
  mergeQuarterRows,
  quarterRowsTab,
  rollUpCil,
  sameAddress,
  trendOf,
  trendTab,
  type CheckInRow,
  type CilRollup,
  type CilRollupInput,
  type UnreadCil,
} from '../../../shared/rollup';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { instantFromDate } from '../../../shared/time/instant';
import { dayOf } from '../../../shared/time/zone';
import { readCilRecords } from '../accountability/cil-records';
import { newEventId } from '../accountability/daily-run';
import { registeredCils } from '../cil-registry';
import { requireAdmin } from '../deployment-admin';
import { openCil, type OpenCil } from '../cil/open-cil';
import { warnInvalidRows } from '../google/tab-sheet';
import { sendOrDefer, type SendOutcome } from '../mail/outbox';
import { appendLogEvents, readLog, rewriteLogRows } from '../records/accountability-log';
import { readStories } from '../records/stories';
import { fallingBehindEmail } from './falling-behind-email';
import { readNationalSetting, type NationalSetting } from './national-setting';
import { openNationalBook, placeTrendChart, readQuarterRows, writeQuarterRows, writeView, type NationalBook } from './national-sheet';
import { messageOf } from '../error-message';

// The national rollup (issue 9): every CIL the deployment serves read once (one read per tab), its
// quarters and standing worked out in shared/rollup, then CfP's national spreadsheet written, one
// setValues per tab. A CIL falling behind with no mentor check-in to the CfP lead this quarter (a CIL
// lead's dismissed or still proposed one does not count) gets one proposed: a row in its own
// Accountability log and one email listing every CIL falling behind. A second run the same day changes
// nothing and sends nothing.
//
// It runs at the end of the daily check of every CIL (runDailyCheck calls rollUpAfterDailyCheck), on
// its own follow-up when the check used too much of its time, and on demand (`cil rollup`, through the
// Apps Script API). The CILs are read without the script lock (a figure a moment old is still right);
// the check-in rows, the email and the national tabs are written holding it, so two runs at once
// cannot propose or send twice.

/** How long the rollup waits for a web app sync or a lead's action before its writes. */
const LOCK_WAIT_MS = 30_000;
export const ROLLUP_HANDLER = 'runNationalRollup';
/** The one-off trigger that runs the rollup after a daily check that used its time. */
export const FOLLOW_UP_PROPERTY = 'rollup:followUpTriggerId';
const FOLLOW_UP_AFTER_MS = 60_000;
const EFFECT = 'the national rollup did not count them';

export interface NationalRollupResult {
  spreadsheetId: string;
  spreadsheetUrl: string;
  /** The CILs rolled up, with the quarters written for each. */
  rolledUp: { cilId: string; name: string; today: CalendarDay; quarters: string[]; fallingBehind: boolean }[];
  /** The "Falling behind" list: each CIL's reasons and its mentor check-in this quarter. */
  fallingBehind: { cilId: string; name: string; quarter: string; reasons: string[]; checkIn: { eventId: string; status: string; by: string; proposedNow: boolean } | null }[];
  /** CILs that could not be read (a missing tab or column, a spreadsheet gone): listed in the national sheet too. */
  notRead: UnreadCil[];
  rows: { updated: number; added: number };
  /** The email to the CfP lead, when a CIL newly fell behind: 'refused' with Gmail's reason. */
  email: { to: string[]; subject: string; mail: SendOutcome['status']; problem?: string } | null;
  /** Check-in rows that could not be written (that CIL is left out of the email) or marked after it. */
  problems: { cilId: string; name: string; problem: string }[];
}

interface CilRead {
  cil: OpenCil;
  input: CilRollupInput;
  rollup: CilRollup;
}

/** One CIL, each tab it needs read once: the rules engine's (readCilRecords) and Stories. */
function readCil(cilId: string, nationalCfpLeadEmail: string, now: Date): CilRead {
  const cil = openCil(cilId);
  if (!cil) throw new Error('it is no longer registered');
  const timeZone = cil.settings.timeZone;
  const { records } = readCilRecords(cil);
  const stories = readStories(cil.spreadsheet, timeZone);
  warnInvalidRows('Stories', stories.invalid, EFFECT);
  const input: CilRollupInput = {
    cilId,
    records: { ...records, stories: stories.rows.map((row) => row.record) },
    settings: cil.settings,
    today: dayOf(now, timeZone),
    now: instantFromDate(now),
    nationalCfpLeadEmail,
  };
  return { cil, input, rollup: rollUpCil(input) };
}

/**
 * The CILs still without a check-in to the CfP lead this quarter once their logs are read again under
 * the lock (a daily check or another rollup may have written one since), with their logs as read.
 */
function stillDue(reads: readonly CilRead[], setting: NationalSetting, now: Date) {
  return reads.flatMap((read) => {
    const { cil, rollup } = read;
    if (!rollup.checkInDue) return [];
    const log = readLog(cil.spreadsheet, cil.settings.timeZone);
    const ownGoToNationalLead = sameAddress(cil.settings.cfpLeadEmail, setting.cfpLeadEmail);
    const found = checkInOf(log.rows.map((row) => row.record), rollup.quarter, cil.settings.timeZone, instantFromDate(now), ownGoToNationalLead);
    if (found) {
      read.rollup = { ...rollup, checkIn: found, checkInDue: false };
      return [];
    }
    return [{ read, log }];
  });
}

interface Proposed {
  email: NationalRollupResult['email'];
  proposed: Set<string>;
  problems: NationalRollupResult['problems'];
}

/**
 * Proposes the mentor check-ins due: first a row in each CIL's log ('approved'), so the email never
 * names a check-in its log does not hold; then one email to the CfP lead naming the CILs whose row was
 * written; then those rows say what became of it: 'sent' with the time, or still 'approved' with a note
 * when it waits in the outbox for quota (one email covers several CILs, so the outbox's single check
 * key cannot mark them when it goes later) or was refused.
 */
function proposeCheckIns(
  reads: readonly CilRead[],
  setting: NationalSetting,
  urls: { national: string; cils: ReadonlyMap<string, string> },
  now: Date,
): Proposed {
  const problems: NationalRollupResult['problems'] = [];
  const due = stillDue(reads, setting, now);
  const at = instantFromDate(now);
  const written = due.flatMap(({ read, log }) => {
    const { cil, rollup } = read;
    const row: CheckInRow = {
      id: newEventId(),
      at,
      cilName: rollup.cilName,
      quarter: rollup.quarter,
      cfpLeadEmail: setting.cfpLeadEmail,
      reasons: rollup.reasons.map((reason) => reason.summary),
      status: 'approved',
    };
    try {
      appendLogEvents(cil.spreadsheet, log, [checkInEvent(row)], cil.settings.timeZone);
      return [{ read, log, row, rowNumber: log.lastRow + 1 }];
    } catch (error) {
      const problem = `its mentor check-in could not be written to its Accountability log, so the CfP lead was not emailed about it: ${messageOf(error)}`;
      console.warn(`CIL Hub: "${rollup.cilName}": ${problem}`);
      problems.push({ cilId: rollup.cilId, name: rollup.cilName, problem });
      return [];
    }
  });
  if (written.length === 0) return { email: null, proposed: new Set(), problems };

  const email = fallingBehindEmail({
    cfpLeadEmail: setting.cfpLeadEmail,
    today: dayOf(now, setting.timeZone),
    newly: written.map(({ read: { cil, rollup } }) => ({
      name: rollup.cilName,
      quarter: rollup.quarter,
      reasons: rollup.reasons.map((reason) => reason.summary),
      leadEmails: cil.settings.leadEmails,
      spreadsheetUrl: urls.cils.get(rollup.cilId)!,
    })),
    still: reads.flatMap(({ rollup }) => (rollup.fallingBehind && rollup.checkIn ? [{ name: rollup.cilName, reasons: rollup.reasons.map((reason) => reason.summary), checkIn: checkInWords(rollup.checkIn) }] : [])),
    nationalUrl: urls.national,
  });
  const outcome = sendOrDefer(email, { mandatory: true });
  if (outcome.status === 'refused') console.warn(`CIL Hub: the national rollup's email to the CfP lead (${setting.cfpLeadEmail}) was refused: ${outcome.problem}`);

  const proposed = new Set<string>();
  for (const { read, log, row, rowNumber } of written) {
    const { cil, rollup } = read;
    const final: CheckInRow =
      outcome.status === 'sent'
        ? { ...row, status: 'sent', emailSentAt: outcome.sentAt }
        : { ...row, notSent: outcome.status === 'refused' ? { refused: outcome.problem } : { deferred: true } };
    const event = checkInEvent(final);
    try {
      rewriteLogRows(cil.spreadsheet, log.header, [{ rowNumber, record: event }], cil.settings.timeZone);
    } catch (error) {
      const problem = `its mentor check-in (${row.id}) stays "approved" in its Accountability log; the email to the CfP lead was ${outcome.status}: ${messageOf(error)}`;
      console.warn(`CIL Hub: "${rollup.cilName}": ${problem}`);
      problems.push({ cilId: rollup.cilId, name: rollup.cilName, problem });
    }
    // The CIL's figures with the log as it now stands, so the quarter's row counts this check-in and
    // the next run finds nothing to change.
    read.rollup = rollUpCil({ ...read.input, records: { ...read.input.records, log: [...log.rows.map((logged) => logged.record), event] } });
    proposed.add(rollup.cilId);
  }
  return {
    email: { to: email.to, subject: email.subject, mail: outcome.status, ...(outcome.status === 'refused' ? { problem: outcome.problem } : {}) },
    proposed,
    problems,
  };
}

/** The national tabs, check-ins first: everything read and checked before the first write. */
function writeRollup(book: NationalBook, setting: NationalSetting, reads: readonly CilRead[], notRead: readonly UnreadCil[], now: Date): NationalRollupResult {
  const rows = readQuarterRows(book.quarterRows);
  const nationalUrl = book.spreadsheet.getUrl();
  const urls = new Map(reads.filter(({ rollup }) => rollup.fallingBehind).map(({ cil, rollup }) => [rollup.cilId, cil.spreadsheet.getUrl()]));
  const { email, proposed, problems } = proposeCheckIns(reads, setting, { national: nationalUrl, cils: urls }, now);

  const merged = mergeQuarterRows(rows.values, rows.header, reads.flatMap(({ rollup }) => rollup.rows), setting.timeZone);
  warnInvalidRows(quarterRowsTab.name, merged.invalid, 'they were left as they are and out of the trend');
  writeQuarterRows(book.quarterRows, rows.header, merged);
  writeView(book.fallingBehind, fallingBehindTab, fallingBehindList(reads.map(({ rollup }) => rollup), notRead, urls), setting.timeZone);
  const trend = trendOf(merged.records);
  writeView(book.trend, trendTab, trend, setting.timeZone);
  placeTrendChart(book.trend, trend.length);

  return {
    spreadsheetId: setting.spreadsheetId,
    spreadsheetUrl: nationalUrl,
    rolledUp: reads.map(({ rollup }) => ({ cilId: rollup.cilId, name: rollup.cilName, today: rollup.today, quarters: rollup.rows.map((row) => row.quarter), fallingBehind: rollup.fallingBehind })),
    fallingBehind: reads
      .filter(({ rollup }) => rollup.fallingBehind)
      .map(({ rollup }) => ({
        cilId: rollup.cilId,
        name: rollup.cilName,
        quarter: rollup.quarter,
        reasons: rollup.reasons.map((reason) => reason.summary),
        checkIn: rollup.checkIn ? { eventId: rollup.checkIn.eventId, status: rollup.checkIn.status, by: rollup.checkIn.by, proposedNow: proposed.has(rollup.cilId) } : null,
      })),
    notRead: [...notRead],
    rows: { updated: merged.updated, added: merged.added },
    email,
    problems,
  };
}

/** Deletes the pending follow-up trigger, if any: it stays listed after it fired, counting toward the 20-trigger limit. */
function forgetFollowUp(): void {
  const properties = PropertiesService.getScriptProperties();
  const triggerId = properties.getProperty(FOLLOW_UP_PROPERTY);
  if (triggerId === null) return;
  const trigger = ScriptApp.getProjectTriggers().find((candidate) => candidate.getUniqueId() === triggerId);
  if (trigger) ScriptApp.deleteTrigger(trigger);
  properties.deleteProperty(FOLLOW_UP_PROPERTY);
}

/**
 * Entry point (the `cil rollup` command through the Apps Script API, the daily run, its follow-up
 * trigger): rolls every CIL up into the national spreadsheet. No argument; answers plain JSON.
 */
export function runNationalRollup(): NationalRollupResult {
  // The daily run's own call passes: it runs as the schedule's owner, the admin.
  requireAdmin('run the national rollup');
  const setting = readNationalSetting();
  if (!setting) throw new Error('The national rollup is not set up: run setUpNationalRollup({ folderId, cfpLeadEmail }) first. Nothing was changed.');
  forgetFollowUp();
  const book = openNationalBook(setting);
  const now = new Date();
  const reads: CilRead[] = [];
  const notRead: UnreadCil[] = [];
  for (const registered of registeredCils()) {
    try {
      reads.push(readCil(registered.id, setting.cfpLeadEmail, now));
    } catch (error) {
      console.warn(`CIL Hub: the national rollup could not read "${registered.name}": ${messageOf(error)}`);
      notRead.push({ cilId: registered.id, name: registered.name, problem: messageOf(error) });
    }
  }
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error('CIL Hub was busy with another task, so the national rollup wrote nothing; it runs again with the next daily check.');
  try {
    return writeRollup(book, setting, reads, notRead, now);
  } finally {
    lock.releaseLock();
  }
}

/** Runs the rollup a minute from now in an execution of its own, unless such a run is already pending. */
function scheduleFollowUp(): void {
  const properties = PropertiesService.getScriptProperties();
  const pending = properties.getProperty(FOLLOW_UP_PROPERTY);
  if (pending !== null && ScriptApp.getProjectTriggers().some((trigger) => trigger.getUniqueId() === pending)) return;
  const trigger = ScriptApp.newTrigger(ROLLUP_HANDLER).timeBased().after(FOLLOW_UP_AFTER_MS).create();
  properties.setProperty(FOLLOW_UP_PROPERTY, trigger.getUniqueId());
}

/**
 * The daily run's last step, once every CIL is checked, when the rollup is set up. The rollup reads
 * every CIL again, which takes about as long as the check did, so it runs in the same execution only
 * while the check has used less than half its time budget; otherwise a follow-up runs it a minute
 * later with six minutes of its own. A problem is logged, never thrown: the check itself is done.
 */
export function rollUpAfterDailyCheck(startedMs: number, budgetMs: number): void {
  try {
    if (!readNationalSetting()) return;
    if ((Date.now() - startedMs) * 2 >= budgetMs) scheduleFollowUp();
    else runNationalRollup();
  } catch (error) {
    console.warn(`CIL Hub: the national rollup did not run: ${messageOf(error)}`);
  }
}
