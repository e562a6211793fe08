import { parseEnrollmentCode } from '../../../shared/api/enrollment-code';
import { enrollmentLink } from '../web-app/enrollment-link';
import { html } from './html';

// The email that carries a volunteer's enrollment code: what CIL Hub is, the three steps to connect
// the extension, the code itself, and a link to the web app that hands the code to the extension
// (web-app/enrollment-link.ts), in an HTML part and a plain-text part that say the same thing.

export interface EnrollmentEmailFacts {
  volunteerName: string;
  cilName: string;
  /** The enrollment code, 'cilhub1.…'. */
  code: string;
  /** Who to ask for a new code; the CIL's first lead email, when Settings has one. */
  leadEmail: string | undefined;
}

export interface EmailMessage {
  subject: string;
  /** The plain-text part. */
  body: string;
  htmlBody: string;
}

/** A subject is one line: a line break in a CIL's name must not start a new mail header. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function enrollmentEmail(facts: EnrollmentEmailFacts): EmailMessage {
  const { volunteerName, cilName, code, leadEmail } = facts;
  const askWho = leadEmail === undefined ? 'your CIL lead' : `your CIL lead (${leadEmail})`;
  const steps = [
    'Install the CIL Hub extension in Google Chrome (your CIL lead can send you the link).',
    'Click the CIL Hub icon in the toolbar and choose "Open options" (or right-click the icon and choose Options).',
    'Paste the enrollment code below into "Enrollment code" and press Enroll.',
  ];
  // The code names its own web app; a code that does not parse (none should) just has no link.
  const read = parseEnrollmentCode(code);
  const link = read.ok ? enrollmentLink(read.enrollment.url, code) : undefined;
  const linkIntro = 'Or, once the extension is installed, open this link in Chrome and CIL Hub fills in the code for you:';
  const intro = `You are on the ${cilName} team in CIL Hub, which logs your volunteer hours and meeting attendance from Google Meet and Calendar for you.`;
  const keep = `This code is yours alone: please do not share it. If you lose it or move to another computer, ask ${askWho} for a new one; the old code then stops working.`;

  const body = [
    `Hello ${volunteerName},`,
    '',
    intro,
    '',
    'To connect your browser:',
    ...steps.map((step, i) => `${i + 1}. ${step}`),
    '',
    'Your enrollment code:',
    '',
    code,
    '',
    ...(link === undefined ? [] : [linkIntro, link, '']),
    keep,
    '',
    `— ${cilName}, via CIL Hub`,
  ].join('\n');

  const htmlBody = html`<div style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5; color: #202124; max-width: 560px">
<p>Hello ${volunteerName},</p>
<p>${intro}</p>
<p>To connect your browser:</p>
<ol>${steps.map((step) => html`<li>${step}</li>`)}</ol>
<p>Your enrollment code:</p>
<p style="font-family: monospace; font-size: 13px; background: #f1f3f4; padding: 12px; word-break: break-all; user-select: all">${code}</p>
${link === undefined ? '' : html`<p>${linkIntro} <a href="${link}">Enroll CIL Hub in this browser</a></p>`}
<p>${keep}</p>
<p style="color: #5f6368">— ${cilName}, via CIL Hub</p>
</div>`.markup;

  return { subject: oneLine(`Your CIL Hub enrollment code for ${cilName}`), body, htmlBody };
}
