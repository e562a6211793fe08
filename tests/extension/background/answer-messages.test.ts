// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Reply } from '../../../extension/messages';
import { enrollDirectly, installWorld, loadWorker, networkDown, SENDERS, untilQuiet, type FakeWorld, type WorkerModules } from './worker';

// Every message is checked against the shared schemas and against its sender before anything happens:
// a bad or misdirected message gets a reply that says no, and changes nothing.

let world: FakeWorld;
let worker: WorkerModules;

beforeEach(async () => {
  world = installWorld();
  networkDown();
  await enrollDirectly(world.fake);
  worker = await loadWorker();
});
afterEach(async () => {
  await untilQuiet(worker);
  vi.unstubAllGlobals();
});

const logHours = { type: 'log-hours', hours: { day: '2026-11-26', hours: 2, category: 'research' } };
const meetJoin = { type: 'meet-session', event: 'join', sessionKey: 'abc-defg-hij/2026-11-26T14:00:00.000Z', meetCode: 'abc-defg-hij', at: '2026-11-26T14:00:00.000Z' };
const cantAttend = { type: 'calendar-action', action: 'cant-attend', event: { eventId: 'e1', startsAt: '2099-01-01T10:00:00.000Z' } };

async function storedNow() {
  return JSON.stringify({ storage: await world.fake.storage.local.get(null), queue: await worker.queue.listQueue(), open: [...(await worker.meet.openMeetCodes())] });
}

describe('a message that is not a valid request', () => {
  it.each([
    ['nothing', undefined],
    ['a string', 'status'],
    ['an unknown type', { type: 'delete-everything' }],
    ['an extra field', { type: 'status', token: 'x' }],
    ['hours out of range', { ...logHours, hours: { ...logHours.hours, hours: 99 } }],
    ['a category the CIL does not use', { ...logHours, hours: { ...logHours.hours, category: 'gaming' } }],
    ['a bad Meet code', { ...meetJoin, meetCode: 'not-a-code' }],
    ['a time that is not UTC', { ...meetJoin, at: '2026-11-26 14:00' }],
    ['a discard of something that is not an entry id', { type: 'discard', id: '../../etc' }],
    ['a calendar action of no kind', { ...cantAttend, action: 'delete' }],
    ['a setting out of its range', { type: 'save-settings', settings: { quietHoursEnd: 25 } }],
    ['a setting that does not exist', { type: 'save-settings', settings: { loud: true } }],
  ])('is answered no, changing nothing: %s', async (_, message) => {
    const before = await storedNow();
    const reply = await worker.answers.answer(message, SENDERS.popup);
    expect(reply).toEqual({ ok: false, message: expect.stringContaining('did not understand') });
    expect(await storedNow()).toBe(before);
  });

  it('is not echoed back: an enrollment code in a bad request stays out of the reply', async () => {
    const reply = await worker.answers.answer({ type: 'enroll', code: 'cilhub1.secret-token-here', extra: 1 }, SENDERS.popup);
    expect(reply.ok).toBe(false);
    expect(JSON.stringify(reply)).not.toContain('secret-token-here');
  });
});

