/// <reference types="google-apps-script" />
import { describe, it, expect } from 'vitest';
import { cilTabs } from '../../shared/records/cil-tabs';
import { readSettings } from '../../shared/records/settings';
import { headerRow } from '../../shared/records/tab';
import { volunteersTab } from '../../shared/records/volunteer';
import type { Sandbox } from '../../sandbox/src/runtime/sandbox';
import * as entryPoints from '../../apps-script/src/main';
import { cilHubMenuItems } from '../../apps-script/src/menu';
import { asLead, sheetState, snapshot } from './as-lead';
import { builtBundle, newSandbox } from './built-bundle';
import { logOf, setUpDemo } from './daily-run-fixture';

// The "CIL Hub" menu: built by onOpen in the restricted modes a simple trigger runs in, and its
// "Set up this CIL…" item, chosen by a lead in a spreadsheet they made themselves.

const TAB_NAMES = [...cilTabs.map((tab) => tab.name), 'Settings'];

/** A spreadsheet a lead made in Drive, in a folder of their own (or loose in My Drive). */
function leadSpreadsheet(sandbox: Sandbox, folderName: string | null): { spreadsheetId: string; folderId: string } {
  return asLead(
    sandbox,
    (folder: string | null) => {
      const book = SpreadsheetApp.create('Our tracker');
      const parent = folder === null ? DriveApp.getRootFolder() : DriveApp.createFolder(folder);
      DriveApp.getFileById(book.getId()).moveTo(parent);
      return { spreadsheetId: book.getId(), folderId: parent.getId() };
    },
    [folderName],
  );
}

function shown(sandbox: Sandbox, kind: 'alert' | 'prompt') {
  return sandbox.state.ui.shown.filter((ui) => ui.kind === kind);
}

function namesIn(sandbox: Sandbox, folderId: string): string[] {
  return Object.values(sandbox.state.drive.items)
    .filter((item) => item.parents.includes(folderId) && !item.trashed)
    .map((item) => item.name)
    .sort();
}

