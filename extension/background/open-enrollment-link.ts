import { optionsPageWithCode } from '../ui/options-link';

/** Where Google serves a web app's answer; the only pages whose enrollment links CIL Hub follows. */
const ANSWER_PAGES = 'https://script.googleusercontent.com/macros/echo';

/**
 * The service worker's answer to an `enrollment-link` message: turns the tab that shows the link's
 * answer into the options page with the code filled in. The sender must be CIL Hub's own content
 * script in a tab on Google's answer page. Any Apps Script web app can serve a page there, so the
 * options page says where the code came from and enrolling waits for the volunteer's click.
 */
export async function openEnrollmentLink(code: string, sender: chrome.runtime.MessageSender): Promise<boolean> {
  const tab = sender.tab;
  const fromAnswerPage = sender.url?.startsWith(`${ANSWER_PAGES}?`) ?? false;
  if (sender.id !== chrome.runtime.id || tab?.id === undefined || !fromAnswerPage) return false;
  await chrome.tabs.update(tab.id, { url: optionsPageWithCode(code) });
  return true;
}
