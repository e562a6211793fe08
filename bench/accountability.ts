import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { evaluateCil, type CilRecords } from '../shared/accountability';
import { attendanceTab, type Attendance } from '../shared/records/attendance';
import { deliverablesTab, type Deliverable } from '../shared/records/deliverable';
import { HOURS_CATEGORIES, hoursTab, type HoursEntry } from '../shared/records/hours';
import { meetingsTab, type Meeting } from '../shared/records/meeting';
import { noticesTab, type Notice } from '../shared/records/notice';
import { settingsSchema } from '../shared/records/settings';
import type { TabDefinition, TabRecord } from '../shared/records/tab';
import { volunteersTab, type Volunteer } from '../shared/records/volunteer';
import { addDays, type CalendarDay } from '../shared/time/calendar-day';
import { dayOf } from '../shared/time/zone';
import { loadBundle, type AppsScriptBundle } from '../sandbox/src/runtime/apps-script-bundle';
import { Sandbox, type ExecutionResult } from '../sandbox/src/runtime/sandbox';
import { emptyWorkspace } from '../sandbox/src/workspace';
import { pasteRecords } from './paste-records';

// The accountability figures (issue 6): the rules engine over a large CIL in Node, and the daily run
// through the built bundle, for one CIL with a short and a long history and for 50 CILs. The history
// is made up but deterministic: weekly meetups and monthly CfP calls, attendance (most present, some
// excused by a notice given the day before, some missed), hours twice a week, a monthly progress
// update; and the next meetup, tomorrow evening, of which the run reminds everyone. The daily run must
// make as many Google calls for two years of rows as for eight weeks.

export const TIME_ZONE = 'Asia/Karachi';
/** 07:00 in Karachi, the daily check's default hour. */
export const NOW = new Date('2026-11-27T02:00:00Z');
export const TODAY = dayOf(NOW, TIME_ZONE);
const MEET_CODE = 'abc-defg-hij';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A stable pseudo-random number 0..99 for a volunteer and a meeting or week. */
const roll = (a: number, b: number) => ((a * 2_654_435_761 + b * 40_503 + 12_345) >>> 7) % 100;

interface History {
  meetings: Meeting[];
  attendance: Attendance[];
  notices: Notice[];
  hours: HoursEntry[];
  deliverables: Deliverable[];
}

/**
 * `weeks` of history ending the day before NOW, for the given volunteer ids: a meetup every Thursday
 * evening, a CfP call on the 5th of each month, hours on Monday and Thursday of each week.
 */
