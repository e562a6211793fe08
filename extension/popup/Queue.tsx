import type { SyncEntry } from '../../shared/api/sync-entry';
import type { CalendarDay } from '../../shared/time/calendar-day';
import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { QueuedEntry, Reply } from '../messages';
import type { PageRequest } from '../ui/ask';
import { ConfirmButton } from '../ui/ConfirmButton';
import { formatDay, formatHours, formatMoment } from '../ui/format';
import { categoryLabel } from '../ui/labels';

/** One queued entry in a line, in the volunteer's terms. */
function describe(entry: SyncEntry, timeZone: string): string {
  switch (entry.kind) {
    case 'hours':
      return t('queueHours', [formatHours(entry.hours), categoryLabel(entry.category), formatDay(entry.day as CalendarDay)]);
    case 'attendance':
      return t('queueAttendance', [entry.title ?? entry.meetCode, formatMoment(entry.joinedAt, timeZone)]);
    case 'notice': {
      const what =
        entry.title ??
        entry.meetCode ??
        (entry.startsAt !== undefined ? formatMoment(entry.startsAt, timeZone) : undefined) ??
        (entry.fromDay !== undefined ? formatDay(entry.fromDay as CalendarDay) : '');
      return t(entry.noticeKind === 'absence notice' ? 'queueAbsenceNotice' : 'queueCommunication', what);
    }
  }
}

interface QueueProps {
  queue: QueuedEntry[];
  timeZone: string;
  send: (request: PageRequest) => Promise<Reply>;
}

/**
 * Entries not yet in the CIL's sheet: pending ones (with the last failure, if any) and ones the web app
 * rejected, with its reason. "Retry now" sends them all again; a rejected one can be discarded.
 */
export function Queue({ queue, timeZone, send }: QueueProps) {
  const [problem, setProblem] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);

  async function act(request: PageRequest) {
    const reply = await send(request);
    setProblem(reply.ok ? undefined : reply.message);
    // The discarded entry took the focused button with it; the list's heading is the nearest place.
    if (reply.ok && request.type === 'discard') heading.current?.focus();
  }

  if (queue.length === 0) return null;
  return (
    <section aria-labelledby="queue">
      <h2 id="queue" ref={heading} tabIndex={-1}>
        {t('queueHeading', String(queue.length))}
      </h2>
      <ul class="items">
        {queue.map(({ entry, state, reason }) => (
          <li key={entry.id} class={state === 'rejected' ? 'rejected' : undefined}>
            <span class="item-title">{describe(entry, timeZone)}</span>
            <span class={state === 'rejected' ? 'error' : 'hint'}>{t(state === 'rejected' ? 'queueRejected' : 'queuePending')}</span>
            {reason !== undefined && <span class="hint">{t(state === 'rejected' ? 'queueRejectedReason' : 'queueLastFailure', reason)}</span>}
            {state === 'rejected' && (
              <ConfirmButton
                label={t('queueDiscard')}
                question={t('queueDiscardQuestion')}
                confirmLabel={t('queueDiscardConfirm')}
                cancelLabel={t('queueDiscardCancel')}
                onConfirm={() => void act({ type: 'discard', id: entry.id })}
              />
            )}
          </li>
        ))}
      </ul>
      <button type="button" class="secondary" onClick={() => void act({ type: 'sync-now' })}>
        {t('queueRetry')}
      </button>
      {problem !== undefined && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
