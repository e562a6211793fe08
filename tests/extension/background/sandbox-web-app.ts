import { vi } from 'vitest';
import type { TabDefinition, TabRecord } from '../../../shared/records/tab';
import type { Sandbox } from '../../../sandbox/src/runtime/sandbox';
import { serve } from '../../../sandbox/src/server';
import { newSandbox, runOk } from '../../apps-script/built-bundle';
import { recordsOf } from '../../apps-script/api-fixture';

// The CIL's web app for the service worker's tests: the REAL built backend (dist/apps-script/Code.js,
// `npm run build:apps-script`) running in the sandbox behind its own loopback HTTP server, which answers
// as Google does, through a 302 to a one-time address that fetch must follow. The demo CIL gives an
// enrollment code for its web app address. Node's own fetch goes through a switch, so a test can take
// the network down, make it hang, or lose the answer after the web app has stored the entries.

/** Friday 27 November 2026, 10:00 in Karachi: the sandbox's clock, and the worker's. */
export const NOW = new Date('2026-11-27T05:00:00Z');

export type Network = 'up' | 'down' | 'hang' | 'lose-answer' | 'stall-after-delivery';

export interface SandboxWebApp {
  sandbox: Sandbox;
  webAppUrl: string;
  enrollmentCode: string;
  volunteerName: string;
  /**
   * The network between the worker and the web app: 'hang' never answers (until the request is
   * aborted); 'lose-answer' delivers the request, so the web app stores it, and loses the answer;
   * 'stall-after-delivery' delivers it and then never answers, as for a worker stopped mid-request.
   */
  network: Network;
  /** Every request the worker made: address and body. */
  requests: { url: string; body: string }[];
  rows<Tab extends TabDefinition>(tab: Tab): TabRecord<Tab>[];
  close(): Promise<void>;
}

export async function startSandboxWebApp(now = NOW): Promise<SandboxWebApp> {
  const sandbox = newSandbox(now);
  const server = await serve({ sandbox, port: 0, save: () => {}, bundlePath: 'dist/apps-script/Code.js' });
  sandbox.state.webAppUrl = `${server.url}exec`;
  const demo = runOk<{ cilId: string; spreadsheetId: string; webAppUrl: string; enrollmentCode: string; volunteer: { name: string } }>(sandbox, 'setUpDemoCil');
  const realFetch = globalThis.fetch;
  const app: SandboxWebApp = {
    sandbox,
    webAppUrl: demo.webAppUrl,
    enrollmentCode: demo.enrollmentCode,
    volunteerName: demo.volunteer.name,
    network: 'up',
    requests: [],
    rows: (tab) => recordsOf({ sandbox, cilId: demo.cilId, spreadsheetId: demo.spreadsheetId }, tab),
    close: () => server.close(),
  };
  vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit) => {
    app.requests.push({ url: String(input), body: String(init?.body ?? '') });
    switch (app.network) {
      case 'down':
        throw new TypeError('fetch failed');
      case 'hang':
        return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      case 'lose-answer':
        await (await realFetch(input, init)).text();
        throw new TypeError('fetch failed');
      case 'stall-after-delivery':
        await (await realFetch(input, init)).text();
        return new Promise(() => {});
      case 'up':
        return realFetch(input, init);
    }
  });
  return app;
}
