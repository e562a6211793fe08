import { storiesTab } from '../../../shared/records/story';
import { readTab, sheetOf, type TabRead } from '../google/tab-sheet';

/** The storyteller's output: blog posts, press mentions, social media figures, in one read. */
export function readStories(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): TabRead<typeof storiesTab> {
  return readTab(sheetOf(spreadsheet, storiesTab), storiesTab, timeZone);
}
