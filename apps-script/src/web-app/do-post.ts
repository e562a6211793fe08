import { apiError, API_ERRORS } from '../../../shared/api/errors';
import { errorResponse, parseRequest, type ApiRequest, type ApiResponse } from '../../../shared/api/protocol';
import { authenticate, type Authentication } from '../api/authenticate';
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
  let authentication: Authentication;
  try {
    authentication = authenticate(request.cil, request.token);
  } catch (error) {
    // Anyone may post here: until the token checks out, the caller learns nothing of the CIL's tabs.
    return failure(error, false);
  }
  if (!authentication.ok) return errorResponse(authentication.error);
  try {
    switch (request.op) {
      case 'enroll':
        return enroll(authentication.caller);
      case 'sync':
        return sync(request, authentication.caller);
      case 'summary':
        return summary(authentication.caller);
    }
  } catch (error) {
    return failure(error, true);
  }
}

/** Logs what went wrong for the lead; an enrolled volunteer is also told which tab or column, to pass on. */
function failure(error: unknown, enrolled: boolean): ApiResponse<unknown> {
  console.error(`doPost failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const detail = enrolled && error instanceof TabProblem ? ` (${error.message})` : '';
  return errorResponse(apiError('internal', `${API_ERRORS.internal.message}${detail}`));
}

export function doPost(event: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  let response: ApiResponse<unknown>;
  try {
    // No body at all reads as an empty one: malformed JSON.
    const read = parseRequest(typeof event?.postData?.contents === 'string' ? event.postData.contents : '');
    response = read.ok ? answer(read.request) : errorResponse(read.error);
  } catch (error) {
    response = failure(error, false);
  }
  return jsonOutput(response);
}
