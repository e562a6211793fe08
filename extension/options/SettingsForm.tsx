import { useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n';
import { DEFAULT_MINIMUM_SESSION_MINUTES } from '../background/settings';
import { settingRules, type Reply, type SettingsChange, type SettingsView } from '../messages';
import type { PageRequest } from '../ui/ask';
import { formatHourOfDay, formatWeekday } from '../ui/format';

interface SettingsFormProps {
  settings: SettingsView;
  /** The enrolled CIL's own minimum minutes for a Meet session to count, if enrolled. */
  cilMinimumMinutes: number | undefined;
  send: (request: PageRequest) => Promise<Reply>;
}

/** The fields typed as numbers; days and hours are chosen from lists, which cannot be wrong. */
type MinutesField = 'meetingReminderMinutes' | 'minimumSessionMinutes' | 'rejoinMergeMinutes';
const MINUTES_FIELDS: MinutesField[] = ['meetingReminderMinutes', 'minimumSessionMinutes', 'rejoinMergeMinutes'];
const LABELS: Record<MinutesField, MessageKey> = {
  meetingReminderMinutes: 'settingsMeetingLead',
  minimumSessionMinutes: 'settingsMinimumSession',
  rejoinMergeMinutes: 'settingsRejoin',
};

interface Choices {
  weeklyReminder: boolean;
  weeklyReminderWeekday: number;
  weeklyReminderHour: number;
  quietHoursStart: number;
  quietHoursEnd: number;
}
type Fields = Choices & Record<MinutesField, string>;

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

function fieldsOf(settings: SettingsView): Fields {
  const { meetingReminderMinutes, minimumSessionMinutes, rejoinMergeMinutes, ...choices } = settings;
  return {
    ...choices,
    meetingReminderMinutes: String(meetingReminderMinutes),
    minimumSessionMinutes: minimumSessionMinutes === undefined ? '' : String(minimumSessionMinutes),
    rejoinMergeMinutes: String(rejoinMergeMinutes),
  };
}

/** The change to send, or each minutes field's problem (in the volunteer's language). */
function checkSettings(fields: Fields): { ok: true; change: SettingsChange } | { ok: false; problems: Partial<Record<MinutesField, string>> } {
  const { weeklyReminder, weeklyReminderWeekday, weeklyReminderHour, quietHoursStart, quietHoursEnd } = fields;
  const change: SettingsChange = { weeklyReminder, weeklyReminderWeekday, weeklyReminderHour, quietHoursStart, quietHoursEnd };
  const problems: Partial<Record<MinutesField, string>> = {};
  for (const field of MINUTES_FIELDS) {
    const text = fields[field].trim();
    // Blank minimum: the CIL's own applies.
    if (field === 'minimumSessionMinutes' && text === '') {
      change.minimumSessionMinutes = null;
      continue;
    }
    const rule = settingRules[field];
    const read = rule.safeParse(text === '' ? Number.NaN : Number(text));
    if (read.success) change[field] = read.data;
    else problems[field] = t(rule.isInt ? 'settingsProblemWholeRange' : 'settingsProblemRange', [String(rule.minValue), String(rule.maxValue)]);
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, change };
}

/**
 * "Reminders and Meet": when the weekly hours reminder comes, the quiet hours, how long before a
 * meeting its reminder comes, and which Meet sessions count. Saved through the service worker, which
 * checks every value again; its reply carries the settings now in effect.
 */
export function SettingsForm({ settings, cilMinimumMinutes, send }: SettingsFormProps) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(settings));
  const [problems, setProblems] = useState<Partial<Record<MinutesField, string>>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string }>();
  const sending = useRef(false);
  const controls = useRef<Partial<Record<MinutesField, HTMLInputElement | null>>>({});

  function edit<K extends keyof Fields>(field: K, value: Fields[K]) {
    setFields({ ...fields, [field]: value });
    setOutcome(undefined);
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (sending.current) return;
    const check = checkSettings(fields);
    if (!check.ok) {
      setProblems(check.problems);
      setOutcome(undefined);
      const first = MINUTES_FIELDS.find((field) => check.problems[field] !== undefined);
      if (first) controls.current[first]?.focus();
      return;
    }
    setProblems({});
    sending.current = true;
    const reply = await send({ type: 'save-settings', settings: check.change });
    sending.current = false;
    if (reply.ok && reply.status.settings) setFields(fieldsOf(reply.status.settings));
    setOutcome(reply.ok ? { ok: true, message: t('settingsSaved') } : { ok: false, message: reply.message });
  }

  function hourSelect(id: string, field: 'weeklyReminderHour' | 'quietHoursStart' | 'quietHoursEnd', label: MessageKey) {
    return (
      <div class="field">
        <label for={id}>{t(label)}</label>
        <select id={id} value={String(fields[field])} onChange={(event) => edit(field, Number(event.currentTarget.value))}>
          {HOURS.map((hour) => (
            <option key={hour} value={String(hour)}>
              {formatHourOfDay(hour)}
            </option>
          ))}
        </select>
      </div>
    );
  }

  function minutesInput(field: MinutesField, hint: string) {
    const problem = problems[field];
    const id = `settings-${field}`;
    return (
      <div class="field">
        <label for={id}>{t(LABELS[field])}</label>
        <input
          ref={(element) => {
            controls.current[field] = element;
          }}
          id={id}
          type="number"
          inputMode="decimal"
          min="0"
          value={fields[field]}
          onInput={(event) => edit(field, event.currentTarget.value)}
          aria-invalid={problem !== undefined}
          aria-describedby={[problem !== undefined ? `${id}-problem` : undefined, `${id}-hint`].filter(Boolean).join(' ')}
        />
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
        {problem !== undefined && (
          <p id={`${id}-problem`} class="error">
            {t('fieldProblem', [t(LABELS[field]), problem])}
          </p>
        )}
      </div>
    );
  }

  return (
    // noValidate: the browser's bubbles are not localised through _locales and vanish on blur.
    <form onSubmit={submit} noValidate class="settings-form">
      <fieldset>
        <legend>{t('settingsWeeklyHeading')}</legend>
        <div class="field">
          <label>
            <input type="checkbox" checked={fields.weeklyReminder} onChange={(event) => edit('weeklyReminder', event.currentTarget.checked)} />{' '}
            {t('settingsWeeklyReminder')}
          </label>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="settings-weekday">{t('settingsWeekday')}</label>
            <select id="settings-weekday" value={String(fields.weeklyReminderWeekday)} onChange={(event) => edit('weeklyReminderWeekday', Number(event.currentTarget.value))}>
              {WEEKDAYS.map((weekday) => (
                <option key={weekday} value={String(weekday)}>
                  {formatWeekday(weekday)}
                </option>
              ))}
            </select>
          </div>
          {hourSelect('settings-hour', 'weeklyReminderHour', 'settingsHour')}
        </div>
      </fieldset>
      <fieldset aria-describedby="settings-quiet-hint">
        <legend>{t('settingsQuietHeading')}</legend>
        <div class="field-row">
          {hourSelect('settings-quiet-from', 'quietHoursStart', 'settingsQuietFrom')}
          {hourSelect('settings-quiet-to', 'quietHoursEnd', 'settingsQuietTo')}
        </div>
        <p id="settings-quiet-hint" class="hint">
          {t('settingsQuietHint')}
        </p>
      </fieldset>
      <fieldset>
        <legend>{t('settingsMeetingsHeading')}</legend>
        {minutesInput('meetingReminderMinutes', t('settingsMeetingLeadHint'))}
        {minutesInput('minimumSessionMinutes', t('settingsMinimumSessionHint', String(cilMinimumMinutes ?? DEFAULT_MINIMUM_SESSION_MINUTES)))}
        {minutesInput('rejoinMergeMinutes', t('settingsRejoinHint'))}
      </fieldset>
      <button type="submit">{t('settingsSave')}</button>
      {outcome !== undefined && (
        <p class={outcome.ok ? 'done' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.message}
        </p>
      )}
    </form>
  );
}
