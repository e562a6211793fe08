import { googleErrors } from '../google-errors';
import { Sandbox } from '../runtime/sandbox';
import { answer, jsonBody, type RestAnswer, type RestCall } from './rest-call';
import { scriptErrors, unreturnableResult } from './rest-errors';

// The Apps Script API's scripts.run (developers.google.com/apps-script/api/reference/rest/v1/scripts/run)
// over the bundle the server was given, as `cil provision` uses it:
// - The id in the path names the API executable deployment: "this field should be populated with
//   DeploymentID generated while deploying in new IDE instead of script ID" (the method's reference).
//   The sandbox has one such deployment, API_EXECUTABLE_ID, when the bundle's manifest declares
//   `executionApi` (a deployment gets an API executable entry point from it); any other id, or a
//   project without one, is Google's 404 "Requested entity was not found."
// - The named top-level function runs with the parameters as the caller (the workspace's user) would
//   run it: authorized, no UI, recorded as an execution with trigger 'api'.
// - The answer is an Operation, done at once: `response` (an ExecutionResponse with the returned
//   value as `result`) or `error`, a Status of code 3 "ScriptError" with one ExecutionError, for a
//   function that threw, that is not a top-level function ("Script function not found: name"), or
//   that returned what the API cannot carry.
// Not modelled: the caller's OAuth scopes (any token is taken; Google refuses a token that lacks a
// scope the script uses), the shared Cloud project, `executionApi.access` (the sandbox's one user owns
// the script), devMode (there is one version), libraries, and the stack trace elements of an error.

/** The id of the sandbox's API executable deployment; Google's look like this (AKfycb…, 72 characters). */
export const API_EXECUTABLE_ID = 'AKfycbCilHubSandboxApiExecutable'.padEnd(72, '0');

const EXECUTION_RESPONSE = 'type.googleapis.com/google.apps.script.v1.ExecutionResponse';
const EXECUTION_ERROR = 'type.googleapis.com/google.apps.script.v1.ExecutionError';

/** google.rpc.Code INVALID_ARGUMENT: the code of every script error. */
const SCRIPT_ERROR_CODE = 3;

const REQUEST_FIELDS = new Set(['function', 'parameters', 'sessionState', 'devMode']);

/** The ExecutionRequest, checked as Google's JSON parser checks it. */
function executionRequest(call: RestCall): { functionName: string; parameters: unknown[] } {
  const body = jsonBody(call.raw, scriptErrors);
  for (const key of Object.keys(body)) if (!REQUEST_FIELDS.has(key)) throw scriptErrors.unknownField(key);
  const { function: functionName = '', parameters = [], devMode = false, sessionState = '' } = body;
  if (typeof functionName !== 'string') throw scriptErrors.invalidValue('function', 'TYPE_STRING', JSON.stringify(functionName));
  if (!Array.isArray(parameters)) throw scriptErrors.invalidValue('parameters', 'type.googleapis.com/google.protobuf.ListValue', JSON.stringify(parameters));
  if (typeof devMode !== 'boolean') throw scriptErrors.invalidValue('devMode', 'TYPE_BOOL', JSON.stringify(devMode));
  if (typeof sessionState !== 'string') throw scriptErrors.invalidValue('sessionState', 'TYPE_STRING', JSON.stringify(sessionState));
  return { functionName, parameters };
}

function scriptError(errorMessage: string) {
  return {
    done: true,
    error: { code: SCRIPT_ERROR_CODE, message: 'ScriptError', details: [{ '@type': EXECUTION_ERROR, errorMessage, errorType: 'ScriptError' }] },
  };
}

/** What in a returned value is not plain JSON data (a Date, a Google object, a function), or null. */
function unreturnable(value: unknown, within: Set<object> = new Set()): string | null {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return null;
  if (typeof value !== 'object') return `a ${typeof value}`;
  if (value instanceof Date) return 'a Date';
  if (within.has(value)) return 'an object that contains itself';
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return `a ${value.constructor?.name ?? 'Google'} object`;
  within.add(value);
  for (const item of Object.values(value)) {
    const found = unreturnable(item, within);
    if (found) return found;
  }
  within.delete(value);
  return null;
}

export function runScriptFunction(call: RestCall, deploymentId: string): RestAnswer {
  const { functionName, parameters } = executionRequest(call);
  const bundle = call.bundle;
  if (deploymentId !== API_EXECUTABLE_ID || !bundle?.manifest?.executionApi) throw scriptErrors.notFound();
  // Only a top-level function is an entry point; Google runs nothing and answers a script error.
  if (!bundle.entryPoints.includes(functionName)) return answer(scriptError(googleErrors.scriptFunctionNotFound(functionName)), false);
  const result = new Sandbox(call.state, bundle).run(functionName, parameters, { trigger: 'api' });
  if (result.error !== null) return answer(scriptError(result.error), true);
  const refused = unreturnable(result.value);
  if (refused) return answer(scriptError(unreturnableResult(refused)), true);
  const response = result.value === undefined ? { '@type': EXECUTION_RESPONSE } : { '@type': EXECUTION_RESPONSE, result: result.value };
  return answer({ done: true, response }, true);
}
