import { describe, it, expect } from 'vitest';
import { deliverablesTab, type Deliverable } from '../../shared/records/deliverable';
import { runOk } from './built-bundle';
import { logOf, pasteRecords, recordsOf, rosterOf, setSetting, setUpDemo, volunteerNamed, type Demo } from './daily-run-fixture';

// The weekly run's digests through the built bundle, on the demo CIL (Friday 27 Nov 2026 in Karachi):
// the leads' weekly digest once per ISO week, the CfP lead's monthly digest once per month.

const DAY = 24 * 3600_000;
const CFP_LEAD = 'cil-leads@codeforpakistan.example';

interface DigestReport {
  digest: 'weekly' | 'monthly';
  period: string;
  checkKey: string;
  to: string[];
  mail: string;
  problem?: string;
}
type WeeklyResult = { cilId: string; added: string[]; digests: DigestReport[]; problem?: string }[];

const outboxOf = (demo: Demo) => demo.sandbox.state.mail.outbox;
const digestRows = (demo: Demo) => logOf(demo).filter((event) => event.kind === 'note' && /digest:/.test(event.checkKey ?? ''));
const settingOf = (demo: Demo, label: string) =>
  demo.sandbox.state.spreadsheets[demo.spreadsheetId]!.sheets.find((sheet) => sheet.name === 'Settings')!.values.find((cells) => cells[0] === label)?.[1];

