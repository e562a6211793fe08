/// <reference types="google-apps-script" />
import { describe, it, expect } from 'vitest';
import { cilTabs } from '../../shared/records/cil-tabs';
import { hoursTab } from '../../shared/records/hours';
import { readSettings } from '../../shared/records/settings';
import { headerRow, type TabDefinition } from '../../shared/records/tab';
import { volunteersTab } from '../../shared/records/volunteer';
import { REPORT_CATALOG } from '../../shared/reports/report-catalog';
import type { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { asLead, sheetState, snapshot } from './as-lead';
import { newSandbox, runOk } from './built-bundle';

// "Set up a CIL" through the built bundle: the folder tree, the spreadsheet and its tabs, Settings and
// the registry; then re-runs, a lead's changes, and refusals that must leave everything as it was.

interface SetUpResult {
  cilId: string;
  spreadsheetId: string;
  spreadsheetUrl: string;
  folderId: string;
  created: string[];
  kept: string[];
  notes: string[];
}

const OWNER = 'lead@cil-demo.example';
const PROTECTION = 'CIL Hub header row: CIL Hub finds each column by its name here, so only the owner may change it.';
/** The tables setup makes, in order; the Dashboard follows them. */
const TAB_NAMES = [...cilTabs.map((tab) => tab.name), 'Settings'];
const DASHBOARD_PROTECTION = 'CIL Hub dashboard: CIL Hub rewrites this tab from the records every day, so an edit here would be replaced; Sheets warns before one.';
const HOUR = 3_600_000;

function setUp(sandbox: Sandbox, options: unknown): SetUpResult {
  return runOk<SetUpResult>(sandbox, 'setUpCil', [options]);
}

function setUpFails(sandbox: Sandbox, options: unknown): string {
  const result = sandbox.run('setUpCil', [options]);
  expect(result.error).not.toBeNull();
  return result.error!;
}

/** Names of what is in a folder, not in the trash. */
function namesIn(sandbox: Sandbox, folderId: string): string[] {
  return Object.values(sandbox.state.drive.items)
    .filter((item) => item.parents.includes(folderId) && !item.trashed)
    .map((item) => item.name)
    .sort();
}

function itemNamed(sandbox: Sandbox, parentId: string, name: string) {
  const found = Object.values(sandbox.state.drive.items).filter((item) => item.parents.includes(parentId) && item.name === name && !item.trashed);
  expect(found, `one "${name}" in ${parentId}`).toHaveLength(1);
  return found[0]!;
}

function positionOf(tab: TabDefinition, header: string): number {
  return headerRow(tab).indexOf(header);
}

/** A row as a lead types it, in the tab's column order. */
function rowOf(tab: TabDefinition, cells: Record<string, string | number | Date>): (string | number | Date)[] {
  for (const header of Object.keys(cells)) expect(headerRow(tab), header).toContain(header);
  return headerRow(tab).map((header) => cells[header] ?? '');
}

function volunteerRow(n: number) {
  return rowOf(volunteersTab, {
    'Volunteer ID': `v-${n}`,
    Name: `Volunteer ${n}`,
    Email: `volunteer${n}@example.org`,
    Role: n === 1 ? 'organizer' : 'member',
    Status: 'active',
    'Joined on': new Date('2026-01-10T19:00:00Z'),
    Notes: `note ${n}`,
  });
}

function hoursRow(n: number) {
  return rowOf(hoursTab, {
    'Entry ID': `h-${n}`,
    'Volunteer ID': `v-${(n % 3) + 1}`,
    Day: new Date('2026-11-20T19:00:00Z'),
    Hours: 1.5,
    Category: 'project work',
    Source: 'sheet',
    'Logged at': new Date('2026-11-21T08:30:00Z'),
  });
}

// ---- what a lead does by hand ---------------------------------------------------------------------

function addRows(spreadsheetId: string, tabName: string, rows: unknown[][]): void {
  const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName(tabName)!;
  const last = sheet.getLastRow();
  const room = sheet.getMaxRows() - last;
  if (rows.length > room) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - room);
  sheet.getRange(last + 1, 1, rows.length, rows[0]!.length).setValues(rows);
}

function deleteColumns(spreadsheetId: string, tabName: string, headers: string[]): void {
  const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName(tabName)!;
  for (const header of headers) {
    const row = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    sheet.deleteColumn(row.indexOf(header) + 1);
  }
}

/** Moves a column to the front (insert, copy, delete: what dragging it does) and adds a column of the lead's own. */
function reorderAndExtend(spreadsheetId: string, tabName: string, header: string, ownHeader: string): void {
  const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName(tabName)!;
  const rows = sheet.getLastRow();
  const from = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.indexOf(header) + 1;
  const cells = sheet.getRange(1, from, rows, 1).getValues();
  sheet.insertColumnBefore(1);
  sheet.getRange(1, 1, rows, 1).setValues(cells);
  sheet.deleteColumn(from + 1);
  const own = sheet.getLastColumn() + 1;
  sheet.getRange(1, own, rows, 1).setValues([[ownHeader], ...Array.from({ length: rows - 1 }, (_, i) => [`own ${i + 1}`])]);
}

