/// <reference types="google-apps-script" />
import { asLead } from '../apps-script/as-lead';
import type { ServedCil } from './served-cil';

// CfP's Drive folder as the national team keeps it: the demo CIL's folder, a second CIL's folder (a
// copy of the demo spreadsheet) below another folder, and a spreadsheet that is not a CIL's.

export interface CfpFolder {
  folderId: string;
  secondCilId: string;
  rollupId: string;
}

export function cfpFolder(served: ServedCil): CfpFolder {
  return asLead(
    served.sandbox,
    (spreadsheetId: string) => {
      const cfp = DriveApp.createFolder('CfP CILs');
      const demo = DriveApp.getFileById(spreadsheetId);
      demo.getParents().next().moveTo(cfp);
      const karachi = cfp.createFolder('Sindh').createFolder('CIL Karachi');
      const second = demo.makeCopy('CIL Karachi — CIL Hub', karachi);
      const rollup = SpreadsheetApp.create('National rollup');
      DriveApp.getFileById(rollup.getId()).moveTo(cfp);
      return { folderId: cfp.getId(), secondCilId: second.getId(), rollupId: rollup.getId() };
    },
    [served.spreadsheetId],
  );
}
