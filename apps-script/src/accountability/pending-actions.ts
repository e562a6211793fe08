import { evaluateCil, normalCheckKey, type ActionType, type CilEvaluation, type OutdatedStep, type ProposedAction } from '../../../shared/accountability';
import type { AccountabilityEvent } from '../../../shared/records/accountability';
import type { VolunteerStatus } from '../../../shared/records/volunteer';
import { instantFromDate } from '../../../shared/time/instant';
import { dayOf } from '../../../shared/time/zone';
import type { OpenCil } from '../cil/open-cil';
import { busyForLead, LEAD_ACTION_LOCK_WAIT_MS, withScriptLock } from '../google/script-lock';
import { Html, html } from '../html/escape';
import { readLog, rewriteLogRow } from '../records/accountability-log';
import { rosterCil } from '../roster/roster-cil';
import { readCilRecords, type CilRecordsRead } from './cil-records';
import { applyRosterSteps, type RosterChange } from './roster-steps';
import { emailContextOf, sendStepEmail, type MailOutcome } from './step-emails';
import { SIDEBAR_STYLE } from '../sidebar/sidebar-style';
import { showCilSidebar } from '../sidebar/cil-sidebar';

// The lead decides (issue 6, item 3). In review mode the daily check writes warnings, offboardings,
// reintegrations and mentor check-ins as 'proposed'; this sidebar lists them with their evidence, and
// each is approved or dismissed (with a reason) by the lead. Approving carries the step out: the log
// row becomes 'approved', the roster follows (warned, offboarded with the enrollment code revoked,
// active again), and the step's email goes out (the row then reads 'sent'). Dismissing settles the
// evidence it rested on.

/** The roster status an approved step leads to, by the log row's kind. */
const ROSTER_STATUS_OF: Partial<Record<AccountabilityEvent['kind'], VolunteerStatus>> = {
  warning: 'warned',
  offboarding: 'offboarded',
  reintegration: 'active',
};

export interface PendingAction {
  event: AccountabilityEvent;
  rowNumber: number;
  /** The volunteer's name, or their ID when the roster has no readable row for it; absent for a step about the CIL. */
  volunteer?: string;
  /** Why today's records no longer support it, if they do not. */
  outdated?: OutdatedStep['why'];
}

export interface Decision {
  cilId: string;
  event: AccountabilityEvent;
  rosterChanges: RosterChange[];
  /** What became of the approved step's email; absent for a dismissal. */
  mail?: MailOutcome;
  /** Why Gmail refused the email, for the lead to fix. */
  mailProblem?: string;
}

const TYPE_OF_KIND: Partial<Record<AccountabilityEvent['kind'], ActionType>> = {
  warning: 'warning',
  offboarding: 'offboarding',
  'mentor check-in': 'mentor check-in',
};

/**
 * The step as the engine proposed it (its reasons, handover, terms), found by evaluating the records
 * without the row being approved; when the records changed since and no longer give the same step,
 * the row's own Evidence text is what the email rests on.
 */
function actionOf(event: AccountabilityEvent, evaluated: readonly ProposedAction[]): ProposedAction | null {
  const key = event.checkKey === undefined ? undefined : normalCheckKey(event.checkKey);
  const found = evaluated.find((action) => key !== undefined && normalCheckKey(action.checkKey) === key);
  if (found) return found;
  const type = TYPE_OF_KIND[event.kind];
  if (type === undefined) return null;
  const warningNumber = Number(/^warning:[^:]+:(\d+):/.exec(key ?? '')?.[1] ?? 1);
  const action: ProposedAction = {
    kind: event.kind,
    type,
    checkKey: event.checkKey ?? event.id,
    logStatus: 'approved',
    mandatory: true,
    evidenceText: event.evidence,
    evidence: [],
    reasons: [{ code: 'no communication', severity: 'inactive', summary: event.evidence, evidence: [] }],
    warningNumber,
  };
  if (event.volunteerId !== undefined) action.volunteerId = event.volunteerId;
  return action;
}

/** Sends the approved step's email; the row becomes 'sent' (a second write) once it went. */
function sendApproved(cil: OpenCil, rowNumber: number, event: AccountabilityEvent): ReturnType<typeof sendStepEmail> {
  const now = new Date();
  const timeZone = cil.settings.timeZone;
  const today = dayOf(now, timeZone);
  const read = readCilRecords(cil);
  const others = read.records.log.filter((candidate) => candidate.id !== event.id);
  const evaluation = evaluateCil({ ...read.records, log: others, today, now: instantFromDate(now), settings: cil.settings });
  const action = actionOf(event, evaluation.actions);
  if (!action) return { mail: 'no email', event };
  const result = sendStepEmail(cil.registered.id, action, event, emailContextOf(cil, read, evaluation, today));
  if (result.mail === 'sent') rewriteLogRow(cil.spreadsheet, read.log, { rowNumber, record: result.event }, timeZone);
  return result;
}

