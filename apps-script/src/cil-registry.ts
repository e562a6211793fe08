import { z } from '../../shared/zod';
import { cilIdSchema } from '../../shared/api/protocol';

// The CILs this deployment serves. One deployment may serve many (CfP's national team can run one for
// all CILs), so each CIL is a script property `cil:<id>` pointing at its spreadsheet and folder. Script
// properties belong to the deployment, not to any one spreadsheet, and are read in one call.

const PREFIX = 'cil:';

export const registeredCilSchema = z.object({
  id: cilIdSchema,
  name: z.string(),
  spreadsheetId: z.string().min(1),
  folderId: z.string().min(1),
  registeredAt: z.string(),
});
export type RegisteredCil = z.output<typeof registeredCilSchema>;

/**
 * One registry entry, or null when someone edited the property by hand into something unreadable: it
 * is skipped (the other CILs keep working) and named in the execution log, where an admin looks.
 */
function readEntry(key: string, value: string): RegisteredCil | null {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    json = undefined;
  }
  const parsed = registeredCilSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  console.warn(`CIL Hub: the script property "${key}" is not a CIL registration CIL Hub can read, so it is skipped. Delete it, or run Set up this CIL again in that CIL's spreadsheet.`);
  return null;
}

export function registeredCils(): RegisteredCil[] {
  const properties = PropertiesService.getScriptProperties().getProperties();
  return Object.entries(properties)
    .filter(([key]) => key.startsWith(PREFIX))
    .flatMap(([key, value]) => readEntry(key, value) ?? [])
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function findCil(id: string): RegisteredCil | null {
  const value = PropertiesService.getScriptProperties().getProperty(PREFIX + id);
  return value === null ? null : readEntry(PREFIX + id, value);
}

export function registerCil(cil: RegisteredCil): void {
  PropertiesService.getScriptProperties().setProperty(PREFIX + cil.id, JSON.stringify(registeredCilSchema.parse(cil)));
}

/** A short, readable id from the CIL's name ('CIL Lahore' → 'cil-lahore'), unique in this deployment. */
export function newCilId(name: string, spreadsheetId: string): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'cil';
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    const existing = findCil(id);
    if (!existing || existing.spreadsheetId === spreadsheetId) return id;
  }
}
