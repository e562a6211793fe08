import { describe, it, expect } from 'vitest';
import { asLead } from './as-lead';
import { runOk } from './built-bundle';
import { logOf, setSetting, setUpDemo, volunteerNamed, type Demo } from './daily-run-fixture';

// The daily check and a lead's approval send the accountability emails, through the built bundle on the
// demo CIL (Friday 27 Nov 2026, 10:00 in Karachi: 26 Nov in the quota's Pacific day).

const outboxOf = (demo: Demo) => demo.sandbox.state.mail.outbox;
const mailTo = (demo: Demo, name: string) => outboxOf(demo).filter((mail) => mail.to.includes(volunteerNamed(demo, name).email));

function turnRemindersOff(demo: Demo): void {
  asLead(
    demo.sandbox,
    (spreadsheetId: string) => {
      const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Volunteers')!;
      const column = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf('Reminders') + 1;
      sheet.getRange(2, column, sheet.getLastRow() - 1, 1).setValue('off');
    },
    [demo.spreadsheetId],
  );
}

describe('accountability emails', () => {
  it('in review mode emails the reminders at once and a warning only once a lead approves it, with its evidence', () => {
    const demo = setUpDemo();
    const before = outboxOf(demo).length;
    runOk(demo.sandbox, 'runDailyCheck');
    const reminders = logOf(demo).filter((e) => e.kind === 'reminder');
    expect(reminders.length).toBeGreaterThan(0);
    expect(outboxOf(demo).length).toBe(before + reminders.length);
    expect(outboxOf(demo).some((mail) => /Formal warning/.test(mail.subject))).toBe(false);

    const warning = logOf(demo).find((e) => e.kind === 'warning' && e.volunteerId === volunteerNamed(demo, 'Omar Farooq').id)!;
    const decision = runOk<{ mail: string }>(demo.sandbox, 'approveAction', [warning.id]);
    expect(decision.mail).toBe('sent');
    const [letter] = mailTo(demo, 'Omar Farooq').filter((mail) => /Formal warning 1 of 2/.test(mail.subject));
    expect(letter).toBeDefined();
    expect(letter!.body).toMatch(/Missed 2 consecutive calls and meetups without prior notice/);
    expect(letter!.htmlBody).toMatch(/<li>/);
    expect(logOf(demo).find((e) => e.id === warning.id)).toMatchObject({ status: 'sent', emailSentAt: expect.any(String) });
  });

  it('in automatic mode emails the warnings at once, and a second run sends nothing twice', () => {
    const demo = setUpDemo();
    setSetting(demo, 'Mode', 'automatic');
    runOk(demo.sandbox, 'runDailyCheck');
    expect(mailTo(demo, 'Omar Farooq').filter((mail) => /Formal warning/.test(mail.subject))).toHaveLength(1);
    expect(mailTo(demo, 'Ali Hassan').filter((mail) => /Formal warning/.test(mail.subject))).toHaveLength(1);
    expect(logOf(demo).filter((e) => e.status === 'approved' && e.kind !== 'note')).toEqual([]);
    const sent = outboxOf(demo).length;
    runOk(demo.sandbox, 'runDailyCheck');
    expect(outboxOf(demo).length).toBe(sent);
  });

  it('sends no reminder to a volunteer who turned reminders off, but still sends the warning', () => {
    const demo = setUpDemo();
    setSetting(demo, 'Mode', 'automatic');
    turnRemindersOff(demo);
    const before = outboxOf(demo).length;
    runOk(demo.sandbox, 'runDailyCheck');
    const reminders = logOf(demo).filter((e) => e.kind === 'reminder');
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((e) => e.status === 'approved' && e.emailSentAt === undefined)).toBe(true);
    expect(outboxOf(demo).slice(before).map((mail) => mail.subject).every((subject) => /Formal warning/.test(subject))).toBe(true);
    expect(mailTo(demo, 'Omar Farooq').filter((mail) => /Formal warning/.test(mail.subject))).toHaveLength(1);
  });

  it('defers what the mail quota does not allow, then sends it the next day and marks its rows sent', () => {
    const demo = setUpDemo();
    setSetting(demo, 'Mode', 'automatic');
    demo.sandbox.state.mail.recipientsByDay['2026-11-26'] = 1_000_000;
    const before = outboxOf(demo).length;
    const run = runOk<{ checked: { steps: { mail?: string }[] }[] }>(demo.sandbox, 'runDailyCheck');
    expect(outboxOf(demo).length).toBe(before);
    const deferred = run.checked[0]!.steps.filter((step) => step.mail === 'deferred').length;
    expect(deferred).toBeGreaterThan(0);
    const waiting = logOf(demo).filter((e) => e.status === 'approved' && e.kind !== 'note');
    expect(waiting).toHaveLength(deferred);

    demo.sandbox.advance(24 * 3600_000);
    runOk(demo.sandbox, 'runDailyCheck');
    const marked = logOf(demo).filter((e) => waiting.some((w) => w.id === e.id));
    expect(marked.every((e) => e.status === 'sent' && e.emailSentAt !== undefined)).toBe(true);
    expect(mailTo(demo, 'Omar Farooq').filter((mail) => /Formal warning/.test(mail.subject))).toHaveLength(1);
  });

  it('"Send deferred emails" from the menu sends what waits and marks its rows sent at once', () => {
    const demo = setUpDemo();
    setSetting(demo, 'Mode', 'automatic');
    demo.sandbox.state.mail.recipientsByDay['2026-11-26'] = 1_000_000;
    runOk(demo.sandbox, 'runDailyCheck');
    const waiting = logOf(demo).filter((e) => e.status === 'approved' && e.kind !== 'note');
    expect(waiting.length).toBeGreaterThan(0);

    demo.sandbox.advance(24 * 3600_000);
    demo.sandbox.openSpreadsheet(demo.spreadsheetId);
    expect(demo.sandbox.chooseMenuItem(demo.spreadsheetId, 'sendDeferredMail').error).toBeNull();
    const marked = logOf(demo).filter((e) => waiting.some((w) => w.id === e.id));
    expect(marked.map((e) => e.status)).toEqual(waiting.map(() => 'sent'));
    expect(marked.every((e) => e.emailSentAt === '2026-11-28T05:00:00.000Z')).toBe(true);
    expect(mailTo(demo, 'Omar Farooq').filter((mail) => /Formal warning/.test(mail.subject))).toHaveLength(1);
  });

  it('previews the emails it would send without sending them', () => {
    const demo = setUpDemo();
    const before = outboxOf(demo).length;
    const preview = runOk<{ cils: { emails: { to: string[]; subject: string }[] }[] }>(demo.sandbox, 'previewDailyCheck', [demo.cilId]);
    expect(preview.cils[0]!.emails.length).toBeGreaterThan(0);
    expect(outboxOf(demo).length).toBe(before);
    runOk(demo.sandbox, 'runDailyCheck');
    expect(outboxOf(demo).slice(before).map((mail) => mail.subject).sort()).toEqual(preview.cils[0]!.emails.map((email) => email.subject).sort());
  });
});
