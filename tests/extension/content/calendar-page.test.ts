import { afterEach, describe, expect, it } from 'vitest';
import { decodeEventId, eidFromUrl, readCalendarPage } from '../../../extension/content/calendar/calendar-page';
import * as CALENDAR_SELECTORS from '../../../extension/content/calendar/calendar-selectors';
import { normaliseDigits, parseWhen } from '../../../extension/content/calendar/calendar-when';
import { fixtureAddress, loadFixture } from './fixture';

afterEach(() => document.body.replaceChildren());

const NOW = new Date(2026, 10, 20, 9, 0); // Friday 20 November 2026, before every fixture's event
// The pages show wall-clock times; the browser's zone turns them into instants.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

function read(name: string, now = NOW) {
  loadFixture(`calendar/${name}.html`);
  return readCalendarPage(document, { address: fixtureAddress(`calendar/${name}.html`), now });
}

const MEETUP_EID = 'M2g5cTJzN2s0bTFjNnYwcDh0NXIybjRiNmRfMjAyNjExMjZUMTMwMDAwWiBjaWwua2FyYWNoaS5sZWFkQG0';
const HACK_NIGHT_EID = 'MGszbjZxOXQydzV6OGMxZjRpN2wwbzNyNnUgYmlsYWwuYWhtZWRAY29kZWZvcnBha2lzdGFuLm9yZw';

describe('Calendar pages: the event in each saved view', () => {
  it('popup of a CIL event with a Meet call (English)', () => {
    const [found, ...others] = read('popup-meet');
    expect(others).toEqual([]);
    expect(found?.kind).toBe('popup');
    expect(found?.view?.event).toEqual({
      eventId: '3h9q2s7k4m1c6v0p8t5r2n4b6d_20261126T130000Z',
      eid: MEETUP_EID,
      calendarId: 'cil.karachi.lead@gmail.com',
      title: 'CIL Karachi meetup',
      meetCode: 'abc-defg-hij',
      day: '2026-11-26',
      startsAt: local(2026, 11, 26, 18),
      endsAt: local(2026, 11, 26, 19, 30),
    });
    expect(found?.view?.place.parent.id).toBe('xDetDlg');
  });

  it('popup of a personal event without Meet (a Zoom link is not a Meet code)', () => {
    expect(read('popup-plain')[0]?.view?.event).toEqual({
      eventId: '7lf0ubq5k2n9e4r1h6t3c8j0sa',
      eid: 'N2xmMHVicTVrMm45ZTRyMWg2dDNjOGowc2EgYXllc2hhLmtoYW4ucGtAbQ',
      calendarId: 'ayesha.khan.pk@gmail.com',
      title: 'Dentist appointment',
      day: '2026-11-27',
      startsAt: local(2026, 11, 27, 10, 30),
      endsAt: local(2026, 11, 27, 11, 15),
    });
  });

  it('popup in Polish: 24-hour times, title through aria-labelledby, Meet link in the description', () => {
    expect(read('popup-polish')[0]?.view?.event).toMatchObject({
      eventId: '1v4c7n0s3f6i9l2o5r8u1x4a7d',
      title: 'Comiesięczna rozmowa CIL z CfP',
      meetCode: 'pxr-nfkt-bdw',
      day: '2026-12-03',
      startsAt: local(2026, 12, 3, 18),
      endsAt: local(2026, 12, 3, 19),
    });
  });

  it('details view: eid from the address, dates from data-date, Meet from the conference row', () => {
    const [found] = read('details');
    expect(found?.kind).toBe('details');
    expect(found?.view?.event).toEqual({
      eventId: '0k3n6q9t2w5z8c1f4i7l0o3r6u',
      eid: HACK_NIGHT_EID,
      calendarId: 'bilal.ahmed@codeforpakistan.org',
      title: 'CIL Karachi hack night',
      meetCode: 'kqm-wtzp-rvb',
      day: '2026-11-28',
      startsAt: local(2026, 11, 28, 16),
      endsAt: local(2026, 11, 28, 20),
    });
    expect(found?.view?.place.parent.getAttribute('role')).toBe('tabpanel');
  });

  it('details view in Urdu, fields found by their wrappers only', () => {
    expect(read('details-urdu')[0]?.view?.event).toMatchObject({
      eventId: '0k3n6q9t2w5z8c1f4i7l0o3r6u',
      title: 'CIL کراچی ہیک نائٹ',
      meetCode: 'kqm-wtzp-rvb',
      startsAt: local(2026, 11, 28, 16),
      endsAt: local(2026, 11, 28, 20),
    });
  });

  it('understands neither the quick-create bubble nor a task, and takes no list of events for one', () => {
    const found = read('create');
    expect(found.map((f) => f.kind)).toEqual(['popup', 'popup']);
    expect(found.map((f) => f.view)).toEqual([undefined, undefined]);
  });

  it('reads a recurring instance’s start from its id when the page shows no time', () => {
    read('popup-meet');
    document.querySelector('#xDetDlgWhen .JEx5le')?.remove();
    for (const chip of document.querySelectorAll('[data-eventchip]')) chip.remove();
    const event = readCalendarPage(document, { now: NOW })[0]?.view?.event;
    expect(event?.startsAt).toBe('2026-11-26T13:00:00.000Z');
    expect(event?.endsAt).toBeUndefined();
  });

  it('falls back to the grid’s chip for the times when the popup shows none', () => {
    read('popup-plain');
    document.querySelector('#xDetDlgWhen .JEx5le')?.remove();
    expect(readCalendarPage(document, { now: NOW })[0]?.view?.event).toMatchObject({
      startsAt: local(2026, 11, 27, 10, 30),
      endsAt: local(2026, 11, 27, 11, 15),
    });
  });

  it('falls back to the Meet code in Calendar’s logging attribute', () => {
    read('popup-meet');
    document.querySelector('#xDetDlgVideo')?.remove();
    expect(readCalendarPage(document, { now: NOW })[0]?.view?.event.meetCode).toBe('abc-defg-hij');
  });

  it('finds a details view by its fields and address when the container attribute is gone', () => {
    read('details');
    document.querySelector('[data-is-create]')?.removeAttribute('data-is-create');
    const [found] = readCalendarPage(document, { address: fixtureAddress('calendar/details.html'), now: NOW });
    expect(found?.kind).toBe('details');
    expect(found?.view?.event.eventId).toBe('0k3n6q9t2w5z8c1f4i7l0o3r6u');
  });

  it('reads an all-day event as the whole day', () => {
    read('details');
    document.querySelector('#xAlDaCbx')?.setAttribute('aria-checked', 'true');
    expect(readCalendarPage(document, { address: fixtureAddress('calendar/details.html'), now: NOW })[0]?.view?.event).toMatchObject({
      allDay: true,
      day: '2026-11-28',
      startsAt: local(2026, 11, 28),
      endsAt: local(2026, 11, 29),
    });
  });

  it('keys no selector on an aria-label or on visible text', () => {
    const selectors = JSON.stringify(CALENDAR_SELECTORS);
    expect(selectors).toContain('[data-eventid]');
    expect(selectors).not.toMatch(/aria-label|:contains|has-text/i);
  });
});

