/// <reference types="google-apps-script" />
import vm from 'node:vm';
import { cellsFromRecord, readHeader } from '../shared/records/row-codec';
import type { TabDefinition, TabRecord } from '../shared/records/tab';
import type { AppsScriptBundle } from '../sandbox/src/runtime/apps-script-bundle';
import { Sandbox } from '../sandbox/src/runtime/sandbox';

// Filling a CIL with history for the benchmarks: rows go in as a lead's paste would, one setValues a
// tab, through the sandbox's SpreadsheetApp (so its grid, limits and counting apply), as a tiny script
// of its own rather than through CIL Hub's bundle.

function asScript<Args extends unknown[]>(sandbox: Sandbox, edit: (...args: Args) => void, args: Args): void {
  const bundle: AppsScriptBundle = {
    path: 'bench-edit.js',
    script: new vm.Script(`var benchEdit = ${edit.toString()};`, { filename: 'bench-edit.js' }),
    entryPoints: ['benchEdit'],
    manifest: null,
  };
  const result = new Sandbox(sandbox.state, bundle).run('benchEdit', args);
  if (result.error !== null) throw new Error(`Filling the CIL failed: ${result.error}`);
}

/** Appends `records` to the tab in one write, with the cells the shared codec makes in `timeZone`. */
export function pasteRecords<Tab extends TabDefinition>(
  sandbox: Sandbox,
  spreadsheetId: string,
  tab: Tab,
  records: readonly TabRecord<Tab>[],
  timeZone: string,
): void {
  if (records.length === 0) return;
  const sheet = sandbox.state.spreadsheets[spreadsheetId]!.sheets.find((s) => s.name === tab.name)!;
  const header = readHeader(tab, sheet.values[0] ?? []);
  if (!header.ok) throw new Error(header.message);
  const rows = records.map((record) => cellsFromRecord(tab, header.index, record, { timeZone }));
  asScript(
    sandbox,
    (id: string, name: string, cells: unknown[][]) => {
      const target = SpreadsheetApp.openById(id).getSheetByName(name)!;
      const needed = target.getLastRow() + cells.length;
      if (needed > target.getMaxRows()) target.insertRowsAfter(target.getMaxRows(), needed - target.getMaxRows());
      target.getRange(target.getLastRow() + 1, 1, cells.length, cells[0]!.length).setValues(cells);
    },
    [spreadsheetId, tab.name, rows],
  );
}
