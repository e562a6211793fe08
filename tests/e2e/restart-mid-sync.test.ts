import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursTab } from '../../shared/records/hours';
import { dayOf } from '../../shared/time/zone';
import { startBackend, type Backend } from './backend';
import { launchCilHub, makeProfile, removeProfile, type CilHubBrowser } from './browser';
import { ask, badge, enroll, status, stopServiceWorker } from './volunteer';

// (d) The service worker is stopped in the middle of a sync (Chrome does that to idle or slow workers),
// then the browser is closed and started again on the same profile: every entry reaches the sheet,
// none twice. The worst moment is chosen: the web app has stored the batch but its answer has not come
// back, so the worker never learnt that the entries arrived.

const NOW = new Date();
const TODAY = dayOf(NOW, 'Asia/Karachi');

let backend: Backend;
let profile: string;
let browser: CilHubBrowser | undefined;

beforeAll(async () => {
  backend = await startBackend(NOW);
  profile = await makeProfile();
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
  if (profile) await removeProfile(profile);
});

const hoursOfVolunteer = () => backend.added(hoursTab).filter((row) => row.volunteerId === backend.volunteerId);

async function logHours(on: CilHubBrowser, hours: number, note: string): Promise<string> {
  const before = new Set((await status(on)).queue.map((queued) => queued.entry.id));
  const reply = await ask(on, { type: 'log-hours', hours: { day: TODAY, hours, category: 'project work', note } });
  if (!reply.ok) throw new Error(reply.message);
  const added = reply.status.queue.filter((queued) => !before.has(queued.entry.id));
  expect(added).toHaveLength(1);
  return added[0]!.entry.id;
}

describe('a service worker stopped mid-sync, then a browser restart', () => {
  it('loses nothing and doubles nothing', async () => {
    browser = await launchCilHub({ profile, args: backend.chromiumArgs });
    await (await enroll(browser, backend.demo.enrollmentCode)).close();

    // Three entries logged offline.
    await backend.down();
    const offline = [await logHours(browser, 1, 'Map layer for route 12'), await logHours(browser, 2, 'Code review'), await logHours(browser, 0.5, 'Bus stop data')];
    await expect.poll(() => badge(browser!)).toBe('3');

    // Back online, but the web app's answers are held: the batch is stored, the worker still waits.
    const held = backend.holdAnswers();
    await backend.up();
    expect(await ask(browser, { type: 'sync-now' })).toMatchObject({ ok: true });
    await backend.waitForRequest((request) => request.op === 'sync' && offline.every((id) => request.entries.some((entry) => entry.id === id)));
    expect(hoursOfVolunteer()).toHaveLength(3);

    // One more entry while that sync hangs: it is in the queue, perhaps in a second batch, perhaps not sent.
    const later = await logHours(browser, 1.5, 'Survey analysis');

    // Chrome stops the worker mid-sync (as it does after 30 s idle or a 5-minute event)…
    expect((await status(browser)).sync.state).toBe('syncing');
    await stopServiceWorker(browser);
    // …and the volunteer quits the browser before anything else happens.
    await browser.close();
    browser = undefined;
    held.release();

    // The next day, so to speak: Chrome starts again on the same profile.
    browser = await launchCilHub({ profile, args: backend.chromiumArgs });
    expect((await status(browser)).enrollment?.volunteer.id).toBe(backend.volunteerId);
    // The browser's start alone brings a sync (chrome.runtime.onStartup): nobody asks for one here.
    await expect.poll(async () => (await status(browser!)).queue, { timeout: 30_000 }).toEqual([]);

    const rows = hoursOfVolunteer();
    expect(rows.map((row) => row.id).sort()).toEqual([...offline, later].map((id) => id.toLowerCase()).sort());
    expect(rows.map((row) => row.note).sort()).toEqual(['Bus stop data', 'Code review', 'Map layer for route 12', 'Survey analysis']);
    // The first three went again after the restart (the worker never saw their answer): the web app
    // knew them already and answered duplicate instead of adding rows.
    const sent = backend.requests.filter((request) => request.op === 'sync').flatMap((request) => request.entries.map((entry) => entry.id));
    for (const id of offline) expect(sent.filter((sentId) => sentId === id).length).toBeGreaterThanOrEqual(2);
    expect(await badge(browser)).toBe('');
    expect(browser.problems).toEqual([]);
  });
});
