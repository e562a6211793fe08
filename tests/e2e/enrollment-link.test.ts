import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursTab } from '../../shared/records/hours';
import { dayOf } from '../../shared/time/zone';
import { startBackend, type Backend } from './backend';
import { launchCilHub, type CilHubBrowser } from './browser';
import { status, text } from './volunteer';

// The volunteer's side of enrollment and the popup, in Chromium with the sandbox behind Google's
// addresses: the enrollment email's link opens Google's answer page, the content script there hands
// the code to the service worker, which turns the tab into the options page with the code filled in;
// Enroll, by keyboard, enrolls. Then the popup shows the week from the CIL's summary and logs hours
// by keyboard alone.

const NOW = new Date();
const TODAY = dayOf(NOW, 'Asia/Karachi');

let backend: Backend;
let browser: CilHubBrowser;

beforeAll(async () => {
  backend = await startBackend(NOW);
  browser = await launchCilHub({ args: backend.chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
});

describe('enrollment by link, and the popup by keyboard', () => {
  it('picks up the code from the enrollment link and enrolls when the volunteer presses Enroll', async () => {
    const code = backend.demo.enrollmentCode;
    const page = await browser.context.newPage();
    await page.goto(`${backend.demo.webAppUrl}?enroll=${code}`);
    const optionsPage = `chrome-extension://${browser.extensionId}/${browser.manifest.options_ui.page}`;
    // The tab becomes the options page; the page takes the code out of its address as it reads it.
    await page.waitForURL(optionsPage, { timeout: 15_000 });
    const field = page.getByLabel(text('optionsCodeLabel'));
    await expect.poll(() => field.inputValue()).toBe(code);
    await page.getByText('The code from your enrollment link is filled in below', { exact: false }).waitFor();
    // Nothing is enrolled until the volunteer says so.
    expect((await status(browser)).enrollment).toBeNull();

    await field.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('p.done[role="status"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('p.done[role="status"]').textContent()).toMatch(
      new RegExp(`^Enrolled: you are ${backend.demo.volunteer.name} \\(.+\\) in .+\\.$`),
    );
    expect((await status(browser)).enrollment?.volunteer.name).toBe(backend.demo.volunteer.name);
    await page.close();
  });

  it('shows the week from the CIL\'s summary and logs hours by keyboard alone', async () => {
    const demoRows = new Set(backend.records(hoursTab).map((row) => row.id));
    const popup = await browser.openExtensionPage(browser.manifest.action.default_popup);
    const bar = popup.getByRole('progressbar');
    await bar.waitFor({ timeout: 15_000 });
    const enrollment = (await status(browser)).enrollment!;
    expect(Number(await bar.getAttribute('aria-valuemax'))).toBe(enrollment.volunteer.weeklyCommitmentHours);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^[\d.]+ of [\d.]+ hours$/);
    await popup.getByRole('heading', { name: text('popupUpcoming') }).waitFor();

    // Tab from the top of the popup to each field, and fill it in with keys only. (Tab also steps
    // through the date field's own parts, so count on the field, not on the presses.)
    const focused = () => popup.evaluate(() => document.activeElement?.id);
    const tabTo = async (id: string) => {
      for (let presses = 0; presses < 40 && (await focused()) !== id; presses += 1) await popup.keyboard.press('Tab');
      expect(await focused()).toBe(id);
    };
    await tabTo('hours-day');
    expect(await popup.getByLabel(text('hoursDay')).inputValue()).toBe(TODAY);
    await tabTo('hours-hours');
    await popup.keyboard.type('1.75');
    await tabTo('hours-category');
    // Arrow keys move a focused list's choice: Mentoring is the seventh after "Choose a category".
    for (let presses = 0; presses < 7; presses += 1) await popup.keyboard.press('ArrowDown');
    expect(await popup.getByLabel(text('hoursCategory')).inputValue()).toBe('mentoring');
    // Enter in a text field submits its form.
    await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.press('Enter');
    await popup.getByText(`Logged 1.75 h of ${text('categoryMentoring')}`, { exact: false }).waitFor();

    // The demo CIL has hours of its own; this one is the row that was not there before.
    const added = () => backend.records(hoursTab).filter((row) => row.volunteerId === backend.volunteerId && !demoRows.has(row.id));
    await expect.poll(() => added().length, { timeout: 30_000 }).toBe(1);
    expect(added()[0]).toMatchObject({ day: TODAY, hours: 1.75, category: 'mentoring', source: 'extension' });
    await popup.close();
    expect(browser.problems).toEqual([]);
  });
});
