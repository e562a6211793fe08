import { accountabilityTab } from '../../../shared/records/accountability';
import { attendanceTab } from '../../../shared/records/attendance';
import { citizensTab } from '../../../shared/records/citizen';
import { deliverablesTab } from '../../../shared/records/deliverable';
import { hoursTab } from '../../../shared/records/hours';
import { meetingsTab } from '../../../shared/records/meeting';
import { noticesTab } from '../../../shared/records/notice';
import { projectsTab } from '../../../shared/records/project';
import { storiesTab } from '../../../shared/records/story';
import type { TabDefinition } from '../../../shared/records/tab';
import { volunteersTab } from '../../../shared/records/volunteer';
import type { ReportRecords } from '../../../shared/reports/report-facts';
import type { OpenCil } from '../cil/open-cil';
import { readableRecords, readRecords } from '../google/tab-sheet';
import { readLog } from '../records/accountability-log';
import { readCitizens } from '../records/citizens';
import { readDeliverables } from '../records/deliverables';
import { readStories } from '../records/stories';
import { readVolunteers } from '../records/volunteers';

// What a report reads of a CIL: every records tab, each in one getValues, whatever the number of rows.
// Rows that do not read are left out of the report and named in the execution log.

const EFFECT = 'the report leaves them out';

export function readReportRecords(cil: OpenCil): ReportRecords {
  const { spreadsheet } = cil;
  const timeZone = cil.settings.timeZone;
  const tab = <Tab extends TabDefinition>(definition: Tab) => readRecords(spreadsheet, definition, timeZone, EFFECT);
  return {
    volunteers: readableRecords(volunteersTab, readVolunteers(spreadsheet, timeZone), EFFECT),
    hours: tab(hoursTab),
    meetings: tab(meetingsTab),
    attendance: tab(attendanceTab),
    notices: tab(noticesTab),
    projects: tab(projectsTab),
    deliverables: readableRecords(deliverablesTab, readDeliverables(spreadsheet, timeZone), EFFECT),
    stories: readableRecords(storiesTab, readStories(spreadsheet, timeZone), EFFECT),
    citizens: readableRecords(citizensTab, readCitizens(spreadsheet, timeZone), EFFECT),
    log: readableRecords(accountabilityTab, readLog(spreadsheet, timeZone), EFFECT),
  };
}
