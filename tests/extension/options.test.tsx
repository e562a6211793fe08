import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { encodeEnrollmentCode } from '../../shared/api/enrollment-code';
import type { Status } from '../../extension/messages';
import { Options } from '../../extension/options/Options';
import { mountOnePerTest } from './render';
import { enrolled, enrollment, fakeWorker, queued, settle, signedOut, type } from './ui/fake-worker';

// The options page: paste the enrollment code, which is read on the page first; a web app on loopback
// (the sandbox) needs the optional host permission, asked for on the click; `enroll` goes to the
// service worker, whose answer shows the CIL and the volunteer, or the backend's message. Sign-out
// asks first and says how many entries it would delete.

const show = mountOnePerTest();

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv0123456789';
const googleCode = encodeEnrollmentCode({ url: 'https://script.google.com/macros/s/AKfy-demo/exec', cil: 'lahore', token: TOKEN });
const sandboxCode = encodeEnrollmentCode({ url: 'http://127.0.0.1:8787/exec', cil: 'lahore', token: TOKEN });

/** A worker that enrolls on `enroll` and forgets on `sign-out`, as the real one does. */
function enrollingWorker(start: Status = signedOut) {
  let current = start;
  return fakeWorker((request) => {
    if (request.type === 'enroll') current = enrolled;
    if (request.type === 'sign-out') current = signedOut;
    return { ok: true, status: current };
  });
}

async function openOptions() {
  const { container } = show(<Options />);
  await vi.waitFor(() => expect(container.querySelector('textarea')).not.toBeNull());
  const parts = {
    container,
    code: container.querySelector<HTMLTextAreaElement>('#enrollment-code')!,
    enroll: [...container.querySelectorAll('button')].find((button) => button.textContent === 'Enroll')!,
    problem: () => container.querySelector('#enrollment-code-problem')?.textContent,
    alert: () => container.querySelector('[role="alert"]')?.textContent,
    done: () => container.querySelector('p.done[role="status"]')?.textContent,
    button: (name: string) => [...container.querySelectorAll('button')].find((button) => button.textContent === name),
    async press(button: HTMLButtonElement | undefined) {
      act(() => button!.click());
      await settle();
    },
  };
  return parts;
}

