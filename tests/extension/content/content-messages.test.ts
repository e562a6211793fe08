import { describe, expect, it } from 'vitest';
import { readCalendarPage, type CalendarEvent } from '../../../extension/content/calendar/calendar-page';
import { calendarActionMessage } from '../../../extension/content/calendar/action-message';
import type { CalendarAction as ControlAction } from '../../../extension/content/calendar/event-control';
import { createMeetSession, type MeetSessionEvent as SessionEvent } from '../../../extension/content/meet/meet-session';
import { meetSessionMessage } from '../../../extension/content/meet/session-message';
import { BackgroundRequest, CalendarAction, MeetSessionEvent } from '../../../extension/messages';
import { fixtureAddress, loadFixture } from './fixture';

// The content scripts carry no zod: these check that the plain objects they send are what the service
// worker's schemas accept, after the JSON round trip that runtime messaging puts them through.

const sent = (message: unknown): unknown => JSON.parse(JSON.stringify(message));

describe('what the Meet content script sends', () => {
  const T0 = Date.UTC(2026, 10, 26, 13, 0, 0);
  const code = 'abc-defg-hij';
  const title = 'CIL Karachi: monthly CfP call';

  function session(firstState: 'pre-join' | 'in-call'): SessionEvent[] {
    const machine = createMeetSession({ heartbeatMs: 60_000 });
    return [
      ...machine.observe({ state: firstState, code, title, at: T0 }),
      ...machine.observe({ state: 'in-call', code, title, at: T0 + 30_000 }),
      ...machine.observe({ state: 'in-call', code, title, at: T0 + 120_000 }),
      ...machine.observe({ state: 'ended', code, at: T0 + 600_000 }),
    ];
  }

  it('is a join, heartbeats and a leave with one session key, each accepted by the service worker', () => {
    const messages = session('pre-join').map(meetSessionMessage).map(sent);
    expect(messages.map((m) => MeetSessionEvent.safeParse(m).success)).toEqual([true, true, true]);
    expect(messages.map((m) => BackgroundRequest.safeParse(m).success)).toEqual([true, true, true]);
    expect(messages).toEqual([
      { type: 'meet-session', event: 'join', sessionKey: `${code}/2026-11-26T13:00:30.000Z`, meetCode: code, title, at: '2026-11-26T13:00:30.000Z' },
      { type: 'meet-session', event: 'heartbeat', sessionKey: `${code}/2026-11-26T13:00:30.000Z`, meetCode: code, title, at: '2026-11-26T13:02:00.000Z' },
      { type: 'meet-session', event: 'leave', sessionKey: `${code}/2026-11-26T13:00:30.000Z`, meetCode: code, title, at: '2026-11-26T13:10:00.000Z' },
    ]);
  });

  it('sends a join seen only after the call had started as the moment it was seen', () => {
    const [join] = session('in-call').map(meetSessionMessage).map(sent);
    expect(join).toEqual({ type: 'meet-session', event: 'join', sessionKey: `${code}/2026-11-26T13:00:00.000Z`, meetCode: code, title, at: '2026-11-26T13:00:00.000Z' });
    expect(MeetSessionEvent.safeParse(join).success).toBe(true);
    // The contract has no "late" flag (nothing read it): a sender adding one is refused.
    expect(MeetSessionEvent.safeParse({ ...(join as object), late: true }).success).toBe(false);
  });

  it('cuts a title too long for the service worker instead of losing the event', () => {
    const long = 'x'.repeat(800);
    const [join] = createMeetSession().observe({ state: 'in-call', code, title: long, at: T0 });
    const message = sent(meetSessionMessage(join!));
    expect(MeetSessionEvent.safeParse(message).success).toBe(true);
    expect((message as { title: string }).title).toHaveLength(500);
    expect(MeetSessionEvent.safeParse({ ...(message as object), title: long }).success).toBe(false);
  });
});

describe('what the Calendar content script sends', () => {
  function popupEvent(): CalendarEvent {
    loadFixture('calendar/popup-meet.html');
    const [found] = readCalendarPage(document, { address: fixtureAddress('calendar/popup-meet.html'), now: new Date(2026, 10, 20) });
    if (!found?.view) throw new Error('the fixture shows no event');
    return found.view.event;
  }
  const at = '2026-11-20T04:00:00.000Z';

  it('is each action of the control, with only the event fields the contract names', () => {
    const event = popupEvent();
    // What the page gives and the contract does not take: the raw eid, the calendar, the day.
    expect(event).toMatchObject({ eid: expect.any(String), calendarId: 'cil.karachi.lead@gmail.com', day: '2026-11-26' });
    const actions: ControlAction[] = [
      { type: 'log-attendance', event, at },
      { type: 'cant-attend', event, at, reason: 'University exam that day' },
      { type: 'cant-attend', event, at },
      { type: 'log-hours', event, at, day: '2026-11-26', hours: 1.5 },
    ];
    const messages = actions.map(calendarActionMessage).map(sent);
    expect(messages.map((m) => CalendarAction.safeParse(m).success)).toEqual([true, true, true, true]);
    expect(messages.map((m) => BackgroundRequest.safeParse(m).success)).toEqual([true, true, true, true]);
    const sentEvent = {
      eventId: '3h9q2s7k4m1c6v0p8t5r2n4b6d_20261126T130000Z',
      title: 'CIL Karachi meetup',
      // The popup shows 6:00 – 7:30pm, read in the browser's time zone.
      startsAt: new Date(2026, 10, 26, 18, 0).toISOString(),
      endsAt: new Date(2026, 10, 26, 19, 30).toISOString(),
      meetCode: 'abc-defg-hij',
    };
    expect(messages).toEqual([
      { type: 'calendar-action', action: 'log-attendance', event: sentEvent },
      { type: 'calendar-action', action: 'cant-attend', event: sentEvent, reason: 'University exam that day' },
      { type: 'calendar-action', action: 'cant-attend', event: sentEvent },
      { type: 'calendar-action', action: 'log-hours', event: sentEvent, day: '2026-11-26', hours: 1.5 },
    ]);
    // The whole page event would be refused: the schema is strict.
    expect(CalendarAction.safeParse({ ...(messages[0] as object), event }).success).toBe(false);
  });

  it('sends an event without a start, end or Meet code as just its id', () => {
    const message = sent(calendarActionMessage({ type: 'log-attendance', event: { eventId: 'abcdefgh12', eid: 'YWJjZGVmZ2gxMg' }, at }));
    expect(message).toEqual({ type: 'calendar-action', action: 'log-attendance', event: { eventId: 'abcdefgh12' } });
    expect(CalendarAction.safeParse(message).success).toBe(true);
  });

  it('cuts a title too long for the service worker', () => {
    const event = { ...popupEvent(), title: 'y'.repeat(700) };
    const message = sent(calendarActionMessage({ type: 'cant-attend', event, at }));
    expect(CalendarAction.safeParse(message).success).toBe(true);
    expect((message as { event: { title: string } }).event.title).toHaveLength(500);
  });
});
