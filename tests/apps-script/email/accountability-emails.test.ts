import { describe, expect, it } from 'vitest';
import type { HandoverStep, Reason, ReintegrationProgress } from '../../../shared/accountability/types';
import { cfpMonthlyDigestEmail } from '../../../apps-script/src/email/accountability/cfp-monthly-digest';
import { formalWarningEmail } from '../../../apps-script/src/email/accountability/formal-warning';
import { hoursReminderEmail } from '../../../apps-script/src/email/accountability/hours-reminder';
import { leadDigestEmail } from '../../../apps-script/src/email/accountability/lead-digest';
import type { AccountabilityEmail } from '../../../apps-script/src/email/accountability/letter';
import { meetingReminderEmail } from '../../../apps-script/src/email/accountability/meeting-reminder';
import { offboardingEmail } from '../../../apps-script/src/email/accountability/offboarding';
import { reintegrationEmail } from '../../../apps-script/src/email/accountability/reintegration';
import { reportDueEmail } from '../../../apps-script/src/email/accountability/report-due';

// The accountability emails as pure builders: each says the same in HTML and plain text, escapes
// every value in the HTML (a volunteer may be called anything), states its evidence, and says how to
// respond. (Importing them must touch no Google global: this file runs in plain Node.)

const HOSTILE = '<img src=x onerror=alert(1)>';
const cil = { cilName: 'CIL Lahore & Co', leadEmails: ['lead@cil.example', 'second@cil.example'] };
const volunteer = { name: HOSTILE, email: 'Drifter@Example.org' };

const missed: Reason = {
  code: 'missed meetings',
  severity: 'inactive',
  summary: 'Missed 2 consecutive calls and meetups without prior notice: CIL meetup "November meetup" on 2026-11-05 [M-3]; monthly CfP call "CfP call" on 2026-11-12 [M-4].',
  since: '2026-11-13',
  evidence: [
    { tab: 'Meetings', id: 'M-3', day: '2026-11-05', what: 'Missed without notice: CIL meetup "November meetup"' },
    { tab: 'Meetings', id: 'M-4', day: '2026-11-12', what: 'Missed without notice: monthly CfP call "CfP call"' },
  ],
};
const silent: Reason = {
  code: 'no communication',
  severity: 'inactive',
  summary: 'No communication for 17 days, more than the 14 allowed; last contact on 2026-11-10: Logged 2 hours [H-9].',
  evidence: [{ tab: 'Hours', id: 'H-9', day: '2026-11-10', what: 'Logged 2 hours' }],
};
const overdue: Reason = {
  code: 'missed deadline',
  severity: 'inactive',
  summary: 'Deadline missed: monthly progress update "October <b>report</b>" [D-5] due 2026-11-20.',
  evidence: [{ tab: 'Deliverables', id: 'D-5', day: '2026-11-20', what: 'Past due, not submitted: monthly progress update "October <b>report</b>" due 2026-11-20' }],
};

/** The HTML with its markup removed and entities decoded: what a reader sees. */
const seen = (markup: string) =>
  markup
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

function expectSafeAndComplete(email: AccountabilityEmail, phrases: readonly string[]) {
  expect(email.html).not.toContain('<img');
  expect(email.html).not.toContain('<b>');
  expect(email.subject).not.toMatch(/\n/);
  expect(email.text.length).toBeGreaterThan(0);
  expect(email.fromName).toBe('CIL Lahore & Co via CIL Hub');
  expect(email.replyTo).toBe('lead@cil.example');
  for (const phrase of phrases) {
    expect(email.text).toContain(phrase);
    expect(seen(email.html)).toContain(phrase);
  }
}

