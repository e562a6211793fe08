import type { AttendanceCounts, CilDashboard, DeliverableStatusLine, Kpi } from '../../../shared/dashboard';
import { markText, writeCell, type Cell } from '../../../shared/records/cells';
import { MEETING_KINDS } from '../../../shared/records/meeting';
import { clockText } from '../../../shared/time/zone';
import { dateOfInstant } from '../../../shared/time/instant';
import type { CalendarDay } from '../../../shared/time/calendar-day';

// The Dashboard tab as one grid: every block of the dashboard stacked from row 1 down, each cell with
// its value, number format, background and weight, so the tab is written with one call for each
// (values, formats, backgrounds, weights) whatever the number of rows. Text goes in with the row
// codec's apostrophe (markText), so a volunteer named "=HYPERLINK(…)" stays text. Built here from the
// pure figures; written by dashboard-sheet.ts.

const GENERAL = 'General';
const WHOLE = '0';
const HOURS = '0.0#';
const PERCENT = '0%';
const DAY = 'yyyy-mm-dd';

const HEADER_BACKGROUND = '#e8eef4';
const GOOD = '#d9ead3';
const SHORT = '#f4cccc';

/** One cell as the layout holds it. */
interface Shown {
  value: Cell;
  format: string;
  background: string | null;
  bold: boolean;
}

const blank: Shown = { value: '', format: GENERAL, background: null, bold: false };
const text = (value: string, change: Partial<Shown> = {}): Shown => ({ ...blank, value: markText(value), ...change });
const whole = (value: number, change: Partial<Shown> = {}): Shown => ({ ...blank, value, format: WHOLE, ...change });
const hours = (value: number, change: Partial<Shown> = {}): Shown => ({ ...blank, value, format: HOURS, ...change });
const rate = (value: number | null): Shown => (value === null ? blank : { ...blank, value, format: PERCENT });

/** A rectangle of the grid, 1-based, for a chart's data or a format rule. */
export interface GridArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A chart of the dashboard: found again on the next refresh by its title, and updated in place. */
export interface DashboardChart {
  title: string;
  type: 'COLUMN' | 'LINE';
  /** Header row first, the first column the labels along the horizontal axis. */
  data: GridArea;
  anchor: { row: number; column: number };
}

export interface DashboardLayout {
  values: Cell[][];
  formats: string[][];
  backgrounds: (string | null)[][];
  weights: ('bold' | null)[][];
  charts: DashboardChart[];
  /** The at-risk list's rows (under its header), with the 1-based column of "Standing"; null when nobody is listed. */
  atRisk: (GridArea & { standingColumn: number }) | null;
}

/** Charts sit to the right of the grid, one above the other. */
const CHART_ROWS = 20;

class GridBuilder {
  readonly lines: Shown[][] = [];

  /** The 1-based row the next line goes in. */
  get nextRow(): number {
    return this.lines.length + 1;
  }

  line(cells: Shown[]): this {
    this.lines.push(cells);
    return this;
  }

  title(words: string): this {
    if (this.lines.length > 0) this.lines.push([]);
    return this.line([text(words, { bold: true })]);
  }

  header(labels: readonly string[]): this {
    return this.line(labels.map((label) => text(label, { bold: true, background: HEADER_BACKGROUND })));
  }

  note(words: string): this {
    return this.line([text(words)]);
  }
}

const KIND_WORDS: Record<(typeof MEETING_KINDS)[number], string> = {
  'monthly CfP call': 'Monthly CfP calls',
  'CIL meetup': 'CIL meetups',
  'hack night': 'Hack nights',
  event: 'Events',
  'check-in': 'Check-ins',
};

const countCells = (counts: AttendanceCounts): Shown[] => [whole(counts.expected), whole(counts.present), whole(counts.withNotice), whole(counts.absent), rate(counts.rate)];
const COUNT_HEADERS = ['Expected', 'Present', 'Absent with notice', 'Absent', 'Attendance'];

function kpiValue(kpi: Kpi, value: number, change: Partial<Shown> = {}): Shown {
  if (kpi.unit === 'percent') return { ...blank, value: value / 100, format: PERCENT, ...change };
  return kpi.unit === 'hours' ? hours(value, change) : whole(value, change);
}

