import type { Settings } from '../../../shared/records/settings';
import { findCil, type RegisteredCil } from '../cil-registry';
import { readCilSettings } from '../records/settings';

export interface OpenCil {
  registered: RegisteredCil;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  settings: Settings;
}

/** A CIL this deployment serves, with its spreadsheet open and its settings read; null when unknown. */
export function openCil(cilId: string): OpenCil | null {
  const registered = findCil(cilId);
  if (!registered) return null;
  const spreadsheet = SpreadsheetApp.openById(registered.spreadsheetId);
  return { registered, spreadsheet, settings: readCilSettings(spreadsheet) };
}
