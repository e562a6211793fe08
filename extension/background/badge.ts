import { t } from '../i18n';
import type { QueuedEntry } from '../messages';

// The toolbar badge: how many entries have not reached the CIL's sheet yet. Red with a "!" when the
// web app refused any of them, since those wait for the volunteer (retry or discard), not for the
// network.

const WAITING_COLOUR = '#0B57D0';
const REFUSED_COLOUR = '#B3261E';

export interface BadgeLook {
  text: string;
  colour: string;
  title: string;
}

/** The badge for a queue: '' when nothing waits. */
export function badgeFor(queue: readonly QueuedEntry[]): BadgeLook {
  const refused = queue.filter((queued) => queued.state === 'rejected').length;
  const count = queue.length;
  // The badge has room for about four characters.
  const shown = count > 99 ? '99+' : String(count);
  if (refused > 0) {
    return { text: `${shown}!`, colour: REFUSED_COLOUR, title: t('badgeTitleRefused', [String(refused), String(count)]) };
  }
  if (count > 0) return { text: shown, colour: WAITING_COLOUR, title: t('badgeTitleWaiting', String(count)) };
  return { text: '', colour: WAITING_COLOUR, title: t('extName') };
}

export async function showOnBadge(queue: readonly QueuedEntry[]): Promise<void> {
  const look = badgeFor(queue);
  await chrome.action.setBadgeBackgroundColor({ color: look.colour });
  await chrome.action.setBadgeText({ text: look.text });
  await chrome.action.setTitle({ title: look.title });
}
