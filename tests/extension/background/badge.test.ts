// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeFor } from '../../../extension/background/badge';
import type { QueuedEntry } from '../../../extension/messages';
import { enrollDirectly, installWorld, loadWorker, networkDown, SENDERS, untilQuiet, type FakeWorld } from './worker';

let world: FakeWorld;

beforeEach(() => {
  world = installWorld();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const item = (i: number, state: QueuedEntry['state']): QueuedEntry => ({
  entry: { kind: 'hours', id: `5f0c3e2a-7b1d-4c8e-9a6f-${String(i).padStart(12, '0')}`, day: '2026-11-26', hours: 1, category: 'other', loggedAt: '2026-11-26T10:00:00.000Z' },
  state,
  queuedAt: '2026-11-26T10:00:00.000Z',
  attempts: 0,
});

describe('badgeFor', () => {
  it('shows nothing for an empty queue', () => {
    expect(badgeFor([])).toMatchObject({ text: '', title: 'CIL Hub' });
  });

  it('counts waiting entries in blue', () => {
    expect(badgeFor([item(1, 'pending'), item(2, 'pending')])).toEqual({ text: '2', colour: '#0B57D0', title: 'CIL Hub: 2 entries waiting to be sent to your CIL' });
  });

  it('turns red with a "!" when the web app refused any', () => {
    expect(badgeFor([item(1, 'pending'), item(2, 'rejected')])).toEqual({
      text: '2!',
      colour: '#B3261E',
      title: "CIL Hub: your CIL's web app refused 1 of 2 waiting entries. Open CIL Hub to see why.",
    });
  });

  it('fits a long queue in the badge', () => {
    expect(badgeFor(Array.from({ length: 150 }, (_, i) => item(i, 'pending'))).text).toBe('99+');
  });
});

it('follows every change of the queue, and is shown again at browser start', async () => {
  networkDown();
  await enrollDirectly(world.fake);
  const worker = await loadWorker();
  const log = (day: string) => worker.answers.answer({ type: 'log-hours', hours: { day, hours: 1, category: 'other' } }, SENDERS.popup);
  await log('2026-11-25');
  expect(await world.fake.action.getBadgeText({})).toBe('1');
  const reply = await log('2026-11-26');
  expect(await world.fake.action.getBadgeText({})).toBe('2');
  await worker.answers.answer({ type: 'discard', id: reply.ok ? reply.status.queue[0]!.entry.id : '' }, SENDERS.popup);
  expect(await world.fake.action.getBadgeText({})).toBe('1');
  // A browser restart clears the badge; the start-up shows the queue again.
  await world.fake.action.setBadgeText({ text: '' });
  await worker.lifecycle.startUp('browser-start');
  expect(await world.fake.action.getBadgeText({})).toBe('1');
  // The token in storage.local is out of content scripts' reach.
  expect(world.storageAccess.level).toBe('TRUSTED_CONTEXTS');
  await untilQuiet(worker);
});
