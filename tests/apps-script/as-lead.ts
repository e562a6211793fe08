/// <reference types="google-apps-script" />
import vm from 'node:vm';
import type { AppsScriptBundle } from '../../sandbox/src/runtime/apps-script-bundle';
import { Sandbox, type RunOptions } from '../../sandbox/src/runtime/sandbox';

// What a lead does by hand in Drive and Sheets (make a folder, move a column, type rows), played as a
// small script of its own against the same workspace, so every edit goes through the sandbox's model
// of Google (a deleted column takes its dropdown with it, an inserted one shifts the rest) rather than
// through hand-made state.

/**
 * Runs `edit` (a self-contained function: it sees only the Google services and its arguments) in the
 * sandbox's workspace, and returns what it returned.
 */
export function asLead<Args extends unknown[], T>(sandbox: Sandbox, edit: (...args: Args) => T, args: Args, options: RunOptions = {}): T {
  const bundle: AppsScriptBundle = {
    path: 'lead-edit.js',
    script: new vm.Script(`var leadEdit = ${edit.toString()};`, { filename: 'lead-edit.js' }),
    entryPoints: ['leadEdit'],
    manifest: null,
  };
  const result = new Sandbox(sandbox.state, bundle).run('leadEdit', args, options);
  if (result.error !== null) throw new Error(`The lead's edit failed: ${result.error}`);
  return result.value as T;
}

/** The sheet's cells in the workspace, for a test to look at (not through a script). */
export function sheetState(sandbox: Sandbox, spreadsheetId: string, name: string) {
  const sheet = sandbox.state.spreadsheets[spreadsheetId]?.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`No tab "${name}" in spreadsheet ${spreadsheetId}`);
  return sheet;
}

/** Drive and the spreadsheets as they are now, to compare with later. */
export function snapshot(sandbox: Sandbox) {
  return structuredClone({ drive: sandbox.state.drive, spreadsheets: sandbox.state.spreadsheets, properties: sandbox.state.properties });
}