/** The Value cell of a setting in the Settings tab (a lead typing), or its whole row deleted. */
function editSetting(spreadsheetId: string, label: string, value: string | number | null): void {
  const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Settings')!;
  const labels = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().map((row) => row[0]);
  const row = labels.indexOf(label) + 1;
  if (value === null) sheet.deleteRow(row);
  else sheet.getRange(row, 2).setValue(value);
}

// ---- tests ----------------------------------------------------------------------------------------

describe('setUpCil on an empty Drive', () => {
  const sandbox = newSandbox();
  const result = setUp(sandbox, {
    name: 'CIL Lahore',
    city: 'Lahore',
    timeZone: 'Asia/Dubai',
    leadEmails: ['Ayesha@Example.org', 'bilal@example.org'],
    cfpLeadEmail: 'cfp@example.org',
  });
  const book = sandbox.state.spreadsheets[result.spreadsheetId]!;

  it('makes the CIL folder and its subfolders, with a Reports folder for this year', () => {
    expect(namesIn(sandbox, 'root')).toEqual(['CIL Lahore']);
    expect(itemNamed(sandbox, 'root', 'CIL Lahore').id).toBe(result.folderId);
    expect(namesIn(sandbox, result.folderId)).toEqual(['Archive', 'CIL Lahore — CIL Hub', 'Events', 'Projects', 'Reports', 'Templates']);
    expect(namesIn(sandbox, itemNamed(sandbox, result.folderId, 'Reports').id)).toEqual(['2026']);
  });

  it('makes the spreadsheet inside the CIL folder, in the CIL\'s time zone', () => {
    const file = sandbox.state.drive.items[result.spreadsheetId]!;
    expect(file.name).toBe('CIL Lahore — CIL Hub');
    expect(file.parents).toEqual([result.folderId]);
    expect(result.spreadsheetUrl).toBe(`https://docs.google.com/spreadsheets/d/${result.spreadsheetId}/edit`);
    expect(book.timeZone).toBe('Asia/Dubai');
    // Day-first dates, as a lead in Pakistan types them.
    expect(book.locale).toBe('en_GB');
  });

  it('makes every tab in order with the header from its schema, the Dashboard last, and no Sheet1', () => {
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([...TAB_NAMES, 'Dashboard']);
    for (const tab of cilTabs) expect(sheetState(sandbox, result.spreadsheetId, tab.name).values[0], tab.name).toEqual(headerRow(tab));
    expect(sheetState(sandbox, result.spreadsheetId, 'Settings').values[0]).toEqual(['Setting', 'Value']);
  });

  it('freezes every header row and protects it for the owner alone', () => {
    for (const sheet of book.sheets.filter((s) => TAB_NAMES.includes(s.name))) {
      expect(sheet.frozenRows, sheet.name).toBe(1);
      expect(sheet.protections, sheet.name).toEqual([
        {
          id: expect.any(String),
          range: { row: 1, column: 1, numRows: 1, numColumns: sheet.values[0]!.length },
          description: PROTECTION,
          editors: [OWNER],
          warningOnly: false,
          domainEdit: false,
          unprotectedRanges: [],
        },
      ]);
    }
  });

  it('puts a dropdown of exactly its options, rejecting anything else, on every choice column from row 2 down', () => {
    let choiceColumns = 0;
    for (const tab of cilTabs) {
      const sheet = sheetState(sandbox, result.spreadsheetId, tab.name);
      const choices = tab.columns.filter((column) => column.kind === 'choice');
      choiceColumns += choices.length;
      expect(sheet.validations.map((v) => ({ ...v }))).toEqual(
        choices.map((column) => ({
          range: { row: 2, column: positionOf(tab, column.header) + 1, numRows: sheet.maxRows - 1, numColumns: 1 },
          criteria: 'VALUE_IN_LIST',
          args: [...column.options!],
          allowInvalid: false,
          helpText: '',
          showDropdown: true,
        })),
      );
    }
    expect(choiceColumns).toBeGreaterThanOrEqual(15);
  });

  it('puts a dropdown of its options on the Value cell of each choice setting (Mode), and nowhere else in Settings', () => {
    const sheet = sheetState(sandbox, result.spreadsheetId, 'Settings');
    const modeRow = sheet.values.findIndex((row) => row[0] === 'Mode') + 1;
    expect(modeRow).toBeGreaterThan(1);
    expect(sheet.validations.map((v) => ({ ...v }))).toEqual([
      {
        range: { row: modeRow, column: 2, numRows: 1, numColumns: 1 },
        criteria: 'VALUE_IN_LIST',
        args: ['review', 'automatic'],
        allowInvalid: false,
        helpText: '',
        showDropdown: true,
      },
    ]);
  });

  it('makes a Dashboard tab, titled and saying who writes it, protected whole with a warning (any lead may refresh it)', () => {
    const sheet = sheetState(sandbox, result.spreadsheetId, 'Dashboard');
    expect(sheet.values.slice(0, 2).map((row) => row[0])).toEqual(['CIL Lahore dashboard', 'Filled by CIL Hub on its daily run, or now with CIL Hub › Refresh dashboard. CIL Hub writes this tab; anything typed here is replaced.']);
    expect(sheet.protections).toEqual([
      {
        id: expect.any(String),
        range: null,
        description: DASHBOARD_PROTECTION,
        editors: [OWNER],
        warningOnly: true,
        domainEdit: false,
        unprotectedRanges: [],
      },
    ]);
  });

  it('highlights Attendance rows linked to no meeting, and absence notices linked to no meeting or day', () => {
    const rules = (tab: string) => sheetState(sandbox, result.spreadsheetId, tab).conditionalFormats;
    const attendance = sheetState(sandbox, result.spreadsheetId, 'Attendance');
    expect(rules('Attendance')).toEqual([
      expect.objectContaining({
        condition: 'CUSTOM_FORMULA',
        args: ['=AND($A2<>"",$B2="")'],
        background: '#fce8b2',
        ranges: [{ row: 2, column: 1, numRows: attendance.maxRows - 1, numColumns: attendance.values[0]!.length }],
      }),
    ]);
    // Notice ID, Kind, For meeting ID and From are columns A, C, E and F.
    expect(rules('Notices')).toEqual([expect.objectContaining({ condition: 'CUSTOM_FORMULA', args: ['=AND($A2<>"",$C2="absence notice",$E2="",$F2="")'] })]);
    expect(rules('Hours')).toEqual([]);
  });

  it('formats date columns as dates and date-time columns as dates and times, from row 2 to the bottom', () => {
    for (const tab of cilTabs) {
      const sheet = sheetState(sandbox, result.spreadsheetId, tab.name);
      for (const column of tab.columns) {
        const expected = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' }[column.kind as string] ?? '';
        const at = positionOf(tab, column.header);
        for (const row of [2, 500, sheet.maxRows]) expect(sheet.numberFormats[row - 1]?.[at] ?? '', `${tab.name} ${column.header} row ${row}`).toBe(expected);
        expect(sheet.numberFormats[0]?.[at] ?? '', `${tab.name} header`).toBe('');
      }
    }
  });

  it('fills Settings from the options, with the handbook defaults for the rest', () => {
    const read = readSettings(sheetState(sandbox, result.spreadsheetId, 'Settings').values);
    expect(read).toEqual({
      ok: true,
      settings: {
        cilName: 'CIL Lahore',
        city: 'Lahore',
        timeZone: 'Asia/Dubai',
        leadEmails: ['ayesha@example.org', 'bilal@example.org'],
        cfpLeadEmail: 'cfp@example.org',
        weeklyCommitmentHours: 5,
        leadCommitmentHours: 4,
        consecutiveMissesForInactivity: 2,
        daysWithoutCommunication: 14,
        minimumMinutesPresent: 5,
        warningsBeforeOffboarding: 2,
        newMemberGraceDays: 14,
        mode: 'review',
        dailyCheckHour: 7,
        dashboardWeeks: 8,
        targetEvents: 1,
        targetMeetups: 3,
        targetCfpCalls: 3,
        targetActiveMembers: 8,
        targetNewMembers: 3,
        targetReportsOnTime: 90,
        targetStories: 3,
      },
    });
  });

  it('registers the CIL with the deployment', () => {
    expect(result.cilId).toBe('cil-lahore');
    expect(JSON.parse(sandbox.state.properties.script['cil:cil-lahore']!)).toEqual({
      id: 'cil-lahore',
      name: 'CIL Lahore',
      spreadsheetId: result.spreadsheetId,
      folderId: result.folderId,
      registeredAt: '2026-11-27T05:00:00.000Z',
    });
  });

  it('says what it made', () => {
    expect(result.kept).toEqual([]);
    expect(result.created).toEqual([
      'folder "CIL Lahore"',
      ...['Reports', 'Reports/2026', 'Templates', 'Events', 'Projects', 'Archive'].map((f) => `folder "CIL Lahore/${f}"`),
      ...REPORT_CATALOG.map((report) => `template "CIL Lahore/Templates/${report.title} (template)"`),
      'spreadsheet "CIL Lahore — CIL Hub"',
      ...TAB_NAMES.map((name) => `tab "${name}"`),
      'tab "Dashboard"',
      'registration "cil-lahore"',
    ]);
    // Every setting a CIL needs was given.
    expect(result.notes).toEqual([]);
  });
});

