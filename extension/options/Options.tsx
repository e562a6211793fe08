import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { Reply } from '../messages';
import { takeCodeFromAddress } from '../ui/options-link';
import { useStatus } from '../ui/use-status';
import { EnrolledAs } from './EnrolledAs';
import { EnrollForm } from './EnrollForm';
import { SettingsForm } from './SettingsForm';

/** The options page: who this browser is enrolled as, sign-out, enrollment with a code, and the volunteer's settings. */
export function Options() {
  const { view, send } = useStatus();
  // Read once: the address loses the code as it is read.
  const [codeFromLink] = useState(takeCodeFromAddress);
  const [signOut, setSignOut] = useState<{ ok: boolean; message: string }>();
  const heading = useRef<HTMLHeadingElement>(null);

  function signedOut(reply: Reply) {
    setSignOut(reply.ok ? { ok: true, message: t('optionsSignedOut') } : { ok: false, message: reply.message });
    // The sign-out buttons went with the enrollment; the section's heading is the nearest place.
    heading.current?.focus();
  }

  return (
    <main class="page">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="enrollment">
        <h2 id="enrollment" ref={heading} tabIndex={-1}>
          {t('optionsEnrollment')}
        </h2>
        {signOut !== undefined && !(signOut.ok && view.kind === 'ready' && view.status.enrollment !== null) && (
          <p role={signOut.ok ? 'status' : 'alert'} class={signOut.ok ? 'done' : 'error'}>
            {signOut.message}
          </p>
        )}
        {view.kind === 'checking' ? (
          <p role="status">{t('optionsChecking')}</p>
        ) : view.kind === 'failed' ? (
          <p role="alert" class="error">
            {view.message}
          </p>
        ) : (
          <>
            {view.status.enrollment === null ? (
              <p>{t('optionsNotEnrolledYet')}</p>
            ) : (
              <EnrolledAs enrollment={view.status.enrollment} queued={view.status.queue.length} send={send} onSignedOut={signedOut} />
            )}
            <EnrollForm enrolled={view.status.enrollment !== null} codeFromLink={codeFromLink} send={send} />
          </>
        )}
      </section>
      {view.kind === 'ready' && view.status.settings !== undefined && (
        <section aria-labelledby="settings">
          <h2 id="settings">{t('settingsHeading')}</h2>
          <SettingsForm settings={view.status.settings} cilMinimumMinutes={view.status.enrollment?.cil.minimumMinutesPresent} send={send} />
        </section>
      )}
    </main>
  );
}
