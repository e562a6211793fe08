import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayFromNumber } from '../../../shared/time/calendar-day';
import {
  clockText,
  dayOf,
  instantFromWallClock,
  isTimeZone,
  startOfDay,
  wallClockMillis,
  wallClockOf,
  zoneNameOf,
  zoneOffsetMinutes,
} from '../../../shared/time/zone';

const at = (iso: string) => new Date(iso);

describe('isTimeZone', () => {
  it('knows IANA zones', () => {
    expect(isTimeZone('Asia/Karachi')).toBe(true);
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
  });

  it('refuses the rest', () => {
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('PKT+5')).toBe(false);
  });
});

describe('dayOf', () => {
  it('is the next day in Karachi for instants late in the UTC evening', () => {
    expect(dayOf(at('2026-11-26T19:30:00Z'), 'Asia/Karachi')).toBe('2026-11-27');
    expect(dayOf(at('2026-11-26T18:59:59Z'), 'Asia/Karachi')).toBe('2026-11-26');
    expect(dayOf(at('2026-11-26T19:00:00Z'), 'Asia/Karachi')).toBe('2026-11-27');
    expect(dayOf(at('2026-11-26T19:30:00Z'), 'UTC')).toBe('2026-11-26');
  });

  it('follows London across summer time', () => {
    expect(dayOf(at('2026-07-01T23:30:00Z'), 'Europe/London')).toBe('2026-07-02');
    expect(dayOf(at('2026-01-01T23:30:00Z'), 'Europe/London')).toBe('2026-01-01');
  });

  it('throws on an invalid date or zone', () => {
    expect(() => dayOf(new Date(Number.NaN), 'Asia/Karachi')).toThrow(RangeError);
    expect(() => dayOf(at('2026-11-27T00:00:00Z'), 'Nowhere/Else')).toThrow(RangeError);
  });
});

describe('clockText', () => {
  it('is the day and time to the minute on the CIL\'s clock, zero-padded', () => {
    expect(clockText(at('2026-11-26T19:05:59Z'), 'Asia/Karachi')).toBe('2026-11-27 00:05');
    expect(clockText(at('2026-11-26T09:03:00Z'), 'UTC')).toBe('2026-11-26 09:03');
  });
});

describe('wallClockOf', () => {
  it('reads midnight as hour 0', () => {
    expect(wallClockOf(at('2026-11-26T19:00:00Z'), 'Asia/Karachi')).toEqual({ day: '2026-11-27', hour: 0, minute: 0, second: 0 });
  });

  it('throws for a year a calendar day cannot hold, rather than misreading it', () => {
    const bc = new Date(0);
    bc.setUTCFullYear(-5, 0, 1);
    expect(() => wallClockOf(bc, 'UTC')).toThrow(RangeError);
  });
});

