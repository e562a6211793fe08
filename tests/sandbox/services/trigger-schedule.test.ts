import { describe, expect, it } from 'vitest';
import type { TriggerSchedule, TriggerState } from '../../../sandbox/src/workspace';
import { isOneShot, nextRunAfter, nextRunOf, zonedInstant } from '../../../sandbox/src/services/trigger-schedule';

// 2026-11-27 05:00Z is Friday 10:00 in Asia/Karachi (UTC+5, no daylight saving).
const created = new Date('2026-11-27T05:00:00Z');
const daily = (atHour: number | null, nearMinute: number | null = null, days = 1): TriggerSchedule => ({
  kind: 'everyDays',
  days,
  atHour,
  nearMinute,
});

describe('nextRunAfter', () => {
  it('runs a daily atHour trigger at exactly that hour (minute 0) in the zone, the next day when the hour has passed', () => {
    const first = nextRunAfter(daily(7), created, 'Asia/Karachi', created);
    expect(first).toEqual(new Date('2026-11-28T02:00:00Z'));
    expect(nextRunAfter(daily(7), first!, 'Asia/Karachi', created)).toEqual(new Date('2026-11-29T02:00:00Z'));
  });

  it('runs the same day when the hour is still ahead, at nearMinute when given', () => {
    const earlyMorning = new Date('2026-11-27T00:00:00Z'); // 05:00 in Karachi
    expect(nextRunAfter(daily(7, 30), earlyMorning, 'Asia/Karachi', earlyMorning)).toEqual(new Date('2026-11-27T02:30:00Z'));
  });

  it('keeps a 07:00 daily trigger at 07:00 local across both daylight-saving changes in America/New_York', () => {
    const anchor = new Date('2026-10-30T16:00:00Z');
    const runs: Date[] = [];
    let after = anchor;
    for (let i = 0; i < 3; i++) {
      after = nextRunAfter(daily(7), after, 'America/New_York', anchor)!;
      runs.push(after);
    }
    // 31 Oct in EDT (UTC-4), then 1 and 2 Nov in EST (UTC-5): the UTC time moves, the local time does not.
    expect(runs).toEqual([new Date('2026-10-31T11:00:00Z'), new Date('2026-11-01T12:00:00Z'), new Date('2026-11-02T12:00:00Z')]);

    const spring = new Date('2027-03-13T13:00:00Z');
    expect(nextRunAfter(daily(7), spring, 'America/New_York', spring)).toEqual(new Date('2027-03-14T11:00:00Z'));
  });

  it('moves a time skipped by spring-forward ahead by the gap, and takes the first of a repeated fall-back time', () => {
    const beforeGap = new Date('2027-03-13T12:00:00Z');
    expect(nextRunAfter(daily(2, 30), beforeGap, 'America/New_York', beforeGap)).toEqual(new Date('2027-03-14T07:30:00Z')); // 03:30 EDT
    const beforeRepeat = new Date('2026-10-31T12:00:00Z');
    expect(nextRunAfter(daily(1, 30), beforeRepeat, 'America/New_York', beforeRepeat)).toEqual(new Date('2026-11-01T05:30:00Z')); // 01:30 EDT
  });

  it('counts everyDays(n) from the first run', () => {
    const first = nextRunAfter(daily(7, null, 2), created, 'Asia/Karachi', created)!;
    expect(first).toEqual(new Date('2026-11-28T02:00:00Z'));
    expect(nextRunAfter(daily(7, null, 2), first, 'Asia/Karachi', created)).toEqual(new Date('2026-11-30T02:00:00Z'));
    // From any moment in between, the series stays on its days.
    expect(nextRunAfter(daily(7, null, 2), new Date('2026-11-29T03:00:00Z'), 'Asia/Karachi', created)).toEqual(
      new Date('2026-11-30T02:00:00Z'),
    );
  });

  it('runs everyDays without atHour at the local time of day the trigger was made', () => {
    expect(nextRunAfter(daily(null), created, 'Asia/Karachi', created)).toEqual(new Date('2026-11-28T05:00:00Z'));
  });

  it('runs a weekly trigger on its weekday and hour, every n weeks', () => {
    const weekly = (weeks: number): TriggerSchedule => ({ kind: 'everyWeeks', weeks, onWeekDay: 'MONDAY', atHour: 9, nearMinute: null });
    const first = nextRunAfter(weekly(1), created, 'Asia/Karachi', created)!;
    expect(first).toEqual(new Date('2026-11-30T04:00:00Z')); // Monday 09:00 PKT
    expect(nextRunAfter(weekly(1), first, 'Asia/Karachi', created)).toEqual(new Date('2026-12-07T04:00:00Z'));
    expect(nextRunAfter(weekly(2), first, 'Asia/Karachi', created)).toEqual(new Date('2026-12-14T04:00:00Z'));
  });

  it('runs interval triggers at exact multiples of the interval after creation', () => {
    const everyFourHours: TriggerSchedule = { kind: 'everyHours', hours: 4 };
    expect(nextRunAfter(everyFourHours, created, 'Asia/Karachi', created)).toEqual(new Date('2026-11-27T09:00:00Z'));
    expect(nextRunAfter(everyFourHours, new Date('2026-11-27T10:30:00Z'), 'Asia/Karachi', created)).toEqual(
      new Date('2026-11-27T13:00:00Z'),
    );
    expect(nextRunAfter({ kind: 'everyMinutes', minutes: 15 }, created, 'UTC', created)).toEqual(new Date('2026-11-27T05:15:00Z'));
  });

  it('runs a one-shot trigger once: its time while ahead, then never', () => {
    const at: TriggerSchedule = { kind: 'at', at: new Date('2026-12-01T00:00:00Z') };
    expect(nextRunAfter(at, created, 'UTC')).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(nextRunAfter(at, new Date('2026-12-01T00:00:00Z'), 'UTC')).toBeNull();
    expect(isOneShot(at)).toBe(true);
    expect(isOneShot(daily(7))).toBe(false);
  });

  it('never runs a spreadsheet-event trigger by the clock', () => {
    expect(nextRunAfter({ kind: 'spreadsheetEvent', event: 'ON_OPEN', spreadsheetId: 's' }, created, 'UTC')).toBeNull();
  });
});

describe('nextRunOf', () => {
  it("uses the trigger's own time zone and creation time, else the script's zone", () => {
    const trigger: TriggerState = {
      id: 't',
      handler: 'dailyCheck',
      owner: 'lead@cil-demo.example',
      schedule: daily(7),
      createdAt: created,
      nextRunAt: null,
      timeZone: 'Europe/London',
    };
    expect(nextRunOf(trigger, created, 'Asia/Karachi')).toEqual(new Date('2026-11-27T07:00:00Z')); // 05:00 in London: 07:00 is ahead
    expect(nextRunOf({ ...trigger, timeZone: null }, created, 'Asia/Karachi')).toEqual(new Date('2026-11-28T02:00:00Z'));
  });
});

describe('zonedInstant', () => {
  it('reads a wall-clock time in a zone', () => {
    expect(zonedInstant(2026, 12, 1, 9, 0, 'Asia/Karachi')).toEqual(new Date('2026-12-01T04:00:00Z'));
  });
});
