import { watchMeet, type MeetWatch } from './meet-observer';
import { meetSessionMessage } from './session-message';

// The Meet content script: follows the volunteer's own session in this tab and tells the service
// worker, which keeps it (this page's storage belongs to Meet, and the page may go at any moment).
// No zod and no preact here: this runs on every Meet page and must stay small.

let watch: MeetWatch | undefined;
watch = watchMeet({
  onEvent: (event) => {
    // Nothing to show on Meet's page: a lost heartbeat is made up by the next, a lost join or leave by
    // the service worker's own view of the tab (it sees the tab close).
    chrome.runtime.sendMessage(meetSessionMessage(event)).catch((error: unknown) => console.warn('CIL Hub:', error));
  },
  // sendMessage throws at once when the extension was updated or removed under this page: its
  // messaging is gone for good, so stop watching rather than fail on every change of the page.
  onError: () => watch?.disconnect(),
});
