import { evaluateCil, type CilEvaluation } from '../../../shared/accountability';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { instantFromDate } from '../../../shared/time/instant';
import { dayOf } from '../../../shared/time/zone';
import { readCilRecords, type CilRecordsRead } from '../accountability/cil-records';
import { pendingIn } from '../accountability/pending-actions';
import { scheduleIsOn } from '../accountability/schedule';
import { registeredCils } from '../cil-registry';
import { adminSeen } from '../deployment-admin';
import { DASHBOARD_TAB_NAME } from '../cil/dashboard-tab';
import type { OpenCil } from '../cil/open-cil';
import { actionsSection } from './actions-section';
import { dayText, type Card } from './card-parts';
import { attentionSection, healthOf, healthSection } from './health-section';
import { pendingSection } from './pending-section';

// The add-on's card for one CIL: its health at a glance, the steps waiting for the lead, and the lead's
// buttons. Built from one read of each tab the rules engine reads and one evaluation, so every action
// can answer with it, current, well inside the 30 seconds a card action may take.

const HOME_CARD = 'cil';

type CardSection = GoogleAppsScript.Card_Service.CardSection;

/** The CIL as its card shows it: its records read once and evaluated today. */
export interface CilView {
  cil: OpenCil;
  now: Date;
  today: CalendarDay;
  read: CilRecordsRead;
  evaluation: CilEvaluation;
}

export function cilView(cil: OpenCil): CilView {
  const now = new Date();
  const today = dayOf(now, cil.settings.timeZone);
  const read = readCilRecords(cil);
  const evaluation = evaluateCil({ ...read.records, today, now: instantFromDate(now), settings: cil.settings });
  return { cil, now, today, read, evaluation };
}

/** A volunteer's name as the roster gives it, or their ID. */
export function nameIn(view: CilView, volunteerId: string): string {
  return view.read.records.volunteers.find((volunteer) => volunteer.id === volunteerId)?.name ?? volunteerId;
}

function dashboardUrlOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string | null {
  const dashboard = spreadsheet.getSheetByName(DASHBOARD_TAB_NAME);
  return dashboard === null ? null : `${spreadsheet.getUrl()}#gid=${dashboard.getSheetId()}`;
}

/** The CIL's card, with `before` (a note about the host, a request for access) above its figures. */
export function homeCardOf(view: CilView, before: readonly CardSection[] = []): Card {
  const { cil, read, evaluation, today, now } = view;
  const { settings } = cil;
  const health = healthOf(evaluation, read.records, settings, today, now);
  const header = CardService.newCardHeader()
    .setTitle(settings.cilName)
    .setSubtitle(`${settings.city === undefined ? '' : `${settings.city} · `}${dayText(today)}`);
  const card = CardService.newCardBuilder().setName(HOME_CARD).setHeader(header);
  for (const section of before) card.addSection(section);
  card.addSection(healthSection(health));
  const attention = attentionSection(health);
  if (attention) card.addSection(attention);
  card.addSection(pendingSection(cil.registered.id, pendingIn(read, evaluation), settings.timeZone));
  const { admin, isAdmin } = adminSeen();
  card.addSection(
    actionsSection({
      cilId: cil.registered.id,
      dashboardUrl: dashboardUrlOf(cil.spreadsheet),
      otherCils: registeredCils().length > 1,
      scheduleOn: scheduleIsOn(isAdmin),
      admin,
      isAdmin,
    }),
  );
  return card.build();
}

export function homeCard(cil: OpenCil, before: readonly CardSection[] = []): Card {
  return homeCardOf(cilView(cil), before);
}
