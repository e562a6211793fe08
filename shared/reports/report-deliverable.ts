import type { Deliverable } from '../records/deliverable';
import type { Project } from '../records/project';
import { headerKey } from '../records/tab';
import type { ReportKind } from './report-kind';
import type { ReportPeriod } from './report-period';

// Which row of the Deliverables tab a generated report drafts: the one of its kind for its period, or,
// for a report on a project (the tab has no project column), the one of its kind whose title names the
// project. Rows still owed come first, so a submitted row of last year never takes the new draft.

const OWED_FIRST: Record<Deliverable['status'], number> = { pending: 0, drafted: 0, submitted: 1, waived: 2 };

export function deliverableFor(deliverables: readonly Deliverable[], report: ReportKind, period: ReportPeriod, project?: Project): Deliverable | undefined {
  const named = project === undefined ? undefined : headerKey(project.name);
  return deliverables
    .filter((deliverable) => deliverable.kind === report.kind)
    .filter((deliverable) => (named === undefined ? deliverable.period === period.label : headerKey(deliverable.title).includes(named)))
    .sort((a, b) => OWED_FIRST[a.status] - OWED_FIRST[b.status] || (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))[0];
}

/** Whether drafting the report changes the row: only a report still owed becomes 'drafted'. */
export const isOwed = (deliverable: Deliverable) => deliverable.status === 'pending' || deliverable.status === 'drafted';
