// A throttle for MutationObserver callbacks in content scripts: Meet and Calendar mutate their DOM
// hundreds of times a second while loading, and reading the page on every mutation would slow them.

export interface Throttled {
  /** Asks for a run: now if none ran in the last `ms`, otherwise once at the end of that window. */
  (): void;
  /** Drops a pending run; later calls do nothing. */
  cancel(): void;
}

export function throttle(run: () => void, ms: number): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;

  const fire = () => {
    timer = undefined;
    if (cancelled) return;
    last = Date.now();
    run();
  };

  const request = (() => {
    if (cancelled || timer !== undefined) return;
    const wait = last + ms - Date.now();
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  }) as Throttled;
  request.cancel = () => {
    cancelled = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return request;
}
