import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { google } from 'googleapis';
import { expect, it } from 'vitest';
import { loadWorkspace } from '../../../sandbox/src/state-file';
import { serveProcess } from '../serve-process';

// `cil-sandbox serve` answers the REST APIs on its own port, beside the UI and the web app, and saves
// what REST writes to the state file as it saves the UI's changes.

const bin = fileURLToPath(new URL('../../../sandbox/bin/cil-sandbox.js', import.meta.url));
const bundle = fileURLToPath(new URL('../fixtures/service-tour.js', import.meta.url));

it('serve answers Sheets and Drive REST at the printed googleApis address and saves REST writes', async () => {
  const state = join(mkdtempSync(join(tmpdir(), 'cil-rest-')), 'state.json');
  const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args, '--state', state, '--bundle', bundle], { encoding: 'utf8' });
  cli('demo', '--now', '2026-11-27T05:00:00Z');
  expect(cli('call', 'writeAndRead').status).toBe(0);
  const started = await serveProcess(state, bundle);
  expect(started.googleApis).toBe(started.ui);
  const auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: 'sandbox-token' });
  const drive = google.drive({ version: 'v3', auth, rootUrl: started.googleApis });
  const sheets = google.sheets({ version: 'v4', auth, rootUrl: started.googleApis });
  const found = await drive.files.list({ q: "name = 'Tour' and trashed = false", fields: 'files(id)' });
  const spreadsheetId = found.data.files![0]!.id!;
  const first = (await sheets.spreadsheets.get({ spreadsheetId })).data.sheets![0]!.properties!.title!;
  expect((await sheets.spreadsheets.values.get({ spreadsheetId, range: `${first}!A1:A2` })).data.values).toEqual([['Name'], ['Ayesha']]);
  await sheets.spreadsheets.values.update({ spreadsheetId, range: `${first}!A3`, valueInputOption: 'RAW', requestBody: { values: [['Bilal']] } });
  const saved = loadWorkspace(state)!;
  expect(saved.spreadsheets[spreadsheetId]!.sheets[0]!.values[2]![0]).toBe('Bilal');
  // The UI still answers on the same port.
  expect((await fetch(started.ui)).status).toBe(200);
});
