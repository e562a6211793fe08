import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { attendanceTab, type Attendance } from '../shared/records/attendance';
import { HOURS_CATEGORIES, hoursTab, type HoursEntry } from '../shared/records/hours';
import { meetingsTab, type Meeting } from '../shared/records/meeting';
import type { TabDefinition, TabRecord } from '../shared/records/tab';
import { addDays, type CalendarDay } from '../shared/time/calendar-day';
import { volunteersTab, type Volunteer } from '../shared/records/volunteer';
import type { AppsScriptBundle } from '../sandbox/src/runtime/apps-script-bundle';
import { Sandbox } from '../sandbox/src/runtime/sandbox';
import { callWebApp } from '../sandbox/src/runtime/web-app';
import { emptyWorkspace } from '../sandbox/src/workspace';
import { pasteRecords } from './paste-records';

// The web app's sync against a CIL with a long history: 50,000 Hours rows and 20,000 Attendance rows
// (plus 40 volunteers and 200 meetings). The rows go in as a lead's paste would: one setValues per
// tab, run as a small script of its own in the same workspace, so the sandbox turns the codec's cells
// into sheet values exactly as Google would (the text marker stripped, dates as dates). Then syncs of
// 1, 50 and 500 entries (hours, Meet sessions and notices, mixed), against that CIL and an empty one:
// Google service calls must not depend on how long the tabs are, and cells read grow only by the id
// column (one cell a row), never by whole rows.

const TIME_ZONE = 'Asia/Karachi';
const NOW = new Date('2026-11-27T05:00:00Z');
const HOURS_ROWS = 50_000;
const ATTENDANCE_ROWS = 20_000;
const VOLUNTEERS = 40;
const MEETINGS = 200;
const TOKEN = 'bench-token-0123456789abcdef0123';
const MEET_CODE = 'abc-defg-hij';

interface Cil {
  sandbox: Sandbox;
  cilId: string;
  spreadsheetId: string;
}


function paste<Tab extends TabDefinition>(cil: Cil, tab: Tab, records: readonly TabRecord<Tab>[]): void {
  pasteRecords(cil.sandbox, cil.spreadsheetId, tab, records, TIME_ZONE);
}

const uuidOf = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function newCil(bundle: AppsScriptBundle, history: boolean): Cil {
  const sandbox = new Sandbox(emptyWorkspace({ now: NOW, scriptTimeZone: TIME_ZONE }), bundle);
  const setUp = sandbox.run('setUpCil', [{ name: 'CIL Bench' }]);
  if (setUp.error !== null) throw new Error(`setUpCil failed: ${setUp.error}`);
  const { cilId, spreadsheetId } = setUp.value as { cilId: string; spreadsheetId: string };
  const cil = { sandbox, cilId, spreadsheetId };

  const volunteers: Volunteer[] = Array.from({ length: VOLUNTEERS }, (_, i) => ({
    id: `v-${i + 1}`,
    name: `Volunteer ${i + 1}`,
    email: `volunteer${i + 1}@example.org`,
    role: i === 0 ? 'organizer' : 'member',
    status: 'active',
    joinedOn: '2025-01-06',
    tokenHash: i === 0 ? createHash('sha256').update(TOKEN).digest('hex') : undefined,
  }));
  paste(cil, volunteersTab, volunteers);
  const firstDay: CalendarDay = '2025-01-06';
  const meetings: Meeting[] = Array.from({ length: MEETINGS }, (_, i) => {
    const startsAt = new Date(Date.parse('2025-01-09T14:00:00.000Z') + i * 3 * 86_400_000);
    return {
      id: `m-${i + 1}`,
      kind: 'CIL meetup',
      title: `Meetup ${i + 1}`,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      meetCode: MEET_CODE,
      expectedAttendees: 'all',
    } as Meeting;
  });
  paste(cil, meetingsTab, meetings);
  if (!history) return cil;

  const hours: HoursEntry[] = Array.from({ length: HOURS_ROWS }, (_, i) => ({
    id: uuidOf(1, i),
    volunteerId: `v-${(i % VOLUNTEERS) + 1}`,
    day: addDays(firstDay, i % 690),
    hours: 1 + (i % 8) / 4,
    category: HOURS_CATEGORIES[i % HOURS_CATEGORIES.length]!,
    note: i % 10 === 0 ? `Worked on item ${i}` : undefined,
    source: 'extension',
    loggedAt: new Date(Date.parse('2025-01-06T12:00:00.000Z') + (i % 690) * 86_400_000).toISOString(),
  }) as HoursEntry);
  paste(cil, hoursTab, hours);
  const attendance: Attendance[] = Array.from({ length: ATTENDANCE_ROWS }, (_, i) => {
    const meeting = meetings[i % MEETINGS]!;
    const joined = Date.parse(meeting.startsAt) + (i % 10) * 60_000;
    return {
      id: uuidOf(2, i),
      meetingId: meeting.id,
      volunteerId: `v-${(i % VOLUNTEERS) + 1}`,
      status: 'present',
      joinedAt: new Date(joined).toISOString(),
      leftAt: new Date(joined + 45 * 60_000).toISOString(),
      minutes: 45,
      meetCode: MEET_CODE,
      source: 'extension',
    } as Attendance;
  });
  paste(cil, attendanceTab, attendance);
  return cil;
}

