import { meetCodeInText } from '../../../shared/meet-code-shape';
import {
  ALL_DAY,
  CHIP,
  CREATING,
  DETAILS,
  DETAILS_MAIN,
  DETAILS_PANEL,
  DETAILS_TITLE,
  DIALOG,
  END_DATE,
  END_TIME,
  EVENT_ID,
  HEADING,
  JSLOG,
  MEET_LINK,
  MEET_TEXT,
  POPUP,
  POPUP_TITLE,
  POPUP_WHEN,
  START_DATE,
  START_TIME,
} from './calendar-selectors';
import { parseWhen, type WallDay } from './calendar-when';

// The event in Calendar's popups and details views, read with the selectors in calendar-selectors.ts.
// Calendar's markup changes with its redesigns and its labels are translated, so:
// - views are found by data attributes (data-chips-dialog, data-is-create, data-eventid) and stable
//   element ids (xDetDlg…, xStDaIn…), each with a fallback, never by a label's text;
// - the event comes from `data-eventid`, base64 of "<event id> <calendar>", whose recurring instances
//   end in the instance's original start time (…_20261126T130000Z);
// - times come from attributes where Calendar has them (the details view's data-date) and otherwise
//   from the displayed text read in the page's language (calendar-when.ts), never English-only.
// When Calendar changes, these two files and the fixtures in tests/fixtures/calendar are what to update.

export type CalendarViewKind = 'popup' | 'details';

export interface CalendarEvent {
  /** The event's id as the Calendar API knows it (instance suffix included for a recurring event). */
  eventId: string;
  /** The raw `data-eventid` value: Calendar's "eid", as in calendar.google.com/calendar/event?eid=… */
  eid: string;
  /** The calendar the event was opened from: an address or a calendar id. */
  calendarId?: string;
  title?: string;
  /** The Meet code of the event's video call or of a Meet link in it. */
  meetCode?: string;
  /** ISO UTC start and end, when the page shows them. */
  startsAt?: string;
  endsAt?: string;
  /** The first day of the event (YYYY-MM-DD, as shown). */
  day?: string;
  allDay?: boolean;
}

export interface CalendarView {
  kind: CalendarViewKind;
  /** The popup dialog or the details view's container. */
  root: Element;
  event: CalendarEvent;
  /** Where a control for this event belongs: appended to `parent`, before `before` when given. */
  place: { parent: Element; before: Node | null };
}

function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const css of selectors) {
    const found = root.querySelector(css);
    if (found) return found;
  }
  return null;
}

const clean = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() || undefined;

// Calendar shortens the calendar's address in the eid: "@m" is a Gmail address, "@g" a secondary
// calendar (group.calendar.google.com), "@v" a public (holiday) one (group.v.calendar.google.com).
const calendarDomain = (short: string) => (short === 'm' ? 'gmail.com' : `group.${short === 'v' ? 'v.' : ''}calendar.google.com`);

export interface DecodedEventId {
  eventId: string;
  calendarId?: string;
  /** A recurring instance's original start: ISO UTC, or a day (YYYY-MM-DD) for an all-day instance. */
  originalStart?: string;
}

