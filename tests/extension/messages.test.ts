import { describe, expect, it } from 'vitest';
import { z } from '../../shared/zod';
import { BackgroundRequest, Reply, Status } from '../../extension/messages';

const signedOut: Status = { enrollment: null, queue: [], sync: { state: 'signed-out' }, summary: null };

describe('messages between extension contexts', () => {
  it('runs zod without its JIT, which the extension CSP (no eval) would block', () => {
    expect(z.config().jitless).toBe(true);
  });

  it.each([
    [{ type: 'status' }],
    [{ type: 'enroll', code: 'cilhub1.abc' }],
    [{ type: 'sync-now' }],
    [{ type: 'save-settings', settings: { weeklyReminderWeekday: 1, quietHoursStart: 22, minimumSessionMinutes: null } }],
    [{ type: 'meet-session', event: 'join', sessionKey: 'abc-defg-hij/1', meetCode: 'abc-defg-hij', at: '2026-11-27T05:00:00.000Z' }],
    [{ type: 'calendar-action', action: 'cant-attend', event: { eventId: 'e1', startsAt: '2026-11-28T05:00:00.000Z' }, reason: 'exam' }],
  ])('accepts %j', (message) => {
    expect(BackgroundRequest.parse(message)).toEqual(message);
  });

  it.each([
    ['an unknown type', { type: 'steal-token' }],
    ['enroll without a code', { type: 'enroll' }],
    ['no type', {}],
    ['a bare string', 'status'],
    ['an extra field', { type: 'status', token: 'abc' }],
    ['a Meet session with a bad code', { type: 'meet-session', event: 'join', sessionKey: 'k', meetCode: 'javascript:alert(1)', at: '2026-11-27T05:00:00.000Z' }],
    ['a calendar action of an unknown kind', { type: 'calendar-action', action: 'delete-event', event: { eventId: 'e1' } }],
    ['log-hours with a negative amount', { type: 'log-hours', hours: { day: '2026-11-27', hours: -2, category: 'meetings' } }],
    ['settings out of their range', { type: 'save-settings', settings: { weeklyReminderHour: 24 } }],
    ['a fractional weekday', { type: 'save-settings', settings: { weeklyReminderWeekday: 2.5 } }],
    ['a setting that does not exist', { type: 'save-settings', settings: { quietHours: 3 } }],
    ['nothing', undefined],
  ])('rejects a request with %s', (_, message) => {
    expect(BackgroundRequest.safeParse(message).success).toBe(false);
  });

  it('accepts a status reply', () => {
    expect(Reply.parse({ ok: true, status: signedOut })).toEqual({ ok: true, status: signedOut });
    expect(Reply.parse({ ok: false, message: 'The web app could not be reached.' }).ok).toBe(false);
  });

  it.each([
    ['a queue that is not a list', { ...signedOut, queue: 2 }],
    ['an unknown sync state', { ...signedOut, sync: { state: 'dancing' } }],
    ['a token leaking into the status', { ...signedOut, token: 'abc' }],
    ['no enrollment field', { queue: [], sync: { state: 'idle' }, summary: null }],
    ['nothing', undefined],
  ])('rejects a status reply with %s', (_, reply) => {
    expect(Status.safeParse(reply).success).toBe(false);
  });
});
