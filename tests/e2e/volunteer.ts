/// <reference types="chrome" />
import { readFileSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import { Reply, type Status } from '../../extension/messages';
import type { CilHubBrowser } from './browser';

// What a volunteer does with the extension in the end-to-end tests, and how the tests look at what it
// did: its status (the service worker's answer to `status`) and its badge.

const english = JSON.parse(readFileSync(new URL('../../extension/public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<
  string,
  { message: string }
>;

/** The English text of a message key, as the pages show it (no placeholders filled). */
export function text(key: string): string {
  const message = english[key]?.message;
  if (message === undefined) throw new Error(`No message "${key}" in _locales/en/messages.json`);
  return message;
}

/**
 * Sends `message` to the service worker from an extension page (a worker does not receive its own
 * messages), as the popup and the options page do, and checks the answer with the contract's `Reply`.
 */
export async function ask(browser: CilHubBrowser, message: unknown): Promise<Reply> {
  const page = await browser.openExtensionPage(browser.manifest.options_ui.page);
  try {
    return Reply.parse(await page.evaluate((request) => chrome.runtime.sendMessage(request), message));
  } finally {
    await page.close();
  }
}

export async function status(browser: CilHubBrowser): Promise<Status> {
  const reply = await ask(browser, { type: 'status' });
  if (!reply.ok) throw new Error(`status answered: ${reply.message}`);
  return reply.status;
}

/**
 * The extension's service worker as it runs now: after it was stopped, the one Chrome started again
 * (woken by a message if none runs).
 */
export async function serviceWorker(browser: CilHubBrowser): Promise<Worker> {
  const ours = (worker: Worker) => worker.url().startsWith(`chrome-extension://${browser.extensionId}/`);
  const running = browser.context.serviceWorkers().find(ours);
  if (running) return running;
  const started = browser.context.waitForEvent('serviceworker', ours);
  await status(browser);
  return started;
}

/** The text on the toolbar button's badge ('' when none). */
export async function badge(browser: CilHubBrowser): Promise<string> {
  return (await serviceWorker(browser)).evaluate(() => chrome.action.getBadgeText({}));
}

/** Pastes the code into the options page and presses Enroll, as the volunteer does; waits for the CIL's answer. */
export async function enroll(browser: CilHubBrowser, code: string): Promise<Page> {
  const options = await browser.openExtensionPage(browser.manifest.options_ui.page);
  await options.getByLabel(text('optionsCodeLabel')).fill(code);
  await options.getByRole('button', { name: text('optionsEnroll'), exact: true }).click();
  await options.locator('p.done[role="status"]').waitFor();
  return options;
}

/**
 * Stops the extension's service worker now, as Chrome does to an idle or overrunning one, through the
 * DevTools protocol (ServiceWorker.stopAllWorkers). The session must belong to one of the extension's
 * own pages: from another page Chrome sees only that page's workers, not the extension's.
 */
export async function stopServiceWorker(browser: CilHubBrowser): Promise<void> {
  const page = await browser.openExtensionPage(browser.manifest.options_ui.page);
  try {
    const cdp = await browser.context.newCDPSession(page);
    const ours = `chrome-extension://${browser.extensionId}/`;
    let stopping = false;
    const stopped = new Promise<void>((resolve) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const version = versions.find((v) => v.scriptURL.startsWith(ours));
        if (stopping && version?.runningStatus === 'stopped') resolve();
      }),
    );
    await cdp.send('ServiceWorker.enable');
    stopping = true;
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await page.close();
  }
}