/** Decodes a `data-eventid` (base64, padded or not, standard or URL alphabet); undefined if it is not one. */
export function decodeEventId(eid: string): DecodedEventId | undefined {
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(eid)) return undefined;
  let text: string;
  try {
    // atob takes base64 without its padding (the forgiving decoding of the HTML standard).
    text = atob(eid.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  // "<id>" or "<id> <calendar>": printable ASCII, the id in Calendar's alphabet. Tasks, birthdays and
  // other non-events fail here and are left alone.
  const match = /^([A-Za-z0-9_.-]{5,1024})(?: ([\x21-\x7e]{1,512}))?$/.exec(text);
  if (!match?.[1]) return undefined;
  const decoded: DecodedEventId = { eventId: match[1] };
  const calendar = match[2]?.replace(/@([mgv])$/, (_, short: string) => `@${calendarDomain(short)}`);
  if (calendar) decoded.calendarId = calendar;
  const instance = /_(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(match[1]);
  if (instance) {
    const [, y, mo, d, h, mi, s] = instance;
    decoded.originalStart = h ? `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z` : `${y}-${mo}-${d}`;
  }
  return decoded;
}

/** The eid in a details-view address: /calendar/u/0/r/eventedit/<eid>, or ?eid=<eid>. */
export function eidFromUrl(address: string): string | undefined {
  try {
    const url = new URL(address);
    if (url.hostname !== 'calendar.google.com') return undefined;
    return /\/r\/eventedit\/([A-Za-z0-9_=+-]+)\/?$/.exec(url.pathname)?.[1] ?? url.searchParams.get('eid') ?? undefined;
  } catch {
    return undefined;
  }
}

/** The popups and details views on the page that may hold an event, outermost only. */
export function findCalendarRoots(doc: Document, address?: string): { kind: CalendarViewKind; root: Element }[] {
  const roots: { kind: CalendarViewKind; root: Element }[] = [];
  const add = (kind: CalendarViewKind, root: Element) => {
    if (!roots.some((other) => other.root.contains(root) || root.contains(other.root))) roots.push({ kind, root });
  };
  // A popup is a chips dialog, or any dialog around an event (Calendar's own layouts vary).
  for (const root of doc.querySelectorAll(POPUP)) add('popup', root);
  for (const dialog of doc.querySelectorAll(DIALOG)) {
    if (dialog.querySelector(EVENT_ID)) add('popup', dialog);
  }
  for (const root of doc.querySelectorAll(DETAILS)) add('details', root);
  // Without that container, an event's edit address and its fields still make a details view.
  const field = first(doc, [...DETAILS_TITLE.slice(0, 1), ...START_DATE]);
  if (field && address && eidFromUrl(address) && !field.closest(CREATING)) {
    add('details', field.closest(DETAILS_MAIN) ?? doc.body);
  }
  return roots;
}

/** YYYY-MM-DD. */
export function dayText(day: WallDay): string {
  return `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

function wallTime(day: WallDay, minutes = 0): number {
  // The page shows times in the browser's time zone (Calendar's own zone setting normally matches it).
  return new Date(day.year, day.month - 1, day.day, Math.floor(minutes / 60), minutes % 60).getTime();
}

function dayOfData(element: Element | null): WallDay | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(element?.getAttribute('data-date') ?? '');
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

function inputText(element: Element | null): string | undefined {
  if (!element) return undefined;
  const value = (element as HTMLInputElement).value;
  return clean(typeof value === 'string' && value ? value : element.getAttribute('data-initial-value'));
}

interface Times {
  startDay?: WallDay;
  endDay?: WallDay;
  startMinutes?: number;
  endMinutes?: number;
  allDay?: boolean;
}

function detailsTimes(root: Element, language: string, now: Date): Times {
  const startDay = dayOfData(first(root, START_DATE));
  const endDay = dayOfData(first(root, END_DATE)) ?? startDay;
  const allDayBox = root.querySelector(ALL_DAY);
  const allDay =
    allDayBox?.getAttribute('aria-checked') === 'true' || (allDayBox as HTMLInputElement | null)?.checked === true;
  if (allDay) return { allDay, startDay, endDay };
  const minutes = (field: readonly string[]) => {
    const text = inputText(first(root, field));
    return text ? parseWhen(text, language, now).startMinutes : undefined;
  };
  return { startDay, endDay, startMinutes: minutes(START_TIME), endMinutes: minutes(END_TIME) };
}

/**
 * The text of `element`, a space between its text nodes (they sit in separate blocks on screen), without
 * the text inside descendants matching `skip` (the popup's title shares the date's block).
 */
function textBesides(element: Element | null, skip: string): string | undefined {
  if (!element) return undefined;
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  while (walker.nextNode()) {
    const skipped = walker.currentNode.parentElement?.closest(skip);
    if (!skipped || !element.contains(skipped)) text += ` ${walker.currentNode.nodeValue}`;
  }
  return text;
}

function popupTimes(root: Element, eid: string, language: string, now: Date): Times {
  const texts: (string | null | undefined)[] = [textBesides(first(root, POPUP_WHEN), HEADING)];
  // The grid's chip for the same event says it again ("6pm to 7:30pm, CIL meetup, …, November 26, 2026").
  for (const chip of root.ownerDocument.querySelectorAll(CHIP)) {
    if (chip.getAttribute('data-eventid') === eid) texts.push(chip.getAttribute('aria-label'), textBesides(chip, '[aria-hidden=true]'));
  }
  for (const text of texts) {
    if (!text) continue;
    const when = parseWhen(text, language, now);
    if (when.startDay || when.startMinutes !== undefined) {
      return { ...when, allDay: when.startDay !== undefined && when.startMinutes === undefined };
    }
  }
  return {};
}

/** The day of an instant in the browser's time zone. */
export function localDay(ms: number): WallDay {
  const date = new Date(ms);
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

function applyTimes(event: CalendarEvent, times: Times, originalStart: string | undefined): void {
  let { startDay, startMinutes } = times;
  const { endMinutes } = times;
  // A recurring instance's id carries its original start: the day when the page shows only times, the
  // whole start when the page shows none.
  if (originalStart?.includes('T')) {
    const ms = new Date(originalStart).getTime();
    if (!startDay) startDay = localDay(ms);
    if (startMinutes === undefined && !times.allDay) startMinutes = Math.round((ms - wallTime(startDay)) / 60_000);
  } else if (originalStart && !startDay) {
    const [year = 0, month = 0, day = 0] = originalStart.split('-').map(Number);
    startDay = { year, month, day };
  }
  if (!startDay) return;
  event.day = dayText(startDay);
  const endDay = times.endDay ?? startDay;
  if (times.allDay || startMinutes === undefined) {
    event.allDay = true;
    event.startsAt = new Date(wallTime(startDay)).toISOString();
    event.endsAt = new Date(wallTime(endDay) + 86_400_000).toISOString();
    return;
  }
  const start = wallTime(startDay, startMinutes);
  event.startsAt = new Date(start).toISOString();
  if (endMinutes !== undefined) {
    let end = wallTime(endDay, endMinutes);
    // "11:00pm – 1:00am" ends the next day.
    if (end <= start && !times.endDay) end = wallTime(localDay(start + 86_400_000), endMinutes);
    if (end > start) event.endsAt = new Date(end).toISOString();
  }
}

function meetCodeOf(root: Element, eventElement: Element | null): string | undefined {
  for (const css of MEET_LINK) {
    for (const link of root.querySelectorAll(css)) {
      const code = meetCodeInText(link.getAttribute('href') ?? '');
      if (code) return code;
    }
  }
  for (const css of MEET_TEXT) {
    const code = meetCodeInText(root.querySelector(css)?.textContent ?? '');
    if (code) return code;
  }
  // Calendar's logging attribute on the event lists the conference id, which is the Meet code.
  for (const element of [eventElement, ...root.querySelectorAll(JSLOG)]) {
    const code = /"([a-z]{3}-[a-z]{4}-[a-z]{3})"/.exec(element?.getAttribute('jslog') ?? '')?.[1];
    if (code) return code;
  }
  return meetCodeInText(root.textContent ?? '');
}

function titleOf(kind: CalendarViewKind, root: Element): string | undefined {
  if (kind === 'details') return inputText(first(root, DETAILS_TITLE));
  const labelledBy = root.getAttribute('aria-labelledby');
  const label = labelledBy ? root.ownerDocument.getElementById(labelledBy) : null;
  return clean((label && root.contains(label) ? label : first(root, POPUP_TITLE))?.textContent);
}

function placeFor(kind: CalendarViewKind, root: Element, eventElement: Element | null): CalendarView['place'] {
  if (kind === 'popup') return { parent: eventElement && eventElement !== root ? eventElement : root, before: null };
  // In the details view: at the top of the "Event details" tab, under the date and time fields.
  const panel = root.querySelector(DETAILS_PANEL);
  return panel ? { parent: panel, before: panel.firstChild } : { parent: root, before: null };
}

export interface ReadCalendarOptions {
  /** The page's address (location.href): the details view's eid is in it. */
  address?: string;
  /** For the year of a date shown without one. */
  now?: Date;
}

/** Reads the event in a popup or details view; undefined when the view holds no event CIL Hub understands. */
export function readCalendarView(
  kind: CalendarViewKind,
  root: Element,
  options: ReadCalendarOptions = {},
): CalendarView | undefined {
  if (root.matches(CREATING) || root.querySelector(CREATING)) return undefined;
  const eventElement = root.matches(EVENT_ID) ? root : root.querySelector(EVENT_ID);
  const eid =
    eventElement?.getAttribute('data-eventid') ??
    (kind === 'details' && options.address ? eidFromUrl(options.address) : undefined);
  const decoded = eid ? decodeEventId(eid) : undefined;
  if (!eid || !decoded) return undefined;

  const event: CalendarEvent = { eventId: decoded.eventId, eid };
  if (decoded.calendarId) event.calendarId = decoded.calendarId;
  const title = titleOf(kind, root);
  if (title) event.title = title;
  const meetCode = meetCodeOf(root, eventElement);
  if (meetCode) event.meetCode = meetCode;
  const language = root.closest('[lang]')?.getAttribute('lang') ?? root.ownerDocument.documentElement.lang;
  const now = options.now ?? new Date();
  const times = kind === 'details' ? detailsTimes(root, language, now) : popupTimes(root, eid, language, now);
  applyTimes(event, times, decoded.originalStart);
  return { kind, root, event, place: placeFor(kind, root, eventElement) };
}

/** Every popup and details view on the page, each with its event or, when not understood, without. */
export function readCalendarPage(
  doc: Document,
  options: ReadCalendarOptions = {},
): { kind: CalendarViewKind; root: Element; view?: CalendarView }[] {
  return findCalendarRoots(doc, options.address).map(({ kind, root }) => ({ kind, root, view: readCalendarView(kind, root, options) }));
}
