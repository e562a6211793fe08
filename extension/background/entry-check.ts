import { syncEntrySchema, type SyncEntry } from '../../shared/api/sync-entry';
import type { z } from '../../shared/zod';
import { t } from '../i18n';

export type EntryCheck = { ok: true; entry: SyncEntry } | { ok: false; message: string };

/**
 * An entry made here (popup form, Calendar action) checked with the backend's own schema before it is
 * queued: one the backend would refuse is refused now, with the same reason, and never queued.
 */
export function checkedEntry(entry: z.input<typeof syncEntrySchema>): EntryCheck {
  const read = syncEntrySchema.safeParse(entry);
  if (read.success) return { ok: true, entry: read.data };
  const detail = read.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`.trim()).join('; ');
  return { ok: false, message: t('workerEntryInvalid', detail) };
}
