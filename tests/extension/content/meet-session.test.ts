import { afterEach, describe, expect, it } from 'vitest';
import { readMeetPage, type MeetPageState } from '../../../extension/content/meet/meet-page';
import { createMeetSession, type MeetSessionEvent } from '../../../extension/content/meet/meet-session';
import { fixtureAddress, loadFixture } from './fixture';

const T0 = Date.UTC(2026, 10, 26, 13, 0, 0); // 18:00 in Karachi
const at = (seconds: number) => T0 + seconds * 1000;
const iso = (seconds: number) => new Date(at(seconds)).toISOString();
const A = 'abc-defg-hij';
const B = 'kqm-wtzp-rvb';

function reading(seconds: number, state: MeetPageState, code?: string, title?: string) {
  return { at: at(seconds), state, ...(code ? { code } : {}), ...(title ? { title } : {}) };
}

/** Feeds readings in order and returns every event, in order. */
function run(readings: ReturnType<typeof reading>[], options = {}) {
  const session = createMeetSession(options);
  const events: MeetSessionEvent[] = readings.flatMap((r) => session.observe(r));
  return { session, events, types: events.map((e) => `${e.type}${'reason' in e ? `:${e.reason}` : ''}@${e.code}`) };
}

describe('the Meet session machine', () => {
  it('joins when the call starts, not in the green room nor in the lobby', () => {
    const { events } = run([
      reading(0, 'unknown'),
      reading(5, 'pre-join', A),
      reading(30, 'pre-join', A),
      reading(40, 'waiting', A),
      reading(70, 'in-call', A, 'CIL Karachi: monthly CfP call'),
    ]);
    expect(events).toEqual([
      {
        type: 'join',
        session: `${A}/${iso(70)}`,
        code: A,
        title: 'CIL Karachi: monthly CfP call',
        at: iso(70),
      },
    ]);
  });

  it('joins at the first reading in the call, even when the page was in it from the start', () => {
    expect(run([reading(0, 'in-call', A)]).events).toEqual([{ type: 'join', session: `${A}/${iso(0)}`, code: A, at: iso(0) }]);
  });

  it('ignores a call without a code (nothing to match it to)', () => {
    expect(run([reading(0, 'pre-join'), reading(10, 'in-call')]).events).toEqual([]);
  });

  it('beats at most once a heartbeat period while the call shows, and leaves on the end screen', () => {
    const readings = [reading(0, 'pre-join', A)];
    for (let s = 10; s <= 230; s += 20) readings.push(reading(s, 'in-call', A));
    readings.push(reading(262, 'ended', A));
    const { events, types } = run(readings, { heartbeatMs: 60_000 });
    expect(types).toEqual([`join@${A}`, `heartbeat@${A}`, `heartbeat@${A}`, `heartbeat@${A}`, `leave:ended@${A}`]);
    expect(events.map((e) => e.at)).toEqual([iso(10), iso(70), iso(130), iso(190), iso(262)]);
    expect(events[4]).toEqual({
      type: 'leave',
      session: `${A}/${iso(10)}`,
      code: A,
      at: iso(262),
      joinedAt: iso(10),
      reason: 'ended',
    });
  });

  it('does not join again while the address keeps the code after leaving', () => {
    const { types } = run([
      reading(0, 'pre-join', A),
      reading(10, 'in-call', A),
      reading(600, 'ended', A),
      reading(601, 'ended', A),
      reading(700, 'unknown', A),
      reading(900, 'unknown', A),
    ]);
    expect(types).toEqual([`join@${A}`, `leave:ended@${A}`]);
  });

  it('starts a new session when the volunteer rejoins the same call', () => {
    const { events, types } = run([
      reading(0, 'pre-join', A),
      reading(10, 'in-call', A),
      reading(600, 'ended', A),
      reading(660, 'in-call', A),
      reading(1200, 'ended', A),
    ]);
    expect(types).toEqual([`join@${A}`, `leave:ended@${A}`, `join@${A}`, `leave:ended@${A}`]);
    expect(events[2]).toMatchObject({ session: `${A}/${iso(660)}` });
  });

  it('follows a second call in the same tab (single-page app): straight from one call to the next', () => {
    const { events, types } = run([
      reading(0, 'pre-join', A),
      reading(10, 'in-call', A),
      reading(500, 'in-call', B, 'CIL Karachi hack night'),
      reading(900, 'ended', B),
    ]);
    expect(types).toEqual([`join@${A}`, `leave:other-call@${A}`, `join@${B}`, `leave:ended@${B}`]);
    expect(events[1]).toMatchObject({ at: iso(500), joinedAt: iso(10) });
    expect(events[2]).toMatchObject({ at: iso(500), title: 'CIL Karachi hack night' });
  });

  it('follows a second call in the same tab: through the next call’s green room', () => {
    const { types } = run([
      reading(0, 'pre-join', A),
      reading(10, 'in-call', A),
      reading(500, 'pre-join', B),
      reading(520, 'waiting', B),
      reading(560, 'in-call', B),
    ]);
    expect(types).toEqual([`join@${A}`, `leave:other-call@${A}`, `join@${B}`]);
    expect(run([reading(0, 'in-call', A), reading(100, 'waiting', B)]).types).toEqual([`join@${A}`, `leave:other-call@${A}`]);
    expect(run([reading(0, 'in-call', A), reading(100, 'pre-join', A)]).types).toEqual([`join@${A}`, `leave:green-room@${A}`]);
  });

  it('rides out a short spell of an unknown page, with no heartbeat during it', () => {
    const { types } = run(
      [
        reading(0, 'in-call', A),
        reading(60, 'unknown', A),
        reading(100, 'waiting', A),
        reading(110, 'unknown'),
        reading(130, 'in-call', A),
      ],
      { heartbeatMs: 60_000, lostAfterMs: 120_000 },
    );
    expect(types).toEqual([`join@${A}`, `heartbeat@${A}`]);
  });

  it('ends a session that stops showing, at the time it was last seen', () => {
    const { events } = run(
      [reading(0, 'in-call', A), reading(50, 'in-call', A), reading(100, 'unknown'), reading(171, 'unknown')],
      { lostAfterMs: 120_000 },
    );
    expect(events.at(-1)).toMatchObject({ type: 'leave', reason: 'lost', at: iso(50) });
  });

  it('ends the session when the page goes away, and only once', () => {
    const session = createMeetSession();
    session.observe(reading(0, 'pre-join', A));
    session.observe(reading(10, 'in-call', A));
    expect(session.close(at(300))).toEqual([
      { type: 'leave', session: `${A}/${iso(10)}`, code: A, at: iso(300), joinedAt: iso(10), reason: 'closed' },
    ]);
    expect(session.close(at(301))).toEqual([]);
  });

  it('ignores a reading older than the last one', () => {
    const { types } = run([reading(0, 'pre-join', A), reading(100, 'in-call', A), reading(50, 'ended', A)]);
    expect(types).toEqual([`join@${A}`]);
  });

  it('carries a title that shows up after joining into later events', () => {
    const { events } = run([reading(0, 'pre-join', A), reading(10, 'in-call', A), reading(20, 'in-call', A, 'Monthly call'), reading(30, 'ended', A)]);
    expect(events[0]).not.toHaveProperty('title');
    expect(events.at(-1)).toMatchObject({ type: 'leave', title: 'Monthly call' });
  });
});