describe('the year of the Reports folder', () => {
  it('is the year in the CIL\'s time zone', () => {
    // 31 Dec 2026, 21:00 UTC is already 1 Jan 2027 in Karachi.
    const sandbox = newSandbox(new Date('2026-12-31T21:00:00Z'));
    const result = setUp(sandbox, { name: 'CIL Lahore' });
    expect(namesIn(sandbox, itemNamed(sandbox, result.folderId, 'Reports').id)).toEqual(['2027']);
    expect(sandbox.state.spreadsheets[result.spreadsheetId]!.timeZone).toBe('Asia/Karachi');
  });
});

describe('running setUpCil again', () => {
  it('changes nothing and loses no row', () => {
    const sandbox = newSandbox();
    const first = sandbox.run('setUpCil', [{ name: 'CIL Lahore', city: 'Lahore' }]);
    const { spreadsheetId } = first.value as SetUpResult;
    asLead(sandbox, addRows, [spreadsheetId, 'Volunteers', [1, 2, 3].map(volunteerRow)]);
    asLead(sandbox, addRows, [spreadsheetId, 'Hours', [1, 2, 3, 4].map(hoursRow)]);
    asLead(sandbox, editSetting, [spreadsheetId, 'Weekly commitment (h)', 6]);
    const before = snapshot(sandbox);
    // Any write would stamp the later time on the file it touched.
    sandbox.advance(HOUR);

    // Options never overwrite what Settings holds, and an empty list fills no blank.
    const again = sandbox.run('setUpCil', [{ name: 'CIL Lahore', city: 'Karachi', timeZone: 'Asia/Dubai', leadEmails: [] }]);

    expect(again.error).toBeNull();
    expect(snapshot(sandbox)).toEqual(before);
    const result = again.value as SetUpResult;
    expect(result.created).toEqual([]);
    expect(result.kept).toContain('tab "Hours"');
    expect(result.kept).toContain('registration "cil-lahore"');
    expect(sheetState(sandbox, spreadsheetId, 'Hours').values).toHaveLength(5);
    // Setup is a one-off; a re-run reads, and costs far less than the first run.
    expect(again.meter.serviceCalls).toBeLessThan(first.meter.serviceCalls * 0.7);
    expect(again.meter.cellsWritten).toBe(0);
  });

  it('costs the same number of service calls however many rows the tabs hold', () => {
    const empty = newSandbox();
    setUp(empty, { name: 'CIL Lahore' });
    const full = newSandbox();
    const { spreadsheetId } = setUp(full, { name: 'CIL Lahore' });
    asLead(full, addRows, [spreadsheetId, 'Volunteers', Array.from({ length: 300 }, (_, i) => volunteerRow(i + 1))]);
    asLead(full, addRows, [spreadsheetId, 'Hours', Array.from({ length: 3000 }, (_, i) => hoursRow(i + 1))]);

    const onEmpty = empty.run('setUpCil', [{ name: 'CIL Lahore' }]);
    const onFull = full.run('setUpCil', [{ name: 'CIL Lahore' }]);
    expect(onFull.error).toBeNull();
    expect(onFull.meter.serviceCalls).toBe(onEmpty.meter.serviceCalls);
    expect(onFull.meter.cellsRead).toBe(onEmpty.meter.cellsRead);
  });

  it('finds a registered CIL through the registry, even after a lead moved its folder', () => {
    const sandbox = newSandbox();
    const first = setUp(sandbox, { name: 'CIL Lahore' });
    asLead(sandbox, (folderId: string) => DriveApp.getFolderById(folderId).moveTo(DriveApp.createFolder('CfP network')), [first.folderId]);
    const before = snapshot(sandbox);

    const again = setUp(sandbox, { name: 'CIL Lahore' });

    expect(snapshot(sandbox)).toEqual(before);
    expect(again).toMatchObject({ cilId: first.cilId, spreadsheetId: first.spreadsheetId, folderId: first.folderId, created: [] });
  });
});