export function historyFor(volunteerIds: readonly string[], weeks: number, prefix: string): History {
  const firstMs = NOW.getTime() - weeks * 7 * DAY_MS;
  const meetings: Meeting[] = [];
  for (let week = 0; week < weeks; week++) {
    const startsAt = new Date(firstMs + (week * 7 + 1) * DAY_MS);
    startsAt.setUTCHours(14, 0, 0, 0);
    meetings.push(meetingAt(`${prefix}m-${week + 1}`, 'CIL meetup', `Meetup ${week + 1}`, startsAt));
  }
  for (let month = new Date(firstMs); month.getTime() < NOW.getTime() - DAY_MS; month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 5, 11))) {
    const startsAt = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 5, 11));
    if (startsAt.getTime() >= firstMs && startsAt.getTime() < NOW.getTime() - DAY_MS) {
      meetings.push(meetingAt(`${prefix}c-${meetings.length + 1}`, 'monthly CfP call', `CfP call ${dayOf(startsAt, TIME_ZONE).slice(0, 7)}`, startsAt));
    }
  }

  const attendance: Attendance[] = [];
  const notices: Notice[] = [];
  meetings.forEach((meeting, m) => {
    const startsMs = Date.parse(meeting.startsAt);
    volunteerIds.forEach((volunteerId, v) => {
      const r = roll(v, m);
      if (r < 82) {
        const joined = startsMs + (r % 10) * 60_000;
        attendance.push({
          id: `${prefix}a-${m}-${v}`,
          meetingId: meeting.id,
          volunteerId,
          status: 'present',
          joinedAt: new Date(joined).toISOString(),
          leftAt: new Date(joined + 50 * 60_000).toISOString(),
          minutes: 50,
          meetCode: MEET_CODE,
          source: 'extension',
        } as Attendance);
      } else if (r < 92) {
        notices.push({
          id: `${prefix}n-${m}-${v}`,
          volunteerId,
          kind: 'absence notice',
          givenAt: new Date(startsMs - DAY_MS).toISOString(),
          meetingId: meeting.id,
          reason: 'Exams this week',
          source: 'extension',
          receivedAt: new Date(startsMs - DAY_MS + 60_000).toISOString(),
        } as Notice);
      }
    });
  });

  const hours: HoursEntry[] = [];
  for (let week = 0; week < weeks; week++) {
    volunteerIds.forEach((volunteerId, v) => {
      for (const offset of [0, 3]) {
        const day = dayOf(new Date(firstMs + (week * 7 + offset) * DAY_MS), TIME_ZONE);
        hours.push({
          id: `${prefix}h-${week}-${v}-${offset}`,
          volunteerId,
          day,
          hours: 1.5 + (roll(v, week + offset) % 4) / 2,
          category: HOURS_CATEGORIES[(v + week) % HOURS_CATEGORIES.length]!,
          source: 'extension',
          loggedAt: `${day}T15:00:00.000Z`,
        } as HoursEntry);
      }
    });
  }

  const deliverables: Deliverable[] = [];
  for (const meeting of meetings.filter((candidate) => candidate.kind === 'monthly CfP call')) {
    const dueOn = addDays(dayOf(new Date(meeting.startsAt), TIME_ZONE), 20);
    if (dueOn >= TODAY) continue;
    deliverables.push({
      id: `${prefix}d-${deliverables.length + 1}`,
      kind: 'monthly progress update',
      title: `Progress ${dueOn.slice(0, 7)}`,
      ownerVolunteerId: volunteerIds[0]!,
      dueOn,
      submittedOn: addDays(dueOn, -1),
      status: 'submitted',
    } as Deliverable);
  }
  return { meetings, attendance, notices, hours, deliverables };
}

function meetingAt(id: string, kind: Meeting['kind'], title: string, startsAt: Date): Meeting {
  return {
    id,
    kind,
    title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + HOUR_MS).toISOString(),
    meetCode: MEET_CODE,
    expectedAttendees: 'all',
  } as Meeting;
}

/** Tomorrow's meetup at 19:00 in Karachi: every volunteer is expected, so each gets a meeting reminder. */
const upcomingMeetup = (prefix: string): Meeting =>
  meetingAt(`${prefix}m-next`, 'CIL meetup', 'Next meetup', new Date(Date.parse(`${addDays(TODAY, 1)}T14:00:00.000Z`)));

export function rosterOf(count: number, prefix: string, joinedOn: CalendarDay): Volunteer[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}v-${i + 1}`,
    name: `Volunteer ${prefix}${i + 1}`,
    email: `volunteer.${prefix}${i + 1}@example.org`,
    role: i === 0 ? 'organizer' : 'member',
    status: 'active',
    joinedOn,
  }) as Volunteer);
}

export const TWO_YEARS = 104;
const count = (n: number) => n.toLocaleString('en-US');
const column = (widths: number[]) => (cells: (string | number)[]) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 14)).join('');

function benchEngine(): void {
  const volunteers = rosterOf(200, '', addDays(TODAY, -TWO_YEARS * 7 - 1));
  const history = historyFor(volunteers.map((volunteer) => volunteer.id), TWO_YEARS, '');
  const records: CilRecords = { volunteers, ...history, meetings: [...history.meetings, upcomingMeetup('')], projects: [], log: [] };
  const settings = settingsSchema.parse({ cilName: 'CIL Bench', timeZone: TIME_ZONE });
  const input = { ...records, today: TODAY, now: NOW.toISOString(), settings } as Parameters<typeof evaluateCil>[0];
  const runs = 5;
  let result = evaluateCil(input);
  const started = performance.now();
  for (let run = 0; run < runs; run++) result = evaluateCil(input);
  const millis = (performance.now() - started) / runs;
  const standings = result.volunteers.reduce<Record<string, number>>((tally, v) => ({ ...tally, [v.standing]: (tally[v.standing] ?? 0) + 1 }), {});

  console.log(`\nRules engine (evaluateCil in Node, mean of ${runs} runs after one warm-up)`);
  const row = column([14, 10, 12, 10, 10, 14, 12]);
  console.log(row(['  volunteers', 'meetings', 'attendance', 'notices', 'hours', 'deliverables', 'Node time']));
  console.log(row([`  ${volunteers.length}`, history.meetings.length, count(history.attendance.length), count(history.notices.length), count(history.hours.length), history.deliverables.length, `${millis.toFixed(0)} ms`]));
  console.log(`  two years (${TWO_YEARS} weekly meetups, monthly CfP calls, and tomorrow's meetup); standings ${JSON.stringify(standings)}, ${result.actions.length} actions due`);
}

