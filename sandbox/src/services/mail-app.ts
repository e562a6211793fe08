import type { ExecutionContext } from '../execution';
import { fail, googleErrors } from '../google-errors';
import type { MailMessageState } from '../workspace';
import { Blob, blobFrom } from './blob';
import { formatDate } from './date-format';

// developers.google.com/apps-script/reference/mail/mail-app and …/guides/services/quotas.
// The daily quota counts recipients (to + cc + bcc), not messages. Google resets it 24 hours after the
// first send of the window; the sandbox counts per calendar day in Pacific time (America/Los_Angeles),
// the time zone of Google's published quota resets, so a day's count is stable and easy to reason about.

const QUOTA_TIME_ZONE = 'America/Los_Angeles';
/** Quotas page: email body size 200 KB per message; attachments 250 per message, 25 MB in total. */
const MAX_BODY_BYTES = 200 * 1024;
const MAX_ATTACHMENTS = 250;
const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** An addr-spec of the common kind: one '@', a dot in the domain, no spaces or brackets. Display-name forms are refused. */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

export function isValidEmail(address: string): boolean {
  return EMAIL.test(address) && !address.startsWith('.') && !address.includes('..');
}

interface MailOptions {
  to?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  name?: unknown;
  replyTo?: unknown;
  cc?: unknown;
  bcc?: unknown;
  noReply?: unknown;
  attachments?: unknown;
}

export function createMailApp(ctx: ExecutionContext) {
  const quotaDay = () => formatDate(ctx.now(), QUOTA_TIME_ZONE, 'yyyy-MM-dd');
  const usedToday = () => ctx.state.mail.recipientsByDay[quotaDay()] ?? 0;

  const addresses = (list: unknown, field: string): string[] => {
    if (list === undefined || list === null || list === '') return [];
    if (typeof list !== 'string') return fail(googleErrors.invalidArgument(field));
    return list
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '')
      .map((a) => (isValidEmail(a) ? a : fail(googleErrors.invalidEmail(a))));
  };

  const optionalString = (value: unknown, field: string): string => {
    if (value === undefined || value === null) return '';
    return typeof value === 'string' ? value : fail(googleErrors.invalidArgument(field));
  };

  const send = (message: MailOptions) => {
    const to = addresses(message.to, 'to');
    const cc = addresses(message.cc, 'cc');
    const bcc = addresses(message.bcc, 'bcc');
    const recipients = to.length + cc.length + bcc.length;
    if (recipients === 0) fail(googleErrors.mailNoRecipient());
    if (typeof message.subject !== 'string') fail(googleErrors.invalidArgument('subject'));
    const body = optionalString(message.body, 'body');
    const htmlBody = optionalString(message.htmlBody, 'htmlBody');
    const name = optionalString(message.name, 'name');
    const replyTo = optionalString(message.replyTo, 'replyTo');
    if (replyTo !== '' && !isValidEmail(replyTo)) fail(googleErrors.invalidEmail(replyTo));
    if (Buffer.byteLength(body) > MAX_BODY_BYTES || Buffer.byteLength(htmlBody) > MAX_BODY_BYTES) {
      fail(googleErrors.mailBodyTooLarge());
    }
    const attachments = attachmentsOf(message.attachments);
    if (recipients > ctx.quotas.recipientsPerMessage) fail(googleErrors.tooManyRecipients());
    // The whole message is refused when its recipients do not fit in what is left of today's quota.
    const day = quotaDay();
    const used = ctx.state.mail.recipientsByDay[day] ?? 0;
    if (used + recipients > ctx.quotas.mailRecipientsPerDay) fail(googleErrors.mailQuotaExceeded());

    const sent: MailMessageState = {
      id: ctx.newId('mail'),
      sentAt: ctx.now(),
      from: ctx.state.user.email,
      to,
      cc,
      bcc,
      replyTo,
      name,
      subject: message.subject as string,
      body,
      htmlBody,
      attachments,
      noReply: message.noReply === true,
    };
    ctx.state.mail.outbox.push(sent);
    ctx.state.mail.recipientsByDay[day] = used + recipients;
  };

  return {
    getRemainingDailyQuota: () => Math.max(0, ctx.quotas.mailRecipientsPerDay - usedToday()),

    /**
     * sendEmail(message) · sendEmail(recipient, subject, body) · sendEmail(recipient, subject, body, options)
     * · sendEmail(to, replyTo, subject, body).
     */
    sendEmail(...args: unknown[]): void {
      const mismatch = () => fail(googleErrors.signatureMismatch(args, 'MailApp.sendEmail'));
      const strings = (n: number) => args.slice(0, n).every((a) => typeof a === 'string');
      if (args.length === 1) {
        const message = args[0];
        if (typeof message !== 'object' || message === null || Array.isArray(message)) mismatch();
        send(message as MailOptions);
      } else if (args.length === 3 && strings(3)) {
        send({ to: args[0], subject: args[1], body: args[2] });
      } else if (args.length === 4 && strings(4)) {
        send({ to: args[0], replyTo: args[1], subject: args[2], body: args[3] });
      } else if (args.length === 4 && strings(3) && typeof args[3] === 'object' && args[3] !== null) {
        const options = args[3] as MailOptions;
        send({ ...options, to: args[0], subject: args[1], body: args[2] });
      } else {
        mismatch();
      }
    },
  };
}

function attachmentsOf(list: unknown): MailMessageState['attachments'] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) return fail(googleErrors.invalidArgument('attachments'));
  if (list.length > MAX_ATTACHMENTS) fail(googleErrors.mailTooManyAttachments());
  const attachments = list.map((source: unknown) => {
    const blob = blobFrom(source, 'attachments');
    return {
      name: blob.getName() ?? 'attachment',
      mimeType: blob.getContentType() ?? 'application/octet-stream',
      bytes: Blob.bytesOf(blob).length,
    };
  });
  if (attachments.reduce((sum, a) => sum + a.bytes, 0) > MAX_ATTACHMENT_BYTES) fail(googleErrors.mailAttachmentsTooLarge());
  return attachments;
}
