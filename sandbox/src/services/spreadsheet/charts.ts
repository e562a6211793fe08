import type { ChartState } from '../../workspace';
import { googleErrors, fail } from '../../google-errors';
import { rangeHandle, type RangeHandle } from './handles';
import type { Range } from './range';
import type { Workbook } from './workbook';

// Embedded charts are recorded, not drawn (developers.google.com/apps-script/reference/spreadsheet/
// embedded-chart-builder): type, data ranges, anchor cell and options, so a test or the sandbox's
// viewer can see what the script built.

export const ChartType = Object.freeze(
  Object.fromEntries(
    ['AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'LINE', 'ORG', 'PIE', 'RADAR', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL'].map((t) => [t, t]),
  ) as Record<string, string>,
);

interface ChartSpec {
  id: number | null;
  type: string;
  ranges: RangeHandle[];
  position: ChartState['position'];
  options: ChartState['options'];
  numHeaders?: number;
}

const copySpec = (spec: ChartSpec): ChartSpec => ({ ...spec, ranges: [...spec.ranges], position: { ...spec.position }, options: { ...spec.options } });

function isInteger(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

/** Nested option objects become dotted names ('legend.position'), as Charts also accepts them. */
function flattenOption(options: ChartState['options'], name: string, value: unknown): void {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') options[name] = value;
  else if (Array.isArray(value)) options[name] = JSON.stringify(value);
  else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) flattenOption(options, `${name}.${key}`, inner);
  } else fail(googleErrors.invalidArgument('value'));
}

let chartSpec: (chart: EmbeddedChart) => ChartSpec;
let chartSheet: (chart: EmbeddedChart) => { book: Workbook; sheetId: number };

export class EmbeddedChart {
  #book: Workbook;
  #sheetId: number;
  #spec: ChartSpec;

