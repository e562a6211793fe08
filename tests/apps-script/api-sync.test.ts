import { beforeEach, describe, expect, it } from 'vitest';
import { attendanceTab } from '../../shared/records/attendance';
import { hoursTab } from '../../shared/records/hours';
import { noticesTab } from '../../shared/records/notice';
import { responseSchemas } from '../../shared/api/protocol';
import { asLead, sheetState } from './as-lead';
import {
  CFP_CODE,
  MEET_CODE,
  NOW,
  newApiCil,
  post,
  recordsOf,
  rowCount,
  spreadsheetsNow,
  TOKENS,
  uuid,
  type ApiCil,
} from './api-fixture';

// sync through the built bundle: each entry answered on its own, in order; rows as the lead reads them.

let cil: ApiCil;
beforeEach(() => {
  cil = newApiCil();
});

const hours = (extra: Record<string, unknown> = {}) => ({
  kind: 'hours',
  id: uuid(),
  day: '2026-11-26',
  hours: 2.5,
  category: 'project work',
  loggedAt: '2026-11-26T18:00:00.000Z',
  ...extra,
});

const session = (joinedAt: string, leftAt: string, extra: Record<string, unknown> = {}) => ({
  kind: 'attendance',
  id: uuid(),
  meetCode: MEET_CODE,
  joinedAt,
  leftAt,
  ...extra,
});

const notice = (extra: Record<string, unknown>) => ({ kind: 'notice', id: uuid(), givenAt: '2026-11-25T09:00:00.000Z', ...extra });

function sync(entries: unknown[], token: string = TOKENS.member) {
  const answer = post(cil, { op: 'sync', token, entries });
  expect(responseSchemas.sync.parse(answer.json)).toEqual(answer.json);
  expect(answer.json.ok, JSON.stringify(answer.json)).toBe(true);
  return { results: answer.json.result.results as { id: string; status: string; reason?: string }[], meter: answer.meter };
}

const statuses = (results: { status: string }[]) => results.map((r) => r.status);

describe('hours', () => {
  it('are stored for the token’s owner, with the server’s time as logged-at', () => {
    const entry = hours({ projectId: 'p-7', note: 'Cleaned the ward boundary data', volunteerId: 'v-1' });
    expect(sync([entry]).results).toEqual([{ id: entry.id, status: 'stored' }]);
    expect(recordsOf(cil, hoursTab)).toEqual([
      {
        id: entry.id,
        volunteerId: 'v-2',
        day: '2026-11-26',
        hours: 2.5,
        category: 'project work',
        projectId: 'p-7',
        note: 'Cleaned the ward boundary data',
        source: 'extension',
        loggedAt: NOW.toISOString(),
      },
    ]);
  });

  it('are refused for a day after tomorrow or over a year ago, or where the tab wants more than the API checks', () => {
    const future = hours({ day: '2026-11-29' });
    const tomorrow = hours({ day: '2026-11-28' });
    const yearAgo = hours({ day: '2025-11-26' });
    const ancient = hours({ day: '0001-01-01' });
    const spacedProject = hours({ projectId: 'ward survey' });
    const { results } = sync([future, tomorrow, yearAgo, ancient, spacedProject]);
    expect(results[0]).toEqual({ id: future.id, status: 'rejected', reason: 'day must not be in the future (2026-11-29)' });
    expect(results[1]).toEqual({ id: tomorrow.id, status: 'stored' });
    expect(results[2]).toEqual({ id: yearAgo.id, status: 'stored' });
    expect(results[3]).toEqual({
      id: ancient.id,
      status: 'rejected',
      reason: 'day must be within the last year (0001-01-01); ask your CIL lead to add older hours in the sheet',
    });
    expect(results[4]!.status).toBe('rejected');
    expect(results[4]!.reason).toContain('projectId must be letters, digits and - _ . : with no spaces');
    expect(recordsOf(cil, hoursTab).map((row) => row.id)).toEqual([tomorrow.id, yearAgo.id]);
  });

  it('land in the right cells when a lead reordered the columns and added one', () => {
    asLead(
      cil.sandbox,
      (spreadsheetId: string) => {
        const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Hours')!;
        sheet.insertColumnBefore(1);
        sheet.getRange(1, 1).setValue('Checked by');
        // With no rows yet, swapping two headers is a reorder: Hours before Entry ID.
        sheet.getRange(1, 2, 1, 4).setValues([['Hours', 'Volunteer ID', 'Day', 'Entry ID']]);
      },
      [cil.spreadsheetId],
    );
    const header = sheetState(cil.sandbox, cil.spreadsheetId, 'Hours').values[0];
    expect(header!.slice(0, 5)).toEqual(['Checked by', 'Hours', 'Volunteer ID', 'Day', 'Entry ID']);
    const entry = hours({ hours: 1.25 });
    sync([entry]);
    const row = sheetState(cil.sandbox, cil.spreadsheetId, 'Hours').values[1]!;
    expect([row[0], row[1], row[2], row[4]]).toEqual(['', 1.25, 'v-2', entry.id]);
    expect(recordsOf(cil, hoursTab)[0]).toMatchObject({ id: entry.id, hours: 1.25, volunteerId: 'v-2' });
  });
});

