import { describe, expect, it } from 'vitest';
import { checkSyncEntry, entryResultSchema, syncEntrySchema } from '../../../shared/api/sync-entry';

const hours = {
  kind: 'hours',
  id: '3f0c9d4e-2b1a-4c8d-9e7f-6a5b4c3d2e1f',
  day: '2026-11-27',
  hours: 1.5,
  category: 'research',
  note: 'Interviewed two shopkeepers',
  loggedAt: '2026-11-27T12:00:00.000Z',
};
const attendance = {
  kind: 'attendance',
  id: '5e1d2c3b-4a59-4687-8776-655443322110',
  meetCode: 'abc-defg-hij',
  title: 'CIL meetup',
  joinedAt: '2026-11-27T14:00:00.000Z',
  leftAt: '2026-11-27T15:00:00.000Z',
};
const notice = {
  kind: 'notice',
  id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  givenAt: '2026-11-25T08:00:00.000Z',
  calendarEventId: 'evt123',
  reason: 'Exam that evening',
};

function reason(entry: unknown) {
  const check = checkSyncEntry(entry);
  return check.ok ? undefined : check.result.reason;
}

describe('sync entries', () => {
  it('accept each kind', () => {
    expect(checkSyncEntry(hours)).toEqual({ ok: true, entry: hours });
    expect(checkSyncEntry(attendance)).toEqual({ ok: true, entry: attendance });
    expect(checkSyncEntry(notice)).toEqual({ ok: true, entry: { ...notice, noticeKind: 'absence notice' } });
    expect(checkSyncEntry({ ...notice, calendarEventId: undefined, noticeKind: 'communication' }).ok).toBe(true);
  });

  it('need a UUID id', () => {
    expect(reason({ ...hours, id: 'entry-1' })).toBe('id must be a UUID');
  });

  it('check hours like the Hours tab does', () => {
    expect(reason({ ...hours, hours: 0 })).toBe('hours must be more than 0');
    expect(reason({ ...hours, hours: 25 })).toBe('hours must be at most 24');
    expect(reason({ ...hours, day: '27/11/2026' })).toBe('day must be a real date written YYYY-MM-DD');
    expect(reason({ ...hours, category: 'gaming' })).toMatch(/^category must be one of: project work/);
  });

  it('refuse a session that ends before it starts, and bad instants', () => {
    expect(reason({ ...attendance, leftAt: '2026-11-27T13:59:59.999Z' })).toBe('leftAt must not be before joinedAt');
    expect(checkSyncEntry({ ...attendance, leftAt: attendance.joinedAt }).ok).toBe(true);
    expect(reason({ ...attendance, joinedAt: '2026-11-27T14:00:00+05:00' })).toMatch(/^joinedAt must be a UTC date and time/);
    expect(reason({ ...attendance, meetCode: 'meet.google.com/abc-defg-hij' })).toBe('meetCode must be a Meet code like abc-defg-hij');
  });

  it('need an absence notice to say what it is for', () => {
    expect(reason({ ...notice, calendarEventId: undefined })).toBe(
      'an absence notice needs calendarEventId, meetCode, startsAt or fromDay',
    );
    expect(reason({ ...notice, fromDay: '2026-12-10', toDay: '2026-12-01' })).toBe('toDay must not be before fromDay');
  });

  it('refuse unknown kinds and non-objects, keeping the id when there is one', () => {
    expect(checkSyncEntry({ kind: 'selfie', id: 'abc' })).toMatchObject({ ok: false, result: { id: 'abc', status: 'rejected' } });
    expect(checkSyncEntry('hours')).toMatchObject({ ok: false, result: { id: '', status: 'rejected' } });
    expect(checkSyncEntry(null)).toMatchObject({ ok: false, result: { id: '' } });
  });

  it('are checked one by one, so one bad entry spoils nothing else', () => {
    const batch: unknown[] = [hours, { ...hours, id: 'x', hours: -1 }, attendance, 42, notice];
    const checks = batch.map(checkSyncEntry);
    expect(checks.map((c) => c.ok)).toEqual([true, false, true, false, true]);
    const rejected = checks.flatMap((c) => (c.ok ? [] : [c.result]));
    for (const result of rejected) expect(entryResultSchema.safeParse(result).success).toBe(true);
    expect(rejected[0]?.reason).toBe('id must be a UUID; hours must be more than 0');
  });

  it('drop fields they do not know, so a newer extension can send more', () => {
    const parsed = syncEntrySchema.parse({ ...hours, mood: 'great' });
    expect(parsed).not.toHaveProperty('mood');
  });
});
