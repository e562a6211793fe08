import { evaluateCil, isLogged, type ActionType, type CilEvaluation } from '../../../shared/accountability';
import { accountabilityTab, type AccountabilityEvent, type AccountabilityKind } from '../../../shared/records/accountability';
import { attendanceTab } from '../../../shared/records/attendance';
import type { Deliverable } from '../../../shared/records/deliverable';
import { hoursTab } from '../../../shared/records/hours';
import { meetingsTab, type MeetingKind } from '../../../shared/records/meeting';
import { noticesTab } from '../../../shared/records/notice';
import type { TabDefinition, TabRecord } from '../../../shared/records/tab';
import type { Volunteer } from '../../../shared/records/volunteer';
import { addDays, dayFromParts, partsOf, type CalendarDay } from '../../../shared/time/calendar-day';
import { dateOfInstant, instantFromDate, type Instant } from '../../../shared/time/instant';
import { monthOf, periodRange, weekOf } from '../../../shared/time/period';
import { dayOf } from '../../../shared/time/zone';
import type { OpenCil } from '../cil/open-cil';
import { cfpMonthlyDigestEmail, type CfpMonthlyDigestFacts } from '../email/accountability/cfp-monthly-digest';
import { cilContactOf } from '../email/accountability/emails-for-actions';
import { leadDigestEmail, type DigestDeliverable } from '../email/accountability/lead-digest';
import type { AccountabilityEmail } from '../email/accountability/letter';
import { readRecords, warnInvalidRows } from '../google/tab-sheet';
import { sendOrDefer, type SendOutcome } from '../mail/outbox';
import { appendLogEvents, readLog } from '../records/accountability-log';
import { newEventId } from './daily-run';
import { deferredKeyOf } from './step-emails';

// The weekly run's digests: each CIL's health to its leads once per ISO week, and the previous month
// in figures to the CfP lead on the first weekly run of a month. Each digest sent is a row of the
// CIL's Accountability log (kind 'note') whose check key names the CIL and the period, so a lead sees
// it went and a second run in the same week or month sends nothing. A digest deferred for quota is
// logged 'approved' under the outbox key the daily run marks 'sent' once it goes. Digests are for
// leads, so a volunteer's "Reminders" choice does not apply; they are not mandatory mail either, so
// they leave the quota's reserve to warnings.

export const weeklyDigestKey = (cilId: string, week: string) => `digest:${cilId}:${week}`;
export const monthlyDigestKey = (cilId: string, month: string) => `monthly-digest:${cilId}:${month}`;

export interface DigestReport {
  digest: 'weekly' | 'monthly';
  /** The ISO week ('2026-W48') or month ('2026-11') it covers. */
  period: string;
  checkKey: string;
  to: string[];
  mail: SendOutcome['status'] | 'no recipient';
  /** Why it was not sent, for a lead to fix in Settings. */
  problem?: string;
}

/** What the weekly run already read of the CIL (after adding the week's deliverables). */
export interface WeeklyRead {
  volunteers: readonly Volunteer[];
  deliverables: readonly Deliverable[];
}

const EFFECT = 'the digests did not count them';
const DONE = new Set<AccountabilityEvent['status']>(['approved', 'sent']);

/** The action a proposed log row stands for, as the digest's waiting list names it. */
function typeOfRow(event: AccountabilityEvent): ActionType | undefined {
  const byKind: Partial<Record<AccountabilityKind, ActionType>> = {
    warning: 'warning',
    offboarding: 'offboarding',
    reintegration: 'reintegration',
    'mentor check-in': 'mentor check-in',
    note: 'back to active',
    reminder: event.checkKey?.includes(':deadline:') ? 'deadline reminder' : event.checkKey?.includes(':meeting:') ? 'meeting reminder' : 'hours reminder',
  };
  return byKind[event.kind];
}

function recordsOf<Tab extends TabDefinition>(cil: OpenCil, tab: Tab): TabRecord<Tab>[] {
  return readRecords(cil.spreadsheet, tab, cil.settings.timeZone, EFFECT);
}

