import type { Sandbox, ExecutionResult } from './sandbox';
import { contentTypeOf } from '../services/content-service';
import { googleErrors } from '../google-errors';
import { escapeHtml } from '../ui/html';

// The web app as a caller sees it (developers.google.com/apps-script/guides/web): GET and POST run
// doGet(e) / doPost(e) with an event object that carries the query string and the body, never the
// request headers; the answer is whatever TextOutput or HtmlOutput the function returns.

export interface WebRequest {
  method: 'GET' | 'POST';
  /** The query string without '?', e.g. 'cil=abc&x=1'. */
  queryString?: string;
  body?: string;
  contentType?: string;
}

export interface WebResponse {
  status: number;
  contentType: string;
  body: string;
  execution: ExecutionResult;
}

export function webAppEvent(request: WebRequest): Record<string, unknown> {
  const queryString = request.queryString ?? '';
  const parameters: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(queryString)) (parameters[key] ??= []).push(value);
  const parameter = Object.fromEntries(Object.entries(parameters).map(([key, values]) => [key, values[0]!]));
  const event: Record<string, unknown> = {
    queryString,
    parameter,
    parameters,
    contextPath: '',
    contentLength: -1,
  };
  if (request.method === 'POST') {
    const contents = request.body ?? '';
    const type = request.contentType?.split(';')[0]?.trim() || 'text/plain';
    event.contentLength = Buffer.byteLength(contents, 'utf8');
    event.postData = { contents, length: event.contentLength, type, name: 'postData' };
    // A form-encoded body's fields join the query's parameters, as for an HTML form post.
    if (type === 'application/x-www-form-urlencoded') {
      for (const [key, value] of new URLSearchParams(contents)) (parameters[key] ??= []).push(value);
      for (const [key, values] of Object.entries(parameters)) parameter[key] = values[0]!;
    }
  }
  return event;
}

export function callWebApp(sandbox: Sandbox, request: WebRequest): WebResponse {
  const handler = request.method === 'POST' ? 'doPost' : 'doGet';
  if (!sandbox.bundle.entryPoints.includes(handler)) {
    const execution = sandbox.run(handler, [], { trigger: 'web app' });
    return { status: 404, contentType: 'text/html', body: errorPage(googleErrors.scriptFunctionNotFound(handler)), execution };
  }
  // Deployed to execute as the deployer for anyone: the script cannot tell who calls.
  const execution = sandbox.run(handler, [webAppEvent(request)], { trigger: 'web app', anonymousCaller: true });
  if (execution.error !== null) {
    return { status: 500, contentType: 'text/html', body: errorPage(execution.error), execution };
  }
  const output = execution.value as { getContent?: () => string; getMimeType?: () => string } | undefined;
  if (!output || typeof output.getContent !== 'function') {
    return { status: 500, contentType: 'text/html', body: errorPage('The script completed but did not return anything.'), execution };
  }
  // TextOutput.getMimeType() answers the enum name ('JSON'); the HTTP answer carries the MIME type.
  const contentType = typeof output.getMimeType === 'function' ? contentTypeOf(output.getMimeType() as Parameters<typeof contentTypeOf>[0]) : 'text/html';
  return { status: 200, contentType, body: output.getContent(), execution };
}

function errorPage(message: string): string {
  const escaped = escapeHtml(message);
  return `<!DOCTYPE html><html><head><title>Error</title></head><body><div>${escaped}</div></body></html>`;
}
