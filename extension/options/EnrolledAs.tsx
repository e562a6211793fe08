import { t } from '../i18n';
import type { Enrollment, Reply } from '../messages';
import type { PageRequest } from '../ui/ask';
import { ConfirmButton } from '../ui/ConfirmButton';
import { formatHours, formatMoment } from '../ui/format';
import { roleLabel } from '../ui/labels';

interface EnrolledAsProps {
  enrollment: Enrollment;
  /** Entries in this browser's queue: signing out deletes them. */
  queued: number;
  send: (request: PageRequest) => Promise<Reply>;
  onSignedOut: (reply: Reply) => void;
}

/** Who this browser logs for, in which CIL, and "Sign out", which asks first and says what is lost. */
export function EnrolledAs({ enrollment, queued, send, onSignedOut }: EnrolledAsProps) {
  const { volunteer, cil } = enrollment;
  return (
    <div class="enrolled">
      <dl class="facts">
        <dt>{t('optionsCil')}</dt>
        <dd>{cil.name}</dd>
        <dt>{t('optionsVolunteer')}</dt>
        <dd>{t('optionsNameAndRole', [volunteer.name, roleLabel(volunteer.role)])}</dd>
        <dt>{t('optionsCommitment')}</dt>
        <dd>{t('optionsHoursAWeek', formatHours(volunteer.weeklyCommitmentHours))}</dd>
        <dt>{t('optionsEnrolledAt')}</dt>
        <dd>{formatMoment(enrollment.enrolledAt, cil.timeZone)}</dd>
      </dl>
      <ConfirmButton
        label={t('optionsSignOut')}
        question={queued > 0 ? t('optionsSignOutLoses', String(queued)) : t('optionsSignOutQuestion')}
        confirmLabel={t('optionsSignOut')}
        cancelLabel={t('optionsStayEnrolled')}
        onConfirm={() => void send({ type: 'sign-out' }).then(onSignedOut)}
      />
    </div>
  );
}
