import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readCalendarPage, type CalendarView } from '../../../extension/content/calendar/calendar-page';
import {
  CONTROL_TAG,
  mountEventControl,
  removeEventControl,
  type CalendarAction,
  type EventControlOptions,
} from '../../../extension/content/calendar/event-control';
import { watchCalendar } from '../../../extension/content/calendar/calendar-observer';
import { eventControlText } from '../../../extension/content/calendar/control-text';
import englishMessages from '../../../extension/public/_locales/en/messages.json' with { type: 'json' };
import { fixtureAddress, loadFixture } from './fixture';

const BEFORE = new Date(2026, 10, 20, 9, 0).getTime(); // a week before the meetup
const DURING = new Date(2026, 10, 26, 18, 15).getTime(); // the meetup started at 18:00

// What a volunteer with an English browser sees: the content script reads the labels with chrome.i18n.
const english = eventControlText((key) => englishMessages[key].message);

let now = BEFORE;
let actions: CalendarAction[];
let options: EventControlOptions;

beforeEach(() => {
  now = BEFORE;
  actions = [];
  options = { onAction: (action) => void actions.push(action), now: () => now, text: english };
});
afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

function views(name: string): CalendarView[] {
  loadFixture(`calendar/${name}.html`);
  return viewsNow(fixtureAddress(`calendar/${name}.html`));
}
function viewsNow(address?: string): CalendarView[] {
  return readCalendarPage(document, { now: new Date(now), ...(address ? { address } : {}) }).flatMap((f) => (f.view ? [f.view] : []));
}
function mountAll(found: CalendarView[], opts = options) {
  return found.map((view) => mountEventControl(view, opts));
}
const hosts = () => [...document.querySelectorAll<HTMLElement>(CONTROL_TAG)];
const shadow = (host = hosts()[0]) => {
  if (!host?.shadowRoot) throw new Error('no control');
  return host.shadowRoot;
};
const button = (action: string, host?: HTMLElement) => {
  const found = shadow(host).querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  if (!found) throw new Error(`no ${action} button`);
  return found;
};
const hoursInput = (host?: HTMLElement) => shadow(host).querySelector<HTMLInputElement>('input[type="number"]')!;
const reasonInput = (host?: HTMLElement) => shadow(host).querySelector<HTMLInputElement>('input[type="text"]')!;
const status = (host?: HTMLElement) => shadow(host).querySelector('[role="status"]')?.textContent;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the CIL Hub control in Calendar', () => {
  it('takes every label from _locales', () => {
    const asked: string[] = [];
    const text = eventControlText((key) => (asked.push(key), englishMessages[key].message));
    expect(asked).toContain('extName');
    expect(asked.filter((key) => key.startsWith('calendar'))).toHaveLength(Object.keys(text).length - 1);
    // A key missing from messages.json would come back from Chrome as '' (and fail to compile).
    expect(Object.values(text).filter((label) => !label)).toEqual([]);
    expect(text).toMatchObject({ brand: 'CIL Hub', logAttendance: 'Log attendance', reason: 'Reason (optional)' });
  });

  it('puts one control in an event popup, in its own shadow root, and only one however often it is mounted', () => {
    const found = views('popup-meet');
    mountAll(found);
    mountAll(found);
    mountAll(viewsNow());
    expect(hosts()).toHaveLength(1);
    const host = hosts()[0]!;
    expect(host.parentElement?.id).toBe('xDetDlg');
    expect(host.getAttribute('data-cilhub-event')).toBe('3h9q2s7k4m1c6v0p8t5r2n4b6d_20261126T130000Z');
    expect(shadow().querySelector('style')).not.toBeNull();
    expect([...shadow().querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Log attendance',
      "Can't attend",
      'Send notice',
      'Cancel',
      'Log hours',
    ]);
    // Nothing of ours in the light DOM: Calendar's CSS cannot reach it, and its text stays out of the page's.
    expect(host.childNodes).toHaveLength(0);
    expect(document.querySelector('[data-chips-dialog]')?.textContent).not.toContain('Log attendance');
  });

  it('"Log attendance" sends the event with its id, times and Meet code', async () => {
    now = DURING;
    mountAll(views('popup-meet'));
    button('log-attendance').click();
    await flush();
    expect(actions).toEqual([
      {
        type: 'log-attendance',
        at: new Date(DURING).toISOString(),
        event: {
          eventId: '3h9q2s7k4m1c6v0p8t5r2n4b6d_20261126T130000Z',
          eid: 'M2g5cTJzN2s0bTFjNnYwcDh0NXIybjRiNmRfMjAyNjExMjZUMTMwMDAwWiBjaWwua2FyYWNoaS5sZWFkQG0',
          calendarId: 'cil.karachi.lead@gmail.com',
          title: 'CIL Karachi meetup',
          meetCode: 'abc-defg-hij',
          day: '2026-11-26',
          startsAt: new Date(2026, 10, 26, 18, 0).toISOString(),
          endsAt: new Date(2026, 10, 26, 19, 30).toISOString(),
        },
      },
    ]);
    expect(status()).toBe('Saved. CIL Hub will send it to your CIL.');
  });

  it('"Can\'t attend" opens a reason field and sends a notice, with the reason only when one is given', async () => {
    mountAll(views('popup-meet'));
    expect(button('cant-attend').hidden).toBe(false);
    expect(reasonInput().closest('div')?.hidden).toBe(true);
    button('cant-attend').click();
    expect(reasonInput().closest('div')?.hidden).toBe(false);
    reasonInput().value = '  Exam that evening  ';
    button('send-notice').click();
    await flush();
    button('cant-attend').click();
    button('send-notice').click();
    await flush();
    expect(actions.map(({ type, event, ...rest }) => ({ type, eventId: event.eventId, meetCode: event.meetCode, ...rest }))).toEqual([
      { type: 'cant-attend', eventId: '3h9q2s7k4m1c6v0p8t5r2n4b6d_20261126T130000Z', meetCode: 'abc-defg-hij', reason: 'Exam that evening', at: new Date(BEFORE).toISOString() },
      { type: 'cant-attend', eventId: '3h9q2s7k4m1c6v0p8t5r2n4b6d_20261126T130000Z', meetCode: 'abc-defg-hij', at: new Date(BEFORE).toISOString() },
    ]);
    expect(reasonInput().value).toBe('');
  });

  it('offers "Can\'t attend" before the event starts and "Log attendance" from its start', () => {
    mountAll(views('popup-meet'));
    expect(button('cant-attend').hidden).toBe(false);
    expect(button('log-attendance').hidden).toBe(true);
    expect(button('log-hours').hidden).toBe(false);
    now = DURING;
    mountAll(viewsNow());
    expect(button('cant-attend').hidden).toBe(true);
    expect(button('log-attendance').hidden).toBe(false);
    expect(button('log-hours').hidden).toBe(false);
  });

  it('offers both when the page does not show when the event starts', () => {
    loadFixture('calendar/popup-plain.html');
    document.querySelector('#xDetDlgWhen .JEx5le')?.remove();
    for (const chip of document.querySelectorAll('[data-eventchip]')) chip.remove();
    mountAll(viewsNow());
    expect(button('cant-attend').hidden).toBe(false);
    expect(button('log-attendance').hidden).toBe(false);
    expect(hoursInput().value).toBe('');
  });

  it('refuses a notice when the event starts while the popup is open', async () => {
    mountAll(views('popup-meet'));
    button('cant-attend').click();
    now = DURING;
    button('send-notice').click();
    await flush();
    expect(actions).toEqual([]);
    expect(status()).toMatch(/started/);
    expect(button('cant-attend').hidden).toBe(true);
    // And the next pass over the page hides it too.
    now = BEFORE;
    mountAll(viewsNow());
    now = DURING;
    mountAll(viewsNow());
    expect(button('cant-attend').hidden).toBe(true);
  });

  it('"Log hours" is prefilled with the event’s length and sends the hours for the event’s day', async () => {
    mountAll(views('popup-meet'));
    expect(hoursInput().value).toBe('1.5');
    button('log-hours').click();
    // A second click while the first is being saved does nothing.
    button('log-hours').click();
    await flush();
    hoursInput().value = '2.25';
    button('log-hours').click();
    await flush();
    expect(actions.map((a) => (a.type === 'log-hours' ? [a.hours, a.day, a.event.eventId] : a.type))).toEqual([
      [1.5, '2026-11-26', '3h9q2s7k4m1c6v0p8t5r2n4b6d_20261126T130000Z'],
      [2.25, '2026-11-26', '3h9q2s7k4m1c6v0p8t5r2n4b6d_20261126T130000Z'],
    ]);
  });

  it('checks the hours before sending', async () => {
    mountAll(views('popup-meet'));
    for (const value of ['', '0', '-1', '25', 'abc']) {
      hoursInput().value = value;
      button('log-hours').click();
      await flush();
      expect(status()).toBe('Hours must be more than 0 and at most 24.');
    }
    expect(actions).toEqual([]);
  });

  it('says so when the action could not be saved', async () => {
    mountAll(views('popup-meet'), { ...options, onAction: () => Promise.reject(new Error('the extension was updated')) });
    button('log-hours').click();
    await flush();
    expect(status()).toBe('Not saved: the extension was updated');
    expect(button('log-hours').disabled).toBe(false);
  });

  it('updates, and does not duplicate, the control when Calendar reuses the popup for another event', async () => {
    mountAll(views('popup-meet'));
    const first = hosts()[0];
    // Calendar keeps the dialog and swaps its content: another eid, title, time, no Meet block.
    const event = document.querySelector('#xDetDlg')!;
    event.setAttribute('data-eventid', 'N2xmMHVicTVrMm45ZTRyMWg2dDNjOGowc2EgYXllc2hhLmtoYW4ucGtAbQ');
    event.removeAttribute('jslog');
    document.querySelector('#rAECCd')!.textContent = 'Dentist appointment';
    document.querySelector('#xDetDlgWhen .AzuXid')!.textContent = 'Friday, November 27 ⋅ 10:30 – 11:15am';
    document.querySelector('#xDetDlgVideo')?.remove();
    mountAll(viewsNow());
    expect(hosts()).toEqual([first]);
    expect(first?.getAttribute('data-cilhub-event')).toBe('7lf0ubq5k2n9e4r1h6t3c8j0sa');
    expect(hoursInput().value).toBe('0.75');
    now = new Date(2026, 10, 27, 12, 0).getTime();
    mountAll(viewsNow());
    button('log-attendance').click();
    await flush();
    expect(actions[0]).toMatchObject({
      type: 'log-attendance',
      event: { eventId: '7lf0ubq5k2n9e4r1h6t3c8j0sa', title: 'Dentist appointment', startsAt: new Date(2026, 10, 27, 10, 30).toISOString() },
    });
    expect(actions[0]?.event).not.toHaveProperty('meetCode');
  });

  it('removes the control when the reused popup shows something that is not an event', () => {
    mountAll(views('popup-meet'));
    document.querySelector('#xDetDlg')!.setAttribute('data-eventid', 'tasks_gtCquemlQRditn7O');
    const found = readCalendarPage(document, { now: new Date(now) });
    expect(found.map((f) => f.view)).toEqual([undefined]);
    for (const { root } of found) removeEventControl(root);
    expect(hosts()).toEqual([]);
  });

  it('adds nothing to views it does not understand', () => {
    expect(views('create')).toEqual([]);
    expect(hosts()).toEqual([]);
  });

  it('puts back a control Calendar removed, with what was typed in it', () => {
    mountAll(views('popup-meet'));
    const host = hosts()[0]!;
    button('cant-attend').click();
    reasonInput().value = 'Travelling';
    host.remove();
    mountAll(viewsNow());
    expect(hosts()).toEqual([host]);
    expect(reasonInput().value).toBe('Travelling');
  });

  it('shows on a non-CIL event too, unless the caller turns the event down', () => {
    mountAll(views('popup-plain'));
    expect(hosts()).toHaveLength(1);
    const onlyWithMeet = { ...options, accept: (event: CalendarView['event']) => event.meetCode !== undefined };
    mountAll(viewsNow(), onlyWithMeet);
    expect(hosts()).toEqual([]);
    mountAll(views('popup-meet'), onlyWithMeet);
    expect(hosts()).toHaveLength(1);
  });

  it('goes at the top of the details view’s "Event details" tab', () => {
    mountAll(views('details'));
    const host = hosts()[0]!;
    expect(host.parentElement?.getAttribute('role')).toBe('tabpanel');
    expect(host.parentElement?.firstChild).toBe(host);
    expect(hoursInput().value).toBe('4');
    mountAll(viewsNow(fixtureAddress('calendar/details.html')));
    expect(hosts()).toEqual([host]);
  });

  it('works in a right-to-left page and takes translated labels', () => {
    mountAll(views('details-urdu'), { ...options, text: { ...english, logAttendance: 'حاضری درج کریں', cantAttend: 'شرکت نہیں کر سکتا' } });
    expect(button('log-attendance').textContent).toBe('حاضری درج کریں');
    expect(button('cant-attend').textContent).toBe('شرکت نہیں کر سکتا');
    expect(button('log-hours').textContent).toBe('Log hours');
  });

  it('keeps keys typed in it away from Calendar’s shortcuts, except Escape', () => {
    mountAll(views('popup-meet'));
    const seen: string[] = [];
    document.addEventListener('keydown', (e) => seen.push(e.key));
    button('cant-attend').click();
    for (const key of ['e', 'Delete', 'Backspace', 'Escape']) {
      reasonInput().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    }
    expect(seen).toEqual(['Escape']);
  });
});

describe('watching Calendar', () => {
  it('adds the control when a popup opens, follows the reused popup, and cleans up on disconnect', async () => {
    loadFixture('calendar/popup-meet.html');
    const dialog = document.querySelector('[data-chips-dialog]')!;
    dialog.remove();
    const watch = watchCalendar({ ...options, address: () => 'https://calendar.google.com/calendar/u/0/r/week', throttleMs: 0 });
    expect(hosts()).toEqual([]);
    document.body.append(dialog);
    await flush();
    await flush();
    expect(hosts()).toHaveLength(1);
    // Calendar strips foreign children from the popup while it loads; the control comes back.
    hosts()[0]!.remove();
    await flush();
    await flush();
    expect(hosts()).toHaveLength(1);
    watch.disconnect();
    watch.disconnect();
    expect(hosts()).toEqual([]);
    document.querySelector('#xDetDlg')!.setAttribute('data-eventid', 'N2xmMHVicTVrMm45ZTRyMWg2dDNjOGowc2EgYXllc2hhLmtoYW4ucGtAbQ');
    await flush();
    expect(hosts()).toEqual([]);
  });
});