  static {
    chartSpec = (chart) => chart.#spec;
    chartSheet = (chart) => ({ book: chart.#book, sheetId: chart.#sheetId });
  }

  constructor(book: Workbook, sheetId: number, spec: ChartSpec) {
    this.#book = book;
    this.#sheetId = sheetId;
    this.#spec = copySpec(spec);
  }

  static fromState(book: Workbook, sheetId: number, state: ChartState): EmbeddedChart {
    return new EmbeddedChart(book, sheetId, {
      id: state.id,
      type: state.type,
      ranges: state.ranges.map(({ sheetId: rangeSheet, ...grid }) => ({ book, sheetId: rangeSheet, grid })),
      position: state.position,
      options: state.options,
      ...(state.numHeaders === undefined ? {} : { numHeaders: state.numHeaders }),
    });
  }

  /** null until the chart is inserted into a sheet. */
  getChartId(): number | null {
    return this.#spec.id;
  }

  getRanges(): Range[] {
    return this.#spec.ranges.map((h) => h.book.range(h.sheetId, h.grid));
  }

  getOptions(): ChartOptions {
    return new ChartOptions(this.#spec.options);
  }

  getContainerInfo(): ContainerInfo {
    return new ContainerInfo(this.#spec.position);
  }

  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.#book, this.#sheetId, this.#spec);
  }
}

export class ChartOptions {
  #options: ChartState['options'];

  constructor(options: ChartState['options']) {
    this.#options = { ...options };
  }

  get(option: unknown): string | number | boolean | null {
    return typeof option === 'string' ? (this.#options[option] ?? null) : null;
  }
}

export class ContainerInfo {
  #position: ChartState['position'];

  constructor(position: ChartState['position']) {
    this.#position = { ...position };
  }

  getAnchorRow(): number {
    return this.#position.row;
  }

  getAnchorColumn(): number {
    return this.#position.column;
  }

  getOffsetX(): number {
    return this.#position.offsetX;
  }

  getOffsetY(): number {
    return this.#position.offsetY;
  }
}

/** The chart as stored on sheet `sheetId` of `book`, with `id`. */
export function chartState(chart: unknown, book: Workbook, sheetId: number, id: number, method: string): ChartState {
  if (!(chart instanceof EmbeddedChart)) fail(googleErrors.signatureMismatch([chart], method));
  const origin = chartSheet(chart);
  if (origin.book.id !== book.id || origin.sheetId !== sheetId) fail(googleErrors.chartNotFound());
  const spec = chartSpec(chart);
  return {
    id,
    type: spec.type,
    ranges: spec.ranges.map((h) => ({ sheetId: h.sheetId, ...h.grid })),
    position: { ...spec.position },
    options: { ...spec.options },
    ...(spec.numHeaders === undefined ? {} : { numHeaders: spec.numHeaders }),
  };
}

export function chartIdOf(chart: unknown, method: string): number | null {
  if (!(chart instanceof EmbeddedChart)) fail(googleErrors.signatureMismatch([chart], method));
  return chartSpec(chart).id;
}

export class EmbeddedChartBuilder {
  #book: Workbook;
  #sheetId: number;
  #spec: ChartSpec;

  constructor(book: Workbook, sheetId: number, spec?: ChartSpec) {
    this.#book = book;
    this.#sheetId = sheetId;
    this.#spec = spec ? copySpec(spec) : { id: null, type: '', ranges: [], position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, options: {} };
  }

  #as(type: string): this {
    this.#spec.type = type;
    return this;
  }

  asAreaChart(): this {
    return this.#as('AREA');
  }

  asBarChart(): this {
    return this.#as('BAR');
  }

  asColumnChart(): this {
    return this.#as('COLUMN');
  }

  asLineChart(): this {
    return this.#as('LINE');
  }

  asPieChart(): this {
    return this.#as('PIE');
  }

  asScatterChart(): this {
    return this.#as('SCATTER');
  }

  asTableChart(): this {
    return this.#as('TABLE');
  }

  setChartType(type: unknown): this {
    if (typeof type !== 'string' || !(type in ChartType)) fail(googleErrors.signatureMismatch([type], 'SpreadsheetApp.EmbeddedChartBuilder.setChartType'));
    return this.#as(type);
  }

  getChartType(): string | null {
    return this.#spec.type || null;
  }

  addRange(range: unknown): this {
    this.#spec.ranges.push(rangeHandle(range, 'SpreadsheetApp.EmbeddedChartBuilder.addRange'));
    return this;
  }

  removeRange(range: unknown): this {
    const gone = rangeHandle(range, 'SpreadsheetApp.EmbeddedChartBuilder.removeRange');
    const same = (h: RangeHandle) =>
      h.sheetId === gone.sheetId && h.grid.row === gone.grid.row && h.grid.column === gone.grid.column && h.grid.numRows === gone.grid.numRows && h.grid.numColumns === gone.grid.numColumns;
    this.#spec.ranges = this.#spec.ranges.filter((h) => !same(h));
    return this;
  }

  clearRanges(): this {
    this.#spec.ranges = [];
    return this;
  }

  getRanges(): Range[] {
    return this.#spec.ranges.map((h) => h.book.range(h.sheetId, h.grid));
  }

  setPosition(anchorRowPos: unknown, anchorColPos: unknown, offsetX: unknown, offsetY: unknown): this {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!args.every(isInteger)) fail(googleErrors.signatureMismatch(args, 'SpreadsheetApp.EmbeddedChartBuilder.setPosition'));
    const [row, column, x, y] = args as number[];
    if (row! < 1 || column! < 1) fail(googleErrors.invalidCoordinates());
    this.#spec.position = { row: row!, column: column!, offsetX: x!, offsetY: y! };
    return this;
  }

  getContainer(): ContainerInfo {
    return new ContainerInfo(this.#spec.position);
  }

  /** Rows or columns of the ranges that are headers (embedded-chart-builder#setnumheadersheaders); a negative count is refused. */
  setNumHeaders(headers: unknown): this {
    if (!isInteger(headers)) fail(googleErrors.signatureMismatch([headers], 'SpreadsheetApp.EmbeddedChartBuilder.setNumHeaders'));
    if (headers < 0) fail(googleErrors.invalidArgument('headers'));
    this.#spec.numHeaders = headers;
    return this;
  }

  setOption(option: unknown, value: unknown): this {
    if (typeof option !== 'string') fail(googleErrors.signatureMismatch([option, value], 'SpreadsheetApp.EmbeddedChartBuilder.setOption'));
    flattenOption(this.#spec.options, option, value);
    return this;
  }

  build(): EmbeddedChart {
    if (!this.#spec.type) fail(googleErrors.chartWithoutType());
    return new EmbeddedChart(this.#book, this.#sheetId, this.#spec);
  }
}
