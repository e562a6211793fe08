import { describe, expect, it } from 'vitest';
import { API_ERRORS } from '../../../shared/api/errors';
import {
  API_VERSION,
  errorResponse,
  MAX_BODY_BYTES,
  MAX_ENTRIES,
  okResponse,
  parseRequest,
  responseSchemas,
} from '../../../shared/api/protocol';
import { apiError } from '../../../shared/api/errors';

const token = 'tK3n_abcdefghijklmnopqrstuvwxyz012345';
const base = { v: 1, cil: 'lahore', token };

function errorCode(body: string) {
  const read = parseRequest(body);
  return read.ok ? undefined : read.error.code;
}

describe('parseRequest', () => {
  it('reads each op', () => {
    expect(parseRequest(JSON.stringify({ ...base, op: 'enroll' }))).toEqual({ ok: true, request: { ...base, op: 'enroll' } });
    expect(parseRequest(JSON.stringify({ ...base, op: 'summary' }))).toEqual({ ok: true, request: { ...base, op: 'summary' } });
    const sync = parseRequest(JSON.stringify({ ...base, op: 'sync', entries: [{ anything: true }, 3] }));
    expect(sync).toEqual({ ok: true, request: { ...base, op: 'sync', entries: [{ anything: true }, 3] } });
  });

  it('gives each failure its own code', () => {
    expect(errorCode('{"v":1,')).toBe('malformed_json');
    expect(errorCode('')).toBe('malformed_json');
    expect(errorCode('[]')).toBe('invalid_request');
    expect(errorCode('"sync"')).toBe('invalid_request');
    expect(errorCode(JSON.stringify({ ...base, v: 2, op: 'sync', entries: [] }))).toBe('unsupported_version');
    expect(errorCode(JSON.stringify({ cil: 'lahore', token, op: 'sync' }))).toBe('unsupported_version');
    expect(errorCode(JSON.stringify({ ...base, op: 'delete' }))).toBe('unknown_op');
    expect(errorCode(JSON.stringify({ ...base, op: undefined }))).toBe('unknown_op');
    expect(errorCode(JSON.stringify({ ...base, token: undefined, op: 'enroll' }))).toBe('missing_token');
    expect(errorCode(JSON.stringify({ ...base, token: '', op: 'enroll' }))).toBe('missing_token');
    expect(errorCode(JSON.stringify({ ...base, token: 'short', op: 'enroll' }))).toBe('invalid_request');
    expect(errorCode(JSON.stringify({ ...base, cil: 'CIL Lahore!', op: 'enroll' }))).toBe('invalid_request');
    expect(errorCode(JSON.stringify({ ...base, op: 'sync' }))).toBe('invalid_request');
    expect(errorCode(JSON.stringify({ ...base, op: 'sync', entries: {} }))).toBe('invalid_request');
  });

  it('counts entries before anything else about them', () => {
    const entries = Array.from({ length: MAX_ENTRIES + 1 }, () => 0);
    expect(errorCode(JSON.stringify({ ...base, op: 'sync', entries }))).toBe('too_many_entries');
    expect(errorCode(JSON.stringify({ ...base, op: 'sync', entries: entries.slice(1) }))).toBeUndefined();
  });

  it('measures the body in UTF-8 bytes', () => {
    const note = 'ل'.repeat(MAX_BODY_BYTES / 2); // two bytes each: over the limit, though under it in characters
    expect(errorCode(JSON.stringify({ ...base, op: 'sync', entries: [note] }))).toBe('body_too_large');
    const read = parseRequest('x'.repeat(MAX_BODY_BYTES + 1));
    expect(read).toMatchObject({ ok: false, error: { code: 'body_too_large', retryable: false } });
    if (!read.ok) expect(read.error.message).toContain(`the limit is ${MAX_BODY_BYTES}`);
  });

  it('says what was wrong after the default message', () => {
    const read = parseRequest(JSON.stringify({ ...base, v: 3, op: 'enroll' }));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.message.startsWith(API_ERRORS.unsupported_version.message)).toBe(true);
    expect(read.error.message).toContain('the request is version 3; this web app speaks version 1');
  });

  it('shows a field\'s value only when it is short, and never fails on a deep one', () => {
    const message = (body: string) => {
      const read = parseRequest(body);
      return read.ok ? '' : read.error.message;
    };
    expect(message(JSON.stringify({ ...base, op: 'delete' }))).toContain('op "delete" is not one of enroll, sync, summary');
    expect(message(JSON.stringify({ ...base, v: '1', op: 'sync' }))).toContain('the request is version "1";');
    expect(message(JSON.stringify({ ...base, op: 'sync', v: null }))).toContain('the request is version null;');
    expect(message(JSON.stringify({ ...base, op: 'x'.repeat(100_000) }))).toContain(`op "${'x'.repeat(40)}"… is not`);
    expect(message(JSON.stringify({ ...base, op: 'x'.repeat(100_000) })).length).toBeLessThan(300);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(message(`{"v":${deep}}`)).toContain('the request is version a list;');
    expect(message(`{"v":1,"op":{"${'a'.repeat(10)}":${deep}}}`)).toContain('op an object is not');
  });
});

