import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

export function Options() {
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  function save(event: SubmitEvent) {
    event.preventDefault();
    const isMissing = code.trim() === '';
    setMissing(isMissing);
    // Sending focus back to the field lets a keyboard or screen-reader user fix it straight away.
    if (isMissing) field.current?.focus();
  }

  function edit(event: Event) {
    const value = (event.currentTarget as HTMLInputElement).value;
    setCode(value);
    if (value.trim() !== '') setMissing(false);
  }

  return (
    <main class="page">
      <h1>{t('optionsTitle')}</h1>
      {/* noValidate: the browser's own bubble is not localised through _locales and vanishes on blur;
          the inline message below is both. */}
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('optionsEnrollmentLegend')}</legend>
          <label for="enrollment-code">{t('optionsEnrollmentCodeLabel')}</label>
          <input
            ref={field}
            id="enrollment-code"
            name="enrollment-code"
            type="text"
            required
            autocomplete="off"
            spellcheck={false}
            value={code}
            onInput={edit}
            aria-invalid={missing}
            aria-describedby={missing ? 'enrollment-code-error enrollment-code-hint' : 'enrollment-code-hint'}
          />
          <p id="enrollment-code-hint" class="hint">
            {t('optionsEnrollmentCodeHint')}
          </p>
          {missing && (
            <p id="enrollment-code-error" class="error" role="alert">
              {t('optionsEnrollmentCodeMissing')}
            </p>
          )}
        </fieldset>
        <button type="submit">{t('optionsSave')}</button>
      </form>
    </main>
  );
}
