import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueuedEntry } from '../messages';
import type { MeetSessionRecord } from './meet-sessions';

// The service worker's IndexedDB: the queue of entries for the CIL's web app, and the Meet sessions
// still open or waiting out the rejoin window. One database, so that closing a session and queueing its
// attendance entry is one transaction: a worker stopped between the two can neither lose the session
// nor queue it twice. Content scripts cannot reach it (their IndexedDB is the page's).

export const DB_NAME = 'cil-hub';
const DB_VERSION = 1;

export const ENTRIES = 'entries';
export const MEET_SESSIONS = 'meet-sessions';

export interface CilHubDb extends DBSchema {
  /** Keyed by the entry's own UUID, so queueing the same entry twice keeps one. */
  [ENTRIES]: { key: string; value: QueuedEntry };
  /** Keyed by the content script's session key. */
  [MEET_SESSIONS]: { key: string; value: MeetSessionRecord };
}

/**
 * Opens the database; the caller closes it. Opened per task rather than kept in a global: the worker
 * may stop between any two events, and a handle kept across them would only hide that.
 */
export function openCilHubDb(): Promise<IDBPDatabase<CilHubDb>> {
  return openDB<CilHubDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore(ENTRIES, { keyPath: 'entry.id' });
      db.createObjectStore(MEET_SESSIONS, { keyPath: 'key' });
    },
  });
}

/** Runs `work` with the database open, and closes it afterwards. */
export async function withCilHubDb<T>(work: (db: IDBPDatabase<CilHubDb>) => Promise<T>): Promise<T> {
  const db = await openCilHubDb();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
