import { z } from '../../../shared/zod';
import type { Deliverable } from '../../../shared/records/deliverable';
import type { Project } from '../../../shared/records/project';
import { REPORT_CATALOG, reportKindNamed } from '../../../shared/reports/report-catalog';
import { deliverableFor, isOwed } from '../../../shared/reports/report-deliverable';
import type { ReportKind } from '../../../shared/reports/report-kind';
import { projectPeriod, readReportPeriod, recentPeriods, upTo, type ReportPeriod } from '../../../shared/reports/report-period';
import { TemplateError } from '../../../shared/reports/template-syntax';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import type { PeriodKind } from '../../../shared/time/period';
import { dayOf } from '../../../shared/time/zone';
import type { OpenCil } from '../cil/open-cil';
import { cilContactOf } from '../email/accountability/emails-for-actions';
import { letter, paragraph } from '../email/accountability/letter';
import { fileNamed, filesNamed, folderInside, folderNamed, folderWithId } from '../google/drive-folders';
import { busyForLead, withScriptLock } from '../google/script-lock';
import { sendOrDefer } from '../mail/outbox';
import { rosterCil } from '../roster/roster-cil';
import { markDrafted } from './drafted-deliverable';
import { applyFill, planFill, type TemplateFill } from './fill-template';
import { draftDescription, isUntouched, latestDraft, textDigest, versionName, type Draft } from './report-drafts';
import { readReportRecords } from './report-records';
import { GOOGLE_DOCS, templateNameOf } from './report-templates';
import { messageOf } from '../error-message';

// "Generate report": the report's template copied into Reports/<year>/<period>, filled from the
// records, the Deliverables row marked drafted with the Doc's link, and on request a PDF beside it and
// an email to the CfP lead. Everything is read and worked out first: a template the lead broke has its
// mistakes named and leaves nothing behind, and a failure after the copy was made trashes what it made.
// Regenerating the same report updates the draft in place while nobody has touched it, and otherwise
// (a lead edited it, or it was submitted) makes a new, numbered version beside it. A plain object in
// and a plain object out. A fill costs hundreds of Docs calls, too many for a card action's 30 seconds:
// the add-on card queues its requests instead, and a one-off trigger generates them (report-queue.ts).

type Body = GoogleAppsScript.Document.Body;
type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

export interface GenerateReportRequest {
  /** The CIL; the spreadsheet open in the sidebar's or menu's case, or the deployment's only CIL. */
  cilId?: string | null;
  /** A report of the catalog, named by its deliverable kind: 'monthly progress update'. */
  kind: string;
  /** '2026-10', '2026-W44', …; blank for the latest finished period. Not for project reports. */
  period?: string;
  /** The project of a closure or discovery report. */
  projectId?: string;
  /** Also export a PDF into the same folder. */
  pdf?: boolean;
  /** Email the CfP lead (Settings) the link. */
  emailCfpLead?: boolean;
}

export interface GeneratedReport {
  ok: true;
  kind: string;
  title: string;
  period: string;
  periodName: string;
  docName: string;
  docUrl: string;
  folderUrl: string;
  version: number;
  /** 'created': a first draft; 'updated': the untouched draft, rewritten in place; 'new version': beside a draft a lead edited. */
  outcome: 'created' | 'updated' | 'new version';
  pdfUrl?: string;
  email?: 'sent' | 'deferred' | 'not sent';
  /** The Deliverables row drafted, if one matched. */
  deliverable?: { id: string; title: string; status: string };
  /** Everything the lead should know, in sentences, the first saying what was done. */
  notes: string[];
}

export type GenerateReportResult = GeneratedReport | { ok: false; message: string };

/** A lead waits this long for another task to finish; well under a card action's 30 seconds. */
const REPORT_LOCK_WAIT_MS = 10_000;

const requestSchema = z.strictObject({
  cilId: z.string().nullable().optional(),
  kind: z.string(),
  period: z.string().optional(),
  projectId: z.string().optional(),
  pdf: z.boolean().optional(),
  emailCfpLead: z.boolean().optional(),
});

/** A request a lead can correct; nothing was written. */
class ReportRequestError extends Error {}

const NOTHING_WRITTEN = 'Nothing was written.';

function refuse(problem: string): never {
  throw new ReportRequestError(`${problem} ${NOTHING_WRITTEN}`);
}

