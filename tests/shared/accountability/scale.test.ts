import { describe, expect, it } from 'vitest';
import { evaluateCil } from '../../../shared/accountability/evaluate';
import type { Attendance } from '../../../shared/records/attendance';
import type { HoursEntry } from '../../../shared/records/hours';
import type { Meeting } from '../../../shared/records/meeting';
import type { Notice } from '../../../shared/records/notice';
import type { Volunteer } from '../../../shared/records/volunteer';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import type { Instant } from '../../../shared/time/instant';
import { input, meeting, volunteer } from './world';

// 200 volunteers and two years of weekly meetups (plus a monthly CfP call), with attendance and
// weekly hours for each: the size the benchmark (issue 6, item 6) measures. Times are for the
// benchmark to report; this only checks that the engine gets through it with sane answers.
function bigCil() {
  const volunteers: Volunteer[] = Array.from({ length: 200 }, (_, i) =>
    volunteer(`V-${i}`, { role: i % 20 === 0 ? 'organizer' : 'member', team: i % 2 ? 'Civic Data' : 'Outreach' }),
  );
  const meetings: Meeting[] = [];
  const attendance: Attendance[] = [];
  const hours: HoursEntry[] = [];
  const notices: Notice[] = [];
  const first: CalendarDay = '2025-01-07';
  for (let week = 0; week < 104; week++) {
    const day = addDays(first, week * 7);
    const m = meeting(`MU-${week}`, day, { meetCode: 'abc-defg-hij' });
    meetings.push(m);
    if (week % 4 === 0) meetings.push(meeting(`CALL-${week}`, addDays(day, 1), { kind: 'monthly CfP call', expectedAttendees: 'leads' }));
    volunteers.forEach((v, i) => {
      // Every seventh volunteer drifts away in the second year; others miss now and then.
      const drifted = i % 7 === 0 && week > 60;
      if (!drifted && (week + i) % 5 !== 0) {
        attendance.push({ id: `A-${week}-${i}`, meetingId: m.id, volunteerId: v.id, status: 'present', minutes: 55, source: 'extension', joinedAt: m.startsAt, leftAt: m.endsAt });
      } else if (!drifted && (week + i) % 10 === 0) {
        notices.push({ id: `N-${week}-${i}`, volunteerId: v.id, kind: 'absence notice', givenAt: `${addDays(day, -1)}T10:00:00.000Z` as Instant, meetingId: m.id, source: 'extension' });
      }
      if (!drifted) {
        hours.push({ id: `H-${week}-${i}`, volunteerId: v.id, day: addDays(day, -1), hours: 2 + (i % 4), category: 'project work', source: 'extension', loggedAt: `${addDays(day, -1)}T12:00:00.000Z` as Instant });
      }
    });
  }
  return { volunteers, meetings, attendance, hours, notices };
}

describe('scale: 200 volunteers × two years of weekly meetings', () => {
  it('evaluates every volunteer', () => {
    const world = bigCil();
    expect(world.attendance.length).toBeGreaterThan(15_000);
    expect(world.hours.length).toBeGreaterThan(19_000);
    const result = evaluateCil(input({ ...world, today: '2027-01-04' }));
    expect(result.volunteers).toHaveLength(200);
    const drifters = result.volunteers.filter((_, i) => i % 7 === 0);
    expect(drifters.every((v) => v.standing === 'inactive')).toBe(true);
    expect(result.actions.filter((a) => a.type === 'warning')).toHaveLength(drifters.length);
  });
});
