import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursTab } from '../../shared/records/hours';
import { dayOf } from '../../shared/time/zone';
import { startBackend, type Backend } from './backend';
import { launchCilHub, type CilHubBrowser } from './browser';
import { ask, badge, enroll, status, text } from './volunteer';

// (c) A volunteer logs hours from the popup while the CIL's web app cannot be reached: the entry waits
// in the queue (badge "1"); once the web app is back, one sync gives exactly one Hours row.

const NOW = new Date();
const TODAY = dayOf(NOW, 'Asia/Karachi');

let backend: Backend;
let browser: CilHubBrowser;

beforeAll(async () => {
  backend = await startBackend(NOW);
  browser = await launchCilHub({ args: backend.chromiumArgs });
  await (await enroll(browser, backend.demo.enrollmentCode)).close();
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
});

const hoursOfVolunteer = () => backend.added(hoursTab).filter((row) => row.volunteerId === backend.volunteerId);

describe('hours logged offline', () => {
  it('wait in the queue with a badge, then reach the sheet once', async () => {
    await backend.down();
    const popup = await browser.openExtensionPage(browser.manifest.action.default_popup);
    await popup.getByLabel(text('hoursHours'), { exact: true }).fill('2.5');
    await popup.getByLabel(text('hoursCategory')).selectOption('research');
    await popup.getByLabel(text('hoursNote')).fill('Commuter interviews, offline');
    await popup.getByRole('button', { name: text('hoursSubmit'), exact: true }).click();

    // Queued, and the sync that followed found the web app out of reach.
    await expect.poll(async () => (await status(browser)).sync.state, { timeout: 30_000 }).toMatch(/offline|waiting/);
    const queued = (await status(browser)).queue;
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ state: 'pending', entry: { kind: 'hours', day: TODAY, hours: 2.5, category: 'research' } });
    await expect.poll(() => badge(browser)).toBe('1');
    expect(hoursOfVolunteer()).toEqual([]);
    // The popup says so.
    await popup.getByText(text('syncOffline')).waitFor({ timeout: 15_000 });

    // Back online; the volunteer does not wait for the next attempt.
    await backend.up();
    await popup.getByRole('button', { name: text('queueRetry'), exact: true }).click();
    await expect.poll(() => hoursOfVolunteer().length, { timeout: 30_000 }).toBe(1);
    expect(hoursOfVolunteer()[0]).toMatchObject({ day: TODAY, hours: 2.5, category: 'research', note: 'Commuter interviews, offline' });
    await expect.poll(async () => (await status(browser)).queue).toEqual([]);
    await expect.poll(() => badge(browser)).toBe('');

    // Nothing left to send twice.
    expect(await ask(browser, { type: 'sync-now' })).toMatchObject({ ok: true });
    expect(hoursOfVolunteer()).toHaveLength(1);
    expect(backend.requests.filter((request) => request.op === 'sync').flatMap((request) => request.entries.map((entry) => entry.id))).toEqual([
      queued[0]!.entry.id,
    ]);
    await popup.close();
    expect(browser.problems).toEqual([]);
  });
});
