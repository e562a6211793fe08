import { readFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

// Meet and Calendar for the end-to-end tests: the saved pages in tests/fixtures served at their real
// addresses (so the manifest's content scripts are injected as on Google's pages), and the page's time.

const fixtures = new URL('../fixtures/', import.meta.url);

/** A saved page's HTML, without its stylesheet links (Google's font servers are not reachable here). */
export function fixtureHtml(name: string): string {
  return readFileSync(new URL(name, fixtures), 'utf8').replace(/<link\b[^>]*>/g, '');
}

/** Serves `html()` for every page on `origin` (e.g. 'https://meet.google.com'): whatever the address. */
export async function servePages(context: BrowserContext, origin: string, html: () => string): Promise<void> {
  await context.route(`${origin}/**`, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html() })
      : route.fulfill({ status: 404, body: '' }),
  );
}

/**
 * Turns the page into another saved page without loading it, as Meet does when the call starts or
 * ends (it is a single-page app): the title and the body are replaced.
 */
export async function showFixture(page: Page, name: string): Promise<void> {
  await page.evaluate((html) => {
    const saved = new DOMParser().parseFromString(html, 'text/html');
    document.title = saved.title;
    document.body.replaceWith(document.importNode(saved.body, true));
  }, fixtureHtml(name));
}

/**
 * The page's clock, under the test's control: Chromium's virtual time (CDP), which, unlike
 * `page.clock`, also governs the content scripts' own world (their Date.now, setTimeout and
 * setInterval). Virtual time stands still between `advance` calls; each runs the page's timers for
 * `ms` of its time, as fast as they can run. Set up before the page loads: it starts at `start`.
 */
export interface PageClock {
  advance(ms: number): Promise<void>;
}

export async function pageClock(context: BrowserContext, page: Page, start: Date): Promise<PageClock> {
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Emulation.setVirtualTimePolicy', { policy: 'pause', initialVirtualTime: start.getTime() / 1000 });
  return {
    async advance(ms) {
      const expired = new Promise<void>((resolve) => cdp.once('Emulation.virtualTimeBudgetExpired', () => resolve()));
      // Loads and fetches hold the clock while they are pending, so a page load takes no page time.
      await cdp.send('Emulation.setVirtualTimePolicy', { policy: 'pauseIfNetworkFetchesPending', budget: ms });
      await expired;
    },
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const base64url = (text: string) => Buffer.from(text, 'latin1').toString('base64').replace(/=+$/, '');

/**
 * The Calendar page of tests/fixtures/calendar/popup-meet.html (week view, the popup open on the
 * 18:00–19:30 Karachi meetup with Meet code abc-defg-hij, one instance of a weekly event), moved to
 * `day` (YYYY-MM-DD): its dates, its address and the instance's id. Times stay as shown, so the page
 * must be read in Karachi time (launch the browser with timeZone 'Asia/Karachi').
 */
export function calendarPopupOn(day: string): { html: string; address: string; eventId: string; startsAt: string } {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, date)).getUTCDay()]!;
  const monthName = MONTHS[month - 1]!;
  const compact = day.replaceAll('-', '');
  const savedEid = '3h9q2s7k4m1c6v0p8t5r2n4b6d_20261126T130000Z cil.karachi.lead@m';
  const eventId = `3h9q2s7k4m1c6v0p8t5r2n4b6d_${compact}T130000Z`;
  const html = fixtureHtml('calendar/popup-meet.html')
    .replaceAll(base64url(savedEid), base64url(`${eventId} cil.karachi.lead@m`))
    .replaceAll('3h9q2s7k4m1c6v0p8t5r2n4b6d_20261126T130000Z', eventId)
    .replaceAll('November 26, 2026', `${monthName} ${date}, ${year}`)
    .replaceAll('Thursday, November 26', `${weekday}, ${monthName} ${date}`);
  if (html.includes('November 26')) throw new Error('calendarPopupOn left a date of the saved page behind');
  return {
    html,
    address: `https://calendar.google.com/calendar/u/0/r/week/${year}/${month}/${date}`,
    eventId,
    startsAt: `${day}T13:00:00.000Z`,
  };
}
