import { cilTabs } from '../../../shared/records/cil-tabs';
import { SETTING_HEADER, SETTINGS_TAB_NAME } from '../../../shared/records/settings';
import { headerKey } from '../../../shared/records/tab';
import type { Cell } from './cells';

// Which column names a row of a CIL tab, so a restore can tell "this record changed since the backup"
// from "this record is another one": each record tab's id column (Volunteer ID, Entry ID, …) and the
// Settings tab's Setting label, found by header name as the row codec finds them (a lead may move
// columns). Other tabs (the Dashboard, a lead's own) have none, and their rows are matched by number.

const identityHeaders = new Map<string, string>([
  ...cilTabs.map((tab) => [headerKey(tab.name), tab.columns.find((column) => column.key === 'id')!.header] as const),
  [headerKey(SETTINGS_TAB_NAME), SETTING_HEADER],
]);

/** The identifying header of a tab by its title, or undefined when its rows are matched by number. */
export function identityHeaderOf(title: string): string | undefined {
  return identityHeaders.get(headerKey(title));
}

/** The 0-based column of the tab's identifying header in `headerRow`, or null when it has none. */
export function identityColumn(title: string, headerRow: readonly Cell[]): number | null {
  const header = identityHeaderOf(title);
  if (header === undefined) return null;
  const at = headerRow.findIndex((cell) => typeof cell === 'string' && headerKey(cell) === headerKey(header));
  return at < 0 ? null : at;
}
