import { MAX_BODY_BYTES } from '../../shared/api/protocol';
import type { SyncEntry } from '../../shared/api/sync-entry';
import { utf8Length } from '../../shared/encoding/utf8';
import { requestBody, type WebAppCall } from './web-app-client';

// Cutting the queue into `sync` requests the web app accepts: at most `maxEntries` entries (MAX_ENTRIES
// from the shared protocol, or fewer after a "too large" answer) and at most MAX_BODY_BYTES of UTF-8.

export interface Batch {
  ids: string[];
  body: string;
}

/**
 * The longest run of `entries`, oldest first, that fits one request. Always at least one entry: one
 * too large on its own is sent alone, and the web app's "too large" answer marks it refused.
 */
export function takeBatch(entries: readonly SyncEntry[], call: WebAppCall, maxEntries: number): Batch {
  // The body is the empty envelope with each entry's JSON and a comma between them spliced into `[]`.
  let bytes = utf8Length(requestBody('sync', call, { entries: [] }));
  const chosen: SyncEntry[] = [];
  for (const entry of entries) {
    if (chosen.length >= maxEntries) break;
    const more = utf8Length(JSON.stringify(entry)) + (chosen.length > 0 ? 1 : 0);
    if (chosen.length > 0 && bytes + more > MAX_BODY_BYTES) break;
    bytes += more;
    chosen.push(entry);
  }
  return { ids: chosen.map((entry) => entry.id), body: requestBody('sync', call, { entries: chosen }) };
}
