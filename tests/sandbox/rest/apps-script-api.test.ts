import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { google, type script_v1 } from 'googleapis';
import { describe, expect, it } from 'vitest';
import { API_EXECUTABLE_ID } from '../../../sandbox/src/rest/apps-script-api';
import type { GoogleApisOptions } from '../../../sandbox/src/rest/google-apis-server';
import { loadBundle, type AppsScriptBundle } from '../../../sandbox/src/runtime/apps-script-bundle';
import { SCRIPT_ID } from '../../../sandbox/src/services/script-app';
import { builtBundle } from '../../apps-script/built-bundle';
import { failure, once, restClients, restWorkspace } from './rest-fixture';

// The Apps Script API's scripts.run through the real googleapis client: the built bundle's entry points
// run in the sandbox and answer Google's Operation; refusals answer Google's status codes and bodies.
// Run `npm run build:apps-script` first.

const EXECUTION_RESPONSE = 'type.googleapis.com/google.apps.script.v1.ExecutionResponse';
const EXECUTION_ERROR = 'type.googleapis.com/google.apps.script.v1.ExecutionError';

/** A small Apps Script project of its own, deployed as an API executable unless `manifest` says otherwise. */
function projectOf(code: string, manifest: object = { executionApi: { access: 'MYSELF' } }): AppsScriptBundle {
  const folder = mkdtempSync(join(tmpdir(), 'cil-script-'));
  writeFileSync(join(folder, 'Code.js'), code);
  writeFileSync(join(folder, 'appsscript.json'), JSON.stringify(manifest));
  return loadBundle(join(folder, 'Code.js'));
}

const answers = projectOf(`
function nothing() {}
function echo(a, b) { return { a: a, b: b, list: [1, 'two', null, true] }; }
function today() { return new Date(); }
function aSheet() { return SpreadsheetApp.create('x'); }
function fails() { throw new Error('Something the caller should read'); }
function missingFile() { return DriveApp.getFileById('nope'); }
var inner = function () { return 1; };
`);

async function scriptClient(options: GoogleApisOptions = { bundle: builtBundle() }, token: string | null = 'sandbox-token') {
  const clients = await restClients(restWorkspace(), options);
  const auth = new google.auth.OAuth2();
  if (token !== null) auth.setCredentials({ access_token: token });
  return { ...clients, script: google.script({ version: 'v1', ...(token === null ? {} : { auth }), rootUrl: clients.server.rootUrl }) };
}

const run = (script: script_v1.Script, requestBody: script_v1.Schema$ExecutionRequest, scriptId = API_EXECUTABLE_ID) =>
  script.scripts.run({ scriptId, requestBody }, once);

function scriptError(errorMessage: string) {
  return { done: true, error: { code: 3, message: 'ScriptError', details: [{ '@type': EXECUTION_ERROR, errorMessage, errorType: 'ScriptError' }] } };
}

describe('scripts.run over the built bundle', () => {
  it('runs setUpCil with its parameters and answers its result as an ExecutionResponse, recorded as an API execution', async () => {
    const { script, state, server } = await scriptClient();
    const { status, data } = await run(script, { function: 'setUpCil', parameters: [{ name: 'CIL Lahore', city: 'Lahore', leadEmails: ['ayesha@example.pk'] }], devMode: false });

    expect(status).toBe(200);
    expect(data).toEqual({
      done: true,
      response: {
        '@type': EXECUTION_RESPONSE,
        result: expect.objectContaining({ cilId: 'cil-lahore', spreadsheetId: expect.any(String), folderId: expect.any(String), created: expect.arrayContaining(['folder "CIL Lahore"']) }),
      },
    });
    const result = (data.response as { result: { spreadsheetId: string; folderId: string } }).result;
    expect(JSON.parse(state.properties.script['cil:cil-lahore']!)).toMatchObject({ name: 'CIL Lahore', spreadsheetId: result.spreadsheetId, folderId: result.folderId });
    expect(state.executions.map((e) => [e.functionName, e.trigger, e.status])).toEqual([['setUpCil', 'api', 'completed']]);
    expect(server.requests).toEqual({ total: 1, byMethod: { 'script.scripts.run': 1 }, throttled: 0 });
  });

  it("answers a function that threw as a ScriptError with the error's name and message, HTTP 200", async () => {
    const { script, state } = await scriptClient();
    const { status, data } = await run(script, { function: 'setUpCil', parameters: [{ city: 'Lahore' }] });
    expect(status).toBe(200);
    expect(data).toEqual(scriptError('Error: Cannot set up the CIL: option "name" is missing. Nothing was created.'));
    expect(state.executions.map((e) => [e.functionName, e.trigger, e.status])).toEqual([['setUpCil', 'api', 'failed']]);
    expect(state.properties.script).toEqual({});
  });

  it.each(['setUpCilAt', 'registeredCils', 'Library.setUpCil', ''])('answers "Script function not found" for %j, which is no top-level function, and runs nothing', async (name) => {
    const { script, state } = await scriptClient();
    const { status, data } = await run(script, { function: name });
    expect(status).toBe(200);
    expect(data).toEqual(scriptError(`Script function not found: ${name}`));
    expect(state.executions).toEqual([]);
  });
});

