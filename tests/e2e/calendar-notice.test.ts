import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingsTab } from '../../shared/records/meeting';
import { noticesTab } from '../../shared/records/notice';
import { addDays } from '../../shared/time/calendar-day';
import { instantFromDate } from '../../shared/time/instant';
import { dayOf } from '../../shared/time/zone';
import { startBackend, type Backend } from './backend';
import { launchCilHub, type CilHubBrowser } from './browser';
import { calendarPopupOn, servePages } from './google-pages';
import { badge, enroll, status } from './volunteer';

// (b) A volunteer opens tomorrow's CIL meetup in Google Calendar and clicks "Can't attend": the CIL's
// Notices tab gets one absence notice, given before the meetup, linked to it.

const TIME_ZONE = 'Asia/Karachi';
const NOW = new Date();
const MEETUP_DAY = addDays(dayOf(NOW, TIME_ZONE), 1);
const page = calendarPopupOn(MEETUP_DAY);
const MEETUP_STARTS = new Date(page.startsAt);

let backend: Backend;
let browser: CilHubBrowser;

beforeAll(async () => {
  backend = await startBackend(NOW);
  backend.append(meetingsTab, [
    {
      id: 'm-e2e-meetup',
      kind: 'CIL meetup',
      title: 'CIL Karachi meetup',
      startsAt: instantFromDate(MEETUP_STARTS),
      endsAt: instantFromDate(new Date(MEETUP_STARTS.getTime() + 90 * 60_000)),
      meetCode: 'abc-defg-hij',
      calendarEventId: page.eventId,
      expectedAttendees: 'all',
    },
  ]);
  // Calendar shows times in the browser's zone: the saved page says 6:00 – 7:30pm, Karachi time.
  browser = await launchCilHub({ args: backend.chromiumArgs, timeZone: TIME_ZONE });
  await (await enroll(browser, backend.demo.enrollmentCode)).close();
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
});

const noticesOfVolunteer = () =>
  backend.added(noticesTab).filter((row) => row.volunteerId === backend.volunteerId);

describe("Can't attend on a Calendar event", () => {
  it('gives one notice of absence, dated before the meeting', async () => {
    await servePages(browser.context, 'https://calendar.google.com', () => page.html);
    const calendar = await browser.context.newPage();
    await calendar.goto(page.address);

    // One CIL Hub control in the popup (Playwright's locators see into its open shadow root).
    const control = calendar.locator('cil-hub-control');
    await expect.poll(() => control.count()).toBe(1);
    await control.getByRole('button', { name: "Can't attend" }).click();
    await control.getByRole('textbox', { name: 'Reason (optional)' }).fill('University exam that day');
    await control.getByRole('button', { name: 'Send notice' }).click();
    await expect.poll(() => control.getByRole('status').textContent()).toBe('Saved. CIL Hub will send it to your CIL.');

    await expect.poll(() => noticesOfVolunteer().length, { timeout: 30_000 }).toBe(1);
    const [notice] = noticesOfVolunteer();
    expect(notice).toMatchObject({ kind: 'absence notice', meetingId: 'm-e2e-meetup', source: 'extension' });
    expect(notice!.reason).toContain('University exam that day');
    expect(Date.parse(notice!.givenAt)).toBeLessThan(MEETUP_STARTS.getTime());
    expect(Date.parse(notice!.givenAt)).toBeGreaterThanOrEqual(NOW.getTime() - 1_000);

    await expect.poll(async () => (await status(browser)).queue).toEqual([]);
    expect(await badge(browser)).toBe('');
    expect(noticesOfVolunteer()).toHaveLength(1);
    await calendar.close();
    expect(browser.problems).toEqual([]);
  });
});