describe('text a person typed', () => {
  const typed = ['=HYPERLINK("http://evil","x")', '+92 300 1234567', '-', '@everyone', '=1+1', '<img src=x onerror=alert(1)>'];

  it('is stored as that exact text, never as a formula', () => {
    const entries = typed.map((note) => hours({ note }));
    const reasons = typed.map((reason) => notice({ noticeKind: 'communication', reason }));
    sync([...entries, ...reasons]);
    expect(recordsOf(cil, hoursTab).map((row) => row.note)).toEqual(typed);
    expect(recordsOf(cil, noticesTab).map((row) => row.reason)).toEqual(typed);
    for (const tab of ['Hours', 'Notices']) {
      expect(sheetState(cil.sandbox, cil.spreadsheetId, tab).formulas ?? {}).toEqual({});
    }
    // And as the sheet answers a script: no formulas, the text as typed.
    const read = asLead(
      cil.sandbox,
      (spreadsheetId: string) => {
        const range = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Hours')!.getDataRange();
        return { formulas: range.getFormulas().flat().filter((f) => f !== ''), values: range.getValues().map((r) => r[6]) };
      },
      [cil.spreadsheetId],
    );
    expect(read.formulas).toEqual([]);
    expect(read.values.slice(1)).toEqual(typed);
  });
});

describe('attendance', () => {
  it('is matched to its meeting by Meet code and time, with minutes and status', () => {
    const attended = session('2026-11-26T14:02:00.000Z', '2026-11-26T14:50:20.000Z');
    const brief = session('2026-11-26T14:52:00.000Z', '2026-11-26T14:55:00.000Z');
    const { results } = sync([attended, brief]);
    expect(statuses(results)).toEqual(['stored', 'stored']);
    expect(recordsOf(cil, attendanceTab)).toEqual([
      {
        id: attended.id,
        meetingId: 'm-meetup-1',
        volunteerId: 'v-2',
        status: 'present',
        joinedAt: '2026-11-26T14:02:00.000Z',
        leftAt: '2026-11-26T14:50:20.000Z',
        minutes: 48,
        meetCode: MEET_CODE,
        source: 'extension',
      },
      expect.objectContaining({ id: brief.id, meetingId: 'm-meetup-1', status: 'absent', minutes: 3 }),
    ]);
  });

  it('keeps a session no meeting matches, unlinked, for the lead to link', () => {
    const unknownCode = session('2026-11-26T14:02:00.000Z', '2026-11-26T14:50:00.000Z', { meetCode: 'qqq-wwww-eee' });
    const lastWeek = session('2026-11-19T14:02:00.000Z', '2026-11-19T14:50:00.000Z');
    sync([unknownCode, lastWeek]);
    const rows = recordsOf(cil, attendanceTab);
    expect(rows.map((row) => [row.meetCode, row.meetingId, row.status])).toEqual([
      ['qqq-wwww-eee', undefined, 'present'],
      [MEET_CODE, undefined, 'present'],
    ]);
  });

  it('refuses a session that ends in the future, or lasts over a day', () => {
    const future = session('2026-11-27T05:00:00.000Z', '2026-11-27T06:00:00.000Z');
    const endless = session('2026-11-25T14:00:00.000Z', '2026-11-26T14:00:01.000Z');
    const day = session('2026-11-25T14:00:00.000Z', '2026-11-26T14:00:00.000Z');
    expect(sync([future, endless, day]).results).toEqual([
      { id: future.id, status: 'rejected', reason: 'leftAt must not be in the future (2026-11-27T06:00:00.000Z)' },
      { id: endless.id, status: 'rejected', reason: 'leftAt must be within 24 hours of joinedAt' },
      { id: day.id, status: 'stored' },
    ]);
    expect(recordsOf(cil, attendanceTab).map((row) => [row.minutes, row.meetingId])).toEqual([[1440, 'm-meetup-1']]);
  });
});

