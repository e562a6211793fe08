import { REPORT_CATALOG } from '../../../shared/reports/report-catalog';
import type { ReportKind } from '../../../shared/reports/report-kind';
import { templateGuide } from '../../../shared/reports/template-syntax';
import type { SetupReport } from '../cil/setup-report';
import { filesOfType } from '../google/drive-folders';
import { TEMPLATE_CONTENT } from './templates/catalog';
import type { TemplatePart } from './templates/parts';

// The report templates: one Google Doc per report kind in the CIL's Templates folder, made at setup
// and the lead's from then on. Setup makes only the ones missing (found by name), so a template a
// lead edited is never written over, and one a lead deleted comes back as it first was.

type Body = GoogleAppsScript.Document.Body;
type Folder = GoogleAppsScript.Drive.Folder;

// MimeType.GOOGLE_DOCS; spelled out because tests type-check this module beside the DOM's MimeType.
export const GOOGLE_DOCS = 'application/vnd.google-apps.document';

/** The template's name in the Templates folder, e.g. 'Monthly progress update (template)'. */
export const templateNameOf = (report: ReportKind) => `${report.title} (template)`;

/** The template as first made: the guide to the syntax and the names this report offers, then the report. */
function templateParts(report: ReportKind): TemplatePart[] {
  return [...templateGuide(report.vocabulary).map((text): TemplatePart => ({ kind: 'guide', text })), ...TEMPLATE_CONTENT[report.kind]];
}

/**
 * Writes the parts into a new Doc's body. Each goes in before the body's one empty paragraph, which
 * stays last: a table appended at the very end would get an empty paragraph of its own after it.
 */
function writeParts(body: Body, parts: readonly TemplatePart[]): void {
  const { ParagraphHeading, Attribute } = DocumentApp;
  parts.forEach((part, index) => {
    switch (part.kind) {
      case 'table':
        body.insertTable(index, part.rows.map((row) => [...row]));
        return;
      case 'title':
        body.insertParagraph(index, part.text).setHeading(ParagraphHeading.TITLE);
        return;
      case 'heading':
        body.insertParagraph(index, part.text).setHeading(ParagraphHeading.HEADING2);
        return;
      case 'guide':
        body.insertParagraph(index, part.text).setAttributes({ [Attribute.ITALIC]: true, [Attribute.FOREGROUND_COLOR]: '#5f6368' });
        return;
      case 'paragraph':
        body.insertParagraph(index, part.text);
        return;
    }
  });
}

function makeTemplate(folder: Folder, report: ReportKind): void {
  const doc = DocumentApp.create(templateNameOf(report));
  writeParts(doc.getBody(), templateParts(report));
  doc.saveAndClose();
  // DocumentApp makes it in the root of My Drive.
  DriveApp.getFileById(doc.getId()).moveTo(folder);
}

/** Makes the templates the Templates folder lacks; keeps every one already there, edited or not. */
export function setUpReportTemplates(folder: Folder, path: string, report: SetupReport): void {
  // A template in the trash is gone: it is made again.
  const present = new Set(filesOfType(folder, GOOGLE_DOCS).map((doc) => doc.getName()));
  for (const kind of REPORT_CATALOG) {
    const name = templateNameOf(kind);
    if (present.has(name)) {
      report.kept.push(`template "${path}/${name}"`);
      continue;
    }
    makeTemplate(folder, kind);
    report.created.push(`template "${path}/${name}"`);
  }
}
