import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerMessage } from '../../extension/background/answer-messages';
import { ensureSyncAlarm, SYNC_ALARM, SYNC_PERIOD_MINUTES } from '../../extension/background/sync-alarm';
import { askStatus } from '../../extension/popup/ask-status';
import { installFakeChrome } from './fake-chrome';

let fake: ReturnType<typeof installFakeChrome>['fakeBrowser'];

beforeEach(() => {
  fake = installFakeChrome().fakeBrowser;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the periodic sync alarm', () => {
  it('is created when missing', async () => {
    await ensureSyncAlarm();
    expect(await fake.alarms.getAll()).toEqual([
      expect.objectContaining({ name: SYNC_ALARM, periodInMinutes: SYNC_PERIOD_MINUTES }),
    ]);
  });

  it('keeps its schedule when the browser starts again', async () => {
    await ensureSyncAlarm();
    const first = await fake.alarms.get(SYNC_ALARM);
    vi.useFakeTimers({ now: Date.now() + 5 * 60_000 });
    try {
      await ensureSyncAlarm();
    } finally {
      vi.useRealTimers();
    }
    expect(await fake.alarms.getAll()).toEqual([first]);
  });
});

describe('the status message, popup to service worker', () => {
  it('answers that nobody is enrolled and nothing is queued', async () => {
    fake.runtime.onMessage.addListener(answerMessage);
    await expect(askStatus()).resolves.toEqual({ enrolled: false, queued: 0 });
  });

  it('leaves a message that is not a valid request unanswered', () => {
    const sendResponse = vi.fn();
    expect(answerMessage({ type: 'status', extra: true }, {}, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('rejects a reply that is not a valid status', async () => {
    fake.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
      sendResponse({ enrolled: 'yes' });
      return true;
    });
    await expect(askStatus()).rejects.toThrow();
  });
});
