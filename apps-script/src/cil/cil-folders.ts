import { folderInside } from '../google/drive-folders';
import { setUpReportTemplates } from '../reports/report-templates';
import type { SetupReport } from './setup-report';

type Folder = GoogleAppsScript.Drive.Folder;

/** The CIL folder's subfolders, as the CIL kept them by hand; reports are filed by year under Reports. */
export const CIL_SUBFOLDERS = ['Reports', 'Templates', 'Events', 'Projects', 'Archive'] as const;

/**
 * Makes whichever subfolders the CIL folder lacks, and Reports/<year>, then the report templates the
 * Templates folder lacks; keeps the rest as they are.
 */
export function setUpCilFolders(cilFolder: Folder, name: string, year: string, report: SetupReport): void {
  let templates: Folder | null = null;
  for (const subfolder of CIL_SUBFOLDERS) {
    const { folder, made } = folderInside(cilFolder, subfolder);
    (made ? report.created : report.kept).push(`folder "${name}/${subfolder}"`);
    if (subfolder === 'Templates') templates = folder;
    if (subfolder !== 'Reports') continue;
    const yearFolder = folderInside(folder, year);
    (yearFolder.made ? report.created : report.kept).push(`folder "${name}/Reports/${year}"`);
  }
  setUpReportTemplates(templates!, `${name}/Templates`, report);
}
