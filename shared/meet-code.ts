import { MEET_CODE_SHAPE } from './meet-code-shape';
import { z } from './zod';

// The pattern lives in a zod-free module so that content scripts can use it without pulling in zod.
export { MEET_CODE_SHAPE, isMeetCode, meetCodeInText } from './meet-code-shape';

export const meetCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(MEET_CODE_SHAPE, { error: 'must be a Meet code like abc-defg-hij' });