describe('notices', () => {
  it('are linked to their meeting by Calendar event, or by Meet code and start', () => {
    const byEvent = notice({ calendarEventId: 'meetup-event-2', reason: 'Exam that day' });
    const byCode = notice({ meetCode: CFP_CODE, startsAt: '2026-11-20T13:00:00.000Z', givenAt: '2026-11-18T09:00:00.000Z' });
    sync([byEvent, byCode]);
    expect(recordsOf(cil, noticesTab)).toEqual([
      {
        id: byEvent.id,
        volunteerId: 'v-2',
        kind: 'absence notice',
        givenAt: '2026-11-25T09:00:00.000Z',
        meetingId: 'm-meetup-2',
        reason: 'Exam that day',
        source: 'extension',
        receivedAt: NOW.toISOString(),
      },
      expect.objectContaining({ id: byCode.id, meetingId: 'm-cfp-nov', givenAt: '2026-11-18T09:00:00.000Z' }),
    ]);
  });

  it('given after the meeting began, are stored with their real time', () => {
    const late = notice({ calendarEventId: 'meetup-event-1', givenAt: '2026-11-26T14:20:00.000Z' });
    sync([late]);
    const [row] = recordsOf(cil, noticesTab);
    expect(row).toMatchObject({ meetingId: 'm-meetup-1', givenAt: '2026-11-26T14:20:00.000Z' });
    expect(row!.givenAt > '2026-11-26T14:00:00.000Z').toBe(true);
  });

  it("keep the volunteer's Given at, backdated or not, beside the server's Received at", () => {
    // Claimed the day before the meetup, received after it began: the rules see both times.
    const backdated = notice({ calendarEventId: 'meetup-event-1', givenAt: '2026-11-25T09:00:00.000Z' });
    sync([backdated]);
    expect(recordsOf(cil, noticesTab)[0]).toMatchObject({ meetingId: 'm-meetup-1', givenAt: '2026-11-25T09:00:00.000Z', receivedAt: NOW.toISOString() });
    expect(sheetState(cil.sandbox, cil.spreadsheetId, 'Notices').values[0]).toContain('Received at');
  });

  it('are never given later than the server receives them', () => {
    const ahead = notice({ calendarEventId: 'meetup-event-2', givenAt: '2026-11-27T09:00:00.000Z' });
    sync([ahead]);
    expect(recordsOf(cil, noticesTab)[0]!.givenAt).toBe(NOW.toISOString());
  });

  it('for no known meeting, cover the day and say what they were for', () => {
    const unknown = notice({ calendarEventId: 'family-wedding', title: 'Team dinner', startsAt: '2026-11-29T14:30:00.000Z', reason: 'Wedding' });
    const bare = notice({ meetCode: 'qqq-wwww-eee', startsAt: '2026-11-30T20:00:00.000Z' });
    const range = notice({ fromDay: '2026-12-10', toDay: '2026-12-20', reason: 'Travelling' });
    const contact = notice({ noticeKind: 'communication', reason: 'Replied to the lead on WhatsApp' });
    sync([unknown, bare, range, contact]);
    const rows = recordsOf(cil, noticesTab);
    expect(rows.map((row) => row.meetingId)).toEqual([undefined, undefined, undefined, undefined]);
    expect(rows[0]).toMatchObject({ fromDay: '2026-11-29', toDay: '2026-11-29', reason: 'Wedding (for "Team dinner", starting 2026-11-29 19:30)' });
    // 20:00 UTC is already the next day in Karachi.
    expect(rows[1]).toMatchObject({ fromDay: '2026-12-01', toDay: '2026-12-01', reason: 'For starting 2026-12-01 01:00, Meet qqq-wwww-eee' });
    expect(rows[2]).toMatchObject({ kind: 'absence notice', fromDay: '2026-12-10', toDay: '2026-12-20', reason: 'Travelling' });
    expect(rows[3]).toMatchObject({ kind: 'communication', reason: 'Replied to the lead on WhatsApp' });
    expect(rows[3]!.fromDay).toBeUndefined();
  });
});

