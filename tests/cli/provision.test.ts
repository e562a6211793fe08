/// <reference types="google-apps-script" />
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { oauthScopes } from '../../apps-script/manifest';
import { provision } from '../../cli/src/commands/provision';
import { runCli } from '../../cli/src/main';
import { API_EXECUTABLE_ID } from '../../sandbox/src/rest/apps-script-api';
import { serveGoogleApis, type GoogleApisServer } from '../../sandbox/src/rest/google-apis-server';
import type { Sandbox } from '../../sandbox/src/runtime/sandbox';
import type { WorkspaceState } from '../../sandbox/src/workspace';
import { asLead } from '../apps-script/as-lead';
import { builtBundle, newSandbox, runOk } from '../apps-script/built-bundle';
import { testRun, type TestRun } from './cli-fixture';

// `cil provision` against the sandbox: the Sheets and Drive REST APIs and scripts.run over the built
// bundle, so each CIL is set up by the project's own setUpCil. Run `npm run build:apps-script` first.

const CILS_CSV = [
  'Name,City,Time zone,Lead emails,CfP lead email',
  'CIL Lahore,Lahore,Asia/Karachi,ayesha@example.pk; bilal@example.pk,cfp@example.pk',
  'CIL Karachi,Karachi,,sana@example.pk,cfp@example.pk',
  'CIL Quetta,Quetta,Asia/Karachi,hamid@example.pk zara@example.pk,',
].join('\n');

/** The setUpCil options each line of CILS_CSV becomes. */
const SET_UP_OPTIONS = [
  { name: 'CIL Lahore', city: 'Lahore', timeZone: 'Asia/Karachi', leadEmails: ['ayesha@example.pk', 'bilal@example.pk'], cfpLeadEmail: 'cfp@example.pk' },
  { name: 'CIL Karachi', city: 'Karachi', leadEmails: ['sana@example.pk'], cfpLeadEmail: 'cfp@example.pk' },
  { name: 'CIL Quetta', city: 'Quetta', timeZone: 'Asia/Karachi', leadEmails: ['hamid@example.pk', 'zara@example.pk'] },
];

const servers: GoogleApisServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

interface Workspace {
  sandbox: Sandbox;
  server: GoogleApisServer;
  /** CfP's folder that the CIL folders are made in. */
  parentId: string;
}

async function servedWorkspace(): Promise<Workspace> {
  const sandbox = newSandbox();
  const parentId = asLead(sandbox, () => DriveApp.createFolder('CfP CILs').getId(), []);
  const server = await serveGoogleApis(sandbox.state, { bundle: builtBundle() });
  servers.push(server);
  return { sandbox, server, parentId };
}

/** What went wrong, without the progress lines. */
const problems = (run: TestRun) => run.stderr().replace(/^provision: .*\n/gm, '');

/** `cil provision cils.csv` with the sandbox's deployment id and, unless `options` say otherwise, CfP's folder as parent. */
async function provisionFrom(workspace: Workspace, csv: string, options = ['--parent', workspace.parentId]) {
  const run = testRun();
  writeFileSync(join(run.ctx.cwd, 'cils.csv'), csv);
  const before = { ...workspace.server.requests.byMethod };
  const exit = await runCli(['provision', 'cils.csv', '--sandbox', workspace.server.rootUrl, '--script', API_EXECUTABLE_ID, ...options], run.ctx);
  const requests: Record<string, number> = {};
  for (const [method, count] of Object.entries(workspace.server.requests.byMethod)) {
    if (count > (before[method] ?? 0)) requests[method] = count - (before[method] ?? 0);
  }
  return { run, exit, requests };
}

interface Registered {
  id: string;
  name: string;
  spreadsheetId: string;
  folderId: string;
}

