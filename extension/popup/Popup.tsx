import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { Status } from '../messages';
import { askStatus } from './ask-status';

export function Popup() {
  const [status, setStatus] = useState<Status | 'checking' | 'failed'>('checking');

  useEffect(() => {
    askStatus().then(setStatus, (error: unknown) => {
      // The volunteer sees a plain message; the cause goes to the console for whoever debugs it.
      console.error('CIL Hub: the service worker gave no valid status', error);
      setStatus('failed');
    });
  }, []);

  return (
    <main class="page popup">
      <h1>{t('extName')}</h1>
      {status === 'checking' ? (
        <p role="status">{t('popupChecking')}</p>
      ) : status === 'failed' ? (
        <p role="alert" class="error">
          {t('popupStatusFailed')}
        </p>
      ) : status.enrolled ? (
        <p>{t('popupEnrolled', String(status.queued))}</p>
      ) : (
        <>
          <p>{t('popupNotEnrolled')}</p>
          <button type="button" onClick={() => void chrome.runtime.openOptionsPage()}>
            {t('popupOpenOptions')}
          </button>
        </>
      )}
    </main>
  );
}
