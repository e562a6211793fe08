import { columnLetter } from '../../../shared/records/row-codec';
import type { DashboardChart, DashboardLayout } from './dashboard-layout';

// Writes a layout to the Dashboard tab in a fixed number of calls, whatever its rows: the tab cleared
// once, then one call each for values, number formats, backgrounds and weights over the whole grid;
// the at-risk rows' conditional format (replacing our own rules only); and the two charts, found by
// their titles and updated in place rather than added again
// (developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder).

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

const INACTIVE = '#f4c7c3';
const AT_RISK = '#fce8b2';
/** The shape of our at-risk rules' formulas, so a refresh replaces them and keeps any a lead made. */
const OUR_RULE = /^=\$[A-Z]+\d+="(?:inactive|at risk)"$/;

/** The columns the layout and the charts beside it need. */
const columnsNeeded = (layout: DashboardLayout) => Math.max(layout.values[0]!.length, ...layout.charts.map((chart) => chart.anchor.column));

function atRiskRules(sheet: Sheet, layout: DashboardLayout): Rule[] {
  const area = layout.atRisk;
  if (area === null) return [];
  const range = sheet.getRange(area.row, area.column, area.numRows, area.numColumns);
  const standing = `$${columnLetter(area.standingColumn - 1)}${area.row}`;
  return [
    ['inactive', INACTIVE],
    ['at risk', AT_RISK],
  ].map(([words, color]) => SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=${standing}="${words}"`).setBackground(color!).setRanges([range]).build());
}

function isOurs(rule: Rule): boolean {
  const formula = rule.getBooleanCondition()?.getCriteriaValues()[0];
  return typeof formula === 'string' && OUR_RULE.test(formula);
}

function placeChart(sheet: Sheet, existing: GoogleAppsScript.Spreadsheet.EmbeddedChart | undefined, chart: DashboardChart): void {
  const builder = existing ? existing.modify().clearRanges() : sheet.newChart();
  const typed = chart.type === 'LINE' ? builder.asLineChart() : builder.asColumnChart();
  const built = typed
    .addRange(sheet.getRange(chart.data.row, chart.data.column, chart.data.numRows, chart.data.numColumns))
    .setNumHeaders(1)
    .setPosition(chart.anchor.row, chart.anchor.column, 0, 0)
    .setOption('title', chart.title)
    .setOption('legend.position', 'bottom')
    .build();
  if (existing) sheet.updateChart(built);
  else sheet.insertChart(built);
}

/** Replaces the tab's contents with the layout. */
export function writeDashboardSheet(sheet: Sheet, layout: DashboardLayout): void {
  const rows = layout.values.length;
  const width = layout.values[0]!.length;
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  const columns = columnsNeeded(layout);
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);

  sheet.clear();
  sheet
    .getRange(1, 1, rows, width)
    .setValues(layout.values)
    .setNumberFormats(layout.formats)
    .setBackgrounds(layout.backgrounds)
    .setFontWeights(layout.weights);

  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOurs(rule));
  sheet.setConditionalFormatRules([...kept, ...atRiskRules(sheet, layout)]);

  const charts = sheet.getCharts();
  for (const chart of layout.charts) placeChart(sheet, charts.find((candidate) => candidate.getOptions().get('title') === chart.title), chart);
}
