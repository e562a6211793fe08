import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { encodeEnrollmentCode } from '../../shared/api/enrollment-code';
import { openEnrollmentLink } from '../../extension/background/open-enrollment-link';
import { BackgroundRequest } from '../../extension/messages';
import { enrollmentCodeInPage, pageText } from '../../extension/content/enrollment-link-page';
import { Options } from '../../extension/options/Options';
import { codeFromFragment, optionsPageWithCode } from '../../extension/ui/options-link';
import { mount } from './render';
import { enrolled, fakeWorker, settle, signedOut } from './ui/fake-worker';

// "Open its link and the extension picks it up": the enrollment email links to the web app with
// ?enroll=<code>; Google shows its JSON answer on script.googleusercontent.com/macros/echo, where the
// content script reads the code and sends `enrollment-link`; the service worker turns that tab into the
// options page with the code in its fragment; the page fills the form, says where the code points,
// and enrolls only when the volunteer presses Enroll.

let view: ReturnType<typeof mount> | undefined;

afterEach(() => {
  view?.unmount();
  view = undefined;
  document.body.replaceChildren();
  history.replaceState(null, '', '/');
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.resetModules();
});

const code = encodeEnrollmentCode({
  url: 'https://script.google.com/macros/s/AKfy-demo/exec',
  cil: 'lahore',
  token: 'AbCdEfGhIjKlMnOpQrStUv0123456789',
});
const ANSWER_PAGE = 'https://script.googleusercontent.com/macros/echo?user_content_key=AWDtjMV3Ho&lib=MxYz';
const answer = (fields: Record<string, unknown>) => JSON.stringify({ ...fields, message: 'This is your CIL Hub enrollment code.' });

describe('the enrollment link page', () => {
  it('yields the code from the web app\'s answer', () => {
    expect(enrollmentCodeInPage(answer({ cilHubEnrollmentCode: code }))).toBe(code);
  });

  it.each([
    ['another web app\'s JSON', answer({ result: code })],
    ['an answer without a code (a damaged link)', answer({})],
    ['text that is not JSON', `Your code: ${code}`],
    ['JSON that is not an object', JSON.stringify(code)],
    ['a code of the wrong shape', answer({ cilHubEnrollmentCode: 'javascript:alert(1)' })],
    ['a code with spaces', answer({ cilHubEnrollmentCode: `${code} x` })],
    ['a code that is not text', answer({ cilHubEnrollmentCode: { code } })],
    ['a code longer than any real one', answer({ cilHubEnrollmentCode: `cilhub1.${'A'.repeat(5000)}` })],
    ['a page too long to be the answer', `${answer({ cilHubEnrollmentCode: code })}${' '.repeat(10_000)}`],
  ])('yields nothing for %s', (_, text) => {
    expect(enrollmentCodeInPage(text)).toBeUndefined();
  });

  it('reads the JSON as Chrome shows it: in a <pre>, beside its pretty-print view', () => {
    document.body.innerHTML = `<pre>${answer({ cilHubEnrollmentCode: code })}</pre><div class="json-formatter-container">{ "pretty": true }</div>`;
    expect(enrollmentCodeInPage(pageText(document))).toBe(code);
  });

  it('the content script sends the code to the service worker, and nothing on other pages', async () => {
    const worker = fakeWorker(() => undefined);
    const sendMessage = vi.spyOn(chrome.runtime, 'sendMessage').mockResolvedValue(undefined);
    document.body.innerHTML = `<pre>${answer({ cilHubEnrollmentCode: code })}</pre>`;
    await import('../../extension/content/enrollment-link');
    expect(sendMessage).toHaveBeenCalledExactlyOnceWith({ type: 'enrollment-link', code });

    vi.resetModules();
    sendMessage.mockClear();
    document.body.innerHTML = `<pre>${answer({ result: 1 })}</pre>`;
    await import('../../extension/content/enrollment-link');
    expect(sendMessage).not.toHaveBeenCalled();
    expect(worker.requests).toEqual([]);
  });
});

