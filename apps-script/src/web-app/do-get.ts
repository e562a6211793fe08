import { okResponse } from '../../../shared/api/protocol';
import { about } from '../about';
import { jsonOutput } from './json-output';

/** GET on the web app: tells the extension (and a curious lead) that this address is a CIL Hub. */
export function doGet(_event: GoogleAppsScript.Events.DoGet): GoogleAppsScript.Content.TextOutput {
  const { name, version, apiVersion } = about();
  return jsonOutput(okResponse({ service: name, version, apiVersion }));
}
