import type { DeliverableKind } from '../records/deliverable';
import type { Project } from '../records/project';
import type { Settings } from '../records/settings';
import type { ReportRecords } from './report-facts';
import type { ReportPeriod, ReportPeriodKind } from './report-period';
import { dayText } from './report-text';
import type { ReportValues, ReportVocabulary } from './template-syntax';

// What every report kind is: the deliverable it drafts, the period it covers, the names its template
// may use, and how their values come from the records. Each kind lives in its own module; the names
// every report shares (the CIL and the period) are added here, once.

/** A report is named by the deliverable it drafts. */
export type ReportKindName = Exclude<DeliverableKind, 'other'>;

export interface ReportInput {
  records: ReportRecords;
  period: ReportPeriod;
  settings: Settings;
  /** The project a closure or discovery report is about. */
  project?: Project;
}

export interface ReportKind {
  kind: ReportKindName;
  /** The report's title, as its template and its Docs are named: 'Monthly progress update'. */
  title: string;
  /** One line for a lead choosing a report. */
  about: string;
  periodKind: ReportPeriodKind;
  vocabulary: ReportVocabulary;
  /** Pure: the template's values for this period (and project), from the records. */
  values(records: ReportRecords, period: ReportPeriod, settings: Settings, project?: Project): ReportValues;
}

/** The names every template may use. */
const COMMON_FIELDS = ['cil.name', 'cil.city', 'period.label', 'period.name', 'period.from', 'period.to'] as const;

interface ReportDefinition extends Omit<ReportKind, 'vocabulary' | 'values'> {
  fields: readonly string[];
  lists: Readonly<Record<string, readonly string[]>>;
  flags: readonly string[];
  values(input: ReportInput): ReportValues;
}

export function defineReport(definition: ReportDefinition): ReportKind {
  const { fields, lists, flags, values, ...about } = definition;
  return {
    ...about,
    vocabulary: { fields: [...COMMON_FIELDS, ...fields], lists, flags },
    values(records, period, settings, project) {
      if (about.periodKind === 'project' && project === undefined) throw new Error(`A ${about.title.toLowerCase()} is about a project; name one.`);
      const own = values({ records, period, settings, ...(project === undefined ? {} : { project }) });
      return {
        ...own,
        fields: {
          'cil.name': settings.cilName,
          'cil.city': settings.city ?? '',
          'period.label': period.label,
          'period.name': period.name,
          'period.from': dayText(period.first),
          'period.to': dayText(period.last),
          ...own.fields,
        },
      };
    },
  };
}

/** The project a project report is about; defineReport has made sure there is one. */
export function projectOf(input: ReportInput): Project {
  return input.project!;
}
