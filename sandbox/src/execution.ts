import type { WorkspaceState } from './workspace';

/** Counts what one execution asks of Google, for the benchmarks (`npm run bench`). */
export interface ExecutionMeter {
  serviceCalls: number;
  callsByMethod: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
}

/** Published quotas (developers.google.com/apps-script/guides/services/quotas), per account type. */
export interface Quotas {
  mailRecipientsPerDay: number;
  recipientsPerMessage: number;
  triggersPerUserPerScript: number;
  propertyValueBytes: number;
  propertyStoreBytes: number;
  cacheValueBytes: number;
  cellsPerSpreadsheet: number;
  executionMillis: number;
  /** A Workspace add-on's homepage, contextual trigger or card action: 30 s, not 6 minutes. */
  addOnExecutionMillis: number;
}

export const quotasFor = (accountType: 'consumer' | 'workspace'): Quotas => ({
  mailRecipientsPerDay: accountType === 'consumer' ? 100 : 1500,
  recipientsPerMessage: 50,
  triggersPerUserPerScript: 20,
  propertyValueBytes: 9 * 1024,
  propertyStoreBytes: 500 * 1024,
  cacheValueBytes: 100 * 1024,
  cellsPerSpreadsheet: 10_000_000,
  executionMillis: 6 * 60 * 1000,
  addOnExecutionMillis: 30 * 1000,
});

/** What every service sees of the execution it serves. */
export interface ExecutionContext {
  readonly state: WorkspaceState;
  readonly executionId: string;
  readonly meter: ExecutionMeter;
  readonly quotas: Quotas;
  /** The simulated clock: the only time any service or the script sees. */
  now(): Date;
  /** Moves the simulated clock forward (Utilities.sleep, waiting for a lock). */
  advance(millis: number): void;
  /** Ids the sandbox makes itself: deterministic for a given state, so runs are reproducible. */
  newId(prefix: string): string;
  log(level: 'log' | 'info' | 'warn' | 'error', message: string): void;
  /** The spreadsheet a container-bound execution runs in (menu, onOpen, sidebar); null for web app and trigger runs. */
  readonly activeSpreadsheetId: string | null;
  /** Whether SpreadsheetApp.getUi() is available: only when a person has the spreadsheet open. */
  readonly hasUi: boolean;
  /** A web app request from someone the script may not identify (an anonymous caller). */
  readonly anonymousCaller: boolean;
  /** Scripted answers for ui.alert/prompt in this execution, first in first out; default OK / empty text. */
  readonly uiResponses: { button: string; text?: string }[];
}

export function newMeter(): ExecutionMeter {
  return { serviceCalls: 0, callsByMethod: {}, cellsRead: 0, cellsWritten: 0 };
}

export interface ExecutionSurface {
  /** FULL for web app, trigger and menu runs; LIMITED for simple triggers such as onOpen; NONE before authorization. */
  authMode?: 'FULL' | 'LIMITED' | 'NONE';
  activeSpreadsheetId?: string | null;
  hasUi?: boolean;
  anonymousCaller?: boolean;
  uiResponses?: { button: string; text?: string }[];
}

export function createExecutionContext(
  state: WorkspaceState,
  executionId: string,
  surface: ExecutionSurface = {},
): ExecutionContext {
  const quotas = quotasFor(state.user.accountType);
  return {
    state,
    executionId,
    activeSpreadsheetId: surface.activeSpreadsheetId ?? null,
    hasUi: surface.hasUi ?? false,
    anonymousCaller: surface.anonymousCaller ?? false,
    uiResponses: [...(surface.uiResponses ?? [])],
    meter: newMeter(),
    quotas,
    now: () => new Date(state.clock.getTime()),
    advance(millis) {
      state.clock = new Date(state.clock.getTime() + Math.max(0, millis));
    },
    newId(prefix) {
      const n = state.nextId++;
      return `${prefix}${n.toString(36).padStart(6, '0')}`;
    },
    log(level, message) {
      state.logs.push({ at: new Date(state.clock.getTime()), execution: executionId, level, message });
    },
  };
}
