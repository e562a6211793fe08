import { enrollmentCodeInPage, pageText } from './enrollment-link-page';

// Runs on the page the enrollment email's link opens (Google's script.googleusercontent.com answer
// page). It hands the code to the service worker, which opens the options page with the code filled
// in; enrolling stays the volunteer's own click there. On the sandbox the answer page is on loopback,
// which no content script may match without host access the volunteer has not granted yet, so there
// the code is pasted by hand.
const code = enrollmentCodeInPage(pageText(document));
if (code !== undefined) {
  // If the service worker cannot take it, the page's own message already says how to paste the code.
  chrome.runtime.sendMessage({ type: 'enrollment-link', code }).catch(() => undefined);
}
