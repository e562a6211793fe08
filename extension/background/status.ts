import type { Status } from '../messages';

/**
 * What the popup shows about this browser's volunteer. Enrollment (chrome.storage) and the offline
 * queue (IndexedDB) arrive in later releases, both behind async APIs, hence the promise; until then
 * nobody can be enrolled in this browser and nothing can be queued, so this is the true answer.
 */
export async function readStatus(): Promise<Status> {
  return { enrolled: false, queued: 0 };
}