/** The month before the one `today` is in: '2026-10' on any day of November 2026. */
function previousMonth(today: CalendarDay): string {
  const { year, month } = partsOf(today);
  return monthOf(addDays(dayFromParts(year, month, 1), -1));
}

function monthlyFacts(
  cil: OpenCil,
  month: string,
  today: CalendarDay,
  evaluation: CilEvaluation,
  read: WeeklyRead,
  meetings: readonly TabRecord<typeof meetingsTab>[],
  log: readonly AccountabilityEvent[],
  now: Date,
): Omit<CfpMonthlyDigestFacts, 'cfpLeadEmail'> {
  const timeZone = cil.settings.timeZone;
  const inMonth = (instant: Instant) => monthOf(dayOf(dateOfInstant(instant), timeZone)) === month;
  const held: Partial<Record<MeetingKind, number>> = {};
  for (const meeting of meetings) {
    if (inMonth(meeting.startsAt) && dateOfInstant(meeting.startsAt).getTime() <= now.getTime()) held[meeting.kind] = (held[meeting.kind] ?? 0) + 1;
  }
  const names = new Map(read.volunteers.map((volunteer) => [volunteer.id, volunteer.name]));
  const due = read.deliverables.filter((deliverable) => monthOf(deliverable.dueOn) === month && deliverable.status !== 'waived');
  const submitted = due.filter((deliverable) => deliverable.status === 'submitted' && deliverable.submittedOn !== undefined);
  const onTime = submitted.filter((deliverable) => deliverable.submittedOn! <= deliverable.dueOn).length;
  const taken = log.filter((event) => DONE.has(event.status) && inMonth(event.at));
  const countOf = (kind: AccountabilityKind) => taken.filter((event) => event.kind === kind).length;
  return {
    cil: cilContactOf(cil.settings),
    month,
    today,
    counts: evaluation.cil.counts,
    cilReasons: evaluation.cil.reasons,
    meetings: held,
    deliverables: {
      onTime,
      late: submitted.length - onTime,
      outstanding: due
        .filter((deliverable) => deliverable.status !== 'submitted')
        .map(({ id, kind, title, dueOn, ownerVolunteerId }) => ({ id, kind, title, dueOn, owner: names.get(ownerVolunteerId) ?? ownerVolunteerId })),
    },
    steps: { warnings: countOf('warning'), offboardings: countOf('offboarding'), reintegrations: countOf('reintegration'), mentorCheckIns: countOf('mentor check-in') },
  };
}

/** The deliverables due in the ISO week, by due day then title, with their owners' names. */
function dueInWeek(read: WeeklyRead, week: string): DigestDeliverable[] {
  const { first, last } = periodRange(week);
  const names = new Map(read.volunteers.map((volunteer) => [volunteer.id, volunteer.name]));
  return read.deliverables
    .filter((deliverable) => deliverable.dueOn >= first && deliverable.dueOn <= last)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
    .map(({ id, kind, title, ownerVolunteerId, dueOn, status, submittedOn, link }) => ({
      id,
      kind,
      title,
      owner: names.get(ownerVolunteerId) ?? ownerVolunteerId,
      dueOn,
      status,
      ...(submittedOn === undefined ? {} : { submittedOn }),
      ...(link === undefined ? {} : { link }),
    }));
}

/**
 * Sends the CIL's weekly digest and, once a month, its monthly digest, unless the log shows them sent
 * already; reads the tabs the weekly run has not (Meetings, Attendance, Notices, Hours, the log) once
 * each, and appends the digests' log rows in one write.
 */
