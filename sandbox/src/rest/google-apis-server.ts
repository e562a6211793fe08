import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createExecutionContext } from '../execution';
import type { AppsScriptBundle } from '../runtime/apps-script-bundle';
import { SpreadsheetSession } from '../services/spreadsheet/workbook';
import type { WorkspaceState } from '../workspace';
import { runScriptFunction } from './apps-script-api';
import { copyFile, createFile, createPermission, getFile, listFiles, listPermissions, updateFile } from './drive-api';
import { SheetsQuota, type QuotaKind, type SheetsQuotaOptions } from './quota';
import type { RestAnswer, RestCall } from './rest-call';
import { driveErrors, RestError, scriptErrors, sheetsErrors, unknownAddressPage } from './rest-errors';
import { readBody } from '../request-body';
import {
  appendValues,
  batchClearValues,
  batchGetValues,
  batchUpdateSpreadsheet,
  batchUpdateValues,
  clearValuesOf,
  createSpreadsheet,
  getSpreadsheet,
  getValues,
  updateValues,
} from './sheets-api';

// The Sheets API v4 and Drive API v3 REST subset that the `cil` command line uses, on loopback, over
// the same in-memory state the Apps Script services use: what a script writes, REST reads, and the
// reverse; and the Apps Script API's scripts.run over the built bundle (apps-script-api.ts). Paths are
// Google's, relative to the root URL googleapis is given (`rootUrl`): /v4/spreadsheets…, /drive/v3/…,
// /upload/drive/v3/…, /v1/scripts/….
//
// Authentication: every request needs `Authorization: Bearer <token>`; any non-empty token is taken,
// and the request acts as the workspace's user (state.user), as an OAuth token of theirs would.
// Without one the answer is Google's 401. The Sheets API's per-minute read and write quotas apply
// (quota.ts); Drive's and the Apps Script API's are not modelled. Requests are handled one at a time.

/** Requests answered, by API method id as Google's discovery documents name them (e.g. 'sheets.spreadsheets.values.batchGet'). */
export interface RequestLog {
  total: number;
  byMethod: Record<string, number>;
  /** Requests refused with 429 because the minute's quota was spent. */
  throttled: number;
}

export interface GoogleApisOptions {
  /** Per-minute Sheets API quota per user; Google's defaults are 60 reads and 60 writes (see quota.ts). */
  quota?: SheetsQuotaOptions;
  /** Called after every request that changed the state (to save it). */
  onChange?: () => void;
  /** The Apps Script project scripts.run runs (e.g. dist/apps-script/Code.js); without one, every id is 404. */
  bundle?: AppsScriptBundle;
}

export interface GoogleApisServer {
  /** e.g. 'http://127.0.0.1:PORT/': pass it to googleapis as `rootUrl`. */
  rootUrl: string;
  close(): Promise<void>;
  requests: RequestLog;
}

/** The Google API endpoints as a request handler, for a server that also serves other paths. */
export interface GoogleApis {
  handles(path: string): boolean;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  readonly requests: RequestLog;
}

interface Route {
  method: string;
  path: RegExp;
  /** The method id, as in Google's discovery documents. */
  id: string;
  api: 'sheets' | 'drive' | 'script';
  quota?: QuotaKind;
  run(call: RestCall, params: string[]): RestAnswer;
}

const SPREADSHEET = '/v4/spreadsheets/([^/:]+)';
const FILE = '/drive/v3/files/([^/]+)';

const sheets = (method: string, path: string, id: string, quota: QuotaKind, run: Route['run']): Route => ({
  method,
  path: new RegExp(`^${path}$`),
  id: `sheets.spreadsheets.${id}`,
  api: 'sheets',
  quota,
  run,
});

const drive = (method: string, path: string, id: string, run: Route['run']): Route => ({ method, path: new RegExp(`^${path}$`), id: `drive.${id}`, api: 'drive', run });

const script = (method: string, path: string, id: string, run: Route['run']): Route => ({ method, path: new RegExp(`^${path}$`), id: `script.${id}`, api: 'script', run });

const routes: Route[] = [
  sheets('POST', '/v4/spreadsheets', 'create', 'Write', (call) => createSpreadsheet(call)),
  sheets('GET', SPREADSHEET, 'get', 'Read', (call, [id]) => getSpreadsheet(call, id!)),
  sheets('POST', `${SPREADSHEET}:batchUpdate`, 'batchUpdate', 'Write', (call, [id]) => batchUpdateSpreadsheet(call, id!)),
  sheets('GET', `${SPREADSHEET}/values:batchGet`, 'values.batchGet', 'Read', (call, [id]) => batchGetValues(call, id!)),
  sheets('POST', `${SPREADSHEET}/values:batchUpdate`, 'values.batchUpdate', 'Write', (call, [id]) => batchUpdateValues(call, id!)),
  sheets('POST', `${SPREADSHEET}/values:batchClear`, 'values.batchClear', 'Write', (call, [id]) => batchClearValues(call, id!)),
  // A range's own ':' arrives percent-encoded from googleapis; the greedy match also takes a bare one.
  sheets('POST', `${SPREADSHEET}/values/(.+):append`, 'values.append', 'Write', (call, [id, range]) => appendValues(call, id!, range!)),
  sheets('POST', `${SPREADSHEET}/values/(.+):clear`, 'values.clear', 'Write', (call, [id, range]) => clearValuesOf(call, id!, range!)),
  sheets('GET', `${SPREADSHEET}/values/(.+)`, 'values.get', 'Read', (call, [id, range]) => getValues(call, id!, range!)),
  sheets('PUT', `${SPREADSHEET}/values/(.+)`, 'values.update', 'Write', (call, [id, range]) => updateValues(call, id!, range!)),
  drive('GET', '/drive/v3/files', 'files.list', (call) => listFiles(call)),
  drive('POST', '/drive/v3/files', 'files.create', (call) => createFile(call, false)),
  drive('POST', '/upload/drive/v3/files', 'files.create', (call) => createFile(call, true)),
  drive('GET', FILE, 'files.get', (call, [id]) => getFile(call, id!)),
  drive('PATCH', FILE, 'files.update', (call, [id]) => updateFile(call, id!, false)),
  drive('PATCH', `/upload${FILE}`, 'files.update', (call, [id]) => updateFile(call, id!, true)),
  drive('POST', `${FILE}/copy`, 'files.copy', (call, [id]) => copyFile(call, id!)),
  drive('POST', `${FILE}/permissions`, 'permissions.create', (call, [id]) => createPermission(call, id!)),
  drive('GET', `${FILE}/permissions`, 'permissions.list', (call, [id]) => listPermissions(call, id!)),
  script('POST', '/v1/scripts/([^/:]+):run', 'scripts.run', (call, [id]) => runScriptFunction(call, id!)),
];

