import type { CalendarDay } from '../../../../shared/time/calendar-day';
import { MONTH_NAMES, partsOf, WEEKDAY_NAMES, weekdayOf } from '../../../../shared/time/calendar-day';
import { html, type Html } from '../html';

// What every accountability email shares: the message shape that mail/outbox.ts sends or defers, and
// a letter made of blocks that renders to HTML and to plain text from the same words, so the two parts
// never disagree. Builders take plain data (no Google services), so tests can call them directly.

/** An email ready for the outbox. */
export interface AccountabilityEmail {
  /** Recipients; the daily mail quota counts each one. */
  to: string[];
  subject: string;
  html: string;
  /** The plain-text part. */
  text: string;
  /** The sender's name as the recipient sees it: "<CIL name> via CIL Hub". */
  fromName: string;
  /** Where a reply goes: the CIL's first lead, so "reply to this email" reaches a person. */
  replyTo?: string;
}

/** The CIL as its emails name it. */
export interface CilContact {
  cilName: string;
  /** Settings' "Lead emails"; the first one gets replies. */
  leadEmails: readonly string[];
}

/** A volunteer as an email addresses them. */
export interface Addressee {
  name: string;
  email: string;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'bullets'; items: readonly string[] }
  | { kind: 'steps'; items: readonly string[] };

export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const heading = (text: string): Block => ({ kind: 'heading', text });
export const bullets = (items: readonly string[]): Block => ({ kind: 'bullets', items });
export const steps = (items: readonly string[]): Block => ({ kind: 'steps', items });

/** "Friday 27 November 2026": days as people read them, not as the sheet stores them. */
export function dayWords(day: CalendarDay): string {
  const { year, month, day: date } = partsOf(day);
  return `${WEEKDAY_NAMES[weekdayOf(day) - 1]} ${date} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** The lead to reply to, in words: "your CIL lead (lead@example.org)". */
export function leadWords(cil: CilContact): string {
  const lead = cil.leadEmails[0];
  return lead === undefined ? 'your CIL lead' : `your CIL lead (${lead})`;
}

/** A subject is one line: a line break in a typed name must not start a new mail header. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function blockHtml(block: Block): Html {
  switch (block.kind) {
    case 'paragraph':
      return html`<p>${block.text}</p>`;
    case 'heading':
      return html`<h3 style="font-size: 15px; margin: 20px 0 8px">${block.text}</h3>`;
    case 'bullets':
      return html`<ul>${block.items.map((item) => html`<li>${item}</li>`)}</ul>`;
    case 'steps':
      return html`<ol>${block.items.map((item) => html`<li>${item}</li>`)}</ol>`;
  }
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'heading':
      return `${block.text}\n${'-'.repeat(block.text.length)}`;
    case 'bullets':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'steps':
      return block.items.map((item, i) => `${i + 1}. ${item}`).join('\n');
  }
}

export interface LetterParts {
  to: readonly string[];
  subject: string;
  cil: CilContact;
  greeting: string;
  blocks: readonly Block[];
  /** A last line in small print, such as how to stop optional reminders. */
  footnote?: string;
}

/** The email: the same blocks as HTML (every value escaped) and as plain text. */
export function letter({ to, subject, cil, greeting, blocks, footnote }: LetterParts): AccountabilityEmail {
  const signature = `— ${cil.cilName}, via CIL Hub`;
  const text = [greeting, ...blocks.map(blockText), signature, ...(footnote === undefined ? [] : [footnote])].join('\n\n');
  const markup = html`<div style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5; color: #202124; max-width: 600px">
<p>${greeting}</p>
${blocks.map(blockHtml)}
<p style="color: #5f6368">${signature}</p>
${footnote === undefined ? '' : html`<p style="color: #5f6368; font-size: 12px">${footnote}</p>`}
</div>`.markup;
  const email: AccountabilityEmail = {
    to: [...new Set(to.map((address) => address.trim().toLowerCase()))],
    subject: oneLine(subject),
    html: markup,
    text,
    fromName: oneLine(`${cil.cilName} via CIL Hub`),
  };
  const lead = cil.leadEmails[0];
  if (lead !== undefined) email.replyTo = lead;
  return email;
}

/** The small print of an optional reminder: who can turn them off. */
export const optionalReminderFootnote = (cil: CilContact) =>
  `This is an optional reminder. To stop these reminders, reply and ask ${leadWords(cil)} to set "Reminders" to off for you in the roster.`;
