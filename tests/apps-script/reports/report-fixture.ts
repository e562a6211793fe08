/// <reference types="google-apps-script" />
import type { DocumentElementState, DriveItemState } from '../../../sandbox/src/workspace';
import type { ExecutionResult, Sandbox } from '../../../sandbox/src/runtime/sandbox';
import { asLead } from '../as-lead';
import type { GenerateReportResult, GeneratedReport } from '../../../apps-script/src/reports/generate-report';
import { setUpDemo, type Demo } from '../daily-run-fixture';

// The demo CIL as the report tests see it (Friday 27 Nov 2026, 10:00 in Karachi), and what a lead
// sees of the Docs CIL Hub writes: each body child as a line, a table row as its cells joined by " | ".

export { setUpDemo, type Demo };

/** What generateReport answers, as the bundle gives it back. */
export type { GeneratedReport as Generated, GenerateReportResult as GenerateAnswer } from '../../../apps-script/src/reports/generate-report';

export function generate(demo: Demo, request: Record<string, unknown>): { answer: GenerateReportResult; run: ExecutionResult } {
  const run = demo.sandbox.run('generateReport', [{ cilId: demo.cilId, ...request }]);
  if (run.error !== null) throw new Error(`generateReport threw: ${run.error}`);
  return { answer: run.value as GenerateReportResult, run };
}

export function generated(demo: Demo, request: Record<string, unknown>): GeneratedReport {
  const { answer } = generate(demo, request);
  if (!answer.ok) throw new Error(`generateReport refused: ${answer.message}`);
  return answer;
}

/** The id in a Docs or Drive link. */
export const idOf = (url: string) => /\/(?:d|folders)\/([A-Za-z0-9_-]+)/.exec(url)![1]!;

function lineOf(node: DocumentElementState): string[] {
  switch (node.type) {
    case 'paragraph':
    case 'listItem':
      return [node.text];
    case 'table':
      return node.rows.map((row) => row.join(' | '));
    default:
      return [''];
  }
}

/** The Doc's text, one line per paragraph and per table row. */
export function docLines(sandbox: Sandbox, docId: string): string[] {
  const doc = sandbox.state.documents[docId];
  if (!doc) throw new Error(`No document ${docId}`);
  return doc.body.flatMap(lineOf);
}

/** What a folder holds, not counting the trash. */
export function itemsIn(sandbox: Sandbox, folderId: string): DriveItemState[] {
  return Object.values(sandbox.state.drive.items).filter((item) => item.parents.includes(folderId) && !item.trashed);
}

export function itemNamed(sandbox: Sandbox, folderId: string, name: string): DriveItemState {
  const item = itemsIn(sandbox, folderId).find((candidate) => candidate.name === name);
  if (!item) throw new Error(`No "${name}" in folder ${folderId}`);
  return item;
}

/** The CIL's Templates folder and the template of a report, by its title. */
export function templateOf(demo: Demo, title: string): DriveItemState {
  const registered = JSON.parse(demo.sandbox.state.properties.script[`cil:${demo.cilId}`]!) as { folderId: string };
  return itemNamed(demo.sandbox, itemNamed(demo.sandbox, registered.folderId, 'Templates').id, `${title} (template)`);
}

/** A lead types a row into a tab, each value under its header (headers not given stay blank). */
export function appendRow(demo: Demo, tabName: string, values: Record<string, string | number>): void {
  asLead(
    demo.sandbox,
    (spreadsheetId: string, name: string, byHeader: Record<string, string | number>) => {
      const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName(name)!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
      sheet.getRange(sheet.getLastRow() + 1, 1, 1, header.length).setValues([header.map((cell) => byHeader[String(cell)] ?? '')]);
    },
    [demo.spreadsheetId, tabName, values],
  );
}
