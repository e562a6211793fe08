import { BackgroundRequest } from '../messages';
import { readStatus } from './status';

/**
 * The service worker's `runtime.onMessage` listener. A message that fails validation gets no answer,
 * so the sender's request fails instead of acting on a reply meant for something else.
 */
export function answerMessage(
  message: unknown,
  _sender: chrome.runtime.MessageSender,
  sendResponse: (reply: unknown) => void,
): boolean {
  const request = BackgroundRequest.safeParse(message);
  if (!request.success) return false;
  switch (request.data.type) {
    case 'status':
      void readStatus().then(sendResponse);
      // The reply comes after this listener returns; `true` keeps the channel open for it.
      return true;
  }
}
