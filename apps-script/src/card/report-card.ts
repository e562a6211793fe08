import { REPORT_CATALOG, reportKindNamed } from '../../../shared/reports/report-catalog';
import type { ReportKind } from '../../../shared/reports/report-kind';
import { readReportPeriod, recentPeriods } from '../../../shared/reports/report-period';
import { dayOf } from '../../../shared/time/zone';
import type { OpenCil } from '../cil/open-cil';
import { queueReport, type ReportAsked } from '../reports/report-queue';
import { OFFERED, offeredProjects, PERIOD_WORDS, PRESELECTED_PERIOD } from '../sidebar/generate-report-sidebar';
import { actionButton, answering, CARD_LOCK_WAIT_MS, cardText, inputOf, paragraph, parameterOf, pushed, told, toRoot, type ActionResponse, type Card, type CardEvent } from './card-parts';
import { cilNamed } from './cil-choice';

// "Generate report" on the card: pick a report of the catalog, then its period (the latest finished one
// to begin with, as the spreadsheet's sidebar offers) or its project, and whether to save a PDF and email
// the CfP lead. The report is not made here: a fill costs hundreds of Docs calls, more than a card action's
// 30 seconds, so the request is queued and the lead who asked is emailed the Doc's link once a trigger
// has made it (apps-script/src/reports/report-queue.ts).

const REPORTS_CARD = 'reports';
const REPORT_CARD = 'report';
const PERIOD_FIELD = 'period';
const PROJECT_FIELD = 'project';
const OPTIONS_FIELD = 'options';
const MAX_PROJECT_ID = 100;

function reportOf(e: CardEvent): ReportKind {
  const report = reportKindNamed(parameterOf(e, 'kind'));
  if (!report) throw new Error('This button names a report CIL Hub no longer makes; reopen CIL Hub and try again. Nothing was queued.');
  return report;
}

const header = (title: string, cil: OpenCil) => CardService.newCardHeader().setTitle(title).setSubtitle(cil.settings.cilName);

/** The catalog, a report a line. */
function reportsCard(cil: OpenCil): Card {
  const section = CardService.newCardSection().addWidget(
    paragraph('CIL Hub drafts the report from the records in a Google Doc, filed in Reports by year and period, and emails you its link.'),
  );
  for (const report of REPORT_CATALOG) {
    section.addWidget(
      CardService.newDecoratedText()
        .setTopLabel(report.periodKind === 'project' ? 'Project' : PERIOD_WORDS[report.periodKind])
        .setText(cardText(report.title))
        .setBottomLabel(report.about)
        .setWrapText(true)
        .setButton(actionButton('Choose', 'chooseReportFromCard', { cilId: cil.registered.id, kind: report.kind })),
    );
  }
  return CardService.newCardBuilder().setName(REPORTS_CARD).setHeader(header('Generate report', cil)).addSection(section).build();
}

/** What the report is about: a period of its kind, or a project. */
function aboutChoice(cil: OpenCil, report: ReportKind): GoogleAppsScript.Card_Service.SelectionInput | null {
  const dropdown = CardService.newSelectionInput().setType(CardService.SelectionInputType.DROPDOWN);
  if (report.periodKind === 'project') {
    const projects = offeredProjects(cil);
    if (projects.length === 0) return null;
    dropdown.setFieldName(PROJECT_FIELD).setTitle('Project');
    projects.forEach((project, i) => dropdown.addItem(`${project.name} (${project.status})`, project.id, i === 0));
    return dropdown;
  }
  dropdown.setFieldName(PERIOD_FIELD).setTitle(PERIOD_WORDS[report.periodKind]);
  const today = dayOf(new Date(), cil.settings.timeZone);
  recentPeriods(report.periodKind, today, OFFERED[report.periodKind]).forEach(({ period, finished }, i) =>
    dropdown.addItem(`${period.name}${finished ? '' : ' (in progress)'}`, period.label, i === PRESELECTED_PERIOD),
  );
  return dropdown;
}

