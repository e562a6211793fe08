import { GOOGLE_DOCS } from './report-templates';

// The drafts of one report in its folder: the first is named after the report and its period, later
// ones "… (version 2)", "… (version 3)". Each draft's Drive description says when CIL Hub wrote it
// and a digest of its text, so regenerating can tell a draft nobody touched (updated in place) from
// one a lead edited (left alone, a new version beside it).

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

/**
 * How long after writing a draft its "last updated" may still move without anyone editing it: Drive
 * stamps the Doc's save and the description a moment apart. A lead's edit within it is caught by the
 * digest of the text.
 */
const SAVE_SLACK_MS = 60_000;

export const versionName = (base: string, version: number) => (version === 1 ? base : `${base} (version ${version})`);

export interface Draft {
  file: File;
  version: number;
}

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** The latest draft of the report in the folder, or null; a draft in the trash is not one (the folder still lists it). */
export function latestDraft(folder: Folder, base: string): Draft | null {
  const shape = new RegExp(`^${escapeRegExp(base)}(?: \\(version (\\d+)\\))?$`);
  let latest: Draft | null = null;
  const docs = folder.getFilesByType(GOOGLE_DOCS);
  while (docs.hasNext()) {
    const file = docs.next();
    const match = shape.exec(file.getName());
    if (!match || file.isTrashed()) continue;
    const version = match[1] === undefined ? 1 : Number(match[1]);
    if (!latest || version > latest.version) latest = { file, version };
  }
  return latest;
}

/** A digest of a draft's text, to tell later whether anyone changed it. */
export function textDigest(text: string): string {
  return Utilities.base64Encode(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8));
}

const GENERATED = /generated (\S+Z)\b/;
const DIGEST = /text digest (\S+)$/;

export function draftDescription(generatedAt: Date, digest: string): string {
  return `Drafted by CIL Hub from the CIL's records, generated ${generatedAt.toISOString()}. Regenerating updates it in place until someone edits it; after an edit, CIL Hub makes a new version instead. text digest ${digest}`;
}

/** Whether the draft is as CIL Hub wrote it: not saved since (beyond the slack), and the same text. */
export function isUntouched(draft: Draft): boolean {
  const description = draft.file.getDescription() ?? '';
  const generated = GENERATED.exec(description)?.[1];
  const digest = DIGEST.exec(description)?.[1];
  if (generated === undefined || digest === undefined) return false;
  const generatedMs = new Date(generated).getTime();
  if (Number.isNaN(generatedMs) || draft.file.getLastUpdated().getTime() > generatedMs + SAVE_SLACK_MS) return false;
  return textDigest(DocumentApp.openById(draft.file.getId()).getBody().getText()) === digest;
}
