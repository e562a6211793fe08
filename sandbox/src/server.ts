import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Sandbox } from './runtime/sandbox';
import { callWebApp } from './runtime/web-app';
import { workspaceView } from './workspace-view';
import { parseDuration } from './duration';
import { toText, type Html } from './ui/html';
import { workspacePage, spreadsheetPage, documentPage, outboxPage, triggersPage } from './ui/pages';
import type { GoogleApis } from './rest/google-apis-server';
import { readBody } from './request-body';

// `cil-sandbox serve`: the web app at /exec (as a deployed Apps Script web app answers it), the
// sandbox UI and, when given, the Sheets and Drive REST APIs under Google's paths, on loopback only.
// Requests are handled one at a time, as the state is one object.

export interface ServeOptions {
  sandbox: Sandbox;
  port: number;
  save(): void;
  bundlePath: string;
  /** The Google REST APIs (/v4/spreadsheets…, /drive/v3/…, /upload/drive/v3/…) on the same port. */
  googleApis?: GoogleApis;
}

/** The largest body the sandbox accepts; the API's own limit is smaller and is the script's to enforce. */
const maxBodyBytes = 10 * 1024 * 1024;

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': `${contentType}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(body);
}

const sendPage = (response: ServerResponse, page: Html | null) =>
  page ? send(response, 200, 'text/html', toText(page)) : send(response, 404, 'text/plain', 'Not found');

const allowedHosts = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { location });
  response.end();
}

export async function serve(options: ServeOptions): Promise<{ url: string; close(): Promise<void> }> {
  const { sandbox } = options;
  const state = sandbox.state;

  // Google serves a web app's output through a redirect to a one-time URL on
  // script.googleusercontent.com (developers.google.com/apps-script/guides/content#redirects); callers
  // must follow it. Here the one-time URL is /macros/echo on the same server.
  const oneTimeAnswers = new Map<string, { status: number; contentType: string; body: string }>();
  let port = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    // Only this machine's names: a web page cannot reach the sandbox through a rebound DNS name.
    if (!allowedHosts(port).includes(request.headers.host ?? '')) return send(response, 421, 'text/plain', 'Unknown host');
    if (options.googleApis?.handles(path)) return options.googleApis.handle(request, response);
    if (path === '/exec' && (request.method === 'POST' || request.method === 'GET')) {
      const body = request.method === 'POST' ? (await readBody(request, maxBodyBytes)).toString('utf8') : undefined;
      const answer = callWebApp(sandbox, {
        method: request.method,
        queryString: url.search.slice(1),
        body,
        contentType: request.headers['content-type'],
      });
      options.save();
      if (answer.status !== 200) return send(response, answer.status, answer.contentType, answer.body);
      const key = randomUUID();
      oneTimeAnswers.set(key, answer);
      response.writeHead(302, { location: `http://${request.headers.host}/macros/echo?user_content_key=${key}` });
      return response.end();
    }
    if (path === '/macros/echo' && request.method === 'GET') {
      const key = url.searchParams.get('user_content_key') ?? '';
      const answer = oneTimeAnswers.get(key);
      oneTimeAnswers.delete(key);
      return answer ? send(response, answer.status, answer.contentType, answer.body) : send(response, 404, 'text/plain', 'This answer was already fetched, or never existed.');
    }
    // The UI's own forms only: another web page's form posts are refused.
    const origin = request.headers.origin;
    if (request.method === 'POST' && origin !== undefined && !allowedHosts(port).some((host) => origin === `http://${host}`)) {
      return send(response, 403, 'text/plain', 'Cross-origin requests to the sandbox UI are refused.');
    }
    if (request.method === 'POST' && path === '/clock/advance') {
      const form = new URLSearchParams((await readBody(request, maxBodyBytes)).toString('utf8'));
      try {
        sandbox.advance(parseDuration(form.get('duration') ?? ''));
      } catch (error) {
        return send(response, 400, 'text/plain', (error as Error).message);
      }
      options.save();
      return redirect(response, request.headers.referer ? new URL(request.headers.referer).pathname : '/');
    }
    const triggerRun = /^\/triggers\/([^/]+)\/run$/.exec(path);
    if (request.method === 'POST' && triggerRun) {
      try {
        sandbox.runTrigger(decodeURIComponent(triggerRun[1]!));
      } catch (error) {
        return send(response, 404, 'text/plain', (error as Error).message);
      }
      options.save();
      return redirect(response, '/triggers');
    }
    const menuChoice = /^\/spreadsheets\/([^/]+)\/menu$/.exec(path);
    if (request.method === 'POST' && menuChoice) {
      const id = decodeURIComponent(menuChoice[1]!);
      const form = new URLSearchParams((await readBody(request, maxBodyBytes)).toString('utf8'));
      try {
        sandbox.chooseMenuItem(id, form.get('function') ?? '');
      } catch (error) {
        return send(response, 404, 'text/plain', (error as Error).message);
      }
      options.save();
      return redirect(response, `/spreadsheets/${encodeURIComponent(id)}`);
    }
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    if (path === '/') return sendPage(response, workspacePage(state));
    if (path === '/outbox') return sendPage(response, outboxPage(state));
    if (path === '/triggers') return sendPage(response, triggersPage(state));
    if (path === '/api/workspace') return send(response, 200, 'application/json', JSON.stringify(workspaceView(state)));
    const spreadsheet = /^\/spreadsheets\/([^/]+)$/.exec(path);
    if (spreadsheet) {
      const id = decodeURIComponent(spreadsheet[1]!);
      // Opening a spreadsheet runs its onOpen simple trigger, as in Sheets: that is how the menu appears.
      if (state.spreadsheets[id] && sandbox.openSpreadsheet(id)) options.save();
      return sendPage(response, spreadsheetPage(state, id, url.searchParams.get('tab')));
    }
    const document = /^\/documents\/([^/]+)$/.exec(path);
    if (document) return sendPage(response, documentPage(state, decodeURIComponent(document[1]!)));
    return send(response, 404, 'text/plain', 'Not found');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      if (!response.headersSent) send(response, 500, 'text/plain', `Sandbox error: ${error.message}`);
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