describe('formal warning', () => {
  const email = formalWarningEmail({
    cil,
    volunteer,
    warningNumber: 1,
    warningsBeforeOffboarding: 2,
    respondWithinDays: 14,
    reasons: [missed, silent, overdue],
    today: '2026-11-27',
  });

  it('goes to the volunteer, names the warning, and states the evidence: meetings, days silent, overdue deliverables', () => {
    expect(email.to).toEqual(['drifter@example.org']);
    expect(email.subject).toBe('Formal warning 1 of 2: inactivity in CIL Lahore & Co');
    expectSafeAndComplete(email, [
      `Dear ${HOSTILE},`,
      'formal warning 1 of 2',
      'Friday 27 November 2026',
      'CIL meetup "November meetup" on 2026-11-05',
      'monthly CfP call "CfP call" on 2026-11-12',
      'No communication for 17 days',
      'monthly progress update "October <b>report</b>"',
      '2026-11-12: Missed without notice: monthly CfP call "CfP call" (Meetings M-4)',
    ]);
  });

  it('escapes the name in the HTML and keeps it as typed in the text', () => {
    expect(email.html).toContain('Dear &lt;img src=x onerror=alert(1)&gt;,');
    expect(email.text).toContain(`Dear ${HOSTILE},`);
  });

  it('says how to respond: reply to the lead within the days, give notice, be active again, appeal; and what comes next', () => {
    expectSafeAndComplete(email, [
      'How to respond',
      'Reply to this email within 14 days: it reaches your CIL lead (lead@cil.example)',
      'give notice',
      'Activity after this warning answers it',
      'You may appeal this warning',
      'the next step is warning 2',
    ]);
  });

  it('says the last warning leads to offboarding', () => {
    const last = formalWarningEmail({ cil, volunteer, warningNumber: 2, warningsBeforeOffboarding: 2, respondWithinDays: 14, reasons: [silent], today: '2026-12-15' });
    expect(last.text).toContain('This is your last warning: if the inactivity continues, the next step is offboarding');
  });
});

describe('offboarding', () => {
  const handover: HandoverStep[] = [
    { item: 'projects', text: 'Hand over the 1 project they lead to another lead: "Bus <script>stops</script>" [P-2].', refs: [] },
    { item: 'drive', text: "Change their access to the CIL's Drive folder to viewer.", refs: [] },
    { item: 'roster', text: 'Set their status to "offboarded" in the Volunteers tab.', refs: [] },
  ];
  const email = offboardingEmail({ cil, volunteer, warnings: 2, reasons: [silent], handover, reintegrationHours: 5, reintegrationMeetings: 1, today: '2026-12-30' });

  it('goes to the volunteer and the leads, with the evidence, the handover checklist and how to appeal', () => {
    expect(email.to).toEqual(['drifter@example.org', 'lead@cil.example', 'second@cil.example']);
    expectSafeAndComplete(email, [
      'After 2 formal warnings',
      'No communication for 17 days',
      'Handover checklist',
      'Hand over the 1 project they lead to another lead: "Bus <script>stops</script>" [P-2].',
      'Set their status to "offboarded" in the Volunteers tab.',
      'How to appeal',
      'logged 5 hours and attended 1 meeting',
    ]);
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain('1. Hand over the 1 project');
    expect(email.text).toContain('3. Set their status');
    expect(email.html).toMatch(/<ol><li>Hand over the 1 project.*<\/li><li>Change their access.*<\/li><li>Set their status/);
  });
});

describe('reintegration', () => {
  const terms: ReintegrationProgress = {
    appealEventId: 'E-40',
    appealedAt: '2027-01-04T06:00:00.000Z',
    hoursSince: 6.5,
    hoursNeeded: 5,
    meetingsSince: 2,
    meetingsNeeded: 1,
    met: true,
    evidence: [],
  };
  it('states the terms and how they were met, in the CIL time zone', () => {
    const email = reintegrationEmail({ cil, volunteer, terms, weeklyCommitment: 5, timeZone: 'Asia/Karachi' });
    expectSafeAndComplete(email, ['appealed your offboarding on Monday 4 January 2027', 'Hours logged: 6.5 hours (5 hours needed)', 'Meetings attended: 2 meetings (1 needed)', 'Earlier warnings no longer count']);
  });
});

describe('optional reminders', () => {
  it('hours reminder: the week day by day against the commitment, and how to opt out', () => {
    const email = hoursReminderEmail({
      cil,
      volunteer,
      week: '2026-W48',
      weekFirst: '2026-11-23',
      today: '2026-11-27',
      logged: [{ day: '2026-11-24', hours: 1.5 }],
      weeklyCommitment: 5,
    });
    expect(email.to).toEqual(['drifter@example.org']);
    expectSafeAndComplete(email, ['you have logged 1.5 hours', '3.5 hours are still to come', 'Tuesday 24 November 2026: 1.5 hours', 'To stop these reminders']);
  });

  it('meeting reminder: when in the CIL time zone, the Meet link, how to give notice', () => {
    const email = meetingReminderEmail({
      cil,
      volunteer,
      meeting: { kind: 'CIL meetup', title: 'December <meetup>', startsAt: '2026-12-03T13:00:00.000Z', endsAt: '2026-12-03T14:30:00.000Z', meetCode: 'abc-defg-hij' },
      timeZone: 'Asia/Karachi',
    });
    expectSafeAndComplete(email, ['Thursday 3 December 2026, 18:00 to 19:30 (GMT+5)', 'https://meet.google.com/abc-defg-hij', "Can't come? Give notice before it starts", 'To stop these reminders']);
  });

  it('report due: the deliverable, its period and day', () => {
    const email = reportDueEmail({
      cil,
      volunteer,
      deliverable: { id: 'D-7', kind: 'biweekly update', title: 'Update <two>', dueOn: '2026-11-30', period: '2026-W47' },
      today: '2026-11-27',
    });
    expect(email.subject).toBe('Due in 3 days: biweekly update "Update <two>"');
    expectSafeAndComplete(email, ['is due in 3 days, on Monday 30 November 2026', 'for 2026-W47', 'To stop these reminders']);
  });
});