function leadEmail(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || 'a lead';
}

/**
 * The proposed steps in a log already read, oldest first, each marked when `evaluation` (of the same
 * records) no longer supports it.
 */
export function pendingIn(read: CilRecordsRead, evaluation: CilEvaluation): PendingAction[] {
  const outdated = new Map(evaluation.outdated.map((step) => [step.eventId, step.why]));
  const names = new Map(read.records.volunteers.map((volunteer) => [volunteer.id, volunteer.name]));
  return read.log.rows
    .filter((row) => row.record.status === 'proposed')
    .map((row) => {
      const pending: PendingAction = { event: row.record, rowNumber: row.rowNumber };
      const { volunteerId, id } = row.record;
      if (volunteerId !== undefined) pending.volunteer = names.get(volunteerId) ?? volunteerId;
      const why = outdated.get(id);
      if (why !== undefined) pending.outdated = why;
      return pending;
    });
}

/** The proposed steps of a CIL, oldest first, each marked when the records no longer support it. */
export function pendingActionsOf(cil: OpenCil): PendingAction[] {
  const now = new Date();
  const read = readCilRecords(cil);
  return pendingIn(read, evaluateCil({ ...read.records, today: dayOf(now, cil.settings.timeZone), now: instantFromDate(now), settings: cil.settings }));
}

/**
 * Reads the log, finds the proposed row `logId` and rewrites it with `change`, then carries out what
 * follows; all under the script lock, waited for up to `lockWaitMs` (the card waits less than the sidebar).
 */
function decide(lockWaitMs: number, logId: unknown, cilId: string | null | undefined, change: (event: AccountabilityEvent) => AccountabilityEvent, send = false): Decision {
  if (typeof logId !== 'string' || logId.trim() === '') throw new Error('Name the step by its Event ID (the Accountability log\u2019s first column). Nothing was changed.');
  const id = logId.trim();
  const cil = rosterCil(cilId);
  return withScriptLock(
    lockWaitMs,
    () => {
      const timeZone = cil.settings.timeZone;
      const log = readLog(cil.spreadsheet, timeZone);
      const row = log.rows.find((candidate) => candidate.record.id === id);
      if (!row) throw new Error(`No step with the Event ID ${JSON.stringify(id)} is in the Accountability log of ${cil.settings.cilName}. Nothing was changed.`);
      if (row.record.status !== 'proposed') {
        throw new Error(`The step ${id} is already ${row.record.status} (by ${row.record.by}); only proposed steps can be approved or dismissed. Nothing was changed.`);
      }
      const event = change(row.record);
      rewriteLogRow(cil.spreadsheet, log, { rowNumber: row.rowNumber, record: event }, timeZone);
      // The email is rebuilt from the records as the rules saw the step, so it goes before the roster
      // changes: a reintegration is only a step for someone the roster still shows as offboarded.
      const sent = send && event.status === 'approved' ? sendApproved(cil, row.rowNumber, event) : null;
      const status = event.status === 'approved' && event.volunteerId !== undefined ? ROSTER_STATUS_OF[event.kind] : undefined;
      const rosterChanges =
        status === undefined || event.volunteerId === undefined
          ? []
          : applyRosterSteps(cil, [{ volunteerId: event.volunteerId, status }], event.at, dayOf(new Date(), timeZone));
      if (!sent) return { cilId: cil.registered.id, event, rosterChanges };
      return { cilId: cil.registered.id, event: sent.event, rosterChanges, mail: sent.mail, ...(sent.mailProblem === undefined ? {} : { mailProblem: sent.mailProblem }) };
    },
    busyForLead,
  );
}

/**
 * Entry point (the sidebar's Approve): the proposed step becomes 'approved', by the lead, now, the
 * roster follows it and its email goes out (or waits in the outbox for quota; the next daily run
 * sends it and marks the row).
 */
export function approveAction(logId: string, cilId?: string | null): Decision {
  return approveWithin(LEAD_ACTION_LOCK_WAIT_MS, logId, cilId);
}

/** approveAction, waiting up to `lockWaitMs` for the script lock. */
export function approveWithin(lockWaitMs: number, logId: string, cilId?: string | null): Decision {
  const by = leadEmail();
  const at = instantFromDate(new Date());
  return decide(lockWaitMs, logId, cilId, (event) => ({ ...event, status: 'approved', by, at }), true);
}

/** Entry point (the sidebar's Dismiss): the step is not taken; the reason is kept with its evidence. */
export function dismissAction(logId: string, reason: string, cilId?: string | null): Decision {
  return dismissWithin(LEAD_ACTION_LOCK_WAIT_MS, logId, reason, cilId);
}

/** The longest reason a step is dismissed with: it joins the evidence in one cell of the log. */
export const MAX_DISMISS_REASON = 1_000;

