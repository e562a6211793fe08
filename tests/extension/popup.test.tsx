import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { Status } from '../../extension/messages';
import { Popup } from '../../extension/popup/Popup';
import { mountOnePerTest } from './render';
import { enrolled, fakeWorker, signedOut, summary } from './ui/fake-worker';

// The popup's views of the service worker's status: checking, not enrolled, the volunteer's week, the
// offline state, and a worker that answers nonsense. Each reply goes through the real messaging fake.

const show = mountOnePerTest();

async function popupWith(status: Status) {
  const worker = fakeWorker(() => ({ ok: true, status }));
  const view = show(<Popup />);
  await vi.waitFor(() => expect(view.container.querySelector('[role="status"]')?.textContent).not.toBe('Checking your enrollment…'));
  return { ...worker, container: view.container };
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

describe('the popup', () => {
  it('says it is checking until the service worker answers', () => {
    const worker = fakeWorker(() => ({ ok: true, status: signedOut }));
    worker.fakeBrowser.runtime.onMessage.removeAllListeners();
    worker.fakeBrowser.runtime.onMessage.addListener(() => true);
    const view = show(<Popup />);
    expect(view.container.querySelector('h1')?.textContent).toBe('CIL Hub');
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('Checking your enrollment…');
  });

  it('tells a volunteer who is not enrolled what CIL Hub does and opens the options page', async () => {
    const { container, openOptionsPage, types } = await popupWith(signedOut);
    expect(container.textContent).toContain('You are not enrolled yet.');
    expect(container.textContent).toContain('enrollment code your CIL lead emailed you');
    expect(container.querySelector('form')).toBeNull();
    const button = container.querySelector('button');
    expect(button?.textContent).toBe('Open options');
    act(() => button?.click());
    expect(openOptionsPage).toHaveBeenCalledOnce();
    expect(types()).toEqual(['status']);
  });

  it('says so when the service worker answers something that is not a reply', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    fakeWorker(() => ({ enrolled: true, queued: 3 }));
    const view = show(<Popup />);
    await vi.waitFor(() =>
      expect(view.container.querySelector('[role="alert"]')?.textContent).toBe(
        "CIL Hub's background part did not answer. Close this window and open it again.",
      ),
    );
    expect(consoleError).toHaveBeenCalledOnce();
    expect(view.container.querySelector('form')).toBeNull();
  });

  it('shows an enrolled volunteer their week: hours against commitment as a progress bar, month, standing and its age', async () => {
    const { container } = await popupWith(enrolled);
    expect(text(container.querySelector('.who'))).toBe('Ayesha Khan · CIL Lahore');
    const bar = container.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('2.5');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('4');
    expect(bar.getAttribute('aria-valuetext')).toBe('2.5 of 4 hours');
    expect(document.getElementById(bar.getAttribute('aria-labelledby')!)?.textContent).toBe('This week');
    expect(container.textContent).toContain('This month: 12.25 of 17.14 hours');
    expect(text(container.querySelector('section[aria-labelledby="my-week"]'))).toContain('Standing: Warned');
    // 23 Nov 04:00 UTC is 09:00 in Lahore; the summary is 5 minutes old at NOW.
    expect(container.textContent).toContain('Latest step: Formal warning, Mon 23 Nov, 9:00');
    expect(container.textContent).toContain('Updated 5 minutes ago');
    expect(container.querySelector('.notice')).toBeNull();
  });

  it('fills the bar once the commitment is met, and still says how many hours', async () => {
    const { container } = await popupWith({ ...enrolled, summary: { ...summary, week: { period: '2026-W48', hours: 6, commitment: 4 } } });
    const bar = container.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('4');
    expect(bar.getAttribute('aria-valuetext')).toBe('6 of 4 hours');
    expect(container.textContent).toContain('6 of 4 hours: commitment met');
  });

  it('lists upcoming meetings in the CIL\'s time, as text, with a Meet link only for a real Meet code', async () => {
    const { container } = await popupWith(enrolled);
    const upcoming = container.querySelector('section[aria-labelledby="upcoming-meetings"]')!;
    const items = [...upcoming.querySelectorAll('li')];
    expect(items.map((item) => text(item.querySelector('.item-title')))).toEqual(['Saturday meetup', '<b>Hack</b> night']);
    expect(text(items[0]!.querySelector('.hint'))).toBe('CIL meetup · Sat 28 Nov, 18:00');
    expect(items[0]!.querySelector('a')?.getAttribute('href')).toBe('https://meet.google.com/xyz-abcd-efg');
    // A title is text, never markup; a code that is not Meet's shape is no link at all.
    expect(upcoming.querySelector('b')).toBeNull();
    expect(items[1]!.querySelector('a')).toBeNull();
  });

  it('lists recent attendance with its status and minutes', async () => {
    const { container } = await popupWith(enrolled);
    const recent = container.querySelector('section[aria-labelledby="recent-attendance"]')!;
    expect([...recent.querySelectorAll('li')].map((item) => [...item.children].map(text))).toEqual([
      ['Saturday meetup', 'Sat 21 Nov, 18:00 · Present · 55 min'],
      ['Monthly CfP call', 'Tue 3 Nov, 19:00 · Absent with notice'],
    ]);
  });

  it('says when no week has been fetched yet, and still offers the Log hours form', async () => {
    const { container } = await popupWith({ ...enrolled, summary: null, summaryAt: undefined });
    expect(container.textContent).toContain('Your week appears here once CIL Hub has reached your CIL.');
    expect(container.querySelector('[role="progressbar"]')).toBeNull();
    expect(container.querySelector('form')).not.toBeNull();
    expect(container.querySelector('section[aria-labelledby="upcoming-meetings"]')).toBeNull();
  });

  it.each([
    ['offline', 'Offline.'],
    ['waiting', 'Could not reach your CIL.'],
  ] as const)('shows a visible %s state with the next attempt and the kept week', async (state, headline) => {
    const { container } = await popupWith({
      ...enrolled,
      sync: { state, lastError: 'The web app could not be reached.', nextAttemptAt: '2026-11-27T07:05:00.000Z' },
      summaryAt: '2026-11-26T07:00:00.000Z',
    });
    const notice = container.querySelector('.notice')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(text(notice)).toContain(`${headline} Your entries are kept in this browser`);
    expect(notice.textContent).toContain('The web app could not be reached.');
    // The next try is on this computer's clock, not the CIL's.
    const clock = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit' }).format(new Date('2026-11-27T07:05:00.000Z'));
    expect(notice.textContent).toContain(`Next try at ${clock}.`);
    expect(container.textContent).toContain('Updated yesterday');
    expect(container.querySelector('[role="progressbar"]')).not.toBeNull();
  });

  it('asks again while entries are being sent, so the outcome appears without reopening', async () => {
    let calls = 0;
    const worker = fakeWorker(() => {
      calls += 1;
      return { ok: true, status: calls === 1 ? { ...enrolled, sync: { state: 'syncing' } } : enrolled };
    });
    const view = show(<Popup />);
    await vi.waitFor(() => expect(view.container.textContent).toContain('Sending your entries…'));
    await vi.waitFor(() => expect(view.container.textContent).not.toContain('Sending your entries…'), { timeout: 3000 });
    expect(worker.types()).toEqual(['status', 'status']);
  });
});
