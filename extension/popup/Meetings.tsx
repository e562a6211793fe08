import type { SummaryResult } from '../../shared/api/protocol';
import { isMeetCode } from '../../shared/meet-code-shape';
import { t } from '../i18n';
import { formatMoment } from '../ui/format';
import { attendanceLabel, meetingKindLabel } from '../ui/labels';

/** Enough to see what is next and how the last few went; the lead's sheet has the rest. */
const SHOWN = 5;

/** The meetings the volunteer is expected at next, from the summary, with a link to join. */
export function UpcomingMeetings({ summary }: { summary: SummaryResult }) {
  const meetings = summary.upcomingMeetings.slice(0, SHOWN);
  return (
    <section aria-labelledby="upcoming-meetings">
      <h2 id="upcoming-meetings">{t('popupUpcoming')}</h2>
      {meetings.length === 0 ? (
        <p class="hint">{t('popupNoUpcoming')}</p>
      ) : (
        <ul class="items">
          {meetings.map((meeting) => (
            <li key={meeting.id}>
              <span class="item-title">{meeting.title}</span>
              <span class="hint">
                {meetingKindLabel(meeting.kind)} · {formatMoment(meeting.startsAt, summary.cil.timeZone)}
              </span>
              {/* Only a code of Meet's own shape becomes a link: the text comes from a sheet anyone on the team can edit. */}
              {isMeetCode(meeting.meetCode) && (
                <a href={`https://meet.google.com/${meeting.meetCode}`} target="_blank" rel="noreferrer">
                  {t('popupJoinMeet')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The volunteer's last meetings, newest first, as the CIL's sheet records them. */
export function RecentAttendance({ summary }: { summary: SummaryResult }) {
  const recent = summary.recentAttendance.slice(0, SHOWN);
  return (
    <section aria-labelledby="recent-attendance">
      <h2 id="recent-attendance">{t('popupRecentAttendance')}</h2>
      {recent.length === 0 ? (
        <p class="hint">{t('popupNoAttendance')}</p>
      ) : (
        <ul class="items">
          {recent.map((attendance) => (
            <li key={`${attendance.meetingId ?? attendance.meetCode ?? ''} ${attendance.at}`}>
              <span class="item-title">
                {attendance.title ?? (attendance.kind ? meetingKindLabel(attendance.kind) : (attendance.meetCode ?? t('popupUnknownMeeting')))}
              </span>
              <span class="hint">
                {formatMoment(attendance.at, summary.cil.timeZone)} · <strong>{attendanceLabel(attendance.status)}</strong>
                {attendance.minutes !== undefined && ` · ${t('minutesAmount', String(Math.round(attendance.minutes)))}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
