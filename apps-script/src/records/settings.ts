import { readSettings, SETTINGS_TAB_NAME, type Settings } from '../../../shared/records/settings';
import { TabProblem } from '../google/tab-sheet';

/** The CIL's Settings tab, read once; a bad setting stops the operation with the setting's name. */
export function readCilSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Settings {
  const sheet = spreadsheet.getSheetByName(SETTINGS_TAB_NAME);
  if (!sheet) throw new TabProblem(`The "${SETTINGS_TAB_NAME}" tab is missing. Run CIL Hub › Set up this CIL to restore it.`);
  const read = readSettings(sheet.getDataRange().getValues());
  if (!read.ok) throw new TabProblem(read.message);
  return read.settings;
}
