import { accountabilityTab, type AccountabilityEvent } from '../../../shared/records/accountability';
import { sheetOf } from '../google/tab-sheet';
import { readFields, type FieldsRead } from '../google/tab-columns';

export type PolicyStep = Pick<AccountabilityEvent, 'volunteerId' | 'kind' | 'at' | 'status'>;

/** The steps of the inactivity policy about a volunteer: what, when, and whether a lead let it go out. */
export function readPolicyStepsOf(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  volunteerId: string,
  timeZone: string,
): FieldsRead<PolicyStep> {
  return readFields(sheetOf(spreadsheet, accountabilityTab), accountabilityTab, ['volunteerId', 'kind', 'at', 'status'], timeZone, {
    key: 'volunteerId',
    equals: volunteerId,
  });
}
