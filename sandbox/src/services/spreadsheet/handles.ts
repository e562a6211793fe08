import type { GridRange } from '../../workspace';
import { googleErrors, fail } from '../../google-errors';
import type { Workbook } from './workbook';

// The internals behind Google objects that other objects must read when the script passes them back
// (a Range given to addRange or setRanges, a Sheet given to deleteSheet). Kept in WeakMaps rather
// than on the objects so the script cannot reach them.

export interface RangeHandle {
  book: Workbook;
  sheetId: number;
  grid: GridRange;
}

export interface SheetHandle {
  book: Workbook;
  sheetId: number;
}

export const rangeHandles = new WeakMap<object, RangeHandle>();
export const sheetHandles = new WeakMap<object, SheetHandle>();

export function rangeHandle(value: unknown, method: string): RangeHandle {
  const handle = typeof value === 'object' && value !== null ? rangeHandles.get(value) : undefined;
  return handle ?? fail(googleErrors.signatureMismatch([value], method));
}

export function sheetHandle(value: unknown, method: string): SheetHandle {
  const handle = typeof value === 'object' && value !== null ? sheetHandles.get(value) : undefined;
  return handle ?? fail(googleErrors.signatureMismatch([value], method));
}
