import { projectsTab, type Project } from '../../../shared/records/project';
import { REPORT_CATALOG } from '../../../shared/reports/report-catalog';
import { recentPeriods, type ReportPeriod } from '../../../shared/reports/report-period';
import { PERIOD_KINDS, type PeriodKind } from '../../../shared/time/period';
import { dayOf } from '../../../shared/time/zone';
import type { OpenCil } from '../cil/open-cil';
import { readTab, sheetOf, warnInvalidRows } from '../google/tab-sheet';
import { Html, html } from '../html/escape';
import { FORM_STYLE } from './sidebar-style';
import { showCilSidebar } from './cil-sidebar';

// The "Generate report…" sidebar: pick a report, its period (the latest finished one to begin with)
// or its project, and whether to save a PDF and email the CfP lead; it calls generateReport and shows
// the Doc's link or what went wrong. The bundle has no HTML files, so the page is built here; every
// value in it goes through `html`, and the page's own script writes answers with textContent only.

/** The page's script: static text, nothing interpolated. */
const SCRIPT = `
(function () {
  var form = document.getElementById('generate');
  var kind = form.elements.kind;
  var about = document.getElementById('about');
  var button = document.getElementById('go');
  var status = document.getElementById('status');
  var done = document.getElementById('done');
  var link = document.getElementById('doc');
  var notes = document.getElementById('notes');
  function chosen() {
    return kind.options[kind.selectedIndex];
  }
  function showChoices() {
    var needs = chosen().getAttribute('data-period');
    Array.prototype.forEach.call(document.querySelectorAll('[data-for]'), function (label) {
      label.hidden = label.getAttribute('data-for') !== needs;
    });
    about.textContent = chosen().getAttribute('data-about');
  }
  function show(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : 'done';
    button.disabled = false;
  }
  kind.addEventListener('change', showChoices);
  showChoices();
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var needs = chosen().getAttribute('data-period');
    var request = { kind: kind.value, pdf: form.elements.pdf.checked, emailCfpLead: form.elements.emailCfpLead.checked };
    if (needs === 'project') request.projectId = form.elements.project.value;
    else request.period = form.elements['period-' + needs].value;
    button.disabled = true;
    done.hidden = true;
    notes.textContent = '';
    status.className = '';
    status.textContent = 'Generating the report from the records… this takes a few seconds.';
    google.script.run
      .withFailureHandler(function (error) {
        show(error && error.message ? error.message : String(error), true);
      })
      .withSuccessHandler(function (result) {
        if (!result.ok) {
          show(result.message, true);
          return;
        }
        show('Done.', false);
        if (/^https:\\/\\//.test(result.docUrl)) link.href = result.docUrl;
        link.textContent = result.docName;
        done.hidden = false;
        result.notes.forEach(function (note) {
          var item = document.createElement('li');
          item.textContent = note;
          notes.appendChild(item);
        });
      })
      .generateReport(request);
  });
})();
`;

const STYLE = `${FORM_STYLE}
.hint { margin: 4px 0 0; }
`;

/** How many periods of each kind the sidebar (and the add-on card) offers, besides the current one. */
export const OFFERED: Record<PeriodKind, number> = { week: 8, biweek: 6, month: 12, quarter: 6, half: 4, year: 3 };

export const PERIOD_WORDS: Record<PeriodKind, string> = { week: 'Week', biweek: 'Two weeks', month: 'Month', quarter: 'Quarter', half: 'Half year', year: 'Year' };

/** The latest finished period is the one to report on: offered second, after the one still running. */
export const PRESELECTED_PERIOD = 1;

export interface GenerateReportChoices {
  cilName: string;
  cfpLeadEmail?: string;
  /** Latest first: the current period, then the finished ones. */
  periods: Record<PeriodKind, { period: ReportPeriod; finished: boolean }[]>;
  projects: readonly Pick<Project, 'id' | 'name' | 'status'>[];
}

