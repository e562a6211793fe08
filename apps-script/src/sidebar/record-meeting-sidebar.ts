import { MEETING_KINDS } from '../../../shared/records/meeting';
import { html } from '../html/escape';
import { readVolunteers } from '../records/volunteers';
import { field, formPage, options } from './form-sidebar';
import { showCilSidebar } from './cil-sidebar';

// The "Record meeting or event…" sidebar: the form of recordMeeting, with the CIL's teams offered for
// "Expected attendees".

function recordMeetingPage(cilName: string, timeZone: string, teams: readonly string[]): string {
  const kinds = options(MEETING_KINDS.map((kind) => ({ value: kind, text: kind })), 'CIL meetup');
  const expected = ['all', 'leads', ...teams].map((team) => html`<option value="${team}"></option>`);
  return formPage({
    intro: html`Record a meeting or event of <strong>${cilName}</strong>: a CfP call, a meetup, a hack night, an event or a check-in. Times are on the CIL's clock (${timeZone}).`,
    save: 'recordMeeting',
    submit: 'Record',
    fields: html`${field('Kind', html`<select name="kind">${kinds}</select>`)}
${field('Title', html`<input name="title" required maxlength="500" autocomplete="off">`)}
${field('Starts', html`<input name="startsAt" type="datetime-local" required>`)}
${field('Ends', html`<input name="endsAt" type="datetime-local" required>`)}
${field('Meet code', html`<input name="meetCode" placeholder="abc-defg-hij" autocomplete="off">`, 'from the meeting’s Meet address, if any')}
${field('Expected attendees', html`<input name="expectedAttendees" list="expected-attendees" placeholder="all">`, 'all, leads, or a team')}
<datalist id="expected-attendees">${expected}</datalist>
${field('Participants', html`<input name="participantCount" type="number" min="0" step="1">`, 'everyone who came, volunteers or not')}
${field('Takeaways', html`<textarea name="takeaways" rows="4"></textarea>`)}`,
  });
}

/** Entry point (menu "Record meeting or event…"). */
export function openRecordMeetingSidebar(): void {
  showCilSidebar('Record meeting or event', (cil) => {
    const teams = new Set(readVolunteers(cil.spreadsheet, cil.settings.timeZone).rows.flatMap((row) => (row.record.team === undefined ? [] : [row.record.team])));
    return recordMeetingPage(cil.settings.cilName, cil.settings.timeZone, [...teams].sort());
  });
}
