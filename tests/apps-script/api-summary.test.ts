import { beforeAll, describe, expect, it } from 'vitest';
import { responseSchemas } from '../../shared/api/protocol';
import { accountabilityTab } from '../../shared/records/accountability';
import { attendanceTab } from '../../shared/records/attendance';
import { hoursTab } from '../../shared/records/hours';
import { meetingsTab, type Meeting } from '../../shared/records/meeting';
import { asLead } from './as-lead';
import { appendAsLead, MEET_CODE, newApiCil, post, spreadsheetsNow, TOKENS, uuid, type ApiCil } from './api-fixture';

// summary through the built bundle: the volunteer's own hours, meetings and standing, nobody else's.

const meetup = (id: string, startsAt: string, extra: Partial<Meeting> = {}): Meeting => ({
  id,
  kind: 'CIL meetup',
  title: `Meetup ${startsAt.slice(0, 10)}`,
  startsAt: startsAt as Meeting['startsAt'],
  endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString() as Meeting['endsAt'],
  meetCode: MEET_CODE,
  expectedAttendees: 'all',
  ...extra,
});

const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

let cil: ApiCil;
const summaryOf = (token: string) => {
  const answer = post(cil, { op: 'summary', token });
  expect(responseSchemas.summary.parse(answer.json)).toEqual(answer.json);
  return answer;
};

beforeAll(() => {
  cil = newApiCil();
  appendAsLead(cil, meetingsTab, [
    meetup('p-oct-29', '2026-10-29T14:00:00.000Z'),
    meetup('p-nov-05', '2026-11-05T14:00:00.000Z'),
    meetup('p-nov-12', '2026-11-12T14:00:00.000Z'),
    meetup('m-now', '2026-11-27T04:30:00.000Z', { meetCode: undefined, title: 'Morning stand-up' }),
    meetup('m-team', '2026-12-02T14:00:00.000Z', { meetCode: undefined, title: 'Civic Data sync', kind: 'check-in', expectedAttendees: 'civic data' }),
  ]);

  const hours = (day: string, amount: number) => ({ kind: 'hours', id: uuid(), day, hours: amount, category: 'research', loggedAt: '2026-11-27T04:00:00.000Z' });
  const session = (startsAt: string, fromMinute: number, minutes: number, meetCode = MEET_CODE) => ({
    kind: 'attendance',
    id: uuid(),
    meetCode,
    joinedAt: at(startsAt, fromMinute),
    leftAt: at(startsAt, fromMinute + minutes),
  });
  const sync = (token: string, entries: unknown[]) => {
    const answer = post(cil, { op: 'sync', token, entries });
    expect(answer.json.result.results.every((r: { status: string }) => r.status === 'stored'), JSON.stringify(answer.json)).toBe(true);
  };
  sync(TOKENS.member, [
    hours('2026-11-26', 2.5), // this week (W48: 23–29 Nov)
    hours('2026-11-23', 1),
    hours('2026-11-22', 2), // last week, this month
    hours('2026-10-31', 4), // last month
    session('2026-10-29T14:00:00.000Z', 0, 50),
    session('2026-11-05T14:00:00.000Z', 5, 40),
    session('2026-11-12T14:00:00.000Z', 0, 3), // dropped, then back: one meeting
    session('2026-11-12T14:00:00.000Z', 5, 40),
    session('2026-11-24T10:00:00.000Z', 0, 30, 'zzz-zzzz-zzz'), // no such meeting
    session('2026-11-26T14:00:00.000Z', 2, 48),
  ]);
  sync(TOKENS.organizer, [hours('2026-11-26', 10), session('2026-11-20T13:00:00.000Z', 0, 55, 'cfp-mont-hly')]);
  // Rows the lead typed: hours from the sheet, an absence the daily check recorded, a row to fix.
  appendAsLead(cil, hoursTab, [
    { id: 'h-sheet-1', volunteerId: 'v-2', day: '2026-11-24', hours: 0.5, category: 'meetings', source: 'sheet', loggedAt: '2026-11-24T12:00:00.000Z' },
  ]);
  appendAsLead(cil, attendanceTab, [{ id: 'a-check-1', meetingId: 'm-cfp-nov', volunteerId: 'v-2', status: 'absent', source: 'daily check' }]);
  asLead(
    cil.sandbox,
    (spreadsheetId: string) => {
      const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Hours')!;
      sheet.appendRow(['h-bad', 'v-2', 'sometime', 'three', 'research', '', '', 'sheet', '']);
    },
    [cil.spreadsheetId],
  );
  appendAsLead(cil, accountabilityTab, [
    { id: 'e-1', volunteerId: 'v-2', kind: 'reminder', at: '2026-11-10T02:00:00.000Z', by: 'daily check', evidence: 'No hours in 2026-W45', status: 'sent' },
    { id: 'e-2', volunteerId: 'v-2', kind: 'warning', at: '2026-11-20T02:00:00.000Z', by: 'ayesha@example.org', evidence: 'Missed two meetups', status: 'approved' },
    { id: 'e-3', volunteerId: 'v-2', kind: 'warning', at: '2026-11-26T02:00:00.000Z', by: 'daily check', evidence: 'Proposed only', status: 'proposed' },
    { id: 'e-4', volunteerId: 'v-2', kind: 'note', at: '2026-11-26T03:00:00.000Z', by: 'ayesha@example.org', evidence: 'Called him', status: 'approved' },
    { id: 'e-5', volunteerId: 'v-1', kind: 'offboarding', at: '2026-11-26T04:00:00.000Z', by: 'cfp@example.org', evidence: 'Someone else', status: 'sent' },
  ]);
});