describe('responses', () => {
  it('wrap results and errors in the versioned envelope', () => {
    const results = { results: [{ id: 'a', status: 'stored' as const }] };
    expect(okResponse(results)).toEqual({ v: API_VERSION, ok: true, result: results });
    expect(responseSchemas.sync.parse(okResponse(results))).toEqual(okResponse(results));
    const failure = errorResponse(apiError('lock_timeout'));
    expect(failure).toEqual({ v: 1, ok: false, error: { code: 'lock_timeout', message: API_ERRORS.lock_timeout.message, retryable: true } });
    expect(responseSchemas.sync.parse(failure)).toEqual(failure);
  });

  it('are checked by the extension', () => {
    const enroll = {
      volunteer: { id: 'V-1', name: 'Ayesha', role: 'member', weeklyCommitmentHours: 5 },
      cil: { id: 'lahore', name: 'CIL Lahore', timeZone: 'Asia/Karachi', minimumMinutesPresent: 5 },
    };
    expect(responseSchemas.enroll.safeParse(okResponse(enroll)).success).toBe(true);
    expect(responseSchemas.enroll.safeParse(okResponse({ ...enroll, volunteer: { id: 'V-1' } })).success).toBe(false);
    expect(responseSchemas.sync.safeParse({ v: 2, ok: true, result: { results: [] } }).success).toBe(false);
    const summary = {
      volunteer: { id: 'V-1', name: 'Ayesha', role: 'member', status: 'active' },
      cil: { id: 'lahore', name: 'CIL Lahore', timeZone: 'Asia/Karachi' },
      today: '2026-11-27',
      week: { period: '2026-W48', hours: 3.5, commitment: 5 },
      month: { period: '2026-11', hours: 12, commitment: 21.4 },
      recentAttendance: [
        { meetingId: 'M-1', title: 'CIL meetup', kind: 'CIL meetup', at: '2026-11-21T14:00:00.000Z', status: 'present', minutes: 55 },
        { meetCode: 'abc-defg-hij', at: '2026-11-20T14:00:00.000Z', status: 'absent', minutes: 2 },
      ],
      upcomingMeetings: [
        { id: 'M-2', kind: 'monthly CfP call', title: 'CfP call', startsAt: '2026-12-01T14:00:00.000Z', endsAt: '2026-12-01T15:00:00.000Z' },
      ],
      lastStep: { kind: 'reminder', at: '2026-11-20T02:00:00.000Z' },
    };
    expect(responseSchemas.summary.safeParse(okResponse(summary)).success).toBe(true);
    expect(responseSchemas.summary.safeParse(okResponse({ ...summary, today: '27/11/2026' })).success).toBe(false);
    expect(responseSchemas.summary.safeParse(okResponse({ ...summary, lastStep: null })).success).toBe(true);
    expect(responseSchemas.summary.safeParse(okResponse({ ...summary, lastStep: undefined })).success).toBe(false);
  });
});
