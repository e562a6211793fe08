import type { CilEvaluation, VolunteerAssessment } from '../../../shared/accountability';
import type { Meeting } from '../../../shared/records/meeting';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { dateOfInstant, type Instant } from '../../../shared/time/instant';
import { periodRange, quarterOf } from '../../../shared/time/period';
import { dayOf } from '../../../shared/time/zone';
import { cardText, paragraph, plural, shortened } from './card-parts';

// "Health at a glance": the rules engine's view of the CIL today (who is active, at risk or inactive,
// and why the CIL is falling behind), the week's hours against what the members committed, and the
// quarter's events against the handbook's one-a-quarter rule.

/** Volunteers named in "Needs attention"; the Dashboard lists them all. */
const NAMED_VOLUNTEERS = 8;
/** The handbook: at least one event a quarter. */
const EVENTS_PER_QUARTER = 1;

export interface Health {
  counts: CilEvaluation['cil']['counts'];
  hoursThisWeek: number;
  committedThisWeek: number;
  quarter: string;
  eventsHeld: number;
  eventsPlanned: number;
  fallingBehind: string[];
  /** Inactive first, then at risk, in roster order. */
  needsAttention: VolunteerAssessment[];
}

const TRACKED_STATUSES = ['active', 'warned'];

const round = (hours: number) => Math.round(hours * 10) / 10;

export function healthOf(evaluation: CilEvaluation, meetings: readonly Meeting[], today: CalendarDay, now: Date, timeZone: string): Health {
  let hoursThisWeek = 0;
  let committedThisWeek = 0;
  for (const volunteer of evaluation.volunteers) {
    if (!TRACKED_STATUSES.includes(volunteer.rosterStatus)) continue;
    hoursThisWeek += volunteer.hoursThisWeek;
    if (!volunteer.exemptions.some((exemption) => exemption.kind === 'on leave')) committedThisWeek += volunteer.weeklyCommitment;
  }
  const quarter = quarterOf(today);
  const { first, last } = periodRange(quarter);
  let eventsHeld = 0;
  let eventsPlanned = 0;
  for (const meeting of meetings) {
    if (meeting.kind !== 'event') continue;
    const day = dayOf(dateOfInstant(meeting.startsAt as Instant), timeZone);
    if (day < first || day > last) continue;
    if (dateOfInstant(meeting.endsAt as Instant).getTime() <= now.getTime()) eventsHeld++;
    else eventsPlanned++;
  }
  const needing = (standing: VolunteerAssessment['standing']) =>
    evaluation.volunteers.filter((volunteer) => volunteer.standing === standing && TRACKED_STATUSES.includes(volunteer.rosterStatus));
  return {
    counts: evaluation.cil.counts,
    hoursThisWeek: round(hoursThisWeek),
    committedThisWeek: round(committedThisWeek),
    quarter,
    eventsHeld,
    eventsPlanned,
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
  const rule = health.eventsHeld + health.eventsPlanned >= EVENTS_PER_QUARTER ? 'meets the rule' : 'below the rule';
  const section = CardService.newCardSection()
    .setHeader('Health at a glance')
    .addWidget(figure('Members the rules track', `${counts.active} active · ${counts.atRisk} at risk · ${counts.inactive} inactive`, others || undefined))
    .addWidget(figure('Hours this week', `${health.hoursThisWeek} h of ${health.committedThisWeek} h committed`, 'Monday to today, active and warned members'))
    .addWidget(
      figure(
        `Events in ${health.quarter}`,
        `${health.eventsHeld} held, ${health.eventsPlanned} planned: ${rule}`,
        `The handbook asks for at least ${plural(EVENTS_PER_QUARTER, 'event')} a quarter`,
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
