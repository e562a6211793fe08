import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceTab } from '../../shared/records/attendance';
import { meetingsTab } from '../../shared/records/meeting';
import { instantFromDate } from '../../shared/time/instant';
import { startBackend, type Backend } from './backend';
import { launchCilHub, type CilHubBrowser } from './browser';
import { fixtureHtml, pageClock, servePages, showFixture, type PageClock } from './google-pages';
import { ask, badge, enroll, status } from './volunteer';

// (a) A volunteer joins a CIL call in Meet, stays ten minutes and leaves: the CIL's Attendance tab gets
// exactly one row, for that Meet code, with those minutes. The Meet tab runs on virtual time, so the
// ten minutes take milliseconds; the backend's clock moves with it. (A tab closed mid-call is covered
// by tests/extension/background/meet-sessions.test.ts.)

const MINUTE = 60_000;
const CODE = 'abc-defg-hij';
const CALL_MINUTES = 10;
/**
 * The calls happened 40 minutes ago: what the service worker stamps with its own, real clock (queue
 * times, the rejoin window after a leave, before a session counts as over) is then later than
 * everything in them.
 */
const START = new Date(Math.floor((Date.now() - 40 * MINUTE) / 1000) * 1000);

let backend: Backend;
let browser: CilHubBrowser;

beforeAll(async () => {
  backend = await startBackend(START);
  // The lead scheduled the monthly call with this Meet code, from five minutes before the test's start.
  backend.append(meetingsTab, [
    {
      id: 'm-e2e-monthly-call',
      kind: 'monthly CfP call',
      title: 'CIL Karachi: monthly CfP call',
      startsAt: instantFromDate(new Date(START.getTime() - 5 * MINUTE)),
      endsAt: instantFromDate(new Date(START.getTime() + 55 * MINUTE)),
      meetCode: CODE,
      expectedAttendees: 'all',
    },
  ]);
  browser = await launchCilHub({ args: backend.chromiumArgs });
  await (await enroll(browser, backend.demo.enrollmentCode)).close();
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
});

const sessionsOfVolunteer = () =>
  backend.added(attendanceTab).filter((row) => row.volunteerId === backend.volunteerId);

/** What meet.google.com shows when a tab loads it. */
let meetShows = 'meet/current-pre-join.html';

/**
 * Opens the call in a new tab whose clock starts at `at`: the green room first (not in the call
 * yet), then "Join now", which Meet shows by swapping the page without loading a new one.
 */
async function joinCall(at: Date): Promise<{ meet: Page; clock: PageClock; joinedAt: number }> {
  meetShows = 'meet/current-pre-join.html';
  const meet = await browser.context.newPage();
  const clock = await pageClock(browser.context, meet, at);
  const loaded = meet.goto(`https://meet.google.com/${CODE}?authuser=0`);
  await clock.advance(5_000);
  await loaded;
  await clock.advance(5_000);
  await showFixture(meet, 'meet/current-in-call.html');
  const joinedAt = at.getTime() + 10_000;
  await clock.advance(2_000);
  return { meet, clock, joinedAt };
}

describe('a call in Meet', () => {
  beforeAll(() => servePages(browser.context, 'https://meet.google.com', () => fixtureHtml(meetShows)));

  it('gives one Attendance row with the Meet code and the minutes in the call', async () => {
    const { meet, clock, joinedAt } = await joinCall(START);

    // Ten minutes in the call, on both clocks.
    await clock.advance(CALL_MINUTES * MINUTE);
    backend.sandbox.advance(CALL_MINUTES * MINUTE);

    // "Leave call": the end screen.
    const leftAt = joinedAt + 2_000 + CALL_MINUTES * MINUTE;
    await showFixture(meet, 'meet/current-ended.html');
    await clock.advance(2_000);

    await expect.poll(() => sessionsOfVolunteer().length, { timeout: 30_000 }).toBe(1);
    const [row] = sessionsOfVolunteer();
    expect(row).toMatchObject({
      meetCode: CODE,
      minutes: CALL_MINUTES,
      meetingId: 'm-e2e-monthly-call',
      status: 'present',
      source: 'extension',
    });
    // Join and leave when the page changed (on its virtual clock), to the second the sheet keeps.
    expect(Math.abs(Date.parse(row!.joinedAt!) - joinedAt)).toBeLessThan(1_000);
    expect(Math.abs(Date.parse(row!.leftAt!) - leftAt)).toBeLessThan(1_000);

    // Sent once: the queue is empty and the badge clear; closing the tab (which the service worker
    // sees) and syncing again add nothing.
    await expect.poll(async () => (await status(browser)).queue).toEqual([]);
    expect(await badge(browser)).toBe('');
    await meet.close();
    expect(await ask(browser, { type: 'sync-now' })).toMatchObject({ ok: true });
    expect(sessionsOfVolunteer()).toHaveLength(1);
    expect(browser.problems).toEqual([]);
  });
});