describe('enrollment on the options page', () => {
  it('shows a labelled field for the code and an Enroll button', async () => {
    enrollingWorker();
    const { container, code, enroll } = await openOptions();
    expect(container.querySelector('h1')?.textContent).toBe('CIL Hub options');
    expect(container.textContent).toContain('This browser is not enrolled yet.');
    expect(container.querySelector(`label[for="${code.id}"]`)?.textContent).toBe('Enrollment code');
    expect(code.tagName).toBe('TEXTAREA');
    expect(document.getElementById(code.getAttribute('aria-describedby')!)?.textContent).toContain('Your CIL lead emails you this code');
    expect(enroll.type).toBe('submit');
  });

  it.each([
    ['empty', '', 'Paste the enrollment code your CIL lead sent you.'],
    ['not a code', 'CIL-7F3K-Q9', 'This is not a CIL Hub enrollment code: those start with "cilhub1.".'],
    ['cut short', googleCode.slice(0, 30), "This enrollment code is damaged; copy it again in full from your CIL lead's message."],
    ['from a newer CIL Hub', 'cilhub2.abc', 'This enrollment code is for a newer CIL Hub. Update the CIL Hub extension and paste it again.'],
  ])('shows the code reader\'s message for a code that is %s, and asks nothing', async (_, text, message) => {
    const worker = enrollingWorker();
    const { code, enroll, problem, press } = await openOptions();
    type(code, text);
    await press(enroll);
    expect(problem()).toContain(message.replace(/\.$/, ''));
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.getAttribute('aria-describedby')?.split(' ')).toContain('enrollment-code-problem');
    expect(document.activeElement).toBe(code);
    expect(worker.permissionsRequest).not.toHaveBeenCalled();
    expect(worker.types()).toEqual(['status']);
  });

  it('drops the message as soon as the code reads', async () => {
    enrollingWorker();
    const { code, enroll, problem, press } = await openOptions();
    await press(enroll);
    expect(problem()).toBe('Paste the enrollment code your CIL lead sent you.');
    type(code, googleCode);
    expect(problem()).toBeUndefined();
    expect(code.getAttribute('aria-invalid')).toBe('false');
  });

  it('enrolls with a Google web app code without asking for any permission, and shows the CIL and the volunteer', async () => {
    const worker = enrollingWorker();
    const { container, code, enroll, done, press } = await openOptions();
    // As a mail program may wrap it.
    type(code, `${googleCode.slice(0, 40)}\n${googleCode.slice(40)}\n`);
    await press(enroll);
    await vi.waitFor(() => expect(done()).toBe('Enrolled: you are Ayesha Khan (Organizer) in CIL Lahore.'));
    expect(worker.permissionsRequest).not.toHaveBeenCalled();
    expect(worker.requests[1]).toEqual({ type: 'enroll', code: googleCode });
    const facts = [...container.querySelectorAll('dl.facts dt, dl.facts dd')].map((cell) => cell.textContent);
    expect(facts).toEqual(['CIL', 'CIL Lahore', 'You', 'Ayesha Khan (Organizer)', 'Weekly commitment', '4 hours a week', 'Enrolled', 'Fri 20 Nov, 14:00']);
    expect(code.value).toBe('');
    expect(container.querySelector('#enroll-heading')?.textContent).toBe('Use a new enrollment code');
  });

  it('asks for access to a sandbox on loopback on the Enroll click, before anything else, then enrolls', async () => {
    const worker = enrollingWorker();
    const order: string[] = [];
    worker.permissionsRequest.mockImplementation(async () => {
      order.push('permission');
      return true;
    });
    worker.fakeBrowser.runtime.onMessage.addListener((message) => {
      order.push((message as { type: string }).type);
    });
    const { code, enroll, done, press } = await openOptions();
    type(code, sandboxCode);
    order.length = 0;
    await press(enroll);
    await vi.waitFor(() => expect(done()).toContain('Enrolled: you are Ayesha Khan'));
    expect(worker.permissionsRequest).toHaveBeenCalledExactlyOnceWith({ origins: ['http://127.0.0.1/*'] });
    expect(order).toEqual(['permission', 'enroll']);
  });

  it('asks the permission within the click itself, where Chrome allows it', async () => {
    const worker = enrollingWorker();
    const { code, enroll } = await openOptions();
    type(code, sandboxCode);
    act(() => enroll.click());
    // No await between the click and the request: a user gesture does not survive one.
    expect(worker.permissionsRequest).toHaveBeenCalledOnce();
    await settle();
  });

  it('says what to do when the volunteer does not allow the sandbox, and does not enroll', async () => {
    const worker = enrollingWorker();
    worker.permissionsRequest.mockResolvedValue(false);
    const { code, enroll, alert, press } = await openOptions();
    type(code, sandboxCode);
    await press(enroll);
    await vi.waitFor(() =>
      expect(alert()).toBe(
        'CIL Hub needs your permission to reach the web app at http://127.0.0.1:8787 (a CIL Hub sandbox on this computer). Press Enroll again and choose Allow.',
      ),
    );
    expect(worker.types()).toEqual(['status']);
  });

  it('shows the backend\'s message when the code is refused, and keeps the code to fix', async () => {
    const message = 'Your enrollment code has been revoked. If you are still volunteering, ask your CIL lead for a new one.';
    const worker = fakeWorker((request) => (request.type === 'enroll' ? { ok: false, message } : { ok: true, status: signedOut }));
    const { code, enroll, alert, done, press } = await openOptions();
    type(code, googleCode);
    await press(enroll);
    await vi.waitFor(() => expect(alert()).toBe(message));
    expect(done()).toBeUndefined();
    expect(code.value).toBe(googleCode);
    expect(worker.types()).toEqual(['status', 'enroll']);
  });

  it('sends one enroll when Enroll is pressed twice before the answer', async () => {
    const worker = enrollingWorker();
    const listener = worker.fakeBrowser.runtime.onMessage;
    let answer!: () => void;
    listener.removeAllListeners();
    listener.addListener((message, _sender, sendResponse) => {
      worker.requests.push(message as { type: string });
      if ((message as { type: string }).type === 'enroll') answer = () => sendResponse({ ok: true, status: enrolled });
      else sendResponse({ ok: true, status: signedOut });
      return true;
    });
    const { code, enroll, press } = await openOptions();
    type(code, googleCode);
    await press(enroll);
    await press(enroll);
    expect(worker.types()).toEqual(['status', 'enroll']);
    answer();
    await settle();
  });
});

describe('sign-out on the options page', () => {
  it('asks first, saying how many entries would be lost, and keeps the enrollment on "Stay enrolled"', async () => {
    const worker = enrollingWorker({ ...enrolled, queue: [queued('0b7e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', 1), queued('5f4e3d2c-1b0a-4987-8654-3210fedcba98', 2, 'rejected', 'no')] });
    const { container, button, press } = await openOptions();
    await press(button('Sign out'));
    const question = container.querySelector('[role="group"]')!;
    expect(document.getElementById(question.getAttribute('aria-labelledby')!)?.textContent).toBe(
      "Sign out? Entries not yet in your CIL's sheet: 2. Signing out deletes them from this browser.",
    );
    expect(document.activeElement?.textContent).toBe('Stay enrolled');
    await press(button('Stay enrolled'));
    expect(container.querySelector('[role="group"]')).toBeNull();
    expect(worker.types()).toEqual(['status']);
    expect(container.textContent).toContain(enrollment.volunteer.name);
  });

  it('signs out once confirmed, and offers enrollment again', async () => {
    const worker = enrollingWorker(enrolled);
    const { container, button, press } = await openOptions();
    await press(button('Sign out'));
    expect(container.querySelector('[role="group"] p')?.textContent).toBe(
      'Sign out? This browser stops logging your hours and attendance until you enroll again.',
    );
    const confirm = [...container.querySelectorAll('[role="group"] button')].find((candidate) => candidate.textContent === 'Sign out') as HTMLButtonElement;
    await press(confirm);
    await vi.waitFor(() => expect(container.querySelector('p.done[role="status"]')?.textContent).toBe('Signed out. This browser no longer logs your hours or attendance.'));
    expect(worker.types()).toEqual(['status', 'sign-out']);
    expect(container.querySelector('dl.facts')).toBeNull();
    expect(container.querySelector('#enroll-heading')?.textContent).toBe('Enroll with your code');
    expect(document.activeElement).toBe(container.querySelector('h2'));
  });
});
