import { useRef, useState } from 'preact/hooks';
import { HOURS_CATEGORIES } from '../../shared/records/hours';
import { addDays } from '../../shared/time/calendar-day';
import { dayOf } from '../../shared/time/zone';
import { t, type MessageKey } from '../i18n';
import type { Reply } from '../messages';
import type { PageRequest } from '../ui/ask';
import { formatDay, formatHours } from '../ui/format';
import { categoryLabel } from '../ui/labels';
import { checkHoursForm, type HoursField, type HoursFields } from './hours-form';

interface LogHoursFormProps {
  /** The CIL's time zone: "today" is the CIL's today, as the web app counts it. */
  timeZone: string;
  send: (request: PageRequest) => Promise<Reply>;
}

const LABELS: Record<HoursField, MessageKey> = {
  day: 'hoursDay',
  hours: 'hoursHours',
  category: 'hoursCategory',
  projectId: 'hoursProject',
  note: 'hoursNote',
};

/** The order fields are checked and focused in: the order they appear. */
const FIELDS: HoursField[] = ['day', 'hours', 'category', 'projectId', 'note'];

/**
 * "Log hours": day (today in the CIL's zone), hours, category, and optionally a project and a note.
 * Checked on submit with the schema the service worker uses; after a failed submit every change is
 * checked again, so a message goes as soon as its field is fixed. The entry is queued by the service
 * worker, and its reply (the new status) shows it in the queue at once.
 */
export function LogHoursForm({ timeZone, send }: LogHoursFormProps) {
  const today = dayOf(new Date(), timeZone);
  const [fields, setFields] = useState<HoursFields>({ day: today, hours: '', category: '', projectId: '', note: '' });
  const [problems, setProblems] = useState<Partial<Record<HoursField, string>>>({});
  const [checked, setChecked] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string }>();
  // A ref, not state: a second Enter before the reply must not queue the entry twice, and a disabled
  // button would throw the keyboard user's focus out of the form.
  const sending = useRef(false);
  const controls = useRef<Partial<Record<HoursField, HTMLElement | null>>>({});

  function edit(field: HoursField, value: string) {
    const next = { ...fields, [field]: value };
    setFields(next);
    setOutcome(undefined);
    if (checked) {
      const check = checkHoursForm(next, today);
      setProblems(check.ok ? {} : check.problems);
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (sending.current) return;
    const check = checkHoursForm(fields, today);
    setChecked(true);
    if (!check.ok) {
      setProblems(check.problems);
      setOutcome(undefined);
      // Straight to the first field to fix, which reads out its message with it.
      const first = FIELDS.find((field) => check.problems[field] !== undefined);
      if (first) controls.current[first]?.focus();
      return;
    }
    setProblems({});
    sending.current = true;
    const reply = await send({ type: 'log-hours', hours: check.hours });
    sending.current = false;
    if (!reply.ok) {
      setOutcome({ ok: false, message: reply.message });
      return;
    }
    const { hours, category, day } = check.hours;
    setOutcome({ ok: true, message: t('hoursQueued', [formatHours(hours), categoryLabel(category), formatDay(day as typeof today)]) });
    // Day and category stay: a volunteer logging a week often logs the next entry alike.
    setFields({ ...fields, hours: '', projectId: '', note: '' });
    setChecked(false);
  }

  /** The attributes that tie a control to its label, its hint and its message. */
  function described(field: HoursField, hint?: string) {
    const problem = problems[field];
    const ids = [problem !== undefined ? `hours-${field}-problem` : undefined, hint].filter(Boolean).join(' ');
    return {
      id: `hours-${field}`,
      name: field,
      ref: (element: HTMLElement | null) => {
        controls.current[field] = element;
      },
      'aria-invalid': problem !== undefined,
      'aria-describedby': ids === '' ? undefined : ids,
    };
  }

  function label(field: HoursField, optional = false) {
    return (
      <label for={`hours-${field}`}>
        {t(LABELS[field])}
        {optional && <span class="optional"> {t('hoursOptional')}</span>}
      </label>
    );
  }

  function problem(field: HoursField) {
    const text = problems[field];
    return (
      text !== undefined && (
        <p id={`hours-${field}-problem`} class="error">
          {t('fieldProblem', [t(LABELS[field]), text])}
        </p>
      )
    );
  }

  return (
    <section aria-labelledby="log-hours">
      <h2 id="log-hours">{t('popupLogHours')}</h2>
      {/* noValidate: the browser's bubbles are not localised through _locales and vanish on blur; the
          messages under each field are both, and use the same rules as the service worker. */}
      <form onSubmit={submit} noValidate class="hours-form">
        <div class="field-row">
          <div class="field">
            {label('day')}
            <input
              type="date"
              {...described('day')}
              max={addDays(today, 1)}
              value={fields.day}
              onInput={(event) => edit('day', event.currentTarget.value)}
            />
            {problem('day')}
          </div>
          <div class="field">
            {label('hours')}
            <input
              type="number"
              inputMode="decimal"
              min="0"
              max="24"
              step="0.25"
              {...described('hours')}
              value={fields.hours}
              onInput={(event) => edit('hours', event.currentTarget.value)}
            />
            {problem('hours')}
          </div>
        </div>
        <div class="field">
          {label('category')}
          <select {...described('category')} value={fields.category} onChange={(event) => edit('category', event.currentTarget.value)}>
            <option value="">{t('hoursChooseCategory')}</option>
            {HOURS_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {categoryLabel(category)}
              </option>
            ))}
          </select>
          {problem('category')}
        </div>
        <div class="field">
          {label('projectId', true)}
          <input
            type="text"
            autocomplete="off"
            {...described('projectId', 'hours-projectId-hint')}
            value={fields.projectId}
            onInput={(event) => edit('projectId', event.currentTarget.value)}
          />
          <p id="hours-projectId-hint" class="hint">
            {t('hoursProjectHint')}
          </p>
          {problem('projectId')}
        </div>
        <div class="field">
          {label('note', true)}
          <textarea rows={2} {...described('note')} value={fields.note} onInput={(event) => edit('note', event.currentTarget.value)} />
          {problem('note')}
        </div>
        <button type="submit">{t('hoursSubmit')}</button>
        {outcome !== undefined && (
          <p class={outcome.ok ? 'done' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.message}
          </p>
        )}
      </form>
    </section>
  );
}
