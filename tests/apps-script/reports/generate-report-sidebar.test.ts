import { describe, expect, it } from 'vitest';
import { REPORT_CATALOG } from '../../../shared/reports/report-catalog';
import { setSetting } from '../daily-run-fixture';
import { appendRow, setUpDemo, type Demo } from './report-fixture';

// The "Generate report…" sidebar: opened from the CIL Hub menu in the CIL's spreadsheet, it offers
// every report, recent periods (the latest finished one chosen), the projects, and the PDF and email
// options, and runs generateReport for the spreadsheet that is open.

function openSidebar(demo: Demo): string {
  demo.sandbox.openSpreadsheet(demo.spreadsheetId);
  const chosen = demo.sandbox.chooseMenuItem(demo.spreadsheetId, 'openGenerateReportSidebar');
  expect(chosen.error).toBeNull();
  const sidebar = demo.sandbox.state.ui.shown.filter((shown) => shown.kind === 'sidebar').at(-1)!;
  expect(sidebar.title).toBe('Generate report');
  return sidebar.content;
}

const selected = (page: string, name: string) => {
  const select = new RegExp(`<select name="${name}">(.*?)</select>`, 's').exec(page)![1]!;
  return /<option value="([^"]*)" selected>/.exec(select)?.[1];
};

describe('the "Generate report…" sidebar', () => {
  const demo = setUpDemo();
  const page = openSidebar(demo);

  it('offers every report, with the period it needs and what it is for', () => {
    for (const report of REPORT_CATALOG) {
      expect(page).toContain(`<option value="${report.kind.replace('&', '&amp;')}" data-period="${report.periodKind}" data-about="${report.about.replace(/'/g, '&#39;')}">${report.title}</option>`);
    }
  });

  it('chooses the latest finished period of each kind, and offers the one in progress', () => {
    expect([selected(page, 'period-week'), selected(page, 'period-biweek'), selected(page, 'period-month'), selected(page, 'period-quarter')]).toEqual([
      '2026-W47',
      '2026-B23',
      '2026-10',
      '2026-Q3',
    ]);
    expect(page).toContain('<option value="2026-11">November 2026 (in progress)</option>');
  });

  it('offers the projects for the project reports, and the CfP lead to email', () => {
    expect(page).toMatch(/<option value="p-[0-9a-f]+">Lahore Transit Map \(active\)<\/option>/);
    expect(page).toMatch(/<option value="p-[0-9a-f]+">Clean Water Complaints Tracker \(completed\)<\/option>/);
    expect(page).toContain('Email the link to the CfP lead (cil-leads@codeforpakistan.example)');
    expect(page).toContain('.generateReport(request)');
  });

  it('escapes what people typed, and shows answers as text only', () => {
    const hostile = setUpDemo();
    appendRow(hostile, 'Projects', { 'Project ID': 'p-x', Name: '<img src=x onerror=alert(1)>', Status: 'discovery' });
    const escaped = openSidebar(hostile);
    expect(escaped).not.toContain('<img src=x');
    expect(escaped).toContain('<option value="p-x">&lt;img src=x onerror=alert(1)&gt; (discovery)</option>');
    expect(escaped).not.toContain('innerHTML');
  });

  it('turns the email off, saying why, when Settings has no CfP lead', () => {
    const quiet = setUpDemo();
    setSetting(quiet, 'CfP lead email', '');
    expect(openSidebar(quiet)).toContain('<input name="emailCfpLead" type="checkbox" disabled>');
  });

  it('generates for the spreadsheet that is open, as google.script.run calls it', () => {
    const run = demo.sandbox.run('generateReport', [{ kind: 'monthly progress update', period: '2026-10', pdf: false, emailCfpLead: false }], {
      activeSpreadsheetId: demo.spreadsheetId,
      trigger: 'menu',
    });
    expect(run.error).toBeNull();
    expect(run.value).toMatchObject({ ok: true, period: '2026-10', docName: 'Monthly progress update 2026-10 — CIL Demo' });
  });
});
