import type { SummaryResult } from '../../shared/api/protocol';
import { t } from '../i18n';
import { formatAge, formatHours, formatMoment } from '../ui/format';
import { standingLabel, stepLabel } from '../ui/labels';
import { HoursBar } from './HoursBar';

interface MyWeekProps {
  summary: SummaryResult | null;
  /** When the service worker fetched `summary`: offline, the popup shows an older week and says how old. */
  summaryAt: string | undefined;
  now: Date;
}

/** The volunteer's week at a glance: hours against commitment, the month, and where they stand. */
export function MyWeek({ summary, summaryAt, now }: MyWeekProps) {
  return (
    <section aria-labelledby="my-week">
      <h2 id="my-week">{t('popupMyWeek')}</h2>
      {summary === null ? (
        <p class="hint">{t('popupNoSummary')}</p>
      ) : (
        <>
          <HoursBar label={t('popupThisWeek')} hours={summary.week.hours} commitment={summary.week.commitment} />
          <p>{t('popupThisMonth', [formatHours(summary.month.hours), formatHours(summary.month.commitment)])}</p>
          <p>
            {t('popupStanding')} <strong>{standingLabel(summary.volunteer.status)}</strong>
          </p>
          {summary.lastStep !== null && (
            <p class="hint">
              {t('popupLastStep', [stepLabel(summary.lastStep.kind), formatMoment(summary.lastStep.at, summary.cil.timeZone)])}
            </p>
          )}
          {summaryAt !== undefined && <p class="hint">{t('popupSummaryAge', formatAge(summaryAt, now))}</p>}
        </>
      )}
    </section>
  );
}
