import { z } from '../../../shared/zod';
import { isBlankCell, unmarkText, type Cell } from '../../../shared/records/cells';
import { column } from '../../../shared/records/columns';
import {
  readSettings,
  settingColumns,
  settingsRows,
  settingsSchema,
  SETTING_HEADER,
  SETTINGS_TAB_NAME,
  VALUE_HEADER,
  type Settings,
} from '../../../shared/records/settings';
import { defineTab, headerKey, type ColumnDefinition } from '../../../shared/records/tab';
import { dropdownRule, isDropdownOf } from './column-rules';
import type { TabWork } from './cil-spreadsheet';
import type { SetupReport } from './setup-report';

/**
 * The Settings tab seen as a table of two columns, so that setup checks, freezes and protects its
 * header like any other tab's. Each value has its setting's own kind (settings.ts reads it); 'text'
 * here only means the column gets no dropdown and no date format.
 */
export const settingsTab = defineTab(
  SETTINGS_TAB_NAME,
  z.object({ setting: column.text(SETTING_HEADER), value: column.text(VALUE_HEADER) }),
);

/** What setup was told: the CIL's name always, the other settings when the caller gave them. */
export type GivenSettings = Pick<Settings, 'cilName'> & Partial<Pick<Settings, 'city' | 'timeZone' | 'leadEmails' | 'cfpLeadEmail'>>;

export interface SettingsWork {
  /** Settings the tab lacks, as rows to add below its last row, as wide as its header. */
  rows: Cell[][];
  /** Blank values of settings setup was given, by 1-based row. */
  fills: { row: number; cell: Cell }[];
  /** The labels of the settings added or filled, for the report. */
  labels: string[];
  lastRow: number;
  width: number;
  /** 1-based. */
  valueColumn: number;
  /** The Value cells of choice settings (Mode), by 1-based row, which get a dropdown of their options. */
  choices: { row: number; setting: ColumnDefinition }[];
  /** The settings as the tab will read once the work is done. */
  settings: Settings;
  /** A new tab's settings are all new: the report names only those added to an existing tab. */
  tabExisted: boolean;
}

/**
 * Adds the settings the tab lacks and fills blank ones that setup was given; a value a lead typed is
 * never overwritten. `values` is the tab's cells (header first), or [] for a new or empty tab. A
 * result that would not read (a lead's bad time zone, a setting twice) is a problem naming the setting.
 */
export function planSettings(
  work: TabWork,
  values: readonly (readonly unknown[])[],
  given: GivenSettings,
): { ok: true; work: SettingsWork } | { ok: false; problem: string } {
  const header = [...work.header, ...work.append.map((c) => c.header)];
  const labelAt = work.positions.get('setting')!;
  const valueAt = work.positions.get('value')!;
  const cells = settingsRows(settingsSchema.parse(given)).slice(1);
  const merged: unknown[][] = [header, ...values.slice(1).map((row) => [...row])];
  const rows: Cell[][] = [];
  const fills: SettingsWork['fills'] = [];
  const labels: string[] = [];
  settingColumns.forEach((setting, i) => {
    const cell = cells[i]![1]!;
    const at = merged.findIndex((row, r) => r > 0 && headerKey(row[labelAt]) === headerKey(setting.header));
    if (at < 0) {
      const row: Cell[] = header.map(() => '');
      row[labelAt] = setting.header;
      row[valueAt] = cell;
      rows.push(row);
      merged.push(row);
      labels.push(setting.header);
    } else if (isBlankCell(merged[at]![valueAt]) && !isBlankCell(cell) && given[setting.key as keyof GivenSettings] !== undefined) {
      fills.push({ row: at + 1, cell });
      merged[at]![valueAt] = cell;
      labels.push(setting.header);
    }
  });
  const read = readSettings(merged);
  if (!read.ok) return { ok: false, problem: `${read.message}.` };
  // merged holds the tab's rows from row 1, then the rows to add below them.
  const choices = settingColumns
    .filter((setting) => setting.kind === 'choice')
    .map((setting) => ({ row: merged.findIndex((row, r) => r > 0 && headerKey(row[labelAt]) === headerKey(setting.header)) + 1, setting }));
  return {
    ok: true,
    work: {
      rows,
      fills,
      labels,
      lastRow: Math.max(values.length, 1),
      width: header.length,
      valueColumn: valueAt + 1,
      choices,
      settings: read.settings,
      tabExisted: work.sheet !== null,
    },
  };
}

export function writeSettings(sheet: GoogleAppsScript.Spreadsheet.Sheet, work: SettingsWork, report: SetupReport): void {
  if (work.rows.length > 0) {
    const needed = work.lastRow + work.rows.length;
    const maxRows = sheet.getMaxRows();
    if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
    sheet.getRange(work.lastRow + 1, 1, work.rows.length, work.width).setValues(work.rows);
  }
  for (const fill of work.fills) sheet.getRange(fill.row, work.valueColumn).setValue(fill.cell);
  if (work.tabExisted) report.created.push(...work.labels.map((label) => `setting "${label}" in "${SETTINGS_TAB_NAME}"`));
  for (const { row, setting } of work.choices) {
    const cell = sheet.getRange(row, work.valueColumn);
    if (work.tabExisted && isDropdownOf(cell.getDataValidation(), setting)) continue;
    cell.setDataValidation(dropdownRule(setting));
    if (work.tabExisted) report.created.push(`dropdown on "${setting.header}" in "${SETTINGS_TAB_NAME}"`);
  }
}

/** The CIL name typed in the Settings tab's cells, or null when the tab has none. */
export function cilNameIn(values: readonly (readonly unknown[])[]): string | null {
  const header = (values[0] ?? []).map(headerKey);
  const labelAt = header.indexOf(headerKey(SETTING_HEADER));
  const valueAt = header.indexOf(headerKey(VALUE_HEADER));
  if (labelAt < 0 || valueAt < 0) return null;
  const label = headerKey(settingColumns.find((setting) => setting.key === 'cilName')!.header);
  const cell = values.slice(1).find((row) => headerKey(row[labelAt]) === label)?.[valueAt];
  const name = typeof cell === 'string' ? unmarkText(cell).trim() : '';
  return name === '' ? null : name;
}
