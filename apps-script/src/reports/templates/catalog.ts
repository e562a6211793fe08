import type { ReportKindName } from '../../../../shared/reports/report-kind';
import type { TemplatePart } from './parts';
import { biweeklyUpdateTemplate, monthlyProgressTemplate, weeklySummaryTemplate } from './period-reports';
import { discoveryResearchTemplate, projectClosureTemplate } from './project-reports';
import { eventsMeetupsTemplate, quarterlyStoryTemplate } from './quarter-reports';
import { annualTemplate, midYearTemplate } from './review-reports';

/** The template each report starts from, before a lead edits it. */
export const TEMPLATE_CONTENT: Readonly<Record<ReportKindName, readonly TemplatePart[]>> = {
  'weekly summary': weeklySummaryTemplate,
  'biweekly update': biweeklyUpdateTemplate,
  'monthly progress update': monthlyProgressTemplate,
  'discovery research report': discoveryResearchTemplate,
  'project closure report': projectClosureTemplate,
  'events & meetups report': eventsMeetupsTemplate,
  'quarterly story': quarterlyStoryTemplate,
  'mid-year report': midYearTemplate,
  'annual report': annualTemplate,
};