const kindsText = () => REPORT_CATALOG.map((report) => `"${report.kind}"`).join(', ');

function reportFor(kind: string): ReportKind {
  return reportKindNamed(kind.trim().toLowerCase()) ?? refuse(`There is no report "${kind}"; the reports are ${kindsText()}.`);
}

function projectFor(projects: readonly Project[], report: ReportKind, projectId: string | undefined): Project {
  const listed = projects.map((project) => `${project.name} (${project.id})`).join(', ') || 'none: add it to the Projects tab first';
  if (projectId === undefined || projectId.trim() === '') refuse(`A ${report.title.toLowerCase()} is about one project; choose it. The projects are ${listed}.`);
  const project = projects.find((candidate) => candidate.id === projectId.trim());
  return project ?? refuse(`There is no project with the ID "${projectId}" in the Projects tab; the projects are ${listed}.`);
}

/** The period asked for (the latest finished one when none is), as far as it has run. */
function periodFor(kind: PeriodKind, label: string | undefined, today: CalendarDay): ReportPeriod {
  if (label === undefined || label.trim() === '') return recentPeriods(kind, today, 1)[1]!.period;
  const read = readReportPeriod(label, kind);
  if (!read.ok) refuse(read.message);
  if (read.period.first > today) refuse(`${read.period.name} has not begun yet.`);
  return upTo(read.period, today);
}

/** The Doc's name: the report and its period (or project), and the CIL. */
function baseNameOf(report: ReportKind, period: ReportPeriod, cilName: string): string {
  return period.kind === 'project' ? `${report.title}, ${period.label} — ${cilName}` : `${report.title} ${period.label} — ${cilName}`;
}

/**
 * Puts the filled body's content into the untouched draft's body, element by element. Each copy goes
 * in before the cleared body's one empty paragraph, which is dropped once the last copy (a body always
 * ends with a paragraph) is appended after it: a table appended at the very end would get an empty
 * paragraph of its own.
 */
function replaceBody(target: Body, source: Body): void {
  const { ElementType } = DocumentApp;
  target.clear();
  const count = source.getNumChildren();
  let placed = 0;
  for (let i = 0; i < count; i++) {
    const child = source.getChild(i);
    const at = i < count - 1 ? placed : placed + 1;
    const type = child.getType();
    if (type === ElementType.PARAGRAPH) target.insertParagraph(at, child.asParagraph().copy());
    else if (type === ElementType.LIST_ITEM) target.insertListItem(at, child.asListItem().copy());
    else if (type === ElementType.TABLE) target.insertTable(at, child.asTable().copy());
    else if (type === ElementType.PAGE_BREAK) target.insertPageBreak(at, child.asPageBreak().copy());
    else if (type === ElementType.HORIZONTAL_RULE) target.insertHorizontalRule(at);
    else continue;
    placed++;
  }
  target.getChild(placed - 1).removeFromParent();
}

/** Whether the row says the report went to CfP: its draft is then kept as it was sent. */
const isSubmitted = (deliverable: Deliverable | undefined) =>
  deliverable !== undefined && (deliverable.status === 'submitted' || deliverable.submittedOn !== undefined);

