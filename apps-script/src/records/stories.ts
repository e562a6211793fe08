import { storiesTab } from '../../../shared/records/story';
import { readTab, sheetOf, type TabRead } from '../google/tab-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The storyteller's blog posts, press mentions and social media figures, in one read. */
export function readStories(spreadsheet: Spreadsheet, timeZone: string): TabRead<typeof storiesTab> {
  return readTab(sheetOf(spreadsheet, storiesTab), storiesTab, timeZone);
}
