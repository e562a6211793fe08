import type { CilEvaluation, CilRecords, VolunteerAssessment } from '../../../shared/accountability';
import { glanceOf, type Glance } from '../../../shared/dashboard';
import type { Settings } from '../../../shared/records/settings';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { instantFromDate } from '../../../shared/time/instant';
import { cardText, paragraph, plural, shortened } from './card-parts';

// "Health at a glance": the rules engine's view of the CIL today (who is active, at risk or inactive,
// and why the CIL is falling behind), and the week's hours and the quarter's events worked out as the
// Dashboard works them out (shared/dashboard/glance.ts), so the card and the Dashboard tab agree.

/** Volunteers named in "Needs attention"; the Dashboard lists them all. */
const NAMED_VOLUNTEERS = 8;

export interface Health {
  counts: CilEvaluation['cil']['counts'];
  hoursThisWeek: number;
  committedThisWeek: number;
  quarter: string;
  events: Glance['events'];
  fallingBehind: string[];
  /** Inactive first, then at risk, in roster order. */
  needsAttention: VolunteerAssessment[];
}

const TRACKED_STATUSES = ['active', 'warned'];

export function healthOf(evaluation: CilEvaluation, records: CilRecords, settings: Settings, today: CalendarDay, now: Date): Health {
  const glance = glanceOf({ records, today, now: instantFromDate(now), settings });
  const needing = (standing: VolunteerAssessment['standing']) =>
    evaluation.volunteers.filter((volunteer) => volunteer.standing === standing && TRACKED_STATUSES.includes(volunteer.rosterStatus));
  return {
    counts: evaluation.cil.counts,
    hoursThisWeek: glance.hoursThisWeek,
    committedThisWeek: glance.committedThisWeek,
    quarter: glance.quarter,
    events: glance.events,
    fallingBehind: evaluation.cil.reasons.map((reason) => reason.summary),
    needsAttention: [...needing('inactive'), ...needing('at risk')],
  };
}

function figure(label: string, text: string, note?: string): GoogleAppsScript.Card_Service.DecoratedText {
  const widget = CardService.newDecoratedText().setTopLabel(label).setText(text).setWrapText(true);
  return note === undefined ? widget : widget.setBottomLabel(note);
}

export function healthSection(health: Health): GoogleAppsScript.Card_Service.CardSection {
  const { counts } = health;
  const others = [counts.onLeave > 0 ? `${counts.onLeave} on leave` : '', counts.newMembers > 0 ? `${plural(counts.newMembers, 'new member')} (rules start after their first weeks)` : '']
    .filter((part) => part !== '')
    .join(' · ');
  const { events } = health;
  const rule = events.met ? 'meets the target' : `below the target of ${events.required}`;
  const section = CardService.newCardSection()
    .setHeader('Health at a glance')
    .addWidget(figure('Members the rules track', `${counts.active} active · ${counts.atRisk} at risk · ${counts.inactive} inactive`, others || undefined))
    .addWidget(figure('Hours this week', `${health.hoursThisWeek} h of ${health.committedThisWeek} h committed`, 'Monday to today, by the members on the roster'))
    .addWidget(
      figure(
        `Events in ${health.quarter}`,
        `${events.held} held: ${rule}${events.planned > 0 ? ` (${events.planned} planned)` : ''}`,
        `"Target: events per quarter" in Settings (the handbook asks for at least one)`,
      ),
    );
  section.addWidget(
    paragraph(
      health.fallingBehind.length === 0
        ? 'Not falling behind: no mentor check-in is due.'
        : `<b>Falling behind</b>: ${health.fallingBehind.map(cardText).join('<br>')}`,
    ),
  );
  return section;
}

/** The volunteers at risk or inactive today, each with the rules engine's first reason; null when there are none. */
export function attentionSection(health: Health): GoogleAppsScript.Card_Service.CardSection | null {
  if (health.needsAttention.length === 0) return null;
  const section = CardService.newCardSection().setHeader(`Needs attention (${health.needsAttention.length})`);
  for (const volunteer of health.needsAttention.slice(0, NAMED_VOLUNTEERS)) {
    const reason = volunteer.reasons[0]?.summary ?? '';
    section.addWidget(
      CardService.newDecoratedText()
        .setTopLabel(volunteer.standing === 'inactive' ? 'Inactive' : 'At risk')
        .setText(`<b>${cardText(volunteer.name)}</b>${reason === '' ? '' : `: ${cardText(shortened(reason, 300))}`}`)
        .setWrapText(true),
    );
  }
  const more = health.needsAttention.length - NAMED_VOLUNTEERS;
  if (more > 0) section.addWidget(paragraph(`And ${plural(more, 'more volunteer')}: the Dashboard tab lists everyone.`));
  return section;
}
