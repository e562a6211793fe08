import { VOLUNTEER_ROLES } from '../../../shared/records/volunteer';
import { Html, html } from '../html/escape';
import { FORM_STYLE } from './sidebar-style';
import { showCilSidebar } from './cil-sidebar';

// The "Add volunteer…" sidebar. The bundle has no HTML files, so the page is built here; every value
// in it goes through `html`, and the page's own script shows answers with textContent only, so nothing
// a person typed (here or in the sheet) is ever read as markup.

/** The page's script: static text, nothing interpolated. It submits the fields addVolunteer accepts. */
const SCRIPT = `
(function () {
  var form = document.getElementById('add-volunteer');
  var status = document.getElementById('status');
  var button = document.getElementById('add');
  var keys = ['name', 'email', 'role', 'team', 'weeklyCommitmentHours', 'mentorEmail', 'joinedOn', 'notes'];
  function show(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : 'done';
    button.disabled = false;
  }
  function failed(error) {
    show(error && error.message ? error.message : String(error), true);
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var fields = {};
    keys.forEach(function (key) {
      var value = form.elements[key].value.trim();
      if (value !== '') fields[key] = value;
    });
    var sendCode = form.elements.sendCode.checked;
    button.disabled = true;
    status.className = '';
    status.textContent = 'Adding…';
    google.script.run
      .withFailureHandler(failed)
      .withSuccessHandler(function (added) {
        var who = added.volunteer.name + ' (row ' + added.rowNumber + ', ID ' + added.volunteer.id + ')';
        if (!sendCode) {
          form.reset();
          show('Added ' + who + '.', false);
          return;
        }
        status.textContent = 'Added ' + who + '. Sending the enrollment code…';
        google.script.run
          .withFailureHandler(failed)
          .withSuccessHandler(function (report) {
            form.reset();
            if (report.sent.length === 1) show('Added ' + who + ' and emailed their enrollment code.', false);
            else show('Added ' + who + ', but the enrollment code was not sent: ' + report.skipped.map(function (s) { return s.reason; }).join('; '), true);
          })
          .sendEnrollment([added.volunteer.id]);
      })
      .addVolunteer(fields);
  });
})();
`;

function field(label: string, control: Html): Html {
  return html`<label>${label}${control}</label>`;
}

// FORM_STYLE and SCRIPT are constants of our own, so they go in as markup.

/** The sidebar's HTML for the CIL named `cilName`, whose default weekly commitment is `weeklyHours`. */
export function addVolunteerPage(cilName: string, weeklyHours: number): string {
  return html`<!DOCTYPE html>
<html>
<head><base target="_top"><style>${new Html(FORM_STYLE)}</style></head>
<body>
<p>Add a volunteer to <strong>${cilName}</strong>. Blank ID, status and joined-on become a new ID, active and today.</p>
<form id="add-volunteer">
${field('Name', html`<input name="name" required maxlength="200" autocomplete="off">`)}
${field('Email', html`<input name="email" type="email" required autocomplete="off">`)}
${field('Role', html`<select name="role">${VOLUNTEER_ROLES.map((role) => html`<option value="${role}"${role === 'member' ? html` selected` : ''}>${role}</option>`)}</select>`)}
${field('Team', html`<input name="team" maxlength="200">`)}
${field('Weekly commitment (h)', html`<input name="weeklyCommitmentHours" type="number" min="0" max="80" step="0.5" placeholder="${weeklyHours} (the CIL's default)">`)}
${field('Mentor email', html`<input name="mentorEmail" type="email">`)}
${field('Joined on', html`<input name="joinedOn" type="date">`)}
${field('Notes', html`<textarea name="notes" rows="3"></textarea>`)}
<label class="check"><input name="sendCode" type="checkbox" checked>Email an enrollment code now</label>
<button id="add" type="submit">Add volunteer</button>
<p id="status" role="status"></p>
</form>
<script>${new Html(SCRIPT)}</script>
</body>
</html>`.markup;
}

/** Entry point (menu "Add volunteer…"): opens the sidebar for the CIL whose spreadsheet is open. */
export function openAddVolunteerSidebar(): void {
  showCilSidebar('Add volunteer', (cil) => addVolunteerPage(cil.settings.cilName, cil.settings.weeklyCommitmentHours));
}
