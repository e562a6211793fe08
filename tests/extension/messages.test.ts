import { describe, expect, it } from 'vitest';
import { z } from '../../shared/zod';
import { BackgroundRequest, Status } from '../../extension/messages';

describe('messages between extension contexts', () => {
  it('runs zod without its JIT, which the extension CSP (no eval) would block', () => {
    expect(z.config().jitless).toBe(true);
  });

  it('accepts a status request', () => {
    expect(BackgroundRequest.parse({ type: 'status' })).toEqual({ type: 'status' });
  });

  it.each([
    ['an unknown type', { type: 'enroll' }],
    ['no type', {}],
    ['a bare string', 'status'],
    ['an extra field', { type: 'status', token: 'abc' }],
    ['nothing', undefined],
  ])('rejects a request with %s', (_, message) => {
    expect(BackgroundRequest.safeParse(message).success).toBe(false);
  });

  it('accepts a status reply', () => {
    expect(Status.parse({ enrolled: false, queued: 0 })).toEqual({ enrolled: false, queued: 0 });
  });

  it.each([
    ['a negative queue', { enrolled: true, queued: -1 }],
    ['a fractional queue', { enrolled: true, queued: 1.5 }],
    ['a queue as text', { enrolled: true, queued: '2' }],
    ['enrollment as text', { enrolled: 'no', queued: 0 }],
    ['no enrollment', { queued: 0 }],
    ['an extra field', { enrolled: false, queued: 0, token: 'abc' }],
    ['nothing', undefined],
  ])('rejects a status reply with %s', (_, reply) => {
    expect(Status.safeParse(reply).success).toBe(false);
  });
});