describe('adopting what a lead already has', () => {
  it('adopts the CIL folder and spreadsheet by name when this deployment has not registered them', () => {
    const sandbox = newSandbox();
    const first = setUp(sandbox, { name: 'CIL Lahore' });
    // A new deployment (another script project) starts with no registry.
    sandbox.state.properties.script = {};
    const drive = structuredClone(sandbox.state.drive);
    const spreadsheets = structuredClone(sandbox.state.spreadsheets);

    const again = setUp(sandbox, { name: 'CIL Lahore' });

    expect(again).toMatchObject({ cilId: 'cil-lahore', spreadsheetId: first.spreadsheetId, folderId: first.folderId, created: ['registration "cil-lahore"'] });
    expect(sandbox.state.drive).toEqual(drive);
    expect(sandbox.state.spreadsheets).toEqual(spreadsheets);
  });

  it('puts back the CIL\'s time zone when the spreadsheet\'s was changed', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = setUp(sandbox, { name: 'CIL Lahore' });
    asLead(sandbox, (id: string) => SpreadsheetApp.openById(id).setSpreadsheetTimeZone('Europe/London'), [spreadsheetId]);

    expect(setUp(sandbox, { name: 'CIL Lahore' }).created).toEqual(['spreadsheet time zone Asia/Karachi']);
    expect(sandbox.state.spreadsheets[spreadsheetId]!.timeZone).toBe('Asia/Karachi');
  });

  it('keeps an existing CIL folder and its subfolders, found by name in the parent folder', () => {
    const sandbox = newSandbox();
    const { parentId, cilId } = asLead(
      sandbox,
      () => {
        const parent = DriveApp.createFolder('CfP network');
        const cil = parent.createFolder('CIL Lahore');
        cil.createFolder('Reports').createFolder('2025');
        cil.createFolder('Templates').createFile('Monthly update.txt', 'our own template');
        return { parentId: parent.getId(), cilId: cil.getId() };
      },
      [],
    );

    const result = setUp(sandbox, { name: 'CIL Lahore', parentFolderId: parentId });

    expect(result.folderId).toBe(cilId);
    expect(namesIn(sandbox, parentId)).toEqual(['CIL Lahore']);
    expect(result.kept).toEqual(['folder "CIL Lahore"', 'folder "CIL Lahore/Reports"', 'folder "CIL Lahore/Templates"']);
    expect(result.created.slice(0, 4)).toEqual(['folder "CIL Lahore/Reports/2026"', 'folder "CIL Lahore/Events"', 'folder "CIL Lahore/Projects"', 'folder "CIL Lahore/Archive"']);
    expect(namesIn(sandbox, itemNamed(sandbox, cilId, 'Reports').id)).toEqual(['2025', '2026']);
    expect(namesIn(sandbox, itemNamed(sandbox, cilId, 'Templates').id)).toEqual(
      ['Monthly update.txt', ...REPORT_CATALOG.map((report) => `${report.title} (template)`)].sort(),
    );
    expect(namesIn(sandbox, 'root')).toEqual(['CfP network']);
  });

  it('makes again a tab a lead deleted, in its place, and leaves the other tabs\' rows alone', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = setUp(sandbox, { name: 'CIL Lahore' });
    asLead(sandbox, addRows, [spreadsheetId, 'Volunteers', [volunteerRow(1)]]);
    asLead(sandbox, (id: string) => {
      const book = SpreadsheetApp.openById(id);
      book.deleteSheet(book.getSheetByName('Hours')!);
      book.insertSheet('Our notes', 1);
    }, [spreadsheetId]);

    const result = setUp(sandbox, { name: 'CIL Lahore' });

    expect(result.created).toEqual(['tab "Hours"']);
    expect(sandbox.state.spreadsheets[spreadsheetId]!.sheets.map((s) => s.name)).toEqual(['Volunteers', 'Hours', 'Our notes', ...TAB_NAMES.slice(2), 'Dashboard']);
    expect(sheetState(sandbox, spreadsheetId, 'Hours').values).toEqual([headerRow(hoursTab)]);
    expect(sheetState(sandbox, spreadsheetId, 'Volunteers').values).toHaveLength(2);
  });

  it('keeps working when a lead reorders columns and adds their own', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = setUp(sandbox, { name: 'CIL Lahore' });
    asLead(sandbox, addRows, [spreadsheetId, 'Volunteers', [1, 2].map(volunteerRow)]);
    asLead(sandbox, reorderAndExtend, [spreadsheetId, 'Volunteers', 'Status', 'Pronouns']);
    const rows = structuredClone(sheetState(sandbox, spreadsheetId, 'Volunteers').values);
    expect(rows[0]!.slice(0, 2)).toEqual(['Status', 'Volunteer ID']);
    expect(rows[0]!.at(-1)).toBe('Pronouns');

    const result = setUp(sandbox, { name: 'CIL Lahore' });

    // The moved column lost its dropdown and its place in the protected range; both come back.
    expect(result.created).toEqual(['header protection in "Volunteers"', 'dropdown on "Status" in "Volunteers"']);
    const sheet = sheetState(sandbox, spreadsheetId, 'Volunteers');
    expect(sheet.values).toEqual(rows);
    expect(sheet.protections.map((p) => [p.description, p.range])).toEqual([[PROTECTION, { row: 1, column: 1, numRows: 1, numColumns: rows[0]!.length }]]);
    const dropdowns = Object.fromEntries(sheet.validations.map((v) => [rows[0]![v.range.column - 1], [v.range.row, v.range.numRows, v.args]]));
    expect(dropdowns).toEqual({
      Status: [2, sheet.maxRows - 1, ['active', 'on leave', 'warned', 'offboarded', 'alumni']],
      Role: [2, sheet.maxRows - 1, ['organizer', 'manager', 'delivery lead', 'community organizer', 'storyteller', 'member']],
      Reminders: [2, sheet.maxRows - 1, ['on', 'off']],
    });
    const joinedOn = rows[0]!.indexOf('Joined on');
    expect(sheet.numberFormats[1]![joinedOn]).toBe('yyyy-mm-dd');

    // And now it is set up again: one more run changes nothing.
    const before = snapshot(sandbox);
    sandbox.advance(HOUR);
    expect(setUp(sandbox, { name: 'CIL Lahore' }).created).toEqual([]);
    expect(snapshot(sandbox)).toEqual(before);
  });

  it('adds back an optional column a lead deleted, at the end, with its format', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = setUp(sandbox, { name: 'CIL Lahore' });
    asLead(sandbox, addRows, [spreadsheetId, 'Volunteers', [1, 2].map(volunteerRow)]);
    asLead(sandbox, deleteColumns, [spreadsheetId, 'Volunteers', ['Notes', 'Token issued at']]);
    const rows = structuredClone(sheetState(sandbox, spreadsheetId, 'Volunteers').values);

    const result = setUp(sandbox, { name: 'CIL Lahore' });

    expect(result.created).toEqual([
      'column "Token issued at" in "Volunteers"',
      'column "Notes" in "Volunteers"',
      'header protection in "Volunteers"',
      'date format on "Token issued at" in "Volunteers"',
    ]);
    const sheet = sheetState(sandbox, spreadsheetId, 'Volunteers');
    const width = headerRow(volunteersTab).length;
    expect(sheet.values[0]).toEqual([...rows[0]!, 'Token issued at', 'Notes']);
    expect(sheet.values.slice(1).map((row) => row.slice(0, width - 2))).toEqual(rows.slice(1));
    expect(sheet.values.slice(1).map((row) => row.slice(width - 2))).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(sheet.numberFormats[1]![width - 2]).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.protections.map((p) => [p.description, p.range])).toEqual([[PROTECTION, { row: 1, column: 1, numRows: 1, numColumns: width }]]);
  });

  it('keeps the settings a lead edited and adds the ones missing', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = setUp(sandbox, { name: 'CIL Lahore' });
    asLead(sandbox, editSetting, [spreadsheetId, 'Weekly commitment (h)', 6]);
    asLead(sandbox, editSetting, [spreadsheetId, 'Mode', 'automatic']);
    asLead(sandbox, editSetting, [spreadsheetId, 'Daily check hour', null]);
    asLead(sandbox, editSetting, [spreadsheetId, 'City', '']);

    const result = setUp(sandbox, { name: 'CIL Lahore', city: 'Lahore', timeZone: 'Asia/Dubai' });

    expect(result.created).toEqual(['setting "City" in "Settings"', 'setting "Daily check hour" in "Settings"']);
    const values = sheetState(sandbox, spreadsheetId, 'Settings').values;
    expect(values.at(-1)).toEqual(['Daily check hour', 7]);
    const read = readSettings(values);
    expect(read.ok && read.settings).toMatchObject({
      cilName: 'CIL Lahore',
      city: 'Lahore',
      timeZone: 'Asia/Karachi',
      weeklyCommitmentHours: 6,
      mode: 'automatic',
      dailyCheckHour: 7,
    });
    expect(sandbox.state.spreadsheets[spreadsheetId]!.timeZone).toBe('Asia/Karachi');
  });
});

