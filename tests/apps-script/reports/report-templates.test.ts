/// <reference types="google-apps-script" />
import { describe, expect, it } from 'vitest';
import { deliverablesTab } from '../../../shared/records/deliverable';
import { hoursTab } from '../../../shared/records/hours';
import { REPORT_CATALOG } from '../../../shared/reports/report-catalog';
import { TEMPLATE_GUIDE_START, TEMPLATE_SYNTAX_HELP } from '../../../shared/reports/template-syntax';
import { asLead, sheetState } from '../as-lead';
import { recordsOf } from '../daily-run-fixture';
import { docLines, generate, generated, idOf, itemsIn, setUpDemo, templateOf, type Demo } from './report-fixture';

// The report templates in the CIL's Templates folder: made at setup, the lead's from then on. A lead
// edits them freely (placeholders moved, removed, added; paragraphs of their own); a mistake in one is
// named with its place and leaves nothing behind; setup never writes over one.

function registeredFolder(demo: Demo): string {
  return (JSON.parse(demo.sandbox.state.properties.script[`cil:${demo.cilId}`]!) as { folderId: string }).folderId;
}

const templatesFolder = (demo: Demo) => itemsIn(demo.sandbox, registeredFolder(demo)).find((item) => item.name === 'Templates')!.id;

