import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { QueuedEntry, Status } from '../../extension/messages';
import { Popup } from '../../extension/popup/Popup';
import { mountOnePerTest } from './render';
import { enrolled, fakeWorker, queued, settle } from './ui/fake-worker';

// Entries not yet in the CIL's sheet: pending ones with their last failure, rejected ones with the web
// app's reason; "Retry now" sends `sync-now`; "Discard" asks first, then sends `discard` with the id.

const show = mountOnePerTest();

const PENDING = '0b7e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const REJECTED = '5f4e3d2c-1b0a-4987-8654-3210fedcba98';

const attendance: QueuedEntry = {
  entry: { kind: 'attendance', id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', meetCode: 'abc-defg-hij', title: 'Saturday meetup', joinedAt: '2026-11-21T13:02:00.000Z', leftAt: '2026-11-21T14:00:00.000Z' },
  state: 'pending',
  queuedAt: '2026-11-21T14:00:00.000Z',
  attempts: 0,
};
const notice: QueuedEntry = {
  entry: { kind: 'notice', id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e', noticeKind: 'absence notice', givenAt: '2026-11-27T06:00:00.000Z', calendarEventId: 'ev-1', title: 'Monthly CfP call' },
  state: 'pending',
  queuedAt: '2026-11-27T06:00:00.000Z',
  attempts: 0,
};

const withQueue: Status = {
  ...enrolled,
  queue: [
    queued(PENDING, 1.5, 'pending', 'The web app could not be reached.'),
    queued(REJECTED, 3, 'rejected', 'day must not be in the future (2026-12-01)'),
    attendance,
    notice,
  ],
};

/** A worker that drops discarded entries from its queue, as the real one does. */
function discardingWorker() {
  let current = withQueue;
  return fakeWorker((request) => {
    if (request.type === 'discard') current = { ...current, queue: current.queue.filter(({ entry }) => entry.id !== request.id) };
    return { ok: true, status: current };
  });
}

async function openQueue() {
  const { container } = show(<Popup />);
  await vi.waitFor(() => expect(container.querySelector('section[aria-labelledby="queue"]')).not.toBeNull());
  const section = () => container.querySelector('section[aria-labelledby="queue"]');
  const items = () => [...(section()?.querySelectorAll('li') ?? [])];
  const button = (name: string, within: Element | null = section()) =>
    [...(within?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent === name);
  return { container, section, items, button };
}

describe('the queue in the popup', () => {
  it('lists each waiting entry in words, with the last failure or the web app\'s reason', async () => {
    discardingWorker();
    const { section, items } = await openQueue();
    expect(section()?.querySelector('h2')?.textContent).toBe("Not yet in your CIL's sheet (4)");
    expect(items().map((item) => [...item.children].filter((child) => child.tagName === 'SPAN').map((child) => child.textContent))).toEqual([
      ['1.5 h of Research on Thu 26 Nov', 'Waiting to be sent', 'Last try: The web app could not be reached.'],
      ['3 h of Research on Thu 26 Nov', 'Not accepted by your CIL', 'Why: day must not be in the future (2026-12-01)'],
      ['Attendance: Saturday meetup, Sat 21 Nov, 18:02', 'Waiting to be sent'],
      ["Can't attend: Monthly CfP call", 'Waiting to be sent'],
    ]);
    // Only a rejected entry can be discarded; a pending one is still on its way.
    expect(items().map((item) => item.querySelector('button')?.textContent)).toEqual([undefined, 'Discard', undefined, undefined]);
  });

  it('sends sync-now on "Retry now"', async () => {
    const worker = discardingWorker();
    const { button } = await openQueue();
    act(() => button('Retry now')!.click());
    await vi.waitFor(() => expect(worker.types()).toEqual(['status', 'sync-now']));
  });

  it('asks before discarding, and keeps the entry when the volunteer says so', async () => {
    const worker = discardingWorker();
    const { items, button } = await openQueue();
    const rejected = items()[1]!;
    act(() => button('Discard', rejected)!.click());

    const question = rejected.querySelector('[role="group"]')!;
    expect(document.getElementById(question.getAttribute('aria-labelledby')!)?.textContent).toBe(
      "Discard this entry? It will not reach your CIL's sheet.",
    );
    // Focus on the safe answer.
    expect(document.activeElement?.textContent).toBe('Keep it');
    act(() => button('Keep it', question)!.click());
    expect(rejected.querySelector('[role="group"]')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Discard');
    expect(worker.types()).toEqual(['status']);
  });

  it('discards a rejected entry by its id once confirmed', async () => {
    const worker = discardingWorker();
    const { items, button, section } = await openQueue();
    act(() => button('Discard', items()[1]!)!.click());
    act(() => button('Discard it', items()[1]!)!.click());
    await settle();
    await vi.waitFor(() => expect(items()).toHaveLength(3));
    expect(worker.requests.at(-1)).toEqual({ type: 'discard', id: REJECTED });
    expect(section()?.querySelector('h2')?.textContent).toBe("Not yet in your CIL's sheet (3)");
    expect(items().map((item) => item.querySelector('.item-title')?.textContent)).not.toContain('3 h of Research on Thu 26 Nov');
    expect(document.activeElement).toBe(section()?.querySelector('h2'));
  });

  it('shows the worker\'s message when a retry fails', async () => {
    fakeWorker((request) => (request.type === 'sync-now' ? { ok: false, message: 'This browser is not enrolled.' } : { ok: true, status: withQueue }));
    const { button, section } = await openQueue();
    act(() => button('Retry now')!.click());
    await vi.waitFor(() => expect(section()?.querySelector('[role="alert"]')?.textContent).toBe('This browser is not enrolled.'));
  });

  it('shows no queue when nothing waits', async () => {
    fakeWorker(() => ({ ok: true, status: enrolled }));
    const view = show(<Popup />);
    await vi.waitFor(() => expect(view.container.querySelector('form')).not.toBeNull());
    expect(view.container.querySelector('section[aria-labelledby="queue"]')).toBeNull();
    expect(view.container.textContent).not.toContain('Retry now');
  });
});
