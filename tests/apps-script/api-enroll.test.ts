import { beforeEach, describe, expect, it } from 'vitest';
import { parseEnrollmentCode } from '../../shared/api/enrollment-code';
import { API_ERRORS } from '../../shared/api/errors';
import { responseSchemas } from '../../shared/api/protocol';
import { runOk } from './built-bundle';
import { editVolunteer, newApiCil, post, sha256, spreadsheetsNow, TOKENS, uuid, type ApiCil } from './api-fixture';

// enroll through the built bundle: the token is checked against the Volunteers tab's hashes, and the
// answer is what the extension stores. Also how a token stops working: revoked, or replaced.

let cil: ApiCil;
beforeEach(() => {
  cil = newApiCil();
});

describe('enroll', () => {
  it('answers the volunteer’s profile and the CIL settings the extension needs', () => {
    const answer = post(cil, { op: 'enroll', token: TOKENS.member });
    expect(responseSchemas.enroll.parse(answer.json)).toEqual(answer.json);
    expect(answer.json).toEqual({
      v: 1,
      ok: true,
      result: {
        volunteer: { id: 'v-2', name: 'Bilal Ahmed', role: 'member', weeklyCommitmentHours: 6 },
        cil: { id: cil.cilId, name: 'CIL Lahore', timeZone: 'Asia/Karachi', minimumMinutesPresent: 5 },
      },
    });
  });

  it('gives a lead role the lead commitment from Settings', () => {
    const answer = post(cil, { op: 'enroll', token: TOKENS.organizer });
    expect(answer.json.result.volunteer).toEqual({ id: 'v-1', name: 'Ayesha Khan', role: 'organizer', weeklyCommitmentHours: 4 });
  });

  it('reads nothing it does not need and writes nothing', () => {
    const before = spreadsheetsNow(cil);
    const answer = post(cil, { op: 'enroll', token: TOKENS.member });
    expect(answer.meter.cellsWritten).toBe(0);
    expect(answer.meter.callsByMethod['Range.setValues'] ?? 0).toBe(0);
    expect(spreadsheetsNow(cil)).toBe(before);
  });
});

describe('who may call', () => {
  const refusal = (request: Record<string, unknown>) => {
    const before = spreadsheetsNow(cil);
    const answer = post(cil, request);
    expect(answer.json.ok).toBe(false);
    expect(spreadsheetsNow(cil)).toBe(before);
    return answer.json.error!;
  };

  it('refuses a token no volunteer holds, for every op', () => {
    for (const op of ['enroll', 'sync', 'summary']) {
      const error = refusal({ op, token: 'not-a-token-anyone-holds-0000', entries: [] });
      expect(error).toEqual({ code: 'unknown_token', message: API_ERRORS.unknown_token.message, retryable: false });
    }
  });

  it('refuses a revoked token, for every op', () => {
    for (const op of ['enroll', 'sync', 'summary']) {
      expect(refusal({ op, token: TOKENS.revoked, entries: [] })).toEqual({
        code: 'revoked_token',
        message: API_ERRORS.revoked_token.message,
        retryable: false,
      });
    }
  });

  it('refuses a CIL this deployment does not serve, naming it', () => {
    const error = refusal({ op: 'enroll', token: TOKENS.member, cil: 'cil-karachi' });
    expect(error.code).toBe('wrong_cil');
    expect(error.message).toContain('"cil-karachi"');
  });

  it('stops a token the moment its volunteer is offboarded, even before a lead revokes it', () => {
    expect(post(cil, { op: 'summary', token: TOKENS.member }).json.ok).toBe(true);
    editVolunteer(cil, 'v-2', 'Status', 'offboarded');
    expect(refusal({ op: 'sync', token: TOKENS.member, entries: [] }).code).toBe('revoked_token');
  });

  it('stops a token the moment a lead revokes it', () => {
    expect(post(cil, { op: 'summary', token: TOKENS.member }).json.ok).toBe(true);
    editVolunteer(cil, 'v-2', 'Token revoked at', new Date('2026-11-27T05:00:00Z'));
    expect(refusal({ op: 'summary', token: TOKENS.member }).code).toBe('revoked_token');
    expect(refusal({ op: 'sync', token: TOKENS.member, entries: [] }).code).toBe('revoked_token');
  });

  it('lets a re-issued token in and keeps the old one out', () => {
    const fresh = 'fresh-token-for-bilal-0123456789';
    editVolunteer(cil, 'v-2', 'Token hash', sha256(fresh));
    expect(refusal({ op: 'enroll', token: TOKENS.member }).code).toBe('unknown_token');
    expect(post(cil, { op: 'enroll', token: fresh }).json.result.volunteer.id).toBe('v-2');
  });

  it('follows the roster: a code sent by email works, revoking stops it, re-issuing replaces it', () => {
    const codeFor = (email: string) => {
      const mail = cil.sandbox.state.mail.outbox.filter((message) => message.to.includes(email)).at(-1);
      const read = parseEnrollmentCode(/cilhub1\.[A-Za-z0-9_-]+/.exec(mail?.body ?? '')?.[0] ?? '');
      if (!read.ok) throw new Error(read.message);
      return read.enrollment;
    };
    runOk(cil.sandbox, 'sendEnrollment', [['v-4'], cil.cilId]);
    const first = codeFor('usman@example.org');
    expect(first.cil).toBe(cil.cilId);
    const hours = () => ({ kind: 'hours', id: uuid(), day: '2026-11-26', hours: 1, category: 'outreach', loggedAt: '2026-11-26T10:00:00.000Z' });
    expect(post(cil, { op: 'enroll', token: first.token }).json.result.volunteer.id).toBe('v-4');
    expect(post(cil, { op: 'sync', token: first.token, entries: [hours()] }).json.result.results[0].status).toBe('stored');

    runOk(cil.sandbox, 'revokeEnrollment', ['v-4', cil.cilId]);
    expect(refusal({ op: 'sync', token: first.token, entries: [hours()] }).code).toBe('revoked_token');

    runOk(cil.sandbox, 'reissueEnrollment', ['v-4', cil.cilId]);
    const second = codeFor('usman@example.org');
    expect(second.token).not.toBe(first.token);
    expect(refusal({ op: 'enroll', token: first.token }).code).toBe('unknown_token');
    expect(post(cil, { op: 'sync', token: second.token, entries: [hours()] }).json.result.results[0].status).toBe('stored');
  });
});