describe('wallClockMillis', () => {
  it('counts the wall clock as a Date counts UTC, keeping the milliseconds', () => {
    expect(new Date(wallClockMillis(at('2026-11-26T19:00:00.250Z'), 'Asia/Karachi')).toISOString()).toBe('2026-11-27T00:00:00.250Z');
    expect(new Date(wallClockMillis(at('2026-07-01T12:00:00Z'), 'Europe/London')).toISOString()).toBe('2026-07-01T13:00:00.000Z');
  });

  it('reads years before 100 and before the common era', () => {
    const year50 = new Date(0);
    year50.setUTCFullYear(50, 0, 1);
    expect(new Date(wallClockMillis(year50, 'UTC')).getUTCFullYear()).toBe(50);
    const bc = new Date(0);
    bc.setUTCFullYear(-5, 5, 1); // 6 BC
    expect(wallClockMillis(bc, 'UTC')).toBe(bc.getTime());
  });

  it('throws on an invalid date or zone', () => {
    expect(() => wallClockMillis(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
    expect(() => wallClockMillis(at('2026-11-27T00:00:00Z'), 'Nowhere/Else')).toThrow(RangeError);
  });
});

describe('instantFromWallClock', () => {
  const wall = (iso: string) => Date.parse(`${iso}Z`);

  it('is the instant the clock shows that reading', () => {
    expect(instantFromWallClock(wall('2026-11-27T10:00:00.500'), 'Asia/Karachi').toISOString()).toBe('2026-11-27T05:00:00.500Z');
    expect(instantFromWallClock(wall('2026-07-01T13:00:00'), 'Europe/London').toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });

  it('moves a reading skipped by summer time later by the gap', () => {
    expect(instantFromWallClock(wall('2027-03-14T02:30:00'), 'America/New_York').toISOString()).toBe('2027-03-14T07:30:00.000Z');
    expect(instantFromWallClock(wall('2026-03-29T01:30:00'), 'Europe/London').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the first of a repeated reading', () => {
    expect(instantFromWallClock(wall('2026-11-01T01:30:00'), 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(instantFromWallClock(wall('2026-10-25T02:30:00'), 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('undoes wallClockMillis wherever the reading happens once', () => {
    const zones = ['Asia/Karachi', 'Asia/Kolkata', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000_000 }), fc.constantFrom(...zones), (ms, zone) => {
        const instant = new Date(ms);
        const reading = wallClockMillis(instant, zone);
        const back = instantFromWallClock(reading, zone);
        expect(wallClockMillis(back, zone)).toBe(reading);
        expect(back.getTime()).toBeLessThanOrEqual(ms);
      }),
      { numRuns: 300 },
    );
  });

  it('throws on a reading that is not a number', () => {
    expect(() => instantFromWallClock(Number.NaN, 'UTC')).toThrow(RangeError);
  });
});

describe('zoneNameOf', () => {
  it('gives the abbreviation, or the offset where en-US has none, and the long name', () => {
    expect(zoneNameOf(at('2026-07-01T12:00:00Z'), 'America/New_York', 'short')).toBe('EDT');
    expect(zoneNameOf(at('2026-01-01T12:00:00Z'), 'America/New_York', 'short')).toBe('EST');
    expect(zoneNameOf(at('2026-11-27T05:00:00Z'), 'Asia/Karachi', 'short')).toBe('GMT+5');
    expect(zoneNameOf(at('2026-11-27T05:00:00Z'), 'Asia/Karachi', 'long')).toBe('Pakistan Standard Time');
  });

  it('throws on an unknown zone', () => {
    expect(() => zoneNameOf(at('2026-11-27T05:00:00Z'), 'Nowhere/Else', 'short')).toThrow(RangeError);
  });
});

describe('zoneOffsetMinutes', () => {
  it('is +5:00 in Karachi', () => {
    expect(zoneOffsetMinutes(at('2026-11-27T12:00:00Z'), 'Asia/Karachi')).toBe(300);
  });

  it('is +5:30 in Kolkata and −3:30/−2:30 in St John\'s', () => {
    expect(zoneOffsetMinutes(at('2026-11-27T12:00:00.999Z'), 'Asia/Kolkata')).toBe(330);
    expect(zoneOffsetMinutes(at('2026-01-15T12:00:00Z'), 'America/St_Johns')).toBe(-210);
    expect(zoneOffsetMinutes(at('2026-07-15T12:00:00Z'), 'America/St_Johns')).toBe(-150);
  });

  it('changes at the London transitions', () => {
    expect(zoneOffsetMinutes(at('2026-03-29T00:59:59Z'), 'Europe/London')).toBe(0);
    expect(zoneOffsetMinutes(at('2026-03-29T01:00:00Z'), 'Europe/London')).toBe(60);
    expect(zoneOffsetMinutes(at('2026-10-25T00:59:59Z'), 'Europe/London')).toBe(60);
    expect(zoneOffsetMinutes(at('2026-10-25T01:00:00Z'), 'Europe/London')).toBe(0);
  });
});

describe('startOfDay', () => {
  it('is local midnight in Karachi', () => {
    expect(startOfDay('2026-11-27', 'Asia/Karachi').toISOString()).toBe('2026-11-26T19:00:00.000Z');
  });

  it('is local midnight in London on both sides of summer time', () => {
    expect(startOfDay('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/London').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfDay('2026-10-25', 'Europe/London').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfDay('2026-10-26', 'Europe/London').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('is 01:00 when summer time skipped midnight (Karachi, 1 June 2008)', () => {
    expect(startOfDay('2008-06-01', 'Asia/Karachi').toISOString()).toBe('2008-05-31T19:00:00.000Z');
    expect(wallClockOf(startOfDay('2008-06-01', 'Asia/Karachi'), 'Asia/Karachi').hour).toBe(1);
  });

  it('is the later midnight when clocks fell back to the day before (São Paulo, 17 February 2019)', () => {
    expect(startOfDay('2019-02-16', 'America/Sao_Paulo').toISOString()).toBe('2019-02-16T02:00:00.000Z');
    expect(startOfDay('2019-02-17', 'America/Sao_Paulo').toISOString()).toBe('2019-02-17T03:00:00.000Z');
  });

  it('throws for a day a zone skipped (Samoa, 30 December 2011)', () => {
    expect(() => startOfDay('2011-12-30', 'Pacific/Apia')).toThrow(/does not exist/);
    expect(startOfDay('2011-12-31', 'Pacific/Apia').toISOString()).toBe('2011-12-30T10:00:00.000Z');
  });

  it('is the first instant of the day in any zone', () => {
    const zones = ['Asia/Karachi', 'Europe/London', 'America/Sao_Paulo', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: 7_000, max: 25_000 }), fc.constantFrom(...zones), (n, zone) => {
        const day = dayFromNumber(n);
        const start = startOfDay(day, zone);
        expect(dayOf(start, zone)).toBe(day);
        expect(dayOf(new Date(start.getTime() - 1), zone)).toBe(addDays(day, -1));
      }),
      { numRuns: 300 },
    );
  });
});