describe('a message from the wrong sender', () => {
  it.each([
    ['log-hours from a Meet tab', logHours, SENDERS.meet()],
    ['enroll from a Calendar tab', { type: 'enroll', code: 'cilhub1.x' }, SENDERS.calendar],
    ['sign-out from a Meet tab', { type: 'sign-out' }, SENDERS.meet()],
    ['discard from a Calendar tab', { type: 'discard', id: '5f0c3e2a-7b1d-4c8e-9a6f-000000000001' }, SENDERS.calendar],
    ['status from another site', { type: 'status' }, SENDERS.otherSite],
    ['sync-now from a Meet tab', { type: 'sync-now' }, SENDERS.meet()],
    ['a Meet session from Calendar', meetJoin, SENDERS.calendar],
    ['a Meet session from another site', meetJoin, SENDERS.otherSite],
    ['a Meet session from the popup', meetJoin, SENDERS.popup],
    ['a Meet session from no tab', meetJoin, SENDERS.noTab],
    ['a Calendar action from Meet', cantAttend, SENDERS.meet()],
    ['a Calendar action from the options page', cantAttend, SENDERS.optionsTab],
    ['anything from another extension', { type: 'status' }, SENDERS.otherExtension],
    ['settings from a Meet tab', { type: 'save-settings', settings: { weeklyReminder: false } }, SENDERS.meet()],
    ['settings from a Calendar tab', { type: 'save-settings', settings: { meetingReminderMinutes: 0 } }, SENDERS.calendar],
    ['an enrollment link from a Meet tab', { type: 'enrollment-link', code: 'cilhub1.x' }, SENDERS.meet()],
  ])('is refused, changing nothing: %s', async (_, message, sender) => {
    const before = await storedNow();
    const reply = await worker.answers.answer(message, sender);
    expect(reply.ok).toBe(false);
    expect(await storedNow()).toBe(before);
  });

  it('takes each from where it belongs: pages (also the options page in a tab), Meet and Calendar tabs', async () => {
    expect((await worker.answers.answer({ type: 'status' }, SENDERS.optionsTab)).ok).toBe(true);
    expect((await worker.answers.answer(logHours, SENDERS.popup)).ok).toBe(true);
    expect((await worker.answers.answer(meetJoin, SENDERS.meet())).ok).toBe(true);
    expect((await worker.answers.answer(cantAttend, SENDERS.calendar)).ok).toBe(true);
    expect((await worker.queue.listQueue()).map((queued) => queued.entry.kind)).toEqual(['hours', 'notice']);
    expect(await worker.meet.openMeetCodes()).toEqual(new Set(['abc-defg-hij']));
  });
});

describe('save-settings from the options page', () => {
  it('changes only the settings named, answers them in the status, and the worker uses them', async () => {
    const first = await worker.answers.answer({ type: 'save-settings', settings: { weeklyReminderWeekday: 1, weeklyReminderHour: 9, minimumSessionMinutes: 20 } }, SENDERS.optionsTab);
    expect(first).toMatchObject({ ok: true, status: { settings: { weeklyReminderWeekday: 1, weeklyReminderHour: 9, minimumSessionMinutes: 20, quietHoursStart: 21, rejoinMergeMinutes: 5 } } });
    const second = await worker.answers.answer({ type: 'save-settings', settings: { quietHoursStart: 23 } }, SENDERS.optionsTab);
    expect(second).toMatchObject({ ok: true, status: { settings: { weeklyReminderWeekday: 1, quietHoursStart: 23, minimumSessionMinutes: 20 } } });
    const { readSettings } = await import('../../../extension/background/settings');
    expect(await readSettings()).toMatchObject({ weeklyReminderWeekday: 1, weeklyReminderHour: 9, quietHoursStart: 23, minimumSessionMinutes: 20 });
  });

  it('goes back to the CIL minimum for Meet sessions on null', async () => {
    await worker.answers.answer({ type: 'save-settings', settings: { minimumSessionMinutes: 20 } }, SENDERS.optionsTab);
    const reply = await worker.answers.answer({ type: 'save-settings', settings: { minimumSessionMinutes: null } }, SENDERS.popup);
    expect(reply.ok && reply.status.settings).not.toHaveProperty('minimumSessionMinutes');
    expect((await world.fake.storage.local.get('settings')).settings).not.toHaveProperty('minimumSessionMinutes');
  });
});

describe('the runtime.onMessage listener', () => {
  it('keeps the channel open and answers a valid Reply', async () => {
    const sendResponse = vi.fn();
    expect(worker.answers.answerMessage({ type: 'status' }, SENDERS.popup, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledTimes(1));
    const reply = Reply.parse(sendResponse.mock.calls[0]![0]);
    expect(reply).toMatchObject({ ok: true, status: { enrollment: { volunteer: { name: 'Ayesha Khan' } }, queue: [] } });
  });

  it('answers a failure inside the worker with a message, not silence', async () => {
    vi.stubGlobal('indexedDB', { open: () => { throw new Error('IndexedDB is closed'); } });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const sendResponse = vi.fn();
    worker.answers.answerMessage(logHours, SENDERS.popup, sendResponse);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledTimes(1));
    expect(Reply.parse(sendResponse.mock.calls[0]![0])).toEqual({ ok: false, message: expect.stringContaining('IndexedDB is closed') });
    expect(logged).toHaveBeenCalledWith('CIL Hub: "log-hours" failed', expect.any(Error));
    logged.mockRestore();
  });
});
