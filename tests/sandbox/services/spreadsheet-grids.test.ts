import { describe, expect, it } from 'vitest';
import { createSpreadsheetApp } from '../../../sandbox/src/services/spreadsheet-app';
import { errorOf, serviceContext } from './service-context';

// Contract tests for the grid-at-once formatting calls and the chart header count the Dashboard uses:
// Range.setBackgrounds / setFontWeights (developers.google.com/apps-script/reference/spreadsheet/range,
// "a rectangular grid … must match dimensions of this range"; null resets a cell) and
// EmbeddedChartBuilder.setNumHeaders (…/spreadsheet/embedded-chart-builder#setnumheadersheaders).

function book() {
  const ctx = serviceContext();
  const SpreadsheetApp = createSpreadsheetApp(ctx);
  const ss = SpreadsheetApp.create('CIL Lahore');
  return { state: ctx.state, ss, sheet: ss.getSheets()[0]! };
}

describe('Range.setBackgrounds', () => {
  it('colours each cell of the range from a grid of its shape, null leaving a cell white', () => {
    const { sheet } = book();
    sheet.getRange('B2:D3').setBackgrounds([
      ['#d9ead3', '#d9ead3', null],
      ['red', null, '#f4cccc'],
    ]);
    expect(sheet.getRange('B2:D3').getBackgrounds()).toEqual([
      ['#d9ead3', '#d9ead3', '#ffffff'],
      ['red', '#ffffff', '#f4cccc'],
    ]);
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
  });

  it('replaces what the cells had, and a null resets a cell an older, wider colour covered', () => {
    const { sheet } = book();
    sheet.getRange('A1:E5').setBackground('#cccccc');
    sheet.getRange('B2:C2').setBackgrounds([[null, '#0000ff']]);
    expect(sheet.getRange('A2:D2').getBackgrounds()).toEqual([['#cccccc', '#ffffff', '#0000ff', '#cccccc']]);
    sheet.getRange('B2:C2').setBackgrounds([['#00ff00', '#00ff00']]);
    expect(sheet.getRange('B2:C2').getBackgrounds()).toEqual([['#00ff00', '#00ff00']]);
  });

  it('stores a row of equal colours as one run', () => {
    const { sheet, state, ss } = book();
    sheet.getRange('A1:D2').setBackgrounds([
      ['#fff2cc', '#fff2cc', '#fff2cc', null],
      [null, null, null, null],
    ]);
    const styles = state.spreadsheets[ss.getId()]!.sheets[0]!.styles!;
    expect(styles).toEqual([{ range: { row: 1, column: 1, numRows: 1, numColumns: 3 }, property: 'background', value: '#fff2cc' }]);
  });

  it('refuses a grid of another shape, or a colour that is not text, and changes nothing', () => {
    const { sheet } = book();
    expect(errorOf(() => sheet.getRange('A1:B2').setBackgrounds([['red', 'red']]))).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(errorOf(() => sheet.getRange('A1:B1').setBackgrounds([['red', 'red', 'red']]))).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(errorOf(() => sheet.getRange('A1:B1').setBackgrounds([['red', 7]]))).toMatch(/^The parameters \(.*\) don't match the method signature for SpreadsheetApp\.Range\.setBackgrounds\.$/);
    expect(sheet.getRange('A1:B2').getBackgrounds()).toEqual([
      ['#ffffff', '#ffffff'],
      ['#ffffff', '#ffffff'],
    ]);
  });
});

describe('Range.setFontWeights', () => {
  it('sets bold or normal cell by cell, null resetting to normal', () => {
    const { sheet } = book();
    sheet.getRange('A1:C1').setFontWeight('bold');
    sheet.getRange('A1:C2').setFontWeights([
      ['bold', null, 'normal'],
      [null, 'bold', null],
    ]);
    expect(sheet.getRange('A1:C2').getFontWeights()).toEqual([
      ['bold', 'normal', 'normal'],
      ['normal', 'bold', 'normal'],
    ]);
  });

  it('refuses a weight Sheets has not got', () => {
    const { sheet } = book();
    expect(errorOf(() => sheet.getRange('A1:B1').setFontWeights([['bold', 'heavy']]))).toBe('Invalid argument: fontweights');
    expect(sheet.getRange('A1').getFontWeight()).toBe('normal');
  });
});

describe('EmbeddedChartBuilder.setNumHeaders', () => {
  it('records how many rows of the range are headers, kept when the chart is modified', () => {
    const { sheet, state, ss } = book();
    sheet.insertChart(sheet.newChart().asLineChart().addRange(sheet.getRange('A1:C9')).setNumHeaders(1).setOption('title', 'Trend').build());
    const stored = () => state.spreadsheets[ss.getId()]!.sheets[0]!.charts[0]!;
    expect(stored()).toMatchObject({ type: 'LINE', numHeaders: 1 });
    const [chart] = sheet.getCharts();
    sheet.updateChart(chart!.modify().clearRanges().addRange(sheet.getRange('A1:C12')).build());
    expect(stored()).toMatchObject({ numHeaders: 1, ranges: [{ row: 1, column: 1, numRows: 12, numColumns: 3 }] });
  });

  it('leaves the count unset unless the script sets it, and refuses a negative or fractional count', () => {
    const { sheet, state, ss } = book();
    sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B5')).build());
    expect(state.spreadsheets[ss.getId()]!.sheets[0]!.charts[0]).not.toHaveProperty('numHeaders');
    expect(errorOf(() => sheet.newChart().setNumHeaders(-1))).toBe('Invalid argument: headers');
    expect(errorOf(() => sheet.newChart().setNumHeaders(1.5))).toBe("The parameters (number) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setNumHeaders.");
  });
});