describe('a batch', () => {
  const mixed = () => [
    hours(),
    session('2026-11-26T14:02:00.000Z', '2026-11-26T14:50:00.000Z'),
    notice({ calendarEventId: 'meetup-event-2' }),
    hours({ day: '2026-11-25', hours: 1 }),
  ];

  it('sent twice is stored once: the replay is all duplicates and adds no row', () => {
    const batch = mixed();
    expect(statuses(sync(batch).results)).toEqual(['stored', 'stored', 'stored', 'stored']);
    const before = spreadsheetsNow(cil);
    const replay = sync(batch);
    expect(replay.results).toEqual(batch.map((entry) => ({ id: entry.id, status: 'duplicate' })));
    expect(spreadsheetsNow(cil)).toBe(before);
    expect([rowCount(cil, hoursTab), rowCount(cil, attendanceTab), rowCount(cil, noticesTab)]).toEqual([2, 1, 1]);
    // Nothing new to store: the tabs are read, never written.
    expect(replay.meter.callsByMethod['Range.setValues'] ?? 0).toBe(0);
  });

  it('stores an id once even when it comes twice in one batch, or in another case', () => {
    const entry = hours();
    const again = { ...entry, hours: 7 };
    const shouting = { ...entry, id: entry.id.toUpperCase() };
    expect(statuses(sync([entry, again, shouting]).results)).toEqual(['stored', 'duplicate', 'duplicate']);
    expect(statuses(sync([shouting]).results)).toEqual(['duplicate']);
    expect(recordsOf(cil, hoursTab).map((row) => row.hours)).toEqual([2.5]);
  });

  it('with a bad entry among good ones stores the good ones and says why the bad one was refused', () => {
    const [first, second, third] = mixed();
    const bad = { kind: 'hours', id: uuid(), day: '2026-02-30', hours: 30, category: 'gardening', loggedAt: 'yesterday' };
    const { results } = sync([first, bad, second, 'not an entry', third]);
    expect(statuses(results)).toEqual(['stored', 'rejected', 'stored', 'rejected', 'stored']);
    expect(results[1]).toEqual({
      id: bad.id,
      status: 'rejected',
      reason:
        'day must be a real date written YYYY-MM-DD; hours must be at most 24; category must be one of: project work, meetings, events, outreach, research, writing & reporting, mentoring, learning, other; loggedAt must be a UTC date and time like 2026-11-27T14:30:00.000Z',
    });
    expect(results[3]).toMatchObject({ id: '', status: 'rejected' });
    expect([rowCount(cil, hoursTab), rowCount(cil, attendanceTab), rowCount(cil, noticesTab)]).toEqual([1, 1, 1]);
  });

  it('of only bad entries takes no lock and touches no tab', () => {
    const before = spreadsheetsNow(cil);
    const { results, meter } = sync([{ kind: 'hours' }, { kind: 'meal', id: uuid() }]);
    expect(statuses(results)).toEqual(['rejected', 'rejected']);
    expect(meter.callsByMethod['Lock.tryLock'] ?? 0).toBe(0);
    expect(meter.cellsWritten).toBe(0);
    expect(spreadsheetsNow(cil)).toBe(before);
  });

  it('that is empty is answered with no results', () => {
    expect(sync([]).results).toEqual([]);
  });

  it('costs the same service calls whatever its size and however long the tabs are', () => {
    const calls = (entries: unknown[]) => sync(entries).meter.serviceCalls;
    const batchOf = (n: number) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? hours() : i % 3 === 1 ? session('2026-11-26T14:02:00.000Z', '2026-11-26T14:50:00.000Z') : notice({ calendarEventId: 'meetup-event-2' })));
    // The first sync into empty tabs has no id cells to read; from then on every sync costs the same.
    calls(batchOf(3));
    const second = calls(batchOf(3));
    expect(calls(batchOf(60))).toBe(second);
    expect(calls(batchOf(300))).toBe(second);
    expect(calls(batchOf(3).reverse())).toBe(second);
    expect(rowCount(cil, hoursTab)).toBe(1 + 1 + 20 + 100 + 1);
    // Each tab written once, each id column read once.
    const { meter } = sync(batchOf(30));
    expect(meter.callsByMethod['Range.setValues']).toBe(3);
    expect(meter.callsByMethod['Lock.tryLock']).toBe(1);
    expect(meter.callsByMethod['Lock.releaseLock']).toBe(1);
  });

  it('is written by the lead roles as well, each to their own name', () => {
    sync([hours()], TOKENS.organizer);
    sync([hours()], TOKENS.member);
    expect(recordsOf(cil, hoursTab).map((row) => row.volunteerId)).toEqual(['v-1', 'v-2']);
  });
});
