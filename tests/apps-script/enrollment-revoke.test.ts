/// <reference types="google-apps-script" />
import { describe, it, expect } from 'vitest';
import { asLead, snapshot } from './as-lead';
import { addVolunteers, enroll, latestEnrollment, outboxTo, report, sandboxWithCil, sha256, volunteerNamed } from './roster-fixture';

// Revoking and re-issuing enrollment codes: a revoked code stops working at once (the web app checks
// "Token revoked at" on every request); a re-issued one replaces it.

const HOUR = 3_600_000;

function enrolledCil() {
  const { sandbox, cil } = sandboxWithCil();
  const [ayesha, bilal] = addVolunteers(sandbox, ['Ayesha Khan', 'Bilal Ahmed']);
  report(sandbox, 'sendEnrollment');
  return { sandbox, cil, ayesha: ayesha!, bilal: bilal! };
}

describe('revokeEnrollment', () => {
  it('stops the code working at once and records when', () => {
    const { sandbox, cil, ayesha, bilal } = enrolledCil();
    const code = latestEnrollment(sandbox, ayesha.email);
    expect(enroll(sandbox, code).ok).toBe(true);
    sandbox.advance(HOUR);

    const revoked = report(sandbox, 'revokeEnrollment', [ayesha.id]);

    expect(revoked.revoked).toEqual([{ id: ayesha.id, name: ayesha.name, email: ayesha.email }]);
    expect(volunteerNamed(sandbox, cil, 'Ayesha Khan')).toMatchObject({ tokenHash: sha256(code.token), tokenRevokedAt: '2026-11-27T06:00:00.000Z' });
    expect(enroll(sandbox, code)).toMatchObject({ ok: false, error: { code: 'revoked_token' } });
    // Only hers.
    expect(enroll(sandbox, latestEnrollment(sandbox, bilal.email)).ok).toBe(true);
  });

  it('says so, changing nothing, for a code already revoked or never sent', () => {
    const { sandbox, ayesha } = enrolledCil();
    report(sandbox, 'revokeEnrollment', [ayesha.id]);
    const [carol] = addVolunteers(sandbox, ['Carol Fernandes']);
    const before = snapshot(sandbox);

    const again = report(sandbox, 'revokeEnrollment', [ayesha.id]);
    const never = report(sandbox, 'revokeEnrollment', [carol!.id]);

    expect(again.revoked).toEqual([]);
    expect(again.skipped).toEqual([{ volunteer: { id: ayesha.id, name: ayesha.name, email: ayesha.email }, reason: 'their code was already revoked on 2026-11-27' }]);
    expect(never.skipped[0]!.reason).toBe('has no enrollment code to revoke');
    expect(snapshot(sandbox)).toEqual(before);
  });

  it('refuses an unknown volunteer, changing nothing', () => {
    const { sandbox } = enrolledCil();
    const before = snapshot(sandbox);

    const unknown = sandbox.run('revokeEnrollment', ['v-nobody']);
    const blank = sandbox.run('revokeEnrollment', ['  ']);

    expect(unknown.error).toBe('Error: No volunteer with the ID "v-nobody" is on the roster (rows with a problem to fix are not counted). Nothing was changed.');
    expect(blank.error).toBe('Error: revokeEnrollment takes a volunteer ID, such as "v-1a2b3c4d". Nothing was changed.');
    expect(snapshot(sandbox)).toEqual(before);
  });
});

