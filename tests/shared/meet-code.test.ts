import { describe, expect, it } from 'vitest';
import { isMeetCode, meetCodeSchema } from '../../shared/meet-code';

describe('Meet codes', () => {
  it('are three, four and three letters', () => {
    expect(isMeetCode('abc-defg-hij')).toBe(true);
    for (const code of ['abc-defg-hi', 'abcd-efg-hij', 'ABC-DEFG-HIJ', 'abc_defg_hij', 'abc-d3fg-hij', '', 42]) {
      expect(isMeetCode(code)).toBe(false);
    }
  });

  it('are stored lower-case', () => {
    expect(meetCodeSchema.parse(' ABC-DEFG-HIJ ')).toBe('abc-defg-hij');
    expect(meetCodeSchema.safeParse('abc-defg').error?.issues[0]?.message).toBe('must be a Meet code like abc-defg-hij');
  });
});
