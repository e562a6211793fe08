import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Reply, Status } from '../messages';
import { ask, type PageRequest } from './ask';

export type StatusView =
  | { kind: 'checking' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; status: Status };

/** How soon to ask again while the service worker is sending, so its results appear without a reopen. */
export const SYNCING_RECHECK_MS = 1500;

/**
 * The service worker's status for a page: asked for on mount, replaced by every successful reply (each
 * carries the status after the request), and asked for again while a sync is running. `send` returns
 * the reply so the caller can show a failure where it happened.
 */
export function useStatus(): { view: StatusView; send: (request: PageRequest) => Promise<Reply> } {
  const [view, setView] = useState<StatusView>({ kind: 'checking' });

  const send = useCallback(async (request: PageRequest) => {
    const reply = await ask(request);
    if (reply.ok) setView({ kind: 'ready', status: reply.status });
    // A page that once had a status keeps showing it; only a page with nothing to show says it failed.
    else if (request.type === 'status') setView((shown) => (shown.kind === 'ready' ? shown : { kind: 'failed', message: reply.message }));
    return reply;
  }, []);

  useEffect(() => {
    void send({ type: 'status' });
  }, [send]);

  useEffect(() => {
    if (view.kind !== 'ready' || view.status.sync.state !== 'syncing') return;
    const timer = setTimeout(() => void send({ type: 'status' }), SYNCING_RECHECK_MS);
    return () => clearTimeout(timer);
  }, [view, send]);

  return { view, send };
}