// --- The daily run through the built bundle --------------------------------------------------------


function paste<Tab extends TabDefinition>(sandbox: Sandbox, spreadsheetId: string, tab: Tab, records: readonly TabRecord<Tab>[]): void {
  pasteRecords(sandbox, spreadsheetId, tab, records, TIME_ZONE);
}

function pasteHistory(sandbox: Sandbox, spreadsheetId: string, history: History): number {
  paste(sandbox, spreadsheetId, meetingsTab, history.meetings);
  paste(sandbox, spreadsheetId, attendanceTab, history.attendance);
  paste(sandbox, spreadsheetId, noticesTab, history.notices);
  paste(sandbox, spreadsheetId, hoursTab, history.hours);
  paste(sandbox, spreadsheetId, deliverablesTab, history.deliverables);
  return history.meetings.length + history.attendance.length + history.notices.length + history.hours.length + history.deliverables.length;
}

function dataRows(sandbox: Sandbox, spreadsheetId: string): number {
  return sandbox.state.spreadsheets[spreadsheetId]!.sheets.reduce((total, sheet) => total + Math.max(0, sheet.values.length - 1), 0);
}

function ok(result: ExecutionResult, what: string): ExecutionResult {
  if (result.error !== null) throw new Error(`${what} failed: ${result.error}`);
  return result;
}

interface DailyRunResult {
  checked: { steps: unknown[] }[];
  failed: { name: string; problem: string }[];
  remaining: string[];
}

interface DailyFigures {
  runs: number;
  cilsChecked: number;
  failed: number;
  steps: number;
  serviceCalls: number;
  callsByMethod: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
  simulatedMs: number;
  nodeMs: number;
}

/** An assumed cost per round trip to Google, for a rough estimate of a run's time in Apps Script. */
export const ASSUMED_CALL_MS = 100;

/**
 * Calls that stay in the script: builders (charts, format rules, cards) and value objects already
 * fetched (a chart's options, a rule's condition). The others go to Google and back.
 */
const LOCAL_CALL = /^(\w+Builder|ConditionalFormatRule|BooleanCondition|ChartOptions|EmbeddedChart)\.|^(SpreadsheetApp|CardService)\.new/;

export function roundTrips(callsByMethod: Readonly<Record<string, number>>): number {
  return Object.entries(callsByMethod).reduce((total, [method, calls]) => total + (LOCAL_CALL.test(method) ? 0 : calls), 0);
}

/** Seconds of Google time at ASSUMED_CALL_MS per round trip. */
export const estimatedSeconds = (callsByMethod: Readonly<Record<string, number>>) => `${((roundTrips(callsByMethod) * ASSUMED_CALL_MS) / 1000).toFixed(0)} s`;