describe('the CIL Hub menu', () => {
  it('is built by onOpen, which runs in LIMITED mode when the spreadsheet opens', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = leadSpreadsheet(sandbox, 'CIL Karachi');

    const opened = sandbox.openSpreadsheet(spreadsheetId)!;

    expect(opened.error).toBeNull();
    expect(sandbox.state.ui.menus).toEqual([
      {
        spreadsheetId,
        title: 'CIL Hub',
        items: [
          { caption: 'Set up this CIL…', functionName: 'setUpThisCil' },
          { separator: true },
          { caption: 'Add volunteer…', functionName: 'openAddVolunteerSidebar' },
          { caption: 'Record meeting or event…', functionName: 'openRecordMeetingSidebar' },
          { caption: 'Log absence notice…', functionName: 'openAbsenceNoticeSidebar' },
          { caption: 'Add active citizen…', functionName: 'openAddCitizenSidebar' },
          { caption: 'Record story…', functionName: 'openRecordStorySidebar' },
          { caption: 'Link unmatched attendance…', functionName: 'openLinkAttendanceSidebar' },
          { separator: true },
          { caption: 'Send enrollment', functionName: 'sendEnrollmentFromMenu' },
          { caption: 'Revoke enrollment…', functionName: 'revokeEnrollmentFromMenu' },
          { caption: 'Re-issue enrollment…', functionName: 'reissueEnrollmentFromMenu' },
          { separator: true },
          { caption: 'Run check now', functionName: 'runCheckNowFromMenu' },
          { caption: 'Preview daily check…', functionName: 'openDailyCheckPreviewSidebar' },
          { caption: 'Review pending actions…', functionName: 'openPendingActionsSidebar' },
          { caption: 'Send deferred emails', functionName: 'sendDeferredMail' },
          { caption: 'Turn on schedule', functionName: 'turnOnScheduleFromMenu' },
          { caption: 'Turn off schedule', functionName: 'turnOffScheduleFromMenu' },
          { separator: true },
          { caption: 'Generate report…', functionName: 'openGenerateReportSidebar' },
          { caption: 'Show dashboard', functionName: 'showDashboardFromMenu' },
          { caption: 'Refresh dashboard', functionName: 'refreshDashboardFromMenu' },
        ],
      },
    ]);
  });

  it('is built before the add-on is authorized too (NONE mode)', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = leadSpreadsheet(sandbox, 'CIL Karachi');
    const result = sandbox.run('onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE', activeSpreadsheetId: spreadsheetId, hasUi: true, trigger: 'simple trigger' });
    expect(result.error).toBeNull();
    expect(sandbox.state.ui.menus.map((menu) => menu.title)).toEqual(['CIL Hub']);
  });

  it('is built by onInstall too, in FULL mode, when a lead installs the add-on from the spreadsheet', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = leadSpreadsheet(sandbox, 'CIL Karachi');

    const installed = sandbox.installEditorAddOn(spreadsheetId)!;

    expect(installed.error).toBeNull();
    expect(sandbox.state.executions.at(-1)).toMatchObject({ functionName: 'onInstall', trigger: 'simple trigger' });
    expect(sandbox.state.ui.menus).toEqual([{ spreadsheetId, title: 'CIL Hub', items: cilHubMenuItems.map((item) => ({ ...item })) }]);
  });

  it('is not there for a lead who has CIL Hub only as a Workspace add-on: Google runs no simple trigger of one', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = leadSpreadsheet(sandbox, 'CIL Karachi');
    sandbox.state.workspaceAddOnOnly = true;
    expect(sandbox.openSpreadsheet(spreadsheetId)).toBeNull();
    expect(sandbox.state.ui.menus).toEqual([]);
    // Installed as an Editor add-on (or bound to the spreadsheet), the menu comes.
    sandbox.installEditorAddOn(spreadsheetId);
    expect(sandbox.state.ui.menus.map((menu) => menu.title)).toEqual(['CIL Hub']);
  });

  it('runs only entry points of the built bundle', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = leadSpreadsheet(sandbox, 'CIL Karachi');
    sandbox.openSpreadsheet(spreadsheetId);
    const functions = sandbox.state.ui.menus.flatMap((menu) => menu.items.flatMap((item) => ('functionName' in item ? [item.functionName] : [])));
    expect(functions.length).toBeGreaterThan(0);
    for (const name of functions) {
      expect(builtBundle().entryPoints, name).toContain(name);
      expect(Object.keys(entryPoints), name).toContain(name);
    }
  });
});

