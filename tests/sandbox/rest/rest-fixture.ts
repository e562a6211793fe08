import { google, type drive_v3, type sheets_v4 } from 'googleapis';
import { afterEach } from 'vitest';
import { serveGoogleApis, type GoogleApisOptions, type GoogleApisServer } from '../../../sandbox/src/rest/google-apis-server';
import { createExecutionContext } from '../../../sandbox/src/execution';
import { createSpreadsheetApp } from '../../../sandbox/src/services/spreadsheet-app';
import { emptyWorkspace, type WorkspaceState } from '../../../sandbox/src/workspace';

// The real googleapis clients, pointed at the sandbox's REST APIs on an ephemeral loopback port, as the
// `cil` command line points them.

export interface RestClients {
  server: GoogleApisServer;
  state: WorkspaceState;
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
}

const open: GoogleApisServer[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

export function restWorkspace(): WorkspaceState {
  return emptyWorkspace({ now: new Date('2026-11-27T05:00:00Z') });
}

export async function restClients(state: WorkspaceState = restWorkspace(), options: GoogleApisOptions = {}): Promise<RestClients> {
  const server = await serveGoogleApis(state, options);
  open.push(server);
  const auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: 'sandbox-token' });
  return {
    server,
    state,
    sheets: google.sheets({ version: 'v4', auth, rootUrl: server.rootUrl }),
    drive: google.drive({ version: 'v3', auth, rootUrl: server.rootUrl }),
  };
}

/** What a failed call answered: the HTTP status and Google's JSON error body. */
export async function failure(call: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    await call;
  } catch (error) {
    const response = (error as { response?: { status: number; data: unknown } }).response;
    if (response) return { status: response.status, body: response.data };
    throw error;
  }
  throw new Error('The call succeeded; a failure was expected.');
}

/** googleapis retries idempotent requests on 429 by itself; tests of single answers turn that off. */
export const once = { retry: false } as const;

/** SpreadsheetApp over the same state, as a script would see it (host-side, for arranging and checking). */
export function spreadsheetApp(state: WorkspaceState) {
  return createSpreadsheetApp(createExecutionContext(state, 'rest-test'));
}

/** Sheets' serial number for a wall-clock day: days since 1899-12-30. */
export const serialOfDay = (isoDay: string) => (Date.parse(`${isoDay}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