/** The day's run and any follow-ups it leaves (a follow-up fires a minute later: `advance` lets it). */
function dailyRun(sandbox: Sandbox): DailyFigures {
  const figures: DailyFigures = { runs: 0, cilsChecked: 0, failed: 0, steps: 0, serviceCalls: 0, callsByMethod: {}, cellsRead: 0, cellsWritten: 0, simulatedMs: 0, nodeMs: 0 };
  const add = (execution: ExecutionResult) => {
    const value = ok(execution, 'runDailyCheck').value as DailyRunResult;
    figures.runs++;
    figures.cilsChecked += value.checked.length;
    figures.failed += value.failed.length;
    figures.steps += value.checked.reduce((total, check) => total + check.steps.length, 0);
    figures.serviceCalls += execution.meter.serviceCalls;
    for (const [method, calls] of Object.entries(execution.meter.callsByMethod)) figures.callsByMethod[method] = (figures.callsByMethod[method] ?? 0) + calls;
    figures.cellsRead += execution.meter.cellsRead;
    figures.cellsWritten += execution.meter.cellsWritten;
    figures.simulatedMs += execution.endedAt.getTime() - execution.startedAt.getTime();
    for (const failure of value.failed) console.log(`  ! ${failure.name}: ${failure.problem}`);
    return value;
  };
  const started = performance.now();
  let last = add(sandbox.run('runDailyCheck', []));
  while (last.remaining.length > 0) {
    const ran = sandbox.advance(2 * 60_000).filter((execution) => execution.functionName === 'runDailyCheck');
    if (ran.length === 0) throw new Error('The daily run left CILs for a follow-up, but no follow-up fired.');
    for (const execution of ran) last = add(execution);
  }
  figures.nodeMs = performance.now() - started;
  return figures;
}

/** A workspace with the demo CIL and a meetup tomorrow, and optionally two years of history before the demo's eight weeks. */
export function demoCil(bundle: AppsScriptBundle, longHistory: boolean): { sandbox: Sandbox; rows: number } {
  const sandbox = new Sandbox(emptyWorkspace({ now: NOW, scriptTimeZone: TIME_ZONE }), bundle);
  const { spreadsheetId } = ok(sandbox.run('setUpDemoCil', []), 'setUpDemoCil').value as { spreadsheetId: string };
  if (longHistory) {
    const sheet = sandbox.state.spreadsheets[spreadsheetId]!.sheets.find((s) => s.name === volunteersTab.name)!;
    const idColumn = sheet.values[0]!.indexOf('Volunteer ID');
    const ids = sheet.values.slice(1).map((cells) => String(cells[idColumn]));
    // Dated before the demo's own eight weeks, with ids of their own.
    const history = historyFor(ids, TWO_YEARS, 'old-');
    const shift = (iso: string) => new Date(Date.parse(iso) - 9 * 7 * DAY_MS).toISOString();
    const shiftDay = (day: CalendarDay) => addDays(day, -9 * 7);
    pasteHistory(sandbox, spreadsheetId, {
      meetings: history.meetings.map((m) => ({ ...m, startsAt: shift(m.startsAt), endsAt: shift(m.endsAt) }) as Meeting),
      attendance: history.attendance.map((a) => ({ ...a, joinedAt: a.joinedAt && shift(a.joinedAt), leftAt: a.leftAt && shift(a.leftAt) }) as Attendance),
      notices: history.notices.map((n) => ({ ...n, givenAt: shift(n.givenAt), receivedAt: n.receivedAt && shift(n.receivedAt) }) as Notice),
      hours: history.hours.map((h) => ({ ...h, day: shiftDay(h.day), loggedAt: shift(h.loggedAt) }) as HoursEntry),
      deliverables: history.deliverables.map((d) => ({ ...d, dueOn: shiftDay(d.dueOn), submittedOn: d.submittedOn && shiftDay(d.submittedOn) }) as Deliverable),
    });
  }
  paste(sandbox, spreadsheetId, meetingsTab, [upcomingMeetup('bench-')]);
  return { sandbox, rows: dataRows(sandbox, spreadsheetId) };
}