describe('"Set up this CIL…"', () => {
  it('asks the CIL\'s name and sets up the spreadsheet the lead has open, in its folder', () => {
    const sandbox = newSandbox();
    const { spreadsheetId, folderId } = leadSpreadsheet(sandbox, 'CIL Karachi');
    sandbox.openSpreadsheet(spreadsheetId);

    const chosen = sandbox.chooseMenuItem(spreadsheetId, 'setUpThisCil', [{ button: 'OK', text: 'CIL Karachi' }]);

    expect(chosen.error).toBeNull();
    expect(shown(sandbox, 'prompt').map((p) => p.title)).toEqual(['Set up this CIL']);
    expect(shown(sandbox, 'alert').map((a) => a.content)).toEqual([expect.stringMatching(/^CIL Karachi is set up\. Made: folder "CIL Karachi\/Reports"/)]);
    // The lead's own spreadsheet and Sheet1 stay; the tabs join them.
    expect(sandbox.state.spreadsheets[spreadsheetId]!.sheets.map((s) => s.name)).toEqual([...TAB_NAMES, 'Dashboard', 'Sheet1']);
    expect(sheetState(sandbox, spreadsheetId, 'Volunteers').values).toEqual([headerRow(volunteersTab)]);
    expect(sandbox.state.drive.items[spreadsheetId]!.parents).toEqual([folderId]);
    expect(namesIn(sandbox, folderId)).toEqual(['Archive', 'Events', 'Our tracker', 'Projects', 'Reports', 'Templates']);
    const settings = readSettings(sheetState(sandbox, spreadsheetId, 'Settings').values);
    expect(settings.ok && settings.settings.cilName).toBe('CIL Karachi');
    // The lead who ran it leads the CIL; what nobody has filled in yet is named, with where to fill it.
    expect(settings.ok && settings.settings.leadEmails).toEqual(['lead@cil-demo.example']);
    expect(shown(sandbox, 'alert')[0]!.content).toMatch(/\. Still blank: City, CfP lead email\. Fill them in the Value column of the "Settings" tab\.$/);
    expect(JSON.parse(sandbox.state.properties.script['cil:cil-karachi']!)).toMatchObject({ name: 'CIL Karachi', spreadsheetId, folderId });
  });

  it('asks nothing when Settings names the CIL, and changes nothing the second time', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = leadSpreadsheet(sandbox, 'CIL Karachi');
    sandbox.openSpreadsheet(spreadsheetId);
    sandbox.chooseMenuItem(spreadsheetId, 'setUpThisCil', [{ button: 'OK', text: 'CIL Karachi' }]);
    const before = snapshot(sandbox);
    sandbox.advance(3_600_000);

    const again = sandbox.chooseMenuItem(spreadsheetId, 'setUpThisCil');

    expect(again.error).toBeNull();
    expect(shown(sandbox, 'prompt')).toHaveLength(1);
    expect(shown(sandbox, 'alert').at(-1)!.content).toBe(
      'CIL Karachi is set up. Everything was already in place; nothing was changed. Still blank: City, CfP lead email. Fill them in the Value column of the "Settings" tab.',
    );
    expect(snapshot(sandbox)).toEqual(before);
  });

  it('does nothing when the lead cancels the question', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = leadSpreadsheet(sandbox, 'CIL Karachi');
    sandbox.openSpreadsheet(spreadsheetId);
    const before = snapshot(sandbox);

    const chosen = sandbox.chooseMenuItem(spreadsheetId, 'setUpThisCil', [{ button: 'CANCEL' }]);

    expect(chosen.error).toBeNull();
    expect(shown(sandbox, 'alert')).toEqual([]);
    expect(snapshot(sandbox)).toEqual(before);
  });

  it('moves a spreadsheet loose in My Drive into a new CIL folder', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = leadSpreadsheet(sandbox, null);
    sandbox.openSpreadsheet(spreadsheetId);

    sandbox.chooseMenuItem(spreadsheetId, 'setUpThisCil', [{ button: 'OK', text: 'CIL Quetta' }]);

    expect(namesIn(sandbox, 'root')).toEqual(['CIL Quetta']);
    const folder = Object.values(sandbox.state.drive.items).find((item) => item.name === 'CIL Quetta')!;
    expect(sandbox.state.drive.items[spreadsheetId]!.parents).toEqual([folder.id]);
    expect(namesIn(sandbox, folder.id)).toEqual(['Archive', 'Events', 'Our tracker', 'Projects', 'Reports', 'Templates']);
  });

  it('keeps Lead emails a lead typed, and names no setting once all are filled', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = leadSpreadsheet(sandbox, 'CIL Karachi');
    sandbox.openSpreadsheet(spreadsheetId);
    sandbox.chooseMenuItem(spreadsheetId, 'setUpThisCil', [{ button: 'OK', text: 'CIL Karachi' }]);
    asLead(
      sandbox,
      (id: string) => {
        const sheet = SpreadsheetApp.openById(id).getSheetByName('Settings')!;
        const labels = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().map((row) => row[0]);
        sheet.getRange(labels.indexOf('City') + 1, 2).setValue('Karachi');
        sheet.getRange(labels.indexOf('Lead emails') + 1, 2).setValue('sana@example.org');
        sheet.getRange(labels.indexOf('CfP lead email') + 1, 2).setValue('cfp@example.org');
      },
      [spreadsheetId],
    );

    sandbox.chooseMenuItem(spreadsheetId, 'setUpThisCil');

    expect(shown(sandbox, 'alert').at(-1)!.content).toBe('CIL Karachi is set up. Everything was already in place; nothing was changed.');
    const settings = readSettings(sheetState(sandbox, spreadsheetId, 'Settings').values);
    expect(settings.ok && settings.settings.leadEmails).toEqual(['sana@example.org']);
  });

  it("leaves a spreadsheet someone else owns where it is, and says so", () => {
    const sandbox = newSandbox();
    const lead = sandbox.state.user.email;
    // A colleague made the tracker loose in their Drive and shared it with the lead.
    sandbox.state.user = { ...sandbox.state.user, email: 'colleague@cil-demo.example' };
    const spreadsheetId = asLead(sandbox, (editor: string) => SpreadsheetApp.create('Our tracker').addEditor(editor).getId(), [lead]);
    sandbox.state.user = { ...sandbox.state.user, email: lead };
    sandbox.openSpreadsheet(spreadsheetId);

    const chosen = sandbox.chooseMenuItem(spreadsheetId, 'setUpThisCil', [{ button: 'OK', text: 'CIL Quetta' }]);

    expect(chosen.error).toBeNull();
    expect(sandbox.state.drive.items[spreadsheetId]!.parents).toEqual(['root']);
    const folder = Object.values(sandbox.state.drive.items).find((item) => item.name === 'CIL Quetta')!;
    expect(namesIn(sandbox, folder.id)).toEqual(['Archive', 'Events', 'Projects', 'Reports', 'Templates']);
    expect(shown(sandbox, 'alert')[0]!.content).toContain(
      'The spreadsheet stays where it is, outside folder "CIL Quetta": it belongs to colleague@cil-demo.example, and only its owner can move it.',
    );
  });

  it('shows the lead what to fix, and changes nothing', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = leadSpreadsheet(sandbox, 'CIL Karachi');
    asLead(
      sandbox,
      (id: string) => {
        const sheet = SpreadsheetApp.openById(id).insertSheet('Volunteers');
        sheet.getRange(1, 1, 2, 3).setValues([
          ['Volunteer ID', 'Name', 'Role'],
          ['v-1', 'Ayesha', 'organizer'],
        ]);
      },
      [spreadsheetId],
    );
    sandbox.openSpreadsheet(spreadsheetId);
    const before = snapshot(sandbox);

    const chosen = sandbox.chooseMenuItem(spreadsheetId, 'setUpThisCil', [{ button: 'OK', text: 'CIL Karachi' }]);

    expect(chosen.error).toBeNull();
    const [alert] = shown(sandbox, 'alert');
    expect(alert!.content).toContain('The "Volunteers" tab has no "Email" column; add it to the header row');
    expect(alert!.content).toContain('Nothing was changed.');
    expect(snapshot(sandbox)).toEqual(before);
  });
});