describe('the enrollment-link message', () => {
  it('is a request the service worker accepts, with the code and nothing else', () => {
    expect(BackgroundRequest.safeParse({ type: 'enrollment-link', code }).success).toBe(true);
    expect(BackgroundRequest.safeParse({ type: 'enrollment-link', code, enroll: true }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ type: 'enrollment-link', code: 'x'.repeat(4097) }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ type: 'enrollment-link' }).success).toBe(false);
  });
});

describe('the service worker on an enrollment link', () => {
  async function answerTab() {
    return chrome.tabs.create({ url: ANSWER_PAGE });
  }

  it('turns the answer page\'s tab into the options page with the code in its fragment', async () => {
    fakeWorker(() => undefined);
    const tab = await answerTab();
    const opened = await openEnrollmentLink(code, { id: chrome.runtime.id, url: ANSWER_PAGE, tab });
    expect(opened).toBe(true);
    const url = (await chrome.tabs.get(tab.id!)).url!;
    expect(url).toBe(optionsPageWithCode(code));
    expect(url.startsWith(`chrome-extension://${chrome.runtime.id}/options/index.html#`)).toBe(true);
    expect(codeFromFragment(new URL(url).hash)).toBe(code);
  });

  it.each([
    ['another extension', { id: 'another-extension', url: ANSWER_PAGE }],
    ['a page elsewhere on googleusercontent', { url: 'https://script.googleusercontent.com/a/macros/echo?x=1' }],
    ['a look-alike host', { url: 'https://script.googleusercontent.com.example.org/macros/echo?x=1' }],
    ['a page without a tab (another extension page)', { url: ANSWER_PAGE, tab: undefined }],
  ])('does nothing for a message from %s', async (_, overrides) => {
    fakeWorker(() => undefined);
    const tab = await answerTab();
    const sender = { id: chrome.runtime.id, tab, ...overrides };
    expect(await openEnrollmentLink(code, sender)).toBe(false);
    expect((await chrome.tabs.get(tab.id!)).url).toBe(ANSWER_PAGE);
  });
});

describe('the options page opened by an enrollment link', () => {
  function openAt(url: string) {
    const { pathname, hash } = new URL(url);
    history.replaceState(null, '', `${pathname}${hash}`);
    view = mount(<Options />);
    return view.container;
  }

  it('fills in the code, says where it points, takes it out of the address, and enrolls only on Enroll', async () => {
    const worker = fakeWorker((request) => ({ ok: true, status: request.type === 'enroll' ? enrolled : signedOut }));
    const container = openAt(optionsPageWithCode(code));
    await vi.waitFor(() => expect(container.querySelector('textarea')).not.toBeNull());
    expect(container.querySelector<HTMLTextAreaElement>('#enrollment-code')!.value).toBe(code);
    expect(container.querySelector('.notice')?.textContent).toBe(
      'The code from your enrollment link is filled in below: it is for CIL "lahore" at script.google.com, web app AKfy-demo. Press Enroll if your CIL lead sent you that link and its address has the same web app id.',
    );
    expect(location.hash).toBe('');
    expect(location.pathname).toBe('/options/index.html');
    expect(worker.types()).toEqual(['status']);

    const enroll = [...container.querySelectorAll('button')].find((button) => button.textContent === 'Enroll')!;
    act(() => enroll.click());
    await settle();
    await vi.waitFor(() => expect(worker.types()).toEqual(['status', 'enroll']));
    expect(worker.requests[1]).toEqual({ type: 'enroll', code });
  });

  it('says so when the link\'s code is damaged', async () => {
    fakeWorker(() => ({ ok: true, status: signedOut }));
    const container = openAt(optionsPageWithCode(code.slice(0, 25)));
    await vi.waitFor(() => expect(container.querySelector('.notice')).not.toBeNull());
    expect(container.querySelector('.notice')?.textContent).toBe(
      "The link you opened carried a damaged enrollment code. Copy the code from your CIL lead's email and paste it below.",
    );
  });

  it('opens empty without a code in its address', async () => {
    fakeWorker(() => ({ ok: true, status: signedOut }));
    const container = openAt('chrome-extension://x/options/index.html#code=');
    await vi.waitFor(() => expect(container.querySelector('textarea')).not.toBeNull());
    expect(container.querySelector<HTMLTextAreaElement>('textarea')!.value).toBe('');
    expect(container.querySelector('.notice')).toBeNull();
  });
});
