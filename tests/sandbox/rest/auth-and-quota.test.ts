import { request } from 'node:http';
import { google } from 'googleapis';
import { describe, expect, it } from 'vitest';
import { failure, once, restClients } from './rest-fixture';

// Who may call, how often, and what the server answers outside the APIs.

const MISSING_CREDENTIAL =
  'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

describe('authentication', () => {
  it("answers 401 without a bearer token, in each API's own error shape", async () => {
    const { server, state } = await restClients();
    const sheets = google.sheets({ version: 'v4', rootUrl: server.rootUrl });
    expect(await failure(sheets.spreadsheets.get({ spreadsheetId: 'any' }, once))).toEqual({
      status: 401,
      body: { error: { code: 401, message: MISSING_CREDENTIAL, status: 'UNAUTHENTICATED' } },
    });
    const drive = await fetch(`${server.rootUrl}drive/v3/files`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(drive.status).toBe(401);
    expect(await drive.json()).toEqual({
      error: {
        code: 401,
        message: MISSING_CREDENTIAL,
        errors: [{ message: 'Login Required.', domain: 'global', reason: 'required', location: 'Authorization', locationType: 'header' }],
        status: 'UNAUTHENTICATED',
      },
    });
    expect(state.drive.items).toHaveProperty('root');
  });

  it("acts as the workspace's user with any bearer token", async () => {
    const { server } = await restClients();
    const answer = await fetch(`${server.rootUrl}drive/v3/files/root?fields=owners(emailAddress,me)`, { headers: { authorization: 'Bearer whatever' } });
    expect(await answer.json()).toEqual({ owners: [{ emailAddress: 'lead@cil-demo.example', me: true }] });
  });
});

describe('the Sheets API per-minute quota', () => {
  it("refuses a read past the minute's quota with Google's 429, counts reads and writes apart, and refills the next minute", async () => {
    let now = Date.UTC(2026, 10, 27, 5, 0, 10);
    const { sheets, drive, server } = await restClients(undefined, { quota: { readsPerMinute: 2, writesPerMinute: 1, clock: () => now } });
    const created = await sheets.spreadsheets.create({ requestBody: { properties: { title: 'Quota' } } }, once);
    const spreadsheetId = created.data.spreadsheetId!;
    const read = () => sheets.spreadsheets.values.get({ spreadsheetId, range: 'A1' }, once);
    await read();
    await read();
    expect(await failure(read())).toEqual({
      status: 429,
      body: {
        error: {
          code: 429,
          message:
            "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.",
          status: 'RESOURCE_EXHAUSTED',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'RATE_LIMIT_EXCEEDED',
              domain: 'googleapis.com',
              metadata: {
                quota_metric: 'sheets.googleapis.com/read_requests',
                quota_limit: 'ReadRequestsPerMinutePerUser',
                quota_limit_value: '2',
                service: 'sheets.googleapis.com',
                consumer: 'projects/000000000000',
              },
            },
          ],
        },
      },
    });
    const write = () => sheets.spreadsheets.values.update({ spreadsheetId, range: 'A1', valueInputOption: 'RAW', requestBody: { values: [['x']] } }, once);
    expect((await failure(write())).body).toMatchObject({ error: { message: expect.stringContaining("limit 'Write requests per minute per user'") } });
    // Drive's quota is not modelled: it keeps answering.
    await drive.files.list({}, once);
    now += 50_000;
    await read();
    await write();
    expect(server.requests).toEqual({
      total: 8,
      byMethod: { 'sheets.spreadsheets.create': 1, 'sheets.spreadsheets.values.get': 4, 'sheets.spreadsheets.values.update': 2, 'drive.files.list': 1 },
      throttled: 2,
    });
  });

  it('allows 60 reads a minute by default, the per-user limit Google documents', async () => {
    const now = Date.UTC(2026, 10, 27, 5, 0, 0);
    const { sheets } = await restClients(undefined, { quota: { clock: () => now, writesPerMinute: 5 } });
    const spreadsheetId = (await sheets.spreadsheets.create({ requestBody: {} }, once)).data.spreadsheetId!;
    for (let i = 0; i < 60; i++) await sheets.spreadsheets.get({ spreadsheetId }, once);
    expect((await failure(sheets.spreadsheets.get({ spreadsheetId }, once))).status).toBe(429);
  });
});

describe('outside the APIs', () => {
  it("answers an address no API serves with Google's HTML 404, and compact JSON when prettyPrint=false", async () => {
    const { server } = await restClients();
    const missing = await fetch(`${server.rootUrl}drive/v3/about?<b>`, { headers: { authorization: 'Bearer t' } });
    expect(missing.status).toBe(404);
    const page = await missing.text();
    expect(page).toContain('The requested URL <code>/drive/v3/about</code> was not found on this server.');
    const compact = await fetch(`${server.rootUrl}drive/v3/files?fields=kind&prettyPrint=false`, { headers: { authorization: 'Bearer t' } });
    expect(await compact.text()).toBe('{"kind":"drive#fileList"}');
    expect(server.requests.byMethod.unknown).toBe(1);
  });

  it('answers only requests addressed to this machine', async () => {
    const { server } = await restClients();
    const { port } = new URL(server.rootUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const sent = request({ host: '127.0.0.1', port, path: '/drive/v3/files', headers: { host: `evil.example:${port}`, authorization: 'Bearer t' } }, (answer) => {
        answer.resume();
        resolve(answer.statusCode ?? 0);
      });
      sent.on('error', reject);
      sent.end();
    });
    expect(status).toBe(421);
  });
});
