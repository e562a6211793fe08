import type { CellValue, ChartState, SpreadsheetState } from '../workspace';
import { html, type Html } from './html';

// An embedded chart drawn as inline SVG from the cells its ranges cover, so the sandbox shows what a
// lead would see in Sheets: the first column gives the labels along the bottom, every other column is
// a series named by its header. Line charts are drawn as lines; every other type as columns, which is
// enough to read what the script plotted. Every label comes from a sheet and goes through `html`, so
// it is escaped.

const WIDTH = 520;
const HEIGHT = 260;
const MARGIN = { top: 30, right: 16, bottom: 58, left: 44 };
const COLOURS = ['#1a73e8', '#e8710a', '#188038', '#d93025', '#9334e6', '#12b5cb'];

export interface ChartData {
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
}

const labelOf = (cell: CellValue | undefined): string => (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? ''));

/** The chart's cells side by side (several ranges are joined column-wise, as Sheets merges columns by default). */
export function chartData(spreadsheet: SpreadsheetState, chart: ChartState): ChartData {
  const columns: CellValue[][] = [];
  for (const range of chart.ranges) {
    const sheet = spreadsheet.sheets.find((candidate) => candidate.sheetId === range.sheetId);
    for (let c = 0; c < range.numColumns; c++) {
      const column: CellValue[] = [];
      for (let r = 0; r < range.numRows; r++) column.push(sheet?.values[range.row - 1 + r]?.[range.column - 1 + c] ?? '');
      columns.push(column);
    }
  }
  const [domain = [], ...rest] = columns;
  // Unset header count: Sheets guesses; a first row of text over numbers reads as headers.
  const headers = chart.numHeaders ?? (rest.some((column) => typeof column[0] === 'string' && typeof column[1] === 'number') ? 1 : 0);
  return {
    labels: domain.slice(headers).map(labelOf),
    series: rest.map((column, i) => ({
      name: headers > 0 ? labelOf(column[headers - 1]) : `Series ${i + 1}`,
      values: column.slice(headers).map((cell) => (typeof cell === 'number' && Number.isFinite(cell) ? cell : null)),
    })),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The chart as an `<svg>` element with its title, axis labels and legend. */
export function chartSvg(spreadsheet: SpreadsheetState, chart: ChartState): Html {
  const { labels, series } = chartData(spreadsheet, chart);
  const title = typeof chart.options.title === 'string' ? chart.options.title : `${chart.type} chart`;
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const top = Math.max(0, ...all);
  const bottom = Math.min(0, ...all);
  const span = top - bottom || 1;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, labels.length);
  const x = (i: number) => MARGIN.left + slot * (i + 0.5);
  const y = (v: number) => MARGIN.top + plotHeight * (1 - (v - bottom) / span);

  let marks: Html[];
  if (chart.type === 'LINE') {
    marks = series.map((s, k) => {
      // A blank cell breaks the line, as Sheets leaves a gap.
      let path = '';
      let drawing = false;
      s.values.forEach((v, i) => {
        if (v === null) {
          drawing = false;
          return;
        }
        path += `${drawing ? 'L' : 'M'}${round(x(i))} ${round(y(v))} `;
        drawing = true;
      });
      const points = s.values.flatMap((v, i) => (v === null ? [] : [html`<circle cx="${round(x(i))}" cy="${round(y(v))}" r="2.5" fill="${COLOURS[k % COLOURS.length]}"><title>${s.name}, ${labels[i]}: ${v}</title></circle>`]));
      return html`<path d="${path.trim()}" fill="none" stroke="${COLOURS[k % COLOURS.length]}" stroke-width="2"/>${points}`;
    });
  } else {
    const bar = (slot * 0.8) / Math.max(1, series.length);
    marks = series.map((s, k) =>
      html`${s.values.map((v, i) => {
        if (v === null) return '';
        const left = x(i) - slot * 0.4 + k * bar;
        const [from, to] = [y(Math.max(0, v)), y(Math.min(0, v))];
        return html`<rect x="${round(left)}" y="${round(from)}" width="${round(bar)}" height="${round(to - from)}" fill="${COLOURS[k % COLOURS.length]}"><title>${s.name}, ${labels[i]}: ${v}</title></rect>`;
      })}`,
    );
  }

  const ticks = [bottom, bottom + span / 2, top].filter((v, i, list) => list.indexOf(v) === i);
  return html`<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${title}" data-chart-type="${chart.type}">
<text x="${WIDTH / 2}" y="18" text-anchor="middle" font-weight="600">${title}</text>
<line x1="${MARGIN.left}" y1="${round(y(0))}" x2="${WIDTH - MARGIN.right}" y2="${round(y(0))}" stroke="#9aa5b1"/>
${ticks.map((v) => html`<text x="${MARGIN.left - 6}" y="${round(y(v)) + 4}" text-anchor="end" font-size="10">${round(v)}</text>`)}
${labels.map((label, i) => html`<text x="${round(x(i))}" y="${HEIGHT - MARGIN.bottom + 14}" text-anchor="middle" font-size="10">${label}</text>`)}
${marks}
${series.map((s, k) => html`<text x="${MARGIN.left + 140 * k}" y="${HEIGHT - 12}" font-size="11" fill="${COLOURS[k % COLOURS.length]}">■ ${s.name}</text>`)}
</svg></figure>`;
}
