/// <reference types="google-apps-script" />
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cellsFromRecord, readHeader, rowFromCells } from '../../shared/records/row-codec';
import type { TabDefinition, TabRecord } from '../../shared/records/tab';
import { attendanceTab } from '../../shared/records/attendance';
import { hoursTab } from '../../shared/records/hours';
import { noticesTab } from '../../shared/records/notice';
import { volunteersTab } from '../../shared/records/volunteer';
import { loadBundle } from '../../sandbox/src/runtime/apps-script-bundle';
import { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { serve } from '../../sandbox/src/server';
import { emptyWorkspace } from '../../sandbox/src/workspace';
import { asLead, sheetState } from '../apps-script/as-lead';

// The CIL's backend for the end-to-end tests: the sandbox running the built Code.js with the demo CIL,
// served by the sandbox's own server on loopback, behind the real Google addresses. Chromium sends
// script.google.com and script.googleusercontent.com here (--host-resolver-rules) over TLS with a
// throwaway certificate, so the extension's service worker makes exactly the requests it would make
// to Google: its host permissions, the POST to /exec and the redirect to the one-time answer on
// script.googleusercontent.com all take part.
//
// Why not Playwright's route(): since 1.5x it sees a service worker's requests, but a redirect it
// fulfils is followed by Chromium outside the interception (the second hop goes to the real network),
// so the redirect to script.googleusercontent.com could not be served by a route.

/** The web app address in the enrollment codes: Google's form, with a deployment id of our own. */
export const WEB_APP_URL = 'https://script.google.com/macros/s/sandbox/exec';
const GOOGLE_HOSTS = ['script.google.com', 'script.googleusercontent.com'];

export const BUNDLE_PATH = fileURLToPath(new URL('../../dist/apps-script/Code.js', import.meta.url));

export interface DemoCil {
  cilId: string;
  spreadsheetId: string;
  webAppUrl: string;
  volunteer: { name: string; email: string };
  enrollmentCode: string;
}

/** A request that reached the web app, as the backend read it. */
export interface WebAppRequest {
  op: string;
  /** The entries of a sync, as sent. */
  entries: { id: string; kind: string }[];
}

export interface Backend {
  sandbox: Sandbox;
  demo: DemoCil;
  /** The demo volunteer's id in the Volunteers tab. */
  volunteerId: string;
  /** Chromium switches that send Google's Apps Script hosts to this backend. */
  chromiumArgs: string[];
  /** Every request that reached the web app, in order. */
  requests: WebAppRequest[];
  /** Google's hosts stop answering: connections are refused, as when the volunteer is offline. */
  down(): Promise<void>;
  up(): Promise<void>;
  /**
   * From now on the web app does its work but its answers are held back until `release`: the service
   * worker's request changes the sheet, and the worker is still waiting for the answer.
   */
  holdAnswers(): { release(): void };
  /** Resolves once the web app has handled a request for which `test` holds. */
  waitForRequest(test: (request: WebAppRequest) => boolean): Promise<WebAppRequest>;
  /** A tab of the demo CIL's spreadsheet as records; every row must read with the shared schema. */
  records<Tab extends TabDefinition>(tab: Tab): TabRecord<Tab>[];
  /** The rows of Hours, Attendance or Notices that the demo CIL did not have when the backend started. */
  added<Tab extends TabDefinition>(tab: Tab): TabRecord<Tab>[];
  /** Appends rows to a tab as the lead typing them would. */
  append<Tab extends TabDefinition>(tab: Tab, records: readonly TabRecord<Tab>[]): void;
  close(): Promise<void>;
}

const TIME_ZONE = 'Asia/Karachi';

/** A self-signed certificate for Google's two hosts, made with openssl into a temporary folder. */
function certificate(): { key: Buffer; cert: Buffer } {
  const folder = mkdtempSync(join(tmpdir(), 'cil-hub-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=script.google.com',
        '-addext', `subjectAltName=${GOOGLE_HOSTS.map((host) => `DNS:${host}`).join(',')}`,
        '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem')],
      { stdio: 'pipe' },
    );
    return { key: readFileSync(join(folder, 'key.pem')), cert: readFileSync(join(folder, 'cert.pem')) };
  } catch (error) {
    throw new Error(`The end-to-end tests need openssl to make a test certificate (apt-get install -y openssl): ${(error as Error).message}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function readWebAppRequest(body: string): WebAppRequest {
  try {
    const parsed = JSON.parse(body) as { op?: unknown; entries?: unknown };
    const entries = Array.isArray(parsed.entries) ? (parsed.entries as { id: string; kind: string }[]) : [];
    return { op: String(parsed.op), entries };
  } catch {
    return { op: '(not JSON)', entries: [] };
  }
}

/**
 * The sandbox with the demo CIL, set up at `now` (the sandbox's clock), behind Google's addresses.
 */
export async function startBackend(now: Date): Promise<Backend> {
  if (!existsSync(BUNDLE_PATH)) throw new Error(`${BUNDLE_PATH} is missing: run \`npm run build\` first.`);
  const sandbox = new Sandbox(emptyWorkspace({ now }), loadBundle(BUNDLE_PATH));
  sandbox.state.webAppUrl = WEB_APP_URL;
  const setUp = sandbox.run('setUpDemoCil');
  if (setUp.error !== null) throw new Error(`setUpDemoCil failed: ${setUp.error}`);
  const demo = setUp.value as DemoCil;

  const sandboxServer = await serve({ sandbox, port: 0, save() {}, bundlePath: BUNDLE_PATH });
  const sandboxUrl = new URL(sandboxServer.url);
  const requests: WebAppRequest[] = [];
  const waiters: { test: (request: WebAppRequest) => boolean; resolve: (request: WebAppRequest) => void }[] = [];
  let held: Promise<void> | undefined;

  const readBody = (request: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      request.on('error', reject);
    });

  // Google's side: /macros/s/<id>/exec on script.google.com answers through a redirect to a one-time
  // address on script.googleusercontent.com; the sandbox does the same on loopback, so each answer's
  // address is moved from the sandbox's host to Google's.
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const host = request.headers.host ?? '';
    const url = new URL(request.url ?? '/', `https://${host}`);
    let target: string;
    if (host === 'script.google.com' && url.pathname === new URL(WEB_APP_URL).pathname) target = `/exec${url.search}`;
    else if (host === 'script.googleusercontent.com' && url.pathname === '/macros/echo') target = `/macros/echo${url.search}`;
    else {
      // Google's pages have an icon; a 404 for the one a tab asks for would be a console error.
      if (url.pathname === '/favicon.ico') response.writeHead(204).end();
      else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const body = request.method === 'POST' ? await readBody(request) : undefined;
    const answer = await fetch(new URL(target, sandboxUrl), {
      method: request.method ?? 'GET',
      redirect: 'manual',
      ...(body === undefined ? {} : { body, headers: { 'content-type': request.headers['content-type'] ?? 'text/plain' } }),
    });
    const headers: Record<string, string> = { 'content-type': answer.headers.get('content-type') ?? 'text/plain' };
    const location = answer.headers.get('location');
    if (location) {
      const moved = new URL(location);
      headers.location = `https://script.googleusercontent.com${moved.pathname}${moved.search}`;
    }
    const text = await answer.text();
    if (target.startsWith('/exec') && body !== undefined) {
      const seen = readWebAppRequest(body);
      requests.push(seen);
      for (const waiter of waiters.splice(0)) {
        if (waiter.test(seen)) waiter.resolve(seen);
        else waiters.push(waiter);
      }
      if (held) await held;
    }
    if (!response.destroyed) response.writeHead(answer.status, headers).end(text);
  };

  const front: Server = createServer(certificate(), (request, response) => {
    handle(request, response).catch((error: Error) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`Test backend: ${error.message}`);
    });
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      front.once('error', reject);
      front.listen(port, '127.0.0.1', () => {
        front.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (front.address() as AddressInfo).port;

  // The demo's eight weeks of history include rows from "the extension": the tests count only new
  // rows, by id, in the tabs the extension writes to.
  const recordsOf = <Tab extends TabDefinition>(tab: Tab): TabRecord<Tab>[] => {
    const [cells = [], ...values] = sheetState(sandbox, demo.spreadsheetId, tab.name).values;
    const read = readHeader(tab, cells);
    if (!read.ok) throw new Error(read.message);
    return values.map((row, i) => {
      const record = rowFromCells(tab, read.index, row, { timeZone: TIME_ZONE });
      if (!record.ok) throw new Error(`${tab.name} row ${i + 2}: ${record.error.message}`);
      return record.record;
    });
  };
  const idsOf = (tab: TabDefinition) => new Set(recordsOf(tab).map((record) => (record as { id: unknown }).id));
  const idsAtStart = new Map([hoursTab, attendanceTab, noticesTab].map((tab) => [tab.name, idsOf(tab)]));
  const volunteerId = recordsOf(volunteersTab).find((volunteer) => volunteer.email === demo.volunteer.email)?.id;
  if (!volunteerId) throw new Error(`No volunteer with the email ${demo.volunteer.email} in the demo CIL.`);

  const backend: Backend = {
    sandbox,
    demo,
    volunteerId,
    chromiumArgs: [
      `--host-resolver-rules=${GOOGLE_HOSTS.map((host) => `MAP ${host}:443 127.0.0.1:${port}`).join(',')}`,
      // The certificate above is our own; the network is closed, so nothing else is reached with it.
      '--ignore-certificate-errors',
    ],
    requests,
    async down() {
      if (!front.listening) return;
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      // Keep-alive connections would otherwise go on answering.
      front.closeAllConnections();
      await closed;
    },
    async up() {
      if (!front.listening) await listen(port);
    },
    holdAnswers() {
      let release!: () => void;
      held = new Promise<void>((resolve) => {
        release = () => {
          held = undefined;
          resolve();
        };
      });
      return { release };
    },
    waitForRequest(test) {
      const seen = requests.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
    records: recordsOf,
    added(tab) {
      const before = idsAtStart.get(tab.name);
      if (!before) throw new Error(`The backend keeps no starting ids for the ${tab.name} tab.`);
      return recordsOf(tab).filter((record) => !before.has((record as { id: unknown }).id));
    },
    append(tab, records) {
      const sheet = sheetState(sandbox, demo.spreadsheetId, tab.name);
      const read = readHeader(tab, sheet.values[0] ?? []);
      if (!read.ok) throw new Error(read.message);
      const cells = records.map((record) => cellsFromRecord(tab, read.index, record, { timeZone: TIME_ZONE }));
      asLead(
        sandbox,
        (spreadsheetId: string, name: string, values: unknown[][]) => {
          const target = SpreadsheetApp.openById(spreadsheetId).getSheetByName(name)!;
          target.getRange(target.getLastRow() + 1, 1, values.length, values[0]!.length).setValues(values);
        },
        [demo.spreadsheetId, tab.name, cells],
      );
    },
    async close() {
      await backend.down();
      await sandboxServer.close();
    },
  };
  return backend;
}