function generateFor(cil: OpenCil, request: z.output<typeof requestSchema>, report: ReportKind): GeneratedReport {
  const { settings } = cil;
  const today = dayOf(new Date(), settings.timeZone);
  const records = readReportRecords(cil);
  let project: Project | undefined;
  let period: ReportPeriod;
  if (report.periodKind === 'project') {
    project = projectFor(records.projects, report, request.projectId);
    period = projectPeriod(project, records.hours, today);
  } else {
    period = periodFor(report.periodKind, request.period, today);
  }
  const values = report.values(records, period, settings, project);
  const deliverable = deliverableFor(records.deliverables, report, period, project);
  const notes: string[] = [];
  if (project && report.kind === 'project closure report' && project.completedOn === undefined) {
    notes.push(`${project.name} is not marked completed in the Projects tab, so the report covers it up to today.`);
  }

  const cilFolder = folderWithId(cil.registered.folderId) ?? refuse("The CIL's Drive folder is missing or in the trash. Run CIL Hub › Set up this CIL… to restore it.");
  const templateName = templateNameOf(report);
  const templatesFolder = folderNamed(cilFolder, 'Templates');
  const template = templatesFolder ? fileNamed(templatesFolder, templateName, GOOGLE_DOCS) : null;
  if (!template) refuse(`The template "${templateName}" is not in the CIL's Templates folder. Run CIL Hub › Set up this CIL… to make it again; your other templates stay as they are.`);
  // The template is checked and the fill planned before anything is made: a template with mistakes
  // leaves no folder and no copy behind, not even in the trash.
  let fill: TemplateFill;
  try {
    fill = planFill(DocumentApp.openById(template.getId()).getBody(), report.vocabulary, values);
  } catch (error) {
    if (error instanceof TemplateError) refuseTemplate(error, templateName);
    throw error;
  }

  // What this generation makes, trashed again if it cannot finish.
  const made: (File | Folder)[] = [];
  let result: GeneratedReport;
  const inside = (parent: Folder, name: string) => {
    const found = folderInside(parent, name);
    if (found.made) made.push(found.folder);
    return found.folder;
  };
  try {
    const year = period.kind === 'project' ? period.last.slice(0, 4) : period.label.slice(0, 4);
    const folder = inside(inside(inside(cilFolder, 'Reports'), year), period.label);
    const base = baseNameOf(report, period, settings.cilName);
    const latest = latestDraft(folder, base);

    const fresh = template.makeCopy(versionName(base, latest ? latest.version + 1 : 1), folder);
    made.push(fresh);
    const filled = DocumentApp.openById(fresh.getId());
    applyFill(filled.getBody(), fill);

    let draft: Draft;
    let outcome: GeneratedReport['outcome'];
    let body: Body;
    let doc = filled;
    const submitted = isSubmitted(deliverable);
    if (latest && !submitted && isUntouched(latest)) {
      doc = DocumentApp.openById(latest.file.getId());
      body = doc.getBody();
      replaceBody(body, filled.getBody());
      fresh.setTrashed(true);
      draft = latest;
      outcome = 'updated';
    } else {
      body = filled.getBody();
      draft = { file: fresh, version: latest ? latest.version + 1 : 1 };
      outcome = latest ? 'new version' : 'created';
    }
    const digest = textDigest(body.getText());
    doc.saveAndClose();
    // Stamped once the Doc is saved: Drive's "last updated" of a draft nobody touched stays within
    // moments of it, however long the fill took.
    draft.file.setDescription(draftDescription(new Date(), digest));
    const docName = draft.file.getName();
    const docUrl = draft.file.getUrl();
    notes.push(
      outcome === 'created'
        ? `Drafted "${docName}".`
        : outcome === 'updated'
          ? `Updated "${docName}" in place: nobody had edited it since it was generated.`
          : submitted
            ? `Made "${docName}" beside version ${latest!.version}: "${deliverable!.title}" is submitted, so the draft that went to CfP is left as it is.`
            : `Made "${docName}" beside version ${latest!.version}, which someone edited since it was generated; that one is left as it is.`,
    );

    result = {
      ok: true,
      kind: report.kind,
      title: report.title,
      period: period.label,
      periodName: period.name,
      docName,
      docUrl,
      folderUrl: folder.getUrl(),
      version: draft.version,
      outcome,
      notes,
    };

    if (request.pdf) {
      const pdfName = `${docName}.pdf`;
      for (const old of filesNamed(folder, pdfName)) old.setTrashed(true);
      const pdf = folder.createFile(draft.file.getAs('application/pdf').setName(pdfName));
      made.push(pdf);
      result.pdfUrl = pdf.getUrl();
      notes.push(`Saved "${pdfName}" beside it.`);
    }
    markDeliverable(cil, deliverable, result, project);
  } catch (error) {
    for (const item of made.reverse()) item.setTrashed(true);
    throw error;
  }
  // The report is made; an email that cannot go is said, not a reason to undo it.
  if (request.emailCfpLead) {
    try {
      emailCfpLead(cil, report, period, result);
    } catch (error) {
      result.email = 'not sent';
      result.notes.push(`The email to the CfP lead could not be sent: ${messageOf(error)}`);
    }
  }
  return result;
}

