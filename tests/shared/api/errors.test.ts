import { describe, expect, it } from 'vitest';
import { apiError, apiErrorSchema, API_ERROR_CODES, API_ERRORS } from '../../../shared/api/errors';

describe('API errors', () => {
  it('give every code a message a person can act on', () => {
    expect(Object.keys(API_ERRORS).sort()).toEqual([...API_ERROR_CODES].sort());
    for (const code of API_ERROR_CODES) {
      const { message } = API_ERRORS[code];
      expect(message.length).toBeGreaterThan(30);
      expect(message).toMatch(/\.$/);
      // Every message tells the reader what happens next or what to do.
      expect(message).toMatch(/Ask|Update|tell|will be sent|sends them|sends it|If you/);
    }
  });

  it('are retryable only when waiting helps', () => {
    const retryable = API_ERROR_CODES.filter((code) => API_ERRORS[code].retryable);
    expect(retryable).toEqual(['lock_timeout', 'internal']);
  });

  it('are built with the default message or a specific one', () => {
    expect(apiError('unknown_token')).toEqual({ code: 'unknown_token', message: API_ERRORS.unknown_token.message, retryable: false });
    expect(apiError('lock_timeout', 'Busy.')).toEqual({ code: 'lock_timeout', message: 'Busy.', retryable: true });
    expect(apiErrorSchema.safeParse(apiError('internal')).success).toBe(true);
    expect(apiErrorSchema.safeParse({ code: 'teapot', message: 'x', retryable: false }).success).toBe(false);
  });
});