function reportCard(cil: OpenCil, report: ReportKind, about: GoogleAppsScript.Card_Service.SelectionInput): Card {
  const options = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.CHECK_BOX)
    .setFieldName(OPTIONS_FIELD)
    .setTitle('Also')
    .addItem('Save a PDF beside it', 'pdf', false);
  const cfpLead = cil.settings.cfpLeadEmail;
  if (cfpLead !== undefined) options.addItem(`Email the link to the CfP lead (${cfpLead})`, 'emailCfpLead', false);
  const section = CardService.newCardSection().addWidget(paragraph(cardText(report.about))).addWidget(about).addWidget(options);
  if (cfpLead === undefined) section.addWidget(paragraph('Fill in “CfP lead email” in the Settings tab to email reports to the CfP lead.'));
  section.addWidget(CardService.newButtonSet().addButton(actionButton('Draft report', 'queueReportFromCard', { cilId: cil.registered.id, kind: report.kind }, true)));
  return CardService.newCardBuilder().setName(REPORT_CARD).setHeader(header(report.title, cil)).addSection(section).build();
}

/** Entry point (the card's "Generate report"): the reports to pick from. */
export function showReportsFromCard(e: CardEvent): ActionResponse {
  return answering(() => pushed(reportsCard(cilNamed(parameterOf(e, 'cilId')))));
}

/** Entry point (a report's "Choose"): its period or project, and the options. */
export function chooseReportFromCard(e: CardEvent): ActionResponse {
  return answering(() => {
    const report = reportOf(e);
    const cil = cilNamed(parameterOf(e, 'cilId'));
    const about = aboutChoice(cil, report);
    if (about === null) return told(`A ${report.title.toLowerCase()} is about a project, and the Projects tab has none yet: add the project there first.`);
    return pushed(reportCard(cil, report, about));
  });
}

/** Entry point (the report card's "Draft report"): queues the request and says so at once. */
export function queueReportFromCard(e: CardEvent): ActionResponse {
  return answering(() => {
    const report = reportOf(e);
    const registered = cilNamed(parameterOf(e, 'cilId')).registered;
    const requestedBy = Session.getActiveUser().getEmail().trim();
    if (requestedBy === '') return told('CIL Hub cannot tell who you are here, so it could not email you the report. Use CIL Hub › Generate report… in the spreadsheet. Nothing was queued.');
    let about: string;
    let target: Pick<ReportAsked, 'period' | 'projectId'>;
    if (report.periodKind === 'project') {
      const projectId = inputOf(e, PROJECT_FIELD)[0];
      if (projectId === undefined) return told('Choose the project first. Nothing was queued.');
      // The event is the caller's to forge: a project's ID is short text, anything else is refused here.
      if (typeof projectId !== 'string' || projectId.trim() === '' || projectId.length > MAX_PROJECT_ID) return told('That is not a project of this CIL; choose one from the list. Nothing was queued.');
      about = '';
      target = { projectId };
    } else {
      const label = inputOf(e, PERIOD_FIELD)[0];
      const period = label === undefined ? null : readReportPeriod(label, report.periodKind);
      if (period === null || !period.ok) return told(`Choose the ${PERIOD_WORDS[report.periodKind].toLowerCase()} first. Nothing was queued.`);
      about = ` for ${period.period.name}`;
      target = { period: period.period.label };
    }
    const options = inputOf(e, OPTIONS_FIELD);
    const asked: ReportAsked = {
      cilId: registered.id,
      cilName: registered.name,
      kind: report.kind,
      title: report.title,
      ...target,
      pdf: options.includes('pdf'),
      emailCfpLead: options.includes('emailCfpLead'),
      requestedBy,
    };
    const { ahead } = queueReport(asked, CARD_LOCK_WAIT_MS);
    const wait = ahead === 0 ? 'in a few minutes' : `after the ${ahead === 1 ? 'report' : `${ahead} reports`} asked for before it`;
    return toRoot(`Drafting the ${report.title}${about} — you will get an email at ${requestedBy} with its link ${wait}.`);
  });
}