/** dismissAction, waiting up to `lockWaitMs` for the script lock. */
export function dismissWithin(lockWaitMs: number, logId: string, reason: string, cilId?: string | null): Decision {
  if (typeof reason !== 'string' || reason.trim() === '') throw new Error('Say why the step is dismissed: the reason is kept in the log with its evidence. Nothing was changed.');
  if (reason.trim().length > MAX_DISMISS_REASON) {
    throw new Error(`The reason is ${reason.trim().length} characters long; keep it to ${MAX_DISMISS_REASON} (it is kept in one cell of the log with the evidence). Nothing was changed.`);
  }
  const by = leadEmail();
  const at = instantFromDate(new Date());
  return decide(lockWaitMs, logId, cilId, (event) => ({ ...event, status: 'dismissed', by, at, evidence: `${event.evidence}\nDismissed by ${by}: ${reason.trim()}` }));
}

// ---- the sidebar -------------------------------------------------------------------------------------

/** The page's script: static text. Which step a button decides is in its section's data attribute; answers are written with textContent. */
const SCRIPT = `
(function () {
  document.body.addEventListener('click', function (event) {
    var button = event.target;
    if (!button || button.tagName !== 'BUTTON') return;
    var step = button.closest('.step');
    var status = step.querySelector('.status');
    var reason = step.querySelector('textarea');
    var buttons = step.querySelectorAll('button');
    var dismissing = button.getAttribute('data-decision') === 'dismiss';
    if (dismissing && reason.value.trim() === '') {
      status.className = 'status error';
      status.textContent = 'Write why you dismiss it first.';
      reason.focus();
      return;
    }
    function enable(on) {
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = !on;
    }
    enable(false);
    status.className = 'status';
    status.textContent = dismissing ? 'Dismissing…' : 'Approving…';
    var run = google.script.run
      .withSuccessHandler(function (decision) {
        var done = (dismissing ? 'Dismissed' : 'Approved') + ' by ' + decision.event.by + '.';
        status.className = decision.mailProblem ? 'status error' : 'status done';
        status.textContent = decision.mailProblem ? done + ' ' + decision.mailProblem : done;
      })
      .withFailureHandler(function (error) {
        enable(true);
        status.className = 'status error';
        status.textContent = error && error.message ? error.message : String(error);
      });
    var id = step.getAttribute('data-event');
    if (dismissing) run.dismissAction(id, reason.value);
    else run.approveAction(id);
  });
})();
`;

const STYLE = `${SIDEBAR_STYLE}
.step { border-top: 1px solid #dadce0; padding: 8px 0; }
.evidence { white-space: pre-wrap; margin: 6px 0; }
textarea { width: 100%; box-sizing: border-box; }
.outdated { color: #c5221f; }
`;

export const OUTDATED_TEXT: Record<OutdatedStep['why'], string> = {
  'no longer inactive': 'The records no longer show this volunteer as inactive: think twice before approving.',
  'exempt today': 'This volunteer is exempt today (new, on leave, or under an override): think twice before approving.',
  'not on the active roster': 'This volunteer is no longer on the active roster: think twice before approving.',
};

function stepItem(pending: PendingAction, timeZone: string): Html {
  const { event } = pending;
  const who = pending.volunteer === undefined ? 'the whole CIL' : pending.volunteer;
  const when = dayOf(new Date(event.at), timeZone);
  const warning = pending.outdated === undefined ? '' : html`<p class="outdated">${OUTDATED_TEXT[pending.outdated]}</p>`;
  return html`<section class="step" data-event="${event.id}">
<p><strong>${event.kind}</strong> for <strong>${who}</strong> <span class="hint">(proposed ${when}, row ${pending.rowNumber}, ${event.id})</span></p>
<p class="evidence">${event.evidence}</p>
${warning}
<button type="button" data-decision="approve">Approve</button>
<label class="hint">Reason to dismiss<textarea rows="2"></textarea></label>
<button type="button" data-decision="dismiss">Dismiss</button>
<p class="status" role="status"></p>
</section>`;
}

export function pendingActionsPage(cilName: string, pending: readonly PendingAction[], timeZone: string): string {
  const intro =
    pending.length === 0
      ? html`<p>Nothing waits for a lead in <strong>${cilName}</strong>: every step the daily check proposed has been decided.</p>`
      : html`<p>Steps the daily check proposed for <strong>${cilName}</strong>. Approve to carry one out (the roster follows), or dismiss it with a reason.</p>`;
  return html`<!DOCTYPE html>
<html>
<head><base target="_top"><style>${new Html(STYLE)}</style></head>
<body>
${intro}
${pending.map((step) => stepItem(step, timeZone))}
<script>${new Html(SCRIPT)}</script>
</body>
</html>`.markup;
}

/** Entry point (menu "Review pending actions…"): the sidebar for the CIL whose spreadsheet is open. */
export function openPendingActionsSidebar(): void {
  showCilSidebar('Review pending actions', (cil) => pendingActionsPage(cil.settings.cilName, pendingActionsOf(cil), cil.settings.timeZone), 'Pending actions');
}
