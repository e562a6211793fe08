import { settingsSchema } from '../../../shared/records/settings';
import { z } from '../../../shared/zod';

// The national rollup is a setting of the deployment, not of any CIL: CfP's spreadsheet (in CfP's Drive
// folder) and the CfP lead it reports to, in one script property that setUpNationalRollup writes.

export const NATIONAL_ROLLUP_PROPERTY = 'rollup:national';

export const cfpEmailSchema = settingsSchema.shape.cfpLeadEmail.unwrap();

export const nationalSettingSchema = z.object({
  spreadsheetId: z.string().min(1),
  folderId: z.string().min(1),
  cfpLeadEmail: cfpEmailSchema,
  /** The national spreadsheet's time zone: its dates are written in it. */
  timeZone: z.string().min(1),
  setUpAt: z.string(),
});
export type NationalSetting = z.output<typeof nationalSettingSchema>;

/** The setting, null when the rollup is not set up; an unreadable one (edited by hand) is an error saying how to mend it. */
export function readNationalSetting(): NationalSetting | null {
  const text = PropertiesService.getScriptProperties().getProperty(NATIONAL_ROLLUP_PROPERTY);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = nationalSettingSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new Error(`The script property "${NATIONAL_ROLLUP_PROPERTY}" is not a national rollup setting CIL Hub can read: run setUpNationalRollup({ cfpLeadEmail }) again.`);
}

export function writeNationalSetting(setting: NationalSetting): void {
  PropertiesService.getScriptProperties().setProperty(NATIONAL_ROLLUP_PROPERTY, JSON.stringify(nationalSettingSchema.parse(setting)));
}