describe("setup's own tab, dropdowns and highlights", () => {
  it('puts back what a lead removed, keeps their own rules and the Dashboard\'s cells, and then changes nothing', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = setUp(sandbox, { name: 'CIL Lahore' });
    asLead(sandbox, (id: string) => {
      const book = SpreadsheetApp.openById(id);
      const dashboard = book.getSheetByName('Dashboard')!;
      for (const protection of dashboard.getProtections(SpreadsheetApp.ProtectionType.SHEET)) protection.remove();
      dashboard.getRange('A3').setValue('figures of the daily run');
      book.getSheetByName('Settings')!.getDataRange().clearDataValidations();
      const attendance = book.getSheetByName('Attendance')!;
      const own = SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground('#eeeeee').setRanges([attendance.getRange('G2:G100')]).build();
      attendance.setConditionalFormatRules([own]);
    }, [spreadsheetId]);

    const result = setUp(sandbox, { name: 'CIL Lahore' });

    expect(result.created).toEqual([
      'highlight of sessions linked to no meeting in "Attendance"',
      'dropdown on "Mode" in "Settings"',
      'protection of "Dashboard"',
    ]);
    const dashboard = sheetState(sandbox, spreadsheetId, 'Dashboard');
    expect(dashboard.values[2]![0]).toBe('figures of the daily run');
    expect(dashboard.protections.map((p) => [p.description, p.range, p.warningOnly])).toEqual([[DASHBOARD_PROTECTION, null, true]]);
    expect(sheetState(sandbox, spreadsheetId, 'Settings').validations.map((v) => v.args)).toEqual([['review', 'automatic']]);
    expect(sheetState(sandbox, spreadsheetId, 'Attendance').conditionalFormats.map((f) => [f.condition, f.args])).toEqual([
      ['CELL_EMPTY', []],
      ['CUSTOM_FORMULA', ['=AND($A2<>"",$B2="")']],
    ]);

    const before = snapshot(sandbox);
    sandbox.advance(HOUR);
    expect(setUp(sandbox, { name: 'CIL Lahore' }).created).toEqual([]);
    expect(snapshot(sandbox)).toEqual(before);
  });

  it('makes the Dashboard again, last of its tabs, when a lead deleted it', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = setUp(sandbox, { name: 'CIL Lahore' });
    asLead(sandbox, (id: string) => {
      const book = SpreadsheetApp.openById(id);
      book.deleteSheet(book.getSheetByName('Dashboard')!);
      book.insertSheet('Our notes');
    }, [spreadsheetId]);

    expect(setUp(sandbox, { name: 'CIL Lahore' }).created).toEqual(['tab "Dashboard"']);
    expect(sandbox.state.spreadsheets[spreadsheetId]!.sheets.map((s) => s.name)).toEqual([...TAB_NAMES, 'Dashboard', 'Our notes']);
  });

  it('adds "Received at" to a Notices tab made before it existed, as an optional column at the end', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = setUp(sandbox, { name: 'CIL Lahore' });
    asLead(sandbox, deleteColumns, [spreadsheetId, 'Notices', ['Received at']]);

    const result = setUp(sandbox, { name: 'CIL Lahore' });

    expect(result.created).toEqual(['column "Received at" in "Notices"', 'header protection in "Notices"', 'date format on "Received at" in "Notices"']);
    expect(sheetState(sandbox, spreadsheetId, 'Notices').values[0]!.at(-1)).toBe('Received at');
  });

  it('keeps the person running it among the header\'s editors when they edit through a group, as Google needs', () => {
    const sandbox = newSandbox();
    const lead = sandbox.state.user.email;
    // Someone else at CfP made the CIL's spreadsheet and shared it with the leads' Google Group.
    sandbox.state.user = { ...sandbox.state.user, email: 'cfp-admin@cil-demo.example' };
    const spreadsheetId = asLead(sandbox, () => {
      const book = SpreadsheetApp.create('CIL Lahore — CIL Hub');
      book.addEditor('cil-leads@cil-demo.example');
      return book.getId();
    }, []);
    sandbox.state.user = { ...sandbox.state.user, email: lead };
    sandbox.state.groups = { 'cil-leads@cil-demo.example': [lead] };

    sandbox.openSpreadsheet(spreadsheetId);
    const chosen = sandbox.chooseMenuItem(spreadsheetId, 'setUpThisCil', [{ button: 'OK', text: 'CIL Lahore' }]);

    expect(chosen.error).toBeNull();
    expect(sandbox.state.ui.shown.filter((ui) => ui.kind === 'alert')[0]!.content).toMatch(/^CIL Lahore is set up\. Made: /);
    for (const sheet of sandbox.state.spreadsheets[spreadsheetId]!.sheets.filter((s) => s.name !== 'Sheet1' && s.name !== 'Dashboard')) {
      expect(sheet.protections.map((p) => p.editors), sheet.name).toEqual([['cfp-admin@cil-demo.example', lead]]);
    }
    expect(sheetState(sandbox, spreadsheetId, 'Dashboard').protections.map((p) => p.warningOnly)).toEqual([true]);
  });
});

