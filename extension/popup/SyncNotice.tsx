import { t } from '../i18n';
import type { SyncState } from '../messages';
import { formatClockTime } from '../ui/format';

/**
 * How sending is going, when the volunteer needs to know: offline or backing off (entries are kept and
 * when the next try is), or sending right now. Nothing while all is well.
 */
export function SyncNotice({ sync }: { sync: SyncState }) {
  if (sync.state === 'offline' || sync.state === 'waiting') {
    return (
      <div class="notice" role="status">
        <p>
          <strong>{t(sync.state === 'offline' ? 'syncOffline' : 'syncWaiting')}</strong> {t('syncEntriesKept')}
        </p>
        {sync.lastError !== undefined && <p class="hint">{sync.lastError}</p>}
        {sync.nextAttemptAt !== undefined && <p>{t('syncNextAttempt', formatClockTime(sync.nextAttemptAt))}</p>}
      </div>
    );
  }
  if (sync.state === 'syncing') {
    return (
      <p class="hint" role="status">
        {t('syncSending')}
      </p>
    );
  }
  return null;
}
