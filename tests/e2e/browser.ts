import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** The built extension that the end-to-end tests load; `npm test` builds it first. */
export const EXTENSION_DIR = fileURLToPath(new URL('../../dist/extension', import.meta.url));

/** The parts of the built manifest the tests navigate by (crxjs rewrites paths, so read them back). */
export interface BuiltManifest {
  action: { default_popup: string };
  options_ui: { page: string };
  permissions?: string[];
  host_permissions?: string[];
}

export interface LaunchOptions {
  /**
   * A profile folder (from `makeProfile`) to start on and keep: launching again on the same folder is
   * the volunteer restarting Chrome. Without one, a throwaway profile is made and deleted on close.
   */
  profile?: string;
  /** More Chromium switches (e.g. the backend's host mapping). */
  args?: string[];
  /** The browser's time zone (TZ), for pages whose times are read in local time. Default: the machine's. */
  timeZone?: string;
}

export interface CilHubBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  manifest: BuiltManifest;
  /** Console errors and uncaught exceptions of every page and of the service worker, in order. */
  problems: string[];
  /** Opens `chrome-extension://<id>/<path>` in a new tab and waits for it to load. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes Chromium, and deletes its profile unless it was given to `launchCilHub`. */
  close(): Promise<void>;
}

/** A new, empty profile folder for `launchCilHub({ profile })`; the caller deletes it (`removeProfile`). */
export function makeProfile(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'cil-hub-e2e-'));
}

export function removeProfile(profile: string): Promise<void> {
  return rm(profile, { recursive: true, force: true });
}

function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    // A CHROME_PATH that points nowhere is a mistake to report, not a reason to test another browser.
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error(
    'The end-to-end tests need Chromium: run `apt-get install -y chromium`, or set CHROME_PATH to a Chrome or Chromium binary.',
  );
}

async function readBuiltManifest(): Promise<BuiltManifest> {
  const path = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npm run build\` (or \`npm run build:extension\`) first.`);
  }
  return JSON.parse(await readFile(path, 'utf8')) as BuiltManifest;
}

/** Starts headless Chromium with the built CIL Hub extension loaded, on a throwaway profile unless given one. */
export async function launchCilHub(options: LaunchOptions = {}): Promise<CilHubBrowser> {
  const manifest = await readBuiltManifest();
  const executablePath = findChromium();
  const profile = options.profile ?? (await makeProfile());
  const throwaway = options.profile === undefined;
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        // Without these Chromium keeps calling Google services, which on a closed network only fail.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...(options.args ?? []),
      ],
      ...(options.timeZone ? { env: { ...process.env, TZ: options.timeZone } } : {}),
    });
  } catch (error) {
    if (throwaway) await removeProfile(profile);
    throw error;
  }

  const close = async () => {
    await context.close();
    if (throwaway) await removeProfile(profile);
  };

  try {
    const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
    const serviceWorker =
      context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', isOurs));
    const extensionId = new URL(serviceWorker.url()).host;

    // Chrome reports a blocked eval (zod's JIT probe, for one) only as a `securitypolicyviolation`
    // event, not through the console that Playwright sees; each page re-raises it as a console error.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`),
      );
    });
    const problems: string[] = [];
    const watch = (target: Page | Worker) => {
      target.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${target.url()}: ${message.text()}`);
      });
    };
    watch(serviceWorker);
    context.on('page', (page) => {
      watch(page);
      page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    });

    const openExtensionPage = async (path: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    };

    return { context, serviceWorker, extensionId, manifest, problems, openExtensionPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}
