import { throttle } from '../throttle';
import { readCalendarPage } from './calendar-page';
import { mountEventControl, removeEventControl, type EventControlOptions } from './event-control';

// Keeps one CIL Hub control in every Calendar event popup and details view: re-checks the page when it
// changes (throttled), puts back a control Calendar removed, updates it when the popup shows another
// event, and removes it from views that hold no event CIL Hub understands. No chrome.* here.

export interface WatchCalendarOptions extends EventControlOptions {
  doc?: Document;
  /** The page's address now (default location.href). */
  address?: () => string;
  /** At most one pass over the page per this many ms while the DOM changes (default 250 ms). */
  throttleMs?: number;
}

export interface CalendarWatch {
  /** Goes over the page now (outside the throttle). */
  check(): void;
  /** Stops observing and removes the controls; safe to call more than once. */
  disconnect(): void;
}

export function watchCalendar(options: WatchCalendarOptions): CalendarWatch {
  const doc = options.doc ?? document;
  const address = options.address ?? (() => location.href);
  const now = options.now ?? Date.now;
  let stopped = false;

  const check = () => {
    if (stopped) return;
    for (const { root, view } of readCalendarPage(doc, { address: address(), now: new Date(now()) })) {
      if (view) mountEventControl(view, options);
      else removeEventControl(root);
    }
  };
  const throttled = throttle(check, options.throttleMs ?? 250);
  // Our own insertions trigger the observer too; the next pass finds everything in place and changes
  // nothing, so there is no loop.
  const observer = new MutationObserver(() => throttled());
  observer.observe(doc, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-eventid', 'data-is-create', 'data-chips-dialog', 'data-date', 'data-initial-value'],
  });
  check();

  return {
    check,
    disconnect() {
      if (stopped) return;
      stopped = true;
      observer.disconnect();
      throttled.cancel();
      for (const { root } of readCalendarPage(doc, { address: address() })) removeEventControl(root);
    },
  };
}
