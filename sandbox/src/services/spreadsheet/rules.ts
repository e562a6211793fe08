import type { CellValue, ConditionalFormatState, DataValidationState, GridRange } from '../../workspace';
import { googleErrors, fail } from '../../google-errors';
import { rangeHandle, type RangeHandle } from './handles';
import type { Range } from './range';
import type { Workbook } from './workbook';

// Data validation and conditional format rules: builders the script fills, and the rule objects that
// are stored on a sheet. Apps Script enforces validation only on people typing, never on a script's
// writes (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder), so the
// rules are recorded, not applied.

const enumOf = <const T extends string>(names: readonly T[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as { [K in T]: K });

export const DataValidationCriteria = enumOf([
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
]);

export const BooleanCriteria = enumOf([
  'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN', 'TEXT_ENDS_WITH', 'TEXT_EQUAL_TO', 'TEXT_STARTS_WITH', 'CUSTOM_FORMULA',
]);

type ValidationSpec = Omit<DataValidationState, 'range'>;

const copyArg = (v: CellValue): CellValue => (v instanceof Date ? new Date(v.getTime()) : v);

function need(ok: boolean, args: unknown[], method: string): void {
  if (ok) return;
  // Google lists only the arguments the script passed.
  const passed = [...args];
  while (passed.length > 0 && passed[passed.length - 1] === undefined) passed.pop();
  fail(googleErrors.signatureMismatch(passed, method));
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isDate = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());
const isBooleanOrAbsent = (v: unknown) => v === undefined || typeof v === 'boolean';

/** The criteria arguments, copied, when every one passes `ok`; otherwise the signature error for `method`. */
function checkedArgs<T extends CellValue>(args: unknown[], ok: (v: unknown) => v is T, method: string): T[] {
  need(args.every(ok), args, method);
  return (args as T[]).map(copyArg) as T[];
}

const VALIDATION_BUILDER = 'SpreadsheetApp.DataValidationBuilder';
const FORMAT_BUILDER = 'SpreadsheetApp.ConditionalFormatRuleBuilder';

let validationSpec: (rule: DataValidation) => ValidationSpec;

export class DataValidation {
  #spec: ValidationSpec;
  #book: Workbook | null;

  static {
    validationSpec = (rule) => rule.#spec;
  }

  constructor(spec: ValidationSpec, book: Workbook | null) {
    this.#spec = { ...spec, args: spec.args.map(copyArg) };
    this.#book = book;
  }

  getCriteriaType(): string {
    return this.#spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return criteriaValues(this.#spec, this.#book);
  }

  getAllowInvalid(): boolean {
    return this.#spec.allowInvalid;
  }

  getHelpText(): string {
    return this.#spec.helpText;
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.#spec, this.#book);
  }
}

/** The rule as it is stored on a sheet, for `range`. */
export function validationState(rule: unknown, range: GridRange, method: string): DataValidationState {
  need(rule instanceof DataValidation, [rule], method);
  const spec = validationSpec(rule as DataValidation);
  return {
    ...spec,
    range: { ...range },
    args: spec.args.map(copyArg),
    ...(spec.sourceRange ? { sourceRange: { ...spec.sourceRange } } : {}),
  };
}

function criteriaValues(spec: ValidationSpec, book: Workbook | null): unknown[] {
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
      return [spec.args.map(String), spec.showDropdown ?? true];
    case 'VALUE_IN_RANGE': {
      const source = spec.sourceRange!;
      const { sheetId, ...grid } = source;
      return [book!.range(sheetId, grid), spec.showDropdown ?? true];
    }
    default:
      return spec.args.map(copyArg);
  }
}

export class DataValidationBuilder {
  #spec: ValidationSpec;
  #book: Workbook | null;

  constructor(spec?: ValidationSpec, book: Workbook | null = null) {
    // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setallowinvalidallowinvalid:
    // new rules allow invalid input (show a warning) until setAllowInvalid(false).
    this.#spec = spec ? { ...spec, args: spec.args.map(copyArg) } : { criteria: '', args: [], allowInvalid: true, helpText: '' };
    this.#book = book;
  }