describe('the weekly digests', () => {
  it("send the leads the CIL's health once a week, naming who is at risk and why", () => {
    const demo = setUpDemo();
    // The daily check first, so proposed warnings wait for the lead.
    runOk(demo.sandbox, 'runDailyCheck');
    const before = outboxOf(demo).length;
    const leads = String(settingOf(demo, 'Lead emails') ?? '');
    expect(leads).not.toBe('');

    const run = demo.sandbox.run('runWeeklyTasks');
    expect(run.error).toBeNull();
    const [result] = run.value as WeeklyResult;
    const weekly = result!.digests.find((d) => d.digest === 'weekly')!;
    expect(weekly).toMatchObject({ period: '2026-W48', checkKey: `digest:${demo.cilId}:2026-W48`, mail: 'sent' });
    const sent = outboxOf(demo).slice(before);
    const digest = sent.find((mail) => /weekly health, 2026-W48/.test(mail.subject))!;
    expect(digest.to).toEqual(leads.split(/[,\s]+/).filter(Boolean).map((email) => email.toLowerCase()));
    expect(digest.subject).toMatch(/\d+ at risk, \d+ inactive, 2 waiting for you/);
    // The at-risk and inactive volunteers are named with their reasons; the proposed warnings wait.
    // Ali Hassan, fading, crossed from at risk into inactive this Friday: 15 days without contact.
    expect(digest.body).toMatch(/- Ali Hassan \([^)]+\), inactive: Missed 1 call or meetup without prior notice \(2 in a row is inactivity\)[^\n]*No communication for 15 days/);
    expect(digest.body).toMatch(/- Omar Farooq \([^)]+\), inactive: Missed 2 consecutive calls and meetups/);
    expect(digest.body).toMatch(/- warning for Omar Farooq: Warning 1 of 2, inactive since 2026-11-19/);
    expect(digest.body).toMatch(/- warning for Ali Hassan: Warning 1 of 2/);
    expect(digest.htmlBody).toContain('<li>');
    console.log(`weekly run with digests, demo CIL: ${run.meter.serviceCalls} service calls, ${run.meter.cellsRead} cells read, ${run.meter.cellsWritten} written`, run.meter.callsByMethod);
    // One read of each tab the digests look at (Settings, Volunteers, Deliverables, Meetings,
    // Attendance, Notices, Hours, the log); one append of deliverables, one of the digests' log rows.
    expect(run.meter.callsByMethod['Range.getValues']).toBe(8);
    expect(run.meter.callsByMethod['Range.setValues']).toBe(2);

    const rows = digestRows(demo);
    expect(rows.map((e) => [e.checkKey, e.status, e.by, e.emailSentAt !== undefined])).toEqual([
      [`digest:${demo.cilId}:2026-W48`, 'sent', 'weekly run', true],
      [`monthly-digest:${demo.cilId}:2026-10`, 'sent', 'weekly run', true],
    ]);

    // Twice in the same week: nothing more is sent or logged.
    const again = runOk<WeeklyResult>(demo.sandbox, 'runWeeklyTasks');
    expect(again[0]!.digests).toEqual([]);
    expect(outboxOf(demo).length).toBe(before + sent.length);
    expect(digestRows(demo)).toHaveLength(2);
  });

  it('list the deliverables due this week, with owner, due day, status and link, escaped', () => {
    const demo = setUpDemo();
    const omar = volunteerNamed(demo, 'Omar Farooq');
    const survey = '<b>Survey</b> & "results"';
    const link = 'https://docs.google.com/document/d/1abc/edit?usp=sharing&x=<y>';
    const added: Deliverable[] = [
      { id: 'd-survey', kind: 'other', title: survey, ownerVolunteerId: omar.id, dueOn: '2026-11-29', status: 'pending', link },
      // Monday of the next week (W49): not this week's.
      { id: 'd-next-week', kind: 'other', title: 'Next week', ownerVolunteerId: omar.id, dueOn: '2026-11-30', status: 'pending' },
      { id: 'd-waived', kind: 'other', title: 'Waived one', ownerVolunteerId: 'v-not-on-roster', dueOn: '2026-11-26', status: 'waived' },
    ];
    pasteRecords(demo.sandbox, demo.spreadsheetId, deliverablesTab, added);
    // The demo's own deliverable due in W48 (23 to 29 November): last week's summary, submitted on time.
    const summary = recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab).find((d) => d.title === 'Weekly summary 2026-W47')!;
    const owner = rosterOf(demo).find((v) => v.id === summary.ownerVolunteerId)!;

    runOk(demo.sandbox, 'runWeeklyTasks');
    const digest = outboxOf(demo).find((mail) => /weekly health, 2026-W48/.test(mail.subject))!;
    const section = /\nDue this week\n-+\n\n([\s\S]*?)\n\n/.exec(digest.body)?.[1];
    expect(section?.split('\n')).toEqual([
      `- weekly summary "Weekly summary 2026-W47" (${summary.id}), ${owner.name}, due Monday 23 November 2026: submitted on Monday 23 November 2026`,
      '- other "Waived one" (d-waived), v-not-on-roster, due Thursday 26 November 2026: waived',
      `- other "${survey}" (d-survey), Omar Farooq, due Sunday 29 November 2026: pending, ${link}`,
    ]);
    expect(digest.htmlBody).not.toMatch(/<b>Survey|<y>/);
    expect(digest.htmlBody).toContain('&lt;b&gt;Survey&lt;/b&gt; &amp; &quot;results&quot;');
    expect(digest.htmlBody).toContain('usp=sharing&amp;x=&lt;y&gt;');
  });

  it("send the CfP lead the previous month once, on the month's first weekly run", () => {
    const demo = setUpDemo();
    // The demo's first run (Friday 27 Nov) sends October's; the Mondays after it follow the schedule.
    runOk(demo.sandbox, 'runWeeklyTasks');
    const cfpMail = () => outboxOf(demo).filter((mail) => mail.to.includes(CFP_LEAD) && /monthly digest/.test(mail.subject));
    expect(cfpMail().map((mail) => mail.subject)).toEqual(['CIL Demo monthly digest, 2026-10']);

    runOk(demo.sandbox, 'turnOnSchedule');
    const monday30 = demo.sandbox.advance(4 * DAY).filter((r) => r.functionName === 'runWeeklyTasks');
    expect(monday30.map((r) => r.error)).toEqual([null]);
    expect((monday30[0]!.value as WeeklyResult)[0]!.digests.map((d) => [d.digest, d.period, d.mail])).toEqual([['weekly', '2026-W49', 'sent']]);
    expect(cfpMail()).toHaveLength(1);

    const monday7 = demo.sandbox.advance(7 * DAY).filter((r) => r.functionName === 'runWeeklyTasks');
    expect((monday7[0]!.value as WeeklyResult)[0]!.digests.map((d) => [d.digest, d.period, d.to, d.mail])).toEqual([
      ['weekly', '2026-W50', expect.any(Array), 'sent'],
      ['monthly', '2026-11', [CFP_LEAD], 'sent'],
    ]);
    const november = cfpMail().at(-1)!;
    expect(november.subject).toMatch(/^CIL Demo monthly digest, 2026-11/);
    expect(november.body).toMatch(/Meetings held\n-+\n\n- monthly CfP call: 1\n- hack night: 1\n- CIL meetup: 2\n/);
    expect(november.body).toMatch(/- 6 submitted on time, 1 submitted late, 2 not submitted\n/);
    expect(november.body).toContain('Not submitted: biweekly update "Biweekly update 2026-B24" (d-biweekly-update-2026-B24), due 2026-11-30, owner Ayesha Khan');

    // A second run that Monday sends neither again.
    const count = outboxOf(demo).length;
    expect(runOk<WeeklyResult>(demo.sandbox, 'runWeeklyTasks')[0]!.digests).toEqual([]);
    expect(outboxOf(demo).length).toBe(count);
    expect(digestRows(demo).filter((e) => e.checkKey!.startsWith('monthly-digest:')).map((e) => e.checkKey)).toEqual([
      `monthly-digest:${demo.cilId}:2026-10`,
      `monthly-digest:${demo.cilId}:2026-11`,
    ]);
  });

  it('report, and do not throw, that a CIL without a CfP lead email gets no monthly digest', () => {
    const demo = setUpDemo();
    setSetting(demo, 'CfP lead email', '');
    const run = demo.sandbox.run('runWeeklyTasks');
    expect(run.error).toBeNull();
    const [result] = run.value as WeeklyResult;
    expect(result!.problem).toBeUndefined();
    expect(result!.digests.map((d) => [d.digest, d.mail])).toEqual([
      ['weekly', 'sent'],
      ['monthly', 'no recipient'],
    ]);
    expect(result!.digests[1]!.problem).toMatch(/no "CfP lead email"/);
    expect(outboxOf(demo).some((mail) => /monthly digest/.test(mail.subject))).toBe(false);
    // Nothing is logged for it, so it goes once a CfP lead email is set.
    expect(digestRows(demo).map((e) => e.checkKey)).toEqual([`digest:${demo.cilId}:2026-W48`]);
    setSetting(demo, 'CfP lead email', CFP_LEAD);
    expect(runOk<WeeklyResult>(demo.sandbox, 'runWeeklyTasks')[0]!.digests.map((d) => [d.digest, d.mail])).toEqual([['monthly', 'sent']]);
  });
});
