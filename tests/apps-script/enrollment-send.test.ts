/// <reference types="google-apps-script" />
import { describe, it, expect } from 'vitest';
import { SANDBOX_WEB_APP_URL } from '../../sandbox/src/workspace';
import { asLead, sheetState, snapshot } from './as-lead';
import {
  addVolunteer,
  addVolunteers,
  codeIn,
  enroll,
  enrollmentIn,
  latestEnrollment,
  leadRearranges,
  outboxTo,
  report,
  roster,
  sandboxWithCil,
  sha256,
  stateOutsideMail,
  volunteerNamed,
  volunteerValues,
} from './roster-fixture';

// "Send enrollment" through the built bundle: codes that carry the web app, the CIL and a strong token;
// only the token's hash in the sheet; the email in HTML and plain text with everything escaped; the
// lead's own columns untouched; the daily mail quota respected without losing a code.

/** Two version-4 UUIDs without dashes: 2 × 122 random bits from Apps Script's secure generator. */
const TWO_UUIDS = /^(?:[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}){2}$/;

describe('sendEnrollment', () => {
  it('emails each active volunteer without a code one that carries the web app, the CIL and a token', () => {
    const { sandbox, cil } = sandboxWithCil();
    const volunteers = addVolunteers(sandbox, ['Ayesha Khan', 'Bilal Ahmed', 'Sana Iqbal']);

    const result = sandbox.run('sendEnrollment', []);

    expect(result.error).toBeNull();
    expect(result.value).toEqual({
      cilId: cil.cilId,
      sent: volunteers.map(({ id, name, email }) => ({ id, name, email })),
      revoked: [],
      skipped: [],
      invalidRows: [],
      filledIn: [],
    });
    const tokens = volunteers.map((volunteer) => {
      const messages = outboxTo(sandbox, volunteer.email);
      expect(messages).toHaveLength(1);
      const enrollment = enrollmentIn(messages[0]!);
      expect(enrollment.url).toBe(SANDBOX_WEB_APP_URL);
      expect(enrollment.cil).toBe(cil.cilId);
      expect(enrollment.token).toMatch(TWO_UUIDS);
      return enrollment.token;
    });
    expect(new Set(tokens).size).toBe(3);
    expect(result.meter.callsByMethod['Utilities.getUuid']).toBe(2 * 3);
  });

  it('stores only the SHA-256 of each token, with when it was issued', () => {
    const { sandbox, cil } = sandboxWithCil();
    addVolunteers(sandbox, ['Ayesha Khan', 'Bilal Ahmed']);

    report(sandbox, 'sendEnrollment');

    for (const volunteer of roster(sandbox, cil)) {
      const { token } = latestEnrollment(sandbox, volunteer.email);
      expect(volunteer.tokenHash).toBe(sha256(token));
      expect(volunteer.tokenIssuedAt).toBe('2026-11-27T05:00:00.000Z');
      expect(volunteer.tokenRevokedAt).toBeUndefined();
      // Not in the spreadsheet, the properties, the UI or the execution log: only in the email.
      const code = codeIn(outboxTo(sandbox, volunteer.email)[0]!);
      expect(stateOutsideMail(sandbox)).not.toContain(token);
      expect(stateOutsideMail(sandbox)).not.toContain(code);
      expect(JSON.stringify(sandbox.state)).not.toContain(token);
    }
  });

  it('gives codes the web app accepts', () => {
    const { sandbox } = sandboxWithCil();
    const [ayesha] = addVolunteers(sandbox, ['Ayesha Khan']);
    report(sandbox, 'sendEnrollment');

    const answer = enroll(sandbox, latestEnrollment(sandbox, ayesha!.email));

    expect(answer.ok).toBe(true);
    expect(answer.result!.volunteer.id).toBe(ayesha!.id);
  });

  it('writes an HTML part in which names are text, and a plain-text part that says the same', () => {
    const { sandbox } = sandboxWithCil('CIL Lahore & <Friends>');
    addVolunteer(sandbox, { name: '<script>alert(1)</script>', email: 'mallory@example.org', role: 'member' });

    report(sandbox, 'sendEnrollment');

    const [message] = outboxTo(sandbox, 'mallory@example.org');
    expect(message!.htmlBody).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(message!.htmlBody).toContain('CIL Lahore &amp; &lt;Friends&gt;');
    expect(message!.htmlBody).not.toMatch(/<script|<Friends>/i);
    expect(message!.body).toContain('Hello <script>alert(1)</script>,');
    expect(message!.subject).toBe('Your CIL Hub enrollment code for CIL Lahore & <Friends>');
    for (const step of ['Install the CIL Hub extension', 'Open options', 'Paste the enrollment code']) {
      expect(message!.body).toContain(step);
      expect(message!.htmlBody).toContain(step);
    }
    codeIn(message!);
  });

  it('sends nothing the second time: every active volunteer has a working code', () => {
    const { sandbox } = sandboxWithCil();
    addVolunteers(sandbox, ['Ayesha Khan', 'Bilal Ahmed']);
    report(sandbox, 'sendEnrollment');
    const before = snapshot(sandbox);

    const again = report(sandbox, 'sendEnrollment');

    expect(again.sent).toEqual([]);
    expect(sandbox.state.mail.outbox).toHaveLength(2);
    expect(snapshot(sandbox)).toEqual(before);
  });

  it('leaves volunteers on leave, offboarded or gone alone unless named, and says why it skips a named one', () => {
    const { sandbox } = sandboxWithCil();
    const active = addVolunteer(sandbox, { name: 'Ayesha Khan', email: 'ayesha@example.org', role: 'organizer' }).volunteer;
    const onLeave = addVolunteer(sandbox, { name: 'Maryam Siddiqui', email: 'maryam@example.org', role: 'member', status: 'on leave' }).volunteer;
    const warned = addVolunteer(sandbox, { name: 'Omar Farooq', email: 'omar@example.org', role: 'member', status: 'warned' }).volunteer;
    const gone = addVolunteer(sandbox, { name: 'Ali Hassan', email: 'ali@example.org', role: 'member', status: 'offboarded' }).volunteer;

    const everyone = report(sandbox, 'sendEnrollment');
    const named = report(sandbox, 'sendEnrollment', [[onLeave.id, gone.id, active.id, 'v-nobody']]);

    expect(everyone.sent.map((v) => v.name)).toEqual([active.name, warned.name]);
    expect(named.sent.map((v) => v.name)).toEqual([onLeave.name]);
    expect(named.skipped).toEqual([
      { volunteer: { id: gone.id, name: gone.name, email: gone.email }, reason: 'is offboarded; set their status back to active before sending a code' },
      {
        volunteer: { id: active.id, name: active.name, email: active.email },
        reason: 'already has a working enrollment code (sent 2026-11-27); use Re-issue enrollment to send a new one',
      },
      { volunteer: { id: 'v-nobody' }, reason: 'no volunteer with this ID is on the roster' },
    ]);
    expect(outboxTo(sandbox, gone.email)).toEqual([]);
  });

  it('refuses volunteer ids that are not a list, changing nothing', () => {
    const { sandbox } = sandboxWithCil();
    addVolunteers(sandbox, ['Ayesha Khan']);
    const before = snapshot(sandbox);

    const result = sandbox.run('sendEnrollment', ['v-1']);

    expect(result.error).toMatch(/^Error: sendEnrollment takes a list of volunteer IDs/);
    expect(snapshot(sandbox)).toEqual(before);
    expect(sandbox.state.mail.outbox).toEqual([]);
  });

  it("rewrites changed rows in place: a lead's reordered and extra columns, text and formulas, survive", () => {
    const { sandbox, cil } = sandboxWithCil();
    addVolunteers(sandbox, ['Ayesha Khan', 'Bilal Ahmed', 'Sana Iqbal']);
    // Row 3 is Bilal's: he already has a code, so the rows written are 2 to 4, his among them.
    report(sandbox, 'sendEnrollment', [[volunteerNamed(sandbox, cil, 'Bilal Ahmed').id]]);
    leadRearranges(sandbox, cil, ["'0300 1234567", "'=not a formula", "'+92 42 111"]);
    const before = structuredClone(volunteerValues(sandbox, cil));
    const formulasBefore = structuredClone(sheetState(sandbox, cil.spreadsheetId, 'Volunteers').formulas);

    const result = sandbox.run('sendEnrollment', []);

    expect(result.error).toBeNull();
    const after = volunteerValues(sandbox, cil);
    const header = after[0]!;
    expect(header).toEqual(before[0]);
    const phone = header.indexOf('Phone');
    expect(after.map((row) => row[phone])).toEqual(['Phone', '0300 1234567', '=not a formula', '+92 42 111']);
    expect(sheetState(sandbox, cil.spreadsheetId, 'Volunteers').formulas).toEqual(formulasBefore);
    // Only the token cells of Ayesha's and Sana's rows changed; Bilal's row is as it was.
    const tokenColumns = ['Token hash', 'Token issued at'].map((h) => header.indexOf(h));
    after.slice(1).forEach((row, i) => {
      const was = before[i + 1]!;
      row.forEach((cell, column) => {
        if (i === 1 || !tokenColumns.includes(column)) expect(cell, `row ${i + 2} column ${header[column]}`).toEqual(was[column]);
      });
    });
    expect(roster(sandbox, cil).every((volunteer) => volunteer.tokenHash !== undefined)).toBe(true);
    expect(result.meter.callsByMethod['Range.setValues']).toBe(1);
  });

  it('costs the same Sheets calls however many volunteers it sends to', () => {
    const sheetsCalls = (count: number) => {
      const { sandbox } = sandboxWithCil();
      addVolunteers(sandbox, Array.from({ length: count }, (_, i) => `Volunteer ${i + 1}`));
      const result = sandbox.run('sendEnrollment', []);
      expect(result.error).toBeNull();
      const calls = Object.entries(result.meter.callsByMethod).filter(([method]) => /^(Sheet|Range|Spreadsheet)\./.test(method));
      return { calls: Object.fromEntries(calls), mail: result.meter.callsByMethod['MailApp.sendEmail'] };
    };

    const few = sheetsCalls(2);
    const many = sheetsCalls(30);

    expect(many.calls).toEqual(few.calls);
    expect(few.calls['Range.setValues']).toBe(1);
    expect([few.mail, many.mail]).toEqual([2, 30]);
  });

  it('sends what the daily mail quota allows and keeps no code for the rest', () => {
    const { sandbox, cil } = sandboxWithCil();
    const volunteers = addVolunteers(sandbox, ['Ayesha Khan', 'Bilal Ahmed', 'Sana Iqbal']);
    // Other mail from this account has used 98 of today's 100 recipients.
    asLead(sandbox, () => {
      for (let i = 0; i < 98; i++) MailApp.sendEmail(`someone${i}@example.org`, 'Hello', 'Hello');
    }, []);

    const today = report(sandbox, 'sendEnrollment');

    expect(today.sent.map((v) => v.name)).toEqual(['Ayesha Khan', 'Bilal Ahmed']);
    expect(today.skipped).toEqual([
      {
        volunteer: { id: volunteers[2]!.id, name: 'Sana Iqbal', email: volunteers[2]!.email },
        reason: "not sent: today's email quota ran out after 2 messages; send enrollment again tomorrow",
      },
    ]);
    expect(volunteerNamed(sandbox, cil, 'Sana Iqbal').tokenHash).toBeUndefined();
    expect(outboxTo(sandbox, volunteers[2]!.email)).toEqual([]);

    sandbox.advance(24 * 3_600_000);
    const tomorrow = report(sandbox, 'sendEnrollment');

    expect(tomorrow.sent.map((v) => v.name)).toEqual(['Sana Iqbal']);
    expect(volunteerNamed(sandbox, cil, 'Sana Iqbal').tokenHash).toBe(sha256(latestEnrollment(sandbox, volunteers[2]!.email).token));
  });

  it('refuses, sending nothing, when the Volunteers tab has lost its token columns', () => {
    const { sandbox, cil } = sandboxWithCil();
    addVolunteers(sandbox, ['Ayesha Khan']);
    asLead(
      sandbox,
      (id: string) => {
        const sheet = SpreadsheetApp.openById(id).getSheetByName('Volunteers')!;
        const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
        sheet.deleteColumn(header.indexOf('Token hash') + 1);
      },
      [cil.spreadsheetId],
    );
    const before = snapshot(sandbox);

    const result = sandbox.run('sendEnrollment', []);

    expect(result.error).toBe(
      'TabProblem: The "Volunteers" tab has no "Token hash" column, where enrollment codes are recorded. Run CIL Hub › Set up this CIL… to restore it. Nothing was changed.',
    );
    expect(sandbox.state.mail.outbox).toEqual([]);
    expect(snapshot(sandbox)).toEqual(before);
  });

  it.each([
    [null, 'it has no web app deployment yet'],
    ['https://script.google.com/macros/s/AKfycbx123/dev', 'its web app address is https://script.google.com/macros/s/AKfycbx123/dev, not a deployed /exec address'],
  ])('refuses while the web app address is %s: no email, no hash stored, and how to deploy', (url, why) => {
    const { sandbox, cil } = sandboxWithCil();
    const [ayesha] = addVolunteers(sandbox, ['Ayesha Khan']);
    sandbox.state.webAppUrl = url;
    const before = snapshot(sandbox);

    const sent = sandbox.run('sendEnrollment', []);
    const reissued = sandbox.run('reissueEnrollment', [ayesha!.id]);

    for (const result of [sent, reissued]) {
      expect(result.error).toBe(
        `Error: Deploy CIL Hub as a web app first: ${why}, and enrollment codes carry that address. In the Apps Script editor choose Deploy › New deployment › Web app (execute as me, access: anyone), then send enrollment again. Nothing was sent and no code was issued.`,
      );
    }
    expect(sandbox.state.mail.outbox).toEqual([]);
    expect(roster(sandbox, cil).map((v) => v.tokenHash)).toEqual([undefined]);
    expect(snapshot(sandbox)).toEqual(before);
  });
});

describe('the "Send enrollment" menu item', () => {
  it('sends and shows what it did in an alert', () => {
    const { sandbox, cil } = sandboxWithCil();
    addVolunteers(sandbox, ['Ayesha Khan', 'Bilal Ahmed']);
    sandbox.openSpreadsheet(cil.spreadsheetId);

    const first = sandbox.chooseMenuItem(cil.spreadsheetId, 'sendEnrollmentFromMenu');
    const second = sandbox.chooseMenuItem(cil.spreadsheetId, 'sendEnrollmentFromMenu');

    expect([first.error, second.error]).toEqual([null, null]);
    expect(sandbox.state.ui.shown.map((shown) => [shown.kind, shown.title, shown.content])).toEqual([
      ['alert', 'Send enrollment', 'Emailed a new enrollment code to 2 volunteers: Ayesha Khan, Bilal Ahmed.'],
      [
        'alert',
        'Send enrollment',
        'Every active volunteer already has a working enrollment code. To send someone a new one, use CIL Hub › Re-issue enrollment…',
      ],
    ]);
    expect(sandbox.state.mail.outbox).toHaveLength(2);
  });
});