function markDeliverable(cil: OpenCil, deliverable: Deliverable | undefined, result: GeneratedReport, project: Project | undefined): void {
  const { notes } = result;
  if (!deliverable) {
    notes.push(`No row of the Deliverables tab is this ${result.kind}${project ? ` on ${project.name}` : ` for ${result.period}`}, so none was marked drafted.`);
    return;
  }
  const left = (now: Deliverable) => {
    const status = isSubmitted(now) ? 'submitted' : now.status;
    result.deliverable = { id: now.id, title: now.title, status };
    notes.push(`"${now.title}" is already ${status} in the Deliverables tab; it was left as it is.`);
  };
  if (!isOwed(deliverable)) {
    left(deliverable);
    return;
  }
  const marked = markDrafted(cil.spreadsheet, deliverable, result.docUrl, cil.settings.timeZone);
  switch (marked.kind) {
    case 'mark':
      result.deliverable = { id: deliverable.id, title: deliverable.title, status: 'drafted' };
      notes.push(
        marked.linked
          ? `Marked "${deliverable.title}" drafted in the Deliverables tab, with the link; set "Submitted on" once it is sent.`
          : `Marked "${deliverable.title}" drafted in the Deliverables tab; it has no "Link" column for the Doc's link. Set "Submitted on" once it is sent.`,
      );
      return;
    case 'not owed':
      left(marked.deliverable);
      return;
    case 'gone':
      notes.push(`"${deliverable.title}" (ID ${deliverable.id}) is no longer in the Deliverables tab, so nothing was marked drafted.`);
      return;
    case 'unreadable':
      notes.push(`Nothing was marked drafted in the Deliverables tab: ${marked.problem}. Fix it, then set the status of "${deliverable.title}" and its link by hand.`);
      return;
  }
}

function refuseTemplate(error: TemplateError, templateName: string): never {
  throw new ReportRequestError(`${error.message}\nFix it in "${templateName}" in the CIL's Templates folder, then generate the report again. No report was made, and the Deliverables tab is unchanged.`);
}

function emailCfpLead(cil: OpenCil, report: ReportKind, period: ReportPeriod, result: GeneratedReport): void {
  const { settings } = cil;
  if (settings.cfpLeadEmail === undefined) {
    result.email = 'not sent';
    result.notes.push('No email was sent: the Settings tab has no "CfP lead email".');
    return;
  }
  const message = letter({
    to: [settings.cfpLeadEmail],
    subject: `${settings.cilName}: ${report.title}, ${period.name}`,
    cil: cilContactOf(settings),
    greeting: 'Hello,',
    blocks: [
      paragraph(`${settings.cilName}'s ${report.title.toLowerCase()} for ${period.name} is drafted in Google Docs: ${result.docUrl}`),
      ...(result.pdfUrl === undefined ? [] : [paragraph(`As a PDF: ${result.pdfUrl}`)]),
      paragraph("CIL Hub drafted it from the CIL's records; the leads may still edit it before they submit it."),
    ],
  });
  const sent = sendOrDefer(message, { mandatory: false });
  result.email = sent.status === 'sent' ? 'sent' : 'deferred';
  result.notes.push(
    sent.status === 'sent'
      ? `Emailed the link to ${settings.cfpLeadEmail}.`
      : `Today's mail quota is used up: the email to ${settings.cfpLeadEmail} goes out with the deferred emails.`,
  );
}

/** Checks the request and generates the report, the work run by `locked` (which holds the script lock around it). */
function generateWith(request: GenerateReportRequest, locked: (work: () => GeneratedReport) => GeneratedReport): GenerateReportResult {
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `"${issue.path.join('.')}" ${issue.message}` : issue.message));
    return { ok: false, message: `Cannot generate the report: ${problems.join('; ')}. ${NOTHING_WRITTEN}` };
  }
  try {
    const report = reportFor(parsed.data.kind);
    const cil = rosterCil(parsed.data.cilId);
    return locked(() => generateFor(cil, parsed.data, report));
  } catch (error) {
    if (!(error instanceof ReportRequestError)) console.error(`CIL Hub: generating a report stopped: ${messageOf(error)}`);
    return { ok: false, message: messageOf(error) };
  }
}

/** Entry point (the sidebar's): generates one report; see GenerateReportRequest. */
export function generateReport(request: GenerateReportRequest): GenerateReportResult {
  return generateWith(request, (work) => withScriptLock(REPORT_LOCK_WAIT_MS, work, busyForLead));
}

/** generateReport for a caller that holds the script lock already: the queue of reports asked for on the add-on card. */
export function generateReportHoldingLock(request: GenerateReportRequest): GenerateReportResult {
  return generateWith(request, (work) => work());
}