let batchCounter = 0;

/** `size` entries: hours, Meet sessions and notices in turn, each with a fresh id. */
function batchOf(size: number): unknown[] {
  batchCounter++;
  return Array.from({ length: size }, (_, i) => {
    const id = uuidOf(0x100 + batchCounter, i);
    switch (i % 3) {
      case 0:
        return { kind: 'hours', id, day: '2026-11-26', hours: 1.5, category: 'project work', note: `Entry ${i}`, loggedAt: '2026-11-26T12:00:00.000Z' };
      case 1:
        return { kind: 'attendance', id, meetCode: MEET_CODE, joinedAt: '2026-11-26T14:00:00.000Z', leftAt: '2026-11-26T14:50:00.000Z' };
      default:
        return { kind: 'notice', id, noticeKind: 'communication', givenAt: '2026-11-26T09:00:00.000Z', reason: `Update ${i}` };
    }
  });
}

interface SyncFigures {
  serviceCalls: number;
  cellsRead: number;
  cellsWritten: number;
  millis: number;
}

function timedSync(cil: Cil, size: number, runs: number): SyncFigures {
  let figures: SyncFigures | null = null;
  const started = performance.now();
  for (let run = 0; run < runs; run++) {
    const body = JSON.stringify({ v: 1, op: 'sync', cil: cil.cilId, token: TOKEN, entries: batchOf(size) });
    const response = callWebApp(cil.sandbox, { method: 'POST', body, contentType: 'text/plain' });
    const answer = JSON.parse(response.body) as { ok: boolean; result?: { results: { status: string }[] } };
    const stored = answer.result?.results.filter((r) => r.status === 'stored').length;
    if (!answer.ok || stored !== size) throw new Error(`The sync of ${size} did not store everything: ${response.body.slice(0, 300)}`);
    const { serviceCalls, cellsRead, cellsWritten } = response.execution.meter;
    figures = { serviceCalls, cellsRead, cellsWritten, millis: 0 };
  }
  return { ...figures!, millis: (performance.now() - started) / runs };
}

export function benchSync(bundle: AppsScriptBundle): void {
  const filling = performance.now();
  const long = newCil(bundle, true);
  const fillSeconds = (performance.now() - filling) / 1000;
  const empty = newCil(bundle, false);
  const runs = 5;

  console.log(
    `\nsync into a CIL with ${HOURS_ROWS.toLocaleString('en-US')} Hours and ${ATTENDANCE_ROWS.toLocaleString('en-US')} Attendance rows` +
      ` (filled in ${fillSeconds.toFixed(1)} s by one setValues per tab) and into a new CIL; mean Node time of ${runs} syncs`,
  );
  const column = (cells: (string | number)[]) => cells.map((c, i) => String(c).padEnd([12, 18, 15, 14, 15][i] ?? 14)).join('');
  console.log(column(['  entries', 'CIL', 'service calls', 'cells read', 'cells written', 'Node time']));
  for (const size of [1, 50, 500]) {
    for (const [label, cil] of [['50k/20k rows', long], ['new', empty]] as const) {
      const figures = timedSync(cil, size, runs);
      console.log(column([`  ${size}`, label, figures.serviceCalls, figures.cellsRead.toLocaleString('en-US'), figures.cellsWritten.toLocaleString('en-US'), `${figures.millis.toFixed(1)} ms`]));
    }
  }
  for (const [label, cil] of [['50k/20k rows', long], ['new', empty]] as const) {
    const started = performance.now();
    const response = callWebApp(cil.sandbox, { method: 'POST', body: JSON.stringify({ v: 1, op: 'summary', cil: cil.cilId, token: TOKEN }), contentType: 'text/plain' });
    const millis = performance.now() - started;
    if (!(JSON.parse(response.body) as { ok: boolean }).ok) throw new Error(`summary failed: ${response.body.slice(0, 300)}`);
    const { serviceCalls, cellsRead, cellsWritten } = response.execution.meter;
    console.log(column(['  summary', label, serviceCalls, cellsRead.toLocaleString('en-US'), cellsWritten.toLocaleString('en-US'), `${millis.toFixed(1)} ms`]));
  }
  console.log('  Cells read: each id column (one cell a row), the header rows, Settings, Volunteers, and Meetings when');
  console.log('  there are Meet sessions; one hours entry reads only the Hours ids. One more call per tab whose grid is');
  console.log('  full (insertRowsAfter before the write): the filled CIL\'s Hours and Attendance grids end at their last row.');
}
