import { dayText, localDay, type CalendarEvent, type CalendarView } from './calendar-page';
import type { EventControlText } from './control-text';

// One CIL Hub control in a Calendar event's popup or details view: "Can't attend" before the event
// starts (with an optional reason), "Log attendance" once it has started, and "Log hours" (prefilled
// with the event's length). When the page does not show the start, both of the first two show. Plain
// DOM in a shadow root under a custom tag, so Calendar's CSS cannot reach it and ours cannot leak out.
// It only calls `onAction`; the caller sends the action to the service worker.
//
// Calendar reuses its popup element for the next event clicked, and re-renders parts of it while it
// loads (removing what it did not put there). So mounting is idempotent and cheap: one control per
// view, found again by its tag, updated in place when the event changed, put back when it was removed.
// The control's state lives in closures rather than in an object's properties: the minifier shortens
// the names of variables, not of properties, and this ships in a content script with a size budget.

export type CalendarAction =
  | { type: 'log-attendance'; event: CalendarEvent; at: string }
  | { type: 'cant-attend'; event: CalendarEvent; reason?: string; at: string }
  | { type: 'log-hours'; event: CalendarEvent; hours: number; day: string; at: string };

export interface EventControlOptions {
  onAction: (action: CalendarAction) => unknown;
  now?: () => number;
  /** The labels, in the browser's language (eventControlText in control-text.ts). */
  text: EventControlText;
  /** Whether this event gets a control (e.g. only the CIL's own events); every event by default. */
  accept?: (event: CalendarEvent) => boolean;
}

/** The control's tag: a custom element name, so that no rule of Calendar's for `div` or `span` applies. */
export const CONTROL_TAG = 'cil-hub-control';

// One line, few rules: it ships in the content script, which has a size budget.
const STYLE =
  ':host{display:block;margin:8px 0;margin-inline-end:16px;font:13px/1.5 Roboto,Arial,sans-serif;color:#1f1f1f}' +
  '.c{display:flex;flex-wrap:wrap;gap:6px;align-items:center;border-top:1px solid #dadce0;padding-top:8px}' +
  'b{margin-inline-end:4px}' +
  'button,input{font:inherit;color:inherit;background:#fff;border:1px solid #747775;border-radius:16px;padding:2px 10px}' +
  'button{color:#0b57d0;cursor:pointer}button:disabled{opacity:.5}input{border-radius:4px}input[type=number]{width:4.5em}' +
  ':focus-visible{outline:2px solid #0b57d0}.n{display:flex;gap:6px;flex-basis:100%}.n input{flex:1}' +
  'p{flex-basis:100%;margin:0}.e{color:#b3261e}[hidden]{display:none!important}';

/** A control on the page: the event it shows (as JSON, to notice another one), and how to bring it up to date. */
interface Control {
  shows: string;
  update(options: EventControlOptions): void;
}

const controls = new WeakMap<Element, Control>();
// The host last used in each view, so one that Calendar removed goes back with what was typed in it.
const hosts = new WeakMap<Element, HTMLElement>();

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(props)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const startOf = (event: CalendarEvent) => (event.startsAt ? new Date(event.startsAt).getTime() : undefined);

/** The event's length in hours, to the quarter hour; '' when the page does not show it. */
function durationOf(event: CalendarEvent): string {
  const start = startOf(event);
  if (event.allDay || start === undefined || !event.endsAt) return '';
  const hours = Math.round((new Date(event.endsAt).getTime() - start) / 900_000) / 4;
  return hours > 0 && hours <= 24 ? String(hours) : '';
}

