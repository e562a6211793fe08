import type { CilRecords } from '../../../shared/accountability';
import { accountabilityTab } from '../../../shared/records/accountability';
import { attendanceTab } from '../../../shared/records/attendance';
import { deliverablesTab } from '../../../shared/records/deliverable';
import { hoursTab } from '../../../shared/records/hours';
import { meetingsTab } from '../../../shared/records/meeting';
import { noticesTab } from '../../../shared/records/notice';
import { projectsTab } from '../../../shared/records/project';
import type { TabDefinition, TabRecord } from '../../../shared/records/tab';
import type { OpenCil } from '../cil/open-cil';
import { readTab, sheetOf, warnInvalidRows, type TabRead } from '../google/tab-sheet';
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

function rowsOf<Tab extends TabDefinition>(tab: Tab, read: TabRead<Tab>): TabRecord<Tab>[] {
  warnInvalidRows(tab.name, read.invalid, EFFECT);
  return read.rows.map((row) => row.record);
}

function recordsOf<Tab extends TabDefinition>(cil: OpenCil, tab: Tab): TabRecord<Tab>[] {
  return rowsOf(tab, readTab(sheetOf(cil.spreadsheet, tab), tab, cil.settings.timeZone));
}

export function readCilRecords(cil: OpenCil): CilRecordsRead {
  const timeZone = cil.settings.timeZone;
  const roster = readVolunteers(cil.spreadsheet, timeZone);
  const log = readLog(cil.spreadsheet, timeZone);
  return {
    records: {
      volunteers: rowsOf(volunteersTab, roster),
      meetings: recordsOf(cil, meetingsTab),
      attendance: recordsOf(cil, attendanceTab),
      notices: recordsOf(cil, noticesTab),
      hours: recordsOf(cil, hoursTab),
      deliverables: recordsOf(cil, deliverablesTab),
      projects: recordsOf(cil, projectsTab),
      log: rowsOf(accountabilityTab, log),
    },
    log,
  };
}
