import { accountabilityTab } from './accountability';
import { attendanceTab } from './attendance';
import { citizensTab } from './citizen';
import { deliverablesTab } from './deliverable';
import { hoursTab } from './hours';
import { meetingsTab } from './meeting';
import { noticesTab } from './notice';
import { projectsTab } from './project';
import { storiesTab } from './story';
import { volunteersTab } from './volunteer';

/**
 * The record tabs of a CIL spreadsheet, in sheet order. The key/value Settings tab (settings.ts) and
 * the computed Dashboard follow them; neither is a table of records.
 */
export const cilTabs = [
  volunteersTab,
  hoursTab,
  meetingsTab,
  attendanceTab,
  noticesTab,
  projectsTab,
  deliverablesTab,
  citizensTab,
  storiesTab,
  accountabilityTab,
] as const;

export type CilTab = (typeof cilTabs)[number];
