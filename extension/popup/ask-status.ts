import { Status, type StatusRequest } from '../messages';

/** Asks the service worker about this browser's volunteer; rejects unless the reply is a valid status. */
export async function askStatus(): Promise<Status> {
  const request: StatusRequest = { type: 'status' };
  return Status.parse(await chrome.runtime.sendMessage(request));
}
