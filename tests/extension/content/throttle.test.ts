import { afterEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../../extension/content/throttle';

afterEach(() => vi.useRealTimers());

describe('throttle', () => {
  it('runs at once, then at most once more at the end of the window, however many calls come', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const request = throttle(run, 1000);
    request();
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i++) request();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(999);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(2);
    request();
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('drops a pending run when cancelled, and runs no more', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const request = throttle(run, 1000);
    request();
    request();
    request.cancel();
    vi.advanceTimersByTime(5000);
    request();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
