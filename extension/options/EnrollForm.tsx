import { useRef, useState } from 'preact/hooks';
import { parseEnrollmentCode } from '../../shared/api/enrollment-code';
import { t } from '../i18n';
import type { Reply } from '../messages';
import type { PageRequest } from '../ui/ask';
import { roleLabel } from '../ui/labels';
import { loopbackPermissionFor } from '../loopback-permission';
import { deploymentIdOf, hostOf } from './web-app-address';

interface EnrollFormProps {
  /** Enrolled already: the form takes a new code, such as one a lead re-issued. */
  enrolled: boolean;
  /** The code the enrollment email's link brought, filled in for the volunteer to check and send. */
  codeFromLink: string | undefined;
  send: (request: PageRequest) => Promise<Reply>;
}

type Outcome = { kind: 'sending' } | { kind: 'enrolled'; message: string } | { kind: 'failed'; message: string };

/**
 * Paste the code from the enrollment email and press "Enroll". The code is read on the page first
 * (its own message if it is damaged); a web app on this computer (the sandbox) needs the volunteer's
 * permission, asked for on that click; then the service worker checks the code with the web app.
 */
export function EnrollForm({ enrolled, codeFromLink, send }: EnrollFormProps) {
  const [code, setCode] = useState(codeFromLink ?? '');
  const [problem, setProblem] = useState<string>();
  const [checked, setChecked] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const field = useRef<HTMLTextAreaElement>(null);
  const sending = useRef(false);
  const linked = codeFromLink === undefined ? undefined : parseEnrollmentCode(codeFromLink);

  function edit(value: string) {
    setCode(value);
    if (checked) {
      const read = parseEnrollmentCode(value);
      setProblem(read.ok ? undefined : read.message);
    }
  }

  function submit(event: Event) {
    event.preventDefault();
    if (sending.current) return;
    const read = parseEnrollmentCode(code);
    setChecked(true);
    if (!read.ok) {
      setProblem(read.message);
      setOutcome(undefined);
      field.current?.focus();
      return;
    }
    setProblem(undefined);
    sending.current = true;
    void enroll(read.enrollment.url).finally(() => {
      sending.current = false;
    });
  }

  async function enroll(webAppUrl: string) {
    const permission = loopbackPermissionFor(webAppUrl);
    if (permission !== null) {
      const origin = new URL(webAppUrl).origin;
      // Chrome grants host access only during the click that asked for it: this must be the first await.
      const granted = await chrome.permissions.request({ origins: [permission] }).catch((error: unknown) => {
        console.error(`CIL Hub: could not ask for access to ${origin}`, error);
        return false;
      });
      if (!granted) {
        setOutcome({ kind: 'failed', message: t('optionsLoopbackRefused', origin) });
        return;
      }
    }
    setOutcome({ kind: 'sending' });
    // Mail programs break long codes over lines; the code itself has no spaces.
    const reply = await send({ type: 'enroll', code: code.replace(/\s+/g, '') });
    const enrollment = reply.ok ? reply.status.enrollment : null;
    if (!reply.ok || enrollment === null) {
      setOutcome({ kind: 'failed', message: reply.ok ? t('optionsNotEnrolled') : reply.message });
      return;
    }
    setCode('');
    setChecked(false);
    const { volunteer, cil } = enrollment;
    setOutcome({ kind: 'enrolled', message: t('optionsEnrolled', [volunteer.name, roleLabel(volunteer.role), cil.name]) });
  }

  const describedBy = [problem !== undefined ? 'enrollment-code-problem' : undefined, 'enrollment-code-hint'].filter(Boolean).join(' ');
  return (
    // noValidate: the browser's bubble is not localised through _locales and vanishes on blur.
    <form onSubmit={submit} noValidate aria-labelledby="enroll-heading">
      <h3 id="enroll-heading">{t(enrolled ? 'optionsNewCodeHeading' : 'optionsEnrollHeading')}</h3>
      {linked !== undefined && (
        <p class="notice" role="status">
          {linked.ok ? linkNotice(linked.enrollment.cil, linked.enrollment.url) : t('optionsDamagedLink')}
        </p>
      )}
      <label for="enrollment-code">{t('optionsCodeLabel')}</label>
      <textarea
        ref={field}
        id="enrollment-code"
        name="enrollment-code"
        rows={4}
        autocomplete="off"
        spellcheck={false}
        value={code}
        onInput={(event) => edit(event.currentTarget.value)}
        aria-invalid={problem !== undefined}
        aria-describedby={describedBy}
      />
      <p id="enrollment-code-hint" class="hint">
        {t(enrolled ? 'optionsNewCodeHint' : 'optionsCodeHint')}
      </p>
      {problem !== undefined && (
        <p id="enrollment-code-problem" class="error">
          {problem}
        </p>
      )}
      <button type="submit">{t('optionsEnroll')}</button>
      {outcome?.kind === 'sending' && <p role="status">{t('optionsEnrolling')}</p>}
      {outcome?.kind === 'enrolled' && (
        <p role="status" class="done">
          {outcome.message}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p role="alert" class="error">
          {outcome.message}
        </p>
      )}
    </form>
  );
}

/** Where a linked code points: the host, and on Google the deployment id, which tells one CIL's web app from another's. */
function linkNotice(cil: string, url: string): string {
  const deployment = deploymentIdOf(url);
  return deployment === undefined
    ? t('optionsCodeFromLink', [cil, hostOf(url)])
    : t('optionsCodeFromLinkDeployment', [cil, hostOf(url), deployment]);
}
