// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureSyncAlarm, SYNC_ALARM, SYNC_PERIOD_MINUTES } from '../../../extension/background/sync-alarm';
import { installWorld, type Fake } from './worker';

let fake: Fake;

beforeEach(() => {
  fake = installWorld().fake;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the periodic sync alarm', () => {
  it('is created when missing', async () => {
    await ensureSyncAlarm();
    expect(await fake.alarms.getAll()).toEqual([expect.objectContaining({ name: SYNC_ALARM, periodInMinutes: SYNC_PERIOD_MINUTES })]);
  });

  it('keeps its schedule when the browser starts again', async () => {
    await ensureSyncAlarm();
    const first = await fake.alarms.get(SYNC_ALARM);
    vi.useFakeTimers({ now: Date.now() + 5 * 60_000 });
    await ensureSyncAlarm();
    expect(await fake.alarms.getAll()).toEqual([first]);
  });
});
