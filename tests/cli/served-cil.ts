import { afterEach } from 'vitest';
import { serveGoogleApis, type GoogleApisServer } from '../../sandbox/src/rest/google-apis-server';
import type { SheetsQuotaOptions } from '../../sandbox/src/rest/quota';
import type { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { connect } from '../../cli/src/core/google-clients';
import { newSandbox, runOk } from '../apps-script/built-bundle';
import { testRun } from './cli-fixture';

// The demo CIL (made by the built bundle's setUpDemoCil) served through the sandbox's Sheets and Drive
// REST APIs, for the CLI to back up and restore; servers stop after each test.

const servers: GoogleApisServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

export interface ServedCil {
  sandbox: Sandbox;
  spreadsheetId: string;
  server: GoogleApisServer;
}

export async function servedDemoCil(quota?: SheetsQuotaOptions): Promise<ServedCil> {
  const sandbox = newSandbox();
  const { spreadsheetId } = runOk<{ spreadsheetId: string }>(sandbox, 'setUpDemoCil');
  const server = await serveGoogleApis(sandbox.state, quota ? { quota } : {});
  servers.push(server);
  return { sandbox, spreadsheetId, server };
}

/** Every tab's values and formulas as the workspace holds them, to compare before and after. */
export function cellsOf(served: ServedCil, spreadsheetId = served.spreadsheetId) {
  const book = served.sandbox.state.spreadsheets[spreadsheetId]!;
  return structuredClone(book.sheets.map((sheet) => ({ name: sheet.name, values: sheet.values, formulas: sheet.formulas ?? {} })));
}

/** Empties every tab through the REST API (values and formulas; formats stay, as values.batchClear leaves them). */
export async function wipe(served: ServedCil): Promise<void> {
  const google = connect(testRun().ctx, { sandbox: served.server.rootUrl }, []);
  const { data } = await google.sheets.spreadsheets.get({ spreadsheetId: served.spreadsheetId });
  const ranges = (data.sheets ?? []).map((sheet) => `'${sheet.properties!.title!.replace(/'/g, "''")}'!A1:ZZ${sheet.properties!.gridProperties!.rowCount}`);
  await google.sheets.spreadsheets.values.batchClear({ spreadsheetId: served.spreadsheetId, requestBody: { ranges } });
}

/** Requests the server answered since `before`, by method. */
export function requestsSince(served: ServedCil, before: Record<string, number>): Record<string, number> {
  const since: Record<string, number> = {};
  for (const [method, count] of Object.entries(served.server.requests.byMethod)) {
    const n = count - (before[method] ?? 0);
    if (n > 0) since[method] = n;
  }
  return since;
}