describe('digests', () => {
  const counts = { volunteers: 12, tracked: 10, active: 7, atRisk: 2, inactive: 1, onLeave: 1, newMembers: 1 };
  const cilReasons = [{ code: 'no event this quarter' as const, period: '2026-Q4', summary: 'No event held or planned in 2026-Q4 (at least one a quarter), and its last month has begun.', evidence: [] }];

  it('lead digest: standings, the at-risk list with reasons, the deliverables due this week, steps waiting for a lead', () => {
    const email = leadDigestEmail({
      cil,
      week: '2026-W48',
      today: '2026-11-30',
      counts,
      cilReasons,
      volunteers: [
        { volunteerId: 'V-1', name: 'Steady', standing: 'active', reasons: [] },
        { volunteerId: 'V-2', name: HOSTILE, standing: 'inactive', reasons: [missed] },
      ],
      dueThisWeek: [
        { id: 'D-7', kind: 'biweekly update', title: 'Biweekly update 2026-B24', owner: 'Sana Mir', dueOn: '2026-11-30', status: 'submitted', submittedOn: '2026-11-30' },
        { id: 'D-8', kind: 'other', title: 'Survey <b>report</b>', owner: HOSTILE, dueOn: '2026-12-03', status: 'pending', link: 'https://docs.google.com/document/d/abc?x=1&y="2"' },
      ],
      waiting: [{ type: 'warning', checkKey: 'warning:V-2:1:2026-11-13', volunteerId: 'V-2', volunteerName: HOSTILE, evidenceText: 'Inactive: missed two meetups.' }],
    });
    expect(email.to).toEqual(['lead@cil.example', 'second@cil.example']);
    expectSafeAndComplete(email, [
      '10 tracked members: 7 active, 2 at risk, 1 inactive',
      `${HOSTILE} (V-2), inactive: Missed 2 consecutive`,
      'biweekly update "Biweekly update 2026-B24" (D-7), Sana Mir, due Monday 30 November 2026: submitted on Monday 30 November 2026',
      `other "Survey <b>report</b>" (D-8), ${HOSTILE}, due Thursday 3 December 2026: pending, https://docs.google.com/document/d/abc?x=1&y="2"`,
      `warning for ${HOSTILE}: Inactive: missed two meetups.`,
      '2026-Q4: No event held',
    ]);
    expect(email.text).not.toContain('Steady');
    const quiet = leadDigestEmail({ cil, week: '2026-W48', today: '2026-11-30', counts, cilReasons: [], volunteers: [], dueThisWeek: [], waiting: [] });
    expectSafeAndComplete(quiet, ['Due this week', 'No deliverable is due this week.', 'No proposed step is waiting.']);
  });

  it('CfP monthly digest: members, meetings, reports on time and overdue, steps, mentor check-in', () => {
    const email = cfpMonthlyDigestEmail({
      cil,
      cfpLeadEmail: 'cfp@codeforpakistan.example',
      month: '2026-11',
      today: '2026-12-01',
      counts,
      cilReasons,
      meetings: { 'monthly CfP call': 1, 'CIL meetup': 2 },
      deliverables: { onTime: 3, late: 1, outstanding: [{ id: 'D-5', kind: 'monthly progress update', title: 'October <b>report</b>', dueOn: '2026-11-20', owner: HOSTILE }] },
      steps: { warnings: 1, offboardings: 0, reintegrations: 0, mentorCheckIns: 1 },
    });
    expect(email.to).toEqual(['cfp@codeforpakistan.example']);
    expect(email.subject).toBe('CIL Lahore & Co monthly digest, 2026-11: falling behind');
    expectSafeAndComplete(email, ['monthly CfP call: 1', '3 submitted on time, 1 submitted late, 1 not submitted', `owner ${HOSTILE}`, '1 formal warning, 0 offboardings', '2026-Q4: No event held']);
  });
});