  #set(criteria: string, args: CellValue[], extra: Partial<ValidationSpec> = {}): this {
    const { allowInvalid, helpText } = this.#spec;
    this.#spec = { criteria, args, allowInvalid, helpText, ...extra };
    return this;
  }

  requireValueInList(values: unknown, showDropdown?: unknown): this {
    const method = `${VALIDATION_BUILDER}.requireValueInList`;
    need(Array.isArray(values) && values.every((v) => typeof v === 'string') && isBooleanOrAbsent(showDropdown), [values, showDropdown], method);
    return this.#set('VALUE_IN_LIST', [...(values as string[])], { showDropdown: (showDropdown as boolean | undefined) ?? true });
  }

  requireValueInRange(range: unknown, showDropdown?: unknown): this {
    const method = `${VALIDATION_BUILDER}.requireValueInRange`;
    const handle: RangeHandle = rangeHandle(range, method);
    need(isBooleanOrAbsent(showDropdown), [range, showDropdown], method);
    this.#book = handle.book;
    return this.#set('VALUE_IN_RANGE', [], {
      showDropdown: (showDropdown as boolean | undefined) ?? true,
      sourceRange: { sheetId: handle.sheetId, ...handle.grid },
    });
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const args = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    need(args.every((v) => ['string', 'number', 'boolean'].includes(typeof v)), [checkedValue, uncheckedValue], `${VALIDATION_BUILDER}.requireCheckbox`);
    return this.#set('CHECKBOX', args as CellValue[]);
  }

  requireDate(): this {
    return this.#set('DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: unknown): this {
    return this.#set('DATE_AFTER', checkedArgs([date], isDate, `${VALIDATION_BUILDER}.requireDateAfter`));
  }

  requireDateBefore(date: unknown): this {
    return this.#set('DATE_BEFORE', checkedArgs([date], isDate, `${VALIDATION_BUILDER}.requireDateBefore`));
  }

  requireDateOnOrAfter(date: unknown): this {
    return this.#set('DATE_ON_OR_AFTER', checkedArgs([date], isDate, `${VALIDATION_BUILDER}.requireDateOnOrAfter`));
  }

  requireDateOnOrBefore(date: unknown): this {
    return this.#set('DATE_ON_OR_BEFORE', checkedArgs([date], isDate, `${VALIDATION_BUILDER}.requireDateOnOrBefore`));
  }

  requireDateBetween(start: unknown, end: unknown): this {
    return this.#set('DATE_BETWEEN', checkedArgs([start, end], isDate, `${VALIDATION_BUILDER}.requireDateBetween`));
  }

  requireNumberBetween(start: unknown, end: unknown): this {
    return this.#set('NUMBER_BETWEEN', checkedArgs([start, end], isNumber, `${VALIDATION_BUILDER}.requireNumberBetween`));
  }

  requireNumberGreaterThan(n: unknown): this {
    return this.#set('NUMBER_GREATER_THAN', checkedArgs([n], isNumber, `${VALIDATION_BUILDER}.requireNumberGreaterThan`));
  }

  requireNumberGreaterThanOrEqualTo(n: unknown): this {
    return this.#set('NUMBER_GREATER_THAN_OR_EQUAL_TO', checkedArgs([n], isNumber, `${VALIDATION_BUILDER}.requireNumberGreaterThanOrEqualTo`));
  }

  requireNumberLessThan(n: unknown): this {
    return this.#set('NUMBER_LESS_THAN', checkedArgs([n], isNumber, `${VALIDATION_BUILDER}.requireNumberLessThan`));
  }

  requireNumberLessThanOrEqualTo(n: unknown): this {
    return this.#set('NUMBER_LESS_THAN_OR_EQUAL_TO', checkedArgs([n], isNumber, `${VALIDATION_BUILDER}.requireNumberLessThanOrEqualTo`));
  }

  requireNumberEqualTo(n: unknown): this {
    return this.#set('NUMBER_EQUAL_TO', checkedArgs([n], isNumber, `${VALIDATION_BUILDER}.requireNumberEqualTo`));
  }

  requireTextIsEmail(): this {
    return this.#set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): this {
    return this.#set('TEXT_IS_VALID_URL', []);
  }

  requireTextContains(text: unknown): this {
    return this.#set('TEXT_CONTAINS', checkedArgs([text], isText, `${VALIDATION_BUILDER}.requireTextContains`));
  }

  requireTextEqualTo(text: unknown): this {
    return this.#set('TEXT_EQUAL_TO', checkedArgs([text], isText, `${VALIDATION_BUILDER}.requireTextEqualTo`));
  }

  requireFormulaSatisfied(formula: unknown): this {
    return this.#set('CUSTOM_FORMULA', checkedArgs([formula], isText, `${VALIDATION_BUILDER}.requireFormulaSatisfied`));
  }

  setAllowInvalid(allowInvalid: unknown): this {
    need(typeof allowInvalid === 'boolean', [allowInvalid], `${VALIDATION_BUILDER}.setAllowInvalid`);
    this.#spec.allowInvalid = allowInvalid as boolean;
    return this;
  }

  setHelpText(helpText: unknown): this {
    need(isText(helpText), [helpText], `${VALIDATION_BUILDER}.setHelpText`);
    this.#spec.helpText = helpText as string;
    return this;
  }

  getCriteriaType(): string | null {
    return this.#spec.criteria || null;
  }

  getCriteriaValues(): unknown[] {
    return this.#spec.criteria ? criteriaValues(this.#spec, this.#book) : [];
  }

  getAllowInvalid(): boolean {
    return this.#spec.allowInvalid;
  }

  getHelpText(): string {
    return this.#spec.helpText;
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.#spec, this.#book);
  }

  build(): DataValidation {
    if (!this.#spec.criteria) fail(googleErrors.validationWithoutCriteria());
    return new DataValidation(this.#spec, this.#book);
  }
}

// ---- conditional formats ---------------------------------------------------------------------------

interface FormatSpec {
  condition: string;
  args: CellValue[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: RangeHandle[];
}

let formatSpec: (rule: ConditionalFormatRule) => FormatSpec;

export class BooleanCondition {
  #spec: FormatSpec;

  constructor(spec: FormatSpec) {
    this.#spec = spec;
  }

  getCriteriaType(): string {
    return this.#spec.condition;
  }

  getCriteriaValues(): CellValue[] {
    return this.#spec.args.map(copyArg);
  }

  getBackground(): string | null {
    return this.#spec.background;
  }

  getFontColor(): string | null {
    return this.#spec.fontColor;
  }

  getBold(): boolean | null {
    return this.#spec.bold;
  }
}

export class ConditionalFormatRule {
  #spec: FormatSpec;

  static {
    formatSpec = (rule) => rule.#spec;
  }

  constructor(spec: FormatSpec) {
    this.#spec = { ...spec, args: spec.args.map(copyArg), ranges: [...spec.ranges] };
  }

  /** A rule read back from a sheet's state. */
  static fromState(state: ConditionalFormatState, book: Workbook, sheetId: number): ConditionalFormatRule {
    const { ranges, ...rest } = state;
    return new ConditionalFormatRule({ ...rest, ranges: ranges.map((grid) => ({ book, sheetId, grid: { ...grid } })) });
  }

  getBooleanCondition(): BooleanCondition {
    return new BooleanCondition(this.#spec);
  }

  getRanges(): Range[] {
    return this.#spec.ranges.map((h) => h.book.range(h.sheetId, h.grid));
  }

  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.#spec);
  }
}

/** The rule as stored on the sheet `sheetId`: every range must be on that sheet. */
export function conditionalFormatState(rule: unknown, sheetId: number, method: string): ConditionalFormatState {
  need(rule instanceof ConditionalFormatRule, [rule], method);
  const { ranges, ...rest } = formatSpec(rule as ConditionalFormatRule);
  if (ranges.some((h) => h.sheetId !== sheetId)) fail(googleErrors.rangeOnOtherSheet());
  return { ...rest, args: rest.args.map(copyArg), ranges: ranges.map((h) => ({ ...h.grid })) };
}

export class ConditionalFormatRuleBuilder {
  #spec: FormatSpec;

  constructor(spec?: FormatSpec) {
    this.#spec = spec
      ? { ...spec, args: spec.args.map(copyArg), ranges: [...spec.ranges] }
      : { condition: '', args: [], background: null, fontColor: null, bold: null, ranges: [] };
  }

  #when(condition: string, args: CellValue[]): this {
    this.#spec.condition = condition;
    this.#spec.args = args;
    return this;
  }

  whenFormulaSatisfied(formula: unknown): this {
    return this.#when('CUSTOM_FORMULA', checkedArgs([formula], isText, `${FORMAT_BUILDER}.whenFormulaSatisfied`));
  }

  whenTextEqualTo(text: unknown): this {
    return this.#when('TEXT_EQUAL_TO', checkedArgs([text], isText, `${FORMAT_BUILDER}.whenTextEqualTo`));
  }

  whenTextContains(text: unknown): this {
    return this.#when('TEXT_CONTAINS', checkedArgs([text], isText, `${FORMAT_BUILDER}.whenTextContains`));
  }

  whenNumberLessThan(n: unknown): this {
    return this.#when('NUMBER_LESS_THAN', checkedArgs([n], isNumber, `${FORMAT_BUILDER}.whenNumberLessThan`));
  }

  whenNumberGreaterThan(n: unknown): this {
    return this.#when('NUMBER_GREATER_THAN', checkedArgs([n], isNumber, `${FORMAT_BUILDER}.whenNumberGreaterThan`));
  }

  whenNumberBetween(start: unknown, end: unknown): this {
    return this.#when('NUMBER_BETWEEN', checkedArgs([start, end], isNumber, `${FORMAT_BUILDER}.whenNumberBetween`));
  }

  whenCellEmpty(): this {
    return this.#when('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): this {
    return this.#when('CELL_NOT_EMPTY', []);
  }

  setBackground(color: unknown): this {
    return this.#format('background', color, (v) => typeof v === 'string' || v === null, 'setBackground');
  }

  setFontColor(color: unknown): this {
    return this.#format('fontColor', color, (v) => typeof v === 'string' || v === null, 'setFontColor');
  }

  setBold(bold: unknown): this {
    return this.#format('bold', bold, (v) => typeof v === 'boolean' || v === null, 'setBold');
  }

  #format<K extends 'background' | 'fontColor' | 'bold'>(key: K, value: unknown, ok: (v: unknown) => v is FormatSpec[K], name: string): this {
    need(ok(value), [value], `${FORMAT_BUILDER}.${name}`);
    this.#spec[key] = value as FormatSpec[K];
    return this;
  }

  setRanges(ranges: unknown): this {
    const method = `${FORMAT_BUILDER}.setRanges`;
    need(Array.isArray(ranges), [ranges], method);
    this.#spec.ranges = (ranges as unknown[]).map((r) => rangeHandle(r, method));
    return this;
  }

  getRanges(): Range[] {
    return this.#spec.ranges.map((h) => h.book.range(h.sheetId, h.grid));
  }

  getBooleanCondition(): BooleanCondition | null {
    return this.#spec.condition ? new BooleanCondition(this.#spec) : null;
  }

  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.#spec);
  }

  build(): ConditionalFormatRule {
    if (!this.#spec.condition) fail(googleErrors.conditionalFormatWithoutCondition());
    return new ConditionalFormatRule(this.#spec);
  }
}
