import type { ColumnDefinition } from '../../../shared/records/tab';

// Dropdowns setup puts on choice cells: a column of a record tab, or a choice setting's Value cell.

type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/** A dropdown offering exactly the column's options and refusing anything else. */
export function dropdownRule(column: ColumnDefinition): DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList([...(column.options ?? [])], true)
    .setAllowInvalid(false)
    .build();
}

/**
 * Whether a cell's rule is a dropdown of exactly the column's options. Only a list rule has a list as
 * its first criteria value, so the type need not be asked separately; whether a lead let it accept
 * other values (with a warning) is the lead's choice.
 */
export function isDropdownOf(rule: DataValidation | null, column: ColumnDefinition): boolean {
  if (rule === null) return false;
  const [values] = rule.getCriteriaValues();
  const options = column.options ?? [];
  return Array.isArray(values) && values.length === options.length && values.every((value, i) => value === options[i]);
}