const TREND_WORDS: Record<Kpi['trend'], string> = { up: '▲ up', down: '▼ down', same: '= same' };

function statusWords(line: DeliverableStatusLine): string {
  if (line.state === 'none') return 'None in the Deliverables tab';
  return `${line.title}: ${line.state} (due ${line.dueOn})`;
}

/** Every block of the dashboard, top to bottom, and where its charts and at-risk rows are. */
export function dashboardLayout(dashboard: CilDashboard, timeZone: string): DashboardLayout {
  const grid = new GridBuilder();
  const day = (value: CalendarDay): Shown => ({ ...blank, value: writeCell({ header: '', kind: 'date' }, value, timeZone), format: DAY });
  const { headline, review, weeklyHours, attendance, quarter, reports, roles } = dashboard;

  grid.line([text(`${dashboard.cilName} dashboard`, { bold: true })]);
  grid.note(`Refreshed ${clockText(dateOfInstant(dashboard.now), timeZone)} (${timeZone}) by CIL Hub, daily and from CIL Hub › Refresh dashboard. CIL Hub writes this tab; anything typed here is replaced.`);

  grid.title('At a glance');
  grid.header(['Volunteers', 'Active members', 'New this quarter', 'At risk', 'Inactive', 'On leave', 'Hours this week', 'Committed this week', 'Hours this quarter', 'Events this quarter']);
  grid.line([
    whole(headline.volunteers),
    whole(headline.activeMembers),
    whole(headline.newMembers),
    whole(headline.atRisk),
    whole(headline.inactive),
    whole(headline.onLeave),
    hours(headline.hoursThisWeek),
    hours(headline.committedThisWeek),
    hours(headline.hoursThisQuarter),
    whole(headline.eventsThisQuarter),
  ]);
  if (headline.fallingBehind) {
    grid.line([text('Falling behind: a mentor check-in is due', { bold: true, background: SHORT })]);
    for (const reason of headline.fallingBehindReasons) grid.note(reason);
  } else grid.note('On track: no mentor check-in is due.');

  grid.title(`Quarterly review ${review.quarter} (${review.complete ? 'complete' : 'so far'}): ${review.met} of ${review.kpis.length} targets met`);
  grid.header(['Key result', 'Actual', 'Target', 'Status', review.previousQuarter, 'Trend']);
  for (const kpi of review.kpis) {
    grid.line([
      text(kpi.label),
      kpiValue(kpi, kpi.actual),
      kpiValue(kpi, kpi.target),
      text(kpi.status, { background: kpi.status === 'met' ? GOOD : SHORT }),
      kpiValue(kpi, kpi.previous),
      text(TREND_WORDS[kpi.trend]),
    ]);
  }
  grid.note('Targets are set in the Settings tab (rows "Target: …").');

  grid.title('At risk');
  let atRisk: DashboardLayout['atRisk'] = null;
  if (dashboard.atRisk.length === 0) grid.note('Nobody is at risk or inactive today.');
  else {
    const headers = ['Name', 'Role', 'Standing', 'Roster status', 'Why', 'Days without contact', 'Hours this week', 'Commitment (h)', 'Warnings', 'No step taken because'];
    grid.header(headers);
    atRisk = { row: grid.nextRow, column: 1, numRows: dashboard.atRisk.length, numColumns: headers.length, standingColumn: 3 };
    for (const row of dashboard.atRisk) {
      grid.line([
        text(row.name),
        text(row.role),
        text(row.standing),
        text(row.rosterStatus),
        text(row.reasons.join(' ')),
        whole(row.daysWithoutCommunication),
        hours(row.hoursThisWeek),
        hours(row.commitment),
        whole(row.warnings),
        text(row.exemptions.join(', ')),
      ]);
    }
  }

  grid.title('Hours a week against commitment');
  const current = weeklyHours.weeks.length - 1;
  grid.header(['Name', 'Role', 'Status', 'Commitment (h)', ...weeklyHours.weeks.map((week) => week.label), 'Average', 'Weeks met']);
  for (const row of weeklyHours.rows) {
    grid.line([
      text(row.name),
      text(row.role),
      text(row.rosterStatus),
      hours(row.commitment),
      ...row.hours.map((h, i) => {
        const met = h >= row.commitment;
        const judged = weeklyHours.weeks[i]!.last >= row.joinedOn && (i !== current || met) && row.rosterStatus !== 'on leave';
        return hours(h, judged ? { background: met ? GOOD : SHORT } : {});
      }),
      hours(row.average),
      whole(row.weeksMet),
    ]);
  }
  grid.line([text('Everyone', { bold: true }), blank, blank, blank, ...weeklyHours.totals.map((h) => hours(h, { bold: true }))]);
  grid.line([text('Committed', { bold: true }), blank, blank, blank, ...weeklyHours.committed.map((h) => hours(h, { bold: true }))]);

  grid.title('Weekly hours and attendance');
  const weeklyStart = grid.nextRow;
  grid.header(['Week', 'Hours logged', 'Hours committed', 'Attendance at calls and meetups']);
  weeklyHours.weeks.forEach((week, i) => {
    grid.line([text(week.label), hours(weeklyHours.totals[i]!), hours(weeklyHours.committed[i]!), rate(attendance.weekly[i]?.all.rate ?? null)]);
  });

  grid.title('Attendance trend by month');
  const monthlyStart = grid.nextRow;
  grid.header(['Month', 'Calls and meetups', 'Monthly CfP calls', 'CIL meetups', ...COUNT_HEADERS.slice(0, 4).map((h) => `${h} (calls and meetups)`)]);
  for (const point of attendance.monthly) {
    grid.line([
      text(point.period),
      rate(point.all.rate),
      rate(point.byKind['monthly CfP call'].rate),
      rate(point.byKind['CIL meetup'].rate),
      ...countCells(point.all).slice(0, 4),
    ]);
  }

  grid.title(`Attendance by kind of meeting, ${weeklyHours.weeks[0]?.label ?? ''} to ${weeklyHours.weeks[current]?.label ?? ''}`);
  grid.header(['Meeting kind', ...COUNT_HEADERS]);
  for (const kind of MEETING_KINDS) grid.line([text(KIND_WORDS[kind]), ...countCells(attendance.byKind[kind])]);

  grid.title('Attendance at calls and meetups by volunteer, same weeks');
  grid.header(['Name', ...COUNT_HEADERS]);
  for (const row of attendance.byVolunteer) grid.line([text(row.name), ...countCells(row.counts)]);

  grid.title(`This quarter: ${quarter.quarter} (${quarter.first} to ${quarter.last})`);
  grid.header(['Meetings', 'Held', 'Planned', '']);
  grid.line([
    text('Events'),
    whole(quarter.events.held),
    whole(quarter.events.planned),
    text(`At least ${quarter.events.required} a quarter: ${quarter.events.met ? 'met' : 'not met yet'}`, { background: quarter.events.met ? GOOD : SHORT }),
  ]);
  grid.line([text('CIL meetups'), whole(quarter.meetups.held), whole(quarter.meetups.planned), blank]);
  grid.line([text('Monthly CfP calls'), whole(quarter.cfpCalls.held), whole(quarter.cfpCalls.planned), text(`A lead attended ${quarter.cfpCalls.attendedByLeads}`)]);
  grid.header(['Month', 'Monthly CfP calls', 'CIL meetups', 'Events']);
  for (const month of quarter.months) grid.line([text(month.month), whole(month.cfpCalls), whole(month.meetups), whole(month.events)]);
  if (quarter.held.length > 0) {
    grid.header(['Day', 'Kind', 'Title', 'Volunteers present', 'Participants']);
    for (const held of quarter.held) {
      grid.line([day(held.day), text(held.kind), text(held.title), whole(held.present), held.participants === undefined ? blank : whole(held.participants)]);
    }
  }

  grid.title(`Reports due this quarter (${reports.quarter})`);
  grid.header(['Due so far', 'On time', 'Late', 'Overdue', 'Due later', 'On time (%)']);
  grid.line([whole(reports.due), whole(reports.onTime), whole(reports.late), whole(reports.pendingOverdue), whole(reports.upcoming), rate(reports.onTimeRate)]);
  if (reports.overdue.length === 0) grid.note('No report is overdue.');
  else {
    grid.header(['Overdue report', 'Owner', 'Due on', 'Days overdue']);
    for (const row of reports.overdue) grid.line([text(row.title), text(row.ownerName), day(row.dueOn), whole(row.daysOverdue, { background: SHORT })]);
  }

  grid.title('Role metrics');
  grid.header(['Role', 'Metric', 'Value']);
  const metric = (role: string, what: string, value: Shown) => grid.line([text(role), text(what), value]);
  metric('Organizer', 'Active projects with partners', whole(roles.organizer.activeProjectsWithPartners));
  metric('Organizer', 'Completed projects', whole(roles.organizer.completedProjects));
  metric('Organizer', 'Impact stories', whole(roles.organizer.impactStories));
  metric('Organizer', 'Hours logged this quarter', hours(roles.organizer.hoursThisQuarter));
  metric('Manager', 'Partners', whole(roles.manager.partners));
  metric('Manager', 'Monthly reports due this quarter', whole(roles.manager.monthlyReports.due));
  metric('Manager', 'Monthly reports on time', whole(roles.manager.monthlyReports.onTime));
  metric('Manager', 'Monthly reports late or overdue', whole(roles.manager.monthlyReports.late + roles.manager.monthlyReports.overdue));
  metric('Manager', 'Mid-year survey', text(statusWords(roles.manager.midYearSurvey)));
  metric('Manager', 'Annual report', text(statusWords(roles.manager.annualReport)));
  metric('Delivery lead', 'Active projects', whole(roles.deliveryLead.activeProjects));
  metric('Delivery lead', 'Completed projects', whole(roles.deliveryLead.completedProjects));
  metric('Delivery lead', 'App redeployments', whole(roles.deliveryLead.redeployments));
  metric('Community organizer', 'New members this quarter', whole(roles.communityOrganizer.newMembers));
  metric('Community organizer', 'Active members', whole(roles.communityOrganizer.activeMembers));
  metric('Community organizer', 'Active citizens (consent given)', whole(roles.communityOrganizer.activeCitizens));
  metric('Community organizer', 'New active citizens this quarter', whole(roles.communityOrganizer.newCitizens));
  metric('Storyteller', 'Blog posts this quarter', whole(roles.storyteller['blog post']));
  metric('Storyteller', 'Press mentions this quarter', whole(roles.storyteller['press mention']));
  metric('Storyteller', 'Social media posts this quarter', whole(roles.storyteller['social media']));
  metric('Storyteller', 'Views, reactions, shares', text(`${roles.storyteller.views} views, ${roles.storyteller.reactions} reactions, ${roles.storyteller.shares} shares`));

  grid.title('Every role: hours a week against commitment');
  grid.header(['Role', 'Members', 'Who', 'Commitment (h a week)', 'Hours a week']);
  for (const role of roles.hours) {
    const judged = role.volunteers > 0;
    grid.line([
      text(role.role),
      whole(role.volunteers),
      text(role.names.join(', ')),
      hours(role.commitment),
      hours(role.hoursPerWeek, judged ? { background: role.hoursPerWeek >= role.commitment ? GOOD : SHORT } : {}),
    ]);
  }

  const width = Math.max(...grid.lines.map((line) => line.length));
  const cells = grid.lines.map((line) => [...line, ...new Array<Shown>(width - line.length).fill(blank)]);
  const chartColumn = width + 2;
  return {
    values: cells.map((line) => line.map((cell) => cell.value)),
    formats: cells.map((line) => line.map((cell) => cell.format)),
    backgrounds: cells.map((line) => line.map((cell) => cell.background)),
    weights: cells.map((line) => line.map((cell) => (cell.bold ? 'bold' : null))),
    charts: [
      {
        title: 'Weekly hours against commitment',
        type: 'COLUMN',
        data: { row: weeklyStart, column: 1, numRows: weeklyHours.weeks.length + 1, numColumns: 3 },
        anchor: { row: 1, column: chartColumn },
      },
      {
        title: 'Attendance trend',
        type: 'LINE',
        data: { row: monthlyStart, column: 1, numRows: attendance.monthly.length + 1, numColumns: 4 },
        anchor: { row: 1 + CHART_ROWS, column: chartColumn },
      },
    ],
    atRisk,
  };
}
