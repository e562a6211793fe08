import { readCell, writeCell, type Cell } from '../records/cells';
import { deliverablesTab, type Deliverable } from '../records/deliverable';
import type { Project } from '../records/project';
import { readHeader, rowFromCells } from '../records/row-codec';
import { headerKey } from '../records/tab';
import type { ReportKind } from './report-kind';
import type { ReportPeriod } from './report-period';

// Which row of the Deliverables tab a generated report drafts: the one of its kind for its period, or,
// for a report on a project (the tab has no project column), the one of its kind whose title names the
// project. Rows still owed come first, so a submitted row of last year never takes the new draft.

const OWED_FIRST: Record<Deliverable['status'], number> = { pending: 0, drafted: 0, submitted: 1, waived: 2 };

/**
 * The parts of a title between its separators (a colon, a dash between spaces, brackets, commas), so
 * "Project closure report: Water Quality (final)" is "project closure report", "water quality", "final".
 */
const segmentsOf = (title: string) =>
  title
    .split(/\s[-–—]\s|[:()[\],|]/)
    .map(headerKey)
    .filter((segment) => segment !== '');

/** Words that may lead into the project's name at the end of a segment: "closure report on Water". */
const LEAD_INS = ['for', 'on', 'of', 'about'];

/**
 * Whether the title names this project: its name is a whole part of the title, or ends one after
 * "for", "on", "of" or "about". A name that is only the start of a longer one ("Water" in "Water
 * Quality") does not match, so one project never takes another's row.
 */
export function titleNames(title: string, projectName: string): boolean {
  const name = headerKey(projectName);
  if (name === '') return false;
  return segmentsOf(title).some((segment) => segment === name || LEAD_INS.some((word) => segment.endsWith(` ${word} ${name}`)));
}

export function deliverableFor(deliverables: readonly Deliverable[], report: ReportKind, period: ReportPeriod, project?: Project): Deliverable | undefined {
  return deliverables
    .filter((deliverable) => deliverable.kind === report.kind)
    .filter((deliverable) => (project === undefined ? deliverable.period === period.label : titleNames(deliverable.title, project.name)))
    .sort((a, b) => OWED_FIRST[a.status] - OWED_FIRST[b.status] || (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))[0];
}

/**
 * Whether drafting the report changes the row: only a report still owed becomes 'drafted'. A row whose
 * "Submitted on" a lead filled in is submitted, whatever its status still says.
 */
export const isOwed = (deliverable: Deliverable) =>
  (deliverable.status === 'pending' || deliverable.status === 'drafted') && deliverable.submittedOn === undefined;

/** What marking the report's row drafted comes to, on the tab as it is just before the write. */
export type DraftedRow =
  /** Write `cells` into `rowNumber`, each at its 0-based column position; nothing else in the row changes. */
  | { kind: 'mark'; rowNumber: number; cells: { position: number; value: Cell }[]; linked: boolean }
  /** A lead submitted or waived it meanwhile (or set "Submitted on"): left as it is. */
  | { kind: 'not owed'; deliverable: Deliverable }
  /** No row holds its ID any more. */
  | { kind: 'gone' }
  /** The tab or the row cannot be read as it is now; `problem` says why, for the lead (no full stop). */
  | { kind: 'unreadable'; problem: string };

const columnOf = (key: string) => deliverablesTab.columns.find((column) => column.key === key)!;

/**
 * The Deliverables tab's values now (header first) and the deliverable as read when the report began:
 * the row that holds its ID now (a lead may have sorted the tab or inserted rows since), and the Status
 * and Link cells that mark it drafted with the link. Only those two cells are written, so a lead's
 * edits to the rest of the row, made while the report was being drafted, stay as they are.
 */
export function draftedRow(values: readonly (readonly unknown[])[], deliverable: Deliverable, link: string, timeZone: string): DraftedRow {
  const header = readHeader(deliverablesTab, values[0] ?? []);
  if (!header.ok) return { kind: 'unreadable', problem: header.message.replace(/\.$/, '') };
  const positions = header.index.positions;
  const idAt = positions.get('id')!;
  const idOf = (cells: readonly unknown[] | undefined) => {
    const read = cells === undefined ? undefined : readCell(columnOf('id'), cells[idAt], timeZone);
    return read?.ok ? read.value : undefined;
  };
  const holding = values.flatMap((cells, i) => (i > 0 && idOf(cells) === deliverable.id ? [i + 1] : []));
  if (holding.length === 0) return { kind: 'gone' };
  if (holding.length > 1) return { kind: 'unreadable', problem: `rows ${holding.join(' and ')} both have the ID ${deliverable.id}` };
  const rowNumber = holding[0]!;
  const read = rowFromCells(deliverablesTab, header.index, values[rowNumber - 1]!, { timeZone });
  if (!read.ok) return { kind: 'unreadable', problem: `row ${rowNumber}: ${read.error.message}` };
  if (!isOwed(read.record)) return { kind: 'not owed', deliverable: read.record };
  const cells = [{ position: positions.get('status')!, value: writeCell(columnOf('status'), 'drafted', timeZone) }];
  const linkAt = positions.get('link');
  if (linkAt !== undefined) cells.push({ position: linkAt, value: writeCell(columnOf('link'), link, timeZone) });
  return { kind: 'mark', rowNumber, cells, linked: linkAt !== undefined };
}
