import { attendanceTab } from '../../../shared/records/attendance';
import { noticesTab } from '../../../shared/records/notice';
import { columnLetter } from '../../../shared/records/row-codec';
import type { TabDefinition } from '../../../shared/records/tab';

// Rows a lead must link to a meeting, highlighted where the lead looks: the Attendance rows of Meet
// sessions that matched no meeting (sync keeps them with a blank Meeting ID; CIL Hub › Link unmatched
// attendance… links them), and absence notices that name no meeting and no day, which therefore cover
// nothing until linked. An absence notice with a From day but no meeting cannot be told apart from a
// notice for days away, so it is not highlighted.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

const BACKGROUND = '#fce8b2';

export interface Highlight {
  tab: TabDefinition;
  /** For the setup report. */
  name: string;
  /** The custom formula as written for row 2, from each column's 0-based position. */
  formula(positions: ReadonlyMap<string, number>): string;
}

const cellOf = (positions: ReadonlyMap<string, number>, key: string) => `$${columnLetter(positions.get(key)!)}2`;

const highlights: readonly Highlight[] = [
  {
    tab: attendanceTab,
    name: 'highlight of sessions linked to no meeting',
    formula: (at) => `=AND(${cellOf(at, 'id')}<>"",${cellOf(at, 'meetingId')}="")`,
  },
  {
    tab: noticesTab,
    name: 'highlight of absence notices linked to no meeting or day',
    formula: (at) => `=AND(${cellOf(at, 'id')}<>"",${cellOf(at, 'kind')}="absence notice",${cellOf(at, 'meetingId')}="",${cellOf(at, 'fromDay')}="")`,
  },
];

export function highlightOf(tab: TabDefinition): Highlight | undefined {
  return highlights.find((highlight) => highlight.tab === tab);
}

/** What setup does about a tab's highlight: nothing, or set the tab's rules to `keep` plus a new one. */
export interface HighlightWork {
  highlight: Highlight;
  formula: string;
  keep: Rule[];
}

/**
 * Whether the tab has the highlight, over every row of its grid; a rule of ours that no longer reaches
 * the last row (the tab grew) is replaced. A lead's own rules are kept as they are.
 */
export function highlightWork(
  sheet: Sheet | null,
  highlight: Highlight,
  positions: ReadonlyMap<string, number>,
  maxRows: number,
): HighlightWork | null {
  const formula = highlight.formula(positions);
  const rules = sheet ? sheet.getConditionalFormatRules() : [];
  const isOurs = (rule: Rule) => rule.getBooleanCondition()?.getCriteriaValues()[0] === formula;
  const ours = rules.find(isOurs);
  const reachesEnd = ours?.getRanges().some((range) => range.getRow() <= 2 && range.getLastRow() >= maxRows);
  if (reachesEnd) return null;
  return { highlight, formula, keep: rules.filter((rule) => !isOurs(rule)) };
}

export function setHighlight(sheet: Sheet, work: HighlightWork, width: number, maxRows: number): void {
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(work.formula)
    .setBackground(BACKGROUND)
    .setRanges([sheet.getRange(2, 1, maxRows - 1, width)])
    .build();
  sheet.setConditionalFormatRules([...work.keep, rule]);
}
