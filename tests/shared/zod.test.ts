import { describe, expect, it } from 'vitest';
import { z } from '../../shared/zod';

describe('shared/zod', () => {
  it('turns off the JIT before any schema is built', () => {
    expect(z.config().jitless).toBe(true);
  });

  it('still parses', () => {
    expect(z.object({ a: z.number() }).safeParse({ a: 'x' }).success).toBe(false);
  });
});
