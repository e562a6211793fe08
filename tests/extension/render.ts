import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

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