describe('a registry entry someone broke by hand', () => {
  it('is skipped and named in the log; setup and the roster keep working for every other CIL', () => {
    const sandbox = newSandbox();
    const lahore = setUp(sandbox, { name: 'CIL Lahore' });
    sandbox.state.properties.script['cil:broken'] = '{"id": "broken", name: CIL';
    sandbox.state.properties.script['cil:half'] = '{"id":"half"}';

    const karachi = sandbox.run('setUpCil', [{ name: 'CIL Karachi' }]);
    const added = sandbox.run('addVolunteer', [{ name: 'Hira Baig', email: 'hira@example.org', role: 'member' }, lahore.cilId]);
    const unnamed = sandbox.run('addVolunteer', [{ name: 'Hira Baig', email: 'hira@example.org', role: 'member' }]);

    expect(karachi.error).toBeNull();
    expect(added.error).toBeNull();
    // The two readable CILs are still told apart; the broken entries are not counted.
    expect(unnamed.error).toBe('Error: This deployment serves 2 CILs (cil-karachi, cil-lahore); name the one you mean by its id.');
    const warned = sandbox.state.logs.filter((log) => log.execution === karachi.executionId && log.level === 'warn').map((log) => log.message);
    expect(warned).toEqual(
      ['cil:broken', 'cil:half'].map(
        (key) => `CIL Hub: the script property "${key}" is not a CIL registration CIL Hub can read, so it is skipped. Delete it, or run Set up this CIL again in that CIL's spreadsheet.`,
      ),
    );
  });
});