function periodChoice(kind: PeriodKind, offered: GenerateReportChoices['periods'][PeriodKind]): Html {
  // The latest finished period is the one to report on; the current one is still running.
  const options = offered.map(({ period, finished }, index) => {
    const note = finished ? '' : ' (in progress)';
    return html`<option value="${period.label}"${index === PRESELECTED_PERIOD ? html` selected` : ''}>${period.name}${note}</option>`;
  });
  return html`<label data-for="${kind}">${PERIOD_WORDS[kind]}<select name="period-${kind}">${options}</select></label>`;
}

function projectChoice(projects: GenerateReportChoices['projects']): Html {
  const options =
    projects.length === 0
      ? html`<option value="" disabled selected>No projects in the Projects tab yet</option>`
      : projects.map((project) => html`<option value="${project.id}">${project.name} (${project.status})</option>`);
  return html`<label data-for="project">Project<select name="project">${options}</select></label>`;
}

/** The sidebar's HTML. */
export function generateReportPage(choices: GenerateReportChoices): string {
  const reports = REPORT_CATALOG.map(
    (report) => html`<option value="${report.kind}" data-period="${report.periodKind}" data-about="${report.about}">${report.title}</option>`,
  );
  const used = PERIOD_KINDS.filter((kind) => REPORT_CATALOG.some((report) => report.periodKind === kind));
  const email =
    choices.cfpLeadEmail === undefined
      ? html`<label class="check"><input name="emailCfpLead" type="checkbox" disabled>Email the link to the CfP lead</label><p class="hint">Fill in "CfP lead email" in the Settings tab to email the report.</p>`
      : html`<label class="check"><input name="emailCfpLead" type="checkbox">Email the link to the CfP lead (${choices.cfpLeadEmail})</label>`;
  return html`<!DOCTYPE html>
<html>
<head><base target="_top"><style>${new Html(STYLE)}</style></head>
<body>
<p>Draft a report for <strong>${choices.cilName}</strong> from its records, in a Google Doc you then edit. It is filed in Reports, by year and period.</p>
<form id="generate">
<label>Report<select name="kind">${reports}</select></label>
<p class="hint" id="about"></p>
${used.map((kind) => periodChoice(kind, choices.periods[kind]))}
${projectChoice(choices.projects)}
<label class="check"><input name="pdf" type="checkbox">Also save a PDF beside it</label>
${email}
<button id="go" type="submit">Generate</button>
<p id="status" role="status"></p>
<p id="done" hidden><a id="doc" target="_blank" rel="noopener"></a></p>
<ul id="notes"></ul>
</form>
<script>${new Html(SCRIPT)}</script>
</body>
</html>`.markup;
}

/** The projects a closure or discovery report may be about: the Projects tab, one read. */
export function offeredProjects(cil: OpenCil): Project[] {
  const read = readTab(sheetOf(cil.spreadsheet, projectsTab), projectsTab, cil.settings.timeZone);
  warnInvalidRows(projectsTab.name, read.invalid, 'they are not offered for reports');
  return read.rows.map((row) => row.record);
}

function choicesFor(cil: OpenCil): GenerateReportChoices {
  const { settings } = cil;
  const today = dayOf(new Date(), settings.timeZone);
  const periods = Object.fromEntries(PERIOD_KINDS.map((kind) => [kind, recentPeriods(kind, today, OFFERED[kind])])) as GenerateReportChoices['periods'];
  const choices: GenerateReportChoices = { cilName: settings.cilName, periods, projects: offeredProjects(cil) };
  if (settings.cfpLeadEmail !== undefined) choices.cfpLeadEmail = settings.cfpLeadEmail;
  return choices;
}

/** Entry point (menu "Generate report…"): opens the sidebar for the CIL whose spreadsheet is open. */
export function openGenerateReportSidebar(): void {
  showCilSidebar('Generate report', (cil) => generateReportPage(choicesFor(cil)));
}
