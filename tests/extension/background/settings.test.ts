// @vitest-environment node
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { readSettings, Settings } from '../../../extension/background/settings';
import { installWorld, type FakeWorld } from './worker';

let world: FakeWorld;

beforeEach(() => {
  world = installWorld();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const DEFAULTS = {
  minimumSessionMinutes: undefined,
  rejoinMergeMinutes: 5,
  weeklyReminder: true,
  weeklyReminderWeekday: 5,
  weeklyReminderHour: 18,
  quietHoursStart: 21,
  quietHoursEnd: 8,
  meetingReminderMinutes: 30,
};

it('are the defaults when none are stored, or what is stored is not settings', async () => {
  expect(await readSettings()).toEqual(DEFAULTS);
  await world.fake.storage.local.set({ settings: 'loud' });
  expect(await readSettings()).toEqual(DEFAULTS);
});

it('keep each good value and replace each bad one by its default, on its own', async () => {
  await world.fake.storage.local.set({
    settings: { minimumSessionMinutes: 12, rejoinMergeMinutes: -3, weeklyReminderWeekday: 3, weeklyReminderHour: 24, quietHoursStart: '22', meetingReminderMinutes: 15.5, extra: true },
  });
  expect(await readSettings()).toEqual({ ...DEFAULTS, minimumSessionMinutes: 12, weeklyReminderWeekday: 3 });
});

it('parse without a storage round trip too (the options page may use the schema)', () => {
  expect(Settings.parse({ weeklyReminder: false })).toEqual({ ...DEFAULTS, weeklyReminder: false });
});
