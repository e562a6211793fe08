/// <reference types="chrome" />
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchCilHub, type CilHubBrowser } from './browser';

describe('the built extension in Chromium', () => {
  let browser: CilHubBrowser;

  beforeAll(async () => {
    browser = await launchCilHub();
  });

  afterAll(async () => {
    await browser?.close();
  });

  // Every step must run clean: a console error (a CSP violation, say) fails the step that caused it.
  afterEach(() => {
    expect(browser.problems.splice(0)).toEqual([]);
  });

  // tests/extension/manifest.test.ts checks the manifest's text; this checks what Chromium granted.
  it('is granted its hosts at install, and loopback only when the volunteer allows it', async () => {
    const granted = await browser.serviceWorker.evaluate(() => chrome.permissions.getAll());
    expect([...(granted.origins ?? [])].sort()).toEqual([
      'https://calendar.google.com/*',
      'https://meet.google.com/*',
      'https://script.google.com/*',
      'https://script.googleusercontent.com/*',
      // The enrollment link's content script (its match pattern counts as host access).
      'https://script.googleusercontent.com/macros/echo*',
    ]);
    expect([...(granted.permissions ?? [])].sort()).toEqual(['alarms', 'notifications', 'storage']);
  });

  it('starts its service worker, which schedules the periodic sync', async () => {
    // onInstalled runs just after the worker starts, so the alarm may need a moment to appear.
    await expect
      .poll(() =>
        browser.serviceWorker.evaluate(async () =>
          (await chrome.alarms.getAll()).map(({ name, periodInMinutes }) => ({ name, periodInMinutes })),
        ),
      )
      .toContainEqual({ name: 'cil-hub-sync', periodInMinutes: 15 });
  });

  it('shows a volunteer who is not enrolled the way to the options page', async () => {
    const popup = await browser.openExtensionPage(browser.manifest.action.default_popup);
    await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toBe('CIL Hub');
    await popup.getByText('You are not enrolled yet.', { exact: false }).waitFor();
    expect(await popup.title()).toBe('CIL Hub');
    expect(await popup.locator('html').getAttribute('lang')).toBe('en');

    const optionsTab = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Open options' }).click();
    const options = await optionsTab;
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${browser.extensionId}/${browser.manifest.options_ui.page}`);
    await popup.close();
    await options.close();
  });

  it('shows the enrollment form, usable by keyboard alone, with the code reader\'s messages', async () => {
    const options = await browser.openExtensionPage(browser.manifest.options_ui.page);
    const code = options.getByLabel('Enrollment code');
    await code.waitFor();
    expect(await options.title()).toBe('CIL Hub options');
    await options.getByText('This browser is not enrolled yet.').waitFor();

    // Keyboard only: from the field, Tab reaches Enroll; Enter on it submits the form.
    await code.focus();
    await options.keyboard.press('Tab');
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Enroll');
    await options.keyboard.press('Enter');
    const problem = options.locator('#enrollment-code-problem');
    await expect.poll(() => problem.textContent()).toBe('Paste the enrollment code your CIL lead sent you.');
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await code.evaluate((field) => field === document.activeElement)).toBe(true);

    // Typing after a failed try checks again as the volunteer types.
    await options.keyboard.type('CIL-7F3K-Q9');
    await expect.poll(() => problem.textContent()).toBe('This is not a CIL Hub enrollment code: those start with "cilhub1.".');
    await options.close();
  });
});
