import { afterEach, describe, expect, it } from 'vitest';
import { oauthScopes } from '../../apps-script/manifest';
import { accountabilityTab } from '../../shared/records/accountability';
import { rollup } from '../../cli/src/commands/rollup';
import { runCli } from '../../cli/src/main';
import { API_EXECUTABLE_ID } from '../../sandbox/src/rest/apps-script-api';
import { serveGoogleApis, type GoogleApisServer } from '../../sandbox/src/rest/google-apis-server';
import { builtBundle, runOk } from '../apps-script/built-bundle';
import { recordsOf, workspaceOf } from '../apps-script/daily-run-fixture';
import { deleteColumn, LAGGING_NAME, NATIONAL_LEAD, setUpNational, setUpThreeCils, tabRows, type ThreeCils } from '../apps-script/rollup/rollup-fixture';
import { testRun } from './cli-fixture';

// `cil rollup` against the sandbox: scripts.run over the built bundle, on three CILs set up as leads
// would, one of them falling behind (rollup-fixture.ts). The figures themselves are tested with the
// bundle (tests/apps-script/rollup/); here, that the command runs the same rollup, and that what it
// prints comes from the rollup's result. Run `npm run build:apps-script` first.

interface RollupResult {
  spreadsheetId: string;
  spreadsheetUrl: string;
  rolledUp: { cilId: string; name: string }[];
  fallingBehind: { cilId: string; name: string; quarter: string; reasons: string[]; checkIn: { eventId: string; status: string; by: string; proposedNow: boolean } | null }[];
  notRead: { cilId: string; name: string; problem: string }[];
  rows: { updated: number; added: number };
  email: { to: string[]; subject: string; mail: string } | null;
}

const QUARTER_ROWS = 'By CIL and quarter';

const servers: GoogleApisServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

interface Served {
  cils: ThreeCils;
  server: GoogleApisServer;
}

async function servedCils(): Promise<Served> {
  const cils = setUpThreeCils();
  const server = await serveGoogleApis(cils.sandbox.state, { bundle: builtBundle() });
  servers.push(server);
  return { cils, server };
}

/** `cil rollup` with the sandbox and its deployment, and the requests it made. */
async function cilRollup(served: Served, args: string[] = []) {
  const run = testRun();
  const before = { ...served.server.requests.byMethod };
  const exit = await runCli(['rollup', '--sandbox', served.server.rootUrl, '--script', API_EXECUTABLE_ID, ...args], run.ctx);
  const requests: Record<string, number> = {};
  for (const [method, count] of Object.entries(served.server.requests.byMethod)) {
    if (count > (before[method] ?? 0)) requests[method] = count - (before[method] ?? 0);
  }
  return { run, exit, requests, problems: run.stderr().replace(/^rollup: .*\n/gm, '') };
}

const setUpArgs = (cils: ThreeCils) => ['--set-up', '--cfp-lead', NATIONAL_LEAD, '--folder', cils.folderId];

/** The national spreadsheet's id, as setUpNationalRollup recorded it. */
const nationalIdOf = (cils: ThreeCils) => (JSON.parse(cils.sandbox.state.properties.script['rollup:national']!) as { spreadsheetId: string }).spreadsheetId;

/** The same three CILs rolled up by the bundle directly: what `cil rollup` should have run. */
function reference(): { cils: ThreeCils; result: RollupResult } {
  const cils = setUpThreeCils();
  setUpNational(cils);
  return { cils, result: runOk<RollupResult>(cils.sandbox, 'runNationalRollup') };
}

/** A result with its log rows' ids (random) and the national spreadsheet's own id left out. */
function withoutIds(result: RollupResult) {
  const { spreadsheetId: _id, spreadsheetUrl: _url, ...rest } = result;
  return { ...rest, fallingBehind: rest.fallingBehind.map((cil) => ({ ...cil, checkIn: cil.checkIn && { ...cil.checkIn, eventId: 'an id' } })) };
}

const mentorCheckIns = (cils: ThreeCils) => recordsOf(cils.sandbox, cils.lagging.spreadsheetId, accountabilityTab).filter((event) => event.kind === 'mentor check-in');

