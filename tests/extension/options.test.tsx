import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Options } from '../../extension/options/Options';
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
});

function parts(container: HTMLElement) {
  const input = container.querySelector<HTMLInputElement>('input')!;
  const save = container.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const error = () => container.querySelector('[role="alert"]');
  return { input, save, error };
}

function type(input: HTMLInputElement, text: string) {
  act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('Options', () => {
  it('shows a labelled enrollment code field and a Save button', () => {
    view = mount(<Options />);
    const { container } = view;
    const { input, save } = parts(container);
    expect(container.querySelector('h1')?.textContent).toBe('CIL Hub options');
    expect(container.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Enrollment code');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toContain(
      'Your CIL lead sends you this code.',
    );
    expect(save.textContent).toBe('Save');
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
  ])('asks for the code when it is saved %s, and puts focus back on the field', (_, text) => {
    view = mount(<Options />);
    const { input, save, error } = parts(view.container);
    type(input, text);
    act(() => save.click());
    expect(error()?.textContent).toBe('Paste your enrollment code before saving.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(error()?.id);
    expect(document.activeElement).toBe(input);
  });

  it('drops the message once a code is typed', () => {
    view = mount(<Options />);
    const { input, save, error } = parts(view.container);
    act(() => save.click());
    type(input, 'CIL-7F3K-Q9');
    expect(error()).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  it('accepts a code without storing anything, since enrollment is not built yet', async () => {
    view = mount(<Options />);
    const { input, save, error } = parts(view.container);
    type(input, 'CIL-7F3K-Q9');
    act(() => save.click());
    expect(error()).toBeNull();
    expect(await chromeFake.fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
