import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchMeet, type MeetWatch } from '../../../extension/content/meet/meet-observer';
import type { MeetSessionEvent } from '../../../extension/content/meet/meet-session';
import { loadFixture } from './fixture';

const T0 = Date.UTC(2026, 10, 26, 13, 0, 0);
let clock = T0;
let watch: MeetWatch | undefined;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  watch?.disconnect();
  watch = undefined;
  document.body.replaceChildren();
  vi.useRealTimers();
});

function start(events: MeetSessionEvent[], extra: Partial<Parameters<typeof watchMeet>[0]> = {}) {
  clock = T0;
  watch = watchMeet({
    onEvent: (event) => void events.push(event),
    now: () => clock,
    address: () => 'https://meet.google.com/abc-defg-hij',
    throttleMs: 0,
    tickMs: 20_000,
    session: { heartbeatMs: 60_000 },
    ...extra,
  });
  return watch;
}

describe('watching a Meet tab', () => {
  it('reports join when the page turns into the call, heartbeats on its clock, and leave on the end screen', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const events: MeetSessionEvent[] = [];
    loadFixture('meet/current-pre-join.html');
    start(events);
    expect(events).toEqual([]);

    clock += 30_000;
    loadFixture('meet/current-in-call.html');
    await flush();
    expect(events.map((e) => [e.type, e.at])).toEqual([['join', new Date(T0 + 30_000).toISOString()]]);

    // Nothing changes on the page for a while: the clock's readings bring the heartbeats.
    for (let i = 0; i < 6; i++) {
      clock += 20_000;
      vi.advanceTimersByTime(20_000);
    }
    expect(events.map((e) => e.type)).toEqual(['join', 'heartbeat', 'heartbeat']);

    clock += 5_000;
    loadFixture('meet/current-ended.html');
    await flush();
    expect(events.at(-1)).toMatchObject({ type: 'leave', reason: 'ended', code: 'abc-defg-hij' });
  });

  it('ends the session when the page is hidden for good (tab closed, reload, navigation)', async () => {
    const events: MeetSessionEvent[] = [];
    loadFixture('meet/current-in-call.html');
    start(events);
    clock += 90_000;
    window.dispatchEvent(new Event('pagehide'));
    expect(events.map((e) => e.type === 'leave' && e.reason)).toEqual([false, 'closed']);
  });

  it('notices Meet moving to another call without a page load (the address changes)', async () => {
    const events: MeetSessionEvent[] = [];
    let address = 'https://meet.google.com/abc-defg-hij';
    loadFixture('meet/current-in-call.html');
    start(events, { address: () => address });
    clock += 600_000;
    address = 'https://meet.google.com/kqm-wtzp-rvb';
    loadFixture('meet/older-in-call.html');
    await flush();
    expect(events.map((e) => `${e.type}:${e.code}`)).toEqual([
      'join:abc-defg-hij',
      'leave:abc-defg-hij',
      'join:kqm-wtzp-rvb',
    ]);
  });

  it('reports nothing after disconnect, and disconnects twice without harm', async () => {
    const events: MeetSessionEvent[] = [];
    loadFixture('meet/current-pre-join.html');
    const watching = start(events);
    watching.disconnect();
    watching.disconnect();
    loadFixture('meet/current-in-call.html');
    await flush();
    watching.check();
    window.dispatchEvent(new Event('pagehide'));
    expect(events).toEqual([]);
  });

  it('can be disconnected from inside its own callback', async () => {
    const events: MeetSessionEvent[] = [];
    loadFixture('meet/current-pre-join.html');
    start(events, {
      onEvent: (event) => {
        events.push(event);
        watch?.disconnect();
      },
    });
    loadFixture('meet/current-in-call.html');
    await flush();
    loadFixture('meet/current-ended.html');
    await flush();
    expect(events.map((e) => e.type)).toEqual(['join']);
  });

  it('keeps watching when the receiver of its events fails', async () => {
    const errors: unknown[] = [];
    const events: MeetSessionEvent[] = [];
    loadFixture('meet/current-pre-join.html');
    start(events, {
      onEvent: (event) => {
        events.push(event);
        throw new Error('Extension context invalidated.');
      },
      onError: (error) => void errors.push(error),
    });
    loadFixture('meet/current-in-call.html');
    await flush();
    loadFixture('meet/current-ended.html');
    await flush();
    expect(events.map((e) => e.type)).toEqual(['join', 'leave']);
    expect(errors).toHaveLength(2);
  });
});