describe('what setUpCil refuses, changing nothing', () => {
  it('reports every missing required column by name and writes nothing at all', () => {
    const sandbox = newSandbox();
    const { spreadsheetId, folderId } = setUp(sandbox, { name: 'CIL Lahore' });
    asLead(sandbox, addRows, [spreadsheetId, 'Volunteers', [1, 2].map(volunteerRow)]);
    asLead(sandbox, deleteColumns, [spreadsheetId, 'Volunteers', ['Email']]);
    asLead(sandbox, deleteColumns, [spreadsheetId, 'Hours', ['Day']]);
    // Things setup would otherwise repair: an optional column, a trashed folder, a deleted tab.
    asLead(sandbox, deleteColumns, [spreadsheetId, 'Stories', ['Link']]);
    asLead(sandbox, (id: string) => {
      DriveApp.getFolderById(id).getFoldersByName('Archive').next().setTrashed(true);
    }, [folderId]);
    asLead(sandbox, (id: string) => {
      const book = SpreadsheetApp.openById(id);
      book.deleteSheet(book.getSheetByName('Citizens')!);
    }, [spreadsheetId]);
    const before = snapshot(sandbox);

    const error = setUpFails(sandbox, { name: 'CIL Lahore' });

    expect(error).toContain('The "Volunteers" tab has no "Email" column');
    expect(error).toContain('The "Hours" tab has no "Day" column');
    expect(error).toContain('Nothing was changed');
    expect(snapshot(sandbox)).toEqual(before);
  });

  it('reports a header that appears twice, a tab named in the wrong case, and a bad setting', () => {
    const sandbox = newSandbox();
    const { spreadsheetId } = setUp(sandbox, { name: 'CIL Lahore' });
    asLead(sandbox, (id: string) => {
      const book = SpreadsheetApp.openById(id);
      book.getSheetByName('Hours')!.getRange(1, 12).setValue('Category');
      book.getSheetByName('Stories')!.setName('stories');
      book.getSheetByName('Dashboard')!.setName('dashboard');
    }, [spreadsheetId]);
    asLead(sandbox, editSetting, [spreadsheetId, 'Time zone', 'Mars/Olympus']);
    const before = snapshot(sandbox);

    const error = setUpFails(sandbox, { name: 'CIL Lahore' });

    expect(error).toContain('The "Hours" tab has "Category" twice (columns E and L)');
    expect(error).toContain('The tab "stories" must be named exactly "Stories"');
    expect(error).toContain('The tab "dashboard" must be named exactly "Dashboard"');
    expect(error).toContain('"Time zone" must be a time zone name like Asia/Karachi');
    expect(snapshot(sandbox)).toEqual(before);
  });

  it.each([
    [undefined, 'the options must be an object'],
    [{}, 'option "name" is missing'],
    [{ name: '   ' }, 'option "name" is blank'],
    [{ name: 42 }, 'option "name" must be a string'],
    [{ name: 'CIL Lahore', timeZone: 'Lahore' }, 'option "timeZone" must be a time zone name like Asia/Karachi'],
    [{ name: 'CIL Lahore', leadEmails: 'a@example.org' }, 'option "leadEmails" must be a list'],
    [{ name: 'CIL Lahore', leadEmails: ['a@example.org', 'bilal'] }, 'option "leadEmails" (item 2) must be an email address'],
    [{ name: 'CIL Lahore', cfpLeadEmail: 'cfp at example.org' }, 'option "cfpLeadEmail" must be an email address'],
    [{ name: 'CIL Lahore', town: 'Lahore' }, 'there is no option "town"'],
    [{ name: 'CIL Lahore', parentFolderId: 'no-such-folder' }, 'option "parentFolderId" names no folder'],
  ])('refuses options %j: %s, and creates nothing', (options, message) => {
    const sandbox = newSandbox();
    const before = snapshot(sandbox);
    const error = setUpFails(sandbox, options);
    expect(error).toContain('Cannot set up the CIL: ');
    expect(error).toContain(message);
    expect(snapshot(sandbox)).toEqual(before);
  });
});
