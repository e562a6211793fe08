import { version } from '../../package.json';
import { API_VERSION } from '../../shared/api/protocol';
import { DEFAULT_TIME_ZONE } from '../../shared/records/settings';
import { dayOf } from '../../shared/time/zone';

/** What this deployment is: shown by the add-on and the web app, and a check that the bundle runs. */
export function about(): { name: string; version: string; apiVersion: number; timeZone: string; today: string } {
  return { name: 'CIL Hub', version, apiVersion: API_VERSION, timeZone: DEFAULT_TIME_ZONE, today: dayOf(new Date(), DEFAULT_TIME_ZONE) };
}
