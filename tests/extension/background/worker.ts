import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { installFakeChrome } from '../fake-chrome';

// The service worker under test: a fake `chrome` (fake-browser, with the permissions it leaves out), an
// empty IndexedDB, and the background modules loaded fresh. `restartWorker()` loads them again over
// the same IndexedDB and storage, which is what Chrome does when it stops an idle worker and starts a
// new one for the next event: whatever a module kept in memory is gone.

export type Fake = ReturnType<typeof installFakeChrome>['fakeBrowser'];

export interface WorkerModules {
  answers: typeof import('../../../extension/background/answer-messages');
  queue: typeof import('../../../extension/background/queue');
  sync: typeof import('../../../extension/background/sync');
  status: typeof import('../../../extension/background/status');
  meet: typeof import('../../../extension/background/meet-sessions');
  lifecycle: typeof import('../../../extension/background/lifecycle');
  reminders: typeof import('../../../extension/background/reminders');
}

export async function loadWorker(): Promise<WorkerModules> {
  vi.resetModules();
  return {
    answers: await import('../../../extension/background/answer-messages'),
    queue: await import('../../../extension/background/queue'),
    sync: await import('../../../extension/background/sync'),
    status: await import('../../../extension/background/status'),
    meet: await import('../../../extension/background/meet-sessions'),
    lifecycle: await import('../../../extension/background/lifecycle'),
    reminders: await import('../../../extension/background/reminders'),
  };
}

export interface FakeWorld {
  fake: Fake;
  /** Origins the volunteer granted beyond the manifest's host permissions. */
  granted: Set<string>;
  /** Who may read chrome.storage.local, as the worker last set it. */
  storageAccess: { level: string };
}

/** The manifest's host permissions (extension/manifest.config.ts), which `permissions.contains` knows. */
const MANIFEST_HOSTS = ['https://meet.google.com/*', 'https://calendar.google.com/*', 'https://script.google.com/*', 'https://script.googleusercontent.com/*'];

/**
 * Chrome's rule for `permissions.contains`: a grant covers a requested pattern only when it matches
 * every URL the requested one does. Scheme and host must be the same; a grant without a port covers
 * any port, one with a port only that port (so `http://127.0.0.1:8787/*` does NOT cover
 * `http://127.0.0.1/*`); a grant's path `/*` covers any path.
 */
export function patternCovers(grant: string, requested: string): boolean {
  const parse = (pattern: string) => /^([a-z*]+):\/\/([^/:]+)(?::(\d+))?(\/.*)$/.exec(pattern);
  const g = parse(grant);
  const r = parse(requested);
  if (!g || !r) return false;
  const [, gScheme, gHost, gPort, gPath] = g;
  const [, rScheme, rHost, rPort, rPath] = r;
  if (gScheme !== rScheme || gHost !== rHost) return false;
  if (gPort !== undefined && gPort !== rPort) return false;
  return gPath === '/*' || gPath === rPath;
}

export function installWorld(): FakeWorld {
  const { fakeBrowser } = installFakeChrome();
  vi.stubGlobal('indexedDB', new IDBFactory());
  // fake-browser has no access levels; record what the worker asks for.
  const storageAccess = { level: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' };
  Object.assign(fakeBrowser.storage.local, {
    setAccessLevel: vi.fn(async ({ accessLevel }: { accessLevel: string }) => {
      storageAccess.level = accessLevel;
    }),
  });
  const granted = new Set<string>();
  const contains = vi.fn(async ({ origins = [] }: { origins?: string[] }) =>
    origins.every((requested) => [...MANIFEST_HOSTS, ...granted].some((grant) => patternCovers(grant, requested))),
  );
  const openPopup = vi.fn(async () => {
    throw new Error('No active browser window');
  });
  // What the built manifest says where the pages are (crxjs keeps these paths).
  const getManifest = () => ({ action: { default_popup: 'popup/index.html' }, options_ui: { page: 'options/index.html' } });
  vi.stubGlobal('chrome', {
    ...globalThis.chrome,
    permissions: { contains },
    action: { ...fakeBrowser.action, openPopup },
    runtime: { ...globalThis.chrome.runtime, getManifest },
  });
  return { fake: fakeBrowser, granted, storageAccess };
}

type Sender = chrome.runtime.MessageSender;
/** The parts of a tab the worker reads. */
const tab = (id: number) => ({ id }) as chrome.tabs.Tab;

/** What each sender looks like to `runtime.onMessage`. */
export const SENDERS = {
  popup: { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup/index.html' } as Sender,
  optionsTab: { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options/index.html', tab: tab(7) } as Sender,
  meet: (tabId = 11): Sender => ({ id: 'test-extension-id', url: 'https://meet.google.com/abc-defg-hij', tab: tab(tabId), frameId: 0 }),
  calendar: { id: 'test-extension-id', url: 'https://calendar.google.com/calendar/u/0/r/week', tab: tab(12), frameId: 0 } as Sender,
  otherSite: { id: 'test-extension-id', url: 'https://evil.example/meet.google.com', tab: tab(13), frameId: 0 } as Sender,
  otherExtension: { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' } as Sender,
  noTab: { id: 'test-extension-id', url: 'https://meet.google.com/abc-defg-hij' } as Sender,
};

/** An alarm firing now, as chrome.alarms.onAlarm gives it. */
export const alarm = (name: string): chrome.alarms.Alarm => ({ name, scheduledTime: Date.now(), persistAcrossSessions: false });

/**
 * Waits until the worker has stopped talking to the web app: a sync a test started without awaiting
 * (as the worker does after queueing) must not outlive the test into the next one's fake browser.
 */
export async function untilQuiet(worker: WorkerModules): Promise<void> {
  await vi.waitFor(() => {
    if (worker.sync.isSyncing()) throw new Error('the worker is still syncing');
  }, { timeout: 5000, interval: 5 });
}

/** A web app address the tests never reach: fetch is stubbed by each test that sends. */
export const WEB_APP_URL = 'https://script.google.com/macros/s/AKfycbTEST/exec';

/** Puts an enrollment in storage as `enroll` would have, without a backend. */
export async function enrollDirectly(fake: Fake, cil: Partial<{ minimumMinutesPresent: number; timeZone: string }> = {}, weeklyCommitmentHours = 5): Promise<void> {
  await fake.storage.local.set({
    enrollment: {
      webAppUrl: WEB_APP_URL,
      cilId: 'cil-lahore',
      volunteer: { id: 'v-1', name: 'Ayesha Khan', role: 'member', weeklyCommitmentHours },
      cil: { id: 'cil-lahore', name: 'CIL Lahore', timeZone: 'Asia/Karachi', minimumMinutesPresent: 10, ...cil },
      enrolledAt: '2026-11-01T05:00:00.000Z',
    },
    enrollmentToken: 'member-token-0123456789abcdef0123',
  });
}

/** A network that is down: every fetch fails as Chrome's does with no connection. */
export function networkDown() {
  const fetch = vi.fn(async () => {
    throw new TypeError('Failed to fetch');
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
