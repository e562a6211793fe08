import { beforeEach, describe, expect, it } from 'vitest';
import { API_ERRORS, type ApiErrorCode } from '../../shared/api/errors';
import { MAX_BODY_BYTES, MAX_ENTRIES } from '../../shared/api/protocol';
import { attendanceTab } from '../../shared/records/attendance';
import { hoursTab } from '../../shared/records/hours';
import { holdLock } from '../../sandbox/src/services/lock-service';
import { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { callWebApp, webAppEvent } from '../../sandbox/src/runtime/web-app';
import { asLead } from './as-lead';
import { MEET_CODE, NOW, newApiCil, post, postBody, recordsOf, rowCount, spreadsheetsNow, TOKENS, uuid, type ApiCil } from './api-fixture';

// Every error of API v1 through the built bundle: each is a JSON envelope with its stable code, a
// message a person can act on and whether a retry may help; none changes the spreadsheet.

let cil: ApiCil;
beforeEach(() => {
  cil = newApiCil();
});

const hours = () => ({ kind: 'hours', id: uuid(), day: '2026-11-26', hours: 1, category: 'outreach', loggedAt: '2026-11-26T10:00:00.000Z' });
const base = () => ({ v: 1, cil: cil.cilId, token: TOKENS.member });

function refused(body: string, code: ApiErrorCode) {
  const before = spreadsheetsNow(cil);
  const answer = postBody(cil.sandbox, body);
  expect(answer.json.ok, body.slice(0, 200)).toBe(false);
  expect(answer.json.v).toBe(1);
  expect(answer.json.error!.code).toBe(code);
  expect(answer.json.error!.message.startsWith(API_ERRORS[code].message)).toBe(true);
  expect(answer.json.error!.retryable).toBe(API_ERRORS[code].retryable);
  expect(spreadsheetsNow(cil)).toBe(before);
  return answer.json.error!;
}

describe('a request that cannot be read', () => {
  it('malformed_json', () => {
    refused('{"v":1,"op":"sync"', 'malformed_json');
    refused('', 'malformed_json');
  });

  it('invalid_request: not an object, or a field of the wrong shape', () => {
    refused('[1,2]', 'invalid_request');
    refused('"sync"', 'invalid_request');
    expect(refused(JSON.stringify({ ...base(), op: 'sync', entries: 'all of them' }), 'invalid_request').message).toContain('entries');
    expect(refused(JSON.stringify({ ...base(), op: 'enroll', token: 'short' }), 'invalid_request').message).toContain('token');
    expect(refused(JSON.stringify({ ...base(), op: 'enroll', cil: '../other' }), 'invalid_request').message).toContain('cil');
  });

  it('unsupported_version', () => {
    expect(refused(JSON.stringify({ ...base(), v: 2, op: 'enroll' }), 'unsupported_version').message).toContain('version 2');
    refused(JSON.stringify({ ...base(), v: '1', op: 'enroll' }), 'unsupported_version');
  });

  it('unknown_op', () => {
    expect(refused(JSON.stringify({ ...base(), op: 'delete' }), 'unknown_op').message).toContain('"delete"');
  });

  it('missing_token', () => {
    refused(JSON.stringify({ v: 1, cil: cil.cilId, op: 'enroll' }), 'missing_token');
    refused(JSON.stringify({ v: 1, cil: cil.cilId, op: 'sync', token: '', entries: [hours()] }), 'missing_token');
  });

  it('body_too_large, measured in UTF-8 bytes', () => {
    const request = { ...base(), op: 'sync', entries: [{ ...hours(), note: '' }] };
    const room = MAX_BODY_BYTES - JSON.stringify(request).length;
    // Three bytes a character in UTF-8: fits as characters, not as bytes.
    const note = '€'.repeat(Math.floor(room / 3) + 1);
    expect(refused(JSON.stringify({ ...request, entries: [{ ...hours(), note }] }), 'body_too_large').message).toContain(`limit is ${MAX_BODY_BYTES}`);
  });

  it('too_many_entries', () => {
    const entries = Array.from({ length: MAX_ENTRIES + 1 }, hours);
    expect(refused(JSON.stringify({ ...base(), op: 'sync', entries }), 'too_many_entries').message).toContain(`${MAX_ENTRIES + 1} entries`);
  });

  it('a POST with no body at all, or sent as JSON, is read the same way', () => {
    const bare = callWebApp(cil.sandbox, { method: 'POST' });
    expect(JSON.parse(bare.body).error.code).toBe('malformed_json');
    const asJson = callWebApp(cil.sandbox, { method: 'POST', contentType: 'application/json', body: JSON.stringify({ ...base(), op: 'enroll' }) });
    expect(JSON.parse(asJson.body).ok).toBe(true);
  });
});

describe('a caller who may not', () => {
  it('unknown_token, revoked_token, wrong_cil', () => {
    refused(JSON.stringify({ ...base(), op: 'sync', token: 'nobody-has-this-token-000', entries: [hours()] }), 'unknown_token');
    refused(JSON.stringify({ ...base(), op: 'sync', token: TOKENS.revoked, entries: [hours()] }), 'revoked_token');
    refused(JSON.stringify({ ...base(), op: 'sync', cil: 'cil-elsewhere', entries: [hours()] }), 'wrong_cil');
  });
});

describe('lock_timeout', () => {
  it('is answered, retryable, when another execution holds the lock past the wait; the retry stores', () => {
    holdLock(cil.sandbox.state, 'script', 'another-execution', new Date(NOW.getTime() + 60_000));
    const batch = [hours(), hours()];
    const error = refused(JSON.stringify({ ...base(), op: 'sync', entries: batch }), 'lock_timeout');
    expect(error.retryable).toBe(true);
    // Reading needs no lock: enroll and summary still answer.
    expect(post(cil, { op: 'summary', token: TOKENS.member }).json.ok).toBe(true);
    // The other execution finishes; the extension sends the same batch again.
    cil.sandbox.advance(60_000);
    const retry = post(cil, { op: 'sync', token: TOKENS.member, entries: batch });
    expect(retry.json.result.results.map((r: { status: string }) => r.status)).toEqual(['stored', 'stored']);
  });

  it('is not answered when the other execution lets go within the wait', () => {
    holdLock(cil.sandbox.state, 'script', 'another-execution', new Date(NOW.getTime() + 4_000));
    const answer = post(cil, { op: 'sync', token: TOKENS.member, entries: [hours()] });
    expect(answer.json.result.results[0].status).toBe('stored');
  });
});

describe('internal', () => {
  it('names a tab the lead must restore, and writes nothing', () => {
    asLead(cil.sandbox, (id: string) => {
      const spreadsheet = SpreadsheetApp.openById(id);
      spreadsheet.deleteSheet(spreadsheet.getSheetByName('Notices')!);
    }, [cil.spreadsheetId]);
    const notice = { kind: 'notice', id: uuid(), givenAt: '2026-11-25T09:00:00.000Z', calendarEventId: 'meetup-event-2' };
    const error = refused(JSON.stringify({ ...base(), op: 'sync', entries: [hours(), notice] }), 'internal');
    expect(error.message).toContain('The "Notices" tab is missing. Run CIL Hub › Set up this CIL to restore it.');
    expect(error.retryable).toBe(true);
    expect(rowCount(cil, hoursTab)).toBe(0);
    // The execution completed (the web app answered JSON) and logged the problem for the lead.
    const execution = cil.sandbox.state.executions.at(-1)!;
    expect(execution.status).toBe('completed');
    const logged = cil.sandbox.state.logs.filter((log) => log.execution === execution.id && log.level === 'error');
    expect(logged.map((log) => log.message).join('\n')).toContain('The "Notices" tab is missing');
  });

  it('tells a caller whose token is not yet checked nothing of the CIL\'s tabs, and logs the details for the lead', () => {
    asLead(cil.sandbox, (id: string) => {
      const spreadsheet = SpreadsheetApp.openById(id);
      spreadsheet.deleteSheet(spreadsheet.getSheetByName('Volunteers')!);
    }, [cil.spreadsheetId]);

    for (const token of ['not-a-token-anyone-holds-0000', TOKENS.member]) {
      const error = refused(JSON.stringify({ ...base(), token, op: 'summary' }), 'internal');
      expect(error.message).toBe(API_ERRORS.internal.message);
      const execution = cil.sandbox.state.executions.at(-1)!;
      const logged = cil.sandbox.state.logs.filter((log) => log.execution === execution.id && log.level === 'error');
      expect(logged.map((log) => log.message).join('\n')).toContain('The "Volunteers" tab is missing');
    }
  });

  it('after a write failed half-way, the replay stores the rest and duplicates nothing', () => {
    const batch = [hours(), { kind: 'attendance', id: uuid(), meetCode: MEET_CODE, joinedAt: '2026-11-26T14:00:00.000Z', leftAt: '2026-11-26T14:40:00.000Z' }];
    const body = JSON.stringify({ ...base(), op: 'sync', entries: batch });
    const deleteAttendance = (sandbox: Sandbox) =>
      asLead(sandbox, (id: string) => {
        const spreadsheet = SpreadsheetApp.openById(id);
        spreadsheet.deleteSheet(spreadsheet.getSheetByName('Attendance')!);
      }, [cil.spreadsheetId]);
    // Find the first service call after the Hours write, on copies of the workspace.
    const hoursWritten = (n: number) => {
      const copy = new Sandbox(structuredClone(cil.sandbox.state), cil.sandbox.bundle);
      let written = false;
      copy.run('doPost', [webAppEvent({ method: 'POST', body })], {
        trigger: 'web app',
        anonymousCaller: true,
        interleave: { afterCalls: n, run: () => (written = copy.state.spreadsheets[cil.spreadsheetId]!.sheets.find((s) => s.name === 'Hours')!.values.length > 1) },
      });
      return written;
    };
    let n = 1;
    while (!hoursWritten(n)) n++;

    // A lead deletes the Attendance tab between the Hours write and the Attendance write.
    const failed = cil.sandbox.run('doPost', [webAppEvent({ method: 'POST', body })], {
      trigger: 'web app',
      anonymousCaller: true,
      interleave: { afterCalls: n, run: () => deleteAttendance(cil.sandbox) },
    });
    const answer = JSON.parse((failed.value as { getContent(): string }).getContent());
    expect(answer.error.code).toBe('internal');
    expect(answer.error.retryable).toBe(true);
    expect(rowCount(cil, hoursTab)).toBe(1);

    // The lead restores the tab (set-up again); the extension replays the batch.
    const restored = cil.sandbox.run('setUpCil', [{ name: 'CIL Lahore' }]);
    expect(restored.error).toBeNull();
    const replay = post(cil, { op: 'sync', token: TOKENS.member, entries: batch });
    expect(replay.json.result.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'stored']);
    expect(recordsOf(cil, hoursTab)).toHaveLength(1);
    expect(recordsOf(cil, attendanceTab)).toHaveLength(1);
  });
});
