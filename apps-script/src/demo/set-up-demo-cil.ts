import { attendanceTab } from '../../../shared/records/attendance';
import { citizensTab } from '../../../shared/records/citizen';
import { deliverablesTab } from '../../../shared/records/deliverable';
import { hoursTab } from '../../../shared/records/hours';
import { meetingsTab } from '../../../shared/records/meeting';
import { noticesTab } from '../../../shared/records/notice';
import { projectsTab } from '../../../shared/records/project';
import { storiesTab } from '../../../shared/records/story';
import type { TabDefinition, TabRecord } from '../../../shared/records/tab';
import { volunteersTab } from '../../../shared/records/volunteer';
import { registeredCils, type RegisteredCil } from '../cil-registry';
import { refreshDashboard } from '../dashboard/refresh-dashboard';
import { openCil, type OpenCil } from '../cil/open-cil';
import { setUpCil } from '../cil/set-up-cil';
import { appendRecords, readColumn, sheetOf } from '../google/tab-sheet';
import { changeEnrollment, enrollmentWebAppUrl, sendPlan } from '../roster/enrollment';
import { withRosterLock } from '../roster/roster-cil';
import { DEMO_MEMBER, demoRecords } from './demo-records';

// The demo CIL that `npm start` and `cil-sandbox demo` set up, through the same code a lead's CIL goes
// through: setUpCil, one write per tab, then Send enrollment to every volunteer (the emails land in the
// sandbox's outbox). It answers with one member's enrollment code, so a person can paste it into the
// extension at once.
//
// It is set up once: on a workspace that already has the demo's volunteers it refuses, naming the
// spreadsheet, rather than adding a second roster beside the first. It never runs in a deployment that
// serves a real CIL: its made-up volunteers would be mailed from it, and would sit in its registry.

export const DEMO_CIL = { name: 'CIL Demo', city: 'Lahore', timeZone: 'Asia/Karachi', cfpLeadEmail: 'cil-leads@codeforpakistan.example' } as const;

export interface DemoCil {
  cilId: string;
  spreadsheetId: string;
  spreadsheetUrl: string;
  webAppUrl: string;
  volunteer: { name: string; email: string };
  enrollmentCode: string;
}

function refuseBesideRealCils(registry: readonly RegisteredCil[]): void {
  const real = registry.filter((cil) => cil.name !== DEMO_CIL.name);
  if (real.length === 0) return;
  throw new Error(
    `This deployment serves ${real.map((cil) => `"${cil.name}"`).join(', ')}, so the demo CIL is not set up here: its made-up volunteers would be emailed from it. ` +
      'Try the demo in the sandbox (`npm start`, or `cil-sandbox demo`) or in an Apps Script project of its own. Nothing was changed.',
  );
}

function refuseIfSetUp(registry: readonly RegisteredCil[]): void {
  const existing = registry.find((cil) => cil.name === DEMO_CIL.name);
  const cil = existing ? openCil(existing.id) : null;
  if (!cil) return;
  const { lastRow } = readColumn(sheetOf(cil.spreadsheet, volunteersTab), volunteersTab, 'id');
  if (lastRow > 1) {
    throw new Error(
      `The demo CIL is already set up here (spreadsheet "${cil.spreadsheet.getName()}", ${cil.spreadsheet.getUrl()}); nothing was added. ` +
        'Use CIL Hub › Re-issue enrollment… there for a new code, or start a fresh workspace with `cil-sandbox demo`.',
    );
  }
}

/** Appends the records below what the tab holds, in one write. */
function append<Tab extends TabDefinition>(cil: OpenCil, tab: Tab, records: readonly TabRecord<Tab>[]): void {
  const sheet = sheetOf(cil.spreadsheet, tab);
  const { header, lastRow } = readColumn(sheet, tab, 'id');
  appendRecords(sheet, tab, header, lastRow, records, cil.settings.timeZone);
}

/** Entry point: sets up the demo CIL and returns how to try it. */
export function setUpDemoCil(): DemoCil {
  const registry = registeredCils();
  refuseBesideRealCils(registry);
  refuseIfSetUp(registry);
  // Checked before anything is made: without it the demo would stop after its records, codeless.
  const webAppUrl = enrollmentWebAppUrl();
  const lead = Session.getEffectiveUser().getEmail();
  const setUp = setUpCil({ ...DEMO_CIL, leadEmails: lead === '' ? [] : [lead] });
  const cil = openCil(setUp.cilId)!;
  const records = demoRecords(new Date(), cil.settings.timeZone);
  withRosterLock(() => {
    append(cil, volunteersTab, records.volunteers);
    append(cil, meetingsTab, records.meetings);
    append(cil, attendanceTab, records.attendance);
    append(cil, noticesTab, records.notices);
    append(cil, hoursTab, records.hours);
    append(cil, projectsTab, records.projects);
    append(cil, deliverablesTab, records.deliverables);
    append(cil, storiesTab, records.stories);
    append(cil, citizensTab, records.citizens);
  });

  const ids = records.volunteers.map((volunteer) => volunteer.id);
  const { report, codes } = changeEnrollment(cil, sendPlan(ids, cil.settings.timeZone), false);
  const member = records.volunteers.find((volunteer) => volunteer.name === DEMO_MEMBER)!;
  const code = codes.get(member.id);
  if (code === undefined) {
    const reason = report.skipped.find((skip) => skip.volunteer.id === member.id)?.reason ?? 'it was not sent';
    throw new Error(`The demo CIL is set up, but ${member.name}'s enrollment code could not be emailed: ${reason}.`);
  }
  // The Dashboard filled now, so whoever opens the demo sees its figures and charts at once.
  refreshDashboard(setUp.cilId);
  return {
    cilId: setUp.cilId,
    spreadsheetId: setUp.spreadsheetId,
    spreadsheetUrl: setUp.spreadsheetUrl,
    webAppUrl,
    volunteer: { name: member.name, email: member.email },
    enrollmentCode: code,
  };
}
