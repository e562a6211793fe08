import { describe, expect, it } from 'vitest';
import { isMeetCode, meetCodeInText, meetCodeSchema } from '../../shared/meet-code';

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

  it('are found in text that holds a Meet address', () => {
    expect(meetCodeInText('Join: https://meet.google.com/ABC-defg-hij?authuser=0')).toBe('abc-defg-hij');
    expect(meetCodeInText('meet.google.com/_meet/abc-defg-hij')).toBe('abc-defg-hij');
    expect(meetCodeInText('dial in or meet.google.com/abc-defg-hij.')).toBe('abc-defg-hij');
    for (const text of ['abc-defg-hij', 'meet.google.com/abc-defg-hijk', 'https://zoom.us/j/81234567890', 'meet.google.com/lookup/cil']) {
      expect(meetCodeInText(text)).toBeUndefined();
    }
  });
});