/** `cils` CILs, each set up by setUpCil with a roster of `rosterSize` and `weeks` of history. */
export function manyCils(bundle: AppsScriptBundle, cils: number, rosterSize: number, weeks: number): { sandbox: Sandbox; rows: number } {
  const sandbox = new Sandbox(emptyWorkspace({ now: new Date(NOW.getTime() - 2 * HOUR_MS), scriptTimeZone: TIME_ZONE }), bundle);
  let rows = 0;
  for (let i = 1; i <= cils; i++) {
    const { spreadsheetId } = ok(sandbox.run('setUpCil', [{ name: `CIL Bench ${i}`, city: 'Lahore', timeZone: TIME_ZONE }]), 'setUpCil').value as { spreadsheetId: string };
    const prefix = `c${i}-`;
    const roster = rosterOf(rosterSize, prefix, addDays(TODAY, -weeks * 7 - 1));
    paste(sandbox, spreadsheetId, volunteersTab, roster);
    pasteHistory(sandbox, spreadsheetId, historyFor(roster.map((volunteer) => volunteer.id), weeks, prefix));
    paste(sandbox, spreadsheetId, meetingsTab, [upcomingMeetup(prefix)]);
    rows += dataRows(sandbox, spreadsheetId);
  }
  sandbox.state.clock = new Date(NOW);
  return { sandbox, rows };
}

export function benchAccountability(bundle: AppsScriptBundle): void {
  benchEngine();

  console.log('\nDaily run (runDailyCheck through the built bundle in the sandbox; first run of the day, then a second)');
  const row = column([34, 10, 7, 7, 8, 15, 12, 15, 11, 12, 16]);
  console.log(row(['  workspace', 'rows', 'runs', 'CILs', 'steps', 'service calls', 'cells read', 'cells written', 'Node time', 'simulated', 'est. Google']));
  const print = (label: string, rows: number, figures: DailyFigures) =>
    console.log(
      row([
        `  ${label}`,
        count(rows),
        figures.runs,
        figures.cilsChecked,
        figures.steps,
        `${figures.serviceCalls} (${(figures.serviceCalls / Math.max(1, figures.cilsChecked)).toFixed(0)}/CIL)`,
        count(figures.cellsRead),
        count(figures.cellsWritten),
        `${(figures.nodeMs / 1000).toFixed(2)} s`,
        `${(figures.simulatedMs / 1000).toFixed(1)} s`,
        estimatedSeconds(figures.callsByMethod),
      ]),
    );

  const filling = performance.now();
  const short = demoCil(bundle, false);
  const long = demoCil(bundle, true);
  const fifty = manyCils(bundle, 50, 8, 8);
  const fillSeconds = (performance.now() - filling) / 1000;
  for (const [label, cil] of [
    ['demo CIL, 8 weeks', short],
    ['demo CIL + 2 years', long],
    ['50 CILs × 8 volunteers, 8 wk', fifty],
  ] as const) {
    print(label, cil.rows, dailyRun(cil.sandbox));
    print(`  the same, run again`, cil.rows, dailyRun(cil.sandbox));
  }
  // The follow-up path: a budget of 0 ms (the run's own script property) stops after every CIL, as a run
  // near 6 minutes would; the next day, so the steps are new again.
  fifty.sandbox.state.properties.script['accountability:dailyRunBudgetMs'] = '0';
  fifty.sandbox.advance(DAY_MS);
  print('50 CILs, next day, budget 0 ms', fifty.rows, dailyRun(fifty.sandbox));
  console.log(`  (workspaces set up and filled in ${fillSeconds.toFixed(1)} s.) "runs": executions the day took, follow-ups included;`);
  console.log('  "simulated": time on the sandbox clock, which moves only for sleeps and lock waits, not per call, so');
  console.log('  it says nothing about Google latency; a run stops between CILs after 270 s of real time in Apps Script.');
  console.log(`  "est. Google": ${ASSUMED_CALL_MS} ms for each call that goes to Google (builders and fetched value objects stay in`);
  console.log('  the script and count nothing), an assumption on the slow side, not a measurement: it cannot be');
  console.log('  measured here. Past 270 s a run hands the CILs left to a follow-up a minute later.');
}

// `npx tsx bench/accountability.ts` runs this part alone (after `npm run build:apps-script`).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) benchAccountability(loadBundle('dist/apps-script/Code.js'));