describe('summary', () => {
  it('adds up the volunteer’s own hours this week and month against their commitment', () => {
    const { result } = summaryOf(TOKENS.member).json;
    expect(result.volunteer).toEqual({ id: 'v-2', name: 'Bilal Ahmed', role: 'member', status: 'warned' });
    expect(result.cil).toEqual({ id: cil.cilId, name: 'CIL Lahore', timeZone: 'Asia/Karachi' });
    expect(result.today).toBe('2026-11-27');
    expect(result.week).toEqual({ period: '2026-W48', hours: 4, commitment: 6 });
    // November: 30 days of a 6-hour week.
    expect(result.month).toEqual({ period: '2026-11', hours: 6, commitment: 25.7 });
  });

  it('lists the last five meetings, newest first, a meeting’s sessions combined', () => {
    const { result } = summaryOf(TOKENS.member).json;
    expect(result.recentAttendance).toEqual([
      { meetingId: 'm-meetup-1', title: 'Weekly meetup', kind: 'CIL meetup', meetCode: MEET_CODE, at: '2026-11-26T14:00:00.000Z', status: 'present', minutes: 48 },
      { meetCode: 'zzz-zzzz-zzz', at: '2026-11-24T10:00:00.000Z', status: 'present', minutes: 30 },
      { meetingId: 'm-cfp-nov', title: 'CfP monthly call', kind: 'monthly CfP call', meetCode: 'cfp-mont-hly', at: '2026-11-20T13:00:00.000Z', status: 'absent' },
      { meetingId: 'p-nov-12', title: 'Meetup 2026-11-12', kind: 'CIL meetup', meetCode: MEET_CODE, at: '2026-11-12T14:00:00.000Z', status: 'present', minutes: 43 },
      { meetingId: 'p-nov-05', title: 'Meetup 2026-11-05', kind: 'CIL meetup', meetCode: MEET_CODE, at: '2026-11-05T14:00:00.000Z', status: 'present', minutes: 40 },
    ]);
  });

  it('lists the meetings ahead that the volunteer is expected at, for 14 days', () => {
    const member = summaryOf(TOKENS.member).json.result;
    expect(member.upcomingMeetings.map((m: { id: string }) => m.id)).toEqual(['m-now', 'm-team', 'm-meetup-2']);
    expect(member.upcomingMeetings[2]).toEqual({
      id: 'm-meetup-2',
      kind: 'CIL meetup',
      title: 'Weekly meetup',
      startsAt: '2026-12-03T14:00:00.000Z',
      endsAt: '2026-12-03T15:00:00.000Z',
      meetCode: MEET_CODE,
    });
    const organizer = summaryOf(TOKENS.organizer).json.result;
    expect(organizer.upcomingMeetings.map((m: { id: string }) => m.id)).toEqual(['m-now', 'm-leads', 'm-meetup-2']);
  });

  it('gives the standing: roster status and the last step a lead let go out', () => {
    expect(summaryOf(TOKENS.member).json.result.lastStep).toEqual({ kind: 'warning', at: '2026-11-20T02:00:00.000Z' });
    expect(summaryOf(TOKENS.organizer).json.result.lastStep).toEqual({ kind: 'offboarding', at: '2026-11-26T04:00:00.000Z' });
  });

  it('shows a lead their own figures, with the lead commitment', () => {
    const { result } = summaryOf(TOKENS.organizer).json;
    expect(result.week).toEqual({ period: '2026-W48', hours: 10, commitment: 4 });
    expect(result.recentAttendance).toEqual([
      expect.objectContaining({ meetingId: 'm-cfp-nov', status: 'present', minutes: 55 }),
    ]);
  });

  it('writes nothing, reads a few columns of the long tabs, and costs the same however long they are', () => {
    const before = spreadsheetsNow(cil);
    const { meter } = summaryOf(TOKENS.member);
    expect(spreadsheetsNow(cil)).toBe(before);
    expect(meter.cellsWritten).toBe(0);
    expect(meter.callsByMethod['Range.setValues'] ?? 0).toBe(0);
    post(cil, { op: 'sync', token: TOKENS.member, entries: Array.from({ length: 40 }, () => ({ kind: 'hours', id: uuid(), day: '2026-11-02', hours: 1, category: 'learning', loggedAt: '2026-11-27T04:00:00.000Z' })) });
    const after = summaryOf(TOKENS.member);
    expect(after.meter.serviceCalls).toBe(meter.serviceCalls);
    // Three of the Hours tab's nine columns for each new row.
    expect(after.meter.cellsRead - meter.cellsRead).toBe(40 * 3);
    expect(after.json.result.month.hours).toBe(46);
  });
});
