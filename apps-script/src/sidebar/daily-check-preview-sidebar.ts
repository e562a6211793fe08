import { previewDailyCheck, type DailyCheckPreview, type EmailPreview, type StepTaken } from '../accountability/daily-run';
import { Html, html } from '../html/escape';
import { SIDEBAR_STYLE } from './sidebar-style';
import { showCilSidebar } from './cil-sidebar';

// "Preview daily check…": what the daily check would do today for the CIL whose spreadsheet is open
// (the steps it would log, the roster changes, the emails with their recipients and subjects),
// writing and sending nothing, so a lead can look before the run (or before turning the schedule on).
// Every value goes through `html`; the page has no script.

type CilPreview = DailyCheckPreview['cils'][number];

const STYLE = `${SIDEBAR_STYLE}
h2 { font-size: 14px; margin: 16px 0 6px; }
li { margin-bottom: 6px; }
.evidence { white-space: pre-wrap; color: #3c4043; }
`;

const WAITS_FOR_LEAD = 'waits for a lead to approve it';

function stepItem(step: StepTaken, names: Record<string, string>): Html {
  const who = step.volunteerId === undefined ? 'the whole CIL' : `${names[step.volunteerId] ?? ''} (${step.volunteerId})`.trim();
  const what = step.status === 'proposed' ? WAITS_FOR_LEAD : step.email ? 'carried out, with its email' : 'carried out';
  return html`<li><strong>${step.type}</strong> for <strong>${who}</strong> <span class="hint">(${what})</span><div class="evidence">${step.evidence}</div></li>`;
}

function emailItem(email: EmailPreview): Html {
  const note = email.optedOut ? html` <span class="hint">(not sent: reminders turned off)</span>` : '';
  return html`<li>${email.subject} <span class="hint">to ${email.to.join(', ')}</span>${note}</li>`;
}

function section(title: string, items: Html[], none: string): Html {
  return html`<h2>${title}</h2>${items.length === 0 ? html`<p class="hint">${none}</p>` : html`<ul>${items}</ul>`}`;
}

export function dailyCheckPreviewPage(preview: CilPreview): string {
  const body =
    'problem' in preview
      ? html`<p class="error">The daily check could not read ${preview.name}: ${preview.problem}</p>`
      : html`<p>If the daily check ran now (${preview.today}) for <strong>${preview.name}</strong>, it would do this. Nothing has been written or sent.</p>
${section('Steps for the Accountability log', preview.steps.map((step) => stepItem(step, preview.names)), 'No new step is due today.')}
${section(
  'Roster changes',
  preview.rosterChanges.map((change) => html`<li>${preview.names[change.volunteerId] ?? change.volunteerId}: ${change.from} → ${change.status}${change.tokenRevoked ? ' (enrollment revoked)' : ''}</li>`),
  'None.',
)}
${section('Emails', preview.emails.map(emailItem), 'None.')}
<p class="hint">${preview.awaitingLead} step(s) would wait in Review pending actions….</p>`;
  return html`<!DOCTYPE html>
<html>
<head><base target="_top"><style>${new Html(STYLE)}</style></head>
<body>${body}</body>
</html>`.markup;
}

/** Entry point (menu "Preview daily check…"): the preview for the CIL whose spreadsheet is open. */
export function openDailyCheckPreviewSidebar(): void {
  showCilSidebar('Preview daily check', (cil) => dailyCheckPreviewPage(previewDailyCheck(cil.registered.id).cils[0]!), 'Daily check preview');
}