describe('Calendar event ids', () => {
  it.each([
    ['padded, standard alphabet', `${Buffer.from('abc123def456 me@example.org').toString('base64')}`, { eventId: 'abc123def456', calendarId: 'me@example.org' }],
    ['unpadded, URL alphabet', Buffer.from('abc123def456 a>>?@m').toString('base64url'), { eventId: 'abc123def456', calendarId: 'a>>?@gmail.com' }],
    ['a Gmail calendar', Buffer.from('abc123def456 someone@m').toString('base64'), { eventId: 'abc123def456', calendarId: 'someone@gmail.com' }],
    ['a secondary calendar', Buffer.from('abc123def456 c0ffee@g').toString('base64'), { eventId: 'abc123def456', calendarId: 'c0ffee@group.calendar.google.com' }],
    ['a holiday calendar', Buffer.from('20261225_60o30 en.pk#holiday@v').toString('base64'), { eventId: '20261225_60o30', calendarId: 'en.pk#holiday@group.v.calendar.google.com' }],
    ['an all-day recurring instance', Buffer.from('w33kly_20261127 me@m').toString('base64'), { eventId: 'w33kly_20261127', calendarId: 'me@gmail.com', originalStart: '2026-11-27' }],
    ['an id alone', Buffer.from('abc123def456').toString('base64'), { eventId: 'abc123def456' }],
    ['a recurring instance', Buffer.from('r3c_20261126T130000Z me@m').toString('base64'), { eventId: 'r3c_20261126T130000Z', calendarId: 'me@gmail.com', originalStart: '2026-11-26T13:00:00.000Z' }],
  ])('%s', (_, eid, expected) => {
    expect(decodeEventId(eid)).toEqual(expected);
  });

  it.each([['a task', 'tasks_gtCquemlQRditn7O'], ['not base64', 'abc def'], ['empty', ''], ['binary', Buffer.from([0, 1, 2, 200, 201]).toString('base64')]])(
    'rejects %s',
    (_, eid) => {
      expect(decodeEventId(eid)).toBeUndefined();
    },
  );

  it('takes the eid from a details address', () => {
    expect(eidFromUrl(`https://calendar.google.com/calendar/u/0/r/eventedit/${HACK_NIGHT_EID}?hl=ur`)).toBe(HACK_NIGHT_EID);
    expect(eidFromUrl(`https://calendar.google.com/calendar/event?eid=${HACK_NIGHT_EID}`)).toBe(HACK_NIGHT_EID);
    expect(eidFromUrl('https://calendar.google.com/calendar/u/0/r/week')).toBeUndefined();
    expect(eidFromUrl(`https://example.org/r/eventedit/${HACK_NIGHT_EID}`)).toBeUndefined();
  });
});

