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

/** How each API words a body that is not a JSON object (rest-errors.ts). */
export interface BodyErrors {
  invalidJson(detail: string): Error;
  bodyNotObject(): Error;
}

/** The request body as a JSON object ({} when empty), refused in the API's own words otherwise. */
export function jsonBody(raw: Buffer, errors: BodyErrors): Record<string, unknown> {
  if (raw.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw errors.invalidJson((error as Error).message);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw errors.bodyNotObject();
  return parsed as Record<string, unknown>;
}
