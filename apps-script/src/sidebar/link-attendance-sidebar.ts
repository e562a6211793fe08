import type { Meeting } from '../../../shared/records/meeting';
import { meetingCandidates } from '../../../shared/records/meeting-matching';
import { dateOfInstant, type Instant } from '../../../shared/time/instant';
import { clockText } from '../../../shared/time/zone';
import type { OpenCil } from '../cil/open-cil';
import type { InvalidRow } from '../google/tab-sheet';
import { Html, html } from '../html/escape';
import { readUnlinkedAttendance, type UnlinkedSession } from '../records/attendance';
import { readMeetings } from '../records/meetings';
import { readVolunteers } from '../records/volunteers';
import { SIDEBAR_STYLE } from './sidebar-style';
import { showCilSidebar } from './cil-sidebar';

// The "Link unmatched attendance…" sidebar: each Meet session that matched no meeting (kept by sync
// with a blank Meeting ID, and highlighted in the Attendance tab), with the meetings it may have been,
// each with a Link button that calls linkAttendance. Every value goes through `html`, and the page's
// script writes answers with textContent only, so nothing typed in the sheet is ever read as markup.

/** Sessions listed at once, newest first: a sidebar is no place for hundreds; linking some shows the rest. */
const SESSIONS_SHOWN = 50;

export interface SessionToLink {
  rowNumber: number;
  session: UnlinkedSession;
  /** The volunteer's name, or their ID when the roster has no readable row for it. */
  volunteer: string;
  candidates: Meeting[];
}

/** The page's script: static text, nothing interpolated. Which row and meeting a button links are in its data attributes. */
const SCRIPT = `
(function () {
  document.body.addEventListener('click', function (event) {
    var button = event.target;
    if (!button || button.tagName !== 'BUTTON' || !button.hasAttribute('data-meeting')) return;
    var session = button.closest('.session');
    var status = session.querySelector('.status');
    var buttons = session.querySelectorAll('button');
    function enable(on) {
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = !on;
    }
    enable(false);
    status.className = 'status';
    status.textContent = 'Linking…';
    google.script.run
      .withSuccessHandler(function (linked) {
        status.className = 'status done';
        status.textContent = 'Linked to ' + button.getAttribute('data-title') + ' (row ' + linked.rowNumber + ', ' + linked.status + ').';
      })
      .withFailureHandler(function (error) {
        enable(true);
        status.className = 'status error';
        status.textContent = error && error.message ? error.message : String(error);
      })
      .linkAttendance(session.getAttribute('data-attendance'), button.getAttribute('data-meeting'));
  });
})();
`;

const STYLE = `${SIDEBAR_STYLE}
.session { border-top: 1px solid #dadce0; padding: 8px 0; }
.session ul { margin: 6px 0; padding-left: 18px; }
.session li { margin: 4px 0; }
.session button { margin-left: 6px; }
.row { color: #5f6368; }
.problem { color: #c5221f; }
`;

const clockOf = (instant: string, timeZone: string) => clockText(dateOfInstant(instant as Instant), timeZone);

function candidateItem(meeting: Meeting, timeZone: string): Html {
  const code = meeting.meetCode === undefined ? '' : ` · Meet ${meeting.meetCode}`;
  return html`<li>${meeting.title} <span class="hint">(${meeting.kind}, ${clockOf(meeting.startsAt, timeZone)}${code})</span><button type="button" data-meeting="${meeting.id}" data-title="${meeting.title}">Link</button></li>`;
}

function sessionItem({ rowNumber, session, volunteer, candidates }: SessionToLink, timeZone: string): Html {
  const facts = [
    `Meet ${session.meetCode ?? '(no code)'}`,
    session.joinedAt === undefined ? 'no join time' : `joined ${clockOf(session.joinedAt, timeZone)}`,
    session.minutes === undefined ? 'minutes unknown' : `${session.minutes} min`,
  ].join(' · ');
  const choices =
    candidates.length > 0
      ? html`<ul>${candidates.map((meeting) => candidateItem(meeting, timeZone))}</ul>`
      : html`<p class="hint">No meeting is near this session's time or has its Meet code. Add the meeting to the Meetings tab, then open this again.</p>`;
  return html`<section class="session" data-attendance="${session.id}">
<p><strong>${volunteer}</strong> <span class="row">(row ${rowNumber})</span><br>${facts}</p>
${choices}
<p class="status" role="status"></p>
</section>`;
}

/** The sidebar's HTML: `more` sessions beyond those listed, `unreadable` rows the lead must fix. */
export function linkAttendancePage(cilName: string, sessions: readonly SessionToLink[], more: number, unreadable: readonly InvalidRow[], timeZone: string): string {
  const intro =
    sessions.length === 0
      ? html`<p>Every Meet session in the Attendance tab of <strong>${cilName}</strong> is linked to a meeting.</p>`
      : html`<p>Meet sessions in <strong>${cilName}</strong> that matched no meeting (highlighted in the Attendance tab). Link each to the meeting it was.</p>`;
  const problems =
    unreadable.length === 0
      ? ''
      : html`<p class="problem">Rows ${unreadable.map((row) => row.rowNumber).join(', ')} of the Attendance tab have a problem to fix before they can be linked: ${unreadable.map((row) => row.message).join('; ')}</p>`;
  const rest = more === 0 ? '' : html`<p class="hint">${more} more below these; link these first, then open this again.</p>`;
  return html`<!DOCTYPE html>
<html>
<head><base target="_top"><style>${new Html(STYLE)}</style></head>
<body>
${intro}
${problems}
${sessions.map((session) => sessionItem(session, timeZone))}
${rest}
<script>${new Html(SCRIPT)}</script>
</body>
</html>`.markup;
}

/** What the sidebar lists: the newest unlinked sessions with their candidate meetings. */
function sessionsToLink(cil: OpenCil): { sessions: SessionToLink[]; more: number; unreadable: InvalidRow[] } {
  const { spreadsheet, settings } = cil;
  const timeZone = settings.timeZone;
  const unlinked = readUnlinkedAttendance(spreadsheet, timeZone);
  if (unlinked.rows.length === 0) return { sessions: [], more: 0, unreadable: unlinked.unreadable };
  const meetings = readMeetings(spreadsheet, timeZone);
  const names = new Map(readVolunteers(spreadsheet, timeZone).rows.map(({ record }) => [record.id, record.name]));
  const newestFirst = [...unlinked.rows].sort((a, b) => {
    const at = (row: typeof a) => row.fields.joinedAt ?? '';
    return at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : b.rowNumber - a.rowNumber;
  });
  const sessions = newestFirst.slice(0, SESSIONS_SHOWN).map(({ rowNumber, fields }) => ({
    rowNumber,
    session: fields,
    volunteer: names.get(fields.volunteerId) ?? fields.volunteerId,
    candidates: meetingCandidates(meetings, fields),
  }));
  return { sessions, more: newestFirst.length - sessions.length, unreadable: unlinked.unreadable };
}

/** Entry point (menu "Link unmatched attendance…"): opens the sidebar for the CIL whose spreadsheet is open. */
export function openLinkAttendanceSidebar(): void {
  showCilSidebar('Link unmatched attendance', (cil) => {
    const { sessions, more, unreadable } = sessionsToLink(cil);
    return linkAttendancePage(cil.settings.cilName, sessions, more, unreadable, cil.settings.timeZone);
  });
}