describe('cil rollup', { timeout: 60_000 }, () => {
  it('sets up the national rollup and rolls every CIL up as the bundle does, printing what its result says', async () => {
    const served = await servedCils();
    const { cils } = served;
    const { run, exit, requests, problems } = await cilRollup(served, setUpArgs(cils));
    expect(exit, run.stderr()).toBe(0);
    expect(problems).toBe('');
    expect(requests).toEqual({ 'script.scripts.run': 2 });
    expect(cils.sandbox.state.executions.filter((e) => e.trigger === 'api').map((e) => [e.functionName, e.status])).toEqual([
      ['setUpNationalRollup', 'completed'],
      ['runNationalRollup', 'completed'],
    ]);

    // The national spreadsheet in CfP's folder, with the rows the bundle writes for the same CILs.
    const nationalId = nationalIdOf(cils);
    expect(cils.sandbox.state.drive.items[nationalId]).toMatchObject({ name: 'CIL Hub — national rollup', parents: [cils.folderId] });
    const expected = reference();
    const expectedId = nationalIdOf(expected.cils);
    expect(tabRows(cils.sandbox, nationalId, QUARTER_ROWS)).toHaveLength(9);
    expect(tabRows(cils.sandbox, nationalId, QUARTER_ROWS)).toEqual(tabRows(expected.cils.sandbox, expectedId, QUARTER_ROWS));
    expect(tabRows(cils.sandbox, nationalId, 'Trend')).toEqual(tabRows(expected.cils.sandbox, expectedId, 'Trend'));
    const [check, ...more] = mentorCheckIns(cils);
    expect(more).toEqual([]);
    expect(cils.sandbox.state.mail.outbox.map((mail) => mail.to)).toEqual([[NATIONAL_LEAD]]);

    const [lagging] = expected.result.fallingBehind;
    expect(lagging!.name).toBe(LAGGING_NAME);
    expect(run.stdout()).toBe(
      [
        `Set up the national rollup (CfP lead ${NATIONAL_LEAD}): made spreadsheet "CIL Hub — national rollup", tab "By CIL and quarter", tab "Falling behind", tab "Trend", setting.`,
        `National rollup: https://docs.google.com/spreadsheets/d/${nationalId}/edit`,
        `3 CILs rolled up: ${expected.result.rolledUp.map((cil) => cil.name).join(', ')}.`,
        `Rows by CIL and quarter: ${expected.result.rows.added} added, ${expected.result.rows.updated} updated.`,
        '1 CIL falling behind:',
        `  ${LAGGING_NAME} (${cils.lagging.cilId}, 2026-Q4)`,
        ...lagging!.reasons.map((reason) => `    - ${reason}`),
        `    mentor check-in: proposed now to the CfP lead (${check!.id}, sent, by national rollup)`,
        `1 new mentor check-in. Email to the CfP lead (${NATIONAL_LEAD}): sent, "${expected.result.email!.subject}".`,
        '',
      ].join('\n'),
    );
  });

  it('prints the raw result with --json, and a second run reports no new check-ins and changes nothing', async () => {
    const served = await servedCils();
    const { cils } = served;
    const first = await cilRollup(served, [...setUpArgs(cils), '--json']);
    expect(first.exit, first.run.stderr()).toBe(0);
    const result = JSON.parse(first.run.stdout()) as RollupResult;
    expect(withoutIds(result)).toEqual(withoutIds(reference().result));
    expect(result.fallingBehind[0]!.checkIn!.eventId).toBe(mentorCheckIns(cils)[0]!.id);
    // With --json, stdout is the result alone; the set-up is told on stderr.
    expect(first.problems).toMatch(/^Set up the national rollup \(CfP lead national\.lead@codeforpakistan\.example\): made spreadsheet /);

    const before = workspaceOf(cils.sandbox);
    const second = await cilRollup(served);
    expect(second.exit, second.run.stderr()).toBe(0);
    expect(workspaceOf(cils.sandbox)).toEqual(before);
    expect(second.requests).toEqual({ 'script.scripts.run': 1 });
    const out = second.run.stdout();
    expect(out).toContain('\nRows by CIL and quarter: 0 added, 9 updated.\n');
    expect(out).toContain(`\n    mentor check-in: already proposed this quarter (${result.fallingBehind[0]!.checkIn!.eventId}, sent, by national rollup)\n`);
    expect(out).toMatch(/\nNo new mentor check-ins, so no email to the CfP lead\.\n$/);
    expect(cils.sandbox.state.mail.outbox).toHaveLength(1);

    // --set-up again adopts what is there.
    const again = await cilRollup(served, setUpArgs(cils));
    expect(again.exit).toBe(0);
    expect(again.run.stdout()).toMatch(/^The national rollup was already set up; nothing changed \(CfP lead national\.lead@codeforpakistan\.example\)\.\nNational rollup: /);
  });

  it('lists a CIL it could not read with why, rolls the others up, and exits with 1', async () => {
    const served = await servedCils();
    const { cils } = served;
    expect((await cilRollup(served, setUpArgs(cils))).exit).toBe(0);
    deleteColumn(cils.sandbox, cils.karachi.spreadsheetId, 'Hours', 'Hours');
    const { run, exit, problems } = await cilRollup(served);
    expect(exit).toBe(1);
    expect(problems).toBe('');
    expect(run.stdout()).toContain(`\n2 CILs rolled up: ${LAGGING_NAME}, CIL Lahore.\nRows by CIL and quarter: 0 added, 6 updated.\n`);
    expect(run.stdout()).toContain(
      `\n1 CIL not read, so not rolled up (their last rows are kept):\n  CIL Karachi (${cils.karachi.cilId}): The "Hours" tab has no "Hours" column; add it to the header row.\n`,
    );
  });

  it('says to run --set-up when the rollup is not set up, in one line, changing nothing', async () => {
    const served = await servedCils();
    const before = workspaceOf(served.cils.sandbox);
    const { run, exit, problems } = await cilRollup(served);
    expect(exit).toBe(1);
    expect(problems).toBe(
      "cil: The national rollup is not set up: run `cil rollup --set-up --cfp-lead EMAIL` first (with --folder FOLDER for CfP's Drive folder). Nothing was changed.\n",
    );
    expect(run.stdout()).toBe('');
    expect(workspaceOf(served.cils.sandbox)).toEqual(before);
  });

  it('reports a rollup the script refuses in one line, saying what to run', async () => {
    const served = await servedCils();
    const { cils } = served;
    expect((await cilRollup(served, setUpArgs(cils))).exit).toBe(0);
    deleteColumn(cils.sandbox, nationalIdOf(cils), QUARTER_ROWS, 'Quarter');
    const { run, exit, problems } = await cilRollup(served);
    expect(exit).toBe(1);
    expect(problems).toBe(
      'cil: The national rollup failed: The "By CIL and quarter" tab has no "Quarter" column; add it to the header row. Run `cil rollup --set-up --cfp-lead EMAIL` again to restore it.\n',
    );
    expect(run.stdout()).toBe('');
  });

  it('reports a set-up the script refuses in one line naming the flag, and does not roll up', async () => {
    const served = await servedCils();
    const { run, exit, problems, requests } = await cilRollup(served, ['--set-up', '--cfp-lead', 'the CfP lead']);
    expect(exit).toBe(1);
    expect(problems).toBe('cil: Cannot set up the national rollup: --cfp-lead must be an email address like name@example.org. Nothing was changed.\n');
    expect(run.stdout()).toBe('');
    expect(requests).toEqual({ 'script.scripts.run': 1 });
  });

  it('stops at a refusal of scripts.run itself, naming what to check', async () => {
    const served = await servedCils();
    const run = testRun();
    const exit = await runCli(['rollup', '--sandbox', served.server.rootUrl, '--script', 'AKfycbNotTheDeployment'], run.ctx);
    expect(exit).toBe(1);
    expect(run.stderr().replace(/^rollup: .*\n/gm, '')).toBe(
      "cil: The Apps Script API refused to run runNationalRollup (404 NOT_FOUND: Requested entity was not found.); check that --script is the Deployment ID of the project's API executable deployment (Deploy › Manage deployments), not the script ID, and that this deployment still exists.\n",
    );
  });

  it.each([
    { args: ['--set-up', '--cfp-lead', NATIONAL_LEAD], script: false, error: "cil rollup needs --script ID (or CIL_SCRIPT_ID), the Deployment ID of the CIL Hub project's API executable deployment." },
    { args: ['--cfp-lead', NATIONAL_LEAD], script: true, error: '--cfp-lead and --folder go with --set-up; see cil rollup --help.' },
    { args: ['--set-up', '--folder', '1CfPFolder0000000'], script: true, error: 'cil rollup --set-up needs --cfp-lead EMAIL, the CfP lead to propose mentor check-ins to.' },
    { args: ['everything'], script: true, error: 'cil rollup takes no arguments; see cil rollup --help.' },
  ])('refuses $args before any request', async ({ args, script, error }) => {
    const run = testRun();
    const exit = await runCli(['rollup', '--sandbox', 'http://127.0.0.1:9/', ...(script ? ['--script', API_EXECUTABLE_ID] : []), ...args], run.ctx);
    expect(exit).toBe(2);
    expect(run.stderr()).toBe(`cil: ${error}\n`);
  });

  it("asks for the script's own scopes, as the Apps Script API requires", () => {
    expect(rollup.scopes).toEqual(oauthScopes);
  });
});
