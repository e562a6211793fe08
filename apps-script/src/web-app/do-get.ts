import { okResponse } from '../../../shared/api/protocol';
import { about } from '../about';
import { enrollmentLinkAnswer } from './enrollment-link';
import { jsonOutput } from './json-output';

/**
 * GET on the web app: the enrollment email's link (`?enroll=<code>`) for the extension to pick up;
 * otherwise tells the extension (and a curious lead) that this address is a CIL Hub.
 */
export function doGet(event: GoogleAppsScript.Events.DoGet): GoogleAppsScript.Content.TextOutput {
  const code = event?.parameter?.enroll;
  if (typeof code === 'string') return jsonOutput(enrollmentLinkAnswer(code));
  const { name, version, apiVersion } = about();
  return jsonOutput(okResponse({ service: name, version, apiVersion }));
}