export function sendDigests(cil: OpenCil, read: WeeklyRead, now: Date): DigestReport[] {
  const cilId = cil.registered.id;
  const { settings } = cil;
  const timeZone = settings.timeZone;
  const today = dayOf(now, timeZone);
  const log = readLog(cil.spreadsheet, timeZone);
  warnInvalidRows(accountabilityTab.name, log.invalid, EFFECT);
  const logged = log.rows.map((row) => row.record);
  const week = weekOf(today);
  const month = previousMonth(today);
  const weeklyKey = weeklyDigestKey(cilId, week);
  const monthlyKey = monthlyDigestKey(cilId, month);
  const reports: DigestReport[] = [];
  // A digest with nobody to send it to is reported each run (a lead fixes Settings), never logged.
  let weeklyDue = !isLogged(logged, weeklyKey);
  if (weeklyDue && settings.leadEmails.length === 0) {
    weeklyDue = false;
    reports.push({ digest: 'weekly', period: week, checkKey: weeklyKey, to: [], mail: 'no recipient', problem: 'Settings has no "Lead emails"; add them to receive the weekly digest.' });
  }
  const cfpLead = settings.cfpLeadEmail;
  const monthlyDue = !isLogged(logged, monthlyKey);
  const monthlyUnsent: DigestReport[] =
    monthlyDue && cfpLead === undefined
      ? [{ digest: 'monthly', period: month, checkKey: monthlyKey, to: [], mail: 'no recipient', problem: 'Settings has no "CfP lead email"; add it to send the monthly digest to CfP.' }]
      : [];
  if (!weeklyDue && (!monthlyDue || cfpLead === undefined)) return [...reports, ...monthlyUnsent];

  const meetings = recordsOf(cil, meetingsTab);
  const evaluation = evaluateCil({
    volunteers: read.volunteers,
    deliverables: read.deliverables,
    meetings,
    attendance: recordsOf(cil, attendanceTab),
    notices: recordsOf(cil, noticesTab),
    hours: recordsOf(cil, hoursTab),
    log: logged,
    today,
    now: instantFromDate(now),
    settings,
  });
  const contact = cilContactOf(settings);
  const at = instantFromDate(now);
  const events: AccountabilityEvent[] = [];

  const send = (digest: DigestReport['digest'], period: string, checkKey: string, email: AccountabilityEmail, evidence: string) => {
    const outcome = sendOrDefer(email, { mandatory: false, checkKey: deferredKeyOf(cilId, checkKey) });
    const event: AccountabilityEvent = { id: newEventId(), kind: 'note', at, by: 'weekly run', evidence, status: outcome.status === 'sent' ? 'sent' : 'approved', checkKey };
    if (outcome.status === 'sent') event.emailSentAt = outcome.sentAt;
    events.push(event);
    reports.push({ digest, period, checkKey, to: email.to, mail: outcome.status });
  };

  if (weeklyDue) {
    const names = new Map(read.volunteers.map((volunteer) => [volunteer.id, volunteer.name]));
    const waiting = logged.flatMap((event) => {
      const type = event.status === 'proposed' ? typeOfRow(event) : undefined;
      if (type === undefined) return [];
      const volunteerName = event.volunteerId === undefined ? undefined : names.get(event.volunteerId);
      return [{ type, checkKey: event.checkKey ?? event.id, evidenceText: event.evidence, ...(event.volunteerId === undefined ? {} : { volunteerId: event.volunteerId }), ...(volunteerName === undefined ? {} : { volunteerName }) }];
    });
    const { counts } = evaluation.cil;
    const email = leadDigestEmail({
      cil: contact,
      week,
      today,
      counts,
      cilReasons: evaluation.cil.reasons,
      volunteers: evaluation.volunteers,
      dueThisWeek: dueInWeek(read, week),
      waiting,
      spreadsheetUrl: cil.spreadsheet.getUrl(),
    });
    send('weekly', week, weeklyKey, email, `Weekly digest for ${week} to ${email.to.join(', ')}: ${counts.active} active, ${counts.atRisk} at risk, ${counts.inactive} inactive, ${waiting.length} waiting for a lead.`);
  }

  if (monthlyDue && cfpLead !== undefined) {
    const facts = monthlyFacts(cil, month, today, evaluation, read, meetings, logged, now);
    const email = cfpMonthlyDigestEmail({ ...facts, cfpLeadEmail: cfpLead });
    send('monthly', month, monthlyKey, email, `Monthly digest for ${month} to ${email.to.join(', ')}.`);
  }

  appendLogEvents(cil.spreadsheet, log, events, timeZone);
  return [...reports, ...monthlyUnsent];
}
