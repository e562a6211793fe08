import { z } from './zod';

/** A Google Meet meeting code as in the meeting's address: meet.google.com/abc-defg-hij. */
export const MEET_CODE_SHAPE = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

export function isMeetCode(value: unknown): value is string {
  return typeof value === 'string' && MEET_CODE_SHAPE.test(value);
}

export const meetCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(MEET_CODE_SHAPE, { error: 'must be a Meet code like abc-defg-hij' });
