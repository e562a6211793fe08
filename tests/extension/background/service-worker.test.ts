// @vitest-environment node
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { openMeetCodes } from '../../../extension/background/meet-sessions';
import { REMINDER_ALARM } from '../../../extension/background/reminders';
import { SYNC_ALARM, SYNC_PERIOD_MINUTES } from '../../../extension/background/sync-alarm';
import { alarm, enrollDirectly, installWorld, networkDown, SENDERS, type FakeWorld } from './worker';

// The entry file wires Chrome's events to the worker's modules, synchronously at load (Chrome wakes a
// stopped worker only for listeners registered then). Each event reaches its handler.

let world: FakeWorld;
let fetch: ReturnType<typeof networkDown>;
let self: EventTarget;

beforeEach(async () => {
  world = installWorld();
  fetch = networkDown();
  self = new EventTarget();
  vi.stubGlobal('self', self);
  await enrollDirectly(world.fake);
  vi.resetModules();
  await import('../../../extension/background/service-worker');
});
afterEach(async () => {
  // Let the last event's work finish before the next test's fake browser.
  await new Promise((resolve) => setTimeout(resolve, 50));
  vi.unstubAllGlobals();
});

const logHours = { type: 'log-hours', hours: { day: '2026-11-26', hours: 1, category: 'other' } };

it('registers every listener at load', () => {
  expect(world.fake.runtime.onMessage.hasListeners()).toBe(true);
  expect(world.fake.runtime.onInstalled.hasListeners()).toBe(true);
  expect(world.fake.runtime.onStartup.hasListeners()).toBe(true);
  expect(world.fake.alarms.onAlarm.hasListeners()).toBe(true);
  expect(world.fake.tabs.onRemoved.hasListeners()).toBe(true);
  expect(world.fake.notifications.onClicked.hasListeners()).toBe(true);
});

it('sets up its alarms at browser start', async () => {
  await world.fake.runtime.onStartup.trigger();
  await vi.waitFor(async () => expect((await world.fake.alarms.getAll()).map((alarm) => alarm.name).sort()).toEqual([REMINDER_ALARM, SYNC_ALARM].sort()));
  expect(await world.fake.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: SYNC_PERIOD_MINUTES });
});

it('still sets up its alarms and sends the queue when restricting storage fails', async () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.mocked(chrome.storage.local.setAccessLevel).mockRejectedValueOnce(new Error('not supported'));
  await world.fake.runtime.onInstalled.trigger({ reason: 'install' });
  await vi.waitFor(async () => expect((await world.fake.alarms.getAll()).map((alarm) => alarm.name).sort()).toEqual([REMINDER_ALARM, SYNC_ALARM].sort()));
  expect(error).toHaveBeenCalledWith('CIL Hub: restricting storage to extension pages failed', expect.any(Error));
  error.mockRestore();
});

it('answers messages, and sends the queue when the network returns or the alarm fires', async () => {
  const replies: unknown[] = [];
  await world.fake.runtime.onMessage.trigger(logHours, SENDERS.popup, (reply: unknown) => replies.push(reply));
  await vi.waitFor(() => expect(replies).toEqual([expect.objectContaining({ ok: true })]));
  await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));

  self.dispatchEvent(new Event('online'));
  await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
  await world.fake.alarms.onAlarm.trigger(alarm('cil-hub-retry'));
  await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(3));
});

it('closes the Meet session of a closed tab, and opens the popup from a notification', async () => {
  const meet = SENDERS.meet(31);
  const now = new Date().toISOString();
  await world.fake.runtime.onMessage.trigger({ type: 'meet-session', event: 'join', sessionKey: `abc-defg-hij/${now}`, meetCode: 'abc-defg-hij', at: now }, meet, () => {});
  await vi.waitFor(async () => expect(await openMeetCodes()).toEqual(new Set(['abc-defg-hij'])));
  await world.fake.tabs.onRemoved.trigger(31, { windowId: 1, isWindowClosing: false });
  await vi.waitFor(async () => expect(await openMeetCodes()).toEqual(new Set()));

  await world.fake.notifications.onClicked.trigger('cil-hub-week-2026-W48');
  await vi.waitFor(async () => expect((await world.fake.tabs.query({})).map((tab) => tab.url)).toContain('chrome-extension://test-extension-id/popup/index.html'));
});