function registry(state: WorkspaceState): Registered[] {
  return Object.entries(state.properties.script)
    .filter(([key]) => key.startsWith('cil:'))
    .map(([, value]) => JSON.parse(value) as Registered)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Names of a folder's tree, each path once, without ids. */
function treeOf(state: WorkspaceState, folderId: string, at = ''): string[] {
  return Object.values(state.drive.items)
    .filter((item) => item.parents.includes(folderId) && !item.trashed)
    .flatMap((item) => [`${at}${item.name}`, ...(item.kind === 'folder' ? treeOf(state, item.id, `${at}${item.name}/`) : [])])
    .sort();
}

/** A CIL's folder tree and spreadsheet as setUpCil made them, with the workspace's own ids left out. */
function cilShape(state: WorkspaceState, cil: Registered) {
  const { sheets, id: _id, nextSheetId: _next, ...book } = structuredClone(state.spreadsheets[cil.spreadsheetId]!);
  const withoutIds = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(withoutIds)
      : value && typeof value === 'object' && !(value instanceof Date)
        ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id' && key !== 'sheetId').map(([key, item]) => [key, withoutIds(item)]))
        : value;
  return { tree: treeOf(state, cil.folderId), book, sheets: withoutIds(sheets) };
}

/** The workspace without what every run changes: the clock, the id counter, the execution log. */
function lasting(state: WorkspaceState) {
  const { clock: _clock, nextId: _nextId, executions: _executions, logs: _logs, ...rest } = structuredClone(state);
  return rest;
}

describe('cil provision', { timeout: 60_000 }, () => {
  it('sets up and registers every CIL of the list through setUpCil, exactly as it sets one up, and shares each folder with its leads', async () => {
    const workspace = await servedWorkspace();
    const { run, exit, requests } = await provisionFrom(workspace, CILS_CSV);
    expect(exit, run.stderr()).toBe(0);
    const state = workspace.sandbox.state;

    const cils = registry(state);
    expect(cils.map((cil) => [cil.id, cil.name])).toEqual([
      ['cil-karachi', 'CIL Karachi'],
      ['cil-lahore', 'CIL Lahore'],
      ['cil-quetta', 'CIL Quetta'],
    ]);
    for (const cil of cils) expect(state.drive.items[cil.folderId]!.parents).toEqual([workspace.parentId]);

    // The same options given to setUpCil directly, in a workspace of its own, make the same CILs.
    const reference = newSandbox();
    const referenceParent = asLead(reference, () => DriveApp.createFolder('CfP CILs').getId(), []);
    for (const options of SET_UP_OPTIONS) runOk(reference, 'setUpCil', [{ ...options, parentFolderId: referenceParent }]);
    const referenceCils = registry(reference.state);
    for (const [i, cil] of cils.entries()) expect(cilShape(state, cil)).toEqual(cilShape(reference.state, referenceCils[i]!));
    expect(cilShape(state, cils[1]!).tree).toContain('CIL Lahore — CIL Hub');

    const leadsOf = (name: string) => state.drive.items[cils.find((cil) => cil.name === name)!.folderId]!.editors;
    expect(leadsOf('CIL Lahore')).toEqual(['ayesha@example.pk', 'bilal@example.pk']);
    expect(leadsOf('CIL Karachi')).toEqual(['sana@example.pk']);
    expect(leadsOf('CIL Quetta')).toEqual(['hamid@example.pk', 'zara@example.pk']);

    const runs = state.executions.filter((e) => e.trigger === 'api');
    expect(runs.map((e) => [e.functionName, e.status])).toEqual(SET_UP_OPTIONS.map(() => ['setUpCil', 'completed']));
    expect(requests).toEqual({ 'drive.files.get': 1, 'script.scripts.run': 3, 'drive.permissions.list': 3, 'drive.permissions.create': 5 });
    const url = (name: string) => `https://docs.google.com/spreadsheets/d/${cils.find((cil) => cil.name === name)!.spreadsheetId}/edit`;
    expect(run.stdout()).toBe(
      [
        `CIL Lahore: set up (cil-lahore, ${url('CIL Lahore')})`,
        '  shared with ayesha@example.pk, bilal@example.pk',
        `CIL Karachi: set up (cil-karachi, ${url('CIL Karachi')})`,
        '  shared with sana@example.pk',
        `CIL Quetta: set up (cil-quetta, ${url('CIL Quetta')})`,
        '  shared with hamid@example.pk, zara@example.pk',
        '  note: Still blank: CfP lead email. Fill it in the Value column of the "Settings" tab.',
        '3 set up, 0 already set up, 0 failed; 5 leads shared.',
        '',
      ].join('\n'),
    );
    expect(problems(run)).toBe('');
    expect(run.stderr()).toContain('provision: CIL Quetta: sharing with its leads\n');
  });

  it('changes nothing when run again, and says so', async () => {
    const workspace = await servedWorkspace();
    expect((await provisionFrom(workspace, CILS_CSV)).exit).toBe(0);
    const before = lasting(workspace.sandbox.state);

    const { run, exit, requests } = await provisionFrom(workspace, CILS_CSV);
    expect(exit, run.stderr()).toBe(0);
    expect(lasting(workspace.sandbox.state)).toEqual(before);
    expect(requests).toEqual({ 'drive.files.get': 1, 'script.scripts.run': 3, 'drive.permissions.list': 3 });
    expect(run.stdout()).toMatch(/^CIL Lahore: already set up, nothing changed \(cil-lahore, https:\/\/docs\.google\.com\/spreadsheets\/d\/\S+\/edit\)\n  already shared with ayesha@example\.pk, bilal@example\.pk\n/);
    expect(run.stdout().match(/already set up, nothing changed/g)).toHaveLength(3);
    expect(run.stdout()).toMatch(/\nNothing changed: all 3 CILs were already set up and shared with their leads\.\n$/);
  });

  it('checks the whole list first: two bad lines are both named with their line numbers, and nothing is done', async () => {
    const workspace = await servedWorkspace();
    const before = lasting(workspace.sandbox.state);
    const csv = [
      'Name,City,Time zone,Lead emails,CfP lead email',
      'CIL Lahore,Lahore,Asia/Karachi,ayesha@example.pk,cfp@example.pk',
      'CIL Karachi,Karachi,,sana@example.pk bilal@,cfp@example.pk',
      ',Quetta,,hamid@example.pk,',
    ].join('\n');
    const { run, exit, requests } = await provisionFrom(workspace, csv);
    expect(exit).toBe(1);
    expect(run.stderr()).toBe(
      [
        'cil: cils.csv has 2 problems; nothing was done. Fix them and run again:',
        '  line 3: Lead emails "bilal@" must be an email address like name@example.org',
        '  line 4: Name is blank',
        '',
      ].join('\n'),
    );
    expect(run.stdout()).toBe('');
    expect(requests).toEqual({});
    expect(lasting(workspace.sandbox.state)).toEqual(before);
    expect(workspace.sandbox.state.executions.filter((e) => e.trigger === 'api')).toEqual([]);
  });

  it('does not share again with a lead who can already edit the folder, and makes a viewer an editor', async () => {
    const workspace = await servedWorkspace();
    // A lead made the Lahore folder by hand before, shared with Ayesha; Zara may only view Quetta's.
    asLead(
      workspace.sandbox,
      (parentId: string) => {
        const parent = DriveApp.getFolderById(parentId);
        parent.createFolder('CIL Lahore').addEditor('ayesha@example.pk');
        parent.createFolder('CIL Quetta').addViewer('zara@example.pk');
      },
      [workspace.parentId],
    );
    const { run, exit, requests } = await provisionFrom(workspace, CILS_CSV);
    expect(exit, run.stderr()).toBe(0);
    expect(requests['drive.permissions.create']).toBe(4);
    expect(run.stdout()).toContain('CIL Lahore: set up (cil-lahore, ');
    expect(run.stdout()).toContain('  shared with bilal@example.pk\n  already shared with ayesha@example.pk\n');
    expect(run.stdout()).toContain('  shared with hamid@example.pk, zara@example.pk\n');
    expect(run.stdout()).toContain('3 set up, 0 already set up, 0 failed; 4 leads shared.');
    const folders = registry(workspace.sandbox.state).map((cil) => workspace.sandbox.state.drive.items[cil.folderId]!);
    expect(folders.map((folder) => [folder.name, folder.editors, folder.viewers])).toEqual([
      ['CIL Karachi', ['sana@example.pk'], []],
      ['CIL Lahore', ['ayesha@example.pk', 'bilal@example.pk'], []],
      ['CIL Quetta', ['hamid@example.pk', 'zara@example.pk'], []],
    ]);
  });

  it("reports a CIL that setUpCil refuses, sets up the others, and exits with 1", async () => {
    const workspace = await servedWorkspace();
    // Karachi's folder already holds its spreadsheet, with a tab whose name clashes with Hours.
    asLead(
      workspace.sandbox,
      (parentId: string) => {
        const book = SpreadsheetApp.create('CIL Karachi — CIL Hub');
        book.insertSheet('hours');
        DriveApp.getFileById(book.getId()).moveTo(DriveApp.getFolderById(parentId).createFolder('CIL Karachi'));
      },
      [workspace.parentId],
    );
    const { run, exit, requests } = await provisionFrom(workspace, CILS_CSV);
    expect(exit).toBe(1);
    expect(run.stdout()).toContain(
      'CIL Karachi (line 3): failed: TabProblem: The tab "hours" must be named exactly "Hours"; rename it. Nothing was changed.\n',
    );
    expect(run.stdout()).toMatch(/^CIL Lahore: set up \(cil-lahore, /);
    expect(run.stdout()).toContain('\nCIL Quetta: set up (cil-quetta, ');
    expect(run.stdout()).toMatch(/\n2 set up, 0 already set up, 1 failed; 4 leads shared\.\n$/);
    expect(registry(workspace.sandbox.state).map((cil) => cil.name)).toEqual(['CIL Lahore', 'CIL Quetta']);
    expect(requests['drive.permissions.list']).toBe(2);
  });

  it('stops at the first refusal of scripts.run itself, naming what to check, with every CIL not attempted', async () => {
    const workspace = await servedWorkspace();
    const run = testRun();
    writeFileSync(join(run.ctx.cwd, 'cils.csv'), CILS_CSV);
    const exit = await runCli(['provision', 'cils.csv', '--sandbox', workspace.server.rootUrl, '--script', 'AKfycbNotTheDeployment'], run.ctx);
    expect(exit).toBe(1);
    expect(problems(run)).toBe(
      "cil: The Apps Script API refused to run setUpCil (404 NOT_FOUND: Requested entity was not found.); check that --script is the Deployment ID of the project's API executable deployment (Deploy › Manage deployments), not the script ID, and that this deployment still exists.\n",
    );
    expect(run.stdout()).toBe(
      'CIL Lahore (line 2): not attempted\nCIL Karachi (line 3): not attempted\nCIL Quetta (line 4): not attempted\n0 set up, 0 already set up, 0 failed, 3 not attempted; 0 leads shared.\n',
    );
    expect(workspace.server.requests.byMethod['script.scripts.run']).toBe(1);
  });

  it('says in a dry run what it would do, reading Drive only', async () => {
    const workspace = await servedWorkspace();
    asLead(workspace.sandbox, (parentId: string) => DriveApp.getFolderById(parentId).createFolder('CIL Lahore').addEditor('ayesha@example.pk').getId(), [workspace.parentId]);
    const before = lasting(workspace.sandbox.state);
    const run = testRun();
    writeFileSync(join(run.ctx.cwd, 'cils.csv'), CILS_CSV);
    const exit = await runCli(['provision', 'cils.csv', '--dry-run', '--sandbox', workspace.server.rootUrl, '--parent', workspace.parentId], run.ctx);
    expect(exit, run.stderr()).toBe(0);
    const lahore = Object.values(workspace.sandbox.state.drive.items).find((item) => item.name === 'CIL Lahore')!;
    expect(run.stdout()).toBe(
      [
        'Dry run: nothing was changed. 3 CILs listed, every line valid.',
        `CIL Lahore: folder "CIL Lahore" is there (${lahore.id}): setUpCil would adopt it and make only what is missing`,
        '  would share with bilal@example.pk',
        '  already shared with ayesha@example.pk',
        'CIL Karachi: would be set up in a new folder "CIL Karachi", unless the deployment has it registered elsewhere',
        '  would share with sana@example.pk',
        'CIL Quetta: would be set up in a new folder "CIL Quetta", unless the deployment has it registered elsewhere',
        '  would share with hamid@example.pk, zara@example.pk',
        '',
      ].join('\n'),
    );
    expect(lasting(workspace.sandbox.state)).toEqual(before);
    expect(workspace.server.requests.byMethod['script.scripts.run']).toBeUndefined();
  });

  it('refuses a parent that is not a folder and a run without the deployment id, before doing anything', async () => {
    const workspace = await servedWorkspace();
    const sheetId = asLead(workspace.sandbox, () => SpreadsheetApp.create('Not a folder').getId(), []);
    const notFolder = await provisionFrom(workspace, CILS_CSV, ['--parent', sheetId]);
    expect(notFolder.exit).toBe(1);
    expect(problems(notFolder.run)).toBe(`cil: --parent "Not a folder" (${sheetId}) is not a folder (it is application/vnd.google-apps.spreadsheet); nothing was done.\n`);
    expect(notFolder.requests).toEqual({ 'drive.files.get': 1 });

    const run = testRun();
    expect(await runCli(['provision', 'cils.csv', '--sandbox', workspace.server.rootUrl], run.ctx)).toBe(2);
    expect(problems(run)).toBe("cil: cil provision needs --script ID (or CIL_SCRIPT_ID), the Deployment ID of the CIL Hub project's API executable deployment.\n");
  });

  it("asks for the script's own scopes, as the Apps Script API requires", () => {
    expect(provision.scopes).toEqual(oauthScopes);
  });
});
