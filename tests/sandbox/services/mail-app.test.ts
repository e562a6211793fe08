import { describe, expect, it } from 'vitest';
import { createMailApp } from '../../../sandbox/src/services/mail-app';
import { createUtilities } from '../../../sandbox/src/services/utilities';
import { createDriveApp } from '../../../sandbox/src/services/drive-app';
import { errorOf, serviceContext } from './service-context';

// 2026-11-27T05:00Z is 21:00 on 26 November in Pacific time.
const setup = (accountType: 'consumer' | 'workspace' = 'consumer') => {
  const ctx = serviceContext({ accountType });
  return { ctx, MailApp: createMailApp(ctx), Utilities: createUtilities(ctx), DriveApp: createDriveApp(ctx) };
};

const addresses = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `v${from + i}@cil.example`);

describe('MailApp.sendEmail forms', () => {
  it('sends (recipient, subject, body) from the user, counting the day in Pacific time', () => {
    const { ctx, MailApp } = setup();
    MailApp.sendEmail('ali@cil.example, sara@cil.example', 'Weekly summary', 'Hours: 5');
    expect(ctx.state.mail.outbox).toHaveLength(1);
    const sent = ctx.state.mail.outbox[0]!;
    expect(sent).toMatchObject({
      from: 'lead@cil-demo.example',
      to: ['ali@cil.example', 'sara@cil.example'],
      cc: [],
      bcc: [],
      subject: 'Weekly summary',
      body: 'Hours: 5',
      htmlBody: '',
      noReply: false,
    });
    expect(sent.sentAt.toISOString()).toBe('2026-11-27T05:00:00.000Z');
    expect(ctx.state.mail.recipientsByDay).toEqual({ '2026-11-26': 2 });
    expect(MailApp.getRemainingDailyQuota()).toBe(98);
  });

  it('takes options: HTML body, name, reply-to, cc, bcc and attachments (Blobs or Drive files)', () => {
    const { ctx, MailApp, Utilities, DriveApp } = setup();
    const file = DriveApp.createFile('hours.csv', 'a,b\n1,2', 'text/csv');
    MailApp.sendEmail('ali@cil.example', 'Report', 'plain text', {
      htmlBody: '<b>Report</b>',
      name: 'CIL Hub',
      replyTo: 'lead@cil.example',
      cc: 'mentor@cfp.example',
      bcc: 'archive@cil.example',
      attachments: [Utilities.newBlob('%PDF-1.4', 'application/pdf', 'report.pdf'), file],
    });
    const sent = ctx.state.mail.outbox[0]!;
    expect(sent).toMatchObject({
      to: ['ali@cil.example'],
      cc: ['mentor@cfp.example'],
      bcc: ['archive@cil.example'],
      name: 'CIL Hub',
      replyTo: 'lead@cil.example',
      body: 'plain text',
      htmlBody: '<b>Report</b>',
      attachments: [
        { name: 'report.pdf', mimeType: 'application/pdf', bytes: 8 },
        { name: 'hours.csv', mimeType: 'text/csv', bytes: 7 },
      ],
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(97); // to + cc + bcc
  });

  it('takes a message object, and the legacy (to, replyTo, subject, body) form', () => {
    const { ctx, MailApp } = setup();
    MailApp.sendEmail({ to: 'ali@cil.example', subject: 'Warning', htmlBody: '<p>Missed two calls</p>', noReply: true });
    MailApp.sendEmail('ali@cil.example', 'lead@cil.example', 'Re: appeal', 'Accepted');
    expect(ctx.state.mail.outbox.map((m) => [m.subject, m.htmlBody, m.replyTo, m.body, m.noReply])).toEqual([
      ['Warning', '<p>Missed two calls</p>', '', '', true],
      ['Re: appeal', '', 'lead@cil.example', 'Accepted', false],
    ]);
  });
});

describe('MailApp validation', () => {
  it('refuses an invalid address anywhere, and sends nothing', () => {
    const { ctx, MailApp } = setup();
    expect(errorOf(() => MailApp.sendEmail('ali@cil.example, not-an-address', 's', 'b'))).toBe('Invalid email: not-an-address');
    expect(errorOf(() => MailApp.sendEmail('ali@cil.example', 's', 'b', { cc: 'Ali <ali@cil.example>' }))).toBe(
      'Invalid email: Ali <ali@cil.example>',
    );
    expect(errorOf(() => MailApp.sendEmail('ali@cil.example', 's', 'b', { replyTo: 'nobody' }))).toBe('Invalid email: nobody');
    expect(ctx.state.mail.outbox).toEqual([]);
    expect(ctx.state.mail.recipientsByDay).toEqual({});
  });

  it('needs a recipient and a subject, and a known signature', () => {
    const { MailApp } = setup();
    expect(errorOf(() => MailApp.sendEmail('', 'Subject', 'Body'))).toBe('Failed to send email: no recipient');
    expect(errorOf(() => MailApp.sendEmail({ subject: 'Subject', body: 'Body' }))).toBe('Failed to send email: no recipient');
    expect(errorOf(() => MailApp.sendEmail({ to: 'ali@cil.example', body: 'Body' }))).toBe('Invalid argument: subject');
    expect(errorOf(() => MailApp.sendEmail('ali@cil.example', 'Subject'))).toBe(
      "The parameters (String,String) don't match the method signature for MailApp.sendEmail.",
    );
    expect(errorOf(() => MailApp.sendEmail('ali@cil.example', 'Subject', 42))).toBe(
      "The parameters (String,String,number) don't match the method signature for MailApp.sendEmail.",
    );
  });

  it('allows 50 recipients in one message, not 51', () => {
    const { ctx, MailApp } = setup();
    MailApp.sendEmail(addresses(30).join(','), 'fifty', 'b', { cc: addresses(20, 30).join(',') });
    expect(errorOf(() => MailApp.sendEmail(addresses(50).join(','), 'fifty-one', 'b', { bcc: 'x@cil.example' }))).toBe(
      'Limit Exceeded: Email Recipients Per Message.',
    );
    expect(ctx.state.mail.outbox.map((m) => m.subject)).toEqual(['fifty']);
  });
});

describe('MailApp daily recipient quota', () => {
  it('runs out at exactly 100 recipients on a consumer account, and then sends nothing', () => {
    const { ctx, MailApp } = setup();
    MailApp.sendEmail(addresses(50).join(','), 'first', 'b');
    MailApp.sendEmail(addresses(49, 50).join(','), 'second', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    // Two recipients do not fit in what is left: the whole message is refused.
    expect(errorOf(() => MailApp.sendEmail('a@cil.example,b@cil.example', 'too many', 'b'))).toBe(
      'Service invoked too many times for one day: email.',
    );
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    MailApp.sendEmail('a@cil.example', 'last one', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(errorOf(() => MailApp.sendEmail('b@cil.example', 'after', 'b'))).toBe('Service invoked too many times for one day: email.');
    expect(ctx.state.mail.outbox.map((m) => m.subject)).toEqual(['first', 'second', 'last one']);
    expect(ctx.state.mail.recipientsByDay).toEqual({ '2026-11-26': 100 });
  });

  it('starts afresh on the next day in Pacific time, not at UTC or Karachi midnight', () => {
    const { ctx, MailApp } = setup();
    MailApp.sendEmail(addresses(50).join(','), 'a', 'b');
    MailApp.sendEmail(addresses(50, 50).join(','), 'b', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    ctx.advance(2 * 60 * 60 * 1000 + 59 * 60 * 1000); // 07:59Z: 23:59 on the 26th in Los Angeles
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(errorOf(() => MailApp.sendEmail('a@cil.example', 'late', 'b'))).toBe('Service invoked too many times for one day: email.');
    ctx.advance(60 * 1000); // 08:00Z: midnight in Los Angeles
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    MailApp.sendEmail('a@cil.example', 'next day', 'b');
    expect(ctx.state.mail.recipientsByDay).toEqual({ '2026-11-26': 100, '2026-11-27': 1 });
  });

  it('gives Workspace accounts 1,500 recipients a day', () => {
    const { MailApp } = setup('workspace');
    expect(MailApp.getRemainingDailyQuota()).toBe(1500);
  });
});
