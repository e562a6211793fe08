import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { answerMessage } from '../../extension/background/answer-messages';
import { Popup } from '../../extension/popup/Popup';
import { installFakeChrome } from './fake-chrome';
import { mount } from './render';

let chromeFake: ReturnType<typeof installFakeChrome>;
let view: ReturnType<typeof mount> | undefined;

beforeEach(() => {
  chromeFake = installFakeChrome();
});
afterEach(() => {
  view?.unmount();
  view = undefined;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Makes the fake service worker answer every message with `reply`, as a buggy or older one might. */
function replyWith(reply: unknown) {
  chromeFake.fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
    sendResponse(reply);
    return true;
  });
}

describe('Popup', () => {
  it('says it is checking until the service worker answers', () => {
    chromeFake.fakeBrowser.runtime.onMessage.addListener(() => true);
    view = mount(<Popup />);
    expect(view.container.querySelector('h1')?.textContent).toBe('CIL Hub');
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('Checking your enrollment…');
  });

  it('tells a volunteer who is not enrolled to open the options page, and opens it', async () => {
    chromeFake.fakeBrowser.runtime.onMessage.addListener(answerMessage);
    view = mount(<Popup />);
    const { container } = view;
    await vi.waitFor(() => expect(container.textContent).toContain('You are not enrolled yet.'));
    expect(container.textContent).toContain('Open the options page and paste the enrollment code');
    const button = container.querySelector('button');
    expect(button?.textContent).toBe('Open options');
    act(() => button?.click());
    expect(chromeFake.openOptionsPage).toHaveBeenCalledOnce();
  });

  it('shows an enrolled volunteer how many entries wait to sync', async () => {
    replyWith({ enrolled: true, queued: 3 });
    view = mount(<Popup />);
    const { container } = view;
    await vi.waitFor(() => expect(container.textContent).toContain('Entries waiting to sync: 3'));
    expect(container.querySelector('button')).toBeNull();
  });

  it('says so when the service worker answers something that is not a status', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    replyWith({ enrolled: 'maybe' });
    view = mount(<Popup />);
    const { container } = view;
    await vi.waitFor(() =>
      expect(container.querySelector('[role="alert"]')?.textContent).toBe(
        'CIL Hub could not read its status. Close this popup and open it again.',
      ),
    );
    expect(consoleError).toHaveBeenCalledOnce();
  });
});