function render(host: HTMLElement, event: CalendarEvent, options: EventControlOptions): Control {
  const doc = host.ownerDocument;
  const { text } = options;
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  // No type="button" needed: a button in a shadow root belongs to no form of the page's.
  const button = (label: string, name: string) => element(doc, 'button', { 'data-action': name }, label);

  const attend = button(text.logAttendance, 'log-attendance');
  const cant = button(text.cantAttend, 'cant-attend');
  const reason = element(doc, 'input', { type: 'text', maxlength: '2000', placeholder: text.reason, 'aria-label': text.reason });
  const send = button(text.sendNotice, 'send-notice');
  const cancel = button(text.cancel, 'cancel-notice');
  const notice = element(doc, 'div', { class: 'n', hidden: '' }, reason, send, cancel);
  const hours = element(doc, 'input', {
    type: 'number',
    min: '0.25',
    max: '24',
    step: '0.25',
    'aria-label': text.hours,
    value: durationOf(event),
  });
  const logHours = button(text.logHours, 'log-hours');
  const status = element(doc, 'p', { role: 'status' });
  const box = element(doc, 'div', { class: 'c', role: 'group', 'aria-label': text.brand }, element(doc, 'b', {}, text.brand));
  box.append(attend, cant, notice, hours, logHours, status);
  root.replaceChildren(element(doc, 'style', {}, STYLE), box);
  const buttons = [attend, cant, send, logHours];

  const now = () => (options.now ?? Date.now)();
  const start = startOf(event);
  const hasStarted = () => start !== undefined && now() >= start;
  const say = (message: string, error = false) => {
    status.textContent = message;
    status.className = error ? 'e' : '';
  };

  /** Shows "Can't attend" before the event starts and "Log attendance" from its start. */
  const refresh = (explain = false) => {
    const started = hasStarted();
    cant.hidden = started;
    attend.hidden = !started && start !== undefined;
    if (started) {
      notice.hidden = true;
      if (explain) say(text.started, true);
    }
  };

  const act = async (make: (at: string) => CalendarAction | string) => {
    const action = make(new Date(now()).toISOString());
    if (typeof action === 'string') return say(action, true);
    for (const each of buttons) each.disabled = true;
    try {
      await options.onAction(action);
      say(text.saved);
      if (action.type === 'cant-attend') {
        notice.hidden = true;
        reason.value = '';
      }
    } catch (error) {
      say(`${text.notSaved} ${error instanceof Error ? error.message : String(error)}`, true);
    } finally {
      for (const each of buttons) each.disabled = false;
    }
  };

  // Keys typed here are ours: Calendar's shortcuts (e, Delete, arrows…) must not see them. Escape and
  // Tab still reach Calendar, which closes the popup and moves focus as it should.
  box.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' && e.key !== 'Tab') e.stopPropagation();
  });
  // Shown only from the event's start (or when the start is unknown), and time only moves on.
  attend.addEventListener('click', () => act((at) => ({ type: 'log-attendance', event, at })));
  cant.addEventListener('click', () => {
    if (hasStarted()) return refresh(true);
    notice.hidden = false;
    reason.focus();
  });
  cancel.addEventListener('click', () => {
    notice.hidden = true;
  });
  send.addEventListener('click', () =>
    act((at) => {
      if (hasStarted()) {
        refresh();
        return text.started;
      }
      const why = reason.value.trim();
      return { type: 'cant-attend', event, at, ...(why ? { reason: why } : {}) };
    }),
  );
  logHours.addEventListener('click', () =>
    act((at) => {
      const value = Number(hours.value);
      if (!hours.value.trim() || !(value > 0 && value <= 24)) return text.badHours;
      return { type: 'log-hours', event, hours: value, day: event.day ?? dayText(localDay(Date.parse(at))), at };
    }),
  );

  return {
    shows: JSON.stringify(event),
    update(next) {
      options = next;
      refresh();
    },
  };
}

/**
 * Puts the one control for `view` in place, or updates it: safe to call on every change of the page.
 * Returns the control's host element, or undefined when `accept` turned the event down.
 */
export function mountEventControl(view: CalendarView, options: EventControlOptions): HTMLElement | undefined {
  const [existing, ...extra] = view.root.querySelectorAll<HTMLElement>(CONTROL_TAG);
  for (const duplicate of extra) duplicate.remove();
  if (options.accept && !options.accept(view.event)) {
    existing?.remove();
    return undefined;
  }
  const host = existing ?? hosts.get(view.root) ?? view.root.ownerDocument.createElement(CONTROL_TAG);
  hosts.set(view.root, host);
  const { parent, before } = view.place;
  if (host.parentElement !== parent) parent.insertBefore(host, before === host ? null : before);

  let control = controls.get(host);
  const shows = JSON.stringify(view.event);
  if (control?.shows !== shows) {
    control = render(host, view.event, options);
    controls.set(host, control);
  }
  control.update(options);
  // Written only when it changes: every write is a mutation that observers of the page (ours too) see.
  if (host.getAttribute('data-cilhub-event') !== view.event.eventId) host.setAttribute('data-cilhub-event', view.event.eventId);
  return host;
}

/** Removes the control from a view that no longer holds an event CIL Hub understands. */
export function removeEventControl(root: Element): void {
  for (const host of root.querySelectorAll(CONTROL_TAG)) host.remove();
  hosts.delete(root);
}
