import { throttle } from '../throttle';
import { readMeetPage } from './meet-page';
import { createMeetSession, type MeetSessionEvent, type MeetSessionOptions } from './meet-session';

// Wires the Meet page to the session machine: reads the page when it changes (throttled) and on a
// clock (for heartbeats and the "lost" check), ends the session when the page goes away, and hands
// every event to `onEvent`. No chrome.* here: the caller sends the events to the service worker.

export interface WatchMeetOptions {
  onEvent: (event: MeetSessionEvent) => void;
  /** Called when `onEvent` throws (e.g. the extension was updated and messaging is gone). */
  onError?: (error: unknown) => void;
  doc?: Document;
  /** The page's address now; Meet changes it without a page load. Default: location.href. */
  address?: () => string;
  now?: () => number;
  /** At most one page reading per this many ms while the DOM changes (default 1 s). */
  throttleMs?: number;
  /** A page reading at least this often even when nothing changes (default 20 s). */
  tickMs?: number;
  session?: MeetSessionOptions;
}

export interface MeetWatch {
  /** Reads the page now (outside the throttle). */
  check(): void;
  /** Stops observing; safe to call more than once, and from inside `onEvent`. Emits nothing. */
  disconnect(): void;
}

// Attributes that flip when the call starts or ends; other changes come with added or removed nodes.
const WATCHED_ATTRIBUTES = ['data-call-ended', 'data-in-call', 'data-meeting-title', 'data-meeting-code'];

export function watchMeet(options: WatchMeetOptions): MeetWatch {
  const doc = options.doc ?? document;
  const address = options.address ?? (() => location.href);
  const now = options.now ?? Date.now;
  const session = createMeetSession(options.session);
  const view = doc.defaultView;
  let stopped = false;

  const emit = (events: MeetSessionEvent[]) => {
    for (const event of events) {
      if (stopped) return;
      try {
        options.onEvent(event);
      } catch (error) {
        options.onError?.(error);
      }
    }
  };
  const check = () => {
    if (!stopped) emit(session.observe({ ...readMeetPage(doc, address()), at: now() }));
  };
  const throttled = throttle(check, options.throttleMs ?? 1000);
  const observer = new MutationObserver(() => throttled());
  observer.observe(doc, { subtree: true, childList: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
  const timer = setInterval(check, options.tickMs ?? 20_000);
  // pagehide, not unload: it fires on tab close, reload and navigation, and is allowed in every page.
  const onHide = () => emit(session.close(now()));
  view?.addEventListener('pagehide', onHide);
  view?.addEventListener('popstate', throttled);
  check();

  return {
    check,
    disconnect() {
      if (stopped) return;
      stopped = true;
      observer.disconnect();
      throttled.cancel();
      clearInterval(timer);
      view?.removeEventListener('pagehide', onHide);
      view?.removeEventListener('popstate', throttled);
    },
  };
}
