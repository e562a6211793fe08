import type { CilRecords } from '../../../shared/accountability';
import { accountabilityTab } from '../../../shared/records/accountability';
import { attendanceTab } from '../../../shared/records/attendance';
import { deliverablesTab } from '../../../shared/records/deliverable';
import { hoursTab } from '../../../shared/records/hours';
import { meetingsTab } from '../../../shared/records/meeting';
import { noticesTab } from '../../../shared/records/notice';
import { projectsTab } from '../../../shared/records/project';
import type { TabDefinition } from '../../../shared/records/tab';
import type { OpenCil } from '../cil/open-cil';
import { readableRecords, readRecords, type TabRead } from '../google/tab-sheet';
import { readLog } from '../records/accountability-log';
import { readVolunteers } from '../records/volunteers';
import { volunteersTab } from '../../../shared/records/volunteer';

// What the rules engine reads of one CIL: every tab it looks at, each in one getValues (the Settings
// were read when the CIL was opened). Rows that do not read are left out and named in the execution
// log, so one bad row never stops the check for everyone else.

export interface CilRecordsRead {
  records: CilRecords;
  /** The log as read: where the day's steps are appended, and the rows a lead's review rewrites. */
  log: TabRead<typeof accountabilityTab>;
}

const EFFECT = 'the daily check did not see them';

/** `effect`: what a row that does not read means for the caller, for the execution log. */
export function readCilRecords(cil: OpenCil, effect = EFFECT): CilRecordsRead {
  const { spreadsheet } = cil;
  const timeZone = cil.settings.timeZone;
  const log = readLog(spreadsheet, timeZone);
  const read = <Tab extends TabDefinition>(tab: Tab) => readRecords(spreadsheet, tab, timeZone, effect);
  return {
    records: {
      volunteers: readableRecords(volunteersTab, readVolunteers(spreadsheet, timeZone), effect),
      meetings: read(meetingsTab),
      attendance: read(attendanceTab),
      notices: read(noticesTab),
      hours: read(hoursTab),
      deliverables: read(deliverablesTab),
      projects: read(projectsTab),
      log: readableRecords(accountabilityTab, log, effect),
    },
    log,
  };
}
