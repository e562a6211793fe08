import type { ExecutionContext } from '../execution';
import type { SpreadsheetState } from '../workspace';
import { googleErrors, fail } from '../google-errors';
import { addDriveItem, MIME } from './drive-items';
import { ProtectionType } from './spreadsheet/protection';
import { BooleanCriteria, ConditionalFormatRuleBuilder, DataValidationBuilder, DataValidationCriteria } from './spreadsheet/rules';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, type Spreadsheet } from './spreadsheet/spreadsheet';
import type { Sheet } from './spreadsheet/sheet';
import { Ui } from './spreadsheet/ui';
import { MAX_COLUMNS, newSheetState, SpreadsheetSession } from './spreadsheet/workbook';

// SpreadsheetApp (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app) over
// state.spreadsheets. The Google objects live in ./spreadsheet/: Spreadsheet, Sheet, Range (and the
// cell rules in cell-values.ts and grid.ts), Protection, TextFinder, rule builders, charts, Ui.

const SPREADSHEET_URL = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)/;

export function createSpreadsheetApp(ctx: ExecutionContext) {
  const session = new SpreadsheetSession(ctx);

  function open(id: string): Spreadsheet {
    if (!ctx.state.spreadsheets[id] || !ctx.state.drive.items[id]) fail(googleErrors.spreadsheetNotFound(id));
    return session.workbook(id).spreadsheet();
  }

  const isSize = (n: unknown) => n === undefined || (typeof n === 'number' && Number.isInteger(n) && n >= 1);

  const getActiveSpreadsheet = (): Spreadsheet | null => (ctx.activeSpreadsheetId === null ? null : open(ctx.activeSpreadsheetId));

  return {
    ProtectionType,
    DataValidationCriteria,
    BooleanCriteria,

    /** A new spreadsheet in the root of My Drive with one sheet, 'Sheet1', of rows × columns (1000 × 26). */
    create(name: unknown, rows?: unknown, columns?: unknown): Spreadsheet {
      if (typeof name !== 'string' || !isSize(rows) || !isSize(columns)) fail(googleErrors.signatureMismatch([name, rows, columns], 'SpreadsheetApp.create'));
      const numRows = (rows as number | undefined) ?? DEFAULT_ROWS;
      const numColumns = (columns as number | undefined) ?? DEFAULT_COLUMNS;
      if (numColumns > MAX_COLUMNS) fail(googleErrors.columnLimit(MAX_COLUMNS));
      if (numRows * numColumns > ctx.quotas.cellsPerSpreadsheet) fail(googleErrors.cellLimit(ctx.quotas.cellsPerSpreadsheet));
      const item = addDriveItem(ctx, { kind: 'file', name, mimeType: MIME.spreadsheet });
      const book: SpreadsheetState = {
        id: item.id,
        name,
        // A new spreadsheet takes its creator's time zone; the script's stands in for the account's.
        timeZone: ctx.state.scriptTimeZone,
        locale: 'en_US',
        sheets: [newSheetState(0, 'Sheet1', numRows, numColumns)],
        nextSheetId: 1,
      };
      ctx.state.spreadsheets[item.id] = book;
      return session.workbook(item.id).spreadsheet();
    },

    openById(id: unknown): Spreadsheet {
      if (typeof id !== 'string') fail(googleErrors.signatureMismatch([id], 'SpreadsheetApp.openById'));
      return open(id);
    },

    openByUrl(url: unknown): Spreadsheet {
      if (typeof url !== 'string') fail(googleErrors.signatureMismatch([url], 'SpreadsheetApp.openByUrl'));
      const id = SPREADSHEET_URL.exec(url)?.[1];
      if (!id) fail(googleErrors.invalidArgument('url'));
      return open(id);
    },

    /** The spreadsheet a bound script runs in; null for web app and trigger runs. */
    getActiveSpreadsheet,

    getActive: getActiveSpreadsheet,

    getActiveSheet(): Sheet | null {
      return getActiveSpreadsheet()?.getActiveSheet() ?? null;
    },

    setActiveSheet(sheet: unknown): Sheet {
      const active = getActiveSpreadsheet() ?? fail(googleErrors.sheetNotFound());
      return active.setActiveSheet(sheet);
    },

    /** Writes are applied at once here, so there is nothing pending to flush. */
    flush(): void {},

    getUi(): Ui {
      if (!ctx.hasUi) fail(googleErrors.uiUnavailable());
      return new Ui(ctx);
    },

    newDataValidation(): DataValidationBuilder {
      return new DataValidationBuilder();
    },

    newConditionalFormatRule(): ConditionalFormatRuleBuilder {
      return new ConditionalFormatRuleBuilder();
    },
  };
}