describe('the session machine over the saved pages', () => {
  afterEach(() => document.body.replaceChildren());

  const visit = (name: string, seconds: number, address = fixtureAddress(`meet/${name}.html`)) => ({
    ...readMeetPage(loadFixture(`meet/${name}.html`), address),
    at: at(seconds),
  });

  it.each([['current'], ['older'], ['urdu']])('%s layout: green room, call, end screen', (layout) => {
    const session = createMeetSession({ heartbeatMs: 60_000 });
    const events = [
      ...session.observe(visit(`${layout}-pre-join`, 0)),
      ...session.observe(visit(`${layout}-in-call`, 30)),
      ...session.observe(visit(`${layout}-in-call`, 95)),
      ...session.observe(visit(`${layout}-ended`, 1830)),
    ];
    const code = { current: A, older: B, urdu: 'pxr-nfkt-bdw' }[layout];
    expect(events.map((e) => [e.type, e.code, e.at])).toEqual([
      ['join', code, iso(30)],
      ['heartbeat', code, iso(95)],
      ['leave', code, iso(1830)],
    ]);
    expect(events[2]).toMatchObject({ joinedAt: iso(30), reason: 'ended' });
    expect(events[0]?.title).toBeTruthy();
  });

  it('does not count the lobby as the call', () => {
    const session = createMeetSession();
    expect([
      ...session.observe(visit('current-pre-join', 0)),
      ...session.observe(visit('current-waiting', 10)),
      ...session.observe(visit('current-waiting', 200)),
    ]).toEqual([]);
    expect(session.observe(visit('current-in-call', 260))).toMatchObject([{ type: 'join', at: iso(260) }]);
  });

  it('goes from one call to another in the same tab, the old page’s markup still naming the old code', () => {
    const session = createMeetSession();
    session.observe(visit('current-pre-join', 0));
    session.observe(visit('current-in-call', 10));
    const events = session.observe(visit('older-in-call', 600, 'https://meet.google.com/kqm-wtzp-rvb'));
    expect(events.map((e) => `${e.type}:${e.code}`)).toEqual([`leave:${A}`, `join:${B}`]);
  });
});