describe('"Run check now" and "Show dashboard"', () => {
  it("run the daily check of the open CIL, and say what it did", () => {
    const demo = setUpDemo();
    demo.sandbox.openSpreadsheet(demo.spreadsheetId);

    const chosen = demo.sandbox.chooseMenuItem(demo.spreadsheetId, 'runCheckNowFromMenu');

    expect(chosen.error).toBeNull();
    expect(shown(demo.sandbox, 'alert').map((alert) => [alert.title, alert.content])).toEqual([
      ['Run check now', 'Checked CIL Demo: 10 new steps in the log; 2 wait for you; 8 emails sent.'],
    ]);
    expect(logOf(demo).filter((event) => event.status === 'proposed')).toHaveLength(2);
  });

  it('bring the Dashboard tab to the front', () => {
    const demo = setUpDemo();
    demo.sandbox.openSpreadsheet(demo.spreadsheetId);
    const chosen = demo.sandbox.chooseMenuItem(demo.spreadsheetId, 'showDashboardFromMenu');
    expect(chosen.error).toBeNull();
    // The sandbox keeps no person's view between executions: the tab was activated, and nothing shown.
    expect(chosen.meter.callsByMethod['Sheet.activate']).toBe(1);
    expect(shown(demo.sandbox, 'alert')).toEqual([]);
  });

  it('say so outside a CIL spreadsheet', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = leadSpreadsheet(sandbox, 'Somewhere');
    sandbox.openSpreadsheet(spreadsheetId);
    sandbox.chooseMenuItem(spreadsheetId, 'runCheckNowFromMenu');
    sandbox.chooseMenuItem(spreadsheetId, 'showDashboardFromMenu');
    expect(shown(sandbox, 'alert').map((alert) => alert.content)).toEqual([
      'This spreadsheet is not set up as a CIL yet. Run CIL Hub › Set up this CIL… first.',
      'This spreadsheet has no "Dashboard" tab. Run CIL Hub › Set up this CIL… to make it.',
    ]);
  });
});