describe('the templates setup makes', () => {
  const demo = setUpDemo();

  it('are one Google Doc per report in the Templates folder', () => {
    const names = itemsIn(demo.sandbox, templatesFolder(demo)).map((item) => [item.name, item.mimeType]);
    expect(names.sort()).toEqual(REPORT_CATALOG.map((report) => [`${report.title} (template)`, 'application/vnd.google-apps.document']).sort());
  });

  it.each(REPORT_CATALOG.map((report) => [report.title, report] as const))('%s opens with the guide to the syntax and the names it offers', (title, report) => {
    const lines = docLines(demo.sandbox, templateOf(demo, title).id);
    expect(lines.slice(0, TEMPLATE_SYNTAX_HELP.length - 1)).toEqual(TEMPLATE_SYNTAX_HELP.slice(0, -1));
    expect(lines.some((line) => line.startsWith('Fields: ') && line.includes(`{{${report.vocabulary.fields.at(-1)}}}`))).toBe(true);
    const body = demo.sandbox.state.documents[templateOf(demo, title).id]!.body;
    expect(body.some((node) => node.type === 'paragraph' && node.heading === 'TITLE' && node.text === `${title}: {{cil.name}}`)).toBe(true);
    expect(body.some((node) => node.type === 'paragraph' && node.heading === 'HEADING2')).toBe(true);
    expect(lines.some((line) => /^\{\{#(if|unless) /.test(line))).toBe(true);
  });

  it('have tables whose placeholder rows repeat per item', () => {
    const lines = docLines(demo.sandbox, templateOf(demo, 'Monthly progress update').id);
    expect(lines).toContain('Volunteer | Role | Team | Hours | Commitment (h) | Meetings attended');
    expect(lines).toContain('{{volunteers.name}} | {{volunteers.role}} | {{volunteers.team}} | {{volunteers.hours}} | {{volunteers.commitment}} | {{volunteers.meetings}}');
  });
});

describe('a template with a mistake', () => {
  it('names the placeholder and its place, makes no Doc or folder (not even one in the trash), and changes no Deliverables row', () => {
    const demo = setUpDemo();
    const template = templateOf(demo, 'Weekly activity summary');
    asLead(
      demo.sandbox,
      (id: string) => {
        const doc = DocumentApp.openById(id);
        doc.getBody().appendParagraph('Checked by {{nonsense}}.');
        doc.saveAndClose();
      },
      [template.id],
    );
    const items = structuredClone(demo.sandbox.state.drive.items);
    const deliverables = structuredClone(sheetState(demo.sandbox, demo.spreadsheetId, 'Deliverables').values);
    const outbox = demo.sandbox.state.mail.outbox.length;

    // The current week: its Reports folder does not exist yet.
    const { answer } = generate(demo, { kind: 'weekly summary', period: '2026-W48', pdf: true, emailCfpLead: true });

    expect(answer.ok).toBe(false);
    const message = !answer.ok ? answer.message : '';
    expect(message).toMatch(/^The template has a mistake, so no report was written: .*\{\{nonsense\}\}.*paragraph \d+ \("Checked by \{\{nonsense\}\}\."\)/);
    expect(message).toContain('Fix it in "Weekly activity summary (template)" in the CIL\'s Templates folder, then generate the report again. No report was made, and the Deliverables tab is unchanged.');
    // Nothing at all: no Doc and no folder, not even in the trash.
    expect(demo.sandbox.state.drive.items).toEqual(items);
    expect(sheetState(demo.sandbox, demo.spreadsheetId, 'Deliverables').values).toEqual(deliverables);
    expect(demo.sandbox.state.mail.outbox).toHaveLength(outbox);
    const row = recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab).find((d) => d.period === '2026-W48')!;
    expect(row.status).toBe('pending');
  });
});

describe("a lead's own template", () => {
  it('fills with placeholders moved, removed and added, and paragraphs of the lead\'s own', () => {
    const demo = setUpDemo();
    asLead(
      demo.sandbox,
      (id: string) => {
        const doc = DocumentApp.openById(id);
        const body = doc.getBody();
        const texts = () => Array.from({ length: body.getNumChildren() }, (_, i) => (body.getChild(i) as unknown as { getText(): string }).getText());
        // A sentence of the lead's own near the top, with fields moved into it.
        body.insertParagraph(texts().indexOf('{{period.name}}') + 1, 'This month {{volunteersLogging}} volunteers logged {{totalHours}} hours.');
        // No volunteers table: from its section's opening marker to the end of its "none" section.
        const start = texts().indexOf('{{#if volunteers}}');
        for (let i = 0; i < 6; i++) body.getChild(start).removeFromParent();
        // Blockers dropped, heading and all.
        const blockers = texts().indexOf('Blockers');
        body.getChild(blockers).removeFromParent();
        body.getChild(blockers).removeFromParent();
        // A field added to a table cell, and a closing line.
        const table = body.getTables()[0]!;
        table.getCell(0, 1).setText('{{totalHours}} (of which {{cil.name}} leads: see below)');
        body.appendParagraph('Prepared by the leads of {{cil.name}} for {{period.label}}.');
        doc.saveAndClose();
      },
      [templateOf(demo, 'Monthly progress update').id],
    );

    const report = generated(demo, { kind: 'monthly progress update', period: '2026-10' });

    const october = recordsOf(demo.sandbox, demo.spreadsheetId, hoursTab).filter((entry) => entry.day >= '2026-10-01' && entry.day <= '2026-10-31');
    const total = String(Math.round(october.reduce((sum, entry) => sum + entry.hours, 0) * 100) / 100);
    const logging = new Set(october.map((entry) => entry.volunteerId)).size;
    const lines = docLines(demo.sandbox, idOf(report.docUrl));
    expect(lines).toContain(`This month ${logging} volunteers logged ${total} hours.`);
    expect(lines).toContain(`Hours logged | ${total} (of which CIL Demo leads: see below)`);
    expect(lines.at(-1)).toBe('Prepared by the leads of CIL Demo for 2026-10.');
    expect(lines).not.toContain('Blockers');
    expect(lines.some((line) => line.startsWith('Volunteer | Role'))).toBe(false);
    expect(lines).toContain('Successes');
    expect(lines.filter((line) => line.includes('{{'))).toEqual([]);
    expect(lines).not.toContain(TEMPLATE_GUIDE_START);
  });
});

describe('running setup again', () => {
  it("leaves a lead's edited template alone, and makes again one that was deleted", () => {
    const demo = setUpDemo();
    const monthly = templateOf(demo, 'Monthly progress update');
    const annual = templateOf(demo, 'Annual report');
    asLead(
      demo.sandbox,
      (monthlyId: string, annualId: string) => {
        const doc = DocumentApp.openById(monthlyId);
        doc.getBody().appendParagraph('Our CIL adds a section on partners here.');
        doc.saveAndClose();
        DriveApp.getFileById(annualId).setTrashed(true);
      },
      [monthly.id, annual.id],
    );
    const edited = structuredClone(demo.sandbox.state.documents[monthly.id]);

    const again = demo.sandbox.run('setUpCil', [{ name: 'CIL Demo' }]);

    expect(again.error).toBeNull();
    const result = again.value as { created: string[]; kept: string[] };
    expect(result.created).toEqual(['template "CIL Demo/Templates/Annual report (template)"']);
    expect(result.kept).toContain('template "CIL Demo/Templates/Monthly progress update (template)"');
    expect(demo.sandbox.state.documents[monthly.id]).toEqual(edited);
    const remade = templateOf(demo, 'Annual report');
    expect(remade.id).not.toBe(annual.id);
    expect(docLines(demo.sandbox, remade.id)).toEqual(docLines(demo.sandbox, annual.id));
  });
});
