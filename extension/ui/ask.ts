import type { z } from '../../shared/zod';
import { t } from '../i18n';
import {
  Reply,
  type DiscardRequest,
  type EnrollRequest,
  type LogHoursRequest,
  type SaveSettingsRequest,
  type SignOutRequest,
  type StatusRequest,
  type SyncNowRequest,
} from '../messages';

/** What the popup and the options page ask the service worker. */
export type PageRequest =
  | z.input<typeof StatusRequest>
  | z.input<typeof EnrollRequest>
  | z.input<typeof SignOutRequest>
  | z.input<typeof LogHoursRequest>
  | z.input<typeof SyncNowRequest>
  | z.input<typeof DiscardRequest>
  | z.input<typeof SaveSettingsRequest>;

/**
 * Sends `request` to the service worker and returns its reply, checked against `Reply`. A worker that
 * does not answer, or answers something else (an older version left running across an update), is a
 * failed reply with a message for the volunteer; the details go to the console for whoever debugs it.
 */
export async function ask(request: PageRequest): Promise<Reply> {
  let answer: unknown;
  try {
    answer = await chrome.runtime.sendMessage(request);
  } catch (error) {
    console.error(`CIL Hub: the service worker did not answer "${request.type}"`, error);
    return { ok: false, message: t('askNoAnswer') };
  }
  const reply = Reply.safeParse(answer);
  if (!reply.success) {
    console.error(`CIL Hub: the service worker's answer to "${request.type}" is not a reply`, reply.error);
    return { ok: false, message: t('askNoAnswer') };
  }
  return reply.data;
}
