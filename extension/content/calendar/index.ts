import type { MessageKey } from '../../i18n';
import { calendarActionMessage } from './action-message';
import { watchCalendar } from './calendar-observer';
import { eventControlText } from './control-text';

// The Calendar content script: one CIL Hub control in each event popup and details view, whose clicks
// go to the service worker (it queues them for the CIL's sheet). No zod and no preact here: this runs
// on every Calendar page and must stay small.

watchCalendar({
  text: eventControlText((key) => chrome.i18n.getMessage(key)),
  // The control shows "Saved" when this resolves and the message when it throws.
  onAction: async (action) => {
    const reply: { ok?: boolean; message?: string } | undefined = await chrome.runtime.sendMessage(calendarActionMessage(action));
    if (!reply?.ok) throw new Error(reply?.message ?? chrome.i18n.getMessage('calendarNoAnswer' satisfies MessageKey));
  },
});
