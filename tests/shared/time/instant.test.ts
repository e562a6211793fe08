import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfInstant, instantFromDate, instantMs, instantSchema, isInstant, type Instant } from '../../../shared/time/instant';

describe('instants', () => {
  it('reads the UTC forms of ECMAScript\'s date-time format', () => {
    expect(instantMs('2026-11-27T14:30:00.000Z')).toBe(Date.UTC(2026, 10, 27, 14, 30));
    expect(instantMs('2026-11-27T14:30:05Z')).toBe(Date.UTC(2026, 10, 27, 14, 30, 5));
    expect(instantMs('2026-11-27T14:30Z')).toBe(Date.UTC(2026, 10, 27, 14, 30));
    expect(instantMs('1969-12-31T23:59:59.999Z')).toBe(-1);
  });

  it.each([
    '2026-11-27',
    '2026-11-27T14:30:00',
    '2026-11-27T14:30:00+05:00',
    '2026-11-27 14:30:00Z',
    '2026-02-30T10:00:00Z',
    '2026-11-27T24:00:00Z',
    '2026-11-27T14:60:00Z',
    '2026-11-27T14:30:00.1234Z',
    'Fri Nov 27 2026',
  ])('refuses %j', (text) => {
    expect(instantMs(text)).toBeUndefined();
    expect(isInstant(text)).toBe(false);
  });

  it('round-trips through Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000_000_000_000, max: 250_000_000_000_000 }), (ms) => {
        const instant = instantFromDate(new Date(ms));
        expect(instantMs(instant)).toBe(ms);
        expect(dateOfInstant(instant).getTime()).toBe(ms);
      }),
    );
  });

  it('normalises in the schema, so instants sort as strings', () => {
    expect(instantSchema.parse('2026-11-27T14:30Z')).toBe('2026-11-27T14:30:00.000Z');
    expect(instantSchema.safeParse('2026-11-27T14:30:00+05:00').success).toBe(false);
  });

  it('throws on invalid dates', () => {
    expect(() => instantFromDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => dateOfInstant('nope' as Instant)).toThrow(RangeError);
  });
});
