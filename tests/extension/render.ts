import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, vi } from 'vitest';

/** Renders into a fresh container in the document; `unmount` removes it again. */
export function mount(node: ComponentChild) {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(node, container));
  return {
    container,
    unmount() {
      act(() => render(null, container));
      container.remove();
    },
  };
}

/**
 * `mount` for a test file whose tests each show one page: after each test the page is unmounted and
 * every fake (timers, globals, mocks) undone, so no test sees another's.
 */
export function mountOnePerTest(): (node: ComponentChild) => ReturnType<typeof mount> {
  let view: ReturnType<typeof mount> | undefined;
  afterEach(() => {
    view?.unmount();
    view = undefined;
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
  return (node) => (view = mount(node));
}
