import type { ExecutionContext } from '../execution';
import type { AppsScriptBundle } from '../runtime/apps-script-bundle';
import type { SpreadsheetSession } from '../services/spreadsheet/workbook';
import type { WorkspaceState } from '../workspace';

// One REST request as the API methods see it, and what they answer.

export interface RestCall {
  readonly state: WorkspaceState;
  /** For the sandbox's ids, clock and limits, as the Apps Script services use them. */
  readonly ctx: ExecutionContext;
  readonly session: SpreadsheetSession;
  readonly query: URLSearchParams;
  /** The body as sent. */
  readonly raw: Buffer;
  readonly contentType: string;
  /** The Apps Script project scripts.run runs, when the server was given one. */
  readonly bundle: AppsScriptBundle | null;
}

export type RestAnswer =
  | { status: 200; json: unknown; changed: boolean }
  | { status: 200; media: { contentType: string; data: Buffer } };

export const answer = (json: unknown, changed: boolean): RestAnswer => ({ status: 200, json, changed });