describe('what a function returns', () => {
  it('carries JSON values as they are, and no result for a function that returns nothing', async () => {
    const { script } = await scriptClient({ bundle: answers });
    expect((await run(script, { function: 'echo', parameters: ['x', { n: 1.5, deep: [[]] }] })).data).toEqual({
      done: true,
      response: { '@type': EXECUTION_RESPONSE, result: { a: 'x', b: { n: 1.5, deep: [[]] }, list: [1, 'two', null, true] } },
    });
    expect((await run(script, { function: 'nothing' })).data).toEqual({ done: true, response: { '@type': EXECUTION_RESPONSE } });
  });

  it('refuses a Date or a Google object as a result, which the API cannot return', async () => {
    const { script, state } = await scriptClient({ bundle: answers });
    const refusal = (what: string) =>
      `The function returned ${what}, which scripts.run cannot return: return strings, numbers, booleans, null, and arrays and objects of them.`;
    expect((await run(script, { function: 'today' })).data).toEqual(scriptError(refusal('a Date')));
    expect((await run(script, { function: 'aSheet' })).data).toEqual(scriptError(refusal('a Spreadsheet object')));
    // The function ran all the same: what it did stays done.
    expect(Object.values(state.spreadsheets).map((book) => book.name)).toEqual(['x']);
  });

  it("reports an uncaught error and a Google service's exception as Apps Script names them", async () => {
    const { script } = await scriptClient({ bundle: answers });
    expect((await run(script, { function: 'fails' })).data).toEqual(scriptError('Error: Something the caller should read'));
    expect((await run(script, { function: 'missingFile' })).data).toMatchObject({ done: true, error: { details: [{ errorMessage: expect.stringMatching(/^Exception: /) }] } });
    expect((await run(script, { function: 'inner' })).data).toEqual(scriptError('Script function not found: inner'));
  });
});

describe('what scripts.run refuses', () => {
  const NOT_FOUND = { status: 404, body: { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } } };

  it('answers 404 for the project’s script id (the path takes the deployment id), an unknown id, a project not deployed as an API executable, and a server without one', async () => {
    const { script } = await scriptClient();
    expect(await failure(run(script, { function: 'about' }, SCRIPT_ID))).toEqual(NOT_FOUND);
    expect(await failure(run(script, { function: 'about' }, 'AKfycbSomeoneElsesDeployment'))).toEqual(NOT_FOUND);
    const webAppOnly = await scriptClient({ bundle: projectOf('function about() { return 1; }', { webapp: { executeAs: 'USER_DEPLOYING' } }) });
    expect(await failure(run(webAppOnly.script, { function: 'about' }))).toEqual(NOT_FOUND);
    const none = await scriptClient({});
    expect(await failure(run(none.script, { function: 'about' }))).toEqual(NOT_FOUND);
    expect(none.state.executions).toEqual([]);
  });

  it('answers 401 without a bearer token, in the Status form', async () => {
    const { script, state } = await scriptClient(undefined, null);
    expect(await failure(run(script, { function: 'about' }))).toEqual({
      status: 401,
      body: {
        error: {
          code: 401,
          message:
            'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
          status: 'UNAUTHENTICATED',
        },
      },
    });
    expect(state.executions).toEqual([]);
  });

  it('refuses a request body that is not an ExecutionRequest, before running anything', async () => {
    const { script, state, server } = await scriptClient();
    const refused = async (requestBody: object) => (await failure(run(script, requestBody as script_v1.Schema$ExecutionRequest))).body;
    expect(await refused({ function: 'about', parameters: { name: 'x' } })).toEqual({
      error: { code: 400, message: `Invalid JSON payload received. Invalid value at 'parameters' (type.googleapis.com/google.protobuf.ListValue), {"name":"x"}`, status: 'INVALID_ARGUMENT' },
    });
    expect(await refused({ function: 'about', args: [] })).toEqual({
      error: { code: 400, message: 'Invalid JSON payload received. Unknown name "args": Cannot find field.', status: 'INVALID_ARGUMENT' },
    });
    expect(await refused({ function: 7 })).toMatchObject({ error: { message: "Invalid JSON payload received. Invalid value at 'function' (TYPE_STRING), 7" } });
    expect(await refused({ function: 'about', devMode: 'yes' })).toMatchObject({ error: { message: `Invalid JSON payload received. Invalid value at 'devMode' (TYPE_BOOL), "yes"` } });
    const raw = await fetch(`${server.rootUrl}v1/scripts/${API_EXECUTABLE_ID}:run`, { method: 'POST', headers: { authorization: 'Bearer t' }, body: '[1]' });
    expect(await raw.json()).toEqual({ error: { code: 400, message: 'Invalid JSON payload received. The body must be a JSON object.', status: 'INVALID_ARGUMENT' } });
    expect(state.executions).toEqual([]);
  });
});
