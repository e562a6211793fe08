import { apiError, API_ERRORS } from '../../../shared/api/errors';
import { errorResponse, parseRequest, type ApiRequest, type ApiResponse } from '../../../shared/api/protocol';
import { authenticate } from '../api/authenticate';
import { enroll } from '../api/enroll';
import { summary } from '../api/summary';
import { sync } from '../api/sync';
import { TabProblem } from '../google/tab-sheet';
import { jsonOutput } from './json-output';

// POST on the web app: the extension's API v1 (shared/api/protocol.ts). Parse, check who is calling,
// dispatch, answer one JSON envelope. It never throws: Google would answer an HTML error page the
// extension cannot read, so anything unexpected becomes an `internal` envelope (retryable) and is
// logged for the lead.

function answer(request: ApiRequest): ApiResponse<unknown> {
  const authentication = authenticate(request.cil, request.token);
  if (!authentication.ok) return errorResponse(authentication.error);
  switch (request.op) {
    case 'enroll':
      return enroll(authentication.caller);
    case 'sync':
      return sync(request, authentication.caller);
    case 'summary':
      return summary(authentication.caller);
  }
}

function failure(error: unknown): ApiResponse<unknown> {
  console.error(`doPost failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  // A missing tab or column is the lead's to fix: say which, so the volunteer can tell them.
  const detail = error instanceof TabProblem ? ` (${error.message})` : '';
  return errorResponse(apiError('internal', `${API_ERRORS.internal.message}${detail}`));
}

export function doPost(event: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  let response: ApiResponse<unknown>;
  try {
    // No body at all reads as an empty one: malformed JSON.
    const read = parseRequest(typeof event?.postData?.contents === 'string' ? event.postData.contents : '');
    response = read.ok ? answer(read.request) : errorResponse(read.error);
  } catch (error) {
    response = failure(error);
  }
  return jsonOutput(response);
}
