import { describe, expect, it } from 'vitest';
import { newSheetState } from '../../sandbox/src/services/spreadsheet/workbook';
import { chartData, chartSvg } from '../../sandbox/src/ui/charts';
import { toText } from '../../sandbox/src/ui/html';
import { spreadsheetPage } from '../../sandbox/src/ui/pages';
import { emptyWorkspace, type CellValue, type ChartState, type SpreadsheetState } from '../../sandbox/src/workspace';

// The sandbox UI draws a sheet's embedded charts as inline SVG from the cells their ranges cover.

function spreadsheetWith(values: CellValue[][], charts: Omit<ChartState, 'id'>[]): SpreadsheetState {
  const sheet = newSheetState(0, 'Dashboard', 100, 26);
  sheet.values = values;
  sheet.charts = charts.map((chart, i) => ({ id: i + 1, ...chart }));
  return { id: 'ss-1', name: 'CIL Lahore', timeZone: 'Asia/Karachi', locale: 'en_US', sheets: [sheet], nextSheetId: 1 };
}

const WEEKS: CellValue[][] = [
  ['Week', 'Hours logged', 'Hours committed'],
  ['2026-W46', 35.5, 50],
  ['2026-W47', 34, 50],
  ['2026-W48', '', 50],
];
const chart = (change: Partial<ChartState> = {}): Omit<ChartState, 'id'> => ({
  type: 'COLUMN',
  ranges: [{ sheetId: 0, row: 1, column: 1, numRows: 4, numColumns: 3 }],
  position: { row: 1, column: 6, offsetX: 0, offsetY: 0 },
  options: { title: 'Weekly hours' },
  numHeaders: 1,
  ...change,
});

describe('chartData', () => {
  it('reads labels from the first column and a series from each other, named by the header row', () => {
    const book = spreadsheetWith(WEEKS, [chart()]);
    expect(chartData(book, book.sheets[0]!.charts[0]!)).toEqual({
      labels: ['2026-W46', '2026-W47', '2026-W48'],
      series: [
        { name: 'Hours logged', values: [35.5, 34, null] },
        { name: 'Hours committed', values: [50, 50, 50] },
      ],
    });
  });

  it('joins several ranges side by side, and guesses a header row when the count is unset', () => {
    const book = spreadsheetWith(WEEKS, [
      chart({ ranges: [{ sheetId: 0, row: 1, column: 1, numRows: 4, numColumns: 1 }, { sheetId: 0, row: 1, column: 3, numRows: 4, numColumns: 1 }], numHeaders: undefined }),
    ]);
    const { numHeaders: _unset, ...state } = book.sheets[0]!.charts[0]!;
    expect(chartData(book, state)).toEqual({ labels: ['2026-W46', '2026-W47', '2026-W48'], series: [{ name: 'Hours committed', values: [50, 50, 50] }] });
  });
});

describe('chartSvg', () => {
  it('draws a column chart as one bar a value, blanks left out', () => {
    const book = spreadsheetWith(WEEKS, [chart()]);
    const svg = toText(chartSvg(book, book.sheets[0]!.charts[0]!));
    expect(svg.startsWith('<figure class="chart"><svg')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(5);
    expect(svg).toContain('data-chart-type="COLUMN"');
    expect(svg).toContain('>Weekly hours</text>');
    expect(svg).toContain('■ Hours committed');
  });

  it('draws a line chart as a path a series, broken where a cell is blank', () => {
    const book = spreadsheetWith(WEEKS, [chart({ type: 'LINE' })]);
    const svg = toText(chartSvg(book, book.sheets[0]!.charts[0]!));
    const paths = [...svg.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]!);
    expect(paths).toHaveLength(2);
    expect(paths[0]!.match(/M/g)).toHaveLength(1);
    expect(paths[0]!.match(/L/g)).toHaveLength(1);
    expect(paths[1]!.match(/L/g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(5);
  });

  it('escapes every label, series name and title taken from the sheet', () => {
    const hostile = '<script>alert("x")</script>';
    const book = spreadsheetWith(
      [
        ['Week', hostile],
        [`"><img src=x onerror=alert(1)>`, 3],
      ],
      [chart({ ranges: [{ sheetId: 0, row: 1, column: 1, numRows: 2, numColumns: 2 }], options: { title: `</text><script>1</script>` } })],
    );
    const svg = toText(chartSvg(book, book.sheets[0]!.charts[0]!));
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(svg).toContain('aria-label="&lt;/text&gt;&lt;script&gt;1&lt;/script&gt;"');
  });
});

describe('the spreadsheet page', () => {
  it("shows each of the tab's charts", () => {
    const state = emptyWorkspace({ now: new Date('2026-11-27T05:00:00Z') });
    state.spreadsheets['ss-1'] = spreadsheetWith(WEEKS, [chart(), chart({ type: 'LINE', options: { title: 'Attendance trend' } })]);
    const page = toText(spreadsheetPage(state, 'ss-1', 'Dashboard')!);
    expect(page.match(/<svg /g)).toHaveLength(2);
    expect(page).toContain('>Attendance trend</text>');
  });
});
