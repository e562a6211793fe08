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

  it('asks for no more than storage and alarms, and no host access', () => {
    expect(browser.manifest.permissions).toEqual(['storage', 'alarms']);
    expect(browser.manifest.host_permissions).toBeUndefined();
  });

  it('starts its service worker, which schedules the periodic sync', async () => {
    // onInstalled runs just after the worker starts, so the alarm may need a moment to appear.
    await expect
      .poll(() =>
        browser.serviceWorker.evaluate(async () =>
          (await chrome.alarms.getAll()).map(({ name, periodInMinutes }) => ({ name, periodInMinutes })),
        ),
      )
      .toEqual([{ name: 'cil-hub-sync', periodInMinutes: 15 }]);
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

  it('shows the enrollment form and asks for the code when it is saved empty', async () => {
    const options = await browser.openExtensionPage(browser.manifest.options_ui.page);
    const code = options.getByLabel('Enrollment code');
    await code.waitFor();
    expect(await options.title()).toBe('CIL Hub options');

    // Keyboard only: Enter in the field submits the form.
    await code.focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => options.getByRole('alert').textContent()).toBe('Paste your enrollment code before saving.');
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await code.evaluate((field) => field === document.activeElement)).toBe(true);

    await code.fill('CIL-7F3K-Q9');
    expect(await options.getByRole('alert').count()).toBe(0);
    await options.getByRole('button', { name: 'Save' }).click();
    expect(await options.getByRole('alert').count()).toBe(0);
    await options.close();
  });
});
