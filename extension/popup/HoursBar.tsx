import { useId } from 'preact/hooks';
import { t } from '../i18n';
import { formatHours } from '../ui/format';

interface HoursBarProps {
  label: string;
  hours: number;
  commitment: number;
}

/**
 * Hours against a commitment as a progress bar that assistive technology reads as "3.5 of 5 hours".
 * Hours past the commitment fill the bar and are still told in full; a commitment of 0 (a volunteer
 * excused from it) has no bar to fill.
 */
export function HoursBar({ label, hours, commitment }: HoursBarProps) {
  const labelId = useId();
  const amount = t('hoursOfCommitment', [formatHours(hours), formatHours(commitment)]);
  if (commitment <= 0) {
    return (
      <p>
        {label}: {t('hoursAmount', formatHours(hours))}
      </p>
    );
  }
  const filled = Math.min(hours, commitment);
  const met = hours >= commitment;
  return (
    <div class="hours-bar">
      <p class="hours-bar-label">
        <span id={labelId}>{label}</span>
        <span>{met ? t('hoursCommitmentMet', amount) : amount}</span>
      </p>
      <div
        class={met ? 'bar met' : 'bar'}
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={commitment}
        aria-valuenow={filled}
        aria-valuetext={amount}
      >
        <div class="bar-fill" style={{ width: `${(filled / commitment) * 100}%` }} />
      </div>
    </div>
  );
}