describe('reissueEnrollment', () => {
  it('revokes the old code and emails a new one that works', () => {
    const { sandbox, cil, ayesha } = enrolledCil();
    const old = latestEnrollment(sandbox, ayesha.email);
    sandbox.advance(HOUR);

    const reissued = report(sandbox, 'reissueEnrollment', [ayesha.id]);

    const ref = { id: ayesha.id, name: ayesha.name, email: ayesha.email };
    expect(reissued).toMatchObject({ revoked: [ref], sent: [ref], skipped: [] });
    expect(outboxTo(sandbox, ayesha.email)).toHaveLength(2);
    const fresh = latestEnrollment(sandbox, ayesha.email);
    expect(fresh.token).not.toBe(old.token);
    const volunteer = volunteerNamed(sandbox, cil, 'Ayesha Khan');
    expect(volunteer.tokenHash).toBe(sha256(fresh.token));
    expect(volunteer.tokenIssuedAt).toBe('2026-11-27T06:00:00.000Z');
    expect(volunteer.tokenRevokedAt).toBeUndefined();
    expect(enroll(sandbox, fresh).ok).toBe(true);
    expect(enroll(sandbox, old).ok).toBe(false);
  });

  it('sends a code to someone whose code was revoked, and Send enrollment does too', () => {
    const { sandbox, cil, ayesha, bilal } = enrolledCil();
    report(sandbox, 'revokeEnrollment', [ayesha.id]);
    report(sandbox, 'revokeEnrollment', [bilal.id]);

    const reissued = report(sandbox, 'reissueEnrollment', [ayesha.id]);
    const sent = report(sandbox, 'sendEnrollment');

    expect(reissued.revoked).toEqual([]);
    expect(reissued.sent.map((v) => v.name)).toEqual(['Ayesha Khan']);
    expect(sent.sent.map((v) => v.name)).toEqual(['Bilal Ahmed']);
    expect(enroll(sandbox, latestEnrollment(sandbox, bilal.email)).ok).toBe(true);
    expect(volunteerNamed(sandbox, cil, 'Bilal Ahmed').tokenRevokedAt).toBeUndefined();
  });

  it('still revokes when the new code cannot be emailed today', () => {
    const { sandbox, cil, ayesha } = enrolledCil();
    const old = latestEnrollment(sandbox, ayesha.email);
    asLead(sandbox, () => {
      while (MailApp.getRemainingDailyQuota() > 0) MailApp.sendEmail('someone@example.org', 'Hello', 'Hello');
    }, []);

    const reissued = report(sandbox, 'reissueEnrollment', [ayesha.id]);

    expect(reissued.revoked.map((v) => v.name)).toEqual(['Ayesha Khan']);
    expect(reissued.sent).toEqual([]);
    expect(reissued.skipped[0]!.reason).toBe("not sent: today's email quota ran out after 0 messages; send enrollment again tomorrow");
    expect(enroll(sandbox, old)).toMatchObject({ ok: false, error: { code: 'revoked_token' } });
    expect(volunteerNamed(sandbox, cil, 'Ayesha Khan').tokenHash).toBe(sha256(old.token));
  });

  it('refuses an offboarded volunteer', () => {
    const { sandbox, cil } = enrolledCil();
    const offboarded = addVolunteers(sandbox, ['Omar Farooq'])[0]!;
    asLead(
      sandbox,
      (id: string) => {
        const sheet = SpreadsheetApp.openById(id).getSheetByName('Volunteers')!;
        const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
        sheet.getRange(4, header.indexOf('Status') + 1).setValue('offboarded');
      },
      [cil.spreadsheetId],
    );

    const reissued = report(sandbox, 'reissueEnrollment', [offboarded.id]);

    expect(reissued.skipped).toEqual([
      { volunteer: { id: offboarded.id, name: offboarded.name, email: offboarded.email }, reason: 'is offboarded; set their status back to active before sending a code' },
    ]);
    expect(outboxTo(sandbox, offboarded.email)).toEqual([]);
  });
});

describe('the Revoke and Re-issue menu items', () => {
  it('ask for the volunteer\'s email, act, and show what they did', () => {
    const { sandbox, cil, ayesha, bilal } = enrolledCil();
    sandbox.openSpreadsheet(cil.spreadsheetId);

    sandbox.chooseMenuItem(cil.spreadsheetId, 'revokeEnrollmentFromMenu', [{ button: 'OK', text: ' AYESHA.KHAN@example.org ' }]);
    sandbox.chooseMenuItem(cil.spreadsheetId, 'reissueEnrollmentFromMenu', [{ button: 'OK', text: bilal.email }]);
    sandbox.chooseMenuItem(cil.spreadsheetId, 'revokeEnrollmentFromMenu', [{ button: 'OK', text: 'nobody@example.org' }]);

    expect(sandbox.state.ui.shown.map((shown) => [shown.kind, shown.title, shown.content])).toEqual([
      ['prompt', 'Revoke enrollment', "Whose enrollment code should stop working? Enter the volunteer's email address."],
      ['alert', 'Revoke enrollment', 'Revoked the enrollment code of Ayesha Khan: it no longer works.'],
      ['prompt', 'Re-issue enrollment', "Who should get a new enrollment code? Enter the volunteer's email address. Their current code stops working."],
      ['alert', 'Re-issue enrollment', 'Revoked the enrollment code of Bilal Ahmed: it no longer works.\n\nEmailed a new enrollment code to 1 volunteer: Bilal Ahmed.'],
      ['prompt', 'Revoke enrollment', "Whose enrollment code should stop working? Enter the volunteer's email address."],
      ['alert', 'Revoke enrollment', 'No volunteer with the email "nobody@example.org" is on the roster (rows with a problem to fix are not counted). Nothing was changed.'],
    ]);
    expect(volunteerNamed(sandbox, cil, 'Ayesha Khan').tokenRevokedAt).toBeDefined();
    expect(outboxTo(sandbox, bilal.email)).toHaveLength(2);
    expect(outboxTo(sandbox, ayesha.email)).toHaveLength(1);
  });

  it('do nothing when the lead cancels', () => {
    const { sandbox, cil } = enrolledCil();
    sandbox.openSpreadsheet(cil.spreadsheetId);
    const before = snapshot(sandbox);

    sandbox.chooseMenuItem(cil.spreadsheetId, 'reissueEnrollmentFromMenu', [{ button: 'CANCEL' }]);

    expect(sandbox.state.ui.shown.map((shown) => shown.kind)).toEqual(['prompt']);
    expect(snapshot(sandbox)).toEqual(before);
  });
});
