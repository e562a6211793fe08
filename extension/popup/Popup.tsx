import { t } from '../i18n';
import type { Enrollment, Reply, Status } from '../messages';
import type { PageRequest } from '../ui/ask';
import { useStatus } from '../ui/use-status';
import { LogHoursForm } from './LogHoursForm';
import { RecentAttendance, UpcomingMeetings } from './Meetings';
import { MyWeek } from './MyWeek';
import { Queue } from './Queue';
import { SyncNotice } from './SyncNotice';

function openOptions() {
  void chrome.runtime.openOptionsPage();
}

function NotEnrolled() {
  return (
    <>
      <p>{t('popupNotEnrolled')}</p>
      <button type="button" onClick={openOptions}>
        {t('popupOpenOptions')}
      </button>
    </>
  );
}

interface EnrolledProps {
  status: Status;
  enrollment: Enrollment;
  send: (request: PageRequest) => Promise<Reply>;
}

function Enrolled({ status, enrollment, send }: EnrolledProps) {
  const { summary } = status;
  // The summary's zone is the sheet's current one; the enrollment's is what it was at enrollment.
  const timeZone = summary?.cil.timeZone ?? enrollment.cil.timeZone;
  return (
    <>
      <p class="who">{t('popupWho', [enrollment.volunteer.name, enrollment.cil.name])}</p>
      <SyncNotice sync={status.sync} />
      <MyWeek summary={summary} summaryAt={status.summaryAt} now={new Date()} />
      <LogHoursForm timeZone={timeZone} send={send} />
      <Queue queue={status.queue} timeZone={timeZone} send={send} />
      {summary !== null && <UpcomingMeetings summary={summary} />}
      {summary !== null && <RecentAttendance summary={summary} />}
      <p>
        <button type="button" class="link" onClick={openOptions}>
          {t('popupOptionsLink')}
        </button>
      </p>
    </>
  );
}

/** The toolbar popup: the way to enrollment, or the volunteer's week, a quick "Log hours" and the queue. */
export function Popup() {
  const { view, send } = useStatus();
  return (
    <main class="page popup">
      <h1>{t('extName')}</h1>
      {view.kind === 'checking' ? (
        <p role="status">{t('popupChecking')}</p>
      ) : view.kind === 'failed' ? (
        <p role="alert" class="error">
          {view.message}
        </p>
      ) : view.status.enrollment === null ? (
        <NotEnrolled />
      ) : (
        <Enrolled status={view.status} enrollment={view.status.enrollment} send={send} />
      )}
    </main>
  );
}
