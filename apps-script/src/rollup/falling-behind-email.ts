import { plural } from '../../../shared/accountability/evidence-text';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { bullets, dayWords, heading, letter, paragraph, type AccountabilityEmail, type CilContact } from '../email/accountability/letter';

// The national rollup's email to the CfP lead: the CILs newly falling behind, each with its reasons and
// the mentor check-in proposed in its log, then the others still falling behind whose check-in this
// quarter is already logged, so the lead sees the whole list in one message. Every value is escaped by
// the letter (HTML and plain text from the same blocks).

/** The national rollup signs its emails; replies go to the CfP lead's own mailbox (no CIL lead). */
const ROLLUP_CONTACT: CilContact = { cilName: 'CfP national rollup', leadEmails: [] };

export interface NewlyBehind {
  name: string;
  quarter: string;
  reasons: readonly string[];
  leadEmails: readonly string[];
  spreadsheetUrl: string;
}

export interface StillBehind {
  name: string;
  reasons: readonly string[];
  /** The check-in already logged, as the "Falling behind" tab names it. */
  checkIn: string;
}

export interface FallingBehindFacts {
  cfpLeadEmail: string;
  today: CalendarDay;
  newly: readonly NewlyBehind[];
  still: readonly StillBehind[];
  nationalUrl: string;
}

export function fallingBehindEmail({ cfpLeadEmail, today, newly, still, nationalUrl }: FallingBehindFacts): AccountabilityEmail {
  return letter({
    to: [cfpLeadEmail],
    subject: `CIL Hub national rollup: ${plural(newly.length, 'CIL')} falling behind, mentor check-in proposed`,
    cil: ROLLUP_CONTACT,
    greeting: 'Hello,',
    blocks: [
      paragraph(
        `As the CILs' records stood on ${dayWords(today)}, ${plural(newly.length, 'CIL')} fell behind. A mentor check-in with each is proposed to you, ` +
          'and written to its Accountability log; arrange it with its leads.',
      ),
      ...newly.flatMap((cil) => [
        heading(`${cil.name} (${cil.quarter})`),
        bullets(cil.reasons),
        paragraph(`Leads: ${cil.leadEmails.length === 0 ? 'none named in its Settings' : cil.leadEmails.join(', ')}. Its spreadsheet: ${cil.spreadsheetUrl}`),
      ]),
      ...(still.length === 0
        ? []
        : [
            heading('Also falling behind, with a mentor check-in already in their log this quarter'),
            bullets(still.map((cil) => `${cil.name}: ${cil.reasons.join(' ')} Check-in ${cil.checkIn}.`)),
          ]),
      paragraph(`Every CIL, quarter by quarter: ${nationalUrl}`),
    ],
  });
}