/** Sheets imposes no hard size on a request (developers.google.com/sheets/api/limits); the sandbox stops at this. */
const maxBodyBytes = 256 * 1024 * 1024;

function sendJson(response: ServerResponse, status: number, body: unknown, pretty: boolean): void {
  // Google pretty-prints unless asked not to (the standard prettyPrint=false parameter).
  const text = JSON.stringify(body, null, pretty ? 2 : undefined);
  response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'cache-control': 'private, max-age=0' });
  response.end(text);
}

function routeFor(method: string, path: string): { route: Route; params: string[] } | null {
  for (const route of routes) {
    const match = route.method === method ? route.path.exec(path) : null;
    if (match) return { route, params: match.slice(1) };
  }
  return null;
}

const isGoogleApiPath = (path: string) =>
  path.startsWith('/v4/spreadsheets') || path.startsWith('/drive/v3/') || path === '/drive/v3' || path.startsWith('/upload/drive/v3/') || path.startsWith('/v1/scripts/');

const ERRORS = { sheets: sheetsErrors, drive: driveErrors, script: scriptErrors };

/** A path parameter that does not decode: Sheets cannot read it as a range, Drive as an id, and no script has it. */
const undecodable = (api: Route['api'], params: string[]) =>
  api === 'sheets' ? sheetsErrors.unableToParseRange(params.join('/')) : api === 'drive' ? driveErrors.invalidValue('fileId') : scriptErrors.notFound();

export function createGoogleApis(state: WorkspaceState, options: GoogleApisOptions = {}): GoogleApis {
  const quota = new SheetsQuota(options.quota);
  const requests: RequestLog = { total: 0, byMethod: {}, throttled: 0 };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const raw = await readBody(request, maxBodyBytes);
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const query = new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1));
    const pretty = query.get('prettyPrint') !== 'false';
    requests.total++;
    const found = routeFor(request.method ?? '', path);
    if (!found) {
      requests.byMethod.unknown = (requests.byMethod.unknown ?? 0) + 1;
      response.writeHead(404, { 'content-type': 'text/html; charset=UTF-8' });
      response.end(unknownAddressPage(path));
      return;
    }
    const { route, params } = found;
    requests.byMethod[route.id] = (requests.byMethod[route.id] ?? 0) + 1;
    try {
      if (!/^Bearer\s+\S+/i.test(request.headers.authorization ?? '')) throw ERRORS[route.api].unauthenticated();
      if (route.quota && !quota.take(route.quota)) {
        requests.throttled++;
        throw sheetsErrors.quotaExceeded(route.quota, quota.limits[route.quota]);
      }
      let decoded: string[];
      try {
        decoded = params.map((p) => decodeURIComponent(p));
      } catch {
        throw undecodable(route.api, params);
      }
      const ctx = createExecutionContext(state, 'google-apis');
      const call: RestCall = {
        state,
        ctx,
        session: new SpreadsheetSession(ctx),
        query,
        raw,
        contentType: request.headers['content-type'] ?? '',
        bundle: options.bundle ?? null,
      };
      const result = route.run(call, decoded);
      if ('media' in result) {
        response.writeHead(200, { 'content-type': result.media.contentType, 'content-length': result.media.data.length });
        response.end(result.media.data);
        return;
      }
      if (result.changed) options.onChange?.();
      sendJson(response, 200, result.json, pretty);
    } catch (error) {
      if (!(error instanceof RestError)) throw error;
      sendJson(response, error.httpStatus, error.body, pretty);
    }
  };

  return { handles: isGoogleApiPath, handle, requests };
}

/** Serves only the Google APIs, on 127.0.0.1 (an ephemeral port unless one is given). */
export async function serveGoogleApis(state: WorkspaceState, options: GoogleApisOptions & { port?: number } = {}): Promise<GoogleApisServer> {
  const apis = createGoogleApis(state, options);
  let port = 0;
  const server = createServer((request, response) => {
    const fail = (status: number, text: string) => {
      if (response.headersSent) return response.end();
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(text);
    };
    // Only this machine's names: a web page cannot reach the sandbox through a rebound DNS name.
    if (![`127.0.0.1:${port}`, `localhost:${port}`].includes(request.headers.host ?? '')) return fail(421, 'Unknown host');
    apis.handle(request, response).catch((error: Error) => fail(500, `Sandbox error: ${error.message}`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    requests: apis.requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