describe('dates and times as Calendar writes them, in several languages', () => {
  const now = new Date(2026, 10, 20);
  const day = (year: number, month: number, d: number) => ({ year, month, day: d });
  it.each([
    ['en', 'Thursday, November 26 ⋅ 6:00 – 7:30pm', { startDay: day(2026, 11, 26), startMinutes: 18 * 60, endMinutes: 19 * 60 + 30 }],
    ['en', 'Thursday, November 26 ⋅ 6 – 7pm', { startDay: day(2026, 11, 26), startMinutes: 18 * 60, endMinutes: 19 * 60 }],
    ['en', 'Thursday, November 26 ⋅ 11:30am – 1:00pm', { startDay: day(2026, 11, 26), startMinutes: 690, endMinutes: 780 }],
    ['en', 'Thursday, November 26 ⋅ 11 – 12:30pm', { startDay: day(2026, 11, 26), startMinutes: 660, endMinutes: 750 }],
    ['en', 'November 30, 2026, 11:00pm – December 1, 2026, 1:00am', { startDay: day(2026, 11, 30), endDay: day(2026, 12, 1), startMinutes: 1380, endMinutes: 60 }],
    ['en', 'Friday, January 8', { startDay: day(2027, 1, 8) }],
    ['en', '6pm to 7:30pm, CIL meetup, Ayesha, November 26, 2026', { startDay: day(2026, 11, 26), startMinutes: 1080, endMinutes: 1170 }],
    ['pl', 'czwartek, 26 listopada ⋅ 18:00–19:30', { startDay: day(2026, 11, 26), startMinutes: 1080, endMinutes: 1170 }],
    ['pl', '3 grudnia 2026, 9:15 – 10:00', { startDay: day(2026, 12, 3), startMinutes: 555, endMinutes: 600 }],
    ['de', 'Donnerstag, 26. November ⋅ 18:00–19:30', { startDay: day(2026, 11, 26), startMinutes: 1080, endMinutes: 1170 }],
    ['ur', 'جمعرات، 26 نومبر ⋅ 6:00 PM – 7:30 PM', { startDay: day(2026, 11, 26), startMinutes: 1080, endMinutes: 1170 }],
    ['ur', 'جمعرات، ۲۶ نومبر ⋅ ۶:۰۰ PM – ۷:۳۰ PM', { startDay: day(2026, 11, 26), startMinutes: 1080, endMinutes: 1170 }],
    ['ar', 'الخميس، ٢٦ نوفمبر ⋅ ٦:٠٠ م – ٧:٣٠ م', { startDay: day(2026, 11, 26), startMinutes: 1080, endMinutes: 1170 }],
    ['ja', '2026年11月26日 (木曜日) ⋅ 午後6:00～7:30', { startDay: day(2026, 11, 26), startMinutes: 1080, endMinutes: 1170 }],
    ['fr', 'jeudi 26 novembre ⋅ 18:00 – 19:30', { startDay: day(2026, 11, 26), startMinutes: 1080, endMinutes: 1170 }],
    ['en', '26.11.2026', {}],
  ])('%s: %s', (language, text, expected) => {
    expect(parseWhen(text, language, now)).toEqual(expected);
  });

  it('reads digits of other scripts', () => {
    expect(normaliseDigits('۲۶ ٢٦ २६ ２６ 26')).toBe('26 26 26 26 26');
  });
});
